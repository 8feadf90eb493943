"""The synthetic demo data: consistent, labelled, calibrated and reproducible to the byte."""

import polars as pl
import pytest

from cchc_analysis.demo import DEFAULT_SEED, FILE_NAME, TARGET_MEAN_INDEX, write_demo_data
from cchc_analysis.read.shape import to_long
from cchc_analysis.read.standardise import standardise
from cchc_analysis.scoring.engine import score_indicators, to_wide
from cchc_analysis.scoring.rubric import load_rubric
from tests.conftest import REPO


@pytest.fixture(scope="module")
def demo_wide(demo_table):
    long = standardise(to_long(demo_table.with_columns(row=pl.int_range(2, pl.len() + 2)), "demo"))
    return long, to_wide(long)


def test_committed_file_is_what_the_generator_writes(tmp_path):
    regenerated = write_demo_data(tmp_path, DEFAULT_SEED).read_bytes()
    committed = (REPO / "data" / "raw" / "demo" / FILE_NAME).read_bytes()
    assert regenerated == committed
    assert write_demo_data(tmp_path, DEFAULT_SEED).read_bytes() == regenerated


def test_another_seed_gives_other_data(tmp_path, demo_table):
    other = write_demo_data(tmp_path, DEFAULT_SEED + 1)
    assert (
        pl.read_csv(other)["value"].to_list()
        != demo_table["value"].cast(pl.Int64, strict=False).to_list()
    )


def test_provinces_per_year(demo_table):
    counts = demo_table.group_by("period").agg(pl.col("province").n_unique()).sort("period")
    assert counts.rows() == [("2021", 63), ("2022", 63), ("2023", 63), ("2024", 63), ("2025", 34)]


def test_every_row_is_labelled_synthetic(demo_table):
    assert demo_table["source"].str.contains("SYNTHETIC").all()
    assert "SYNTHETIC" in FILE_NAME


def test_identities_hold(demo_wide):
    _, wide = demo_wide
    assert wide.filter(
        pl.col("dossier.resolved_early")
        + pl.col("dossier.resolved_on_time")
        + pl.col("dossier.resolved_late")
        != pl.col("dossier.resolved")
    ).is_empty()
    assert wide.filter(
        pl.col("dossier.resolved") + pl.col("dossier.pending") != pl.col("dossier.received")
    ).is_empty()
    for part, whole in [
        ("task.completed", "task.planned"),
        ("inspection.done", "inspection.planned"),
        ("dossier.online", "dossier.received"),
        ("tthc.published", "tthc.in_force"),
        ("onestop.units_with", "onestop.units_total"),
        ("dossier.pending_overdue", "dossier.pending"),
    ]:
        assert wide.filter(pl.col(part) > pl.col(whole)).is_empty(), part
    assert wide.select(pl.col("^.*_pct$").min()).min_horizontal()[0] >= 0
    assert wide.select(pl.col("^.*_pct$").max()).max_horizontal()[0] <= 100


def test_national_means_are_near_the_published_averages(demo_wide):
    long, _ = demo_wide
    totals = score_indicators(long, load_rubric("par-index-illustrative")).totals
    means = dict(totals.group_by("year").agg(pl.col("index_pct").mean()).iter_rows())
    for year, target in TARGET_MEAN_INDEX.items():
        assert means[year] == pytest.approx(target, abs=0.1)
