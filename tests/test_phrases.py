"""The phrase scan: one Aho-Corasick automaton, checked against a word-by-word reference."""

from __future__ import annotations

import itertools
import pickle
from collections import defaultdict
from typing import TYPE_CHECKING

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from sellerpolicy._rules import data
from sellerpolicy._rules.data import vocabularies
from sellerpolicy._text import phrases
from sellerpolicy._text.normalize import normalize
from sellerpolicy._text.phrases import Hit, Lexicon, sentences, tokens

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

# A word, its inner apostrophes kept ("don't"), except the one after a French or Italian elided
# word, which ends that word ("l'avis" is "l" and "avis")
TOKEN = regex.compile(
    r"(?<![\w'])(?:l|d|j|n|s|c|m|t|qu|un|dell|all|dall|nell|sull|quell|quest|nessun)(?='\w)"
    r"|[\w]+(?:(?<!(?<![\w'])(?:l|d|j|n|s|c|m|t|qu|un|dell|all|dall|nell|sull|quell|quest|nessun))'[\w]+)*",
    regex.V1 | regex.IGNORECASE,
)


def reference_tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m[0], m.start(), m.end()) for m in TOKEN.finditer(text)]


def reference_scan(vocabs: Mapping[str, Iterable[str]], text: str) -> list[Hit]:
    """The scan as it was before the automaton: word by word, every phrase tried at each word.

    Hits come by first word; for the same first word, the phrases under the word itself, then
    under each stem it starts with (stems in the order first seen), then under a number; under
    each, the one-word phrase, then the rest in order, those whose second word is a stem or a
    number last.
    """
    names_of: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for name, items in vocabs.items():
        for phrase in items:
            names_of[phrases._phrase_words(phrase)].add(name)
    heads: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in names_of:
        heads[words[0]].append(words)
    words_found = reference_tokens(text)
    words = [w for w, _, _ in words_found]
    hits: list[Hit] = []
    for i, word in enumerate(words):
        matching = [h for h in heads if h != "#" and not h.endswith("*") and h == word]
        matching += [h for h in heads if h.endswith("*") and word.startswith(h[:-1])]
        if word.isdigit() or word in phrases._NUMBER_WORDS:
            matching += [h for h in heads if h == "#"]
        for head in matching:
            group = heads[head]
            ordered = (
                [p for p in group if len(p) == 1]
                + [p for p in group if len(p) > 1 and p[1] != "#" and not p[1].endswith("*")]
                + [p for p in group if len(p) > 1 and (p[1] == "#" or p[1].endswith("*"))]
            )
            for phrase in ordered:
                last = i + len(phrase) - 1
                if last < len(words) and all(
                    phrases._token_matches(p, words[i + k]) for k, p in enumerate(phrase)
                ):
                    hits.extend(
                        Hit(name, words_found[i][1], words_found[last][2], i)
                        for name in sorted(names_of[phrase])
                    )
    return hits


VOCABS = {
    "review": ["review*", "leave a review", "review* request", "5 star review"],
    "stars": ["# stars", "# star*", "your # star review", "five star*", "one"],
    "apostrophes": ["don't", "we'll cancel", "it's"],
    "numbers only": ["#", "# #"],
    "overlap": ["a b", "a b c", "b c", "abc*", "abcd*", "b"],
    "hyphen": ["e-mail", "5-star"],
}

WORDS = [
    "review", "reviews", "reviewed", "leave", "a", "request", "5", "five", "one", "star",
    "stars", "starry", "your", "don't", "we'll", "cancel", "it's", "b", "c", "abc", "abcd",
    "abcde", "e", "mail", "٣", "12", "x", "deux",
]  # fmt: skip
SEPARATORS = [" ", "  ", "-", ". ", "'", "''", "\n", " ' ", "’", "_", "é", "...", "'s", "\t"]

texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts)
)


class TestAgainstTheReference:
    @given(texts)
    @settings(max_examples=400)
    def test_same_hits_in_the_same_order(self, text: str) -> None:
        assert Lexicon.build(VOCABS).scan(text) == reference_scan(VOCABS, text)

    def test_dense_text(self) -> None:
        """A long text dense with phrases, read column by column, gives the reference's hits."""
        text = "five stars, 5-star review! leave us a review * " * 40

        assert reference_scan(VOCABS, text) == Lexicon.build(VOCABS).scan(text)

    @given(st.text(max_size=80))
    def test_tokens_like_the_regular_expression(self, text: str) -> None:
        assert tokens(text) == reference_tokens(text)

    @given(texts)
    def test_tokens_of_word_shaped_text(self, text: str) -> None:
        assert tokens(text) == reference_tokens(text)

    @given(st.text(max_size=80) | texts)
    def test_words_are_the_words_of_the_tokens(self, text: str) -> None:
        """`words` splits as `tokens` does, whatever whitespace and punctuation stand between."""
        assert phrases.words(text) == [w for w, _, _ in reference_tokens(text)]

    @given(st.text(max_size=80) | texts)
    def test_scan_words_is_scan_and_words(self, text: str) -> None:
        """Splitting the text once for the scan and its words gives both as apart."""
        lexicon = Lexicon.build(VOCABS)

        expected = (reference_scan(VOCABS, text), [w for w, _, _ in reference_tokens(text)])

        assert expected == lexicon.scan_words(text)

    @pytest.mark.parametrize(
        "text", ["a\x1cb\u2028c\x85d\xa0e\u3000f", "don't 'x' ''y'' \u0663\u0664 z\u0301"]
    )
    def test_words_apart_at_every_kind_of_space(self, text: str) -> None:
        """Separators `str.split` reads as whitespace part words as the token pattern does."""
        assert phrases.words(text) == [w for w, _, _ in reference_tokens(text)]

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "   ",
            "Leave a review!",
            "leave a review request, 5 stars, five-star, your 5 star review",
            "'quoted' words''here 'a'b'c' don't we'll it's",
            "٣ stars and 12 stars and deux stars",
            "abcde abcd abc a b c",
            "e-mail e mail 5-star",
            "ünïcödé wörds ελληνικά русский 中文 review",
        ],
    )
    def test_examples(self, text: str) -> None:
        assert Lexicon.build(VOCABS).scan(text) == reference_scan(VOCABS, text)

    def test_shipped_vocabularies_on_their_own_phrases(self) -> None:
        """Every shipped phrase, written out, is found as the reference finds it."""
        vocabs = vocabularies()
        lexicon = Lexicon.build(vocabs)
        for name, items in vocabs.items():
            text = ". ".join(p.replace("*", "s").replace("#", "5") for p in items)
            assert lexicon.scan(text) == reference_scan(vocabs, text), name

    def test_sentence_vocabularies_are_those_of_its_hits(self) -> None:
        """A sentence knows the vocabularies of its hits; one without hits has none."""
        text = "leave a review. hello there. five stars!"
        found = sentences(text, Lexicon.build(VOCABS).scan(text))

        vocabs = [(s.vocabs(), s.first("stars")) for s in found]

        assert vocabs == [
            ({"review"}, None),
            (frozenset(), None),
            ({"numbers only", "stars"}, Hit("stars", 29, 39, 5)),
        ]

    def test_sentences_take_the_hits_in_their_range(self) -> None:
        text = "Leave a review. Five stars!\nyour 5 star review"
        hits = Lexicon.build(VOCABS).scan(text)
        found = sentences(text, hits)
        assert [(s.start, s.end) for s in found] == [(0, 15), (15, 27), (28, 46)]
        for sentence in found:
            assert all(sentence.start <= h.start < sentence.end for h in sentence.hits)
        assert list(itertools.chain.from_iterable(s.hits for s in found)) == sorted(
            hits, key=lambda h: h.start
        )


class TestDaysOfTheMonth:
    """A German date writes the day as an ordinal: its dot ends no sentence."""

    @pytest.mark.parametrize(
        "text",
        [
            "alle, die bis zum 31. mai eine rezension schreiben, nehmen teil.",
            "wir liefern am 3. oktober zwischen 8 und 12 uhr.",
            "lieferung am 1.  dez per dhl.",
        ],
    )
    def test_one_sentence(self, text: str) -> None:
        assert [(s.start, s.end) for s in sentences(text, [])] == [(0, len(text))]

    @pytest.mark.parametrize(
        ("text", "first"),
        [
            ("wir liefern am 3. danke!", "wir liefern am 3."),  # no month after it
            ("version 2.1. mai ist gut", "version 2.1."),  # a number after a dot
            ("we have 123. may we help?", "we have 123."),  # three digits: no day
        ],
    )
    def test_other_dots_end_sentences(self, text: str, first: str) -> None:
        found = sentences(text, [])

        assert text[found[0].start : found[0].end] == first


class TestAbbreviations:
    """The dot of an abbreviation ends no sentence; 'etc.' and a plain 'No.' still do."""

    @pytest.mark.parametrize(
        "text",
        [
            "a refund, i.e. the full price, is on its way.",
            "z. b. die lampe oder d. h. der schirm passen.",
            "ihre bestell-nr. 302-1234567-1234567 ist da.",
            "il suo ordine n. 402-1234567-1234567 è partito.",
            "mr. smith of smith & co. packed it.",
            "lieferung in ca. 3 tagen, inkl. versand.",
        ],
    )
    def test_one_sentence(self, text: str) -> None:
        assert [(s.start, s.end) for s in sentences(text, [])] == [(0, len(text))]

    @pytest.mark.parametrize(
        ("text", "first"),
        [
            ("no. we cannot do that.", "no."),  # 'no' before a word: the answer
            ("we sell lamps, rugs etc. please write.", "we sell lamps, rugs etc."),
            ("we had a plan b. then it rained.", "we had a plan b."),  # one letter alone
            ("take the photo. send it.", "take the photo."),  # a word longer than any
        ],
    )
    def test_other_dots_end_sentences(self, text: str, first: str) -> None:
        found = sentences(text, [])

        assert text[found[0].start : found[0].end] == first


class TestRead:
    """`Lexicon.read`: the vocabularies at once, the hits of `scan` when first asked for."""

    @given(st.text(max_size=80) | texts)
    def test_hits_words_and_vocabularies_as_scanned(self, text: str) -> None:
        lexicon = Lexicon.build(VOCABS)

        scan = lexicon.read(text)

        assert (scan.words, scan.vocabs) == (
            phrases.words(text),
            frozenset(h.vocab for h in lexicon.scan(text)),
        )
        assert reference_scan(VOCABS, text) == scan.hits

    @pytest.mark.parametrize(
        ("text", "vocabs"),
        [
            ("pls just leave u alone", {"ask", "leave"}),
            ("u pls", {"ask"}),
            ("you please", {"ask"}),
            ("plsu upls", set()),
        ],
        ids=["both", "alias-at-the-edges", "plain-words", "no-whole-alias"],
    )
    def test_aliases_only_as_whole_words(self, text: str, vocabs: set[str]) -> None:
        """A shorthand word is read as its word wherever it stands, and never inside a word."""
        lexicon = Lexicon.build(
            {"leave": ["leave you alone"], "ask": ["please"]}, {"u": "you", "pls": "please"}
        )

        assert vocabs == lexicon.read(text).vocabs


class TestAutomaton:
    def test_empty_lexicon(self) -> None:
        assert Lexicon.build({}).scan("anything at all") == []

    def test_a_key_is_the_longest_run_of_plain_words(self) -> None:
        assert phrases._anchor(("your", "#", "star", "review")) == (" star review ", 2, 4)
        assert phrases._anchor(("review*", "request")) == (" request ", 1, 2)
        assert phrases._anchor(("leave", "review*")) == (" leave review", 0, 2)
        assert phrases._anchor(("#", "stars")) == (" stars ", 1, 2)
        assert phrases._anchor(("#", "#")) == ("", 0, 0)

    def test_linear_on_a_long_text(self) -> None:
        """A megabyte of phrases and numbers scans in one pass (no work per pair of words)."""
        unit = "leave a review 5 stars abcd don't "
        text = unit * (1_000_000 // len(unit))
        hits = Lexicon.build(VOCABS).scan(text)
        assert len(hits) == len(Lexicon.build(VOCABS).scan(unit)) * (1_000_000 // len(unit))

    def test_pickles(self) -> None:
        """A lexicon pickles as its keys and phrases; the automaton is compiled again."""
        lexicon = Lexicon.build(VOCABS)
        again = pickle.loads(pickle.dumps(lexicon))  # noqa: S301 - our own bytes
        text = "leave a review request: your 5 star review, don't"
        assert again.scan(text) == lexicon.scan(text) != []


class TestParticles:
    """Particles a writer slips inside a phrase ('uns *doch* die Chance') are passed over."""

    LEXICON = Lexicon.build(
        {"chance": ["uns die chance"], "ask": ["let us know"], "doch": ["melden sie sich doch"]},
        {"pls": "please"},
        ["doch", "erst", "please", "just"],
    )

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("geben Sie uns die Chance", [("chance", "uns die Chance")]),
            ("geben Sie uns doch die Chance", [("chance", "uns doch die Chance")]),
            ("geben Sie uns doch erst die Chance", [("chance", "uns doch erst die Chance")]),
            ("please just let us just know", [("ask", "let us just know")]),
            ("let pls us know", [("ask", "let pls us know")]),
            ("melden Sie sich doch", [("doch", "melden Sie sich doch")]),
            ("doch uns die", []),
            ("geben Sie uns nicht die Chance", []),
        ],
        ids=["plain", "one", "two", "english", "shorthand", "in-the-phrase", "cut", "not-one"],
    )
    def test_passed_over_inside_a_phrase(self, text: str, found: list[tuple[str, str]]) -> None:
        """Each phrase is found once, its span over the particles; any other word still parts."""
        hits = self.LEXICON.scan(text.lower())

        assert [(h.vocab, text[h.start : h.end]) for h in hits] == found

    def test_no_particles_no_change(self) -> None:
        """Without particles the lexicon reads as the word-by-word reference does."""
        text = "geben Sie uns doch die Chance, let us just know"
        plain = Lexicon.build({"chance": ["uns die chance"], "ask": ["let us know"]})

        assert plain.scan(text.lower()) == []

    @pytest.mark.parametrize("particle", ["d'abord", "two words", "Doch", ""])
    def test_a_particle_is_one_lower_case_word(self, particle: str) -> None:
        """A particle the text's words can never be is refused, not silently never matched."""
        with pytest.raises(ValueError, match="one lower-case word"):
            Lexicon.build({"chance": ["uns die chance"]}, particles=[particle])

    def test_a_longer_phrase_is_not_found_twice(self) -> None:
        """The second pass adds no hit the first made ('we really appreciate' is one thanks)."""
        lexicon = Lexicon.build(
            {"thanks": ["we really appreciate", "we appreciate"]}, particles=["really"]
        )

        hits = lexicon.scan("we really appreciate it")

        assert sorted((h.vocab, h.start, h.end) for h in hits) == [
            ("thanks", 0, 20),
        ]

    def test_pickles_with_its_particles(self) -> None:
        """The particles travel with a pickled lexicon (the batch's worker processes)."""
        again = pickle.loads(pickle.dumps(self.LEXICON))  # noqa: S301 - our own bytes

        assert [h.vocab for h in again.scan("uns doch die chance")] == ["chance"]

    def test_the_message_lexicon_reads_them(self) -> None:
        """The message checker's vocabularies pass over the particles of `[particles]`."""
        vocabs = data.lexicon({}).read("geben sie uns doch erst hier die chance").vocabs

        assert "contact_us" in vocabs


class TestSentenceEnds:
    """Sentence ends are found in the stdlib engine as the first pattern found them."""

    @given(
        st.lists(
            st.sampled_from(
                [
                    *("a", "b.c", ".", "..", "!", "?", "?!", " ", "\n", "\r", "\t", "\xa0", "\x1c"),
                    *("\u2028", "\x85", "\u3002", "e.g.", "no.5", "\u2003", "x"),
                ]
            ),
            max_size=30,
        ).map("".join)
    )
    def test_as_the_regex_engine_in_normalised_text(self, raw: str) -> None:
        """In normalised text, the ends are those of `[.!?]+(?=\\s|$)|\\n` in `regex`."""
        text = normalize(raw).text
        reference = regex.compile(r"[.!?]+(?=\s|$)|\n", regex.V1)

        expected = [m.span() for m in reference.finditer(text)]

        assert expected == [m.span() for m in phrases._SENTENCE_END.finditer(text)]
