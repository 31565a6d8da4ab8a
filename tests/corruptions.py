"""A catalogue of named corruptions of the data package, each with the message it must produce.

Every corruption is a function that damages a copy of ``data/`` in place; :data:`CATALOGUE` pairs it with a
fragment the validator's report must contain. Rows are chosen by what they hold (a figure counted in people,
a source with a publication date...), not by line number, so the catalogue survives changes to the data.
``TODAY`` is the day validation is run "on": the latest date in the real package, so the real data is never
in the future; ``TOMORROW`` is in the future whichever of the two days validation uses.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from hamabook import DATA_DIR

DESCRIPTOR = "datapackage.json"


# --- helpers -----------------------------------------------------------------------------------------


def rows(data: Path, table: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((data / f"{table}.csv").read_text(encoding="utf-8"), newline="")))


def write(data: Path, table: str, table_rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(table_rows)
    (data / f"{table}.csv").write_text(buffer.getvalue(), encoding="utf-8")


def find(data: Path, table: str, test: Callable[[dict[str, str]], bool]) -> int:
    """The file line (header = 1) of the first row for which ``test(row as dict)`` holds."""
    table_rows = rows(data, table)
    header = table_rows[0]
    for i, cells in enumerate(table_rows[1:], start=2):
        if test(dict(zip(header, cells))):
            return i
    raise LookupError(f"no row in {table}.csv fits this corruption")


def get(data: Path, table: str, line: int, field: str) -> str:
    table_rows = rows(data, table)
    return table_rows[line - 1][table_rows[0].index(field)]


def put(data: Path, table: str, line: int, field: str, value: str) -> None:
    table_rows = rows(data, table)
    table_rows[line - 1][table_rows[0].index(field)] = value
    write(data, table, table_rows)


def edit_descriptor(data: Path, change: Callable[[dict], object]) -> None:
    desc = json.loads((data / DESCRIPTOR).read_text(encoding="utf-8"))
    change(desc)
    (data / DESCRIPTOR).write_text(json.dumps(desc, indent=1), encoding="utf-8")


def resource(desc: dict, name: str) -> dict:
    return next(r for r in desc["resources"] if r["name"] == name)


def field(desc: dict, table: str, name: str) -> dict:
    return next(f for f in resource(desc, table)["schema"]["fields"] if f["name"] == name)


def lines(data: Path, table: str) -> list[bytes]:
    return (data / f"{table}.csv").read_bytes().splitlines(keepends=True)


def put_lines(data: Path, table: str, new: list[bytes]) -> None:
    (data / f"{table}.csv").write_bytes(b"".join(new))


@cache
def latest_date() -> date:
    found = date(2000, 1, 1)
    for path in DATA_DIR.glob("*.csv"):
        for cells in csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")):
            for cell in cells:
                if len(cell) == 10 and cell[4] == "-" and cell[7] == "-" and cell[:4].isdigit():
                    try:
                        found = max(found, date.fromisoformat(cell))
                    except ValueError:
                        pass
    return found


TODAY = latest_date()
# after both the latest date in the package and the real date, so load() (which validates "today") refuses it too
TOMORROW = (max(TODAY, date.today()) + timedelta(days=1)).isoformat()


def _count_row(unit: str) -> Callable[[dict[str, str]], bool]:
    return lambda r: r["unit"] == unit and r["value"] != ""


def _ranged(r: dict[str, str]) -> bool:
    return r["low"] != "" and r["high"] != "" and float(r["low"]) < float(r["high"])


# --- cells: numbers, ranges, coordinates ------------------------------------------------------------


def negative_head_count(data: Path) -> None:
    put(data, "figures", find(data, "figures", _count_row("people")), "value", "-5")


def negative_death_toll(data: Path) -> None:
    put(data, "figures", find(data, "figures", _count_row("deaths")), "value", "-1")


def infinite_value(data: Path) -> None:
    put(data, "figures", find(data, "figures", _count_row("people")), "value", "inf")


def negative_infinity(data: Path) -> None:
    put(data, "figures", find(data, "figures", _count_row("km")), "value", "-INF")


def nan_value(data: Path) -> None:
    put(data, "figures", find(data, "figures", _count_row("deaths")), "value", "NaN")


def nan_probability(data: Path) -> None:
    put(data, "likelihood_scale", 2, "low", "nan")


def fractional_people(data: Path) -> None:
    put(data, "figures", find(data, "figures", _count_row("people")), "value", "1200.5")


def fractional_deaths_in_range(data: Path) -> None:
    line = find(data, "figures", lambda r: r["unit"] == "deaths" and _ranged(r))
    put(data, "figures", line, "low", str(float(get(data, "figures", line, "low")) + 0.25))


def value_outside_own_range(data: Path) -> None:
    line = find(data, "figures", _ranged)
    put(data, "figures", line, "value", str(float(get(data, "figures", line, "high")) * 2 + 1))


def low_above_high(data: Path) -> None:
    line = find(data, "figures", _ranged)
    low, high = get(data, "figures", line, "low"), get(data, "figures", line, "high")
    put(data, "figures", line, "low", high)
    put(data, "figures", line, "high", low)


def neither_value_nor_range(data: Path) -> None:
    line = find(data, "figures", lambda r: r["value"] != "" and r["low"] == "")
    put(data, "figures", line, "value", "")


def unknown_unit(data: Path) -> None:
    put(data, "figures", find(data, "figures", _count_row("people")), "unit", "persons")


def swapped_latitude_longitude(data: Path) -> None:
    line = find(data, "places", lambda r: r["place_id"] == "damascus")
    lat, lon = get(data, "places", line, "latitude"), get(data, "places", line, "longitude")
    put(data, "places", line, "latitude", lon)
    put(data, "places", line, "longitude", lat)


def place_in_turkey(data: Path) -> None:
    put(data, "places", find(data, "places", lambda r: r["place_id"] == "aleppo"), "latitude", "39.9")


def longitude_sign_lost(data: Path) -> None:
    put(data, "places", find(data, "places", lambda r: r["place_id"] == "hama"), "longitude", "-36.75783")


def latitude_beyond_90(data: Path) -> None:
    put(data, "places", 2, "latitude", "95")


def percentage_of_170(data: Path) -> None:
    line = find(data, "figures", lambda r: r["metric"] == "people_in_need_share" and r["value"] != "")
    put(data, "figures", line, "value", "170")


def death_toll_beyond_its_metric(data: Path) -> None:
    put(data, "figures", find(data, "figures", lambda r: r["metric"] == "hama_1982_death_toll"), "high", "4000000")


def negative_days(data: Path) -> None:
    put(data, "figures", find(data, "figures", _count_row("days")), "value", "-11")


def metric_range_inverted(data: Path) -> None:
    line = find(data, "metrics", lambda r: r["metric"] == "timeline_days")
    put(data, "metrics", line, "minimum", "5000")


def share_metric_allowing_170(data: Path) -> None:
    put(data, "metrics", find(data, "metrics", lambda r: r["metric"] == "people_in_need_share"), "maximum", "170")


# --- cells: dates -----------------------------------------------------------------------------------


def as_of_after_today(data: Path) -> None:
    put(data, "figures", 2, "as_of", TOMORROW)


def accessed_after_today(data: Path) -> None:
    put(data, "sources", 2, "accessed", TOMORROW)


def accessed_before_published(data: Path) -> None:
    line = find(data, "sources", lambda r: r["published"] != "" and r["published"] > "1950")
    day = date.fromisoformat(get(data, "sources", line, "published")) - timedelta(days=1)
    put(data, "sources", line, "accessed", day.isoformat())


def event_after_its_report(data: Path) -> None:
    line = find(data, "events", lambda r: r["date"] != "" and r["date"] <= r["as_of"] and r["as_of"] > "1950")
    day = date.fromisoformat(get(data, "events", line, "as_of")) + timedelta(days=1)
    put(data, "events", line, "date", day.isoformat())


def impossible_date(data: Path) -> None:
    put(data, "events", 2, "date", "2024-02-30")


def month_13(data: Path) -> None:
    put(data, "events", 2, "date", "2024-13-01")


def date_in_another_format(data: Path) -> None:
    put(data, "events", 2, "date", "05/12/2024")


def control_change_before_the_offensive(data: Path) -> None:
    put(data, "control_changes", 2, "date", "2020-01-01")


def control_change_after_the_fall(data: Path) -> None:
    put(data, "control_changes", 2, "date", "2024-12-20")


def outcome_before_the_fall(data: Path) -> None:
    put(data, "outcomes", 2, "date", "2024-12-01")


def date_before_schema_minimum(data: Path) -> None:
    put(data, "events", 2, "date", "1890-01-01")


# --- cells: ids and references ----------------------------------------------------------------------


def judgment_cites_missing_row(data: Path) -> None:
    line = 2
    put(data, "judgments", line, "basis", get(data, "judgments", line, "basis") + " Z9999")


def judgment_cites_deleted_event(data: Path) -> None:
    cited = get(data, "judgments", 2, "basis").split()[0]
    table = {"E": "events", "N": "figures"}.get(cited[0], "events")
    key = rows(data, table)[0][0]
    write(data, table, [r for r in rows(data, table) if dict(zip(rows(data, table)[0], r)).get(key) != cited])


def judgment_assumes_deleted_row(data: Path) -> None:
    put(data, "judgments", 2, "assumptions", get(data, "judgments", 2, "assumptions") + " The row O9999 shows it.")


def cause_weighs_deleted_row(data: Path) -> None:
    put(data, "causes", 2, "assessment", get(data, "causes", 2, "assessment") + " See O9999.")


def withdrawn_judgment_still_stands(data: Path) -> None:
    standing = get(data, "judgments", 2, "judgment_id")
    write(
        data,
        "judgment_history",
        [*rows(data, "judgment_history"), [standing, TODAY.isoformat(), "withdrawn", "", "", "Why."]],
    )


def standing_judgment_without_history(data: Path) -> None:
    standing = get(data, "judgments", 2, "judgment_id")
    write(data, "judgment_history", [r for r in rows(data, "judgment_history") if r[0] != standing])


def judgment_removed_without_history(data: Path) -> None:
    write(data, "judgments", [r for i, r in enumerate(rows(data, "judgments")) if i != 1])


def cause_cites_missing_row(data: Path) -> None:
    put(data, "causes", 2, "against_rows", get(data, "causes", 2, "against_rows") + " Z9999")


def evidence_kind_of_missing_row(data: Path) -> None:
    put(data, "evidence_kinds", 2, "row_id", "Z9999")


def unknown_source_id(data: Path) -> None:
    put(data, "events", 2, "source_id", "no-such-source")


def unknown_place_id(data: Path) -> None:
    put(data, "figures", find(data, "figures", lambda r: r["place_id"] != ""), "place_id", "atlantis")


def undeclared_reference_broken(data: Path) -> None:
    """A *_id column whose foreign key is not declared is still checked against the table keyed by it."""
    edit_descriptor(
        data,
        lambda d: resource(d, "events")["schema"].__setitem__(
            "foreignKeys", [fk for fk in resource(d, "events")["schema"]["foreignKeys"] if fk["fields"] != ["place_id"]]
        ),
    )
    put(data, "events", find(data, "events", lambda r: r["place_id"] != ""), "place_id", "atlantis")


def place_taken_from_itself(data: Path) -> None:
    put(data, "control_changes", 2, "taken_from", get(data, "control_changes", 2, "taken_by"))


def duplicate_id(data: Path) -> None:
    put(data, "events", 3, "event_id", get(data, "events", 2, "event_id"))


def malformed_id(data: Path) -> None:
    put(data, "events", 2, "event_id", "e1")


def id_of_another_tables_letter(data: Path) -> None:
    put(data, "figures", 2, "figure_id", "E9990")


# --- cells: text --------------------------------------------------------------------------------------


def mis_encoded_latin1_bytes(data: Path) -> None:
    raw = lines(data, "sources")
    i = next(i for i, line in enumerate(raw) if "é".encode() in line)
    raw[i] = raw[i].decode("utf-8").encode("latin-1", errors="replace")
    put_lines(data, "sources", raw)


def mojibake(data: Path) -> None:
    line = find(data, "sources", lambda r: "é" in r["title"])
    title = get(data, "sources", line, "title")
    put(data, "sources", line, "title", title.encode("utf-8").decode("cp1252", errors="replace"))


def decomposed_accents(data: Path) -> None:
    line = find(data, "sources", lambda r: "é" in r["title"])
    put(data, "sources", line, "title", unicodedata.normalize("NFD", get(data, "sources", line, "title")))


def control_character(data: Path) -> None:
    put(data, "events", 2, "summary", "Bell\x07 in the summary")


def zero_width_space(data: Path) -> None:
    put(data, "events", 2, "summary", "Zero\u200bwidth space")


OWN_PAGE_EVENT = 3  # events.csv line of a row read on its originator's own page (no originator to name)


def bidi_override(data: Path) -> None:
    put(data, "events", OWN_PAGE_EVENT, "summary", "Rebels \u202etook\u202c Hama")


def bidi_isolate(data: Path) -> None:
    put(data, "sources", 2, "title", "\u2067حماة\u2069 title")


def word_joiner(data: Path) -> None:
    put(data, "places", 2, "name", "Alep\u2060po")


def summary_of_120000_characters(data: Path) -> None:
    put(data, "events", OWN_PAGE_EVENT, "summary", "The army withdrew. " * 6000 + "End")


def markup_in_text(data: Path) -> None:
    put(data, "events", 2, "summary", "<script>alert(1)</script>")


def leading_space(data: Path) -> None:
    put(data, "events", 2, "summary", " leading space")


def required_cell_empty(data: Path) -> None:
    put(data, "events", 2, "summary", "")


def private_use_character_in_title(data: Path) -> None:
    put(data, "sources", 2, "title", "A title \ue000 with a private-use character")


def private_use_character_in_publisher(data: Path) -> None:
    put(data, "sources", 2, "publisher", "The \uf8ff Star")


def emoji_in_title(data: Path) -> None:
    put(data, "sources", 2, "title", "\U0001f534 What is happening in Syria")


def same_page_listed_twice(data: Path) -> None:
    """Another row's URL set to a variant of one row's: scheme, host prefix, default port, zero-padded number,
    trailing slash, tracking parameters and fragment changed, the page the same."""
    line = find(data, "sources", lambda r: any(s.isdigit() for s in urllib.parse.urlsplit(r["url"]).path.split("/")))
    parts = urllib.parse.urlsplit(get(data, "sources", line, "url"))
    host = parts.hostname.removeprefix("www.")
    path = "/".join("0" + s if s.isdigit() else s for s in parts.path.split("/")).rstrip("/") + "/"
    query = "&".join(filter(None, ["utm_source=feed", parts.query, "fbclid=x1", "at_medium=rss"]))
    variant = urllib.parse.urlunsplit(("http", f"m.{host}:80", path, query, "top"))
    last = len(rows(data, "sources"))
    put(data, "sources", last if line != last else last - 1, "url", variant)  # after the row it repeats


def relay_not_in_the_registry(data: Path) -> None:
    put(data, "events", 2, "summary", "The army withdrew from the city, according to a statement via Zorbalak News.")


def credit_not_in_the_registry(data: Path) -> None:
    line = find(data, "events", lambda r: r["event_id"] == "E2201")  # Gulf News's own report
    put(data, "events", line, "summary", "Zorbalak Wire (via Gulf News): the army admitted rebels had entered Aleppo.")


def ultimatum_no_longer_stated(data: Path) -> None:
    line = find(data, "control_changes", lambda r: r["place_id"] == "suwayda" and "24 hours" in r["summary"])
    for field in ("summary", "quote_en"):
        put(data, "control_changes", line, field, "Opposition factions took the city.")


def relayed_claim_in_the_carriers_voice(data: Path) -> None:
    line = find(data, "figures", lambda r: r["figure_id"] == "N186")  # SOHR's count, on Shafaq News's page
    put(data, "figures", line, "summary", "Shafaq News reported 372 killed in the first four days.")


def speaker_graded_above_standing(data: Path) -> None:
    line = find(data, "events", lambda r: r["event_id"] == "E2472")  # Putin's words on a B page
    put(data, "events", line, "speaker", "Sputnik")


def fact_entered_twice(data: Path) -> None:
    table_rows = rows(data, "events")
    copy = list(table_rows[1])
    copy[0] = "E9999"
    copy[table_rows[0].index("summary")] += " Again."
    write(data, "events", [*table_rows, copy])


def copy_graded_above_its_originator(data: Path) -> None:
    line = find(data, "sources", lambda r: r["originator"] == "SOHR" and r["reliability"] == "C")
    put(data, "sources", line, "reliability", "A")


def own_page_graded_below_its_standing(data: Path) -> None:
    line = find(data, "sources", lambda r: r["publisher"] == r["originator"] == "Enab Baladi" and not r["via"])
    put(data, "sources", line, "reliability", "C")


def bad_url(data: Path) -> None:
    put(data, "sources", 2, "url", "htp:/bad url")


def grade_not_in_scale(data: Path) -> None:
    put(data, "sources", 2, "reliability", "G")


def thousands_separator(data: Path) -> None:
    put(data, "figures", find(data, "figures", _count_row("people")), "value", "1,000")


def fractional_credibility(data: Path) -> None:
    put(data, "events", 2, "credibility", "2.5")


def credibility_out_of_scale(data: Path) -> None:
    put(data, "events", 2, "credibility", "9")


def huge_integer(data: Path) -> None:
    put(data, "places", find(data, "places", lambda r: r["geonameid"] != ""), "geonameid", "9" * 30)


def word_for_number(data: Path) -> None:
    put(data, "events", 2, "credibility", "high")


# --- rows and lines ---------------------------------------------------------------------------------


def blank_line_inside(data: Path) -> None:
    raw = lines(data, "events")
    put_lines(data, "events", [*raw[:5], b"\n", *raw[5:]])


def truncated_line(data: Path) -> None:
    raw = lines(data, "events")
    raw[10] = b",".join(raw[10].split(b",")[:3]) + b"\n"
    put_lines(data, "events", raw)


def truncated_file(data: Path) -> None:
    raw = (data / "places.csv").read_bytes()
    (data / "places.csv").write_bytes(raw[: raw.rindex(b",", 0, len(raw) - 2)])


def stray_comma(data: Path) -> None:
    line = find(data, "places", lambda r: r["place_id"] == "hama")
    raw = lines(data, "places")
    raw[line - 1] = raw[line - 1].replace(b",Hama,", b",Ha,ma,", 1)
    put_lines(data, "places", raw)


def unclosed_quote(data: Path) -> None:
    raw = lines(data, "actors")
    raw[3] = raw[3].replace(b",", b',"', 1)
    put_lines(data, "actors", raw)


def duplicated_row(data: Path) -> None:
    raw = lines(data, "figures")
    put_lines(data, "figures", [*raw[:4], raw[3], *raw[4:]])


def emptied_judgments(data: Path) -> None:
    put_lines(data, "judgments", lines(data, "judgments")[:1])


def battle_without_hama(data: Path) -> None:
    write(data, "control_changes", [r for r in rows(data, "control_changes") if r[3] != "hama"])


def emptied_sources(data: Path) -> None:
    put_lines(data, "sources", lines(data, "sources")[:1])


# --- files ----------------------------------------------------------------------------------------------


def missing_file(data: Path) -> None:
    (data / "judgments.csv").unlink()


def empty_file(data: Path) -> None:
    (data / "figures.csv").write_bytes(b"")


def byte_order_mark(data: Path) -> None:
    (data / "sources.csv").write_bytes(b"\xef\xbb\xbf" + (data / "sources.csv").read_bytes())


def utf16_file(data: Path) -> None:
    path = data / "places.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))


def renamed_column(data: Path) -> None:
    raw = lines(data, "events")
    raw[0] = raw[0].replace(b"summary", b"description", 1)
    put_lines(data, "events", raw)


def dropped_column(data: Path) -> None:
    write(data, "actors", [r[:-1] for r in rows(data, "actors")])


def extra_column(data: Path) -> None:
    write(data, "actors", [[*r, "x"] for r in rows(data, "actors")])


def swapped_columns(data: Path) -> None:
    write(data, "actors", [[r[1], r[0], *r[2:]] for r in rows(data, "actors")])


def windows_1252_file(data: Path) -> None:
    path = data / "places.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", errors="replace"))


# --- the descriptor ---------------------------------------------------------------------------------


def package_without_resources(data: Path) -> None:
    edit_descriptor(data, lambda d: d.__setitem__("resources", []))


def descriptor_without_resources_key(data: Path) -> None:
    edit_descriptor(data, lambda d: d.pop("resources"))


def mistyped_field_type(data: Path) -> None:
    edit_descriptor(data, lambda d: field(d, "events", "credibility").__setitem__("type", "interger"))


def misspelt_constraint(data: Path) -> None:
    edit_descriptor(data, lambda d: field(d, "events", "credibility")["constraints"].__setitem__("maximun", 6))


def broken_pattern(data: Path) -> None:
    edit_descriptor(data, lambda d: field(d, "events", "summary")["constraints"].__setitem__("pattern", "(["))


def minimum_of_wrong_type(data: Path) -> None:
    edit_descriptor(data, lambda d: field(d, "events", "date")["constraints"].__setitem__("minimum", "long ago"))


def primary_key_not_a_field(data: Path) -> None:
    edit_descriptor(data, lambda d: resource(d, "events")["schema"].__setitem__("primaryKey", ["id"]))


def foreign_key_to_missing_table(data: Path) -> None:
    edit_descriptor(
        data, lambda d: resource(d, "events")["schema"]["foreignKeys"][0]["reference"].__setitem__("resource", "nope")
    )


def resource_path_escapes_folder(data: Path) -> None:
    edit_descriptor(data, lambda d: resource(d, "events").__setitem__("path", "../events.csv"))


def fields_not_a_list(data: Path) -> None:
    edit_descriptor(data, lambda d: resource(d, "events")["schema"].__setitem__("fields", {"name": "x"}))


def unreadable_json(data: Path) -> None:
    path = data / DESCRIPTOR
    path.write_text(path.read_text(encoding="utf-8")[:-40], encoding="utf-8")


def descriptor_not_an_object(data: Path) -> None:
    (data / DESCRIPTOR).write_text("[]", encoding="utf-8")


def descriptor_missing(data: Path) -> None:
    (data / DESCRIPTOR).unlink()


def descriptor_not_utf8(data: Path) -> None:
    (data / DESCRIPTOR).write_bytes(b'{"resources": "\xff"}')


# --- the Arabic edition: sourced names and the translations catalogue -------------------------------------------


def _translation(key: str, field_name: str) -> Callable[[dict[str, str]], bool]:
    return lambda r: r["key"] == key and r["field"] == field_name


def arabic_name_without_source(data: Path) -> None:
    put(data, "places", find(data, "places", lambda r: r["place_id"] == "hama"), "name_ar_source_id", "")


def source_of_a_blank_arabic_name(data: Path) -> None:
    line = find(data, "places", lambda r: r["name_ar"] == "")
    put(data, "places", line, "name_ar_source_id", "geonames-cities500")


def arabic_name_from_unknown_source(data: Path) -> None:
    put(
        data,
        "places",
        find(data, "places", lambda r: r["place_id"] == "hama"),
        "name_ar_source_id",
        "no-such-gazetteer",
    )


def translation_of_a_deleted_judgment(data: Path) -> None:
    put(data, "translations", find(data, "translations", _translation("J01", "statement")), "key", "J99")


def translation_of_an_unknown_table(data: Path) -> None:
    put(data, "translations", find(data, "translations", _translation("J01", "statement")), "table", "verdicts")


def translation_of_a_missing_field(data: Path) -> None:
    put(data, "translations", find(data, "translations", _translation("J01", "statement")), "field", "verdict")


def translation_of_a_date(data: Path) -> None:
    line = find(data, "translations", lambda r: r["table"] == "hypotheses" and r["field"] == "label")
    put(data, "translations", line, "field", "point_date")


def translation_of_a_reference(data: Path) -> None:
    put(data, "translations", find(data, "translations", _translation("J01", "statement")), "field", "likelihood")


def translation_of_a_value_not_in_the_list(data: Path) -> None:
    put(data, "translations", find(data, "translations", _translation("moderate", "confidence")), "key", "medium")


def translation_left_in_english(data: Path) -> None:
    put(data, "translations", find(data, "translations", _translation("J05", "statement")), "text", "Turkey knew")


def translation_drops_a_cited_row(data: Path) -> None:
    line = find(data, "translations", _translation("J01", "alternative"))
    put(data, "translations", line, "text", get(data, "translations", line, "text").replace("E020", "E021"))


def translation_in_an_unlisted_language(data: Path) -> None:
    put(data, "translations", find(data, "translations", _translation("J01", "statement")), "lang", "fr")


def translation_entered_twice(data: Path) -> None:
    raw = lines(data, "translations")
    put_lines(data, "translations", [*raw, raw[1]])


@dataclass(frozen=True)
class Corruption:
    name: str
    apply: Callable[[Path], None]
    expect: str  # a fragment one of the messages must contain
    only: bool = False  # exactly one message


def _c(apply: Callable[[Path], None], expect: str, only: bool = False) -> Corruption:
    return Corruption(apply.__name__, apply, expect, only)


CATALOGUE: list[Corruption] = [
    _c(negative_head_count, "expected a count of people >= 0", only=True),
    _c(negative_death_toll, "expected a count of deaths >= 0"),
    _c(infinite_value, "expected a finite number"),
    _c(negative_infinity, "expected a finite number"),
    _c(nan_value, "expected a finite number", only=True),
    _c(nan_probability, "likelihood_scale.csv: line 2: field 'low' value 'nan': expected a finite number"),
    _c(fractional_people, "expected a whole number of people", only=True),
    _c(fractional_deaths_in_range, "field 'low' value"),
    _c(value_outside_own_range, "expected a value within its own range"),
    _c(low_above_high, "expected low <= high"),
    _c(neither_value_nor_range, "expected a value, or both low and high"),
    _c(unknown_unit, "expected a unit listed in COUNT_UNITS or MEASURE_UNITS"),
    _c(swapped_latitude_longitude, "within Syria"),
    _c(place_in_turkey, "field 'latitude' value '39.9': expected a latitude within Syria"),
    _c(longitude_sign_lost, "field 'longitude' value '-36.75783': expected a longitude within Syria"),
    _c(latitude_beyond_90, "places.csv: line 2: field 'latitude' value '95': expected a value <= 90"),
    _c(percentage_of_170, "field 'value' value '170': expected a share within 0-100 percent"),
    _c(
        death_toll_beyond_its_metric,
        "field 'high' value '4000000': expected a value within the plausible range of metric 'hama_1982_death_toll'",
        only=True,
    ),
    _c(negative_days, "field 'value' value '-11': expected a value in days >= 0"),
    _c(metric_range_inverted, "field 'minimum' value '5000': expected minimum <= maximum (3650)", only=True),
    _c(share_metric_allowing_170, "field 'maximum' value '170': expected a share within 0-100 percent", only=True),
    _c(
        control_change_before_the_offensive,
        "control_changes.csv: line 2: field 'date' value '2020-01-01': expected a value >= 2024-11-27",
        only=True,
    ),
    _c(control_change_after_the_fall, "field 'date' value '2024-12-20': expected a value <= 2024-12-08", only=True),
    _c(
        outcome_before_the_fall, "outcomes.csv: line 2: field 'date' value '2024-12-01': expected a value >= 2024-12-08"
    ),
    _c(as_of_after_today, f"figures.csv: line 2: field 'as_of' value '{TOMORROW}': expected a date not after today"),
    _c(accessed_after_today, f"field 'accessed' value '{TOMORROW}': expected a date not after today"),
    _c(accessed_before_published, "field 'accessed' value"),
    _c(event_after_its_report, "field 'as_of' value"),
    _c(impossible_date, "events.csv: line 2: field 'date' value '2024-02-30': expected a date written YYYY-MM-DD"),
    _c(month_13, "expected a date written YYYY-MM-DD"),
    _c(date_in_another_format, "field 'date' value '05/12/2024': expected a date written YYYY-MM-DD"),
    _c(date_before_schema_minimum, "expected a value >= 1946-01-01"),
    _c(judgment_cites_missing_row, "judgments.csv: line 2: field 'basis'", only=True),
    _c(judgment_cites_deleted_event, "expected ids of rows that exist"),
    _c(judgment_assumes_deleted_row, "expected ids of rows that exist (no row has id O9999)"),
    _c(cause_weighs_deleted_row, 'See O9999.": expected ids of rows that exist (no row has id O9999)'),
    _c(
        withdrawn_judgment_still_stands,
        "field 'change' value 'withdrawn': expected J01 out of judgments.csv",
        only=True,
    ),
    _c(
        standing_judgment_without_history,
        "judgments.csv: line 2: field 'judgment_id' value 'J01': expected a judgment with at least one row in",
        only=True,
    ),
    _c(judgment_removed_without_history, "expected a judgment in judgments.csv (J01 was removed)"),
    _c(cause_cites_missing_row, "causes.csv: line 2: field 'against_rows'", only=True),
    _c(evidence_kind_of_missing_row, "evidence_kinds.csv: line 2: field 'row_id' value 'Z9999'", only=True),
    _c(unknown_source_id, "field 'source_id' value 'no-such-source': expected an id listed in sources.csv"),
    _c(unknown_place_id, "field 'place_id' value 'atlantis': expected an id listed in places.csv"),
    _c(undeclared_reference_broken, "field 'place_id' value 'atlantis': expected an id listed in places.csv"),
    _c(place_taken_from_itself, "control_changes.csv: line 2: field 'taken_from'", only=True),
    _c(duplicate_id, "events.csv: line 3: field 'event_id'"),
    _c(malformed_id, "expected an id such as E001"),
    _c(
        id_of_another_tables_letter,
        "figures.csv: line 2: field 'figure_id' value 'E9990': expected an id starting with N",
    ),
    _c(mis_encoded_latin1_bytes, "is not valid UTF-8; expected UTF-8 text", only=True),
    _c(mojibake, "expected correctly decoded UTF-8 text"),
    _c(decomposed_accents, "expected text in Unicode NFC form"),
    _c(control_character, "expected text without control, bidi or invisible characters (U+0007 at character 5)"),
    _c(zero_width_space, "expected text without control, bidi or invisible characters (U+200B"),
    _c(
        bidi_override,
        "events.csv: line 3: field 'summary' value 'Rebels \\u202etook\\u202c Hama': expected text without control, bidi or invisible characters (U+202E at character 8)",
        only=True,
    ),
    _c(bidi_isolate, "field 'title' value '\\u2067", only=True),
    _c(word_joiner, "places.csv: line 2: field 'name' value 'Alep\\u2060po': expected text without control, bidi"),
    _c(summary_of_120000_characters, "(114003 characters): expected text of at most 2000 characters", only=True),
    _c(markup_in_text, "expected text without leading/trailing spaces and without < or >"),
    _c(leading_space, "expected text without leading/trailing spaces"),
    _c(required_cell_empty, "events.csv: line 2: field 'summary' value '': expected a value (the field is required)"),
    _c(private_use_character_in_title, "sources.csv: line 2: field 'title' value 'A title \\ue000 with a private-use"),
    _c(
        private_use_character_in_publisher,
        "field 'publisher' value 'The \\uf8ff Star': expected text without private-use",
    ),
    _c(emoji_in_title, "What is happening in Syria': expected text without private-use characters or emoji"),
    _c(same_page_listed_twice, "field 'url' value 'http://m.", only=True),
    _c(
        relay_not_in_the_registry,
        "events.csv: line 2: field 'summary' value 'The army withdrew from the city, according to a statement via"
        " Zorbalak News.': expected a relay recorded in sources.csv ('Zorbalak News' is not the publisher",
    ),
    _c(
        credit_not_in_the_registry,
        "expected a credit recorded in sources.csv ('Zorbalak Wire' is not the originator, a via carrier or the speaker",
    ),
    _c(ultimatum_no_longer_stated, "has no row with place_id 'suwayda' stating '24 hours'"),
    _c(
        relayed_claim_in_the_carriers_voice,
        "field 'summary' value 'Shafaq News reported 372 killed in the first four days.': expected a summary that names"
        " its originator 'SOHR'",
    ),
    _c(speaker_graded_above_standing, "field 'speaker' value 'Sputnik': expected a copy graded D or weaker"),
    _c(fact_entered_twice, "expected a report other than line 2's (same source, date and place_id"),
    _c(copy_graded_above_its_originator, "expected a grade of C or weaker (the standing of originator 'SOHR')"),
    _c(
        own_page_graded_below_its_standing,
        "expected B, the standing of originator 'Enab Baladi' (this is its own page)",
    ),
    _c(
        arabic_name_without_source,
        "field 'name_ar_source_id' value '': expected the source of name_ar 'حماة'",
        only=True,
    ),
    _c(source_of_a_blank_arabic_name, "expected no source while name_ar is blank", only=True),
    _c(
        arabic_name_from_unknown_source,
        "field 'name_ar_source_id' value 'no-such-gazetteer': expected an id listed in sources.csv",
        only=True,
    ),
    _c(
        translation_of_a_deleted_judgment,
        "field 'key' value 'J99': expected the judgment_id of a row of judgments.csv",
        only=True,
    ),
    _c(translation_of_an_unknown_table, "field 'table' value 'verdicts': expected a table of the package", only=True),
    _c(translation_of_a_missing_field, "field 'field' value 'verdict': expected a field of judgments.csv", only=True),
    _c(translation_of_a_date, "field 'field' value 'point_date': expected a text field of hypotheses.csv", only=True),
    _c(
        translation_of_a_reference,
        "field 'field' value 'likelihood': expected a text field of judgments.csv",
        only=True,
    ),
    _c(
        translation_of_a_value_not_in_the_list,
        "field 'key' value 'medium': expected a value of judgments.csv field 'confidence' (low, moderate, high)",
        only=True,
    ),
    _c(translation_left_in_english, "value 'Turkey knew': expected text in the Arabic script", only=True),
    _c(translation_drops_a_cited_row, "expected the ids judgments.alternative cites (missing E020", only=True),
    _c(translation_in_an_unlisted_language, "field 'lang' value 'fr': expected one of ar", only=True),
    _c(translation_entered_twice, "field 'table,key,field,lang' value", only=True),
    _c(bad_url, "expected an http(s) URL without spaces"),
    _c(grade_not_in_scale, "expected one of A, B, C, D, E, F"),
    _c(thousands_separator, "expected a number"),
    _c(fractional_credibility, "field 'credibility' value '2.5': expected a whole number"),
    _c(credibility_out_of_scale, "expected a value <= 6"),
    _c(huge_integer, "expected a whole number"),
    _c(word_for_number, "field 'credibility' value 'high': expected a whole number"),
    _c(blank_line_inside, "events.csv: line 6: is blank", only=True),
    _c(truncated_line, "events.csv: line 11 has 3 cells, header has", only=True),
    _c(truncated_file, "ends without a line break (truncated file?)", only=True),
    _c(stray_comma, "cells, header has", only=True),
    _c(unclosed_quote, "actors.csv: line 4"),
    _c(duplicated_row, "figures.csv: line 5: field 'figure_id'", only=True),
    _c(emptied_judgments, "judgments.csv: has a header but no rows", only=True),
    _c(
        battle_without_hama,
        "control_changes.csv: has no row with place_id 'hama'; expected at least one (a report of the capture",
        only=True,
    ),
    _c(emptied_sources, "expected an id listed in sources.csv"),
    _c(missing_file, "judgments.csv: file is missing", only=True),
    _c(empty_file, "figures.csv: file is empty", only=True),
    _c(byte_order_mark, "sources.csv: line 1: starts with a byte-order mark", only=True),
    _c(utf16_file, "places.csv: line 1: byte 0xff is not valid UTF-8", only=True),
    _c(windows_1252_file, "is not valid UTF-8", only=True),
    _c(renamed_column, "missing column(s) summary; unexpected column(s) description", only=True),
    _c(dropped_column, "actors.csv: line 1: header", only=True),
    _c(extra_column, "unexpected column(s) x", only=True),
    _c(swapped_columns, "columns in the wrong order", only=True),
    _c(package_without_resources, "datapackage.json: has no resources", only=True),
    _c(descriptor_without_resources_key, "datapackage.json: has no resources", only=True),
    _c(mistyped_field_type, "field 'credibility': type 'interger' is not a Table Schema type", only=True),
    _c(misspelt_constraint, "unknown constraint 'maximun'", only=True),
    _c(broken_pattern, "is not a regular expression", only=True),
    _c(minimum_of_wrong_type, "constraint 'minimum' value 'long ago' is not a date", only=True),
    _c(primary_key_not_a_field, "primaryKey ['id']", only=True),
    _c(foreign_key_to_missing_table, "datapackage.json: resource 'events': foreign key", only=True),
    _c(resource_path_escapes_folder, "path '../events.csv'", only=True),
    _c(fields_not_a_list, "expected a 'schema' object with a non-empty 'fields' list", only=True),
    _c(unreadable_json, "datapackage.json: cannot be read as JSON", only=True),
    _c(descriptor_not_an_object, "datapackage.json: expected a JSON object", only=True),
    _c(descriptor_missing, "datapackage.json: file is missing", only=True),
    _c(descriptor_not_utf8, "datapackage.json: cannot be read as JSON", only=True),
]
