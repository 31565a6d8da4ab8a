"""Build plumbing: the Sphinx extension (cache guard, offline assets)."""
