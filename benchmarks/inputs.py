"""The fixed inputs of every benchmark: the synthetic demo table regenerated from its seed into
the benchmark's own scratch folder. Never data/processed, reports/ or a file a user left in the
working tree, so a figure measures the same work on every machine and every day.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from cchc_analysis.demo import DEFAULT_SEED, write_demo_data
from cchc_analysis.store.outputs import sha256_of


def demo_csv(folder: Path) -> Path:
    """Write the demo table (seed ``DEFAULT_SEED``) into ``folder``; return the CSV's path."""
    return write_demo_data(Path(folder), DEFAULT_SEED)


def describe(path: Path) -> str:
    """Return one line naming a benchmark's input: file name, seed and sha256 prefix."""
    return f"input: {Path(path).name} (seed {DEFAULT_SEED}, sha256 {sha256_of(path)[:12]})"


if __name__ == "__main__":  # `make bench` runs every script: this one names the input
    with tempfile.TemporaryDirectory() as scratch:
        print(describe(demo_csv(Path(scratch))))
