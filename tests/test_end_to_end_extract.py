"""End to end from real-looking texts of one province and period, as a user runs it:
`cchc extract` → `cchc validate` → `cchc score --methodology dossier-service` → `cchc report`.

The texts (tests/fixtures/end_to_end/) were written for this test in the phrasing of published
provincial reports; every figure in them is invented. Figures are asserted at every stage, once
from the texts as written and once from a DOCX report and a PDF article made from them (printed
by Chromium, with its running head and foot).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "end_to_end"
TEXTS = ["bao_cao_cchc_2025.txt", "tin_bai_dvc_2025.txt"]
CCHC = [sys.executable, "-m", "cchc_analysis.cli"]

# The figures the texts state, as the catalogue names them (Tuyên Quang, year 2025).
STATED = {
    "tthc.in_force": 1987,
    "tthc.published": 1987,  # "100% TTHC được công khai": read or not, never otherwise
    "dossier.received": 412536,
    "dossier.online": 287904,
    "dossier.resolved": 398120,
    "dossier.resolved_early": 251317,
    "dossier.resolved_on_time": 144261,
    "dossier.resolved_late": 2542,
    "dossier.pending": 14416,
    "dossier.digitised": 352981,
    "dossier.paid_online": 96215,
    "dossier.with_fees": 118730,
    "service.online_level4": 1215,
    "service.online_level3": 496,
    "task.planned": 54,
    "task.completed": 51,
    "feedback.received": 326,
    "feedback.on_time": 318,
    "service.index_points": 88.45,  # the Decision 766 index the texts give for November 2025
}
MONTHLY = {"service.index_points": "2025-M11"}  # a figure the texts date to its own month
# What extraction must find today (the rest it may find as it learns).
CORE = [
    "dossier.received",
    "dossier.online",
    "dossier.resolved",
    "dossier.resolved_early",
    "dossier.resolved_on_time",
    "dossier.resolved_late",
    "dossier.pending",
    "dossier.digitised",
    "dossier.paid_online",
    "dossier.with_fees",
]
# Page furniture, document numbers, dates and phone numbers: never figures.
FURNITURE = {512, 15, 12, 2026, 22, 8, 2073822586, 3822586, 586, 18, 1, 7, 11, 9, 34, 100}

# The service index worked by hand from the stated figures (rubric dossier-service):
HAND_POINTS = {
    # 1 987 / 1 987 = 100 % → all 2 points (when extraction reads the 100 % as a count)
    "publicity.published": 2.0,
    # (251 317 + 144 261) / 398 120 = 395 578 / 398 120 = 99.3615 % → 20 × 0.993615 = 19.8723
    "progress.on_time": 20 * 395578 / 398120,
    # 352 981 / 412 536 = 85.56 % ≥ 80 % → all 8 points
    "digitisation.digitised": 8.0,
    # (496 + 1 215) / 1 987 = 1 711 / 1 987 = 86.11 % ≥ 80 % → all 6 points
    "online.procedures": 6.0,
    # 287 904 / 412 536 = 69.79 % ≥ 50 % → all 6 points
    "online.dossiers": 6.0,
    # 96 215 / 118 730 = 81.04 % → 10 × 0.810368 = 8.1037
    "online.payment": 10 * 96215 / 118730,
    # 318 / 326 = 97.55 % → 6 × 0.975460 = 5.8528 (when extraction reads feedback)
    "satisfaction.feedback_on_time": 6 * 318 / 326,
}
HAND_MAX = {
    "publicity.published": 2,
    "progress.on_time": 20,
    "digitisation.digitised": 8,
    "online.procedures": 6,
    "online.dossiers": 6,
    "online.payment": 10,
    "satisfaction.feedback_on_time": 6,
}
MUST_SCORE = ["progress.on_time", "digitisation.digitised", "online.dossiers", "online.payment"]


def _run(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CCHC, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _as_documents(work: Path) -> list[Path]:
    """The two texts as offices and papers publish them: the report as a DOCX (a paragraph a
    line), the news article printed to PDF by Chromium with its running head and foot."""
    from html import escape

    from tests.chromium import print_pdf

    docx = pytest.importorskip("docx")
    report, article = ((FIXTURES / name).read_text(encoding="utf-8") for name in TEXTS)
    document = docx.Document()
    for line in report.splitlines():
        document.add_paragraph(line)
    document.save(str(work / "bao_cao_cchc_2025.docx"))
    body = "".join(f"<p>{escape(line)}</p>" for line in article.splitlines() if line.strip())
    page = work / "tin_bai.html"
    page.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>')
    pdf = print_pdf(page, work / "tin_bai_dvc_2025.pdf", running_heads=True)
    page.unlink()
    return [work / "bao_cao_cchc_2025.docx", pdf]


@pytest.fixture(scope="module", params=["txt", "docx and pdf"])
def run(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    """Run the four commands once per form of the texts (as written, or as a DOCX report and
    a PDF article), in a fresh folder; return their results and paths."""
    work = tmp_path_factory.mktemp("e2e")
    if request.param == "txt":
        texts = [work / name for name in TEXTS]
        for name, path in zip(TEXTS, texts, strict=True):
            path.write_bytes((FIXTURES / name).read_bytes())
    else:
        texts = _as_documents(work)
    extracted = work / "extracted.csv"
    steps: dict[str, object] = {"work": work, "extracted": extracted}
    steps["extract"] = _run("extract", *texts, "--out", extracted, cwd=work)
    steps["validate"] = _run(
        "validate", extracted, "--out", work / "processed", "--failures-dir", work / "val", cwd=work
    )
    indicators = work / "processed" / "indicators.parquet"
    steps["score"] = _run(
        "score", indicators, "--methodology", "dossier-service", "--out", work / "processed",
        cwd=work,
    )  # fmt: skip
    steps["report"] = _run(
        "report", "Tuyên Quang", "--year", 2025, "--processed", work / "processed",
        "--out", work / "reports", "--failures", work / "val" / "failures.csv", cwd=work,
    )  # fmt: skip
    return steps


def test_extract_reads_the_figures_with_province_and_period(run):
    done = run["extract"]
    assert done.returncode == 0, done.stderr
    table = pl.read_csv(run["extracted"], infer_schema_length=0)
    assert {"province", "period", "indicator", "value"} <= set(table.columns)
    assert set(table["province"]) == {"Tuyên Quang"}
    periods = dict(zip(table["indicator"], table["period"], strict=True))
    assert {i: p for i, p in periods.items() if p != "2025"} == {
        i: p for i, p in MONTHLY.items() if i in periods
    }
    values = {i: float(v) for i, v in zip(table["indicator"], table["value"], strict=True)}
    for indicator in CORE:
        assert values.get(indicator) == STATED[indicator], indicator
    # whatever else it reads must be what the texts state
    for indicator, value in values.items():
        assert indicator in STATED, f"{indicator} = {value} is not a figure of the texts"
        assert value == STATED[indicator], indicator
    assert not FURNITURE & {int(v) for v in values.values()}
    # every row carries its evidence, when extraction writes it
    if "evidence" in table.columns:
        assert table["evidence"].str.len_chars().min() > 0


def test_validate_accepts_the_extracted_table(run):
    done = run["validate"]
    assert done.returncode == 0, done.stderr + done.stdout
    rows = pl.read_parquet(run["work"] / "processed" / "indicators.parquet")
    assert rows["province_code"].unique().to_list() == ["08"]  # Tuyên Quang, after the merger
    assert rows["era"].unique().to_list() == ["34"]
    received = rows.filter(pl.col("indicator") == "dossier.received")["value"].to_list()
    assert received == [412536.0]
    failures = pl.read_csv(run["work"] / "val" / "failures.csv")
    # one province of the 34 in each period (the year, and a month if one is read): a
    # warning per period, and nothing else
    periods = rows["period"].unique().to_list()
    assert failures["rule"].to_list() == ["province_count"] * len(periods)
    assert failures["severity"].to_list() == ["warning"] * len(periods)


def test_score_gives_the_service_index_worked_by_hand(run):
    done = run["score"]
    assert done.returncode == 0, done.stderr
    processed = run["work"] / "processed"
    criteria = pl.read_parquet(processed / "scores_criteria.parquet").filter(~pl.col("excluded"))
    got = dict(zip(criteria["criterion_id"].cast(pl.String), criteria["points"], strict=True))
    assert set(MUST_SCORE) <= set(got)
    assert set(got) <= set(HAND_POINTS), f"scored beyond what the texts give: {set(got)}"
    for criterion, points in got.items():
        assert points == pytest.approx(HAND_POINTS[criterion], abs=1e-9), criterion
    totals = pl.read_parquet(processed / "scores_totals.parquet").row(0, named=True)
    expected_points = sum(HAND_POINTS[c] for c in got)
    expected_max = sum(HAND_MAX[c] for c in got)
    assert totals["points"] == pytest.approx(expected_points)
    assert totals["available_max"] == expected_max
    assert totals["index_pct"] == round(expected_points / expected_max * 100, 2)
    assert (totals["rank"], totals["n_provinces"], totals["period"]) == (1, 1, "2025")


def test_the_report_shows_the_service_index(run):
    done = run["report"]
    assert done.returncode == 0, done.stderr
    pages = list((run["work"] / "reports").glob("*.html"))
    assert len(pages) == 1
    page = pages[0].read_text(encoding="utf-8")
    assert "Tuyên Quang" in page
    opening = '<section class="cchc-section" id="service_index_heading">'
    section = re.search(re.escape(opening) + ".*?</section>", page, re.S)
    assert section, "no service-index section in the report"
    totals = pl.read_parquet(run["work"] / "processed" / "scores_totals.parquet").row(0, named=True)
    from cchc_analysis.reference.labels import points

    # the report's one formatter: points with two decimals, Vietnamese separators; the points
    # are those worked by hand for the criteria the extracted figures reach
    criteria = pl.read_parquet(run["work"] / "processed" / "scores_criteria.parquet")
    scored = criteria.filter(~pl.col("excluded"))["criterion_id"].cast(pl.String).to_list()
    got, available = points(totals["points"], "vi"), points(totals["available_max"], "vi")
    assert (got, available) == (
        points(sum(HAND_POINTS[c] for c in scored), "vi"),
        points(float(sum(HAND_MAX[c] for c in scored)), "vi"),
    )
    assert f"năm 2025: {got}/{available} điểm tính được" in section.group(0)
    assert (
        '<td>Tiến độ, kết quả giải quyết</td><td class="num">19,87/20,00</td>'
        '<td class="num">20,00</td>' in section.group(0)
    )
    assert "không phải kết quả chính thức" in section.group(0)
    # satisfaction: the feedback handled on time when it is read (318 of 326), else no points
    # in the profile, not zero
    if "satisfaction.feedback_on_time" in scored:
        said = points(HAND_POINTS["satisfaction.feedback_on_time"], "vi")
        assert f'Mức độ hài lòng</td><td class="num" data-label="Điểm">{said}/18,00</td>' in page
    else:
        assert 'Mức độ hài lòng</td><td class="num" data-label="Điểm">–/18,00</td>' in page
    # the indicator panel shows the on-time share from the extracted counts: 99,36 %
    assert "99,36%" in page
    # offline: nothing fetched from elsewhere
    # nothing is fetched: no remote source or stylesheet (links a reader may follow are fine)
    assert not re.search(r'src="https?://|<link[^>]+href="https?://', page)
