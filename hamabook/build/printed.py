"""The print edition from the site build's execution: no notebook runs a second time.

`make pdf` builds the site first, then the LaTeX builder with ``HAMABOOK_PRINT_FROM`` naming the site
build's execution cache (jupyter-cache, which keeps each run's outputs whole: the ``jupyter_execute`` copies
lack the glued values, which myst-nb takes out of them). Execution is then off, and each notebook, as Sphinx
reads it, takes the outputs of its cached run in print form (:func:`print_notebook`): an output that carries
print Markdown in its metadata (:class:`hamabook.output.figure.Printable`) shows that Markdown, and a figure
becomes a vector PDF drawn from the static SVG the site shows (its text stays text, in embedded fonts), followed
by its caption and credit. Prose comes from the source as it is now. A site build that ran other code, or on
other data, package or requirements (its execution cache's stamp), stops the build.
"""

from __future__ import annotations

import base64
import copy
import json
import os
from pathlib import Path

PRINT_FROM_ENV = "HAMABOOK_PRINT_FROM"
FIGURE_MARK = 'class="hb-figure"'


class StaleExecution(RuntimeError):
    """The executed notebook does not match its source: the site build that made it is out of date."""


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value or ""


def _code(nb: dict) -> list[str]:
    return [_text(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def _pdf(svg: str) -> str:
    import vl_convert

    return base64.b64encode(vl_convert.svg_to_pdf(svg)).decode("ascii")


def _print_outputs(output: dict) -> list[dict]:
    """An output carrying print Markdown becomes that Markdown (a figure: its image, then its caption);
    any other output stays as it is."""
    # Here, not at the top: these load pandas and Altair, which a no-op site build never needs.
    from ..output.figure import PRINT_MARKDOWN
    from ..output.render import static_svgs

    markdown = _text(output.get("metadata", {}).get(PRINT_MARKDOWN))
    if not markdown:
        return [output]
    shown = [{"output_type": "display_data", "metadata": {}, "data": {"text/markdown": markdown}}]
    markup = _text(output.get("data", {}).get("text/html"))
    if FIGURE_MARK not in markup:
        return shown
    svgs = static_svgs(markup)
    if len(svgs) != 1:
        raise ValueError(f"a figure's HTML should hold one static image, found {len(svgs)}")
    return [{"output_type": "display_data", "metadata": {}, "data": {"application/pdf": _pdf(svgs[0])}}, *shown]


def print_notebook(executed: dict, source: dict) -> dict:
    """The source notebook (its prose and code as they are now) with the outputs of ``executed`` (the site
    build's run of it) in print form; raises StaleExecution if the two notebooks' code cells differ."""
    if _code(executed) != _code(source):
        raise StaleExecution("its code cells differ from the source notebook's")
    nb = copy.deepcopy(source)
    runs = (c for c in executed["cells"] if c["cell_type"] == "code")
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = [out for output in next(runs).get("outputs", []) for out in _print_outputs(output)]
    return nb


def _use_site_execution(app, config) -> None:
    """With HAMABOOK_PRINT_FROM set: nothing executes and notebooks are read from the site build's run, which
    must have run on the data, package and requirements as they are now (its execution cache's stamp)."""
    cache = os.environ.get(PRINT_FROM_ENV)
    if not cache:
        return
    from .sphinxext import STAMP_NAME, inputs_digest

    stamp = Path(cache) / STAMP_NAME
    if not stamp.is_file():
        raise StaleExecution(f"{PRINT_FROM_ENV}={cache}: no site build there; build the site first (make book)")
    if stamp.read_text(encoding="utf-8") != inputs_digest():
        raise StaleExecution(f"{cache}: data, package or requirements changed since; build the site again (make book)")
    config.nb_execution_mode = "off"
    app.connect("source-read", _read_executed)


def _read_executed(app, docname: str, source: list[str]) -> None:
    if Path(app.env.doc2path(docname)).suffix != ".ipynb":
        return
    import nbformat
    from jupyter_cache import get_cache

    from .sphinxext import STAMP_NAME

    cache = Path(os.environ[PRINT_FROM_ENV])
    app.env.note_dependency(str(cache / STAMP_NAME))  # a site build on new inputs makes Sphinx read the page again
    notebook = json.loads(source[0])
    try:
        record = get_cache(str(cache)).match_cache_notebook(nbformat.from_dict(notebook))
    except KeyError:
        raise StaleExecution(
            f"{docname}: its code did not run in the site build in {cache}; build the site again (make book)"
        ) from None
    executed = get_cache(str(cache)).get_cache_bundle(record.pk).nb
    source[0] = json.dumps(print_notebook(executed, notebook), ensure_ascii=False)


def setup(app) -> None:
    """Called by :mod:`hamabook.build.sphinxext`; runs before the execution cache guard reads the mode."""
    app.connect("config-inited", _use_site_execution, priority=50)
