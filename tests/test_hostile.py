"""The hostile corpus (``tests/hostile/manifest.csv``): broken, odd and malicious inputs run
through the ``cchc`` command as a user would. Each case is either accepted with the value it
states or refused naming its rule, row and column; never a traceback, never a message of
megabytes, never a hang, never an output written on refusal, never unescaped markup in the
Data Docs.

Most cases run in this process through the command's entry point (Great Expectations is
imported once); those that could hang or exhaust memory when broken (FIFOs, devices, huge
sheets, 500k rows) run as a subprocess with a memory limit.
"""

from __future__ import annotations

import csv
import os
import re
import resource
import shlex
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from cchc_analysis.cli import app
from tests.hostile.generate import build, good_csv

CORPUS = Path(__file__).resolve().parent / "hostile"
CASES = list(csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8")))
DEFAULT_COMMAND = "validate {input} --out {out} --failures-dir {docs}"
MAX_MESSAGE = 20_000  # characters of output: enough for 50 failures, far below any input
MEMORY_LIMIT = 6 << 30  # bytes of address space for a subprocess case
MARKUP = ("<script>alert", "<img src=x onerror", "<svg onload", "<i>x", "<script><script>")


def test_the_corpus_is_large_and_covers_every_class():
    assert len(CASES) >= 80
    prefixes = {case["id"][0] for case in CASES}
    # numbers, periods, columns, text, injection, scores, encodings, Excel, Parquet, files,
    # large, rubrics, options
    assert set("npctxsegqflro") <= prefixes
    assert len({case["id"] for case in CASES}) == len(CASES)
    for case in CASES:
        assert case["outcome"] in {"accepted", "warned", "refused"}, case["id"]
        if case["input"].startswith("files/"):
            assert (CORPUS / case["input"]).is_file(), case["id"]


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory, three_province_csv: Path) -> Path:
    """A folder written by `cchc validate` and `cchc score` (for the report options)."""
    from cchc_analysis.pipeline import run_score, run_validate

    folder = tmp_path_factory.mktemp("scored")
    run_validate([three_province_csv], folder, folder / "validation")
    run_score(folder / "indicators.parquet", "par-index-illustrative", folder)
    return folder


def _limit_memory() -> None:  # in the subprocess, before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _run(case: dict[str, str], args: list[str], cwd: Path) -> tuple[int, str]:
    if case["mode"] == "sub":
        done = subprocess.run(
            [sys.executable, "-m", "cchc_analysis.cli", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=float(os.environ.get("CCHC_HOSTILE_TIMEOUT", 900)),  # a hang fails the case
            preexec_fn=_limit_memory,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        return done.returncode, done.stdout + done.stderr
    result = CliRunner().invoke(app, args, catch_exceptions=True)
    output = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        output += "".join(traceback.format_exception(result.exception))
    return result.exit_code, output


def _args(case: dict[str, str], folder: Path, scored: Path | None) -> list[str]:
    source = case["input"]
    if source.startswith("files/"):
        given = CORPUS / source
    elif source.startswith("gen:"):
        given = build(source.removeprefix("gen:"), folder)
    else:
        given = good_csv(folder)
    (folder / "empty").mkdir(exist_ok=True)
    places = {
        "input": given,
        "out": folder / "out",
        "docs": folder / "docs",
        "good": good_csv(folder) if source != "good" else given,
        "processed": scored or folder / "empty",
        "empty": folder / "empty",
    }
    template = case["command"] or DEFAULT_COMMAND
    return [part.format(**{k: str(v) for k, v in places.items()}) for part in shlex.split(template)]


def _written(out: Path) -> list[str]:
    if not out.exists():
        return []
    return sorted(
        str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and p.suffix != ".part"
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hostile_case(case: dict[str, str], tmp_path: Path, request: pytest.FixtureRequest):
    needs_scores = "{processed}" in case["command"]
    scored = request.getfixturevalue("scored") if needs_scores else None
    args = _args(case, tmp_path, scored)
    code, output = _run(case, args, tmp_path)
    shown = output[:3000]
    assert "Traceback" not in output, shown
    assert len(output) <= MAX_MESSAGE, f"{len(output)} characters of output: {output[:500]}"
    assert code == int(case["exit"]), shown
    if case["rule"]:
        assert case["rule"] in output, shown
    if case["row"]:
        assert re.search(rf"(:{case['row']}\b|\brow {case['row']}\b)", output), shown
    if case["column"]:
        assert re.search(rf"column '?{re.escape(case['column'])}'?", output), shown
    out = tmp_path / "out"
    if case["outcome"] == "refused":
        assert _written(out) == [], f"written on refusal: {_written(out)}"
    if case["value"]:
        indicator, value = case["value"].split("=")
        table = pl.read_parquet(out / "indicators.parquet").filter(pl.col("indicator") == indicator)
        assert float(value) in [pytest.approx(v) for v in table["value"]], (table, shown)
    docs = tmp_path / "docs" / "data_docs"
    for page in docs.rglob("*.html") if docs.exists() else []:
        text = page.read_text(encoding="utf-8")
        for markup in MARKUP:
            assert markup not in text, f"{page.name}: unescaped {markup!r}"


def test_a_killed_run_leaves_debris_the_next_run_removes(tmp_path: Path):
    """A run killed midway leaves `.part` files and a Data Docs staging folder; the next run
    removes those of dead processes and keeps those of a run still going (this process)."""
    from cchc_analysis.pipeline import run_validate

    out, docs = tmp_path / "out", tmp_path / "docs"
    out.mkdir()
    docs.mkdir()
    dead = 2**22 + 12345  # above the default pid_max: no such process
    stale = [
        out / f".indicators.parquet.{dead}.abc123.part",
        out / ".indicators.parquet.k3j4h5.part",  # the older name, without a pid
        docs / f".failures.csv.{dead}.x.part",
    ]
    for part in stale:
        part.write_bytes(b"half written")
    running = out / f".indicators.parquet.{os.getpid()}.live.part"
    running.write_bytes(b"being written")
    staging = docs / f".data_docs.{dead}.q1w2e3"
    (staging / "data_docs").mkdir(parents=True)
    (staging / "data_docs" / "index.html").write_text("<html></html>")
    result = run_validate([good_csv(tmp_path)], out, docs)
    assert result.ok
    assert [p for p in stale if p.exists()] == []
    assert not staging.exists()
    assert running.exists()
    assert (out / "indicators.parquet").exists() and (docs / "data_docs" / "index.html").exists()
    assert sorted(p.name for p in docs.iterdir()) == ["data_docs", "failures.csv"]
