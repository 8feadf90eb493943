"""The names of report files: a slug of the report's parameters, always inside its folder."""

from __future__ import annotations

import re
from pathlib import Path

_CODE = re.compile(r"^\d{2}$")
_SLUG = re.compile(r"^[a-z0-9_]+$")


def report_file_name(code: str, slug: str) -> str:
    """Return the report's file name, a slug of its parameters (``25-phu_tho.html``); raise
    ValueError for anything that is not a two-digit code and a lower-case ASCII slug."""
    if not _CODE.fullmatch(code) or not _SLUG.fullmatch(slug):
        raise ValueError(f"not a safe report name: code {code!r}, slug {slug!r}")
    return f"{code}-{slug}.html"


def report_path(out_dir: Path, code: str, slug: str) -> Path:
    """Return where a report goes inside ``out_dir`` (never outside it)."""
    folder = Path(out_dir).resolve()
    target = (folder / report_file_name(code, slug)).resolve()
    if target.parent != folder:
        raise ValueError(f"{target} is outside {folder}")
    return target
