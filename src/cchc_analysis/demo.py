"""SYNTHETIC demo data: internally consistent indicator tables for 63 provinces (2021–2024) and
the 34 provinces (2025), roughly calibrated to published national PAR INDEX averages.

Nothing here is a real figure. Each province has a fixed latent "reform quality"; every rate is a
logistic function of it, of a year shift and of noise; counts follow from rates so the identities
hold (early + on time + late = resolved; resolved + pending = received; completed ≤ planned).
The year shift is found by bisection so that the illustrative rubric's national mean index is
near the target. 2025 is generated for the 63 predecessors and combined onto the 34 provinces
with the catalogue's merge rules, as a real post-merger report would be.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from cchc_analysis.reference.catalogue import load_catalogue
from cchc_analysis.scoring.rubric import Rubric
from cchc_analysis.store.provenance import SOURCE_NOTE

DEFAULT_SEED = 20250701
YEARS = (2021, 2022, 2023, 2024, 2025)
# National mean of the provincial PAR INDEX used as calibration targets. 2022–2024 are the
# published averages (Bộ Nội vụ announcements; see README "Data sources"); 2021 and 2025 have no
# published average in our sources and are assumptions for the synthetic data.
TARGET_MEAN_INDEX = {2021: 83.0, 2022: 84.79, 2023: 86.98, 2024: 88.37, 2025: 89.0}
FILE_NAME = "cchc_indicators_2021_2025_SYNTHETIC.csv"

# Logit offsets of each rate at an average province and shift 0.
_BASE = {
    "task": 2.2,
    "inspection": 2.0,
    "legal": 1.6,
    "published": 3.4,
    "on_time": 3.2,
    "not_overdue": 2.5,
    "onestop": 2.8,
    "online_dossier": -0.6,
    "level34": 0.6,
    "level4": -0.8,
    "edoc": 2.2,
    "software": 2.4,
    "training": -0.4,
    "payroll": 0.0,
    "disbursement": 1.4,
    "satisfaction": 1.2,
    "simplified": -0.2,
    "paid_online": 0.2,
    "digitised": 0.8,
}
_TREND = {
    "online_dossier": 0.35,
    "level4": 0.35,
    "level34": 0.2,
    "paid_online": 0.4,
    "digitised": 0.3,
}  # per year since 2021


def _noise_frame(seed: int) -> pl.DataFrame:
    """Return one row per 63-era province × year with every random draw the data need.

    Each draw is a province effect (fixed across years) plus a small yearly wobble, so a
    province's figures move from year to year about as much as real ones do."""
    from cchc_analysis.reference.registry import provinces_frame

    rng = np.random.default_rng(seed)
    provinces = provinces_frame("63").sort("code")
    n, years = provinces.height, len(YEARS)
    size = np.exp(rng.normal(0, 0.6, n)) * np.where(provinces["kind"] == "city", 3.0, 1.0)

    def persistent(scale: float, wobble: float) -> np.ndarray:
        return (rng.normal(0, scale, n)[None, :] + rng.normal(0, wobble, (years, n))).ravel()

    def growing(low: float, high: float, wobble: float = 0.05) -> np.ndarray:
        base = rng.uniform(low, high, n)[None, :]
        return (base * np.exp(rng.normal(0, wobble, (years, n)))).ravel()

    columns: dict[str, object] = {
        "province_code": np.tile(provinces["code"].to_numpy(), years),
        "year": np.repeat(np.array(YEARS), n),
        "quality": np.tile(rng.normal(0, 1, n), years),
        "size": np.tile(size, years) * growing(0.97, 1.03, 0.04),
    }
    columns |= {f"z_{name}": persistent(0.2, 0.08) for name in _BASE}
    columns |= {
        "z_early_share": np.clip(persistent(0.08, 0.03) + 0.52, 0.3, 0.75),
        "z_resolved_share": np.clip(persistent(0.012, 0.004) + 0.96, 0.92, 0.995),
        "z_suspended": np.clip(persistent(0.002, 0.0005) + 0.005, 0.001, 0.012),
        "z_plan_bn": growing(2000, 9000, 0.1),
        "z_fee_share": np.clip(persistent(0.05, 0.01) + 0.4, 0.2, 0.6),
        "task_planned": np.round(growing(30, 60)).astype(int),
        "inspection_planned": np.round(growing(8, 30)).astype(int),
        "legal_planned": np.round(growing(10, 40)).astype(int),
        "tthc_in_force": np.round(growing(1600, 2100, 0.02)).astype(int),
        "units_total": np.round(growing(90, 250, 0.01)).astype(int),
    }
    return pl.DataFrame(columns)


def _rate(name: str, shift: pl.Expr, scale: float = 100.0) -> pl.Expr:
    """Return ``scale × logistic(base + trend + quality + shift + noise)``."""
    trend = _TREND.get(name, 0.0) * (pl.col("year") - 2021)
    logit = _BASE[name] + trend + 0.3 * pl.col("quality") + shift + pl.col(f"z_{name}")
    return scale / (1 + (-logit).exp())


def _indicators(noise: pl.DataFrame, shifts: dict[int, float]) -> pl.DataFrame:
    """Return the wide 63-era indicator table (one row per province × year) for given shifts."""
    shift = pl.col("year").replace_strict(shifts, return_dtype=pl.Float64)
    received = (pl.col("size") * 150_000).round(0)
    frame = (
        noise.with_columns(
            received=received,
            resolved=(received * pl.col("z_resolved_share")).round(0),
            late_share=1 - _rate("on_time", shift, 1.0),
            overdue_share=1 - _rate("not_overdue", shift, 1.0),
            headcount=(pl.col("size") * 3_500).round(0),
        )
        .with_columns(
            pending=pl.col("received") - pl.col("resolved"),
            late=(pl.col("resolved") * pl.col("late_share")).round(0),
        )
        .with_columns(
            early=((pl.col("resolved") - pl.col("late")) * pl.col("z_early_share")).round(0),
        )
    )

    def share_of(total: str, rate: str, s: pl.Expr = shift) -> pl.Expr:
        return (pl.col(total) * _rate(rate, s, 1.0)).round(0)

    level34 = share_of("tthc_in_force", "level34")
    level4 = pl.min_horizontal(share_of("tthc_in_force", "level4"), level34)
    return frame.select(
        "province_code",
        "year",
        **{
            "dossier.received": pl.col("received"),
            "dossier.resolved": pl.col("resolved"),
            "dossier.resolved_early": pl.col("early"),
            "dossier.resolved_on_time": pl.col("resolved") - pl.col("late") - pl.col("early"),
            "dossier.resolved_late": pl.col("late"),
            "dossier.pending": pl.col("pending"),
            "dossier.pending_overdue": (pl.col("pending") * pl.col("overdue_share")).round(0),
            "dossier.suspended": (pl.col("received") * pl.col("z_suspended")).round(0),
            "dossier.online": share_of("received", "online_dossier"),
            "dossier.with_fees": (pl.col("received") * pl.col("z_fee_share")).round(0),
            "dossier.paid_online": (
                (pl.col("received") * pl.col("z_fee_share")).round(0)
                * _rate("paid_online", shift, 1.0)
            ).round(0),
            "dossier.digitised": share_of("received", "digitised"),
            "dossier.on_time_pct": (
                100 * (pl.col("resolved") - pl.col("late")) / pl.col("resolved")
            ).round(2),
            "service.online_level3": level34 - level4,
            "service.online_level4": level4,
            "tthc.in_force": pl.col("tthc_in_force"),
            "tthc.published": share_of("tthc_in_force", "published"),
            "tthc.amended": (pl.col("tthc_in_force") * _rate("simplified", shift, 0.06)).round(0),
            "tthc.abolished": (pl.col("tthc_in_force") * _rate("simplified", shift, 0.03)).round(0),
            "task.planned": pl.col("task_planned"),
            "task.completed": share_of("task_planned", "task"),
            "inspection.planned": pl.col("inspection_planned"),
            "inspection.done": share_of("inspection_planned", "inspection"),
            "onestop.units_with": share_of("units_total", "onestop"),
            "onestop.units_total": pl.col("units_total"),
            "edoc.exchange_pct": _rate("edoc", shift).round(2),
            "staff.software_use_pct": _rate("software", shift).round(2),
            "staff.headcount": pl.col("headcount"),
            "staff.trained": share_of("headcount", "training"),
            "org.payroll_reduction_pct": _rate("payroll", shift, 14.0).round(2),
            "legal.docs_planned": pl.col("legal_planned"),
            "legal.docs_on_time": share_of("legal_planned", "legal"),
            "finance.plan_bn": pl.col("z_plan_bn").round(1),
            "finance.disbursed_bn": (pl.col("z_plan_bn") * _rate("disbursement", shift, 1.0)).round(
                1
            ),
            "sipas.satisfaction_pct": _rate("satisfaction", shift).round(2),
        },
    )


def _to_long(wide: pl.DataFrame) -> pl.DataFrame:
    """Return the standardised long form (province_code, province, era, period, year, indicator,
    value) of a wide 63-era table."""
    from cchc_analysis.reference.registry import provinces_frame

    names = provinces_frame("63").select(
        pl.col("code").alias("province_code"), pl.col("name_vi").alias("province")
    )
    return (
        wide.unpivot(index=["province_code", "year"], variable_name="indicator", value_name="value")
        .join(names, on="province_code")
        .with_columns(
            era=pl.lit("63"),
            period=pl.col("year").cast(pl.String),
            year=pl.col("year").cast(pl.Int32),
        )
        .select("province_code", "province", "era", "period", "year", "indicator", "value")
    )


def _mean_index(long: pl.DataFrame, rubric: Rubric) -> float:
    from cchc_analysis.scoring.engine import score_indicators

    return float(score_indicators(long, rubric).totals["index_pct"].mean())  # type: ignore[arg-type]


def _year_table(noise: pl.DataFrame, year: int, shift: float) -> pl.DataFrame:
    from cchc_analysis.scoring.merger import aggregate_to_successors

    long = _to_long(_indicators(noise.filter(pl.col("year") == year), {year: shift}))
    return aggregate_to_successors(long) if year >= 2025 else long


def _calibrate(noise: pl.DataFrame, year: int, rubric: Rubric) -> float:
    """Return the year shift whose mean index is within 0.05 of the target (bisection)."""
    low, high = -3.0, 3.0
    for _ in range(40):
        middle = (low + high) / 2
        mean = _mean_index(_year_table(noise, year, middle), rubric)
        if abs(mean - TARGET_MEAN_INDEX[year]) < 0.05:
            break
        low, high = (middle, high) if mean < TARGET_MEAN_INDEX[year] else (low, middle)
    return round(middle, 6)


def generate_demo_data(seed: int = DEFAULT_SEED) -> pl.DataFrame:
    """Return the synthetic long indicator table in the contract's shape (province, period,
    indicator, value, unit, source, note), 63 provinces × 2021–2024 and 34 provinces × 2025."""
    from cchc_analysis.scoring.rubric import load_rubric

    rubric = load_rubric("par-index-illustrative")
    noise = _noise_frame(seed)
    tables = [_year_table(noise, year, _calibrate(noise, year, rubric)) for year in YEARS]
    units = load_catalogue().select(pl.col("id").alias("indicator"), "unit")
    return (
        pl.concat(
            [t.select("province_code", "province", "period", "indicator", "value") for t in tables]
        )
        .join(units, on="indicator")
        .with_columns(
            value=pl.when(pl.col("unit").is_in(["count"]))
            .then(pl.col("value").cast(pl.Int64).cast(pl.String))
            .otherwise(pl.col("value").round(2).cast(pl.String)),
            source=pl.lit(SOURCE_NOTE.format(seed=seed)),
            note=pl.lit("synthetic"),
        )
        .sort("period", "province_code", "indicator")
        .select("province", "period", "indicator", "value", "unit", "source", "note")
    )


def write_demo_data(out_dir: Path, seed: int = DEFAULT_SEED) -> Path:
    """Write the synthetic table to ``out_dir/FILE_NAME`` atomically, with its provenance
    sidecar; return the table's path."""
    from cchc_analysis.store.outputs import atomic_write_bytes
    from cchc_analysis.store.provenance import write_sidecar

    table = generate_demo_data(seed)
    path = Path(out_dir) / FILE_NAME
    atomic_write_bytes(path, table.write_csv().encode("utf-8"))
    write_sidecar(
        path,
        {
            "source": f"cchc-analysis `cchc demo-data --seed {seed}` (src/cchc_analysis/demo.py)",
            "citation": "Synthetic demo data of the cchc-analysis project — not real figures",
            "date_retrieved": "generated, not retrieved (regenerating gives the same bytes)",
            "licence": "CC0-1.0",
            "synthetic": True,
            "calibration": "national PAR INDEX averages 2022–2024 (Ministry of Home Affairs); "
            "2021 and 2025 assumed",
        },
    )
    return path
