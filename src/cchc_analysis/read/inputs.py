"""Guards at the door: what a path given by a user must be before anything reads it, and how
long a message about it may grow.

* ``check_regular_file``: the path exists (a symlink is followed, a loop is named as one) and
  is a regular file; a directory, FIFO, device or socket is refused without being opened (a
  FIFO would block the reader, ``/dev/zero`` would never end).
* ``read_text``: a small text file (a rubric, a specification) decoded by its byte-order mark
  (UTF-8, UTF-16, UTF-32), else as UTF-8.
* ``bounded_message``: a message cut to a readable size, whatever an input put in it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_LINE = 600  # characters of one message line
MAX_MESSAGE = 8000  # characters of a whole message
MAX_TEXT_FILE = 16 << 20  # bytes of a rubric or specification file


class InputFileError(ValueError):
    """A path that is not a readable regular file; the message names it and why."""


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_regular_file(path: Path | str, what: str = "file") -> Path:
    """Return ``path`` when it is a regular file (symlinks followed); raise InputFileError
    naming what it is instead (missing, a symlink loop, a directory, FIFO, device, socket)."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputFileError(f"{path}: a symbolic link loop, not a {what}") from exc
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            dangling = " (a symbolic link to nothing)" if path.is_symlink() else ""
            raise InputFileError(f"{path}: {what} not found{dangling}") from exc
        raise InputFileError(f"{path}: cannot be read: {exc.strerror}") from exc
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise InputFileError(
                f"{path}: is {kind}, not a regular {what}: give the path of a file"
            )
    if not stat.S_ISREG(info.st_mode):  # pragma: no cover - no other kinds on Linux
        raise InputFileError(f"{path}: is not a regular file")
    if not os.access(path, os.R_OK):
        raise InputFileError(f"{path}: permission denied")
    return path


def read_bytes(path: Path | str, what: str = "file") -> bytes:
    """Return a regular file's bytes (see ``check_regular_file``); OS errors become
    InputFileError."""
    path = check_regular_file(path, what)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read: {exc.strerror or exc}") from exc


_TEXT_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def read_text(path: Path | str, what: str = "file") -> str:
    """Return a small text file decoded by its byte-order mark (UTF-8, UTF-16, UTF-32), else
    as UTF-8; raise InputFileError when it is not text."""
    raw = read_bytes(path, what)
    if len(raw) > MAX_TEXT_FILE:
        raise InputFileError(f"{path}: {len(raw)} bytes is too large for a {what}")
    encoding = next((name for bom, name in _TEXT_BOMS if raw.startswith(bom)), "utf-8")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{path}: not {encoding} text (byte {exc.start}): save the {what} as UTF-8"
        ) from exc
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise InputFileError(f"{path}: holds NUL bytes: not a text {what}")
    return text


def clip(text: str, limit: int = MAX_LINE) -> str:
    """Return ``text`` cut to ``limit`` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit} more characters]"


def bounded_message(message: str, line_limit: int = MAX_LINE, limit: int = MAX_MESSAGE) -> str:
    """Return ``message`` with every line cut to ``line_limit`` characters and the whole to
    about ``limit``: a cell of megabytes in a message is named, not printed."""
    lines = [clip(line, line_limit) for line in message.splitlines()[:200]]
    text = "\n".join(lines)
    if len(message.splitlines()) > 200:
        text += f"\n… [{len(message.splitlines()) - 200} more lines]"
    return clip(text, limit)
