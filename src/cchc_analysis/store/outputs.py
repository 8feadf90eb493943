"""The only place that writes outputs: atomically, so a run killed midway leaves the previous
good files intact (write to a temporary file in the same folder, then rename over the target).

A temporary file is named ``.<target>.<pid>.<random>.part``: a run killed before its rename
leaves one behind, and the next write of the same target removes those whose process is gone
(never the file of a run still writing)."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def process_alive(pid: int) -> bool:
    """True when a process with this id exists (ours or another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove the ``.part`` files of ``target`` left by runs killed before their rename (their
    process is gone, or they predate the pid in the name); return the paths removed."""
    removed = []
    prefix = f".{Path(target).name}."
    for part in Path(target).parent.glob(f"{glob_escape(prefix)}*.part"):
        pid = part.name[len(prefix) :].split(".", 1)[0]
        if not (pid.isdigit() and process_alive(int(pid))):
            try:
                part.unlink()
                removed.append(part)
            except OSError:  # removed by another run meanwhile, or not ours to remove
                pass
    return removed


def glob_escape(text: str) -> str:
    """``text`` with glob's special characters made literal."""
    import glob

    return glob.escape(text)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success rename it over ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".part", dir=target.parent
    )
    os.close(handle)
    os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def atomic_write_bytes(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically; return ``target``."""
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return Path(target)


def atomic_write_text(target: Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``target`` atomically; return ``target``."""
    return atomic_write_bytes(target, text.encode("utf-8"))


def atomic_write_parquet(target: Path, frame: pl.DataFrame) -> Path:
    """Write ``frame`` as Parquet atomically (no statistics timestamps: byte-stable); return it."""
    with atomic_path(target) as temporary:
        frame.write_parquet(temporary, compression="zstd", statistics=True)
    return Path(target)


def atomic_write_json(target: Path, payload: dict[str, Any]) -> Path:
    """Write ``payload`` as indented, key-sorted JSON atomically; return ``target``."""
    return atomic_write_text(
        target,
        json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n",
    )


# A text cell starting with one of these is read as a formula by Excel, LibreOffice or Google
# Sheets (OWASP "CSV injection"; ASVS adds NUL; full-width forms are folded by some spreadsheets).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0", "＝", "＋", "－", "＠")
_FORMULA_START = "^[" + "".join(f"\\x{{{ord(c):X}}}" for c in FORMULA_TRIGGERS) + "]"


def formula_safe(value: Any) -> Any:
    """Return ``value`` made inert for a spreadsheet: a text starting with a formula trigger
    (``FORMULA_TRIGGERS``) gets a leading single quote; numbers, None and other text come back
    unchanged. The one rule every writer of CSV and Excel cells uses."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def formula_safe_expr(column: pl.Expr) -> pl.Expr:
    """Return ``formula_safe`` as a Polars expression over a text column."""
    return (
        pl.when(column.str.contains(_FORMULA_START))
        .then(pl.concat_str(pl.lit("'"), column))
        .otherwise(column)
    )


def formula_safe_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Return ``frame`` with every text cell and header made inert by ``formula_safe``:
    text columns (String, Categorical, Enum) become neutralised String columns; numeric,
    boolean and temporal columns are untouched, so numbers stay numbers."""
    texts = [
        name
        for name, dtype in frame.schema.items()
        if dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum)
    ]
    safe = frame.with_columns(formula_safe_expr(pl.col(c).cast(pl.String)).alias(c) for c in texts)
    return safe.rename({c: formula_safe(c) for c in safe.columns if formula_safe(c) != c})


def atomic_write_csv(target: Path, frame: pl.DataFrame, bom: bool = True) -> Path:
    """Write ``frame`` as UTF-8 CSV atomically, every text cell made inert for spreadsheets
    (``formula_safe_frame``), with a BOM unless ``bom`` is False (so Excel shows Vietnamese);
    return ``target``."""
    body = formula_safe_frame(frame).write_csv().encode("utf-8")
    return atomic_write_bytes(target, (b"\xef\xbb\xbf" if bom else b"") + body)


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sha256_bytes(data: bytes) -> str:
    """Return the hex sha256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def sha256_text(text: str) -> str:
    """Return the hex sha256 of a UTF-8 text."""
    return sha256_bytes(text.encode("utf-8"))
