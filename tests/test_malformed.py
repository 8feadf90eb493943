"""Every file of the malformed corpus is rejected, naming its rule and its row."""

import csv
from pathlib import Path

import polars as pl
import pytest

from cchc_analysis.read.contract import LoadError
from cchc_analysis.read.load import load_indicators
from cchc_analysis.validate.indicators import validate_indicators

CORPUS = Path(__file__).resolve().parent / "malformed"
CASES = list(csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8")))


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_each_malformed_file_is_rejected_with_its_rule_and_row(case):
    path = CORPUS / case["file"]
    if case["rule"] == "load_error":
        with pytest.raises(LoadError) as raised:
            load_indicators(path)
        assert path.name in str(raised.value)
        assert case["row"] == "" or f"row {case['row']}" in str(raised.value)
        return
    result = validate_indicators(load_indicators(path))
    errors = result.failures.filter(pl.col("severity") == "error")
    assert not result.ok, f"{case['file']}: {case['description']} was not caught"
    found = set(zip(errors["rule"], errors["row"], strict=True))
    assert (case["rule"], int(case["row"])) in found, found
