"""Selecting rows and the book's counting rules, each in one place; provenance of any row id.

:mod:`.select` picks rows (by kind, place, date) and adds their sources' fields; :mod:`.figures` reads a figure as
a value or a range and picks latest, peak and best-first; :mod:`.control` turns control reports into who held
what each day and how far the front stood; :mod:`.geo` measures distances; :mod:`.provenance` leads from a row id
to its source; :mod:`.translations` reads the book's own translations.
"""
