"""The chart runtime the site ships (vega, vega-lite and vega-embed from the pinned ``vl-convert-python``) and
the loader script that fetches it when a chart scrolls into view. Kept apart from :mod:`hamabook.output.render`
so the Sphinx extension can name and write them without importing Altair, pandas or matplotlib (a no-op
rebuild then stays cheap).
"""

from __future__ import annotations

import hashlib

# Defines window.hbEmbed(id, spec): draws as SVG into the chart's div (replacing the static SVG)
# and follows the site's light/dark mode.
_EMBED_SNIPPET = """
window.vegaEmbed = vegaEmbed;
const DARK = {background: null, axis: {labelColor: "#e6e6e6", titleColor: "#e6e6e6",
  gridColor: "#444444", domainColor: "#aaaaaa", tickColor: "#aaaaaa"},
  legend: {labelColor: "#e6e6e6", titleColor: "#e6e6e6"}, title: {color: "#e6e6e6"},
  text: {color: "#e6e6e6"}};
const drawn = [];
function merged(base, over) {
  const out = Object.assign({}, base);
  for (const [key, value] of Object.entries(over)) {
    const both = value && typeof value === "object" && out[key] && typeof out[key] === "object";
    out[key] = both ? Object.assign({}, out[key], value) : value;
  }
  return out;
}
function draw(id, spec) {
  const box = document.getElementById(id);
  if (!box) return Promise.resolve(null);
  let live = box.querySelector(".hb-chart-live");
  if (!live) {
    live = document.createElement("div");
    live.className = "hb-chart-live";
    box.appendChild(live);
  }
  const dark = document.documentElement.dataset.theme === "dark";
  const shown = dark ? Object.assign({}, spec, {config: merged(spec.config || {}, DARK)}) : spec;
  return vegaEmbed(live, shown, {actions: false, renderer: "svg"}).then((result) => {
    box.querySelectorAll(".hb-chart-static").forEach((img) => img.remove());
    box.classList.add("hb-chart-drawn");
    return result;
  });
}
window.hbEmbed = function (id, spec) { drawn.push([id, spec]); return draw(id, spec); };
new MutationObserver(() => drawn.forEach(([id, spec]) => draw(id, spec)))
  .observe(document.documentElement, {attributes: true, attributeFilter: ["data-theme"]});
"""

# The only chart script a page loads up front (about 1.5 KB). Once the reader scrolls, moves the
# pointer, touches or uses the keyboard, it watches each chart's div; when the first chart is in view
# it loads the runtime bundle (a sibling file, versioned by @KEY@), then draws each chart as it comes
# into view. So opening a page never fetches the runtime, and the static SVG stays until then (or for
# good without JavaScript, or if the bundle fails to load).
CHART_LOADER = """(function () {
  "use strict";
  var me = document.currentScript;
  var url = (me ? me.src : "").replace(/[^/]*$/, "@BUNDLE@?v=@KEY@");
  var loading = null;
  function runtime() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = url;
        s.onload = resolve;
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return loading;
  }
  function draw(entry) {
    return runtime().then(function () { return window.hbEmbed(entry[0], entry[1]); });
  }
  // Only what a reader does: the theme scrolls and focuses the page itself on load, so "scroll" and "focusin"
  // would wake the runtime before anyone interacts.
  var EVENTS = ["wheel", "pointermove", "pointerdown", "touchstart", "keydown"];
  function watch() {
    EVENTS.forEach(function (name) { window.removeEventListener(name, watch, true); });
    var queue = window.hbCharts || [];
    window.hbCharts = {push: draw};
    if (!("IntersectionObserver" in window)) { queue.forEach(draw); return; }
    var byId = {};
    var seen = new IntersectionObserver(function (changes) {
      changes.forEach(function (change) {
        if (change.isIntersecting && byId[change.target.id]) {
          seen.unobserve(change.target);
          draw(byId[change.target.id]);
        }
      });
    });
    queue.forEach(function (entry) {
      var el = document.getElementById(entry[0]);
      byId[entry[0]] = entry;
      if (el) seen.observe(el);
    });
  }
  EVENTS.forEach(function (name) { window.addEventListener(name, watch, {capture: true, passive: true}); });
})();
"""


def vega_bundle() -> str:
    """JavaScript defining ``hbEmbed``, with vega, vega-lite and vega-embed inlined."""
    import vl_convert

    code = vl_convert.javascript_bundle(_EMBED_SNIPPET)
    # An IIFE keeps the bundle's top-level names (e.g. `_`) from clashing with Sphinx's.
    return "(function () {\n" + code + "\n})();\n"


def bundle_key() -> str:
    """Identifies :func:`vega_bundle`'s output without generating it: the pinned package and our snippet."""
    from importlib.metadata import version

    text = f"vl-convert-python {version('vl-convert-python')}\n{_EMBED_SNIPPET}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def chart_loader(bundle_name: str) -> str:
    """The loader script, pointing at ``bundle_name`` (a file beside it) at the current bundle key."""
    return CHART_LOADER.replace("@BUNDLE@", bundle_name).replace("@KEY@", bundle_key())
