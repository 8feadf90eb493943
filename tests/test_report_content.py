"""What a province report says, checked without a kernel: the view built from the scored
three-province fixture, its HTML sections, the charts' specs, the workbook, the index page and
the batch bookkeeping (manifest, --only-failed)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from importlib import resources

import polars as pl
import pytest

from cchc_analysis.pipeline import run_score, run_validate
from cchc_analysis.reference.labels import number, percent, text
from cchc_analysis.reference.registry import resolve_province
from cchc_analysis.reports import charts
from cchc_analysis.reports import sections as report
from cchc_analysis.reports.panel import PANEL, _target_for, load_targets
from cchc_analysis.reports.processed import read_processed, read_uncertainty
from cchc_analysis.reports.summary_sections import summary_lines
from cchc_analysis.reports.view import (
    MIN_REGION_PEERS,
    build_view,
    criterion_gaps,
    strengths_and_weaknesses,
)

HOSTILE_NOTE = "<script>alert('note')</script>"
HOSTILE_SOURCE = '<img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def processed(tmp_path_factory, three_province_csv):
    """The fixture validated and scored; Hà Nội's 2025 rows carry hostile source and note."""
    rows = pl.read_csv(three_province_csv, infer_schema=False).with_columns(
        note=pl.when((pl.col("province") == "Hà Nội") & (pl.col("period") == "2025"))
        .then(pl.lit(HOSTILE_NOTE))
        .otherwise(pl.col("note")),
        source=pl.when((pl.col("province") == "Hà Nội") & (pl.col("period") == "2025"))
        .then(pl.lit(HOSTILE_SOURCE))
        .otherwise(pl.col("source")),
    )
    folder = tmp_path_factory.mktemp("processed")
    table = folder / "hostile_three_provinces.csv"
    rows.write_csv(table)
    assert run_validate([table], folder, folder).ok
    run_score(folder / "indicators.parquet", "par-index-illustrative", folder)
    return folder


@pytest.fixture(scope="module")
def failures(tmp_path_factory):
    """A failures table in the contract's columns, with raw province spellings."""
    header = "file,row,province,period,indicator,column,value,rule,severity,message_vi,message_en"
    rows = [
        "t.csv,5,tinh phu tho,2025,task.planned,value,41,year_on_year_jump,warning,Tăng <b>mạnh</b>,Big <b>jump</b>",
        "t.csv,6,Phú Thọ,2025-H1,task.done,value,7,year_on_year_jump,warning,Tăng,Jump",
        "t.csv,7,Hà Nội,2025,task.planned,value,9,year_on_year_jump,warning,Tăng,Jump",
        "t.csv,8,Phú Thọ,2024,task.planned,value,9,year_on_year_jump,warning,Tăng,Jump",
        "t.csv,9,Hòa Bình,2025,task.planned,value,9,province_resolvable,error,Đã sáp nhập,Merged",
        "t.csv,,,2025,,province,3,province_count,warning,Kỳ 2025 có 3 tỉnh,Period 2025 has 3",
    ]
    path = tmp_path_factory.mktemp("validation") / "failures.csv"
    path.write_text("\ufeff" + "\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tables(processed):
    return read_processed(processed)


@pytest.fixture(scope="module")
def phu_tho(processed, failures):
    return report.load_report_view(str(processed), "Tỉnh Phú Thọ", 2025, "vi", str(failures))


@pytest.fixture(scope="module")
def ha_noi_en(processed, failures):
    return report.load_report_view(str(processed), "HANOI", 2025, "en", str(failures))


class TestView:
    def test_headline_is_the_totals_row(self, phu_tho, tables):
        totals = tables[0]["totals"].filter(
            (pl.col("period") == "2025") & (pl.col("province_code") == "25")
        )
        row = totals.row(0, named=True)
        for key in ("index_pct", "rank", "n_provinces", "grade", "rank_in_region", "change_points"):
            assert phu_tho.headline[key] == row[key], key

    def test_profile_has_national_and_regional_medians(self, phu_tho, tables):
        domains = tables[0]["domains"].filter(pl.col("period") == "2025")
        expected = domains.group_by("domain_label_vi").agg(pl.col("pct").median())
        medians = dict(zip(expected["domain_label_vi"], expected["pct"], strict=True))
        for row in phu_tho.profile.iter_rows(named=True):
            assert row["median_pct"] == pytest.approx(medians[row["domain"]], abs=0.01)
            assert row["gap_pct"] == pytest.approx(row["pct"] - row["median_pct"], abs=0.011)
        assert phu_tho.profile.height == 8

    def test_regional_median_leaves_the_province_out(self, phu_tho, tables):
        totals = tables[0]["totals"].filter(pl.col("period") == "2025")
        region = totals.filter(pl.col("province_code") == "25")["region"][0]
        others = totals.filter((pl.col("region") == region) & (pl.col("province_code") != "25"))
        profile = phu_tho.profile
        assert profile["region_peers"].unique().to_list() == [others.height]
        assert profile["region_thin"].all() == (others.height < MIN_REGION_PEERS)
        domains = tables[0]["domains"].filter(
            (pl.col("period") == "2025")
            & pl.col("province_code").is_in(others["province_code"].implode())
        )
        expected = domains.group_by("domain_label_vi").agg(pl.col("pct").median())
        medians = dict(zip(expected["domain_label_vi"], expected["pct"], strict=True))
        for row in profile.iter_rows(named=True):  # None when no other province is there
            assert row["region_median_pct"] == (
                None if not medians else pytest.approx(medians[row["domain"]], abs=0.01)
            )

    def test_a_thin_region_is_flagged(self, phu_tho):
        page = str(report.profile_section(phu_tho)) + str(report.peers_section(phu_tho))
        thin = bool(phu_tho.profile["region_thin"][0])
        assert ("cchc-thin" in page) == thin

    def test_quartiles_and_best_performers(self, phu_tho, tables):
        domains = tables[0]["domains"].filter(pl.col("period") == "2025")
        for row in phu_tho.profile.iter_rows(named=True):
            these = domains.filter(pl.col("domain_label_vi") == row["domain"])
            best = these.filter(pl.col("pct") == pl.col("pct").max())["province"].sort()
            assert row["best"] == best.to_list()
            assert row["best_pct"] == these["pct"].max()
            better = these.filter(pl.col("pct") > row["pct"]).height
            assert row["place"] == better + 1
            assert row["quartile"] == (better * 4) // these.height + 1
        page = str(report.peers_section(phu_tho))
        assert "cchc-q" in page and text("best_performer", "vi") in page

    def test_trend_marks_the_predecessors(self, phu_tho):
        predecessors = phu_tho.trend.filter(pl.col("kind") == text("predecessor", "vi"))
        assert {s.split(" (")[0] for s in predecessors["series"]} == {
            "Phú Thọ",
            "Vĩnh Phúc",
            "Hòa Bình",
        }
        assert all("trước sáp nhập" in s for s in predecessors["series"])
        assert predecessors["year"].max() == 2024
        own = phu_tho.trend.filter(pl.col("series") == "Phú Thọ")
        assert own["year"].to_list() == [2024, 2025]  # 2024: predecessors combined, re-scored
        medians = phu_tho.trend.filter(pl.col("kind") == text("national_median", "vi"))
        # one median line per era: the line breaks where 63 provinces became 34
        assert set(medians["series"]) == {
            "Trung vị toàn quốc (63 tỉnh)",
            "Trung vị toàn quốc (34 tỉnh)",
        }
        eras = medians.group_by("series").agg(
            pl.col("year").max(), pl.col("year").min().alias("lo")
        )
        by = {r["series"]: r for r in eras.iter_rows(named=True)}
        assert by["Trung vị toàn quốc (63 tỉnh)"]["year"] == 2024
        assert by["Trung vị toàn quốc (34 tỉnh)"]["lo"] == 2025

    def test_a_province_with_unchanged_boundaries_has_one_line(self, ha_noi_en):
        own = ha_noi_en.trend.filter(pl.col("series") == "Hà Nội")
        assert own["year"].to_list() == [2024, 2025]
        assert ha_noi_en.trend.filter(pl.col("kind") == "before the merger").is_empty()

    def test_criterion_gaps_are_points_against_the_national_median(self):
        criteria = pl.DataFrame(
            {
                "province_code": ["01", "02", "03", "01", "02", "03"],
                "criterion_id": ["a", "a", "a", "b", "b", "b"],
                "criterion_order": [1, 1, 1, 2, 2, 2],
                "points": [10.0, 4.0, 6.0, 1.0, 2.0, 3.0],
            }
        )
        gaps = criterion_gaps(criteria, "01")
        assert gaps["median_points"].to_list() == [6.0, 2.0]
        assert gaps["gap"].to_list() == [4.0, -1.0]
        assert gaps["percentile"].to_list() == [67.0, 0.0]  # above 2 of 3; above none

    def test_strengths_and_weaknesses_by_gap_to_the_median_with_ties(self):
        gaps = pl.DataFrame(
            {
                "criterion_id": list("abcdefgh"),
                "criterion_order": [1, 2, 3, 4, 5, 6, 7, 8],
                "gap": [2.0, 0.5, 0.5, 0.5, 0.0, -1.0, -0.2, 0.0],
            }
        )
        strengths, weaknesses, more = strengths_and_weaknesses(gaps, 2, cap=3)
        # b, c and d tie for second place: all shown up to the cap, the rest counted
        assert strengths["criterion_id"].to_list() == ["a", "b", "c"]
        assert more["strengths"] == 1
        # at the median (gap 0) is neither a strength nor a weakness
        assert weaknesses["criterion_id"].to_list() == ["f", "g"]
        assert more["weaknesses"] == 0
        none = gaps.with_columns(gap=pl.lit(0.0))
        assert strengths_and_weaknesses(none)[0].is_empty()

    def test_strengths_differ_from_province_to_province(self, tables):
        chosen = [build_view(tables[0], tables[1], code, 2025) for code in ("01", "25", "82")]
        sets = {tuple(v.strengths["criterion_id"]) for v in chosen}
        weak = {tuple(v.weaknesses["criterion_id"]) for v in chosen}
        assert len(sets) > 1 and len(weak) > 1
        for view in chosen:
            assert (view.strengths["gap"] > 0).all() and (view.weaknesses["gap"] < 0).all()
            page = str(report.strengths_section(view))
            assert "thiếu 0" not in page and "−0,00" not in page

    def test_indicator_panel_against_the_targets(self, phu_tho, processed):
        panel = {r["measure"]: r for r in phu_tho.indicators.iter_rows(named=True)}
        assert set(panel) == set(PANEL)
        indicators = pl.read_parquet(processed / "indicators.parquet").filter(
            (pl.col("province_code") == "25") & (pl.col("period") == "2025")
        )
        values = dict(zip(indicators["indicator"], indicators["value"], strict=True))
        tasks = panel["tasks"]
        assert tasks["numerator"] == values["task.completed"]
        assert tasks["denominator"] == values["task.planned"]
        assert tasks["status"] == "no_target"
        online = panel["online_services"]
        expected = (
            100
            * (values["service.online_level3"] + values["service.online_level4"])
            / values["tthc.in_force"]
        )
        assert online["value_pct"] == pytest.approx(expected, abs=0.01)
        assert online["target"] == 80 and online["target_year"] == 2025
        assert online["status"] == ("met" if expected >= 80 else "not_met")
        assert panel["simplified"]["comparability"] == "approximate"
        assert "bãi bỏ" in panel["simplified"]["counts"]

    def test_targets_apply_by_year(self):
        assert _target_for("online_services", 2025)["target"] == 80
        assert _target_for("online_services", 2026)["target"] == 90
        assert _target_for("online_services", 2031) is None
        assert _target_for("tasks", 2025) is None

    def test_every_target_names_its_source(self):
        targets = load_targets()
        assert targets.height >= 5
        assert targets["source"].null_count() == 0 and targets["instrument"].null_count() == 0
        assert set(targets["measure"]) <= set(PANEL)
        assert set(targets["comparability"]) <= {"direct", "approximate", "unverified"}

    def test_warnings_resolve_raw_spellings(self, phu_tho):
        assert phu_tho.warnings is not None
        # 2025-H1 is before the merger: Phú Thọ then is one of the provinces merged into it.
        assert sorted(phu_tho.warnings["row"].to_list()) == ["5", "6"]  # not 2024, not Hà Nội

    def test_no_failures_table(self, processed):
        view = report.load_report_view(str(processed), "25", 2025, "vi", "")
        assert view.warnings is None
        assert text("warnings_unavailable", "vi") in str(report.warnings_section(view))

    def test_provenance_lists_files_and_parameters(self, phu_tho, failures):
        names = [f["path"] for f in phu_tho.files]
        assert "scores_totals.parquet" in names and failures.name in names
        assert all(re.fullmatch(r"[0-9a-f]{64}", f["sha256"]) for f in phu_tho.files)
        footer = str(report.provenance_footer(phu_tho))
        assert "par-index-illustrative" in footer and "national_targets.csv" in footer
        assert "tỉnh=Tỉnh Phú Thọ" in footer and "<details>" in footer
        # no path of the machine the report was built on
        assert str(failures.parent) not in footer and "/tmp" not in footer


class TestHtml:
    def test_hostile_note_and_source_show_as_text(self, ha_noi_en):
        page = str(report.indicators_section(ha_noi_en))
        assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
        assert "<script" not in page and "<img" not in page

    def test_hostile_validation_message_shows_as_text(self, phu_tho):
        page = str(report.warnings_section(phu_tho))
        assert "Tăng &lt;b&gt;mạnh&lt;/b&gt;" in page and "<b>" not in page

    def test_sections_in_english(self, ha_noi_en):
        assert "Rank in the" in str(report.headline(ha_noi_en))
        assert "Strengths" in str(report.strengths_section(ha_noi_en))
        assert "Thành phố" not in str(report.banner(ha_noi_en))

    def test_criteria_table_has_every_criterion_once(self, phu_tho):
        page = str(report.criteria_section(phu_tho))
        assert page.count("<tr") == phu_tho.criteria.height + 1
        assert page.count("scope='rowgroup'") == phu_tho.criteria["domain_id"].n_unique()


class TestCharts:
    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_specs_validate_and_draw_vietnamese_as_nfc(self, phu_tho, ha_noi_en, lang):
        view = phu_tho if lang == "vi" else ha_noi_en
        made = [
            charts.plot_ranking(view.ranking, "25", lang, view.bands),
            charts.plot_rank_intervals(view.intervals, lang),
            charts.plot_trend(view.trend, lang, view.bands),
        ]
        for chart in made:
            chart.to_dict()  # full schema validation (reports skip it: validated here)
        page = charts.figure_html(made[0], lang, title="t")
        assert page.startswith('<figure class="cchc-chart"') and "<svg" in page
        assert "Phú Thọ" in page and unicodedata.is_normalized("NFC", page)
        assert "http://" not in page.replace("http://www.w3.org", "")
        # Vega's own English role words are gone; the figure speaks the report's language
        assert "aria-roledescription" not in page and "X-axis" not in page

    def test_every_chart_text_is_at_least_11_px(self, phu_tho):
        made = [
            charts.plot_ranking(phu_tho.ranking, None, "vi", phu_tho.bands),
            charts.plot_rank_intervals(phu_tho.intervals, "vi"),
            charts.plot_trend(phu_tho.trend, "vi", phu_tho.bands),
        ]
        for chart in made:
            svg = charts.figure_html(chart, "vi")
            sizes = [float(x) for x in re.findall(r'font-size="([\d.]+)px"', svg)]
            width = float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))
            assert sizes and min(sizes) >= charts.MIN_FONT
            assert width <= 360  # drawn at natural size on a 390 px phone, never shrunk

    def test_grade_thresholds_are_drawn(self, phu_tho):
        spec = charts.plot_ranking(phu_tho.ranking, None, "vi", phu_tho.bands).to_dict()
        svg = charts.figure_html(charts.plot_ranking(phu_tho.ranking, None, "vi", phu_tho.bands))
        low, high = phu_tho.ranking["index_pct"].min(), phu_tho.ranking["index_pct"].max()
        inside = phu_tho.bands.filter(
            (pl.col("band_min") > low - 1.5) & (pl.col("band_min") < high + 1.5)
        )
        for band in inside.iter_rows(named=True):
            assert f"{band['grade']} ≥ {int(band['band_min'])}" in svg
        assert "layer" in spec

    def test_the_recorded_domain_spec_validates(self, phu_tho):
        import altair as alt

        spec = charts.domain_gaps_spec(phu_tho.profile, "vi")
        alt.LayerChart.from_dict(spec)  # a valid Vega-Lite layer chart
        values = {r["domain"]: r["gap_pct"] for r in spec["data"]["values"]}
        assert values == dict(
            zip(phu_tho.profile["domain"], phu_tho.profile["gap_pct"], strict=True)
        )

    def test_the_domain_view_shows_gaps_to_the_median(self, phu_tho):
        page = str(report.profile_section(phu_tho))
        for row in phu_tho.profile.iter_rows(named=True):
            assert row["domain"] in page
            assert number(row["gap_pct"], "vi", 2, signed=True) in page
        side = [
            "cchc-gap-above" if g >= 0 else "cchc-gap-below" for g in phu_tho.profile["gap_pct"]
        ]
        assert re.findall(r"cchc-gap-(above|below)\" style", page) == [s[9:] for s in side]

    def test_palette_is_okabe_ito(self):
        assert charts.PALETTE[:6] == [
            "#0072B2",
            "#E69F00",
            "#009E73",
            "#CC79A7",
            "#56B4E9",
            "#D55E00",
        ]

    def test_vietnamese_axis_numbers_use_a_decimal_comma(self, phu_tho):
        page = charts.figure_html(charts.plot_trend(phu_tho.trend, "vi"), "vi")
        labels = re.findall(r">(\d+(?:[.,]\d+)?)</text>", page)
        assert labels and not any("." in label for label in labels)

    def test_trend_styles_follow_kinds(self, phu_tho):
        styles = {s: d for s, _, d in charts.trend_styles(phu_tho.trend, "vi")}
        assert styles["Phú Thọ"] == "line"
        assert styles["Vĩnh Phúc (trước sáp nhập)"] == "dash"
        assert styles["Trung vị toàn quốc (63 tỉnh)"] == "dot"
        assert styles["Trung vị toàn quốc (34 tỉnh)"] == "dot"


class TestWorkbook:
    @pytest.mark.parametrize(
        ("lang", "sheet", "header"),
        [("vi", "Tổng hợp", "Tỉnh/thành phố"), ("en", "Totals", "Province")],
    )
    def test_three_sheets_numbers_as_numbers(self, tmp_path, tables, lang, sheet, header):
        from openpyxl import load_workbook

        from cchc_analysis.reports.workbook import write_workbook

        path = write_workbook(tables[0], 2025, tmp_path, lang, tables[1])
        assert path.name == "cchc_scores_2025.xlsx"
        book = load_workbook(path)
        assert book.sheetnames[1] == sheet and len(book.sheetnames) == 4
        # the disclaimers come first
        first = [c.value for c in book.worksheets[0]["A"]]
        assert first[0] == text("synthetic_banner", lang)
        assert first[1] == text("illustrative_banner", lang)
        rows = list(book[sheet].iter_rows(values_only=True))
        assert header in rows[0]
        index = rows[0].index(text("index_pct", lang))
        assert all(isinstance(r[index], float) for r in rows[1:]) and len(rows) == 4
        column = book[sheet].cell(row=2, column=index + 1)
        assert column.number_format == "0.00"  # shown 0,00 by a Vietnamese Excel
        for data in book.worksheets[1:]:
            assert data.freeze_panes == "A2"
            assert data.auto_filter.ref and data.auto_filter.ref.startswith("A1:")
        criteria = list(book.worksheets[3].iter_rows(values_only=True))
        explanation = criteria[0].index(text("explanation", lang))
        assert all(r[explanation] for r in criteria[1:])
        missing = criteria[0].index(text("missing", lang))
        assert {r[missing] for r in criteria[1:]} <= {text("yes", lang), text("no", lang)}


class TestBatchBookkeeping:
    def test_report_names_are_slugs(self, tmp_path):
        from cchc_analysis.reports.names import report_file_name, report_path

        assert report_file_name("25", "phu_tho") == "25-phu_tho.html"
        for code, slug in [
            ("25", "../../etc/passwd"),
            ("../x", "a"),
            ("25", "Phú Thọ"),
            ("2", "a"),
        ]:
            with pytest.raises(ValueError):
                report_file_name(code, slug)
        assert report_path(tmp_path, "01", "ha_noi").parent == tmp_path.resolve()

    def test_hostile_province_names_never_resolve(self):
        from cchc_analysis.reference.registry import ProvinceNotFound

        for name in ("../../etc/passwd", "Hà Nội'; import os; os.system('x') #", "<script>"):
            with pytest.raises(ProvinceNotFound):
                resolve_province(name, "2025")

    def test_parameters_are_plain_values(self, tmp_path):
        from cchc_analysis.reports.report_notebook import notebook_parameters

        parameters = notebook_parameters("25", 2025, tmp_path, "vi", None, tmp_path.parent)
        assert parameters == {
            "province": "25",
            "year": 2025,
            "processed_dir": tmp_path.name,  # relative to where the notebook runs
            "lang": "vi",
            "failures_path": "",
        }
        with pytest.raises(ValueError):
            notebook_parameters("25", 2025, tmp_path, "fr", None)

    def test_only_failed_picks_failures_and_missing_pages(self, tmp_path):
        from cchc_analysis.reports.render import failed_codes, merge_entries, select_codes

        (tmp_path / "01-ha_noi.html").write_text("ok")
        manifest = {
            "year": 2025,
            "lang": "vi",
            "reports": [
                {"province_code": "01", "html": "01-ha_noi.html", "error": None},
                {"province_code": "25", "html": None, "error": "boom"},
                {"province_code": "82", "html": "82-dong_thap.html", "error": None},  # gone
            ],
        }
        assert failed_codes(manifest, tmp_path) == ["25", "82"]
        (tmp_path / "manifest.json").write_text(__import__("json").dumps(manifest))
        assert select_codes(["01", "25", "82"], 2025, tmp_path, only_failed=True) == ["25", "82"]
        assert select_codes(["01", "25", "82"], 2025, tmp_path, ["Phú Thọ"], True) == ["25"]
        with pytest.raises(LookupError):
            select_codes(["01"], 2024, tmp_path, only_failed=True)
        entries = merge_entries(manifest, [], tmp_path, 2025, "vi")
        assert [e["province_code"] for e in entries] == ["01", "25"]  # 82's page is gone

    def test_index_is_sortable_and_offline(self, tmp_path, tables, processed):
        from cchc_analysis.reports.index_page import write_index

        totals = tables[0]["totals"].filter(pl.col("period") == "2025")
        (tmp_path / "25-phu_tho.html").write_text("ok")
        entries = [
            {"province_code": "25", "html": "25-phu_tho.html", "error": None},
            {"province_code": "01", "html": None, "error": "boom"},
        ]
        intervals, _ = read_uncertainty(processed, "2025")
        page = write_index(
            totals, entries, tables[1], tmp_path, 2025, "vi", "x.xlsx", intervals, "2025-12-31"
        ).read_text()
        assert 'href="25-phu_tho.html"' in page and text("render_failed", "vi") in page
        assert "<script>" in page and "addEventListener" in page  # inline, nothing fetched
        assert re.search(r'(src|href)="https?:', page) is None
        rows = re.findall(r"<tr data-region='[a-z_]+'><td class='num' data-sort='(\d+)'", page)
        assert rows == sorted(rows, key=int) and len(rows) == totals.height
        assert 'data-type="num"' in page
        # a dashboard: every province's rank interval coloured by grade, a legend, a region
        # filter and the run date
        for r in intervals.iter_rows(named=True):
            assert f"<span class='range'>{r['rank_lo']}–{r['rank_hi']}</span>" in page
        for grade in totals["grade"].unique().to_list():
            assert f"bar grade-{grade}" in page and f"swatch grade-{grade}" in page
        assert page.count("<option value=") == totals["region"].n_unique() + 1
        assert text("run_date", "vi", date="31/12/2025") in page
        # aria-sort says how the table is sorted: by rank, ascending, and nothing else
        sorts = re.findall(r'aria-sort="(\w+)">([^<]*)<', page)
        assert sorts[0] == ("ascending", text("rank", "vi"))
        assert all(state == "none" for state, _ in sorts[1:])

    def test_labels_have_both_languages(self):
        raw = (resources.files("cchc_analysis") / "data" / "labels.csv").read_text("utf-8")
        rows = list(csv.DictReader(io.StringIO(raw)))
        assert all(r["vi"] and r["en"] for r in rows)
        assert len({r["key"] for r in rows}) == len(rows)


class TestNumbers:
    def test_one_formatter_per_language(self):
        from cchc_analysis.reference.labels import count, percent, points

        assert number(1234.56, "vi") == "1.234,56" and number(1234.56, "en") == "1,234.56"
        assert number(-2.5, "vi") == "\u22122,50"  # a true minus sign, fixed decimals
        assert number(0.001, "vi", signed=True) == "0,00"  # never −0,00 or +0,00
        assert number(3, "en", signed=True) == "+3.00"
        assert points(2.4, "vi") == "2,40" and percent(98.87, "vi") == "98,87%"
        assert percent(90, "en") == "90.00%" and count(458866, "vi") == "458.866"

    def test_explanations_write_counts_as_tables_do(self, tables):
        criteria = tables[0]["criteria"].filter(pl.col("numerator") >= 1000)
        assert criteria.height
        row = criteria.row(0, named=True)
        shown = f"{number(row['numerator'], 'vi', 0)}/{number(row['denominator'], 'vi', 0)}"
        if float(row["denominator"]).is_integer():
            assert shown in row["explanation_vi"]
        assert re.search(r"\(\d{4,}/", row["explanation_vi"]) is None


class TestSummary:
    def test_summary_says_the_figures_of_the_tables(self, phu_tho, tables):
        lines = summary_lines(phu_tho)
        assert 1 <= len(lines) <= 5
        row = phu_tho.headline
        interval = phu_tho.interval()
        assert interval is not None
        assert f"hạng {row['rank']}/{row['n_provinces']}" in lines[0]
        assert f"từ {interval['rank_lo']} đến {interval['rank_hi']}" in lines[0]
        assert percent(row["index_pct"], "vi") in lines[0]
        grade = row["grade"]
        assert f"Xếp loại {grade}" in lines[1]
        assert f"{int(interval['p_' + grade] * 100 + 0.5)}%" in lines[1]
        assert number(row["change_points"], "vi", 2, signed=True) in lines[2]
        # the domains' changes add up to the index's (points of a 100-point index)
        changes = phu_tho.profile["change_points"]
        assert changes.null_count() == 0
        assert changes.sum() == pytest.approx(row["change_points"], abs=0.06)
        moved = phu_tho.profile.sort(pl.col("change_points").abs(), descending=True).head(1)
        assert moved["domain"][0] in lines[2]
        gaps = phu_tho.profile.sort(pl.col("gap_points").abs(), descending=True).head(3)
        for d in gaps.iter_rows(named=True):
            if abs(d["gap_points"]) >= 0.005:
                assert f"{d['domain']} {number(d['gap_points'], 'vi', 2, signed=True)}" in lines[3]
        missed = phu_tho.indicators.filter(pl.col("status") == "not_met")
        for r in missed.iter_rows(named=True):
            assert text("measure_" + r["measure"], "vi") in lines[4]

    def test_summary_in_english_has_no_vietnamese_words(self, ha_noi_en):
        lines = summary_lines(ha_noi_en)
        assert lines[0].startswith("Index ") and "could be anywhere from" in lines[0]
        assert not any(w in " ".join(lines) for w in ("hạng", "điểm", "Xếp loại"))


class TestPdfTool:
    def test_without_chromium_the_command_says_how_to_install_it(self, monkeypatch, tmp_path):
        from cchc_analysis.reports.pdf import PdfToolMissing, find_chromium, write_pdfs

        monkeypatch.setenv("PATH", str(tmp_path))  # no browser anywhere on PATH
        monkeypatch.delenv("CCHC_CHROMIUM", raising=False)
        with pytest.raises(PdfToolMissing, match="apt-get install chromium"):
            find_chromium()
        with pytest.raises(PdfToolMissing, match="apt-get install chromium"):
            write_pdfs(tmp_path, [tmp_path / "index.html"])
        monkeypatch.setenv("CCHC_CHROMIUM", "no-such-browser")
        with pytest.raises(PdfToolMissing, match="CCHC_CHROMIUM='no-such-browser'"):
            find_chromium()


def test_the_index_is_byte_identical_for_the_same_inputs(tmp_path, tables, processed, monkeypatch):
    from cchc_analysis.reports.index_page import run_date, write_index

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767139200")  # 2025-12-31 00:00 UTC
    assert run_date() == "2025-12-31"
    totals = tables[0]["totals"].filter(pl.col("period") == "2025")
    intervals, _ = read_uncertainty(processed, "2025")
    pages = []
    for run in ("a", "b"):
        folder = tmp_path / run
        folder.mkdir()
        pages.append(
            write_index(totals, [], tables[1], folder, 2025, "vi", None, intervals).read_bytes()
        )
    assert pages[0] == pages[1] and b"31/12/2025" in pages[0]
