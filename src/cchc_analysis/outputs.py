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


def atomic_write_csv(target: Path, frame: pl.DataFrame) -> Path:
    """Write ``frame`` as UTF-8 CSV with a BOM (so Excel shows Vietnamese) atomically;
    return ``target``."""
    return atomic_write_bytes(target, b"\xef\xbb\xbf" + frame.write_csv().encode("utf-8"))


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
