"""Nothing is lost: quarantine accounts for every input row, and a killed run leaves the
previous good outputs intact."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import polars as pl
import pytest

from cchc_analysis.pipeline import run_validate
from tests.conftest import long_rows, write_csv

GOOD = {"task.planned": 40, "task.completed": 28, "inspection.planned": 10, "inspection.done": 9}


def test_quarantine_puts_every_input_row_in_exactly_one_place(tmp_path):
    rows = long_rows("Hà Nội", "2024", GOOD)
    rows += long_rows("Hòa Bình", "2025", {"task.planned": 5})  # merged: no longer exists
    rows += long_rows("Cao Bằng", "2024", {**GOOD, "task.completed": 41})  # identity broken
    rows += long_rows("Lào Cai", "2024", {"task.planned": "bốn"})  # not a number
    rows += long_rows("Lào Cai", "2024", {"edoc.exchange_pct": 101})  # out of bounds
    path = write_csv(tmp_path, rows)
    out = tmp_path / "processed"
    result = run_validate([path], out, tmp_path / "v", quarantine=True)
    assert not result.ok
    kept = pl.read_parquet(out / "indicators.parquet")
    set_aside = pl.read_csv(out / "quarantine" / "quarantined.csv")
    all_rows = set(range(2, len(rows) + 2))
    kept_rows, aside_rows = set(kept["row"]), set(set_aside["row"])
    assert kept_rows | aside_rows == all_rows
    assert kept_rows.isdisjoint(aside_rows)
    # the broken identity sets aside both rows that take part in it, with the reason
    cao_bang = set_aside.filter(pl.col("province") == "Cao Bằng")
    assert set(cao_bang["indicator"]) == {"task.planned", "task.completed"}
    assert cao_bang["reasons"].str.contains("task_completed_within_planned").all()
    assert set(set_aside.filter(pl.col("province") == "Lào Cai")["row"]) == {11, 12}
    assert set(kept["province"]) == {"Hà Nội", "Cao Bằng"}


def test_without_quarantine_an_error_writes_nothing(tmp_path):
    path = write_csv(tmp_path, long_rows("Hà Nội", "2024", {**GOOD, "task.completed": 41}))
    result = run_validate([path], tmp_path / "processed", tmp_path / "v")
    assert not result.ok
    assert not (tmp_path / "processed").exists()
    assert (tmp_path / "v" / "failures.csv").exists()


STUCK_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from cchc_analysis.store.outputs import atomic_path
    with atomic_path(Path(sys.argv[1])) as temporary:
        with open(temporary, "wb") as stream:
            stream.write(b"new " * 256)
            stream.flush()
            print("writing", flush=True)
            sys.stdin.read()  # stays midway until killed: no race with the clock
    """
)


def test_a_write_killed_midway_leaves_the_previous_file(tmp_path):
    target = tmp_path / "scores.parquet"
    target.write_bytes(b"previous good output")
    child = subprocess.Popen(
        [sys.executable, "-c", STUCK_WRITER, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "writing\n"
        partial = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        assert partial and partial[0].stat().st_size == 1024  # it was really writing
        assert target.read_bytes() == b"previous good output"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert target.read_bytes() == b"previous good output"


@pytest.mark.slow
def test_killing_the_validate_command_never_corrupts_its_output(tmp_path, three_province_csv):
    out = tmp_path / "processed"
    cli = [
        sys.executable,
        "-m",
        "cchc_analysis.cli",
        "validate",
        str(three_province_csv),
        "--out",
        str(out),
        "--failures-dir",
        str(tmp_path / "v"),
    ]
    assert subprocess.run(cli, capture_output=True).returncode == 0
    before = pl.read_parquet(out / "indicators.parquet")
    for delay in (0.5, 2.0, 4.0):
        child = subprocess.Popen(cli, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert pl.read_parquet(out / "indicators.parquet").equals(before)
