"""Phrase matching: named vocabularies of phrases found in one pass over word tokens."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs
import regex

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["Hit", "Lexicon", "Sentence", "sentences", "tokens"]

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


@attrs.frozen
class Hit:
    """A phrase found in the text.

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

    def vocabs(self) -> frozenset[str]:
        """The vocabularies with at least one hit in the sentence."""
        return frozenset(h.vocab for h in self.hits)

    def first(self, vocab: str) -> Hit | None:
        """The first hit of ``vocab``, if any."""
        return next((h for h in self.hits if h.vocab == vocab), None)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens of ``text`` with their spans."""
    return [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text)]


_Pattern = tuple[str, ...]


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

    _exact: Mapping[str, tuple[tuple[_Pattern, tuple[str, ...]], ...]]
    _stems: Mapping[str, tuple[tuple[_Pattern, tuple[str, ...]], ...]]
    _numbered: tuple[tuple[_Pattern, tuple[str, ...]], ...]
    _stem_lengths: tuple[int, ...]
    names: frozenset[str]

    @classmethod
    def build(cls, vocabularies: Mapping[str, Iterable[str]]) -> Lexicon:
        """Compile ``{vocabulary: phrases}``.

        Raises:
            ValueError: A phrase is empty or has a stem shorter than three letters.
        """
        by_pattern: dict[_Pattern, set[str]] = defaultdict(set)
        for name, phrases in vocabularies.items():
            for phrase in phrases:
                words = tuple(_PHRASE_SEPARATORS.sub(" ", phrase.lower()).split())
                if not words or not all(_PHRASE_WORD.fullmatch(w) for w in words):
                    raise ValueError(f"vocabulary {name!r}: invalid phrase {phrase!r}")
                if words[0].endswith("*") and len(words[0]) - 1 < _MIN_STEM:
                    raise ValueError(f"vocabulary {name!r}: stem too short in {phrase!r}")
                by_pattern[words].add(name)
        exact: dict[str, list[tuple[_Pattern, tuple[str, ...]]]] = defaultdict(list)
        stems: dict[str, list[tuple[_Pattern, tuple[str, ...]]]] = defaultdict(list)
        numbered = []
        for words, names in by_pattern.items():
            entry = (words, tuple(sorted(names)))
            head = words[0]
            if head == "#":
                numbered.append(entry)
            elif head.endswith("*"):
                stems[head[:-1]].append(entry)
            else:
                exact[head].append(entry)
        return cls(
            {k: tuple(v) for k, v in exact.items()},
            {k: tuple(v) for k, v in stems.items()},
            tuple(numbered),
            tuple(sorted({len(k) for k in stems})),
            frozenset(vocabularies),
        )

    def _candidates(self, token: str) -> list[tuple[_Pattern, tuple[str, ...]]]:
        found = list(self._exact.get(token, ()))
        for length in self._stem_lengths:
            if length > len(token):
                break
            found.extend(self._stems.get(token[:length], ()))
        if self._numbered and (token.isdigit() or token in _NUMBER_WORDS):
            found.extend(self._numbered)
        return found

    def scan(self, text: str) -> list[Hit]:
        """Every phrase occurrence in ``text`` (already normalised and lower-cased).

        Runs in time linear in the number of tokens: phrases are a few words long.
        """
        toks = tokens(text)
        hits: list[Hit] = []
        for i, (tok, start, _) in enumerate(toks):
            for words, names in self._candidates(tok):
                last = i + len(words) - 1
                if last >= len(toks):
                    continue
                if all(_token_matches(w, toks[i + k][0]) for k, w in enumerate(words[1:], 1)):
                    hits.extend(Hit(name, start, toks[last][2], i) for name in names)
        return hits


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
