"""The suites on real published tables (../shared/reference_data; skipped when absent):
exactly the known defects are flagged."""

import polars as pl

from cchc_analysis.validate.indicators import validate_published_scores


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


PCI_SUB_INDICES = [
    "entry",
    "land",
    "transparency",
    "time",
    "informal",
    "bias",
    "proactive",
    "support",
    "labor",
    "legal",
]


def test_pci_2016_workbook_totals_are_within_bounds(shared_reference):
    from cchc_analysis.reference.registry import resolve_province

    path = shared_reference / "pci_2009_2016_from_raw_summary_sheets.csv"
    table = pl.read_csv(path, infer_schema_length=0).with_columns(
        pl.col(*PCI_SUB_INDICES, "pci_weighted_official").cast(pl.Float64),
        pl.col("rank_official").cast(pl.Int64),
    )
    # 2009–2016: every year has the 63 provinces once each, all known to the registry
    assert table.height == 504
    per_year = table.group_by("year").agg(pl.len(), pl.col("province_raw").n_unique())
    assert sorted(per_year.rows()) == [(str(y), 63, 63) for y in range(2009, 2017)]
    codes = {
        (year, resolve_province(name, year).code)
        for year, name in table.select("year", "province_raw").iter_rows()
    }
    assert len(codes) == 504
    # totals present and on the 100-point scale; sub-indices (where a year has them) on 0–10
    totals = table["pci_weighted_official"]
    assert totals.null_count() == 0 and totals.min() > 0 and totals.max() <= 100
    for name in PCI_SUB_INDICES:
        values = table[name].drop_nulls()
        assert values.len() > 0 and values.min() >= 0 and values.max() <= 10, name
    # ranks run 1..63 each year, in the order of the total as published (two decimals: the
    # one tie of 2011 at 57.62 is ranked 40 and 41, so order is non-increasing, not strict)
    for year, group in table.sort("rank_official").group_by("year"):
        assert group["rank_official"].to_list() == list(range(1, 64)), year
        published = group["pci_weighted_official"].round(2).to_list()
        assert published == sorted(published, reverse=True), year
