"""Which files to check, and reading them safely: regular files and standard input, bounded."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs

from sellerpolicy.cli._common import UsageError
from sellerpolicy.cli._gitignore import GitIgnore

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

__all__ = [
    "DEFAULT_EXCLUDE",
    "HTML_SUFFIXES",
    "STDIN",
    "TEMPLATE_SUFFIXES",
    "Source",
    "collect",
    "read_source",
]

STDIN = "-"
TEMPLATE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".tmpl", ".j2"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
# Folders no one keeps templates in, skipped when walking a folder (as Ruff skips them).
DEFAULT_EXCLUDE = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "node_modules",
        "__pycache__",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        ".hypothesis",
    }
)
# Opening a FIFO for reading blocks until a writer comes; non-blocking, the open returns at once
# and fstat then says it is no regular file.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


@attrs.frozen
class Source:
    """One input to check.

    Attributes:
        name: The name it is reported under (``<stdin>`` or ``--stdin-filename``'s value).
        path: The file, or for standard input the path ``--stdin-filename`` names (used for
            the format, the configuration and per-file settings); ``None`` without one.
        stdin: Whether the text comes from standard input.
    """

    name: str
    path: Path | None
    stdin: bool = False

    @property
    def is_html(self) -> bool:
        """Whether the file name says HTML."""
        return self.path is not None and self.path.suffix.lower() in HTML_SUFFIXES


def collect(
    names: Sequence[str],
    *,
    stdin_filename: str | None,
    excluded: Callable[[Path], bool],
    force_exclude: bool,
    respect_gitignore: bool = True,
) -> list[Source]:
    """The inputs ``names`` stand for: files, the templates under folders, standard input.

    Walking a folder skips what the configuration excludes and, with ``respect_gitignore``,
    what Git ignores. A file named on the command line is checked anyway, unless
    ``force_exclude`` applies both to it too.

    Raises:
        UsageError: A name does not exist, a folder cannot be read, or ``-`` is given twice.
    """
    _check_stdin(names, stdin_filename)
    git = GitIgnore() if respect_gitignore else None

    def skip(path: Path) -> bool:
        return excluded(path) or (git is not None and git.ignored(path, is_dir=path.is_dir()))

    sources: list[Source] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            sources.append(Source(str(path), path))

    for name in names:
        if name == STDIN:
            given = Path(stdin_filename) if stdin_filename else None
            sources.append(Source(stdin_filename or "<stdin>", given, stdin=True))
            continue
        path = Path(name)
        if path.is_dir():
            for found in sorted(_walk(path, skip)):
                add(found)
        elif path.exists() or path.is_symlink():
            if not (force_exclude and skip(path)):
                add(path)
        else:
            raise UsageError(f"{name}: no such file or directory")
    return sources


def _check_stdin(names: Sequence[str], stdin_filename: str | None) -> None:
    if names.count(STDIN) > 1:
        raise UsageError("standard input ('-') is named more than once; it can be read once")
    if stdin_filename is not None and STDIN not in names:
        raise UsageError("--stdin-filename names standard input, so pass '-' as a path too")


def _walk(root: Path, excluded: Callable[[Path], bool]) -> Iterator[Path]:
    def fail(exc: OSError) -> None:
        raise UsageError(f"{exc.filename}: cannot read folder: {exc.strerror}")

    for top, folders, files in os.walk(root, onerror=fail):
        here = Path(top)
        folders[:] = sorted(
            f for f in folders if f not in DEFAULT_EXCLUDE and not excluded(here / f)
        )
        for name in sorted(files):
            path = here / name
            if path.suffix.lower() in TEMPLATE_SUFFIXES and not excluded(path):
                yield path


def _too_large(name: str, limit: int) -> UsageError:
    return UsageError(
        f"{name}: larger than {limit:,} bytes (4 for each of the policy's max_input_chars); "
        "split the template or raise max_input_chars"
    )


def _decode(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read_source(source: Source, *, limit: int, stdin: IO[str]) -> str:
    """The text of ``source``, reading at most ``limit`` bytes.

    Raises:
        UsageError: The input is not a regular file (a folder, FIFO or device), is larger than
            ``limit`` bytes, cannot be read, or is not UTF-8.
    """
    if source.stdin:
        # read bytes and decode strictly: a terminal's lenient decoding would hide bad input
        buffer = getattr(stdin, "buffer", None)
        raw = buffer.read(limit + 1) if buffer is not None else stdin.read(limit + 1).encode()
        if len(raw) > limit:
            raise _too_large(source.name, limit)
        return _decode(source.name, raw)
    assert source.path is not None  # noqa: S101 - every file source has a path
    try:
        fd = os.open(source.path, _OPEN_FLAGS)
    except OSError as exc:
        raise UsageError(f"{source.name}: cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = (
                "a FIFO"
                if stat.S_ISFIFO(info.st_mode)
                else "a folder"
                if stat.S_ISDIR(info.st_mode)
                else "a device or special file"
            )
            raise UsageError(f"{source.name}: not a regular file ({what}); cannot check it")
        if info.st_size > limit:
            raise _too_large(source.name, limit)
        try:
            raw = file.read(limit + 1)
        except OSError as exc:
            raise UsageError(f"{source.name}: cannot read: {exc.strerror}") from None
    if len(raw) > limit:
        raise _too_large(source.name, limit)
    return _decode(source.name, raw)
