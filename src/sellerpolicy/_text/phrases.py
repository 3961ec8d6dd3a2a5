"""Phrase matching: named vocabularies of phrases found in one pass over word tokens."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re  # noqa: TID251 - the sentence end runs faster in the stdlib engine (see `_SENTENCE_END`)
import sys
from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick_rs
import attrs
import regex

from sellerpolicy._text._columns import FIRST

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["Hit", "Lexicon", "Scan", "Sentence", "phrase_problem", "sentences", "tokens", "words"]

_TOKEN = regex.compile(r"[\w]+(?:['][\w]+)*", regex.V1)
# A run of '.', '!' or '?' before a space or the end, or a line break: `[.!?]+(?=\s|$)|\n`,
# written to start with one class, which lets the stdlib engine skip to each candidate in C (40%
# faster than the `regex` engine's pass). The engines' `\s` differ only in U+001C to U+001F, which
# normalised text never holds (they are control characters, removed).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*(?![^\s]))")
_MATCH_END = re.Match.end
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


_new_hit = tuple.__new__
_START = operator.attrgetter("start")
_VOCAB = operator.attrgetter("vocab")


_NO_VOCABS: frozenset[str] = frozenset()


class Sentence(NamedTuple):
    """A sentence of the scanned text: a character range and the hits inside it.

    A named tuple, like `Hit`: `sentences` makes one per sentence of every message that a rule
    reads by sentence, and a tuple is made several times faster than an attrs instance.

    Attributes:
        start: Offset of the sentence's first character.
        end: Offset just past its last character.
        hits: The hits that start inside it, in order.
        vocab_set: The vocabularies of ``hits`` (see `vocabs`).
    """

    start: int
    end: int
    hits: tuple[Hit, ...]
    vocab_set: frozenset[str]

    @classmethod
    def of(cls, start: int, end: int, hits: tuple[Hit, ...]) -> Sentence:
        """The sentence ``start:end`` with ``hits``, its vocabularies collected once."""
        # most sentences of a long text have no hit: they share one empty set, so that a
        # megabyte of short 'sentences' (' . ' repeated) allocates half as much
        vocabs = frozenset(map(_VOCAB, hits)) if hits else _NO_VOCABS
        return _new_sentence(cls, (start, end, hits, vocabs))

    def vocabs(self) -> frozenset[str]:
        """The vocabularies with at least one hit in the sentence."""
        return self.vocab_set

    def first(self, vocab: str) -> Hit | None:
        """The first hit of ``vocab``, if any."""
        return next((h for h in self.hits if h.vocab == vocab), None)


_new_sentence = tuple.__new__


def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(_ELISION.sub(" ", _PHRASE_SEPARATORS.sub(" ", phrase.lower())).split())


# The apostrophe of a French or Italian elision: "l'avis" is read as the words "l" and "avis",
# in the text and in the phrases alike, so "votre avis" and "l'avis" both hold "avis". English
# contractions ("don't", "we'll", "it's") keep theirs: no elided word stands before them.
_ELISION = regex.compile(
    r"(?<=(?<![\w'])(?:l|d|j|n|s|c|m|t|qu|un|dell|all|dall|nell|sull|quell|quest|nessun))'(?=\w)",
    regex.V1 | regex.IGNORECASE,
)


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


_WORD_CHAR = regex.compile(r"[\w]", regex.V1)  # the characters `_TOKEN` makes words of
_NOT_WORD_CHAR = regex.compile(r"[^\w']", regex.V1)
_LATIN1_TOKEN_CHARS = bytes(
    code if chr(code) == "'" or _WORD_CHAR.fullmatch(chr(code)) else ord(" ") for code in range(256)
)
"""For text encoded as Latin-1: word characters and apostrophes stay, others become spaces."""
_SPACED_SAMPLE = 4096
_TABLE_LIMIT = 20_000


class _SpacedTable(dict[int, str]):
    """A `str.translate` table of `_NOT_WORD_CHAR`'s substitution, filled as characters turn up."""

    __slots__ = ()

    def __missing__(self, code: int) -> str:
        if len(self) >= _TABLE_LIMIT:
            self.clear()  # bounded memory, whatever characters callers send
        char = chr(code)
        value = self[code] = " " if _NOT_WORD_CHAR.match(char) else char
        return value


_SPACED_TABLE = _SpacedTable()


# An apostrophe joins two words only between word characters ("don't"); any other is a space.
_LONE_APOSTROPHE = regex.compile(r"(?<![^ '])'|'(?![^ '])", regex.V1)


@functools.cache
def _digits() -> tuple[str, ...]:
    """Digits that can start a word: a word of them is a number for '#' (str.isdigit).

    Only a phrase of numbers alone needs them, so they are listed on first use.
    """
    return tuple(
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if char.isdigit() and _WORD_CHAR.fullmatch(char)
    )


def _spaced(text: str) -> str:
    """``text`` with every character outside a word made a space (so offsets carry over).

    ``_spaced(text).split()`` are the words ``_TOKEN.findall(text)`` finds; `str.translate`
    and `str.split` run in C several times faster than the regular expression.
    """
    try:
        # most text is Latin-1 (English, German, French, Spanish, Italian): bytes.translate
        spaced = text.encode("latin-1").translate(_LATIN1_TOKEN_CHARS).decode("latin-1")
    except UnicodeEncodeError:  # other scripts: a substitution, faster than str.translate
        sample = text[:_SPACED_SAMPLE]
        if len(_NOT_WORD_CHAR.findall(sample)) * 2 > len(sample):
            # mostly characters outside words (emoji): a substitution per character costs more
            spaced = text.translate(_SPACED_TABLE)
        else:
            spaced = _NOT_WORD_CHAR.sub(" ", text)
    if "'" in spaced:
        spaced = _ELISION.sub(" ", _LONE_APOSTROPHE.sub(" ", spaced))
    return spaced


def _starts(pieces: list[str]) -> list[int]:
    """Where each word starts, from ``_spaced(text).split(" ")``, computed in C.

    The pieces are the words and an empty piece for each further space of a run: piece k
    starts after the pieces before it and one space after each of them.
    """
    before = itertools.accumulate(map(len, pieces), initial=0)
    return list(
        map(
            operator.add,
            itertools.compress(before, pieces),
            itertools.compress(itertools.count(), pieces),
        )
    )


def words(text: str) -> list[str]:
    """The words of `tokens`, without their spans (the model's features need no more).

    No character a word holds is whitespace to `str.split`, so it splits as `tokens` does.
    """
    return _spaced(text).split()


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens of ``text`` with their spans."""
    pieces = _spaced(text).split(" ")
    words = list(filter(None, pieces))
    if not words:
        return []
    starts = _starts(pieces)
    return list(zip(words, starts, map(operator.add, starts, map(len, words)), strict=True))


def _token_matches(pattern: str, token: str) -> bool:
    if pattern == "#":
        return token.isdigit() or token in _NUMBER_WORDS
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


class _Entry(NamedTuple):
    """A phrase filed under the automaton key that finds it."""

    rank: int
    """Where its hits come among the hits that start at the same word (see `_ranks`)."""
    names: tuple[str, ...]
    """Its vocabularies, sorted."""
    offset: int
    """How many of its words come before the key's first word."""
    size: int
    """How many words it has."""
    checks: tuple[tuple[int, str], ...]
    """Its words the key does not cover, by position: checked word by word."""
    digits: bool = False
    """The key only says that the word starts with a digit: check that it is a number."""


_WITHIN = 1 << 32  # ranks of the phrases under one first word
_OTHERS = 1 << 31  # past the phrases under their second word
_NUMBER_HEAD = 1 << 24  # past every stem


def _ranks(phrases: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
    """The order of hits that start at the same word, as the scan before the automaton gave it.

    First the phrases under the word itself, then those under each stem it starts with (in
    the order the stems were first seen), then those starting with a number. Under each, the
    one-word phrase, then the longer phrases in order, those whose second word is a stem or a
    number last. Rules take the first hit of a vocabulary in a sentence, so the order decides
    which span a finding reports.
    """
    under: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in phrases:
        under[words[0]].append(words)
    stems_seen: dict[str, int] = defaultdict(int)
    ranks: dict[tuple[str, ...], int] = {}
    for head, group in under.items():
        if head == "#":
            head_rank = _NUMBER_HEAD
        elif head.endswith("*"):
            stems_seen[head[:_MIN_STEM]] += 1
            head_rank = stems_seen[head[:_MIN_STEM]]
        else:
            head_rank = 0
        seconds: dict[str, int] = defaultdict(int)
        others = 0
        for words in group:
            if len(words) == 1:
                within = 0
            elif words[1] == "#" or words[1].endswith("*"):
                others += 1
                within = _OTHERS + others
            else:
                seconds[words[1]] += 1
                within = seconds[words[1]]
            ranks[words] = head_rank * _WITHIN + within
    return ranks


def _anchor(words: tuple[str, ...]) -> tuple[str, int, int]:
    """The automaton key of a phrase, the position of its first word, and the words it covers.

    The automaton reads the text's words joined by single spaces, with a space before the
    first and after the last. A key is a run of the phrase's plain words, which may end with a
    stem (without the ``*`` and the space after it); the longest run is the key, so that it
    matches seldom where the phrase does not. A phrase of numbers only has no key (``""``).
    """
    best = ("", 0, 0)
    start = 0
    while start < len(words):
        end = start
        while end < len(words) and words[end] != "#" and not words[end].endswith("*"):
            end += 1
        if end < len(words) and words[end].endswith("*"):
            key = " " + " ".join((*words[start:end], words[end][:-1]))
            end += 1
        elif end > start:
            key = " " + "".join(w + " " for w in words[start:end])
        else:
            key = ""
        if len(key) > len(best[0]):
            best = (key, start, end)
        start = max(end, start + 1)
    return best


@attrs.frozen
class Lexicon:
    """Vocabularies compiled into one Aho-Corasick automaton, for one linear scan.

    Each phrase is lower-case words separated by spaces. A word ending in ``*`` matches any word
    starting with it (``review*`` matches "reviews", "reviewed"); ``#`` matches a number written
    as digits or as a word ("5", "five"). Words match across any punctuation or spacing, so
    ``5 star`` matches "5-star" and "5 star".
    """

    _keys: tuple[str, ...]
    _entries: tuple[tuple[_Entry, ...], ...]
    """The phrases of each key of the automaton, by the key's index."""
    _aliases: tuple[tuple[str, str], ...] = ()
    """Shorthand read as the word it stands for ("u" as "you", "pls" as "please")."""
    _particles: frozenset[str] = frozenset()
    """Words a phrase may have inside it in a text and still match ("geben Sie uns *doch* die
    Chance" matches "uns die chance"): particles and fillers that change no request."""
    _automaton: ahocorasick_rs.AhoCorasick | None = attrs.field(
        init=False, repr=False, eq=False, default=None
    )
    _alias: dict[str, str] = attrs.field(init=False, repr=False, eq=False, factory=dict)
    _plain: tuple[tuple[int, int, int, tuple[str, ...]] | None, ...] = attrs.field(
        init=False, repr=False, eq=False, default=()
    )
    """Of each key whose one phrase needs no word checked (most keys): the phrase's offset,
    its words after the first, its rank and its names; ``None`` for the other keys and for
    the shorthand words."""
    _checked: tuple[tuple[_Entry, ...], ...] = attrs.field(
        init=False, repr=False, eq=False, default=()
    )
    """The phrases of each key, as `_entries`, and none of each shorthand word."""

    def __attrs_post_init__(self) -> None:
        """Compile the keys into the automaton (also after unpickling).

        After the keys, the automaton looks for each shorthand word between spaces: the scan
        reads a text's shorthand as its word only when one is there, which most texts lack.
        """
        shorthand = tuple(f" {word} " for word, _ in self._aliases) if self._keys else ()
        keys = self._keys + shorthand
        automaton = ahocorasick_rs.AhoCorasick(keys) if keys else None
        object.__setattr__(self, "_automaton", automaton)
        object.__setattr__(self, "_alias", dict(self._aliases))
        plain = tuple(
            (only.offset, only.size - 1, only.rank, only.names)
            if len(entries) == 1 and not (only := entries[0]).checks and not only.digits
            else None
            for entries in self._entries
        )
        object.__setattr__(self, "_plain", plain + (None,) * len(shorthand))
        object.__setattr__(self, "_checked", self._entries + ((),) * len(shorthand))

    def __reduce__(
        self,
    ) -> tuple[
        type[Lexicon],
        tuple[
            tuple[str, ...],
            tuple[tuple[_Entry, ...], ...],
            tuple[tuple[str, str], ...],
            frozenset[str],
        ],
    ]:
        """Pickle the keys, phrases, aliases and particles; the automaton is compiled again."""
        return (type(self), (self._keys, self._entries, self._aliases, self._particles))

    @classmethod
    def build(
        cls,
        vocabularies: Mapping[str, Iterable[str]],
        aliases: Mapping[str, str] | None = None,
        particles: Iterable[str] = (),
    ) -> Lexicon:
        """Compile ``{vocabulary: phrases}``, reading each of ``aliases`` as its word.

        An alias is one word read as one other ("u": "you"), so offsets stay those of the text.
        A word of ``particles`` inside a phrase's run of words in a text is passed over ("uns
        doch die Chance" is "uns die chance"); the hit spans it.

        Raises:
            ValueError: A phrase is empty or has a stem shorter than three letters, or a
                particle is not one lower-case word.
        """
        names_of: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for name, phrases in vocabularies.items():
            for phrase in phrases:
                problem = phrase_problem(phrase)
                if problem:
                    raise ValueError(f"vocabulary {name!r}: {problem}")
                words = _phrase_words(phrase)
                if aliases:  # a phrase written in shorthand ('leave u alone') reads as the text
                    words = tuple(aliases.get(w, w) for w in words)
                names_of[words].add(name)
        ranks = _ranks(names_of)
        by_key: dict[str, list[_Entry]] = defaultdict(list)
        numbers: list[_Entry] = []
        for words, names in names_of.items():
            key, first, end = _anchor(words)
            checks = tuple((k, w) for k, w in enumerate(words) if not first <= k < end)
            if key:
                by_key[key].append(
                    _Entry(ranks[words], tuple(sorted(names)), first, len(words), checks)
                )
            else:  # numbers only: found from the first, checked from the second
                numbers.append(
                    _Entry(ranks[words], tuple(sorted(names)), 0, len(words), checks[1:])
                )
        if numbers:
            for word in sorted(_NUMBER_WORDS):
                by_key[f" {word} "].extend(numbers)
            starting_with_digit = [entry._replace(digits=True) for entry in numbers]
            for digit in _digits():
                by_key[" " + digit].extend(starting_with_digit)
        keys = tuple(by_key)
        skipped = _particle_words(particles)
        return cls(
            keys,
            tuple(tuple(by_key[k]) for k in keys),
            tuple(sorted((aliases or {}).items())),
            # shorthand for a particle is one too ('pls' for 'please')
            skipped | {w for w, meant in (aliases or {}).items() if meant in skipped},
        )

    def scan(self, text: str) -> list[Hit]:
        """Every phrase occurrence in ``text`` (already normalised and lower-cased).

        One pass of the automaton over the text's words joined by single spaces finds each
        phrase, or a run of its words whose other words (numbers, words after a stem) are then
        checked one by one: time is linear in the length of the text. Hits come in the order of
        their first word, and in a fixed order of phrases for the same first word (`_ranks`).
        """
        return self.scan_words(text)[0]

    def scan_words(self, text: str) -> tuple[list[Hit], list[str]]:
        """`scan` ``text``, and its `words`: the text is split into words once for both."""
        scan = self.read(text)
        return scan.hits, scan.words

    def read(self, text: str) -> Scan:
        """`scan_words` of ``text`` as a `Scan`, whose hits are made only when read.

        Most messages give most rules nothing to read but the vocabularies they use: the
        hits, put in order and mapped to the text, are then never needed.
        """
        pieces = _spaced(text).split(" ")
        words = list(filter(None, pieces))
        return Scan(pieces, words, self._found(words))

    def _found(self, original: list[str]) -> list[_Found]:
        """The phrases of `scan` in the words ``original``, in no particular order.

        Then, where the text has particles, the phrases of its words without them whose run
        had one inside: "geben Sie uns doch die Chance" holds "uns die chance" at "uns doch die
        Chance". A phrase the words hold as they are is found once.
        """
        if self._automaton is None or not original:
            return []
        found = self._matched(original)
        particles = self._particles
        if particles.isdisjoint(original):  # most texts
            return found
        kept = [i for i, word in enumerate(original) if word not in particles]
        if len(kept) < _PAIR:
            return found
        seen = {(first, last, names) for first, _, last, names in found}
        for first, rank, last, names in self._matched([original[i] for i in kept]):
            start, end = kept[first], kept[last]
            # a particle inside (not a run of the text itself), and not a hit already made
            if end - start != last - first and (start, end, names) not in seen:
                found.append((start, rank, end, names))
        return found

    def _matched(self, original: list[str]) -> list[_Found]:
        """The phrases in the words ``original`` (not empty), run for run as they stand."""
        if self._automaton is None:
            return []
        words = original
        matches = self._automaton.find_matches_as_indexes(
            " " + " ".join(words) + " ", overlapping=True
        )
        if not matches:
            return []
        if self._alias and max(map(FIRST, matches)) >= len(self._keys):
            # shorthand read as its word ("u" as "you"); the hits keep the text's own words'
            # spans. Most texts have none: the automaton, which looks for it too, says so.
            words = list(map(self._alias.get, original, original))
            matches = self._automaton.find_matches_as_indexes(
                " " + " ".join(words) + " ", overlapping=True
            )
        # A key matches from the space before a word: word k has the k words before it, and a
        # space before each, in front of that space.
        spaces = list(
            itertools.accumulate(map(operator.add, map(len, words), itertools.repeat(1)), initial=0)
        )
        n = len(words)
        entries, plain = self._checked, self._plain
        found: list[_Found] = []
        for key, start, _ in matches:
            at = bisect.bisect_left(spaces, start)
            if (one := plain[key]) is not None:  # most keys: nothing to check
                offset, more, rank, names = one
                found.append((at - offset, rank, at - offset + more, names))
                continue
            for rank, names, offset, size, checks, digits in entries[key]:
                first = at - offset
                last = first + size - 1
                if checks and (
                    first < 0
                    or last >= n
                    or not all(_token_matches(w, words[first + k]) for k, w in checks)
                ):
                    continue
                if digits and not words[first].isdigit():
                    continue
                found.append((first, rank, last, names))
        return found


def _particle_words(particles: Iterable[str]) -> frozenset[str]:
    """``particles`` as a set, each checked to be one lower-case word as the text splits words.

    Raises:
        ValueError: A particle the text's words can never be ("d'abord", "Doch", "two words").
    """
    skipped = frozenset(particles)
    for particle in skipped:
        if particle != particle.lower() or _spaced(particle).split() != [particle]:
            msg = f"particle {particle!r}: one lower-case word as the text splits words"
            raise ValueError(msg)
    return skipped


_PAIR = 2  # the fewest words a phrase with a particle inside has around it
_Found = tuple[int, int, int, tuple[str, ...]]
"""A phrase found in a text's words: its first word, its rank, its last word, its names."""
_NAMES = operator.itemgetter(3)


class Scan:
    """`Lexicon.scan_words` of one text: its words and vocabularies, its hits on first read.

    Attributes:
        words: The text's `words`.
        vocabs: The vocabularies with a hit.
    """

    __slots__ = ("_found", "_hits", "_pieces", "vocabs", "words")

    def __init__(self, pieces: list[str], words: list[str], found: list[_Found]) -> None:
        """Keep what the hits are made from: the text split at its spaces, its words, the finds."""
        self.words = words
        self.vocabs: frozenset[str] = (
            frozenset(itertools.chain.from_iterable(map(_NAMES, found))) if found else _NO_VOCABS
        )
        self._pieces = pieces
        self._found = found
        self._hits: list[Hit] | None = None

    @property
    def hits(self) -> list[Hit]:
        """The hits, as `Lexicon.scan` gives them: made once, when first read."""
        hits = self._hits
        if hits is None:
            hits = self._hits = self._made()
        return hits

    def _made(self) -> list[Hit]:
        found, original = self._found, self.words
        if not found:
            return []
        found.sort()
        starts = _starts(self._pieces)
        # tuple.__new__ builds each hit in C, without the Python frame of Hit.__new__
        return [
            _new_hit(Hit, (name, starts[first], starts[last] + len(original[last]), first))
            for first, _, last, names in found
            for name in names
        ]


# A German date writes the day as an ordinal, "bis zum 31. Mai": the dot ends no sentence there.
_MONTH_AFTER = re.compile(
    r"[ \t]{1,3}(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober"
    r"|november|dezember|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez)\b"
)
_DAY_DIGITS = 2  # a day of the month has one or two digits


def _day_of_month(text: str, end: int) -> bool:
    """Whether the sentence end just before ``end`` is the dot of a day ("31. Mai")."""
    if end < 2 or text[end - 1] != "." or not text[end - 2].isdigit():  # noqa: PLR2004
        return False
    start = end - 2
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    if end - 1 - start > _DAY_DIGITS or (start > 0 and text[start - 1] in ".,"):
        return False  # a longer number, or one after a dot or comma ("1.5. mai" is no day)
    return _MONTH_AFTER.match(text, end) is not None


# Abbreviations whose dot ends no sentence ('i.e. the', 'Mr. Smith', 'ca. 3 Tage'). 'etc.',
# 'usw.' and 'ecc.' close sentences as often as not and stay breaks.
_ABBREVIATIONS = frozenset(
    {
        "i.e", "e.g", "z.b", "d.h", "u.a", "p.ex", "mr", "mrs", "ms", "dr", "st", "vs", "ca",
        "bzw", "inkl", "ggf", "evtl", "co", "sr", "sra", "sig", "dott", "mme", "mlle",
    }
)  # fmt: skip
# before a number only ('Bestell-Nr. 302-…', 'ordine n. 402-…', 'order no. 7'; 'No. We can't')
_NUMBER_ABBREVIATIONS = frozenset({"no", "n", "nr", "art"})
_ABBREVIATION_SIZE = 4  # the longest abbreviation's characters, its inner dots included
_SPLIT_LETTER = re.compile(r"(?:(?<=\b\w\. )\w\.(?=\s|$))|(?:\w\.(?= \w\.(?:\s|$)))")


def _abbreviation(text: str, end: int) -> bool:
    """Whether the sentence end just before ``end`` is the dot of an abbreviation ("i.e.").

    Also each letter of one written with spaces ('z. B.', 'd. h.', 'i. e.').
    """
    start = end - 1
    while (
        start > 0
        and end - start <= _ABBREVIATION_SIZE + 1
        and (text[start - 1].isalpha() or text[start - 1] == ".")
    ):
        start -= 1
    if start == end - 1 or (start > 0 and text[start - 1].isalnum()):
        return False  # no word, or one longer than any abbreviation
    word = text[start : end - 1]
    if word in _ABBREVIATIONS:
        return True
    if word in _NUMBER_ABBREVIATIONS:
        return text[end : end + 2].lstrip(" ")[:1].isdigit()
    return len(word) == 1 and _SPLIT_LETTER.match(text, start) is not None


def sentences(text: str, hits: Iterable[Hit]) -> list[Sentence]:
    """Split ``text`` into sentences (at ``.``/``!``/``?`` before a space, and line breaks).

    ``text`` is normalised text (see `_SENTENCE_END`).
    """
    bounds = [0]
    bounds.extend(map(_MATCH_END, _SENTENCE_END.finditer(text)))
    if "." in text:
        bounds = [b for b in bounds if not _day_of_month(text, b) and not _abbreviation(text, b)]
    if bounds[-1] != len(text):
        bounds.append(len(text))
    ordered = sorted(hits, key=_START)  # scans give hits in order: sorting them is one pass
    starts = list(map(_START, ordered))
    out = []
    of = Sentence.of
    j = 0
    for start, end in itertools.pairwise(bounds):
        k = bisect.bisect_left(starts, end, j)  # the hits from j to k start in this sentence
        if k > j or text[start:end].strip():
            out.append(of(start, end, tuple(ordered[j:k])))
        j = k
    return out
