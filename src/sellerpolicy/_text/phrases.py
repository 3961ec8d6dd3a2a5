"""Phrase matching: named vocabularies of phrases found in one pass over word tokens."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

import attrs
import regex

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["Hit", "Lexicon", "Sentence", "phrase_problem", "sentences", "tokens"]

_TOKEN = regex.compile(r"[\w]+(?:['][\w]+)*", regex.V1)
_SENTENCE_END = regex.compile(r"[.!?]+(?=\s|$)|\n", regex.V1)
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eins",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "un",
        "une",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "uno",
        "dos",
        "tres",
        "cuatro",
        "cinco",
        "due",
        "tre",
        "quattro",
        "cinque",
    ]
)
_MIN_STEM = 3
_PHRASE_SEPARATORS = regex.compile(r"[-./]", regex.V1)
_PHRASE_WORD = regex.compile(r"#|[\w]+(?:'[\w]+)*\*?", regex.V1)


class Hit(NamedTuple):
    """A phrase found in the text (a named tuple: scans make many of them).

    Attributes:
        vocab: The vocabulary the phrase belongs to.
        start: Offset of the first character in the text that was scanned.
        end: Offset just past the last character.
        token: Index of the phrase's first token.
    """

    vocab: str
    start: int
    end: int
    token: int


@attrs.frozen
class Sentence:
    """A sentence of the scanned text: a character range and the hits inside it."""

    start: int
    end: int
    hits: tuple[Hit, ...]
    _vocabs: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        """Collect the sentence's vocabularies once; rules ask for them many times."""
        object.__setattr__(self, "_vocabs", frozenset(h.vocab for h in self.hits))

    def vocabs(self) -> frozenset[str]:
        """The vocabularies with at least one hit in the sentence."""
        return self._vocabs

    def first(self, vocab: str) -> Hit | None:
        """The first hit of ``vocab``, if any."""
        return next((h for h in self.hits if h.vocab == vocab), None)


def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(_PHRASE_SEPARATORS.sub(" ", phrase.lower()).split())


def phrase_problem(phrase: object) -> str:
    """Why ``phrase`` cannot be a phrase of a vocabulary, or ``""`` when it can."""
    if not isinstance(phrase, str):
        return f"a phrase must be a string, got {phrase!r}"
    words = _phrase_words(phrase)
    if not words or not all(_PHRASE_WORD.fullmatch(w) for w in words):
        return f"invalid phrase {phrase!r}: use words, a trailing '*' for a stem, '#' for a number"
    if words[0].endswith("*") and len(words[0]) - 1 < _MIN_STEM:
        return f"stem too short in {phrase!r}: at least {_MIN_STEM} letters before '*'"
    return ""


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens of ``text`` with their spans."""
    return [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text)]


_Pattern = tuple[str, ...]
_Entry = tuple[_Pattern, tuple[str, ...]]
# one-word phrases' vocabularies; longer phrases by their second word; phrases whose second word
# is a stem or a number
_Head = tuple[tuple[str, ...], "Mapping[str, tuple[_Entry, ...]]", tuple[_Entry, ...]]


def _token_matches(pattern: str, token: str) -> bool:
    if pattern == "#":
        return token.isdigit() or token in _NUMBER_WORDS
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


@attrs.frozen
class Lexicon:
    """Vocabularies compiled for one linear scan.

    Each phrase is lower-case words separated by spaces. A word ending in ``*`` matches any word
    starting with it (``review*`` matches "reviews", "reviewed"); ``#`` matches a number written
    as digits or as a word ("5", "five"). Words match across any punctuation or spacing, so
    ``5 star`` matches "5-star" and "5 star".
    """

    _exact: Mapping[str, _Head]
    _stems: Mapping[str, tuple[tuple[str, _Head], ...]]
    _numbered: _Head | None

    @classmethod
    def build(cls, vocabularies: Mapping[str, Iterable[str]]) -> Lexicon:
        """Compile ``{vocabulary: phrases}``.

        Raises:
            ValueError: A phrase is empty or has a stem shorter than three letters.
        """
        by_pattern: dict[_Pattern, set[str]] = defaultdict(set)
        for name, phrases in vocabularies.items():
            for phrase in phrases:
                problem = phrase_problem(phrase)
                if problem:
                    raise ValueError(f"vocabulary {name!r}: {problem}")
                by_pattern[_phrase_words(phrase)].add(name)
        exact: dict[str, list[_Entry]] = defaultdict(list)
        stems: dict[str, list[_Entry]] = defaultdict(list)
        numbered: list[_Entry] = []
        for words, names in by_pattern.items():
            entry = (words, tuple(sorted(names)))
            head = words[0]
            if head == "#":
                numbered.append(entry)
            elif head.endswith("*"):
                stems[head[:-1]].append(entry)
            else:
                exact[head].append(entry)
        # Stems are found through their first three letters: one dict lookup per word.
        by_prefix: dict[str, list[tuple[str, _Head]]] = defaultdict(list)
        for stem, entries in stems.items():
            by_prefix[stem[:_MIN_STEM]].append((stem, _head(entries)))
        return cls(
            {k: _head(v) for k, v in exact.items()},
            {k: tuple(v) for k, v in by_prefix.items()},
            _head(numbered) if numbered else None,
        )

    def scan(self, text: str) -> list[Hit]:  # noqa: C901 - the hot loop, written out on purpose
        """Every phrase occurrence in ``text`` (already normalised and lower-cased).

        Runs in time linear in the number of words: phrases are a few words long. Finding the
        words with ``findall`` and dictionary lookups is several times faster than matching a
        large named list with a regular expression; the loop is written out by hand because
        it runs for every word of every message.
        """
        words = _TOKEN.findall(text)
        exact, stems, numbered = self._exact, self._stems, self._numbered
        n = len(words)
        found: list[tuple[int, int, tuple[str, ...]]] = []  # (first word, last word, vocabularies)
        for i, w in enumerate(words):
            heads = []
            head = exact.get(w)
            if head is not None:
                heads.append(head)
            for stem, stem_head in stems.get(w[:_MIN_STEM], ()):
                if w.startswith(stem):
                    heads.append(stem_head)
            if numbered is not None and (w.isdigit() or w in _NUMBER_WORDS):
                heads.append(numbered)
            if not heads:
                continue
            following = words[i + 1] if i + 1 < n else None
            for singles, by_second, others in heads:
                if singles:
                    found.append((i, i, singles))
                pairs = by_second.get(following, ()) if following is not None else ()
                for phrase, names in (*pairs, *others) if others else pairs:
                    last = i + len(phrase) - 1
                    if last < n and all(
                        _token_matches(p, words[i + k]) for k, p in enumerate(phrase[1:], 1)
                    ):
                        found.append((i, last, names))
        if not found:
            return []
        # Words are maximal runs of word characters, so each is the first occurrence of itself
        # after the end of the previous one.
        offsets = []
        pos = 0
        for w in words:
            pos = text.find(w, pos)
            offsets.append(pos)
            pos += len(w)
        return [
            Hit(name, offsets[i], offsets[last] + len(words[last]), i)
            for i, last, names in found
            for name in names
        ]


def _head(entries: Iterable[_Entry]) -> _Head:
    """Group the phrases sharing a first word: one-word phrases, and the rest by second word."""
    singles: list[str] = []
    by_second: dict[str, list[_Entry]] = defaultdict(list)
    others: list[_Entry] = []
    for phrase, names in entries:
        if len(phrase) == 1:
            singles.extend(names)
        elif phrase[1] == "#" or phrase[1].endswith("*"):
            others.append((phrase, names))
        else:
            by_second[phrase[1]].append((phrase, names))
    return tuple(sorted(set(singles))), {k: tuple(v) for k, v in by_second.items()}, tuple(others)


def sentences(text: str, hits: Iterable[Hit]) -> list[Sentence]:
    """Split ``text`` into sentences (at ``.``/``!``/``?`` before a space, and line breaks)."""
    bounds = [0]
    bounds.extend(m.end() for m in _SENTENCE_END.finditer(text))
    if bounds[-1] != len(text):
        bounds.append(len(text))
    ordered = sorted(hits, key=lambda h: h.start)
    out = []
    j = 0
    for start, end in itertools.pairwise(bounds):
        inside = []
        while j < len(ordered) and ordered[j].start < end:
            if ordered[j].start >= start:
                inside.append(ordered[j])
            j += 1
        if inside or text[start:end].strip():
            out.append(Sentence(start, end, tuple(inside)))
    return out
