"""The interface every chapter module offers: ``build() -> Page``.

A chapter module computes, from the loaded tables, everything its notebook shows: the values its prose
inserts (keyed by the literal names the Markdown uses, so a search for a key finds the line that
computes it), its figures, its tables and the judgments it states. The notebook is then prose plus
``page = chapter.build(); page.glue()`` and one ``page.show("name")`` per figure, table or judgment box.

``build()`` is short: it loads the tables once and calls one function per section of the page, each returning a
:class:`Section` (its values and outputs); :meth:`Page.of` puts them together in page order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data import load
from ..output import arabic
from ..output.judgments import judgment_boxes, verdict_values
from ..output.prose import Value, glue_values, headline, single_source
from ..output.provenance import provenance_note
from ..rows.provenance import evidence_index, originators


@dataclass
class Section:
    """One section of a page: the values its prose inserts and the figures, tables and boxes it shows."""

    values: dict[str, Value] = field(default_factory=dict)
    shows: dict[str, object] = field(default_factory=dict)  # figures, tables and boxes, by name

    def add(self, name: str, output) -> None:
        if name in self.shows:
            raise KeyError(f"{name!r} is already on this page")
        self.shows[name] = output


@dataclass
class Page(Section):
    lang: str = "en"  # the page's language: "ar" writes its provenance notes in Arabic

    @classmethod
    def of(cls, *sections: Section, lang: str = "en") -> Page:
        """The page made of ``sections``, in order; a key or output name used by two sections is an error."""
        page = cls(lang=lang)
        for section in sections:
            twice = sorted(page.values.keys() & section.values.keys())
            if twice:
                raise KeyError(f"values computed by two sections: {', '.join(twice)}")
            page.values.update(section.values)
            for name, output in section.shows.items():
                page.add(name, output)
        return page

    def headline(self, *keys: str) -> None:
        """Mark the values the bottom line states, so each says in the text when it rests on one originator."""
        for key in keys:
            self.values[key] = headline(self.values[key])

    def glue(self) -> None:
        """Glue every value with its provenance note (run once, in the notebook's first cell); a headline value
        resting on one originator's reports says so first in its note."""
        index = evidence_index()
        if self.lang == "ar":
            notes = {key: arabic_note(v, index) for key, v in self.values.items()}
        else:
            notes = {
                key: single_source(v, originators(v.rows, index) if v.headline else [])
                + provenance_note(v.rows, index, v.table)
                for key, v in self.values.items()
            }
        glue_values(self.values, notes)

    def show(self, name: str):
        """The figure, table or box called ``name``, for display in a notebook cell."""
        if name not in self.shows:
            raise KeyError(f"no {name!r} on this page; it has: {', '.join(self.shows)}")
        return self.shows[name]


def arabic_note(value: Value, index) -> str:
    """A value's provenance note in Arabic; a headline value resting on one originator names it first."""
    single = originators(value.rows, index) if value.headline else []
    return arabic.provenance_note(value.rows, index, value.table, single=single[0] if len(single) == 1 else "")


def judged(chapter: str, verdicts: dict[str, str]) -> Section:
    """The chapter's judgment boxes, and the verdicts its prose cites (``{literal key: judgment id}``)."""
    judgments, likelihood, history = load("judgments"), load("likelihood_scale"), load("judgment_history")
    return Section(
        values=verdict_values(judgments, likelihood, verdicts),
        shows=judgment_boxes(judgments, likelihood, history, chapter),
    )
