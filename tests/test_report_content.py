"""What a province report says, checked without a kernel: the view built from the scored
three-province fixture, its HTML sections, the charts' specs, the workbook, the index page and
the batch bookkeeping (manifest, --only-failed)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import polars as pl
import pytest

from cchc_analysis import charts, report
from cchc_analysis.labels import text
from cchc_analysis.pipeline import run_score, run_validate
from cchc_analysis.registry import resolve_province

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
    return report.read_processed(processed)


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
            assert row["region_median_pct"] is not None
        assert phu_tho.profile.height == 8

    def test_regional_median_uses_only_the_region(self, phu_tho, tables):
        totals = tables[0]["totals"].filter(pl.col("period") == "2025")
        region = totals.filter(pl.col("province_code") == "25")["region"][0]
        members = totals.filter(pl.col("region") == region)["province_code"]
        assert 0 < members.len() < totals.height  # the region is not the whole country
        domains = tables[0]["domains"].filter(
            (pl.col("period") == "2025") & pl.col("province_code").is_in(members.implode())
        )
        expected = dict(domains.group_by("domain_label_vi").agg(pl.col("pct").median()).iter_rows())
        got = dict(
            zip(phu_tho.profile["domain"], phu_tho.profile["region_median_pct"], strict=True)
        )
        assert got == pytest.approx(expected, abs=0.01) and len(got) == 8

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
        assert text("national_median", "vi") in phu_tho.trend["series"].to_list()

    def test_a_province_with_unchanged_boundaries_has_one_line(self, ha_noi_en):
        own = ha_noi_en.trend.filter(pl.col("series") == "Hà Nội")
        assert own["year"].to_list() == [2024, 2025]
        assert ha_noi_en.trend.filter(pl.col("kind") == "before the merger").is_empty()

    def test_strengths_and_weaknesses_by_gap(self):
        criteria = pl.DataFrame(
            {
                "criterion_id": list("abcdef"),
                "criterion_order": [1, 2, 3, 4, 5, 6],
                "points": [10.0, 3.0, 8.0, 0.0, 4.0, 6.0],
                "max_points": [10.0, 8.0, 8.0, 6.0, 4.0, 10.0],
            }
        )
        strengths, weaknesses = report.strengths_and_weaknesses(criteria, 2)
        assert strengths["criterion_id"].to_list() == ["a", "c"]  # gap 0; larger maximum first
        assert weaknesses["criterion_id"].to_list() == ["d", "b"]  # gaps 6 and 5
        assert weaknesses["gap"].to_list() == [6.0, 5.0]

    def test_indicator_panel_against_the_targets(self, phu_tho, processed):
        panel = {r["measure"]: r for r in phu_tho.indicators.iter_rows(named=True)}
        assert set(panel) == set(report.PANEL)
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
        assert report._target_for("online_services", 2025)["target"] == 80
        assert report._target_for("online_services", 2026)["target"] == 90
        assert report._target_for("online_services", 2031) is None
        assert report._target_for("tasks", 2025) is None

    def test_every_target_names_its_source(self):
        targets = report.load_targets()
        assert targets.height >= 5
        assert targets["source"].null_count() == 0 and targets["instrument"].null_count() == 0
        assert set(targets["measure"]) <= set(report.PANEL)
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
        assert any(n.endswith("scores_totals.parquet") for n in names)
        assert str(failures) in names
        assert all(re.fullmatch(r"[0-9a-f]{64}", f["sha256"]) for f in phu_tho.files)
        footer = str(report.provenance_footer(phu_tho))
        assert "par-index-illustrative" in footer and "national_targets.csv" in footer
        assert "province=&#x27;Tỉnh Phú Thọ&#x27;" in footer


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
            charts.plot_domain_profile(view.profile, lang),
            charts.plot_ranking(view.ranking, "25", lang),
            charts.plot_trend(view.trend, lang),
        ]
        for chart in made:
            chart.to_dict()  # full schema validation (reports skip it: validated here)
        page = charts.figure_html(made[1], lang)
        assert page.startswith('<figure class="cchc-chart"') and "<svg" in page
        assert "Phú Thọ" in page and unicodedata.is_normalized("NFC", page)
        assert "http://" not in page.replace("http://www.w3.org", "")

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
        assert styles[text("national_median", "vi")] == "dot"


class TestWorkbook:
    @pytest.mark.parametrize(
        ("lang", "sheet", "header"),
        [("vi", "Tổng hợp", "Tỉnh/thành phố"), ("en", "Totals", "Province")],
    )
    def test_three_sheets_numbers_as_numbers(self, tmp_path, tables, lang, sheet, header):
        from openpyxl import load_workbook

        from cchc_analysis.workbook import write_workbook

        path = write_workbook(tables[0], 2025, tmp_path, lang, tables[1])
        assert path.name == "cchc_scores_2025.xlsx"
        book = load_workbook(path, read_only=True)
        assert book.sheetnames[0] == sheet and len(book.sheetnames) == 4
        rows = list(book[sheet].iter_rows(values_only=True))
        assert header in rows[0]
        index = rows[0].index(text("index_pct", lang))
        assert all(isinstance(r[index], float) for r in rows[1:]) and len(rows) == 4
        criteria = list(book.worksheets[2].iter_rows(values_only=True))
        explanation = criteria[0].index(text("explanation", lang))
        assert all(r[explanation] for r in criteria[1:])


class TestBatchBookkeeping:
    def test_report_names_are_slugs(self, tmp_path):
        from cchc_analysis.render import report_file_name, report_path

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
        from cchc_analysis.registry import ProvinceNotFound

        for name in ("../../etc/passwd", "Hà Nội'; import os; os.system('x') #", "<script>"):
            with pytest.raises(ProvinceNotFound):
                resolve_province(name, "2025")

    def test_parameters_are_plain_values(self, tmp_path):
        from cchc_analysis.render import notebook_parameters

        parameters = notebook_parameters("25", 2025, tmp_path, "vi", None)
        assert parameters == {
            "province": "25",
            "year": 2025,
            "processed_dir": str(tmp_path.resolve()),
            "lang": "vi",
            "failures_path": "",
        }
        with pytest.raises(ValueError):
            notebook_parameters("25", 2025, tmp_path, "fr", None)

    def test_only_failed_picks_failures_and_missing_pages(self, tmp_path):
        from cchc_analysis.render import failed_codes, merge_entries, select_codes

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

    def test_index_is_sortable_and_offline(self, tmp_path, tables):
        from cchc_analysis.render import write_index

        totals = tables[0]["totals"].filter(pl.col("period") == "2025")
        (tmp_path / "25-phu_tho.html").write_text("ok")
        entries = [
            {"province_code": "25", "html": "25-phu_tho.html", "error": None},
            {"province_code": "01", "html": None, "error": "boom"},
        ]
        page = write_index(totals, entries, tables[1], tmp_path, 2025, "vi", "x.xlsx").read_text()
        assert 'href="25-phu_tho.html"' in page and text("render_failed", "vi") in page
        assert "<script>" in page and "addEventListener" in page  # inline, nothing fetched
        assert re.search(r'(src|href)="https?:', page) is None
        rows = re.findall(r"<tr><td class='num' data-sort='(\d+)'", page)
        assert rows == sorted(rows, key=int)
        assert 'data-type="num"' in page

    def test_labels_have_both_languages(self):
        raw = (report.resources.files("cchc_analysis") / "data" / "labels.csv").read_text("utf-8")
        rows = list(csv.DictReader(io.StringIO(raw)))
        assert all(r["vi"] and r["en"] for r in rows)
        assert len({r["key"] for r in rows}) == len(rows)
