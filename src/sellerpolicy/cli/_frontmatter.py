"""Template files: YAML front matter (kind, subject, format, ignore) and where the body starts."""

from __future__ import annotations

import bisect
from typing import Any

import attrs
import yaml
from frontmatter.default_handlers import YAMLHandler

from sellerpolicy.cli._common import UsageError

__all__ = ["FrontMatterEntry", "Template", "parse_template"]

_HANDLER = YAMLHandler()
_KEYS = frozenset({"kind", "subject", "format", "ignore"})
_BOM = "\ufeff"


@attrs.frozen
class FrontMatterEntry:
    """One item of the front matter's ``ignore:`` list, with its offset in the file."""

    value: object
    offset: int


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return tuple(starts)


@attrs.frozen(kw_only=True)
class Template:
    """A template file: its text, its front matter and where its body starts.

    Attributes:
        path: The name the file is reported under.
        text: The file's text, without a byte-order mark.
        body_offset: Where the message body starts in ``text``.
        kind: The front matter's ``kind``.
        subject: The front matter's ``subject``.
        format: The front matter's ``format``.
        subject_offset: Where the subject's first character is in ``text``, when the subject is
            written there character for character (a plain or quoted one-line value).
        subject_value_offset: Where the subject's value starts in ``text``.
        ignores: The front matter's ``ignore:`` entries.
    """

    path: str
    text: str
    body_offset: int = 0
    kind: str | None = None
    subject: str | None = None
    format: str | None = None
    subject_offset: int | None = None
    subject_value_offset: int | None = None
    ignores: tuple[FrontMatterEntry, ...] = ()
    _starts: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Index the line starts once; every finding's position reads them."""
        object.__setattr__(self, "_starts", _line_starts(self.text))

    @property
    def body(self) -> str:
        """The message body."""
        return self.text[self.body_offset :]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset`` in the file."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    @property
    def line_count(self) -> int:
        """How many lines the file has."""
        return len(self._starts)


def _fail(path: str, text: str, offset: int, message: str) -> UsageError:
    line = text.count("\n", 0, offset) + 1
    return UsageError(f"{path}:{line}: {message}")


def _string(path: str, meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None or isinstance(value, str):
        return value
    raise UsageError(
        f"{path}: front-matter {key} must be text, got {value!r}; put the value in quotes"
    )


def parse_template(path: str, text: str) -> Template:
    """Split a template file into front matter and body.

    Front matter is a YAML mapping between two ``---`` lines at the very top of the file
    (after a byte-order mark, with LF or CRLF line ends), read by python-frontmatter.

    Raises:
        UsageError: The front matter never ends, is not valid YAML, is not a mapping, or has
            an unknown key or a value of the wrong type. The message names the file and line.
    """
    text = text.removeprefix(_BOM)
    assert _HANDLER.FM_BOUNDARY is not None  # noqa: S101 - set on the YAML handler's class
    first = _HANDLER.FM_BOUNDARY.match(text)
    if first is None:
        return Template(path=path, text=text)
    closing = _HANDLER.FM_BOUNDARY.search(text, first.end())
    if closing is None:
        raise _fail(path, text, 0, "front matter starts with '---' but never ends")
    source = text[first.end() : closing.start()]
    body_offset = closing.end()
    if text.startswith("\r\n", body_offset):
        body_offset += 2
    elif text.startswith("\n", body_offset):
        body_offset += 1
    try:
        meta = _HANDLER.load(source)
        node = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        offset = first.end() + (mark.index if mark is not None else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        raise _fail(
            path,
            text,
            offset,
            f"front matter is not valid YAML: {problem}; "
            "put values that start with [ { * & ! | > % @ ` or contain ': ' in quotes",
        ) from None
    if meta is None:  # '---' twice: empty front matter
        return Template(path=path, text=text, body_offset=body_offset)
    _check_keys(path, text, first.end(), meta, node)
    assert isinstance(node, yaml.MappingNode)  # noqa: S101 - _check_keys made sure
    values = {key.value: value for key, value in node.value}
    subject = _string(path, meta, "subject")
    subject_offset = subject_value_offset = None
    if subject is not None:
        value = values["subject"]
        subject_value_offset = first.end() + value.start_mark.index
        start = subject_value_offset + (1 if value.style in {'"', "'"} else 0)
        if text.startswith(subject, start):
            subject_offset = start
    return Template(
        path=path,
        text=text,
        body_offset=body_offset,
        kind=_string(path, meta, "kind"),
        subject=subject,
        format=_string(path, meta, "format"),
        subject_offset=subject_offset,
        subject_value_offset=subject_value_offset,
        ignores=_ignores(meta.get("ignore"), values.get("ignore"), first.end()),
    )


def _check_keys(path: str, text: str, offset: int, meta: object, node: yaml.Node | None) -> None:
    if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
        raise _fail(path, text, offset, "front matter must be 'key: value' lines")
    unknown = sorted(str(k) for k in meta if k not in _KEYS)
    if unknown:
        raise _fail(
            path,
            text,
            offset,
            f"unknown front-matter key(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(sorted(_KEYS))}",
        )


def _ignores(value: object, node: yaml.Node | None, base: int) -> tuple[FrontMatterEntry, ...]:
    if value is None or node is None:
        return ()
    if isinstance(value, list) and isinstance(node, yaml.SequenceNode):
        return tuple(
            FrontMatterEntry(item, base + child.start_mark.index)
            for item, child in zip(value, node.value, strict=True)
        )
    return (FrontMatterEntry(value, base + node.start_mark.index),)
