"""The chapter pages (the book's argument; the appendix pages aside), for checks of the built site."""

CHAPTERS = ["intro", "military", "argument", "battle", "hama1982", "allies", "humanitarian", "aftermath"]
