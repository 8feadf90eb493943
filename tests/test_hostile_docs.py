"""The Great Expectations Data Docs built from hostile input, opened in headless Chromium: the
markup typed into a table's cells shows as text and no script of it runs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cchc_analysis.pipeline import run_validate
from tests.chromium import Chromium, ensure_chromium

pytestmark = pytest.mark.slow

PAYLOADS = {
    "indicator": [
        "<img src=x onerror=\"window.__pwned=1;console.log('PWNED')\">",
        "<script>window.__pwned=2;console.log('PWNED')</script>",
    ],
    "province": ["<svg onload=\"window.__pwned=3;console.log('PWNED')\">"],
    "value": ["<script>window.__pwned=4</script>"],
    "period": ["<iframe src=javascript:window.__pwned=5>"],
}


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path, why = ensure_chromium()
    if path is None:
        pytest.skip(why)
    return path


@pytest.fixture(scope="module")
def hostile_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile_docs")
    rows = [["province", "period", "indicator", "value"], ["Hà Nội", "2024", "task.planned", "40"]]
    rows += [["Hà Nội", "2024", text, "1"] for text in PAYLOADS["indicator"]]
    rows += [[text, "2024", "task.completed", "1"] for text in PAYLOADS["province"]]
    rows += [["Hà Nội", "2024", "inspection.done", text] for text in PAYLOADS["value"]]
    rows += [["Hà Nội", text, "inspection.planned", "2"] for text in PAYLOADS["period"]]
    table = folder / "hostile.csv"
    with table.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    result = run_validate([table], folder / "out", folder / "validation")
    assert not result.ok
    assert not (folder / "out" / "indicators.parquet").exists()
    return folder / "validation" / "data_docs"


def test_no_markup_from_the_input_is_written_raw(hostile_docs: Path):
    pages = list(hostile_docs.rglob("*.html"))
    assert len(pages) >= 2  # the index and at least one validation page
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for payloads in PAYLOADS.values():
            for payload in payloads:
                assert payload not in text, f"{page.name}: {payload!r} written raw"


def test_no_script_runs_when_the_data_docs_are_opened(
    hostile_docs: Path, chromium_path: str, tmp_path: Path
):
    browser = Chromium(chromium_path, tmp_path / "profile", timeout=120)  # a loaded machine
    try:
        shown = ""
        for page in sorted(hostile_docs.rglob("*.html")):
            log = browser.open(page.as_uri())
            assert browser.evaluate("typeof window.__pwned") == "undefined", page.name
            assert not any("PWNED" in m["text"] for m in log.console), page.name
            assert browser.evaluate("document.querySelectorAll('img[src=x], iframe').length") == 0
            shown += browser.evaluate("document.body.innerText") or ""
    finally:
        browser.close()
    # the rejected indicator id is shown to the reader as the text it is
    assert "<img src=x" in shown or "&lt;img src=x" in shown
