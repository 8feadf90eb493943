"""Rank uncertainty: 10,000 Monte Carlo replications × 63 provinces × 40 criteria with the
vectorised numpy engine, and a few hundred replications the straightforward way (the whole
table scored again through ``score_indicators`` with a perturbed rubric and table, once per
replication); print both times, the ratio per replication and whether the ranks agree.

The rubric is the illustrative one with its criteria repeated under other thresholds until it
has 40 (as in benchmarks/score.py); the data are the synthetic demo values of 2024 (63
provinces), regenerated from their seed into a scratch folder (benchmarks/inputs.py). Sources:
Dirichlet domain weights, shifted thresholds, SIPAS sampling error, the missing-data policy.
Run: .venv/bin/python benchmarks/uncertainty.py [--runs 10000] [--slow-runs 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from cchc_analysis.scoring.rubric import Rubric, parse_rubric
from cchc_analysis.uncertainty.draws import draw
from cchc_analysis.uncertainty.model import build_model, evaluate
from cchc_analysis.uncertainty.montecarlo import intervals_frame, monte_carlo
from cchc_analysis.uncertainty.slow_path import reference_ranks
from cchc_analysis.uncertainty.spec import UncertaintySpec
from cchc_analysis.validate.gate import load_for_scoring

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import demo_csv, describe  # benchmarks/inputs.py


def forty_criteria_rubric() -> Rubric:
    """Return the 40-criterion benchmark rubric of benchmarks/score.py."""
    from score import forty_criteria  # benchmarks/score.py

    return parse_rubric(forty_criteria(), "bench-40")


def spec_for(rubric: Rubric) -> UncertaintySpec:
    """Return the sources of the bundled illustrative file, adapted to the copied criteria:
    thresholds ±2 (± a quarter of a narrower floor–target distance), SIPAS copies surveyed."""
    narrow = {}
    for _, _, leaf in rubric.leaves():
        line = leaf.rule.line if leaf.rule else None
        if line is not None and abs(line.target - line.floor) <= 16:
            narrow[leaf.id] = abs(line.target - line.floor) / 4
    survey = {
        leaf.id: {"sample_size": 550, "design_effect": 2.0}
        for _, _, leaf in rubric.leaves()
        if leaf.id.startswith("impact.satisfaction")
    }
    return UncertaintySpec.model_validate(
        {
            "rubric": rubric.id,
            "version": "bench",
            "sources": {
                "weights": {"method": "dirichlet", "concentration": 400},
                "thresholds": {"shift": 2.0, "by_criterion": narrow},
                "survey": {"criteria": survey},
                "missing": {"alternatives": ["zero", "impute_median", "exclude"]},
            },
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--slow-runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20250701)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = demo_csv(Path(folder))
        indicators = load_for_scoring(source)
        print(describe(source))
    rubric = forty_criteria_rubric()
    spec = spec_for(rubric)

    started = time.perf_counter()
    model = build_model(indicators, rubric, "2024")
    build_seconds = time.perf_counter() - started
    monte_carlo(model, spec, 100, args.seed)  # warm-up

    started = time.perf_counter()
    mc = monte_carlo(model, spec, args.runs, args.seed)
    intervals = intervals_frame(mc)
    fast_seconds = time.perf_counter() - started

    draws = draw(model, spec, args.slow_runs, args.seed)
    fast_ranks = evaluate(model, draws)[1]
    reference_ranks(indicators, rubric, model, draws, 0)  # warm-up
    started = time.perf_counter()
    slow_ranks = np.stack(
        [reference_ranks(indicators, rubric, model, draws, r) for r in range(args.slow_runs)]
    )
    slow_seconds = time.perf_counter() - started

    fast_each, slow_each = fast_seconds / args.runs, slow_seconds / args.slow_runs
    provinces, criteria = model.shape
    print(f"replications × provinces × criteria : {args.runs:,} × {provinces} × {criteria}")
    print(f"sources                             : {intervals['sources'][0]}")
    print(f"model (score the table once)        : {build_seconds:6.2f} s")
    print(
        f"vectorised numpy                    : {fast_seconds:6.2f} s  "
        f"({fast_each * 1e6:,.0f} µs per replication, intervals included)"
    )
    print(
        f"straightforward (score_indicators)  : {slow_seconds:6.2f} s for {args.slow_runs} "
        f"replications ({slow_each * 1e3:,.1f} ms each; {slow_each * args.runs:,.0f} s "
        f"for {args.runs:,})"
    )
    print(f"ratio per replication               : {slow_each / fast_each:,.0f}×")
    print(
        f"same ranks, fast vs straightforward : "
        f"{(slow_ranks == fast_ranks).mean():.2%} of {slow_ranks.size:,} province-replications"
    )
    print(f"mean absolute rank shift            : {intervals['mean_abs_shift'].mean():.2f} places")


if __name__ == "__main__":
    main()
