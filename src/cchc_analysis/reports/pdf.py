"""Reports printed to A4 PDF with headless Chromium (the page's print stylesheet, nothing
fetched)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from cchc_analysis.reports.workers import RenderError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_MISSING = (
    "--pdf needs headless Chromium, which prints each report with its print stylesheet (A4). "
    "Install it: `sudo apt-get install chromium` (Debian/Ubuntu), `brew install --cask "
    "chromium` (macOS), or set CCHC_CHROMIUM to a Chromium or Chrome executable."
)


class PdfToolMissing(RuntimeError):
    """No Chromium to print PDFs with (the message says how to get one)."""


def find_chromium() -> str:
    """Return the Chromium executable that prints PDFs (``CCHC_CHROMIUM`` first); raise
    PdfToolMissing saying how to install it."""
    named = os.environ.get("CCHC_CHROMIUM")
    if named:
        if shutil.which(named):
            return str(shutil.which(named))
        raise PdfToolMissing(f"CCHC_CHROMIUM={named!r} is not an executable. {CHROMIUM_MISSING}")
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfToolMissing(CHROMIUM_MISSING)


def print_pdf(chromium: str, page: Path, target: Path, timeout: int = 120) -> Path:
    """Print one HTML page to ``target`` (A4, the page's print stylesheet, no browser header
    or footer, nothing fetched) with headless Chromium; write atomically; return ``target``."""
    page, target = Path(page).resolve(), Path(target).resolve()
    with tempfile.TemporaryDirectory(prefix="cchc-pdf-") as scratch:
        partial = Path(scratch) / target.name
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(scratch) / 'profile'}",
            f"--print-to-pdf={partial}",
            page.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or not partial.exists():
            raise RenderError(f"Chromium could not print {page.name}: {done.stderr[-500:]}")
        os.replace(partial, target)
    return target


def write_pdfs(out_dir: Path, pages: list[Path], jobs: int = 2) -> list[Path]:
    """Print every page (the reports, then ``index.html``) to a PDF beside it, ``jobs`` at a
    time; return the PDFs written (PdfToolMissing when there is no Chromium)."""
    from concurrent.futures import ThreadPoolExecutor

    chromium = find_chromium()
    targets = [(page, Path(out_dir) / Path(page).with_suffix(".pdf").name) for page in pages]
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        return list(pool.map(lambda pair: print_pdf(chromium, *pair), targets))
