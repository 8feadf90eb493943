"""The written benchmark's data (benchmarks/extraction_written) holds together: every labelled
text is there, every split is the one its address gives, every period is written as the
extractor writes periods, and every evidence span reads the labelled value."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

from cchc_analysis.extract.numbers import parse_vi_number

FOLDER = Path(__file__).resolve().parent.parent / "benchmarks" / "extraction_written"
ROWS = [
    row
    for path in sorted(FOLDER.glob("labels*.csv"))
    for row in csv.DictReader(path.open(encoding="utf-8"))
]
_SCALE = {
    "million": 1e6,
    "triệu": 1e6,
    "nghìn": 1e3,
    "ngàn": 1e3,
    "thousand": 1e3,
    "billion": 1e9,
    "tỷ": 1e9,
}
# an amount is labelled in billion VND: "1.42 trillion VND" is 1420
_AMOUNT_SCALE = {**_SCALE, "trillion": 1e3}
_PERIOD = re.compile(r"\d{4}(?:-(?:H[12]|Q[1-4]|9M|M(?:0[1-9]|1[0-2])))?")


def _stem(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def _value(written: str, english: bool, amount: bool = False) -> float:
    """The number a span writes: '512.304' (Vietnamese), '512,304' (English), '1,2 triệu';
    an ``amount`` in billion VND ('1.42 trillion': 1420)."""
    number, _, scale = written.partition(" ")
    value = float(number.replace(",", "")) if english else parse_vi_number(number)
    return value * (_AMOUNT_SCALE if amount else _SCALE).get(scale, 1.0)


def test_the_benchmark_has_labels_for_every_text_it_holds():
    texts = {path.stem for path in (FOLDER / "texts").glob("*.txt")}
    labelled = {_stem(row["url"]) for row in ROWS}
    assert ROWS
    assert labelled == texts


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['url']}:{row['evidence']}")
def test_each_label_reads_back_from_its_text(row):
    digest = hashlib.sha1(row["url"].encode("utf-8")).hexdigest()
    assert row["split"] == ("test" if int(digest[:8], 16) % 2 else "dev")
    assert row["period"] == "" or _PERIOD.fullmatch(row["period"])
    if row["status"] == "none":
        return
    start, end = map(int, re.fullmatch(r"chars (\d+)-(\d+)", row["evidence"]).groups())
    text = (FOLDER / "texts" / f"{_stem(row['url'])}.txt").read_text(encoding="utf-8")
    written = text[start:end]
    value = _value(written, ":en:" in row["url"], amount=row["unit"] == "amount")
    assert value == pytest.approx(float(row["value"]))
