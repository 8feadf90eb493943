"""Side by side with COINr on COINr's own workload (../shared/reference_data/coinr_bench).

Prints: the largest difference from COINr's nominal scores (G1..G8 and the Index; must be
≤ 1e-9), how many of the 63 units have COINr's nominal rank, the time of N Monte Carlo
replications (group weights × 1 + U(−0.25, 0.25), as COINr's get_noisy_weights) against
COINr's measured 19–25 ms per replication, and whether COINr's N = 100 rank statistics are
what our engine gives under COINr's own sampling scheme.

How the intervals are compared: COINr's file comes from one N = 100 run in which 100 weight
sets were drawn and each replication then picked one of them at random (with replacement).
Its Q5/Q95 are therefore noisy. We simulate that exact scheme 1,000 times with our engine (100
weight sets, 100 picks with replacement, type-7 quantiles) and count, per statistic, the units
whose COINr value lies inside the central 99 % of the simulated values. Agreement means about
99 % of units inside, not 100 %; a systematic difference (another noise model, a different
rank convention) puts many units outside.

Usage: python benchmarks/coinr_parity.py [--runs N] [--out FILE.csv] [--seed S]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

from cchc_analysis.index.api import build_index, load_spec
from cchc_analysis.index.montecarlo import draws_from_uniform, evaluate, monte_carlo, rank_stats
from cchc_analysis.index.normalise import min_ranks
from cchc_analysis.store.outputs import atomic_write_text

REPO = Path(__file__).resolve().parents[1]
# The shared reference data sit beside the repository (../shared); a worktree one level deeper
# finds them further up.
BENCH = next(
    (p / "shared/reference_data/coinr_bench" for p in REPO.parents if (p / "shared").is_dir()),
    REPO.parent / "shared/reference_data/coinr_bench",
)
SPEC = REPO / "benchmarks" / "coinr" / "coinr_bench.yaml"
COINR_MS_PER_REPLICATION = (19.0, 25.0)  # measured with COINr 1.1.14 (coinr_bench README)
NODES = [*(f"G{g}" for g in range(1, 9)), "Index"]


def nominal_parity(built, reference: pl.DataFrame) -> tuple[float, int]:
    """Return the largest |score − COINr's| over G1..G8 and the Index, and the number of
    units whose Index rank equals COINr's."""
    period = built.latest()
    row = {u: k for k, u in enumerate(period.units)}
    order = [row[u] for u in reference.get_column("uCode")]
    worst = max(
        float(np.max(np.abs(period.scores[n][order] - reference.get_column(n).to_numpy())))
        for n in NODES
    )
    same = int(
        np.sum(period.ranks["Index"][order] == reference.get_column("Index_rank").to_numpy())
    )
    return worst, same


def coinr_scheme(built, options, sims: int, seed: int) -> dict[str, np.ndarray]:
    """Return (sims, U) arrays of Mean, Median, Q5, Q95 from ``sims`` runs of COINr's N = 100
    scheme: 100 weight sets, then 100 picks of one of them with replacement."""
    n = 100
    rng = np.random.default_rng(seed)
    width = len(built.plan.tree.children[built.plan.tree.root])
    draws = draws_from_uniform(built, options, rng.random((sims * n, width)))
    ranks = min_ranks(evaluate(built, options, draws, built.latest().period))
    picks = rng.integers(0, n, (sims, n)) + (np.arange(sims) * n)[:, None]
    chosen = ranks[picks]  # (sims, n, U)
    q5, median, q95 = np.quantile(chosen, [0.05, 0.5, 0.95], axis=1)
    return {"Mean": chosen.mean(axis=1), "Median": median, "Q5": q5, "Q95": q95}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10_000, help="replications to time")
    parser.add_argument("--out", type=Path, help="write uCode, nominal, mean, median, q5, q95")
    parser.add_argument("--seed", type=int, default=1001)
    parser.add_argument("--sims", type=int, default=1000, help="simulated COINr N=100 runs")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not BENCH.exists():
        print(f"skipped: {BENCH} is not present on this machine")
        return 0
    spec = load_spec(SPEC)
    assert spec.uncertainty is not None
    built = build_index(spec, BENCH / "iData.csv")
    worst, same = nominal_parity(built, pl.read_csv(BENCH / "nominal_index.csv"))
    print(f"largest |score − COINr| over G1..G8 and Index: {worst:.3e} (limit 1e-9)")
    print(f"units with COINr's nominal rank: {same} of {len(built.latest().units)}")

    timings, stats = [], None
    for _ in range(3):
        started = time.perf_counter()
        mc = monte_carlo(built, spec.uncertainty, runs=args.runs, seed=args.seed)
        stats = rank_stats(mc)
        timings.append(time.perf_counter() - started)
    assert stats is not None
    total = statistics.median(timings)
    per = total / args.runs
    low, high = (ms / 1000 / per for ms in COINR_MS_PER_REPLICATION)
    print(
        f"{args.runs} replications (draws, index, ranks, statistics): {total * 1000:.1f} ms "
        f"(median of 3; runs {', '.join(f'{t * 1000:.0f}' for t in timings)} ms), "
        f"{per * 1e6:.2f} µs per replication"
    )
    print(f"COINr 19–25 ms per replication → {low:,.0f}–{high:,.0f}× faster per replication")

    reference = pl.read_csv(BENCH / "RankStats_N100_seed1001.csv")
    sims = coinr_scheme(built, spec.uncertainty, args.sims, args.seed + 1)
    row = {u: k for k, u in enumerate(built.latest().units)}
    order = np.array([row[u] for u in reference.get_column("uCode")])
    for name, values in sims.items():
        lo, hi = np.quantile(values[:, order], [0.005, 0.995], axis=0)
        theirs = reference.get_column(name).to_numpy()
        inside = int(np.sum((theirs >= lo - 1e-9) & (theirs <= hi + 1e-9)))
        print(
            f"COINr N=100 {name:<6}: {inside} of {len(order)} units inside the central 99 % of "
            f"{args.sims} simulated N=100 runs of COINr's scheme"
        )
    ours = stats.select("unit", "q5", "q95").rename({"unit": "uCode"})
    joined = reference.join(ours, on="uCode")
    print(
        "mean |Q5 − COINr's| = "
        f"{(joined['q5'] - joined['Q5']).abs().mean():.2f}, mean |Q95 − COINr's| = "
        f"{(joined['q95'] - joined['Q95']).abs().mean():.2f} ranks "
        f"(ours N={args.runs}, COINr's N=100)"
    )
    if args.out:
        frame = stats.select(
            pl.col("unit").alias("uCode"), "nominal", "mean", "median", "q5", "q95"
        ).with_columns(pl.col("nominal").cast(pl.Int32))
        atomic_write_text(args.out, frame.write_csv())  # no BOM: a file for machines
        print(f"wrote {args.out}")
    return 0 if worst <= 1e-9 and same == len(built.latest().units) else 1


if __name__ == "__main__":
    sys.exit(main())
