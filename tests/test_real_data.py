"""The suites on real published tables (../shared/reference_data; skipped when absent):
exactly the known defects are flagged."""

import polars as pl

from cchc_analysis.validate import validate_published_scores


def _errors(failures: pl.DataFrame) -> pl.DataFrame:
    return failures.filter(pl.col("severity") == "error")


def test_papi_flags_exactly_the_two_empty_2014_rows(shared_reference):
    path = shared_reference / "papi_2011_2016_mdtrinh_vietnamdata.csv"
    table = pl.read_csv(path, infer_schema_length=0)
    errors = _errors(validate_published_scores(table, "papi", str(path)))
    flagged = sorted(set(zip(errors["province"], errors["period"], strict=True)))
    assert flagged == [("Bac Giang", "2014"), ("Dong Thap", "2014")]
    assert set(errors["rule"]) == {"components_present"}
    # the row numbers are those of the CSV file (header is row 1)
    lines = path.read_text(encoding="utf-8").splitlines()
    for row in errors["row"]:
        assert lines[row - 1].split(",")[1] == "2014"
        assert lines[row - 1].split(",")[0] in {"Bac Giang", "Dong Thap"}


def test_pci_flags_the_rows_without_a_province(shared_reference):
    path = shared_reference / "pci_2005_2016_mdtrinh_vietnamdata.csv"
    table = pl.read_csv(path, infer_schema_length=0)
    errors = _errors(validate_published_scores(table, "pci", str(path)))
    unresolved = errors.filter(pl.col("rule") == "province_resolvable")
    empty = unresolved.filter(pl.col("province").is_null())
    assert empty.height == 50
    assert set(empty["period"]) == {"2013"}
    # Hà Tây (merged into Hà Nội in August 2008) is the only other unresolved name: the
    # registry knows the 63 provinces of 2008–2025 and the 34 after, not the 64 before.
    assert set(unresolved.filter(pl.col("province").is_not_null())["province"]) == {"Ha Tay"}
    # the table holds no other defect these rules look for
    assert set(errors["rule"]) == {"province_resolvable"}


def test_pci_2016_workbook_totals_are_within_bounds(shared_reference):
    path = shared_reference / "pci_2009_2016_from_raw_summary_sheets.csv"
    table = pl.read_csv(path, infer_schema_length=0)
    assert table.height == 504
