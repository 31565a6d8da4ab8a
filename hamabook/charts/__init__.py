"""Chart kinds: one builder per recurring kind of chart, the theme, and map geometry."""
