"""An output in several representations; each Sphinx builder picks the one it can render."""

from __future__ import annotations


class Bundle:
    """An output with several representations; each Sphinx builder picks the one it can render."""

    def __init__(self, **mimes: str):
        self.mimes = {key.replace("_", "/", 1): value for key, value in mimes.items()}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.mimes
