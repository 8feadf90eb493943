"""Raw-data provenance: each file in ``data/raw/`` has a sidecar ``<file>.meta.yaml`` naming its
source, citation, date retrieved, licence and sha256; the sha256 is checked on load, so a raw
file that changed is reported, not silently used."""

from __future__ import annotations

import itertools
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from cchc_analysis.store.outputs import atomic_write_text, sha256_of

SIDECAR_SUFFIX = ".meta.yaml"
REQUIRED_ORIGIN = ("source", "citation", "date_retrieved", "licence")
# the source of every row of the synthetic demo data (reports say it in their own language)
SOURCE_NOTE = "SYNTHETIC demo data (cchc demo-data, seed {seed}); not real figures"


class ProvenanceError(ValueError):
    """A raw file whose bytes no longer match its sidecar, or a sidecar that is incomplete."""


@dataclass(frozen=True)
class Provenance:
    """What a sidecar says about a raw file, and whether the file still matches it."""

    path: Path
    sidecar: Path | None
    origin: dict[str, Any]
    recorded_sha256: str | None
    actual_sha256: str

    @property
    def status(self) -> str:
        """'ok', 'changed' (bytes differ from the sidecar) or 'no_sidecar'."""
        if self.sidecar is None:
            return "no_sidecar"
        return "ok" if self.recorded_sha256 == self.actual_sha256 else "changed"


def sidecar_path(path: Path) -> Path:
    """Return where the sidecar of ``path`` lives (``<file>.meta.yaml`` beside it)."""
    path = Path(path)
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_provenance(path: Path) -> Provenance:
    """Return the provenance of a file: its sidecar's origin and both hashes."""
    path = Path(path)
    sidecar = sidecar_path(path)
    actual = sha256_of(path)
    if not sidecar.exists():
        return Provenance(path, None, {}, None, actual)
    data = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    origin = data.get("origin") or {}
    missing = [key for key in REQUIRED_ORIGIN if not origin.get(key)]
    if missing:
        raise ProvenanceError(f"{sidecar}: origin is missing {missing}")
    return Provenance(path, sidecar, origin, (data.get("file") or {}).get("sha256"), actual)


def check_raw_file(path: Path, allow_changed: bool = False) -> Provenance:
    """Return the provenance of a raw file; raise ProvenanceError when it changed since its
    sidecar was written (unless ``allow_changed``), naming both hashes and what to do."""
    found = read_provenance(path)
    if found.status == "changed" and not allow_changed:
        raise ProvenanceError(
            f"{path}: the file changed since its provenance was recorded (sha256 "
            f"{found.recorded_sha256} in {found.sidecar}, now {found.actual_sha256}). If the "
            "change is intended, record it: `cchc provenance FILE --update` (and say why in the "
            "sidecar's note); to use it once anyway: --allow-changed-raw"
        )
    return found


def is_raw(path: Path) -> bool:
    """True for a file inside a ``data/raw`` folder (where sidecars are required)."""
    parts = Path(path).resolve().parts
    return any(a == "data" and b == "raw" for a, b in itertools.pairwise(parts))


def write_sidecar(path: Path, origin: dict[str, Any], note: str | None = None) -> Path:
    """Write ``<file>.meta.yaml`` for ``path`` with ``origin`` and the file's sha256 and size;
    return the sidecar's path."""
    path = Path(path)
    missing = [key for key in REQUIRED_ORIGIN if not origin.get(key)]
    if missing:
        raise ProvenanceError(f"{path}: provenance needs {missing}")
    payload: dict[str, Any] = {
        "origin": origin,
        "file": {"name": path.name, "sha256": sha256_of(path), "size": path.stat().st_size},
    }
    if note:
        payload["note"] = note
    text = yaml.safe_dump(payload, allow_unicode=True, sort_keys=False)
    return atomic_write_text(sidecar_path(path), text)


def update_sidecar(path: Path, note: str | None = None) -> Path:
    """Re-record the sha256 of a raw file whose change is intended; return the sidecar."""
    found = read_provenance(path)
    if found.sidecar is None:
        raise ProvenanceError(f"{path}: no sidecar to update; write one with its origin first")
    origin = {**found.origin, "date_recorded": date.today().isoformat()}
    return write_sidecar(path, origin, note)


def git_commit(folder: Path | None = None) -> str:
    """Return the current git commit (with ``-dirty`` when the tree has changes), or 'unknown'."""
    cwd = folder or Path(__file__).resolve().parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=cwd,
            text=True,
            capture_output=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=cwd,
            text=True,
            capture_output=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}-dirty" if dirty else commit
