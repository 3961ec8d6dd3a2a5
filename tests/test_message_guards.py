"""The cheap guards that let message rules skip work stay exact."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sellerpolicy import Message, Policy
from sellerpolicy._codes import Code
from sellerpolicy._rules.data import _patterns, profane_roots, rule_data, rule_pattern
from sellerpolicy._rules.messages import engine, purpose
from sellerpolicy._rules.messages.analysis import Analysis
from sellerpolicy._rules.messages.phrases import (
    _CLAUSE_BREAK,
    _COMMON_VOCABS,
    _LEET_HINT,
    _MASK_HINTS,
    _NOT_NEGATED,
    _POST_SCOPE_WORDS,
    _SCOPE_WORDS,
    _breaks_clause,
    _clause_break,
    _compute_phrase_matches,
    _hints_in,
    _plan,
    _refuses,
    negated,
    pattern_hints,
)
from sellerpolicy._text.normalize import normalize
from sellerpolicy._text.profanity import leet_words

PATTERNS = [p for data in rule_data().values() for p in data.patterns]

GOOD_SPEC = {"name": "percent", "pattern": r"\d%", "hints": ["%"]}


class TestPatternData:
    """Each ``[[SPxxx.patterns]]`` entry of the data is read whole, or refused by name."""

    def test_read(self):
        """Name, compiled pattern and hints, as the data gives them."""
        (pattern,) = _patterns(Code.SP113, [GOOD_SPEC])

        assert pattern.name == "percent"
        assert pattern.compiled.search("20% off").span() == (1, 3)
        assert pattern.hints == frozenset({"%"})

    @pytest.mark.parametrize(
        ("spec", "error"),
        [
            (
                {"name": "percent", "pattern": r"\d%"},
                r"SP113 pattern 'percent': missing \['hints'\]",
            ),
            ({**GOOD_SPEC, "hint": ["%"]}, r"unknown \['hint'\]"),
            ({**GOOD_SPEC, "hints": []}, "hints must be non-empty strings"),
            ({**GOOD_SPEC, "hints": ["%", ""]}, "hints must be non-empty strings"),
        ],
        ids=["no-hints", "unknown-key", "empty-hints", "empty-hint"],
    )
    def test_refused(self, spec, error):
        """A pattern without hints would run on every message: the data must say them."""
        with pytest.raises(ValueError, match=error):
            _patterns(Code.SP113, [spec])

    def test_names_unique(self):
        """The code names a pattern (`rule_pattern`): two of one name in a rule are refused."""
        with pytest.raises(ValueError, match="a second pattern of that name"):
            _patterns(Code.SP113, [GOOD_SPEC, GOOD_SPEC])

    def test_rule_pattern(self):
        """A rule's pattern by its name; an unknown name is a `KeyError` that says which."""
        assert rule_pattern(Code.SP111, "mock_title").compiled.search("well, genius.")
        with pytest.raises(KeyError, match="SP111 has no pattern 'nothing'"):
            rule_pattern(Code.SP111, "nothing")

    def test_every_phrase_rule_pattern_named(self):
        """The shipped data names every pattern, and no name twice in one rule."""
        for code, data in rule_data().items():
            names = [p.name for p in data.patterns]
            assert len(names) == len(set(names)), code
            assert all(name.isidentifier() for name in names), code


class TestPatternHints:
    """The substring hints that let a phrase rule skip a pattern stay true to the patterns."""

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
            "a liar like you",
            "un truffatore come lei",
            "ein betrüger wie sie",
            "un ladrón como tú",
            "a con  artist like you",
            "brilliant work, genius: you snapped it",
            "a ver, lumbrera: haberlo pagado",
            "cordialement (ou presque)",
            "distinti saluti ( si fa per dire )",
        ],
    )
    def test_a_match_has_a_hint(self, text):
        """Wherever a hinted pattern matches, one of its hints occurs in the text."""
        matched = [p for p in PATTERNS if p.compiled.search(text)]

        assert matched
        assert all(any(h in text for h in p.hints) for p in matched)

    @given(st.text(alphabet="fubshdatcr*#@!$_.-1ilk ", max_size=30))
    def test_no_hint_no_match(self, text):
        """A text with none of a pattern's hints is never matched by it."""
        for p in PATTERNS:
            if p.compiled.search(text):
                assert any(h in text for h in p.hints), (p.name, text)

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
        normalised = normalize(text).text
        for p in PATTERNS:
            if p.compiled.search(normalised):
                assert any(h in normalised for h in p.hints), (p.name, normalised)


class TestHints:
    """The hints of every pattern are found in one look, whatever the text holds."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("x*y and 20% off", {"*", "%"}),
            ("our new range, the latest", {"new", "latest"}),
            ("fu!k", {"fu!"}),
            ("thanks! see you!", set()),  # a sentence's '!' is no hint on its own
            ("criminalatest", {"criminal", "latest"}),  # hints that overlap are both found
            ("a police report", {"police"}),
            ("nothing here", set()),
            ("lone \ud800 surrogate, our new line, h!ll", {"new", "h!"}),
            ("lone \ud800 surrogate", set()),
        ],
        ids=[
            "chars",
            "longer",
            "masked",
            "exclamation",
            "overlapping",
            "few",
            "none",
            "surrogate",
            "surrogate-none",
        ],
    )
    def test_hints_in(self, text, expected):
        """The characters and the longer hints that occur, and no others."""
        assert expected == _hints_in(text)

    @given(st.text(alphabet="fubshdatcr*#@!$%_.-1ilk newpo", max_size=30))
    def test_as_each_hint_tested(self, text):
        """The hints found are those a substring test of each hint finds.

        The one hint that is no text, a swear word written with look-alike digits ('m13rda'), is
        found where one is.
        """
        every = {h for p in PATTERNS for h in p.hints} | _MASK_HINTS
        expected = {h for h in every if h in text}
        if leet_words(text, profane_roots()):
            expected.add(_LEET_HINT)

        assert expected == _hints_in(text)

    @pytest.mark.parametrize(
        ("text", "leet"),
        [
            ("una m13rda", True),
            ("c0nnerie", True),
            ("order 113-123", False),
            ("a 5 star", False),
            ("model s1000, a4 paper", False),
        ],
        ids=["digits-in-word", "digit-inside", "numbers", "digit-alone", "model-numbers"],
    )
    def test_leet_hint(self, text, leet):
        """A swear word with look-alike digits gives the hint; numbers and model numbers do not."""
        assert leet == (_LEET_HINT in _hints_in(text))


PHRASE_CODES = [code for code, data in rule_data().items() if data.clauses or data.patterns]
IDLE_PIECES = [
    *("please", "leave", "us", "a", "review", "five", "stars", "happy", "with", "it", "if"),
    *("not", "contact", "me", "first", "free", "gift", "for", "your", "feedback", "remove"),
    *("change", "it", "our", "new", "collection", "20%", "off", "pay", "paypal", "extra"),
    *("idiot", "f*ck", "sh!t", "police", "report", "cancel", "order", "take", "down", "we"),
    *("will", "file", "a", "tracking", "shipped", "thanks", "!", "?", ".", ",", "\n"),
]


class TestIdlePlans:
    """A phrase rule skipped by its plan's cheap look would have found nothing."""

    @pytest.mark.parametrize("code", PHRASE_CODES, ids=str)
    @pytest.mark.parametrize("which", ["bad", "good"])
    def test_examples(self, code, which):
        """Each rule's documented examples, read by every phrase rule."""
        body = getattr(rule_data()[code], which)
        a = Analysis(Message(body=body, kind="reply"), (), Policy.current())
        for other in PHRASE_CODES:
            plan = _plan(other)
            if plan.idle(a):
                assert [] == _compute_phrase_matches(a, other, plan), (other, body)

    @given(st.lists(st.sampled_from(IDLE_PIECES), max_size=30).map(" ".join))
    def test_no_match_when_idle(self, text):
        """Whatever the words, a plan that says idle hides no match."""
        a = Analysis(Message(body=text or "x", kind="proactive"), (), Policy.current())
        for code in PHRASE_CODES:
            plan = _plan(code)
            if plan.idle(a):
                assert [] == _compute_phrase_matches(a, code, plan), (code, text)

    @pytest.mark.parametrize("code", PHRASE_CODES, ids=str)
    def test_heads_are_not_common_words(self, code):
        """A clause's head, the vocabulary a message must use for the rule to run, is one most
        messages do not use, whenever the clause has such a vocabulary."""
        for clause in rule_data()[code].clauses:
            rare = set(clause.all) - _COMMON_VOCABS
            if rare:
                assert _plan(code).heads & rare, (code, clause.all)

    def test_a_rule_with_work_is_not_idle(self):
        """A message with a clause's vocabularies or a pattern's hint is read in full."""
        a = Analysis(
            Message(body="Leave us five stars and we will refund it.", kind="reply"),
            (),
            Policy.current(),
        )

        assert not _plan(Code.SP107).idle(a)
        assert _plan(Code.SP112).idle(a)


SKIPPED = [(r, needs) for r in engine.MESSAGE_RULES if (needs := engine._needs(r))]


class TestRulesTheEngineSkips:
    """A rule the engine skips for want of a vocabulary would have found nothing."""

    def test_known_rules_only(self):
        """Rules of our own, not one a caller wrote with the same code, are skipped."""
        own = next(r for r in engine.MESSAGE_RULES if r.code == "SP105")
        theirs = engine.MessageRule(own.code, lambda _: iter(()))

        assert engine._needs(own)
        assert engine._needs(theirs) is None
        assert len(SKIPPED) >= 10

    @pytest.mark.parametrize("code", [r.code for r in engine.MESSAGE_RULES], ids=str)
    @pytest.mark.parametrize(
        "kind", ["proactive", "reply", "review_request", "confirm_order_details", "warranty"]
    )
    def test_examples(self, code, kind):
        """Every rule's documented examples, of several kinds, read by each skipped rule."""
        for which in ("bad", "good"):
            body = getattr(rule_data()[code], which)
            a = Analysis(Message(body=body, kind=kind), (), Policy.current())
            for rule, needs in SKIPPED:
                if needs.isdisjoint(a.vocabs | pattern_hints(a)):
                    assert [] == list(rule.check(a)), (rule.code, body)

    @given(
        st.lists(st.sampled_from(IDLE_PIECES), max_size=30).map(" ".join),
        st.sampled_from(["proactive", "reply", "review_request", "unexpected_problem"]),
    )
    def test_no_finding_when_skipped(self, text, kind):
        a = Analysis(Message(body=text or "x", kind=kind), (), Policy.current())
        for rule, needs in SKIPPED:
            if needs.isdisjoint(a.vocabs | pattern_hints(a)):
                assert [] == list(rule.check(a)), (rule.code, text)


WHEN_PIECES = [
    *("monday", "to", "friday", "tomorrow", "mañana", "sábado", "lunedì", "morgen", "12", "th"),
    *("9", "am", "pm", "uhr", ":", "30", ".", " ", "-", "a", "x", "\u0663", "day", "sunday"),
]


class TestDayWords:
    """The words and digits that let `_says_when` skip its pattern hold wherever it matches."""

    @given(st.lists(st.sampled_from(WHEN_PIECES), max_size=12).map("".join))
    @example("see you monday")
    @example("between 9 and 11am")
    @example("on the \u0663\u0663rd")
    def test_as_the_pattern(self, text):
        assert bool(purpose._WHEN.search(text)) == purpose._says_when(text)


NEGATION_PIECES = [
    *("we", "never", "don't", "not", "no", "won't", "ask", "for", "five", "stars", "a", "review"),
    *("discount", "gift card", "in exchange", "aren't required", "isn't needed", "if", "yet"),
    *("please", "leave", "feedback", "but", "refund", "pay", "extra", "and", "or", "you"),
    *(" ", " ", ", ", ". ", "! ", " - ", "\n"),
]


def reference_negated(a: Analysis) -> frozenset[tuple[str, int]]:
    """`negated` as it was first written: every negator tried against every hit."""
    if "negator" not in a.vocabs and "post_negation" not in a.vocabs:
        return frozenset()
    text = a.norm.text
    negators = [h for h in a.hits if h.vocab == "negator" and _refuses(text, h)]
    after = [h for h in a.hits if h.vocab == "post_negation"]
    out = set()
    for hit in a.hits:
        if hit.vocab in ("negator", "post_negation") or hit.vocab in _NOT_NEGATED:
            continue
        # a phrase that holds a negator of its own ('pas nés de la dernière pluie' after 'ne')
        # is said negated already
        own = any(hit.start <= neg.start < hit.end for neg in negators)
        before = not own and any(
            neg.end <= hit.start
            and hit.token - neg.token <= _SCOPE_WORDS
            and not _breaks_clause(text, neg.end, hit.start)
            for neg in negators
        )
        behind = any(
            neg.start >= hit.end
            and neg.token - hit.token <= _POST_SCOPE_WORDS
            and not _CLAUSE_BREAK.search(text, hit.end, neg.start)
            for neg in after
        )
        if before or behind:
            out.add((hit.vocab, hit.start))
    return frozenset(out)


class TestNegationReach:
    """Negators read only the hits within their reach, and cancel what reading every hit did."""

    @given(st.lists(st.sampled_from(NEGATION_PIECES), max_size=40).map(" ".join))
    def test_as_every_pair_read(self, text):
        """The hits cancelled are those that trying every negator on every hit cancels."""
        a = Analysis(Message(body=text or "x", kind="reply"), (), Policy.current())

        assert reference_negated(a) == negated(a)

    @given(
        st.tuples(
            st.lists(st.sampled_from(NEGATION_PIECES), max_size=6),
            st.sampled_from(["never", "don't", "no", "not"]),
            st.lists(st.sampled_from(["the", "very", "old", "kind", "a"]), min_size=4, max_size=10),
            st.sampled_from(["review", "five stars", "discount", "gift card"]),
            st.lists(st.sampled_from(["the", "very", "old", ","]), max_size=6),
            st.sampled_from(["aren't required", "isn't needed", "please", "."]),
        ).map(lambda p: " ".join([*p[0], p[1], *p[2], p[3], *p[4], p[5]]))
    )
    def test_at_the_edge_of_reach(self, text):
        """Hits some words from a negator before or after them are cancelled as before."""
        a = Analysis(Message(body=text, kind="reply"), (), Policy.current())

        assert reference_negated(a) == negated(a)

    def test_an_example(self):
        """A negator cancels the hit it reaches, and not one past its clause."""
        a = Analysis(
            Message(body="We never ask for a review. Please leave a review", kind="reply"),
            (),
            Policy.current(),
        )

        assert [("image_not_product", 19), ("review", 19)] == sorted(negated(a))


class TestClauseBreakEngines:
    """The clause break is found alike by both engines in ASCII text, in any window of it."""

    @given(
        st.lists(
            st.sampled_from(
                [
                    *("we", "we'll", "i", "i'll", "but", "so", "if", "wenn", "a", "butter", "ifs"),
                    *("_we", "we_", "9", " ", " ", " ", " - ", "-", ",", ".", "(", "\n", "x\x1cy"),
                ]
            ),
            max_size=25,
        ).map("".join),
        st.data(),
    )
    def test_same_match_in_normalised_ascii(self, raw, data):
        """Both engines find the same first break, whatever the window's edges cut."""
        text = normalize(raw).text
        start = data.draw(st.integers(0, len(text) + 1))
        end = data.draw(st.integers(0, len(text) + 1))

        expected = _CLAUSE_BREAK.search(text, start, end)
        actual = _clause_break(text, start, end)

        assert (expected and expected.span()) == (actual and actual.span())

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [(0, 10, (4, 7)), (5, 10, None), (4, 7, (4, 7)), (0, 6, None)],
        ids=["whole", "cut-word-at-start", "word-to-the-end", "cut-word-at-end"],
    )
    def test_windows(self, start, end, expected):
        """A window that cuts a word reads it as cut there, in both engines."""
        text = "see but it"

        found = _clause_break(text, start, end), _CLAUSE_BREAK.search(text, start, end)

        assert [expected, expected] == [m and m.span() for m in found]
