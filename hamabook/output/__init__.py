"""Output to the page: figures, tables, judgment boxes, prose values with their provenance notes."""
