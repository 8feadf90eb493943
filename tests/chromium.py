"""A small headless-Chromium driver for the browser tests: the DevTools protocol over a pipe
(``--remote-debugging-pipe``: JSON messages separated by NUL bytes on file descriptors 3 and 4),
so no WebDriver, websocket library or downloaded browser is needed, only Debian's ``chromium``.

It records what a reader's browser would: console messages and exceptions, every network
request, and it evaluates JavaScript and takes full-page screenshots.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def find_chromium() -> str | None:
    """Return the path of a Chromium executable, or None."""
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def print_pdf(html: Path, pdf: Path, *, running_heads: bool = False) -> Path:
    """Print a page to PDF with headless Chromium (a text layer, as office software writes);
    with ``running_heads`` Chromium adds its date, title, address and page numbers to every
    page. Skips the calling test when no Chromium is installed."""
    import pytest

    browser = find_chromium()
    if browser is None:
        pytest.skip("no Chromium to print a PDF with")
    flags = [] if running_heads else ["--no-pdf-header-footer"]
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            *flags,
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return pdf


def ensure_chromium() -> tuple[str | None, str]:
    """Return (Chromium path, '') or (None, why not): install Debian's ``chromium`` with
    apt-get when it is missing."""
    found = find_chromium()
    if found:
        return found, ""
    if shutil.which("apt-get") is None:
        return None, "chromium is not installed and apt-get is not available"
    try:
        subprocess.run(
            ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
            check=True,
            capture_output=True,
            timeout=600,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"chromium is not installed and `apt-get install -y chromium` failed: {exc}"
    found = find_chromium()
    return (found, "") if found else (None, "apt-get installed chromium but it is not on PATH")


@dataclass
class PageLog:
    """What one page did: console messages, exceptions, requested URLs."""

    console: list[dict[str, Any]] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def errors(self) -> list[str]:
        """Return the console errors and uncaught exceptions, as text."""
        found = [
            f"console.{m['type']}: {m['text']}"
            for m in self.console
            if m["type"] in ("error", "assert")
        ]
        return found + self.exceptions


class Chromium:
    """One headless Chromium process driven through the DevTools protocol."""

    def __init__(self, executable: str, user_data_dir: Path, timeout: float = 30) -> None:
        self.timeout = timeout
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_pipes() -> None:  # in the child: fd 3 reads commands, fd 4 writes replies
            import fcntl

            # Move both ends out of the way first: either may already be fd 3 or 4.
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_r, from_browser_w)]
            for target, fd in zip((3, 4), high, strict=True):
                os.dup2(fd, target)
                os.set_inheritable(target, True)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={user_data_dir}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,  # fds 3 and 4 must survive exec; other pipes are close-on-exec
            preexec_fn=wire_pipes,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.session: str | None = None

    # -- protocol

    def _read_message(self, deadline: float) -> dict[str, Any]:
        import select

        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no message from Chromium in time")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(raw))

    def send(self, method: str, params: dict[str, Any] | None = None, session: bool = True) -> Any:
        """Send a command (to the page session unless ``session`` is False); return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def wait_for(self, method: str, timeout: float | None = None) -> dict[str, Any]:
        """Return the first event named ``method`` (already received or arriving)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for index, event in enumerate(self._events):
                if event.get("method") == method:
                    return self._events.pop(index)
            self._events.append(self._read_message(deadline))

    def drain(self, seconds: float = 0.3) -> None:
        """Collect the events that arrive within ``seconds``."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._events.append(self._read_message(deadline))
        except TimeoutError:
            return

    # -- pages

    def open(self, url: str, width: int = 1100, height: int = 900) -> PageLog:
        """Open ``url`` in a new page, wait for its load event; return the page's log."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.send(
            "Target.attachToTarget",
            {"targetId": target["targetId"], "flatten": True},
            session=False,
        )
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        self._events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")
        self.drain()
        return self.page_log()

    def page_log(self) -> PageLog:
        """Return the console messages, exceptions and requests seen so far on this page."""
        log = PageLog()
        for event in self._events:
            params = event.get("params", {})
            method = event.get("method")
            if method == "Runtime.consoleAPICalled":
                text = " ".join(
                    str(a.get("value", a.get("description", ""))) for a in params["args"]
                )
                log.console.append({"type": params["type"], "text": text})
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                log.exceptions.append(
                    details.get("exception", {}).get("description", details.get("text", ""))
                )
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                log.console.append({"type": "error", "text": params["entry"]["text"]})
            elif method == "Network.requestWillBeSent":
                log.requests.append(params["request"]["url"])
        return log

    def evaluate(self, expression: str) -> Any:
        """Return the value of a JavaScript expression in the page."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        """Save a PNG of the whole page; return its path."""
        metrics = self.send("Page.getLayoutMetrics")
        size = metrics["cssContentSize"]
        shot = self.send(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {
                    "x": 0,
                    "y": 0,
                    "width": size["width"],
                    "height": size["height"],
                    "scale": 1,
                },
            },
        )
        Path(path).write_bytes(base64.b64decode(shot["data"]))
        return Path(path)

    def close(self) -> None:
        """Close the browser (politely, then firmly)."""
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close", session=False)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)
