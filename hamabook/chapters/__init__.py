"""One module per chapter, each with the same small interface (see :mod:`hamabook.chapters.page`)."""
