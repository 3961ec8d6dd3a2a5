"""Evasion-proof text normalisation with a map back to original offsets."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re  # noqa: TID251 - see `_SEAM`
import unicodedata
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs
import regex
from confusable_homoglyphs import (  # type: ignore[import-untyped]  # no type hints
    categories,
    confusables,
)

from sellerpolicy._text._columns import FIRST, SECOND, sliced
from sellerpolicy._text.html import analyze_html

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from collections.abc import Set as AbstractSet

__all__ = ["LOOKALIKE_CLASS", "NormalizedText", "fold_lookalikes", "normalize", "normalize_html"]

# --- disguise labels -----------------------------------------------------------------------------

_ZERO_WIDTH: Final = "zero-width characters"
_SOFT_HYPHENS: Final = "soft hyphens"
_INVISIBLE: Final = "invisible characters"
_COMPATIBILITY: Final = "full-width or compatibility characters"
_CYRILLIC: Final = "Cyrillic letters"
_GREEK: Final = "Greek letters"
# Look-alikes of the other scripts share one label bit; `NormalizedText.disguises` names their
# scripts ("Armenian letters") from the original characters.
_OTHER_SCRIPTS: Final = "letters of other scripts"
_DOTS: Final = "look-alike dots"
_SLASHES: Final = "look-alike slashes"

_Labels = frozenset[str]

# --- character tables ----------------------------------------------------------------------------

_ZERO_WIDTH_CHARS: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_ZWJ: Final = "\u200d"
_SOFT_HYPHEN: Final = "\xad"
# NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line just as "\n" does.
_LINE_SEPARATORS: Final = frozenset("\x85\u2028\u2029")
# Blank letters that render as nothing; they are not category Cf, so they are listed by hand:
# COMBINING GRAPHEME JOINER and the Hangul fillers.
_BLANK_LETTERS: Final = frozenset("\u034f\u115f\u1160\u3164\uffa0")
# C0 and C1 control characters render as nothing (or as a box) and hide inside an address like a
# zero-width space: 'john\x00@example.com'. Tab, line feed and carriage return are text, and NEL
# (U+0085) ends a line (see `_LINE_SEPARATORS`).
_CONTROL_CHARS: Final = frozenset(
    chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(code) not in "\t\n\r\x85"
)
_ASCII_CONTROL_BYTES: Final = bytes(sorted(ord(c) for c in _CONTROL_CHARS if c.isascii()))


def _is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF  # noqa: PLR2004 - block bounds


# Typographic punctuation written plainly. Applied after NFKC, which already turns full-width
# and small forms (U+FF0E, U+FE52, U+2024 ONE DOT LEADER, U+FF20 and U+FE6B '@', U+FF0F '/')
# into ASCII.
_PUNCTUATION: Final[dict[int, str]] = str.maketrans(
    {
        "\N{LEFT SINGLE QUOTATION MARK}": "'",
        "\N{RIGHT SINGLE QUOTATION MARK}": "'",
        "\N{SINGLE LOW-9 QUOTATION MARK}": "'",
        "\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}": "'",
        "\N{LEFT DOUBLE QUOTATION MARK}": '"',
        "\N{RIGHT DOUBLE QUOTATION MARK}": '"',
        "\N{DOUBLE LOW-9 QUOTATION MARK}": '"',
        "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}": '"',
        "\N{HYPHEN}": "-",
        "\N{NON-BREAKING HYPHEN}": "-",
        "\N{FIGURE DASH}": "-",
        "\N{EN DASH}": "-",
        "\N{EM DASH}": "-",
        "\N{HORIZONTAL BAR}": "-",
        "\N{MINUS SIGN}": "-",
        "\N{TWO-EM DASH}": "-",
        "\N{THREE-EM DASH}": "-",
        "\N{FRACTION SLASH}": "/",
        "\N{DIVISION SLASH}": "/",
        "\N{BIG SOLIDUS}": "/",
        "\N{IDEOGRAPHIC FULL STOP}": ".",
        "\N{MIDDLE DOT}": ".",
        "\N{HYPHENATION POINT}": ".",
        "\N{BULLET OPERATOR}": ".",
        "\N{DOT OPERATOR}": ".",
        "\N{WORD SEPARATOR MIDDLE DOT}": ".",
    }
)
# Original characters reported as look-alike dots and slashes (whether NFKC or the table above
# turned them into ASCII).
_DOT_CHARS: Final = frozenset(
    "\N{ONE DOT LEADER}\N{SMALL FULL STOP}\N{FULLWIDTH FULL STOP}\N{IDEOGRAPHIC FULL STOP}"
    "\N{HALFWIDTH IDEOGRAPHIC FULL STOP}\N{MIDDLE DOT}\N{GREEK ANO TELEIA}\N{HYPHENATION POINT}"
    "\N{BULLET OPERATOR}\N{DOT OPERATOR}\N{WORD SEPARATOR MIDDLE DOT}"
)
_SLASH_CHARS: Final = frozenset(
    "\N{FRACTION SLASH}\N{DIVISION SLASH}\N{BIG SOLIDUS}\N{FULLWIDTH SOLIDUS}"
)

_SMALL_CAPITAL: Final = "LATIN LETTER SMALL CAPITAL "


def _tr39_prototype(char: str) -> str | None:
    """The prototype Unicode TR39 (confusables.txt) gives ``char``, if ``char`` is confusable.

    The data lists each confusable character with its prototype, and each prototype with the
    characters confusable with it; prototypes are never themselves confusable, so a character
    with exactly one entry maps to it. Combining marks of the prototype are dropped for a
    character that has none of its own (GREEK SMALL LETTER ETA -> 'n' + COMBINING VERTICAL LINE
    BELOW reads as 'n').
    """
    entries = confusables.confusables_data.get(char)
    if not entries or len(entries) != 1:
        return None
    prototype: str = entries[0]["c"]
    if unicodedata.normalize("NFD", char) == char:
        prototype = "".join(c for c in prototype if not unicodedata.combining(c))
    return prototype if len(prototype) == 1 else None


def _ascii_letter(prototype: str | None) -> str | None:
    """An ASCII letter prototype, or the letter of a Latin small capital (U+0299 -> 'B')."""
    if prototype is None:
        return None
    if prototype.isascii():
        return prototype if prototype.isalpha() else None
    name = unicodedata.name(prototype, "")
    if name.startswith(_SMALL_CAPITAL) and len(name) == len(_SMALL_CAPITAL) + 1:
        return name[-1]
    return None


# The one letter read otherwise than TR39 reads it. TR39 maps the small palochka to 'i' (and
# the capital to 'l'); its glyph is the same full-height stroke as the capital, with no dot, so
# it passes for an 'l': 'apple.com' spelled with Cyrillic a, er, er, palochka and ie is the
# well-known disguise of the domain.
_READS_OTHERWISE: Final = {"\N{CYRILLIC SMALL LETTER PALOCHKA}": "l"}


def _latin_reading(char: str) -> str | None:
    """The lower-case ASCII letter a letter of another script passes for, after TR39.

    Its TR39 prototype when that is an ASCII letter or a Latin small capital, with two
    readings for letters TR39 maps elsewhere: a capital whose prototype is a small letter
    (TR39 makes 'I' and 'l' one: CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I -> 'l') reads
    as its small letter does ('i'), and a small letter whose prototype is a Latin letter
    outside ASCII (CYRILLIC SMALL LETTER KA -> LATIN SMALL LETTER KRA) reads as its capital
    does ('K').
    """
    if char in _READS_OTHERWISE:
        return _READS_OTHERWISE[char]
    prototype = _tr39_prototype(char)
    if prototype is None:
        return None
    letter = _ascii_letter(prototype)
    if letter is None:
        return _as_capital(char, prototype)
    if char.isupper() and letter.islower():
        small = char.lower()
        return _latin_reading(small) if len(small) == 1 and small != char else None
    return letter.lower()


def _as_capital(char: str, prototype: str) -> str | None:
    """How a small letter whose prototype is a non-ASCII Latin letter reads: as its capital."""
    capital = char.upper()
    if len(capital) != 1 or capital == char or not prototype.isalpha():
        return None
    letter = _ascii_letter(_tr39_prototype(capital))
    if letter is None or not letter.isupper() or categories.alias(prototype) != "LATIN":
        return None
    return letter.lower()


_NOT_LOOKALIKE_SCRIPTS: Final = frozenset({"LATIN", "COMMON", "INHERITED"})


def _lookalikes() -> dict[str, tuple[str, str]]:
    """Letters of other scripts that pass for Latin ones: ``{letter: (ascii, script)}``.

    Derived from the Unicode TR39 confusables that `confusable_homoglyphs` ships: letters
    (not digits) outside the Latin script that NFKC leaves alone and that carry no accent,
    whose prototype reads as an ASCII letter (see `_latin_reading`).
    """
    candidates: set[str] = set()
    for char in confusables.confusables_data:
        if len(char) == 1:
            candidates.update((char, char.lower(), char.upper()))
    out: dict[str, tuple[str, str]] = {}
    for char in sorted(candidates):
        if len(char) != 1 or char.isascii() or not char.isalpha():
            continue
        letter = _latin_reading(char)
        if (
            letter is None
            or unicodedata.normalize("NFKC", char) != char
            or unicodedata.normalize("NFD", char) != char
        ):
            continue
        script: str = categories.alias(char)
        if script not in _NOT_LOOKALIKE_SCRIPTS:
            out[char] = (letter, script)
    return out


_LOOKALIKES: Final = _lookalikes()
_CONFUSABLES: Final[dict[int, str]] = str.maketrans(
    {char: letter for char, (letter, _) in _LOOKALIKES.items()}
)
"""Look-alikes of other scripts -> lower-case Latin, for `str.translate`.

Built once. A look-alike is folded only inside a word that also holds Latin evidence (an ASCII
letter or digit, or an inner ``.``, ``@`` or ``/``), so genuine Russian, Greek or Armenian stay
intact.
"""


def _script_label(script: str) -> str:
    """``"ARMENIAN"`` -> ``"Armenian letters"``, ``"CANADIAN_ABORIGINAL"`` -> ``"Canadian ..."``."""
    return f"{script.replace('_', ' ').title()} letters"


_OTHER_SCRIPT_LABELS: Final = {
    char: _script_label(script)
    for char, (_, script) in _LOOKALIKES.items()
    if script not in {"CYRILLIC", "GREEK"}
}
"""The label of each look-alike of a script other than Cyrillic and Greek."""

# Labels are stored as one code character per normalised character: ``chr(i)`` stands for the
# i-th entry of a palette of label sets. Each label `normalize` gives has a bit of its own, so
# the first 256 palette entries, shared by every text, are all their combinations; `sub` appends
# the combinations with the labels of detectors.
_NORMALIZE_LABELS: Final = (
    _ZERO_WIDTH,
    _SOFT_HYPHENS,
    _INVISIBLE,
    _COMPATIBILITY,
    _CYRILLIC,
    _GREEK,
    _DOTS,
    _SLASHES,
    _OTHER_SCRIPTS,
)
_BIT: Final = {label: 1 << i for i, label in enumerate(_NORMALIZE_LABELS)}
_BASE_PALETTE: Final = tuple(
    frozenset(label for i, label in enumerate(_NORMALIZE_LABELS) if mask >> i & 1)
    for mask in range(1 << len(_NORMALIZE_LABELS))
)
_BASE_CODES: Final = {labels: chr(i) for i, labels in enumerate(_BASE_PALETTE)}
_PLAIN: Final = "\x00"
_SCRIPT_BITS: Final = {
    char: _BIT.get(_script_label(script), _BIT[_OTHER_SCRIPTS])
    for char, (_, script) in _LOOKALIKES.items()
}


def _char_class(chars: Iterable[str]) -> str:
    return "".join(regex.escape(c) for c in sorted(chars))


# A ZERO WIDTH JOINER inside an emoji sequence: after an emoji (or its skin tone or emoji
# presentation selector) and before an emoji. The lookarounds read one character each.
_EMOJI_JOINER = regex.compile(
    r"(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D(?=\p{Extended_Pictographic})"
)
_VARIATION_SELECTOR_16: Final = "\ufe0f"
# A ZERO WIDTH JOINER that `_EMOJI_JOINER` does not silence (a search, which makes no new text)
_STRAY_JOINER = regex.compile(
    r"(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D"
    r"|\u200D(?!\p{Extended_Pictographic})"
)

# Words, for deciding whether a look-alike is a disguise: letters, marks, digits and the
# characters that join the parts of an address.
_WORD_CHARS = r"\p{L}\p{M}\p{N}./@"
_JOINERS = "./@"
_LOOKALIKE = regex.compile("[" + _char_class(_LOOKALIKES) + "]")
# Where an ASCII letter, digit or joiner and a non-ASCII character stand side by side: a word
# with both Latin evidence and a look-alike has such a seam, so a text without one has nothing to
# fold. (stdlib re: classes of code points only, the same in both engines, and 4x faster to search)
_SEAM = re.compile(r"[A-Za-z0-9./@][^\x00-\x7f]|[^\x00-\x7f][A-Za-z0-9./@]")
_MAYBE_LOOKALIKE: Final = frozenset(_LOOKALIKES)
"""The pre-check of `_fold`: is there a look-alike among the text's characters at all."""
# The words, captured: splitting by them gives what stands between words at the even indices and
# the words at the odd ones
_WORDS = regex.compile(rf"([{_WORD_CHARS}]++)")
_IRREGULAR_LENGTH = regex.compile(r"[^\x01]")
_LATIN_EVIDENCE = re.compile(r"[A-Za-z0-9./@]")  # stdlib re: ASCII only, as `_SEAM`


def _removal(char: str) -> int | None:
    """The label bits for removing ``char`` (0 to remove it silently), or ``None`` to keep it."""
    if _is_variation_selector(char):
        return 0
    if char in _ZERO_WIDTH_CHARS:
        return _BIT[_ZERO_WIDTH]
    if char == _SOFT_HYPHEN:
        return _BIT[_SOFT_HYPHENS]
    if char in _BLANK_LETTERS or char in _CONTROL_CHARS or unicodedata.category(char) == "Cf":
        return _BIT[_INVISIBLE]
    return None


@functools.lru_cache(maxsize=4096)
def _piece(char: str) -> tuple[str, int]:
    """What one character becomes, before look-alike folding and lower-casing.

    Args:
        char: One character.

    Returns:
        The replacement (empty when the character is removed) and its label bits. The
        replacement is already lower-cased where lower-casing would change its length.
    """
    if char.isascii() and char not in _CONTROL_CHARS:
        return char, 0
    removal = _removal(char)
    if removal is not None:
        return "", removal
    if char in _LINE_SEPARATORS:
        return "\n", 0
    if char.isspace():
        return " ", 0
    compatible = unicodedata.normalize("NFKC", char)
    piece = compatible.translate(_PUNCTUATION)
    if len(piece.lower()) != len(piece):
        piece = piece.lower()  # 'İ' -> 'i' + COMBINING DOT ABOVE
    mask = 0
    if compatible != unicodedata.normalize("NFC", char):
        mask |= _BIT[_COMPATIBILITY]
    if char in _DOT_CHARS:
        mask |= _BIT[_DOTS]
    if char in _SLASH_CHARS:
        mask |= _BIT[_SLASHES]
    return piece, mask


_TABLE_LIMIT: Final = 20_000
_MEMO_KEY_LIMIT: Final = 8
_MANY: Final = 2


class _Table(dict[int, str]):
    """A `str.translate` table computed character by character as characters turn up."""

    __slots__ = ("_derive",)

    def __init__(self, derive: Callable[[str], str]) -> None:
        super().__init__()
        self._derive = derive

    def __missing__(self, code: int) -> str:
        if len(self) >= _TABLE_LIMIT:
            self.clear()  # bounded memory, whatever characters callers send
        value = self[code] = self._derive(chr(code))
        return value


_PIECES: Final = _Table(lambda char: _piece(char)[0])
"""Each character -> what it becomes."""
_CODES: Final = _Table(lambda char: chr(_piece(char)[1]) * len(_piece(char)[0]))
"""Each character -> the label codes of what it becomes."""
_LENGTHS: Final = _Table(lambda char: chr(min(len(_piece(char)[0]), _MANY)))
"""Each character -> how many characters it becomes, as a character (capped at `_MANY`)."""
_SCRIPT_CODES: Final = _Table(lambda char: chr(_SCRIPT_BITS.get(char, 0)))
"""Each character -> the label code of folding it if it is a look-alike."""
_LABELLED_REMOVALS: Final = _Table(
    lambda char: _PLAIN if not _piece(char)[0] and _piece(char)[1] else "\x01"
)
"""Each character -> `_PLAIN` if it is removed with labels (a zero-width space), else ``"\x01"``."""


def _silence_emoji_joiners(text: str) -> str:
    """``text`` with each ZERO WIDTH JOINER of an emoji sequence written as a variation selector.

    Both are removed; a joiner between two emoji (``👩‍👧``) is no disguise, so it is removed
    silently, as a variation selector is. One pass of `_EMOJI_JOINER` over the text, whatever the
    number of joiners; the length and every other character stay as they are.
    """
    return _EMOJI_JOINER.sub(_VARIATION_SELECTOR_16, text) if _ZWJ in text else text


class _OffsetMap(NamedTuple):
    """Where each normalised character came from in the original.

    Normalised character ``i`` came from ``original[starts[i]:ends[i]]``. Both sequences never
    decrease, ``starts[i] <= ends[i]``, and ``starts`` has one more entry,
    ``len(original)``, for the end of the text.
    """

    starts: Sequence[int]
    ends: Sequence[int]


class _DisguiseMap(NamedTuple):
    """How each normalised character, and each gap between two, was disguised.

    ``chars[i]`` is the code of character ``i``'s labels and ``gaps[i]`` that of what was
    removed just before it (``gaps`` has ``len(text) + 1`` codes); code ``c`` stands for
    ``palette[ord(c)]``, and `_PLAIN` for no label.
    """

    palette: tuple[_Labels, ...]
    chars: str
    gaps: str


class _Palette:
    """The palette of a text being built by `NormalizedText.sub`."""

    def __init__(self, entries: tuple[_Labels, ...]) -> None:
        self.entries = list(entries)
        base = len(_BASE_PALETTE)
        self.extra = {labels: chr(base + i) for i, labels in enumerate(entries[base:])}

    def code(self, labels: _Labels) -> str:
        """The code for ``labels``, adding them to the palette if needed."""
        code = _BASE_CODES.get(labels) or self.extra.get(labels)
        if code is None:
            code = self.extra[labels] = chr(len(self.entries))
            self.entries.append(labels)
        return code

    def union(self, codes: str) -> _Labels:
        """All the labels of ``codes``."""
        return frozenset().union(*(self.entries[ord(code)] for code in set(codes)))


_NAMED_SIZE: Final = 64  # ranges up to this long (an address) have their disguises remembered
_NAMED_LIMIT: Final = 1024  # ... this many per text, at most
_REVERSE: Final = int(regex.REVERSE)  # an int: testing the flag enum's member is slow


@attrs.frozen(eq=False)
class NormalizedText:
    """A normalised text that remembers where each of its characters came from.

    Build it with `normalize`; rewrite it further with `sub`.

    Attributes:
        original: The caller's text, untouched.
        text: The normalised text.
    """

    original: str
    text: str
    _offsets: _OffsetMap | None = attrs.field(default=None, repr=False)
    """``None`` when ``text[i]`` came from ``original[i]`` for every ``i``."""
    _disguises: _DisguiseMap | None = attrs.field(default=None, repr=False)
    """``None`` when nothing was disguised."""
    _source: object = attrs.field(default=None, repr=False, alias="source")
    """What the text was read from, kept alive with it (the facts of an HTML body, which the
    rules reading the same body then find in `analyze_html`'s cache)."""
    _named: dict[tuple[str, str, str], tuple[str, ...]] = attrs.field(
        factory=dict, init=False, repr=False
    )
    """`disguises` of short ranges by what decides them (their label codes and original text):
    an address written again and again is named once. Bounded by `_NAMED_LIMIT`."""

    def _check(self, start: int, end: int) -> None:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"range {start}:{end} is not within the normalised text of length {len(self.text)}"
            )

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` of normalised ``text[start:end]``.

        The original span is the smallest one that covers every original character that
        produced a normalised character in the range, so removed characters (such as a
        zero-width space) strictly inside the range are covered while those just outside it
        are not. Consequently ``span(0, len(text))`` starts after leading removed characters
        and ends before trailing ones.

        Args:
            start: Normalised start offset.
            end: Normalised end offset (exclusive).

        Returns:
            The original span. For an empty range, a zero-width span where normalised ``start``
            maps to (the end of the original for the end of the text).

        Raises:
            ValueError: If not ``0 <= start <= end <= len(text)``.
        """
        if not 0 <= start <= end <= len(self.text):  # `_check`, inline: spans are hot
            self._check(start, end)
        offsets = self._offsets
        if offsets is None:
            return start, end
        first = offsets.starts[start]
        if start == end:
            return first, first
        return first, offsets.ends[end - 1]

    def disguises(self, start: int, end: int) -> tuple[str, ...]:
        """How the characters of normalised ``text[start:end]`` were disguised.

        Removed characters count when they lie strictly inside the range, as for `span`.

        Args:
            start: Normalised start offset.
            end: Normalised end offset (exclusive).

        Returns:
            Sorted, de-duplicated labels such as ``("Cyrillic letters", "zero-width
            characters")``; empty if the range was written plainly.

        Raises:
            ValueError: If not ``0 <= start <= end <= len(text)``.
        """
        if not 0 <= start <= end <= len(self.text):  # `_check`, inline: one call per address
            self._check(start, end)
        disguised = self._disguises
        if disguised is None or start == end:
            return ()
        if end - start > _NAMED_SIZE:
            return self._name_disguises(disguised, start, end)
        offsets = self._offsets  # `span`, inline
        ostart, oend = (
            (start, end) if offsets is None else (offsets.starts[start], offsets.ends[end - 1])
        )
        key = (
            disguised.chars[start:end],
            disguised.gaps[start + 1 : end],
            self.original[ostart:oend],
        )
        named = self._named.get(key)
        if named is None:
            if len(self._named) >= _NAMED_LIMIT:
                self._named.clear()
            named = self._named[key] = self._name_disguises(disguised, start, end)
        return named

    def _name_disguises(self, disguised: _DisguiseMap, start: int, end: int) -> tuple[str, ...]:
        """`disguises`, worked out: from the range's label codes and original text only."""
        palette, chars, gaps = disguised
        codes = set(chars[start:end])
        codes.update(gaps[start + 1 : end])
        labels = frozenset().union(*(palette[ord(code)] for code in codes))
        if _OTHER_SCRIPTS in labels:
            # name the scripts of the look-alikes folded in the range ("Armenian letters")
            ostart, oend = self.span(start, end)
            found = set(self.original[ostart:oend]) & _OTHER_SCRIPT_LABELS.keys()
            scripts = {_OTHER_SCRIPT_LABELS[c] for c in found}
            labels = (labels - {_OTHER_SCRIPTS}) | (scripts or {_OTHER_SCRIPTS})
        return tuple(sorted(labels))

    def spans(self, starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
        """`span` of each range ``starts[i]:ends[i]``: the original starts and ends.

        The same as a call of `span` per range, mapped in C: a text dense with addresses has
        one range per address.

        Raises:
            ValueError: If a range is not within the text.
        """
        if not starts:
            return [], []
        if min(starts) < 0 or max(ends) > len(self.text) or any(map(operator.gt, starts, ends)):
            for start, end in zip(starts, ends, strict=True):
                self._check(start, end)
        offsets = self._offsets
        if offsets is None:
            return list(starts), list(ends)
        if not all(map(operator.lt, starts, ends)):  # an empty range: `span` says where it sits
            pairs = list(map(self.span, starts, ends))
            return list(map(FIRST, pairs)), list(map(SECOND, pairs))
        return (
            list(map(offsets.starts.__getitem__, starts)),
            list(map(offsets.ends.__getitem__, map(operator.sub, ends, itertools.repeat(1)))),
        )

    def disguises_each(
        self,
        starts: Sequence[int],
        ends: Sequence[int],
        originals: Sequence[str] | None = None,
    ) -> list[tuple[str, ...]]:
        """`disguises` of each range ``starts[i]:ends[i]``.

        The same as a call of `disguises` per range, with the work per range done in C: what
        decides a range's labels (its label codes and original text) is sliced out for every
        range by `map`, and each distinct one is named once.

        Args:
            starts: Normalised start offsets.
            ends: Normalised end offsets (exclusive), as many.
            originals: The original text of each range (``original[a:b]`` for ``(a, b)`` its
                `span`), if the caller has it.

        Raises:
            ValueError: If a range is not within the text.
        """
        disguised = self._disguises
        if disguised is None:
            self.spans(starts, ends)  # the same checks as `disguises`
            return [()] * len(starts)
        if originals is None:
            originals = list(sliced(self.original, *self.spans(starts, ends)))
        _, chars, gaps = disguised
        empty = not all(map(operator.lt, starts, ends))
        # a column that is the same for every range is left out of the keys (no gap labelled)
        columns = [
            sliced(chars, starts, ends),
            sliced(gaps, map(operator.add, starts, itertools.repeat(1)), ends)
            if gaps.count(_PLAIN) != len(gaps)
            else itertools.repeat(""),
            originals,
            map(operator.lt, starts, ends) if empty else itertools.repeat(True),  # noqa: FBT003
        ]
        keys = list(zip(*columns))  # noqa: B905 - a column may be an endless `repeat`
        # the labels follow from the key: any range of it names them (here its last)
        where = dict(zip(keys, range(len(keys)), strict=True))
        named = {key: self.disguises(starts[i], ends[i]) for key, i in where.items()}
        return list(map(named.__getitem__, keys))

    def sub(
        self,
        pattern: regex.Pattern[str],
        repl: str | Callable[[regex.Match[str]], str],
        disguise: str,
        *,
        windows: Iterable[tuple[int, int]] | None = None,
    ) -> NormalizedText:
        """Replace every match of ``pattern``, keeping the map back to the original.

        Works like ``pattern.sub(repl, text)``. Each character a replacement produces maps to
        the original span of the whole match and is labelled ``disguise`` as well as with the
        labels the matched characters had; a zero-width match maps to where it sits. A match
        replaced by nothing passes its labels to the gap it leaves. A match replaced by
        itself is left alone (and not labelled). Linear in ``len(text)``.

        Args:
            pattern: What to replace.
            repl: A replacement template (as for ``pattern.sub``) or a function of the match.
            disguise: The label for what the replacement undid, e.g. ``"spelled-out dots"``.
            windows: Where to look, as ``(pos, endpos)`` ranges in order that do not overlap
                (the pattern sees the text around them, for its look-arounds); the whole text
                when ``None``.

        Returns:
            The rewritten text, or this one if nothing changed.
        """
        edits: list[tuple[int, int, str]] = []
        literal = repl if isinstance(repl, str) and "\\" not in repl else None
        ranges = ((0, len(self.text)),) if windows is None else windows
        matches = itertools.chain.from_iterable(
            pattern.finditer(self.text, pos, endpos) for pos, endpos in ranges
        )
        for match in matches:
            if literal is not None:
                replacement = literal
            elif isinstance(repl, str):
                replacement = match.expand(repl)
            else:
                replacement = repl(match)
            if replacement != match.group():
                edits.append((match.start(), match.end(), replacement))
        if not edits:
            return self
        if pattern.flags & _REVERSE:
            edits.reverse()
        return _compose(self, edits, frozenset({disguise}))


def _inserted_end(old: _OffsetMap, start: int) -> int:
    """Where a zero-width match at normalised ``start`` ends in the original.

    It starts at ``old.starts[start]``; it ends there too unless that falls inside the original
    character the previous normalised character came from (so that the ends never decrease).
    """
    first = old.starts[start]
    return max(first, old.ends[start - 1]) if start > 0 else first


def _maps(source: NormalizedText) -> tuple[_OffsetMap, _DisguiseMap]:
    """The maps of ``source``, spelled out even where it leaves them implicit."""
    size = len(source.text)
    offsets = source._offsets  # noqa: SLF001 - a helper of NormalizedText
    if offsets is None:
        offsets = _OffsetMap(range(size + 1), range(1, size + 1))
    disguises = source._disguises  # noqa: SLF001
    if disguises is None:
        disguises = _DisguiseMap(_BASE_PALETTE, _PLAIN * size, _PLAIN * (size + 1))
    return offsets, disguises


def _compose(
    source: NormalizedText, edits: list[tuple[int, int, str]], tag: _Labels
) -> NormalizedText:
    """Apply ``edits`` (sorted, non-overlapping ``(start, end, replacement)``) to ``source``."""
    text = source.text
    size = len(text)
    old, old_disguises = _maps(source)
    old_starts, old_ends = old
    palette = _Palette(old_disguises.palette)
    old_chars, old_gaps = old_disguises.chars, old_disguises.gaps
    tagged = {"": palette.code(tag)}  # the code of `tag` and the labels of some matched codes
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    chars: list[str] = []
    gaps: list[str] = []
    pending = old_gaps[0]  # the code of the gap at the end of what is built so far
    done = 0
    for start, end, replacement in [*edits, (size, size, "")]:
        if start > done:  # copy the unchanged stretch before the edit
            pieces.append(text[done:start])
            starts += old_starts[done:start]
            ends += old_ends[done:start]
            chars.append(old_chars[done:start])
            gaps += (pending, old_gaps[done + 1 : start])
            pending = old_gaps[start]
        inner = (old_chars[start:end] + old_gaps[start + 1 : end]).replace(_PLAIN, "")
        code = tagged.get(inner)
        if code is None:
            code = palette.code(tag | palette.union(inner))
            if len(inner) <= _MEMO_KEY_LIMIT:
                tagged[inner] = code
        if count := len(replacement):
            first = old_starts[start]
            starts += [first] * count
            if end > start:
                ends += [old_ends[end - 1]] * count
                after = old_gaps[end]
            else:
                ends += [_inserted_end(old, start)] * count
                after = _PLAIN
            pieces.append(replacement)
            chars.append(code * count)
            gaps += (pending, _PLAIN * (count - 1))
            pending = after
        elif end > start:  # deleted: the gap it leaves carries its labels
            pending = palette.code(palette.union(pending + code + old_gaps[end]))
        done = end
    starts.append(old_starts[size])
    gaps.append(pending)
    return NormalizedText(
        source.original,
        "".join(pieces),
        _OffsetMap(tuple(starts), tuple(ends)),
        _DisguiseMap(tuple(palette.entries), "".join(chars), "".join(gaps)),
    )


def _map_irregular(text: str, distinct: set[str]) -> tuple[_OffsetMap | None, dict[int, int]]:
    """Offsets for characters that are removed or become several, and what removals hid.

    Args:
        text: The original text.
        distinct: The characters of ``text``, each once.

    Returns:
        The offset map (``None`` if every character becomes exactly one) and the label bits of
        each gap left by removed characters, by normalised position.
    """
    lengths = text.translate(_LENGTHS)
    if lengths.count("\x01") == len(lengths):
        return None, {}
    gaps: dict[int, int] = {}
    if chr(_MANY) not in lengths:  # only removals: keep the others, in C
        kept = lengths.encode("latin-1")
        starts = list(itertools.compress(range(len(text)), kept))
        ends = list(itertools.compress(range(1, len(text) + 1), kept))
        # Visit only the removals that carry labels (not the silent ones, such as the joiners
        # of emoji sequences); count the removals before each one in C.
        if (_ZWJ not in text or _STRAY_JOINER.search(text) is None) and not any(
            _LABELLED_REMOVALS[ord(char)] == _PLAIN for char in distinct if char != _ZWJ
        ):  # every removal is silent: no gap to label
            starts.append(len(text))
            return _OffsetMap(tuple(starts), tuple(ends)), gaps
        marked = _silence_emoji_joiners(text)
        labelled = marked.translate(_LABELLED_REMOVALS)
        removed = done = 0
        index = labelled.find(_PLAIN)
        while index >= 0:
            removed += lengths.count(_PLAIN, done, index)
            done = index
            _gap_labels(marked, index, index - removed, gaps)
            index = labelled.find(_PLAIN, index + 1)
        starts.append(len(text))
        return _OffsetMap(tuple(starts), tuple(ends)), gaps
    return _map_expansions(text, _silence_emoji_joiners(text), lengths, gaps), gaps


def _gap_labels(marked: str, index: int, position: int, gaps: dict[int, int]) -> None:
    """Record the labels of removing ``marked[index]`` at normalised ``position``.

    ``marked`` is the original text with its emoji joiners silenced (`_silence_emoji_joiners`).
    """
    mask = _piece(marked[index])[1]
    if mask:
        gaps[position] = gaps.get(position, 0) | mask


def _map_expansions(text: str, marked: str, lengths: str, gaps: dict[int, int]) -> _OffsetMap:
    """The offset map when some characters become several (and others may be removed).

    ``marked`` is ``text`` with its emoji joiners silenced (`_silence_emoji_joiners`).
    """
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for irregular in _IRREGULAR_LENGTH.finditer(lengths):
        index = irregular.start()
        starts.extend(range(done, index))
        ends.extend(range(done + 1, index + 1))
        count = len(_piece(text[index])[0])
        if count:
            starts.extend([index] * count)
            ends.extend([index + 1] * count)
        else:
            _gap_labels(marked, index, len(starts), gaps)
        done = index + 1
    starts.extend(range(done, len(text) + 1))
    ends.extend(range(done + 1, len(text) + 1))
    return _OffsetMap(tuple(starts), tuple(ends))


def _fold_word(word: str) -> tuple[str, str] | tuple[()]:
    """A word folded and the label codes of folding it, or ``()`` if it is no disguise.

    A word is a disguise when it holds a look-alike and Latin evidence (a letter, digit or joiner
    inside it).
    """
    if not _LATIN_EVIDENCE.search(word.strip(_JOINERS)) or _LOOKALIKE.search(word) is None:
        return ()
    return word.translate(_CONFUSABLES), word.translate(_SCRIPT_CODES)


def _fold(text: str, codes: str, chars: AbstractSet[str]) -> tuple[str, str]:
    """Fold the look-alikes in words that also hold Latin evidence, adding their labels.

    The text is split into its words once, in C; each distinct word is judged once (text dense
    with a disguised address repeats it), and the folded words are put in place by a join that
    looks each part up, also in C. Only text whose label codes are not all plain pays a step in
    Python per folded word, to add the labels it had.

    Args:
        text: The text so far, not yet lower-cased.
        codes: The label codes of its characters.
        chars: The characters of ``text``, each once (a superset will do).

    Returns:
        The text and its label codes, look-alikes folded where they disguise a Latin word.
    """
    if _MAYBE_LOOKALIKE.isdisjoint(chars) or _SEAM.search(text) is None:
        return text, codes
    parts: list[str] = _WORDS.split(text)
    folded_words: dict[str, str] = {}
    folded_codes: dict[str, str] = {}
    for word in set(parts[1::2]):
        if not word.isascii() and (folded := _fold_word(word)):
            folded_words[word], folded_codes[word] = folded
    if not folded_words:
        return text, codes
    # what stands between words holds no word character, so no such part is a folded word
    out = "".join(map(folded_words.get, parts, parts))
    if codes.count(_PLAIN) == len(codes):
        plain_codes = map(_PLAIN.__mul__, map(len, parts))
        return out, "".join(map(folded_codes.get, parts, plain_codes))
    bounds = list(itertools.accumulate(map(len, parts), initial=0))
    merged: dict[tuple[str, str], str] = {}  # a word repeats with the same codes, as a rule
    code_parts: list[str] = []
    done = 0
    for index in itertools.compress(range(len(parts)), map(folded_codes.__contains__, parts)):
        start, end = bounds[index], bounds[index + 1]
        key = (parts[index], codes[start:end])
        word_codes = merged.get(key)
        if word_codes is None:
            word_codes = merged[key] = "".join(
                [chr(ord(a) | ord(b)) for a, b in zip(folded_codes[key[0]], key[1], strict=True)]
            )
        code_parts.extend((codes[done:start], word_codes))
        done = end
    code_parts.append(codes[done:])
    return out, "".join(code_parts)


_FEW_CHANGED: Final = 16


def _replaced(text: str, changed: dict[str, str]) -> str:
    """``text.translate(_PIECES)``, given the pieces of the characters it changes.

    A few changed characters are replaced one by one: each replacement is a search in C, much
    faster than a translation, which looks every character up. (No piece holds a changed
    character, so the order does not matter.)
    """
    if len(changed) > _FEW_CHANGED:
        return text.translate(_PIECES)
    for char, piece in changed.items():
        text = text.replace(char, piece)
    return text


def _plain_ascii(text: str) -> bool:
    """Whether ``text`` is ASCII without control characters (tab, line feed and CR are text)."""
    if not text.isascii():
        return False
    # bytes.translate deletes in C, several times faster than a regular-expression search
    return text.isprintable() or len(
        text.encode("ascii").translate(None, _ASCII_CONTROL_BYTES)
    ) == len(text)


_LATIN1_KEPT: Final = bytes(
    code for code in range(256) if _piece.__wrapped__(chr(code)) == (chr(code), 0)
)
"""The Latin-1 characters `normalize` keeps as they are (letters such as 'é' and 'ß')."""


def _plain(text: str) -> bool:
    """Whether normalising ``text`` only lower-cases it, one character for one.

    True for ASCII without control characters, and for Latin-1 text (German, French, Spanish,
    Italian) whose other characters are letters that no step changes; Latin-1 has no
    look-alike of another script.
    """
    if text.isascii():
        return _plain_ascii(text)
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not raw.translate(None, _LATIN1_KEPT)


def normalize(text: str) -> NormalizedText:
    r"""Normalise ``text`` so that disguised contact details read plainly.

    In order, per character: removes invisible characters (zero-width characters, soft
    hyphens, bidirectional controls and every other format character, and the control
    characters other than tab, line feed and carriage return; variation selectors silently),
    applies NFKC (full-width and compatibility forms, mathematical letters), turns every
    Unicode space into ``" "`` and every line separator into ``"\n"``, writes curly quotes,
    dashes and look-alike dots and slashes as ASCII, folds the letters of other scripts that
    Unicode TR39 finds confusable with Latin ones (Cyrillic, Greek, Armenian, Cherokee ...) to
    Latin inside words that also hold Latin evidence, and lower-cases. It does not collapse
    whitespace nor decode spelled-out punctuation (``dot``, ``[at]``): detectors do that with
    `NormalizedText.sub`.

    ASCII text without control characters, and Latin-1 text whose letters no step changes,
    take a fast path: the result is ``text.lower()`` mapped one to one.

    Args:
        text: The caller's text.

    Returns:
        The normalised text with its map back to ``text`` and the disguises it undid.
    """
    if _plain(text):
        return NormalizedText(text, text.lower())
    offsets: _OffsetMap | None = None
    gaps: dict[int, int] = {}
    distinct = set(text)  # in C, and half the time of a translation of the text
    changed = {char: piece for char in distinct if (piece := _PIECES[ord(char)]) != char}
    if not changed:
        pieces, chars = text, distinct
        codes = _PLAIN * len(text)
    else:
        pieces = _replaced(text, changed)
        # the characters of the pieces: those kept, and those the changed ones became
        chars = (distinct - changed.keys()).union(*changed.values())
        offsets, gaps = _map_irregular(text, distinct)
        if any(_piece(char)[1] and _piece(char)[0] for char in distinct):
            codes = text.translate(_CODES)
        else:  # nothing kept is labelled (emoji and their joiners, accented letters): the
            # labels of removed characters are in `gaps`, so one plain code per character
            codes = _PLAIN * len(pieces)
    pieces, codes = _fold(pieces, codes, chars)
    normalized = pieces.lower()
    disguises = None
    if gaps or codes.count(_PLAIN) != len(codes):
        gap_codes: list[str] = []
        done = 0
        for position, mask in gaps.items():  # in increasing order of position
            gap_codes.extend((_PLAIN * (position - done), chr(mask)))
            done = position + 1
        gap_codes.append(_PLAIN * (len(normalized) + 1 - done))
        disguises = _DisguiseMap(_BASE_PALETTE, codes, "".join(gap_codes))
    return NormalizedText(text, normalized, offsets, disguises)


_REFERENCES: Final = "HTML character references"
_MARKUP: Final = "HTML markup"


def normalize_html(source: str) -> NormalizedText:
    """Normalise the text a buyer reads in an HTML body, mapped back to the HTML.

    The text is `HtmlFacts.reading`: the visible text, entities decoded, tags that format text
    taken out (``sh<span></span>op.com`` reads ``shop.com``), with the values of attributes
    (link targets, image sources) where their tags stand. It is normalised as `normalize`
    does, and the two maps are composed: normalised character ``i`` came from read characters
    ``r[i]`` to ``r'[i]``, which came from the HTML between the start of the first and the end
    of the last. Characters decoded from references are labelled ``"HTML character
    references"``, and markup taken out from inside a word labels the gap it leaves
    ``"HTML markup"``.

    Args:
        source: The HTML.

    Returns:
        The normalised text, with ``source`` as its original.
    """
    facts = analyze_html(source)
    reading = facts.reading()
    plain = normalize(reading.text)
    size = len(plain.text)
    starts, ends = reading.starts, reading.ends
    offsets = plain._offsets  # noqa: SLF001 - a helper of NormalizedText
    if offsets is None:  # one character read, one normalised
        # a copy with the end of the text: the reading's own lists are never changed
        new_starts = [*starts, len(source)]
        new_ends = ends if isinstance(ends, list) else list(ends)
    else:
        new_starts = list(map(starts.__getitem__, offsets.starts[:size]))
        new_starts.append(len(source))
        last = map(operator.sub, offsets.ends, itertools.repeat(1))
        new_ends = list(map(ends.__getitem__, last))
    disguises = plain._disguises  # noqa: SLF001
    if reading.references or reading.splits:
        disguises = _html_disguises(plain, reading.references, reading.splits)
    return NormalizedText(
        source, plain.text, _OffsetMap(new_starts, new_ends), disguises, source=facts
    )


def _html_disguises(
    plain: NormalizedText, references: Sequence[tuple[int, int]], splits: Sequence[int]
) -> _DisguiseMap:
    """The disguises of ``plain``, read from HTML, with its references and splits labelled.

    ``references`` are ranges, and ``splits`` offsets, of the text ``plain`` normalised.
    """
    size = len(plain.text)
    read_offsets, disguises = _maps(plain)
    read_starts = read_offsets.starts
    one_to_one = plain._offsets is None  # noqa: SLF001
    palette = _Palette(disguises.palette)

    def first_at(position: int) -> int:
        """The first normalised character read at or after ``position``."""
        if one_to_one:
            return min(position, size)
        return bisect.bisect_left(read_starts, position, 0, size)

    tagged: dict[tuple[str, str], str] = {}

    def tagged_code(code: str, label: str) -> str:
        """The code of the labels of ``code`` and ``label``."""
        key = (code, label)
        new = tagged.get(key)
        if new is None:
            new = tagged[key] = palette.code(palette.entries[ord(code)] | {label})
        return new

    chars = disguises.chars
    if references:
        codes = list(chars)
        for start, end in references:
            for index in range(first_at(start), first_at(end)):
                codes[index] = tagged_code(codes[index], _REFERENCES)
        chars = "".join(codes)
    # the gaps, rebuilt from stretches: a document may have a split in every word
    gaps = disguises.gaps
    stretches: list[str] = []
    done = 0
    for position in splits:
        index = first_at(position)
        if 0 < index < size and index >= done:  # a gap between two characters, not yet tagged
            stretches.extend((gaps[done:index], tagged_code(gaps[index], _MARKUP)))
            done = index + 1
    stretches.append(gaps[done:])
    return _DisguiseMap(tuple(palette.entries), chars, "".join(stretches))


def fold_lookalikes(text: str) -> str:
    """Map look-alike letters of other scripts (TR39) to the Latin letters they imitate.

    `normalize` folds them only inside words that show Latin evidence; detectors call this on a
    token they already know is an address (a Cyrillic 'shop' before ' . com').
    """
    return text.translate(_CONFUSABLES)


LOOKALIKE_CLASS: Final = _char_class(_LOOKALIKES)
"""A regular-expression character class body matching every look-alike letter."""
