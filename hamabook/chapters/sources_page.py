"""The sources page: which sources each chapter leans on (by language, alignment and grade) and the registry,
grouped by kind, crediting each source's originator and the outlets it came through."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import theme
from ..data import load
from ..output import prose
from ..output.figure import FOLD_AFTER, block, figure, readable, table
from ..output.render import table_html, table_print
from ..rows.grades import USUALLY_RELIABLE, at_least, grade_rank
from ..rows.provenance import credit
from ..rows.select import labels as registry_labels
from ..rows.select import with_originator_sides
from .data_dictionary import Blocks
from .page import Page, Section

CITING_TABLES = ("events", "figures", "control_changes", "forecasts", "outcomes", "actors", "likelihood_scale")
# The chapter a fact row belongs to: its own ``topic`` where the table has one, else the table's chapter.
TABLE_TOPIC = {"control_changes": "battle", "forecasts": "aftermath", "outcomes": "aftermath"}
LANGUAGES = {"en": "English", "ar": "Arabic"}


# Column labels of the table of sources per chapter topic.
CHAPTER_LABELS = {
    "chapter": "Chapter topic",
    "rows": "Fact rows",
    "sources": "Sources cited",
    "graded_ab": "Graded A or B (%)",
    "arabic": "In Arabic (%)",
    "top_alignment": "Most common publisher alignment",
    "sides": "Originators' sides heard",
}


def citation_counts() -> pd.Series:
    """How many rows across the package cite each source (0 for a registered but unused source)."""
    sources = load("sources")
    cited = pd.concat([load(t)["source_id"] for t in CITING_TABLES], ignore_index=True)
    return cited.value_counts().reindex(sources["source_id"], fill_value=0)


def citations(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per fact row: its source and the chapter (topic) it belongs to."""
    parts = []
    for name, frame in tables.items():
        topic = frame["topic"] if "topic" in frame.columns else pd.Series(TABLE_TOPIC[name], index=frame.index)
        parts.append(pd.DataFrame({"table": name, "source_id": frame["source_id"], "topic": topic}))
    out = pd.concat(parts, ignore_index=True)
    if out["topic"].isna().any():
        raise ValueError("a fact row has no topic")
    return out


def topic_labels() -> pd.Series:
    """The reader's label of each chapter fact rows can belong to, in the order of ``chapters.csv``."""
    return registry_labels("chapters")


def topic_label(topic: str, labels: pd.Series | None = None) -> str:
    """The reader's label of the chapter a fact row belongs to (``labels``: :func:`topic_labels`, read once)."""
    labels = topic_labels() if labels is None else labels
    if topic not in labels.index:
        raise KeyError(f"no reader label for chapter topic {topic!r}")
    return labels[topic]


def kind_label(kind: str) -> str:
    """A source kind as a heading: 'ngo' -> 'NGO', 'un agency' -> 'UN agency', 'state media' -> 'State media'."""
    words = kind.replace("_", " ").split()
    shown = [w.upper() if w in ("ngo", "un") else w for w in words]
    return " ".join(shown)[:1].upper() + " ".join(shown)[1:]


def language_group(code: str) -> str:
    return LANGUAGES.get(code, "other languages")


def mix(cites: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Distinct sources each chapter cites, counted by language, publisher's alignment, originator's side and
    grade (long form: one row per chapter, dimension and value)."""
    used = (
        cites[["topic", "source_id"]]
        .drop_duplicates()
        .merge(
            with_originator_sides(sources)[["source_id", "language", "alignment", "side", "reliability"]],
            on="source_id",
            validate="many_to_one",
        )
    )
    used["language"] = used["language"].map(language_group)
    for col in ("alignment", "side"):
        used[col] = used[col].map(registry_labels("alignments"))
        if used[col].isna().any():
            raise ValueError(f"a source's {col} has no reader label in data/alignments.csv")
    parts = []
    for dim, col in (("language", "language"), ("alignment", "alignment"), ("side", "side"), ("grade", "reliability")):
        counts = used.groupby(["topic", col]).size().reset_index(name="sources").rename(columns={col: "value"})
        parts.append(counts.assign(dimension=dim))
    out = pd.concat(parts, ignore_index=True)[["topic", "dimension", "value", "sources"]]
    labels = topic_labels()
    order = {t: i for i, t in enumerate(labels.index)}
    out = out.sort_values(
        ["dimension", "topic", "value"], key=lambda s: s.map(order) if s.name == "topic" else s
    ).reset_index(drop=True)
    out["topic"] = out["topic"].map(lambda t: topic_label(t, labels))
    return out


def chapter_summary(cites: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per chapter: fact rows, distinct sources, and the share of those sources graded A-B, in Arabic, and the
    most frequent alignment."""
    used = cites.merge(
        with_originator_sides(sources)[["source_id", "language", "alignment", "side", "reliability"]], on="source_id"
    )
    alignments = registry_labels("alignments")
    rows = []
    labels = topic_labels()
    for topic in [t for t in labels.index if t in set(used["topic"])]:
        part = used[used["topic"] == topic]
        distinct = part.drop_duplicates("source_id")
        rows.append(
            {
                "chapter": topic_label(topic, labels),
                "rows": len(part),
                "sources": len(distinct),
                "graded_ab": round(100 * at_least(distinct["reliability"], USUALLY_RELIABLE).mean()),
                "arabic": round(100 * (distinct["language"] == "ar").mean()),
                "top_alignment": alignments[distinct["alignment"].value_counts().sort_index().idxmax()],
                "sides": distinct["side"].nunique(),
            }
        )
    return pd.DataFrame(rows)


def title_text(title, title_en, language: str) -> str:
    """A title as the registry shows it: the original, with its English gloss when it is in another language."""
    title = "" if pd.isna(title) else str(title)
    gloss = "" if pd.isna(title_en) else str(title_en)
    if not title:
        return gloss
    if gloss and language != "en":
        return f"{title} (English: {gloss})"
    return title


def registry(sources: pd.DataFrame, counts: pd.Series) -> pd.DataFrame:
    """The registry for the page: credit line, title with gloss, grade and rows citing each source."""
    table_ = sources.assign(rows=counts.reindex(sources["source_id"]).to_numpy())
    table_["credit"] = [credit(o, p, v) for o, p, v in zip(table_["originator"], table_["publisher"], table_["via"])]
    table_["title_shown"] = [
        title_text(t, e, lang) for t, e, lang in zip(table_["title"], table_["title_en"], table_["language"])
    ]
    table_["kind"] = table_["kind"].str.replace("_", " ")
    table_["alignment"] = table_["alignment"].map(registry_labels("alignments"))
    table_["language"] = table_["language"].map(lambda c: LANGUAGES.get(c, c))
    return table_[
        [
            "source_id",
            "credit",
            "title_shown",
            "published",
            "language",
            "alignment",
            "kind",
            "reliability",
            "rows",
            "url",
        ]
    ]


def mix_chart(drawn: pd.DataFrame):
    shown = set(drawn["topic"])
    order = [label for label in topic_labels() if label in shown]

    def panel(dim: str, title: str, scale=alt.Undefined):
        return (
            alt.Chart()
            .transform_filter(alt.datum.dimension == dim)
            .mark_bar()
            .encode(
                y=alt.Y("topic:N", sort=order, title=None),
                x=alt.X(
                    "sources:Q",
                    stack="normalize",
                    title=f"Share of sources cited, by {title}",
                    axis=alt.Axis(format="%"),
                ),
                color=alt.Color("value:N", title=title, scale=scale),
                tooltip=["topic", "value", "sources"],
            )
            .properties(width=440, height=130, title=title.capitalize())
        )

    return alt.vconcat(
        panel("language", "language"),
        panel("alignment", "alignment of the publisher"),
        panel("side", "side of the originator"),
        panel("grade", "grade", alt.Scale(domain=list(grade_rank()))),
        data=drawn,
    ).resolve_scale(color="independent")


LABELS = {
    "source_id": "Id",
    "credit": "Originator, via",
    "title_shown": "Title",
    "published": "Published",
    "language": "Language",
    "alignment": "Alignment",
    "kind": "Kind",
    "reliability": "Grade",
    "rows": "Rows",
}


def build() -> Page:
    theme.apply()
    sources = load("sources")
    facts = {t: load(t) for t in ("events", "figures", "control_changes", "forecasts", "outcomes")}
    cites = citations(facts)
    return Page.of(counts(sources), by_chapter(cites, sources), sources_registry(sources))


def counts(sources: pd.DataFrame) -> Section:
    """How many sources, of how many kinds, languages and originators; how many graded A or B, relayed."""
    return Section(
        values={
            "src_n_sources": prose.count(len(sources), table="sources", noun="source"),
            "src_n_kinds": prose.count(sources["kind"].nunique(), table="sources"),
            "src_n_ab": prose.count(int(at_least(sources["reliability"], USUALLY_RELIABLE).sum()), table="sources"),
            "src_n_languages": prose.count(sources["language"].nunique(), table="sources", noun="language"),
            "src_n_arabic": prose.count(int((sources["language"] == "ar").sum()), table="sources"),
            "src_n_originators": prose.count(sources["originator"].nunique(), table="sources"),
            "src_n_relayed": prose.count(int((sources["originator"] != sources["publisher"]).sum()), table="sources"),
        }
    )


def by_chapter(cites: pd.DataFrame, sources: pd.DataFrame) -> Section:
    """The mix of sources each chapter topic cites: best and worst graded, most Arabic (a chart and a table)."""
    drawn = mix(cites, sources)
    summary = chapter_summary(cites, sources)
    best = summary.sort_values(["graded_ab", "chapter"], ascending=[False, True]).iloc[0]
    worst = summary.sort_values(["graded_ab", "chapter"]).iloc[0]
    most_ar = summary.sort_values(["arabic", "chapter"], ascending=[False, True]).iloc[0]
    s = Section(
        values={
            "src_best_chapter": prose.text(best["chapter"], table="sources"),
            "src_best_share": prose.number(best["graded_ab"], table="sources"),
            "src_worst_chapter": prose.text(worst["chapter"], table="sources"),
            "src_worst_share": prose.number(worst["graded_ab"], table="sources"),
            "src_arabic_chapter": prose.text(most_ar["chapter"], table="sources"),
            "src_arabic_share": prose.number(most_ar["arabic"], table="sources"),
        }
    )
    s.add(
        "sources-mix",
        figure(
            "sources-mix",
            mix_chart(drawn),
            drawn,
            caption=(
                f"Sources graded A or B make up {best['graded_ab']} % of the sources cited under "
                f"{best['chapter']} but {worst['graded_ab']} % under {worst['chapter']}; Arabic-language sources "
                f"are most common under {most_ar['chapter']} ({most_ar['arabic']} %)."
            ),
            alt_text=(
                "Four sets of horizontal stacked bars, one bar per chapter topic ("
                + ", ".join(summary["chapter"])
                + "), showing the share of distinct sources cited by language, by the alignment of the publisher, by"
                " the side of the originator and by reliability grade."
            ),
            sources=[],
            own_data="data/sources.csv and the topic of each fact row",
        ),
    )
    s.add(
        "sources-by-chapter",
        table(
            summary,
            caption=(
                "Sources cited per chapter topic (control changes count to the battle, "
                "forecasts and outcomes to the aftermath)"
            ),
            labels=CHAPTER_LABELS,
            noun="chapters",
        ),
    )
    return s


def sources_registry(sources: pd.DataFrame) -> Section:
    """The registry of sources, one folded table per kind."""
    reg = registry(sources, citation_counts())
    parts = []
    for kind, group in reg.groupby("kind", sort=False):
        group = readable(group.sort_values(["reliability", "credit", "source_id"]).drop(columns="kind"))
        caption = f"Sources of kind {kind}: {len(group)}"
        html_table = table_html(group, caption, LABELS, {"title_shown": "url"}, fold_after=FOLD_AFTER, noun="sources")
        parts.append(
            block(
                f'<details class="hb-group"><summary>{kind_label(kind)}: {len(group)} sources</summary>'
                f"{html_table}</details>",
                table=table_print(group, caption, LABELS),
            )
        )
    s = Section()
    s.add("sources-registry", Blocks(parts))
    return s
