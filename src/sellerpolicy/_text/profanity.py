"""Masked profanity: swear words with letters hidden by symbols or digits ('sh*t', 'c*nnard').

The roots are data (``feedback_vocabularies.toml``, ``[profanity] roots``); the seller-feedback
checker (SP303) and the message checker (SP111) read masked words through this one module.
A buyer's comment is read loosely: a '*' or '#' may hide one letter or two and a short ending
may follow ('f***ers'). A seller's message is read strictly (``strict=True``), where 'sh*p'
and 'cu*e' are words: one mask per letter, one of them a symbol, the first and last letters
written, a root of four letters at least; or one run of masks that need not count the letters
it hides, with three letters at least written around it ('vaff*******o', 'A...loch').
"""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING, Final

import regex

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "LEET_DIGITS",
    "LEET_TOKEN",
    "MASK",
    "MASKED_TOKEN",
    "SYMBOL_MASK",
    "leet_unmasks",
    "leet_words",
    "masked_words",
    "spaced_words",
    "unmasks",
]

MASK: Final = frozenset("*#@$!%_^~0123456789")
"""The characters that may stand for a hidden letter."""
SYMBOL_MASK: Final = frozenset("*#@$%^~")
"""The symbols of which a strictly read word needs one ('c*nnard'; 'sh1t' and 'sh!t' are the
English patterns' business)."""
MASKED_TOKEN: Final = regex.compile(
    r"(?<![\p{L}\p{N}*#@$!%_^~])\p{L}[\p{L}\p{N}*#@$!%_^~]*", regex.V1
)
"""A word that starts with a letter and may hold mask characters."""
_MAX_SUFFIX: Final = 5
_STRICT_SUFFIX: Final = 3
_STRICT_ROOT: Final = 4


def unmasks(token: str, root: str, *, strict: bool = False) -> bool:
    """Whether ``token`` is ``root`` with letters hidden ('sh*t', 'f***ing', 'a$$hole').

    The first letter is written; each symbol or digit stands for one letter, a '*' or '#' for
    one or two; a short ending may follow ('f***ers', 'sh*tshow'). With ``strict``, each mask
    stands for one letter and one of them is a symbol of `SYMBOL_MASK`, the root's last letter
    is written, the root has four letters at least and an ending of at most three letters
    follows only a root of five or more.
    """
    if not token or token[0] != root[0]:
        return False
    if strict:
        return _strictly_unmasks(token, root)

    @functools.cache
    def walk(i: int, j: int) -> bool:
        if j == len(root):
            rest = token[i:]
            return not rest or (len(rest) <= _MAX_SUFFIX and rest.isalpha())
        if i == len(token):
            return False
        char = token[i]
        if char in MASK:
            if walk(i + 1, j + 1):
                return True
            return char in "*#" and j + 2 <= len(root) and walk(i + 1, j + 2)
        return char == root[j] and walk(i + 1, j + 1)

    return walk(0, 0)


def _strictly_unmasks(token: str, root: str) -> bool:
    if _run_unmasks(token, root):
        return True
    if len(root) < _STRICT_ROOT or len(token) < len(root):
        return False
    head, rest = token[: len(root)], token[len(root) :]
    if rest and (len(root) <= _STRICT_ROOT or len(rest) > _STRICT_SUFFIX or not rest.isalpha()):
        return False
    if not any(c in SYMBOL_MASK for c in head):
        return False
    if head[-1] != root[-1] and not _masked_tail(head, rest):
        return False
    return all(c == r or c in MASK for c, r in zip(head, root, strict=True))


# One run of stars, hashes or dots that hides letters without counting them ('vaff*******o',
# 'A...loch', 'f****e'): the letters before and after it are the root's first and last ones
_MASK_RUN: Final = regex.compile(r"(\p{L}+)(\*+|#+|\.{2,4}|\u2026)(\p{L}*)", regex.V1)
_RUN_ROOT: Final = 5  # letters a root needs to be read through a run
_RUN_SLACK: Final = 4  # masks a run may have beyond the letters it hides
_DOTS_HIDE: Final = 4  # letters a run of dots may hide ('a...loch')
_DOTS_TAIL: Final = 3  # letters written after dots, which are an ellipsis too ('Ca....ta')
_RUN_WRITTEN: Final = 3  # letters written around an uncounted run ('vaff*******o', 'a...loch')


def _run_unmasks(token: str, root: str) -> bool:
    """Whether ``token`` is ``root`` with one run of masks over letters it need not count.

    The root's first and last letters are written, three letters at least around the run (a
    mask to the end, 'ch***', or between two letters, 'f****e', counts its letters: the strict
    reading), and a run of stars or hashes is neither far longer than what it hides nor less
    than half as long; two to four dots hide up to four letters ('A...loch', 'A....loch'), with
    three letters at least written after them (an ellipsis: 'Ca....ta la consegna?').
    """
    m = _MASK_RUN.fullmatch(token)
    if m is None or len(root) < _RUN_ROOT:
        return False
    head, run, tail = m.groups()
    hidden = len(root) - len(head) - len(tail)
    if hidden < 1 or not tail or len(head) + len(tail) < _RUN_WRITTEN:
        return False  # 'C*****o' (a name) is no 'cazzo': two letters are a count's business
    if not root.startswith(head) or not root.endswith(tail):
        return False
    if run[0] in ".\u2026":  # dots are one mark, however many: a few letters behind them
        return hidden <= _DOTS_HIDE and len(tail) >= _DOTS_TAIL
    return len(run) <= hidden + _RUN_SLACK and hidden <= 2 * len(run)


_TAIL_MASKS: Final = 3  # symbols that may hide a root's ending, its last letter too ('ch***')
_TAIL_WRITTEN: Final = 2  # letters written before them


def _masked_tail(head: str, rest: str) -> bool:
    """Whether ``head`` writes the root's first letters and hides all the rest with symbols.

    'ch***' for 'chier', 'sch***' for 'scheiß': two letters at least, then three symbols at
    least, one per letter to the root's end, and nothing after.
    """
    written = next((i for i, c in enumerate(head) if not c.isalpha()), len(head))
    tail = head[written:]
    return (
        not rest
        and written >= _TAIL_WRITTEN
        and len(tail) >= _TAIL_MASKS
        and all(c in SYMBOL_MASK for c in tail)
    )


# A word with a symbol of `SYMBOL_MASK` in it: the only words a strict reading can unmask, found
# without visiting every word of the text (the class before the symbol excludes it: linear)
_SYMBOL_MASKED_TOKEN: Final = regex.compile(
    r"(?<![\p{L}\p{N}*#@$!%_^~])\p{L}[\p{L}\p{N}!_]*[*#@$%^~][\p{L}\p{N}*#@$!%_^~]*"
    # ... or letters with two to four dots between them ('a...loch'), a run `_run_unmasks` reads
    r"|(?<![\p{L}\p{N}.\u2026])\p{L}+(?:\.{2,4}|\u2026)\p{L}+",
    regex.V1,
)


def masked_words(text: str, roots: Iterable[str], *, strict: bool = False) -> list[tuple[int, int]]:
    """Spans of ``text`` (lower-case) that are a root with letters masked ('c*nnard').

    A word whose letters are written as the digits that look like them ('m13rda') is
    `leet_words`'s.
    """
    found: list[tuple[int, int]] = []
    by_first = _by_first_letter(tuple(roots))
    for m in (_SYMBOL_MASKED_TOKEN if strict else MASKED_TOKEN).finditer(text):
        token = m[0].rstrip("!")
        if token.isalpha() or not any(c in MASK or c in ".\u2026" for c in token):
            continue
        # only the roots that open with the token's written first letter can be it
        if any(unmasks(token, root, strict=strict) for root in by_first.get(token[0], ())):
            found.append((m.start(), m.start() + len(token)))
    return found


def leet_words(text: str, roots: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` (lower-case) that are a root written with look-alike digits ('m13rda')."""
    by_first = _by_first_letter(tuple(roots))
    return [
        m.span()
        for m in LEET_TOKEN.finditer(text)
        if any(leet_unmasks(m[0], root) for root in by_first.get(m[0][0], ()))
    ]


# The digits written for the letters they look like ('m3rda', 'c0nnard', 'sh1t')
_LEET: Final = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t"}
LEET_DIGITS: Final = tuple(_LEET)
"""The digits a swear word may be written with for letters (`leet_unmasks`)."""
LEET_TOKEN: Final = regex.compile(
    r"(?<![\p{L}\p{N}*#@$!%_^~])\p{L}[\p{L}]*[013457][\p{L}013457]*(?![\p{L}\p{N}*#@$%^~])",
    regex.V1,
)
"""A word of letters with such digits inside or at its end, and no other character."""


def leet_unmasks(token: str, root: str) -> bool:
    """Whether ``token`` is ``root`` with letters written as look-alike digits ('m13rda').

    Each digit stands for the letter it looks like (`_LEET`), the first letter is written and
    so are at least half the letters; the root has four letters at least, and an ending of at
    most three letters follows only a root of five or more ('c0nneries').
    """
    if len(root) < _STRICT_ROOT or len(token) < len(root) or token[0] != root[0]:
        return False
    head, rest = token[: len(root)], token[len(root) :]
    if rest and (len(root) <= _STRICT_ROOT or len(rest) > _STRICT_SUFFIX or not rest.isalpha()):
        return False
    digits = 0
    for c, r in zip(head, root, strict=True):
        if c == r:
            continue
        if r not in _LEET.get(c, ""):
            return False
        digits += 1
    return 0 < digits <= len(root) // 2


# A word written letter by letter with a space between ('S c h e i ß', 'g i l i p o l l a s'): four
# letters at least, starting where no single letter and a space stand before it, so a long run is
# read once from its start (linear). A one-letter word beside it runs into it ('a l i a r')
SPACED_RUN: Final = regex.compile(
    r"(?<!(?<!\p{L})\p{L} )(?<!\p{L})\p{L}(?: \p{L}){3,}(?!\p{L})", regex.V1
)
"""A run of single letters with one space between each."""


def spaced_words(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` (lower-case) that are one of ``words`` written letter by letter.

    The run of letters may hold a one-letter word before or after the word ('you are a l i a r',
    'un i d i o t a y ...'): the word is read without it, and so is its span. A run that is
    another word is none ('T H A N K S').
    """
    found = []
    for m in SPACED_RUN.finditer(text):
        start = m.start()
        beside = _SPACED_AFTER.match(text, m.end()) or _SPACED_BEFORE.search(
            text, max(0, start - 7), start
        )
        if beside:
            continue  # one word of a spaced-out heading or print ('S T U P I D  C U P I D')
        letters = m[0][::2]
        before = (0, 1) if letters[0] in _WORD_BEFORE else (0,)
        after = (0, 1) if letters[-1] in _WORD_AFTER else (0,)
        for first, last in itertools.product(before, after):
            if letters[first : len(letters) - last] in words:
                found.append((start + 2 * first, m.end() - 2 * last))
                break
    return found


# another spaced-out word two to four spaces away, looked for in the seven characters before or
# the ones after a run (bounded: linear)
_SPACED_AFTER: Final = regex.compile(r" {2,4}\p{L} \p{L}", regex.V1)
_SPACED_BEFORE: Final = regex.compile(r"\p{L} \p{L} {2,4}\Z", regex.V1)
# the one-letter words that may stand before or after a spelled word: articles ('a', 'i'), 'and'
# and 'or' ('y', 'e', 'o', 'u'), 'is' ('è') and 'to' ('à'); not a last 'i' ('M O R O N I' is a
# name)
_WORD_BEFORE: Final = frozenset("ayeouièà")
_WORD_AFTER: Final = frozenset("yeouèa")


@functools.cache
def _by_first_letter(roots: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``roots`` filed by their first letter, once per set of roots."""
    out: dict[str, list[str]] = {}
    for root in roots:
        out.setdefault(root[0], []).append(root)
    return {letter: tuple(group) for letter, group in out.items()}
