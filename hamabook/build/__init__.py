"""Build plumbing: the Sphinx extension (cache guard, offline assets), the bibliography export, release archives
and the notebook refresher."""
