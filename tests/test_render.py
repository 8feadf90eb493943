"""Reports rendered by Papermill in warm report workers into temporary folders, then checked as
a reader would: offline, figure by figure against the scored tables, escaped, and every report
in a clean namespace; a worker that dies or hangs costs one report, not the batch."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import nbformat
import polars as pl
import pytest

from cchc_analysis.pipeline import run_score, run_validate
from cchc_analysis.reference.labels import number
from cchc_analysis.reports.render import render_province, render_reports
from cchc_analysis.reports.report_notebook import notebook_parameters
from cchc_analysis.reports.workers import RenderError, RenderTask, ReportRenderer, ReportWorker
from tests.conftest import REPO

HOSTILE_NOTE = "<script>alert('note')</script>"
CCHC = [sys.executable, "-m", "cchc_analysis.cli"]


@pytest.fixture(scope="module")
def processed(tmp_path_factory, three_province_csv):
    """The three-province fixture validated and scored; Hà Nội 2025 has a hostile note."""
    rows = pl.read_csv(three_province_csv, infer_schema=False).with_columns(
        note=pl.when((pl.col("province") == "Hà Nội") & (pl.col("period") == "2025"))
        .then(pl.lit(HOSTILE_NOTE))
        .otherwise(pl.col("note"))
    )
    folder = tmp_path_factory.mktemp("processed")
    table = folder / "three_provinces.csv"
    rows.write_csv(table)
    assert run_validate([table], folder, folder).ok
    run_score(folder / "indicators.parquet", "par-index-illustrative", folder)
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory, processed):
    """Every province of the fixture rendered as a batch (2 jobs)."""
    out = tmp_path_factory.mktemp("reports") / "2025"
    outcomes = render_reports(
        2025, processed, out, jobs=2, failures_path=processed / "failures.csv"
    )
    assert [o.error for o in outcomes] == [None, None, None]
    return out


@pytest.fixture(scope="module")
def renderer():
    """One warm report worker, shared by the tests that render one report at a time."""
    warm = ReportRenderer()
    yield warm
    warm.close()


def _page(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


@pytest.mark.slow
class TestBatch:
    def test_writes_reports_index_manifest_and_workbook(self, batch):
        pages = sorted(p.name for p in batch.glob("*.html"))
        assert pages == ["01-ha_noi.html", "25-phu_tho.html", "82-dong_thap.html", "index.html"]
        index = _page(batch, "index.html")
        for name in pages[:-1]:
            assert f'href="{name}"' in index
        assert (
            'href="cchc_scores_2025.xlsx"' in index and (batch / "cchc_scores_2025.xlsx").exists()
        )
        manifest = json.loads(_page(batch, "manifest.json"))
        assert manifest["summary"] == {"reports": 3, "ok": 3, "failed": []}
        assert manifest["year"] == 2025 and manifest["lang"] == "vi" and manifest["jobs"] == 2
        assert all(re.fullmatch(r"[0-9a-f]{64}", r["sha256"]) for r in manifest["reports"])
        assert manifest["scores_manifest"]["rubric"]["id"] == "par-index-illustrative"

    def test_parameters_reach_the_notebook_through_papermill(self, batch, processed):
        executed = nbformat.read(batch / "notebooks" / "25-phu_tho.ipynb", as_version=4)
        recorded = executed.metadata.papermill.parameters
        notebooks = REPO / "notebooks"
        assert recorded == {  # relative to the folder the notebook runs in: no machine path
            "province": "25",
            "year": 2025,
            "processed_dir": os.path.relpath(processed.resolve(), notebooks),
            "lang": "vi",
            "failures_path": os.path.relpath((processed / "failures.csv").resolve(), notebooks),
        }
        assert (notebooks / recorded["processed_dir"]).resolve() == processed.resolve()
        injected = [
            c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])
        ]
        assert len(injected) == 1 and 'province = "25"' in injected[0].source
        counts = [c.execution_count for c in executed.cells if c.cell_type == "code"]
        assert counts[0] == 1  # a new session: counting starts again for every report

    @pytest.mark.parametrize(
        ("name", "expect"),
        [
            (
                "25-phu_tho.html",
                ["Tỉnh Phú Thọ", "DỮ LIỆU GIẢ LẬP", "Vĩnh Phúc", "hạng", "trước sáp nhập"],
            ),
            ("01-ha_noi.html", ["Thành phố Hà Nội", "Bộ tiêu chí minh họa", "Hà Nội"]),
        ],
    )
    def test_a_report_is_offline_with_charts_and_banner(self, batch, name, expect):
        page = _page(batch, name)
        assert page.count("<svg") >= 3  # ranking, rank intervals, trend
        assert re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page) is None
        assert "<script" not in page
        assert "Traceback" not in page and "cchc-error" not in page.split("</style>", 1)[1]
        for phrase in expect:
            assert phrase in page, phrase

    def test_figures_match_the_scored_tables(self, batch, processed):
        page = _page(batch, "25-phu_tho.html")
        totals = pl.read_parquet(processed / "scores_totals.parquet").filter(
            (pl.col("period") == "2025") & (pl.col("province_code") == "25")
        )
        row = totals.row(0, named=True)
        kpis = dict(
            re.findall(
                r'data-kpi="(\w+)"><div class="cchc-kpi-label">[^<]*</div>'
                r'<div class="cchc-kpi-value">([^<]*)</div>',
                page,
            )
        )
        assert kpis["index_pct"] == number(row["index_pct"], "vi")
        assert kpis["rank"] == f"{row['rank']}/{row['n_provinces']}"
        assert kpis["grade"] == row["grade"]
        assert kpis["region_rank"] == f"{row['rank_in_region']}/{row['n_in_region']}"
        assert number(abs(row["change_points"]), "vi") in unescape(kpis["change"])
        criteria = pl.read_parquet(processed / "scores_criteria.parquet").filter(
            (pl.col("period") == "2025") & (pl.col("province_code") == "25")
        )
        section = page.split('id="criteria_heading"', 1)[1].split("</table>", 1)[0]
        shown = re.findall(
            r"<td data-label='[^']*'>([^<]*)</td><td class='num' data-label='[^']*'>([^<]*)</td>"
            r"<td class='num' data-label='[^']*'>([^<]*)</td>",
            section,
        )
        assert len(shown) == criteria.height
        for (label, points, top), c in zip(shown, criteria.iter_rows(named=True), strict=True):
            assert unescape(label).lower() == c["label_vi"].lower()
            assert (points, top) == (number(c["points"], "vi"), number(c["max_points"], "vi"))
        domains = pl.read_parquet(processed / "scores_domains.parquet").filter(
            (pl.col("period") == "2025") & (pl.col("province_code") == "25")
        )
        for d in domains.iter_rows(named=True):
            points = f"{number(d['points'], 'vi')}/{number(d['max_points'], 'vi')}</td>"
            assert points in page, d["domain_label_vi"]
            assert f">{number(d['pct'], 'vi')}%</td>" in page, d["domain_label_vi"]

    def test_a_merged_province_is_compared_with_its_predecessors(self, batch):
        page = unescape(_page(batch, "25-phu_tho.html"))
        sentence = re.search(r"So với 2024 của các tỉnh trước sáp nhập cộng gộp \(([^)]*)\)", page)
        assert sentence is not None
        assert sorted(sentence.group(1).split(", ")) == ["Hòa Bình", "Phú Thọ", "Vĩnh Phúc"]
        assert "xếp hạng lại trên 3 tỉnh mới" in page  # the fixture has 3 provinces in 2025

    def test_a_hostile_note_shows_as_text(self, batch):
        page = _page(batch, "01-ha_noi.html")
        assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt;" in page
        assert "<script" not in page


@pytest.mark.slow
class TestOneKernel:
    def test_english_report(self, renderer, processed, tmp_path):
        parameters = notebook_parameters("01", 2025, processed, "en", None)
        page = renderer.render(RenderTask("01", "Hà Nội", "ha_noi"), parameters, tmp_path)
        text_ = page.read_text(encoding="utf-8")
        for phrase in ("Ha Noi", "SYNTHETIC DATA", "Illustrative rubric", "re-ranked among the 3"):
            assert phrase in text_, phrase
        assert '<html lang="en">' in text_

    def test_every_report_starts_in_a_clean_namespace(self, renderer):
        probe = nbformat.v4.new_notebook(
            metadata={
                "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
            }
        )
        probe.cells = [
            nbformat.v4.new_code_cell('province = "default"', metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(
                "import os\nimport cchc_analysis.reports.sections as r\n"
                "print('global', globals().get('probe_global', 'absent'))\n"
                "print('module', getattr(r, 'PROBE_LEAK', 'absent'))\n"
                "print('environ', os.environ.get('CCHC_PROBE', 'absent'))\n"
                "print('cwd', os.getcwd())"
            ),
            nbformat.v4.new_code_cell(
                "probe_global = province\nr.PROBE_LEAK = province\n"
                "os.environ['CCHC_PROBE'] = province\nos.chdir('/')"
            ),
        ]
        renderer.worker.execute(probe, {"province": "first"})
        second = renderer.worker.execute(probe, {"province": "second"})
        printed = second.cells[2].outputs[0]["text"]
        assert "global absent" in printed
        assert "module absent" in printed
        assert "environ absent" in printed
        assert f"cwd {renderer.worker.cwd.resolve()}" in printed
        assert set(renderer.worker.leaks) >= {
            "cchc_analysis.reports.sections.PROBE_LEAK",
            "os.environ",
            "os.getcwd()",
        }
        assert second.cells[0].execution_count == 1

    def test_a_hostile_parameter_stays_a_literal(self, renderer, processed, tmp_path):
        odd = tmp_path / 'p"; import os; os.system("touch PWNED") #\nx = \'1'
        shutil.copytree(processed, odd)
        parameters = notebook_parameters("82", 2025, odd, "vi", None)
        page = renderer.render(RenderTask("82", "Đồng Tháp", "dong_thap"), parameters, tmp_path)
        assert "Tỉnh Đồng Tháp" in page.read_text(encoding="utf-8")
        assert not list(Path("/").glob("PWNED")) and not list(tmp_path.rglob("PWNED"))
        assert not (renderer.worker.cwd / "PWNED").exists()

    def test_a_failing_cell_is_reported_with_its_error(self, renderer):
        probe = _probe("raise ValueError('no such province: Atlantis')")
        with pytest.raises(RenderError, match="no such province: Atlantis"):
            renderer.worker.execute(probe, {"province": "x"})
        assert renderer.worker.alive()  # a failed report does not cost the worker

    def test_a_worker_that_dies_or_hangs_is_stopped_and_replaced(self, processed, tmp_path):
        # generous while starting and for real work (a loaded machine is slow); short only
        # for the probe that never answers
        worker = ReportWorker(REPO / "notebooks", timeout=600).start()
        try:
            with pytest.raises(RenderError, match="the worker stopped"):
                worker.execute(_probe("import os\nos._exit(3)"), {"province": "x"})
            assert not worker.alive()
            worker.start()
            worker.timeout = 3
            with pytest.raises(RenderError, match="no answer in 3 s"):
                worker.execute(_probe("import time\ntime.sleep(600)"), {"province": "x"})
            assert not worker.alive()
            worker.timeout = 600
            worker.start()
            executed = worker.execute(_probe("print(province)"), {"province": "again"})
            assert executed.cells[2].outputs[0]["text"] == "again\n"
        finally:
            worker.close()

    def test_single_report_command_path(self, processed, tmp_path):
        path = render_province("Tỉnh Phú Thọ", 2025, processed, tmp_path, "vi")
        assert path == tmp_path.resolve() / "25-phu_tho.html"


def _probe(code: str) -> nbformat.NotebookNode:
    """Return a two-cell notebook: the parameters cell, then ``code``."""
    probe = nbformat.v4.new_notebook(
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        }
    )
    probe.cells = [
        nbformat.v4.new_code_cell('province = "default"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(code),
    ]
    return probe


def _cli(*args, cwd):
    return subprocess.run(
        [*CCHC, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.mark.slow
class TestCli:
    def test_only_failed_renders_just_the_failures(self, processed, tmp_path):
        out = tmp_path / "2025"
        first = _cli("reports", "--processed", processed, "--out", out, "--jobs", 2, cwd=tmp_path)
        assert first.returncode == 0, first.stderr
        for noise in ("IPKernelApp", "KeyboardInterrupt", "Traceback"):
            assert noise not in first.stderr + first.stdout
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        for entry in manifest["reports"]:
            if entry["province_code"] == "25":
                entry.update(html=None, error="RuntimeError: simulated")
        (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        (out / "25-phu_tho.html").unlink()
        before = (out / "01-ha_noi.html").stat().st_mtime_ns
        again = _cli(
            "reports", "--processed", processed, "--out", out, "--only-failed", cwd=tmp_path
        )
        assert again.returncode == 0, again.stderr
        assert "1 of 1 reports written" in again.stdout
        assert (out / "25-phu_tho.html").exists()
        assert (out / "01-ha_noi.html").stat().st_mtime_ns == before
        resumed = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert resumed["summary"] == {"reports": 3, "ok": 3, "failed": []}
        index = (out / "index.html").read_text(encoding="utf-8")
        assert all(
            f'href="{n}"' in index
            for n in ("01-ha_noi.html", "25-phu_tho.html", "82-dong_thap.html")
        )

    def test_a_failure_gives_a_summary_and_exit_1(self, processed, tmp_path):
        done = _cli(
            "reports",
            "--processed",
            processed,
            "--out",
            tmp_path / "r",
            "--provinces",
            "Hà Nội",
            "--provinces",
            "Cà Mau",
            cwd=tmp_path,
        )
        assert done.returncode == 1
        assert "1 of 2 reports failed" in done.stderr and "--only-failed" in done.stderr
        assert "failed: 96 Cà Mau" in done.stderr
        assert (tmp_path / "r" / "01-ha_noi.html").exists()
        assert (tmp_path / "r" / "index.html").exists()  # the batch went on past the failure
        manifest = json.loads((tmp_path / "r" / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["summary"]["failed"] == ["96"]


@pytest.mark.slow
def test_a_report_states_its_rank_with_the_interval(batch, processed):
    import polars as pl

    intervals = pl.read_parquet(processed / "uncertainty_intervals.parquet")
    phu_tho = intervals.filter((pl.col("period") == "2025") & (pl.col("province_code") == "25"))
    page = next(Path(batch).glob("25-*.html")).read_text(encoding="utf-8")
    sentence = re.search(
        r"Hạng (\d+)/\d+; với độ tin cậy 90%, hạng có thể từ (\d+) đến (\d+)", page
    )
    assert sentence is not None
    rank, low, high = map(int, sentence.groups())
    assert (rank, low, high) == phu_tho.select("nominal_rank", "rank_lo", "rank_hi").row(0)
    assert low <= rank <= high
    assert "xác suất" in page


@pytest.mark.slow
def test_two_renders_of_a_report_are_byte_identical(processed, tmp_path):
    pages = []
    for run in ("first", "second"):
        done = _cli(
            "report",
            "Phú Thọ",
            "--year",
            2025,
            "--processed",
            processed,
            "--out",
            tmp_path / run,
            cwd=tmp_path,
        )
        assert done.returncode == 0, done.stderr
        pages.append((tmp_path / run / "25-phu_tho.html").read_bytes())
    # nothing in a report depends on when it was rendered: no timestamp to mask
    assert pages[0] == pages[1]


def _visible_text(page: str) -> str:
    """Return what a reader sees or hears of a page: text outside tags, styles and scripts,
    and the labels screen readers say (aria-label, title, alt)."""
    body = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", page, flags=re.S)
    spoken = " ".join(re.findall(r'(?:aria-label|title|alt)="([^"]*)"', body))
    return unescape(re.sub(r"<[^>]+>", " ", body) + " " + spoken)


def _english_words() -> set[str]:
    """Return the English words of the interface (en labels) that no Vietnamese label uses."""
    import csv
    import io
    from importlib import resources

    raw = (resources.files("cchc_analysis") / "data" / "labels.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    words = lambda column: {  # noqa: E731
        w for r in rows for w in _words(re.sub(r"\{[^}]*\}", " ", r[column]))
    }
    return words("en") - words("vi")


def _words(text_: str) -> set[str]:
    """Return the words of a text, lower case: runs of 4+ ASCII letters that are not part of an
    identifier (``par-index-illustrative``, ``scores_totals.parquet``)."""
    return {w.lower() for w in re.findall(r"(?<![\w.-])[A-Za-z]{4,}(?![\w.-])", text_)}


@pytest.mark.slow
def test_a_vietnamese_report_has_no_english(batch):
    english = _english_words()
    assert {"rank", "province", "points", "median", "source", "synthetic"} <= english
    for name in ("25-phu_tho.html", "82-dong_thap.html", "index.html"):  # Hà Nội: a hostile note
        seen = _words(_visible_text(_page(batch, name)))
        assert seen & english == set(), name


@pytest.mark.slow
def test_the_vietnamese_workbook_has_no_english_values(batch):
    from openpyxl import load_workbook

    english = _english_words()
    book = load_workbook(batch / "cchc_scores_2025.xlsx", read_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert _words(value) & english == set(), (sheet.title, value)


@pytest.mark.slow
def test_no_output_holds_a_path_of_the_machine(batch, processed):
    roots = {str(REPO), str(processed.resolve()), str(batch.resolve()), str(Path.home())}
    for path in batch.rglob("*"):
        # data/ is the scores' own snapshot for `cchc verify`, which re-reads the raw inputs
        # from the paths the user gave `cchc validate` (here: temporary absolute paths)
        if path.suffix in (".html", ".ipynb", ".json") and path.parent.name != "data":
            content = path.read_text(encoding="utf-8")
            for root in roots - {"/"}:  # as an absolute path ("../x" names a folder outside)
                assert re.search(rf"(?<!\.){re.escape(root)}", content) is None, (path, root)


@pytest.mark.slow
def test_reports_link_the_index_and_their_neighbours(batch):
    index = _page(batch, "index.html")
    order = re.findall(r"<a href=\"(\d{2}-[a-z_]+\.html)\">", index)
    assert len(order) == 3
    for at, name in enumerate(order):
        page = _page(batch, name)
        links = re.findall(r'<nav class="cchc-nav".*?</nav>', page, flags=re.S)[0]
        assert 'href="index.html"' in links
        if at > 0:
            assert f'href="{order[at - 1]}" rel="prev"' in links
        if at + 1 < len(order):
            assert f'href="{order[at + 1]}" rel="next"' in links


@pytest.mark.slow
def test_pdfs_of_every_report_and_the_index(batch, tmp_path):
    import unicodedata

    from pypdf import PdfReader

    from cchc_analysis.reports.pdf import PdfToolMissing, write_pdfs

    pages = [*sorted(batch.glob("[0-9][0-9]-*.html")), batch / "index.html"]
    copies = []
    for page in pages:  # beside copies, so the batch folder stays as the other tests expect
        (tmp_path / page.name).write_bytes(page.read_bytes())
        copies.append(tmp_path / page.name)
    try:
        written = write_pdfs(tmp_path, copies, jobs=2)
    except PdfToolMissing as exc:
        pytest.skip(str(exc))
    assert [p.name for p in written] == [p.with_suffix(".pdf").name for p in pages]
    for pdf in written:
        reader = PdfReader(pdf)
        first = unicodedata.normalize("NFC", reader.pages[0].extract_text())
        if pdf.name == "index.pdf":
            assert 1 <= len(reader.pages) <= 3
            assert "Báo cáo chỉ số CCHC các tỉnh" in first and "Đồng Tháp" in first
            continue
        assert 2 <= len(reader.pages) <= 12
        # page 1 is the brief: summary, headline, domain gaps, strengths, targets
        for heading in (
            "Tóm tắt",
            "Chênh lệch của tỉnh so với trung vị toàn quốc",
            "Điểm mạnh",
            "Cần cải thiện",
            "Chỉ tiêu CCHC so với mục tiêu quốc gia",
        ):
            assert heading in first, (pdf.name, heading)
        assert "DỮ LIỆU GIẢ LẬP" in first and "Xếp loại" in first
    text = unicodedata.normalize(
        "NFC", PdfReader(tmp_path / "25-phu_tho.pdf").pages[0].extract_text()
    )
    assert "Tỉnh Phú Thọ" in text and "hạng" in text  # diacritics extracted as written
