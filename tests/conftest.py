"""Shared fixtures: tiny frames written inline, the three-province fixture, the shared data."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "reference_data"
FIXTURE_PROVINCES = {
    "2024": ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình", "Hà Nội", "Đồng Tháp", "Tiền Giang"],
    "2025": ["Phú Thọ", "Hà Nội", "Đồng Tháp"],
}


@pytest.fixture(scope="session")
def shared_reference() -> Path:
    """The read-only reference data beside the repository; skip when absent."""
    if not SHARED.exists():
        pytest.skip("../shared/reference_data is not present on this machine")
    return SHARED


@pytest.fixture(scope="session")
def demo_table() -> pl.DataFrame:
    """The synthetic demo table as the generator returns it (contract long form)."""
    from cchc_analysis.demo import generate_demo_data

    return generate_demo_data()


@pytest.fixture(scope="session")
def three_province_csv(tmp_path_factory: pytest.TempPathFactory, demo_table: pl.DataFrame) -> Path:
    """A small long-form CSV: 3 provinces in 2025 and their 6 predecessors in 2024."""
    rows = pl.concat(
        [
            demo_table.filter((pl.col("period") == period) & pl.col("province").is_in(names))
            for period, names in FIXTURE_PROVINCES.items()
        ]
    )
    path = tmp_path_factory.mktemp("fixture") / "three_provinces.csv"
    rows.write_csv(path)
    return path


def long_rows(province: str, period: str, values: dict[str, float | None]) -> list[dict]:
    """Return contract long-form rows for one province and period."""
    return [
        {
            "province": province,
            "period": period,
            "indicator": k,
            "value": None if v is None else str(v),
        }
        for k, v in values.items()
    ]


def write_csv(tmp_path: Path, rows: list[dict], name: str = "table.csv") -> Path:
    """Write rows as a CSV in tmp_path and return its path."""
    path = tmp_path / name
    pl.DataFrame(
        rows,
        schema={
            "province": pl.String,
            "period": pl.String,
            "indicator": pl.String,
            "value": pl.String,
        },
    ).write_csv(path)
    return path
