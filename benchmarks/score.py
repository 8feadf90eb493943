"""Score 100,000 unit-periods × 40 criteria with the Polars engine, and the same rubric with a
straightforward pandas implementation; print both times and the ratio.

The rubric is the illustrative one with its criteria repeated under other thresholds until it
has 40; the data are the synthetic demo values resampled. Both implementations produce points
and bands per criterion, domain totals, the index, the rank and the grade; timed twice: points
only (``explain=False``, the batch mode) and with the explanation in Vietnamese and English on
every one of the 4,000,000 criterion rows.
Run: .venv/bin/python benchmarks/score.py [--units 100000]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl
import yaml

from cchc_analysis.scoring.engine import score_indicators
from cchc_analysis.scoring.rubric import parse_rubric, rubric_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import demo_csv, describe  # benchmarks/inputs.py


def forty_criteria() -> str:
    """Return a rubric YAML with 40 leaves: the illustrative rubric's, repeated with shifted
    thresholds (each copy in its own domain, so points add up)."""
    base = yaml.safe_load(rubric_text("par-index-illustrative"))
    domains, copy = [], 0
    while sum(len(d["criteria"]) for d in domains) < 40:
        for domain in base["domains"]:
            criteria = []
            for criterion in domain["criteria"]:
                if sum(len(d["criteria"]) for d in domains) + len(criteria) >= 40:
                    break
                shifted = {**criterion, "id": f"{criterion['id']}.{copy}"}
                rule = dict(criterion["rule"])
                if "linear" in rule:
                    rule["linear"] = {k: v * (1 - 0.02 * copy) for k, v in rule["linear"].items()}
                shifted["rule"] = rule
                criteria.append(shifted)
            if criteria:
                total = sum(c["max_points"] for c in criteria)
                domains.append(
                    {
                        **domain,
                        "id": f"{domain['id']}.{copy}",
                        "max_points": total,
                        "criteria": criteria,
                    }
                )
        copy += 1
    return yaml.safe_dump({**base, "id": "bench-40", "domains": domains}, allow_unicode=True)


def unit_periods(units: int) -> pl.DataFrame:
    """Return a long table of ``units`` province × period units resampled from the demo data."""
    from cchc_analysis.read.shape import to_long
    from cchc_analysis.read.standardise import standardise

    with tempfile.TemporaryDirectory() as folder:
        source = demo_csv(Path(folder))
        print(describe(source))
        demo = pl.read_csv(source, infer_schema=False).filter(pl.col("period") == "2024")
    long = standardise(to_long(demo.with_columns(row=pl.int_range(2, pl.len() + 2)), source.name))
    wide = long.pivot(
        on="indicator", index=["province_code", "province", "era", "year"], values="value"
    )
    rng = np.random.default_rng(1)
    provinces = wide.height
    sample = wide[[i % provinces for i in range(units)]].with_columns(
        period=(pl.int_range(0, units) // provinces).cast(pl.String).str.zfill(5),
        # jitter every value by up to ±5 % so units differ
        **{
            c: pl.col(c) * pl.Series(rng.uniform(0.95, 1.05, units))
            for c in wide.columns
            if c not in ("province_code", "province", "era", "year")
        },
    )
    return sample.unpivot(
        index=["province_code", "province", "era", "period", "year"],
        variable_name="indicator",
        value_name="value",
    )


def pandas_scores(indicators: pd.DataFrame, rubric, explain: bool = True) -> pd.DataFrame:
    """The straightforward way: pandas, one criterion at a time, explanations row by row;
    criterion → domain → total → index → rank → grade, as the engine does."""
    wide = indicators.pivot_table(
        index=["province_code", "period", "year"],
        columns="indicator",
        values="value",
        aggfunc="first",
    ).reset_index()
    parts = []
    for domain, criterion in rubric.criteria():
        measure_spec = criterion.measure
        if measure_spec.ratio is not None:
            num = sum(wide[t] for t in measure_spec.ratio.numerator.split("+"))
            den = sum(wide[t] for t in measure_spec.ratio.denominator.split("+"))
            measure = (100 * num / den).where(den > 0)
        else:
            measure = wide[measure_spec.indicator]
        top = criterion.max_points
        rule = criterion.rule
        if rule.line is not None:
            points = ((measure - rule.line.floor) / (rule.line.target - rule.line.floor)).clip(
                0, 1
            ) * top
            band = pd.Series([None] * len(wide))
        else:
            points = pd.Series(0.0, index=wide.index)
            band = pd.Series("< 0", index=wide.index)
            for b in reversed(rule.threshold_bands):
                points = points.where(~(measure >= b.min), min(b.points, top))
                band = band.where(~(measure >= b.min), f"≥ {b.min:g}")
        points = points.fillna(0.0)
        frame = pd.DataFrame(
            {
                "province_code": wide["province_code"],
                "period": wide["period"],
                "year": wide["year"],
                "domain_id": domain.id,
                "criterion_id": criterion.id,
                "measure": measure,
                "points": points,
                "max_points": top,
                "band": band,
            }
        )
        if explain:
            frame["explanation_vi"] = frame.apply(
                lambda r, c=criterion: (
                    f"{r['points']:.2f}/{r['max_points']:g}: {c.label_vi} "
                    f"{r['measure']:.2f}%".replace(".", ",")
                ),
                axis=1,
            )
            frame["explanation_en"] = frame.apply(
                lambda r, c=criterion: (
                    f"{r['points']:.2f}/{r['max_points']:g}: {c.label_en} {r['measure']:.2f}%"
                ),
                axis=1,
            )
        parts.append(frame)
    criteria = pd.concat(parts)
    domains = criteria.groupby(
        ["province_code", "period", "year", "domain_id"], as_index=False
    ).agg(points=("points", "sum"), max_points=("max_points", "sum"))
    domains["pct"] = (domains["points"] / domains["max_points"] * 100).round(2)
    totals = domains.groupby(["province_code", "period", "year"], as_index=False).agg(
        points=("points", "sum"), max_points=("max_points", "sum")
    )
    totals["index_pct"] = (totals["points"] / totals["max_points"] * 100).round(2)
    totals["rank"] = totals.groupby("period")["index_pct"].rank(method="min", ascending=False)
    totals["grade"] = totals.apply(
        lambda r: next(
            (b.grade for b in rubric.bands_for(int(r["year"])) if r["index_pct"] >= b.min), None
        ),
        axis=1,
    )
    return totals


def timed(run, repeat: int = 1) -> tuple[float, object]:
    """Return (best seconds of ``repeat`` calls, the last result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None  # free the previous result before timing the next
        gc.collect()
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=100_000)
    args = parser.parse_args()
    rubric = parse_rubric(forty_criteria(), "bench-40")
    assert len(rubric.leaves()) == 40
    indicators = unit_periods(args.units)
    score_indicators(indicators.head(1000), rubric)  # warm-up: imports and caches

    points_seconds, points_only = timed(
        lambda: score_indicators(indicators, rubric, explain=False), repeat=3
    )
    explained_seconds, scores = timed(lambda: score_indicators(indicators, rubric), repeat=3)
    as_pandas = indicators.to_pandas()
    pandas_points_seconds, _ = timed(lambda: pandas_scores(as_pandas, rubric, explain=False))
    pandas_explained_seconds, reference = timed(lambda: pandas_scores(as_pandas, rubric))

    ours = scores.totals.sort("period", "province_code")
    theirs = reference.sort_values(["period", "province_code"])
    same = (
        np.allclose(ours["points"].to_numpy(), theirs["points"].to_numpy())
        and (ours["rank"].to_numpy() == theirs["rank"].to_numpy()).all()
        and ours["grade"].to_list() == theirs["grade"].to_list()
        and points_only.totals.equals(scores.totals)
    )
    print(
        f"unit-periods × criteria : {scores.totals.height:,} × {len(rubric.leaves())} "
        f"= {scores.criteria.height:,} criterion rows; domains, totals, index, rank, grade"
    )
    print("(polars: best of 3 runs; pandas: one run)")
    print("                          polars    pandas    ratio")
    for label, ours_s, theirs_s in (
        ("points and bands", points_seconds, pandas_points_seconds),
        ("+ both explanations", explained_seconds, pandas_explained_seconds),
    ):
        print(f"{label:<24}: {ours_s:6.2f} s  {theirs_s:6.2f} s  {theirs_s / ours_s:6.1f}×")
    print(f"same points, ranks and grades: {same}")


if __name__ == "__main__":
    main()
