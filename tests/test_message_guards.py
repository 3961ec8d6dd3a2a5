"""The cheap guards that let message rules skip work stay exact."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellerpolicy._rules.data import rule_data
from sellerpolicy._rules.messages.phrases import _PATTERN_HINTS, _Hints
from sellerpolicy._text.normalize import normalize


class TestPatternHints:
    """The substring hints that let a phrase rule skip a pattern stay true to the patterns."""

    def test_every_hint_names_a_pattern_of_the_data(self):
        """A hint whose pattern the data no longer has is dropped, not kept by mistake."""
        patterns = {p.pattern for data in rule_data().values() for p in data.patterns}

        assert set() == set(_PATTERN_HINTS) - patterns

    @pytest.mark.parametrize(
        "text",
        [
            "f**k",
            "f.ck this",
            "fu.k",
            "fuu-king",
            "sh1t",
            "bullsh.t",
            "b_tch",
            "a$$hole",
            "d*mn",
            "schei_e",
            "sch**sse",
            "cr@p",
            "h!ll",
            "we will file a police report",
            "we'll make a criminal complaint",
            "20 % rabatt",
            "thank you! f!!k",
            "sh!t",
            "fu!k",
            "a@$hole",
            "our new teapot collection",
            "unsere neue sommer kollektion",
            "la nostra nuova linea di tovaglie",
        ],
    )
    def test_a_match_has_a_hint(self, text):
        """Wherever a hinted pattern matches, one of its hints occurs in the text."""
        compiled = {p.pattern: p for data in rule_data().values() for p in data.patterns}
        matched = [p for p in _PATTERN_HINTS if compiled[p].search(text)]

        assert matched
        assert all(any(h in text for h in _PATTERN_HINTS[p]) for p in matched)

    @given(st.text(alphabet="fubshdatcr*#@!$_.-1ilk ", max_size=30))
    def test_no_hint_no_match(self, text):
        """A text with none of a pattern's hints is never matched by it."""
        compiled = {p.pattern: p for data in rule_data().values() for p in data.patterns}
        for pattern, hints in _PATTERN_HINTS.items():
            if compiled[pattern].search(text):
                assert any(h in text for h in hints), (pattern, text)

    @given(
        st.tuples(
            st.sampled_from(["our", "OUR", "Nos", "unsere", "la nostra", "the"]),
            st.sampled_from(["new", "NEW", "ne\u017f", "latest", "LATE\ufb06", "Neue", "nuova"]),
            st.lists(st.sampled_from(["teapot", "Summer", "-", "ſ"]), max_size=2),
            st.sampled_from(["collection", "RANGE", "line", "serie", "\u212aollektion", "nap"]),
        ).map(lambda parts: " ".join([parts[0], parts[1], *parts[2], parts[3]]))
    )
    def test_no_hint_no_match_in_normalised_text(self, text):
        """A case-blind pattern misses a normalised text without its hints, whatever its case.

        The rules read the normalised text: lower-cased and NFKC-normalised, so capitals, the
        long s, the Kelvin sign and ligatures are plain ASCII letters there.
        """
        compiled = {p.pattern: p for data in rule_data().values() for p in data.patterns}
        normalised = normalize(text).text
        for pattern, hints in _PATTERN_HINTS.items():
            if compiled[pattern].search(normalised):
                assert any(h in normalised for h in hints), (pattern, normalised)


class TestHints:
    """A pattern's hints are found however many there are, and whatever the text holds."""

    @pytest.mark.parametrize(
        ("hints", "text", "expected"),
        [
            (("*", "ab"), "x*y", True),
            (("*", "ab"), "xaby", True),
            (("*", "ab"), "xay", False),
            (("abc", "def", "ghi"), "--ghi--", True),
            (("abc", "def", "ghi"), "--gh--", False),
            (("abc", "def", "ghi"), "lone \ud800 surrogate def", True),
            (("abc", "def", "ghi"), "lone \ud800 surrogate", False),
        ],
        ids=["char", "pair", "neither", "many", "many-none", "surrogate", "surrogate-none"],
    )
    def test_occur(self, hints, text, expected):
        """A hint of one character, a few longer ones or many longer ones is found alike."""
        actual = _Hints.of(hints).occur(text)

        assert expected == actual
