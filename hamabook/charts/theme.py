"""One look for every chart: an Altair theme and matching matplotlib settings."""

import altair as alt
import matplotlib as mpl

FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
INK = "#222222"
MUTED = "#666666"
GRID = "#dddddd"
# Colour-blind-safe categorical palette (Okabe-Ito), in a fixed order.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
# Colours for the sides of the war, used the same way in every chapter.
SIDE_COLOURS = {"government": "#D55E00", "opposition": "#0072B2", "other": "#999999"}


def altair_theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "background": "transparent",
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "axis": {"labelColor": INK, "titleColor": INK, "gridColor": GRID, "domainColor": MUTED},
            "legend": {"labelColor": INK, "titleColor": INK},
            "title": {"color": INK, "anchor": "start", "fontSize": 14},
            "range": {"category": PALETTE},
        }
    }


def apply() -> None:
    """Register and enable the Altair theme and set matplotlib defaults (deterministic SVG)."""
    alt.theme.register("hamabook", enable=True)(altair_theme)
    mpl.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.edgecolor": MUTED,
            "axes.labelcolor": INK,
            "axes.prop_cycle": mpl.cycler(color=PALETTE),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": GRID,
            "figure.facecolor": "white",
            "figure.dpi": 100,
            "svg.fonttype": "none",
        }
    )
