"""Tests for evasion-proof normalisation and its map back to the original text."""

from __future__ import annotations

import string
import sys
import unicodedata
from collections import defaultdict
from typing import TYPE_CHECKING

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from sellerpolicy import Code, check_message
from sellerpolicy._text import detectors
from sellerpolicy._text import normalize as normalize_module
from sellerpolicy._text.detectors import contact_view, find_emails, find_links, find_phones
from sellerpolicy._text.normalize import NormalizedText, normalize

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

ZWSP = "\u200b"
CYRILLIC = "Cyrillic letters"
GREEK = "Greek letters"
ZERO_WIDTH = "zero-width characters"
COMPATIBILITY = "full-width or compatibility characters"
DOTS = "look-alike dots"
INVISIBLE = "invisible characters"


def locate(norm: NormalizedText, needle: str) -> str:
    """The original text behind the first occurrence of ``needle`` in the normalised text."""
    start = norm.text.index(needle)
    ostart, oend = norm.span(start, start + len(needle))
    return norm.original[ostart:oend]


def assert_well_formed(norm: NormalizedText) -> None:
    """Check that every span lies in the original and that spans never go backwards."""
    size = len(norm.text)
    previous = (0, 0)
    for i in range(size + 1):
        start, end = norm.span(i, i)
        assert 0 <= start == end <= len(norm.original)
        if i < size:
            one = norm.span(i, i + 1)
            assert 0 <= one[0] <= one[1] <= len(norm.original)
            assert one[0] >= previous[0]
            assert one[1] >= previous[1]
            previous = one
    for i in range(size):
        for j in range(i + 1, size + 1):
            start, end = norm.span(i, j)
            assert (start, end) == (norm.span(i, i + 1)[0], norm.span(j - 1, j)[1])


class TestExamples:
    @pytest.mark.parametrize(
        ("original", "expected", "needle", "behind", "labels"),
        [
            pytest.param(
                "Visit ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ now",
                "visit www.example.com now",
                "www.example.com",
                "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ",
                (COMPATIBILITY, DOTS),
                id="full-width domain",
            ),
            pytest.param(
                "Buy at shоp.com",
                "buy at shop.com",
                "shop.com",
                "shоp.com",
                (CYRILLIC,),
                id="Cyrillic o",
            ),
            pytest.param(
                "Buy at sh\u0585p.com",
                "buy at shop.com",
                "shop.com",
                "sh\u0585p.com",
                ("Armenian letters",),
                id="Armenian o (TR39)",
            ),
            pytest.param(
                "Visit \ua4e2\ua4e7\ua4f3\ua4d1.com",
                "visit shop.com",
                "shop.com",
                "\ua4e2\ua4e7\ua4f3\ua4d1.com",
                ("Lisu letters",),
                id="Lisu capitals (TR39)",
            ),
            pytest.param(
                "Log in at ΡΑΥΡΑL.com",
                "log in at paypal.com",
                "paypal.com",
                "ΡΑΥΡΑL.com",
                (GREEK,),
                id="Greek capitals",
            ),
            pytest.param(
                "аррӏе.сом",
                "apple.com",
                "apple.com",
                "аррӏе.сом",
                (CYRILLIC,),
                id="all-Cyrillic domain",
            ),
            pytest.param(
                f"sh{ZWSP}op.com",
                "shop.com",
                "shop",
                f"sh{ZWSP}op",
                (ZERO_WIDTH,),
                id="zero-width space",
            ),
            pytest.param(
                "ama\xadzon", "amazon", "amazon", "ama\xadzon", ("soft hyphens",), id="soft hyphen"
            ),
            pytest.param(
                "abc\u202edef",
                "abcdef",
                "abcdef",
                "abc\u202edef",
                ("invisible characters",),
                id="bidi override",
            ),
            pytest.param("call\xa0me", "call me", "call me", "call\xa0me", (), id="no-break space"),
            pytest.param(
                "a\u2028b\u2029c\x85d", "a\nb\nc\nd", "b\nc", "b\u2029c", (), id="line separators"
            ),
            pytest.param(
                "“Hello” it’s – fine",
                '"hello" it\'s - fine',
                "it's",
                "it’s",
                (),
                id="curly quotes and dashes",
            ),
            pytest.param("İPHONE", "i̇phone", "i̇", "İ", (), id="dotted capital I"),
            pytest.param(
                "𝐬𝐡𝐨𝐩.com", "shop.com", "shop", "𝐬𝐡𝐨𝐩", (COMPATIBILITY,), id="mathematical letters"
            ),
            pytest.param("shop。com", "shop.com", ".", "。", (DOTS,), id="ideographic full stop"),
            pytest.param(
                "http:⁄⁄x.com",
                "http://x.com",
                "//",
                "⁄⁄",
                ("look-alike slashes",),
                id="fraction slash",
            ),
            pytest.param(
                "jane＠mail.com", "jane@mail.com", "@", "＠", (COMPATIBILITY,), id="full-width at"
            ),
            pytest.param(
                "shop\ufe0f.com",
                "shop.com",
                "shop.com",
                "shop\ufe0f.com",
                (),
                id="variation selector",
            ),
            pytest.param(
                "👨\u200d👩 family", "👨👩 family", "👨👩", "👨\u200d👩", (), id="emoji sequence"
            ),
            pytest.param(
                "Привет, как дела?", "привет, как дела?", "привет", "Привет", (), id="Russian"
            ),
            pytest.param(
                "Спасибо. До свидания.",
                "спасибо. до свидания.",
                "спасибо.",
                "Спасибо.",
                (),
                id="Russian sentences",
            ),
            pytest.param("Καλημέρα σας", "καλημέρα σας", "καλημέρα", "Καλημέρα", (), id="Greek"),
            pytest.param("Hello World", "hello world", "world", "World", (), id="ASCII"),
        ],
    )
    def test_example(
        self, original: str, expected: str, needle: str, behind: str, labels: tuple[str, ...]
    ) -> None:
        """Each disguise normalises as expected, maps back to its original text and is named."""
        norm = normalize(original)
        assert norm.original == original
        assert norm.text == expected
        assert locate(norm, needle) == behind
        assert norm.disguises(0, len(norm.text)) == labels
        assert_well_formed(norm)

    def test_zero_width_space_inside_the_range_only(self) -> None:
        """A removed zero-width space counts for a range that straddles it, not one that ends there."""
        norm = normalize(f"sh{ZWSP}op.com")
        assert norm.span(0, 4) == (0, 5)
        assert norm.disguises(0, 4) == (ZERO_WIDTH,)
        assert norm.span(0, 2) == (0, 2)
        assert norm.disguises(0, 2) == ()
        assert norm.span(2, 4) == (3, 5)
        assert norm.disguises(2, 4) == ()

    def test_labels_are_sorted_and_combined(self) -> None:
        """Labels of several disguises in one range come back sorted and de-duplicated."""
        norm = normalize(f"s{ZWSP}hоp{ZWSP}.cоm")
        assert norm.text == "shop.com"
        assert norm.disguises(0, len(norm.text)) == (CYRILLIC, ZERO_WIDTH)

    def test_look_alike_next_to_a_digit(self) -> None:
        """A look-alike beside an ASCII digit in the same word is folded."""
        assert normalize("8оо-555").text == "8oo-555"

    def test_dot_at_the_end_of_a_word_is_no_evidence(self) -> None:
        """A full stop ending a Cyrillic word does not make it a disguised Latin word."""
        assert normalize("Заказ отправлен.").text == "заказ отправлен."

    def test_leading_at_sign_is_no_evidence(self) -> None:
        """An '@' that only starts a Cyrillic word does not fold it."""
        assert normalize("@Марк").text == "@марк"

    def test_look_alike_beside_a_symbol(self) -> None:
        """A word right after a non-word symbol is still examined for look-alikes."""
        assert normalize("«xо» «оx»").text == "«xo» «ox»"

    def test_capital_and_small_look_alikes_differ(self) -> None:
        """A Greek capital eta looks like H while the small eta looks like n."""
        assert normalize("xΗη").text == "xhn"

    def test_compatibility_expansion(self) -> None:
        """A ligature becomes several characters, each mapped to the ligature."""
        norm = normalize("ﬁle.com")
        assert norm.text == "file.com"
        assert norm.span(0, 1) == (0, 1)
        assert norm.span(1, 2) == (0, 1)
        assert norm.span(1, 3) == (0, 2)
        assert norm.disguises(0, 1) == (COMPATIBILITY,)
        assert norm.disguises(2, 8) == ()

    def test_repeated_invisibles_between_two_characters(self) -> None:
        """Several different invisibles in one gap combine their labels."""
        norm = normalize(f"a{ZWSP}\xad\u202eb")
        assert norm.text == "ab"
        assert norm.span(0, 2) == (0, 5)
        assert norm.disguises(0, 2) == ("invisible characters", "soft hyphens", ZERO_WIDTH)

    def test_nothing_left(self) -> None:
        """A text of invisibles normalises to the empty text, mapped to the end of the original."""
        norm = normalize(ZWSP * 3)
        assert norm.text == ""
        assert norm.span(0, 0) == (3, 3)
        assert norm.disguises(0, 0) == ()


# C0 and C1 controls that hide in an address: NUL, the rest of C0 but tab, LF and CR, DEL and C1.
CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\x7f", "\x80", "\x9f"]


class TestConfusables:
    """Look-alikes come from the Unicode TR39 confusables, in every script that has them."""

    def test_armenian_o_in_a_domain_is_a_link(self) -> None:
        text = "Order more at sh\u0585p.com today"
        report = check_message(text)
        [finding] = [f for f in report.findings if f.code is Code.SP101]
        assert finding.span is not None
        assert text[finding.span.start : finding.span.end] == "sh\u0585p.com"
        assert finding.disguises == ("Armenian letters",)

    @pytest.mark.parametrize(
        ("original", "expected"),
        [
            # TR39 maps the capital to 'l' ('I' and 'l' are one): it reads as its small letter
            pytest.param("\u0406NFO.com", "info.com", id="Cyrillic capital I"),
            pytest.param("\u0399NFO.com", "info.com", id="Greek capital iota"),
            # TR39 maps the small letter to a Latin letter outside ASCII: it reads as its capital
            pytest.param("\u043ao\u043c.com", "kom.com", id="Cyrillic ka and em"),
            pytest.param("b\u03b5st.com", "best.com", id="Greek epsilon"),
            # a Latin small capital prototype reads as its letter
            pytest.param("\u0432uy.com", "buy.com", id="Cyrillic ve"),
            # the palochka passes for an 'l', small or capital
            pytest.param("\u0430\u0440\u0440\u04cf\u0435.com", "apple.com", id="small palochka"),
            pytest.param("\u0430\u0440\u0440\u04c0\u0435.com", "apple.com", id="capital palochka"),
            pytest.param("x\u13a0\uab70", "xdd", id="Cherokee"),
            pytest.param("x\U000118c8", "xo", id="Warang Citi (astral)"),
        ],
    )
    def test_readings(self, original: str, expected: str) -> None:
        norm = normalize(original)
        assert norm.text == expected
        assert_well_formed(norm)

    @pytest.mark.parametrize(
        "text",
        [
            "\u0547\u0576\u0578\u0580\u0570\u0561\u056f\u0561\u056c \u0565\u0574",  # Armenian
            "\u0645\u0631\u062d\u0628\u0627 5",  # Arabic beside a number, not in its word
            "r\u00e9sum\u00e9 \u00e7a \u0131stanbul",  # Latin letters are never folded
            "\u0968\u0966 items",  # Devanagari digits are digits, not letters
        ],
    )
    def test_genuine_text_is_left_alone(self, text: str) -> None:
        assert normalize(text).text == text.lower()

    def test_only_letters_of_other_scripts(self) -> None:
        for char, (letter, script) in normalize_module._LOOKALIKES.items():
            assert char.isalpha()
            assert script not in {"LATIN", "COMMON", "INHERITED"}
            assert letter in string.ascii_lowercase

    def test_tr39_letters_beyond_the_old_lists(self) -> None:
        """Scripts the hand-written Cyrillic and Greek lists never had are covered."""
        scripts = {script for _, script in normalize_module._LOOKALIKES.values()}
        assert {"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "LISU", "COPTIC"} <= scripts

    def test_labels_name_each_script(self) -> None:
        norm = normalize("\u0455h\u0585p.com")  # Cyrillic dze, Armenian oh
        assert norm.disguises(0, len(norm.text)) == ("Armenian letters", CYRILLIC)
        assert norm.disguises(0, 1) == (CYRILLIC,)
        assert norm.disguises(2, 3) == ("Armenian letters",)


class TestControlCharacters:
    @pytest.mark.parametrize("control", CONTROLS)
    def test_removed_and_mapped(self, control: str) -> None:
        """A control character is removed, labelled invisible and covered by the span around it."""
        norm = normalize(f"john{control}@example.com")
        assert "john@example.com" == norm.text
        assert (0, 17) == norm.span(0, len(norm.text))
        assert (3, 6) == norm.span(3, 5)
        assert (5, 6) == norm.span(4, 5)
        assert (INVISIBLE,) == norm.disguises(0, len(norm.text))
        assert_well_formed(norm)

    @pytest.mark.parametrize("control", CONTROLS)
    @pytest.mark.parametrize(
        ("template", "find", "value"),
        [
            pytest.param("Write to john{}@example.com today", find_emails, "john@example.com", id="email"),
            pytest.param("Write to jo{}hn@exam{}ple.com today", find_emails, "john@example.com", id="email twice"),
            pytest.param("Visit www.shop{}.com today", find_links, "www.shop.com", id="link"),
            pytest.param("Visit shop.c{}om today", find_links, "shop.com", id="bare domain"),
        ],
    )  # fmt: skip
    def test_address_seen_through(
        self,
        control: str,
        template: str,
        find: Callable[[NormalizedText], list[detectors.Evidence]],
        value: str,
    ) -> None:
        """An address with a control character inside is found, spanning its original characters."""
        text = template.replace("{}", control)
        start = text.index(value[:2])
        end = text.index(" today")
        found = find(normalize(text))
        assert [(start, end, value, (INVISIBLE,))] == [
            (e.start, e.end, e.value, e.disguises) for e in found
        ]

    @pytest.mark.parametrize("control", CONTROLS)
    def test_email_finding(self, control: str) -> None:
        """A control character inside an email address does not hide it from SP103."""
        text = f"Please write to john{control}@example.com."
        spans = [
            (f.span.start, f.span.end) for f in check_message(text).findings if f.code == Code.SP103
        ]
        assert [(16, 33)] == spans
        assert f"john{control}@example.com" == text[16:33]

    def test_tab_line_feed_and_carriage_return_stay(self) -> None:
        """Tab, line feed and carriage return are text, not hidden characters."""
        norm = normalize("A\tB\nC\r\nD")
        assert "a\tb\nc\r\nd" == norm.text
        assert norm._offsets is None
        assert () == norm.disguises(0, len(norm.text))

    def test_ascii_with_a_control_leaves_the_fast_path(self) -> None:
        """ASCII text holding a control character is mapped around the removed character."""
        norm = normalize("AB\x00\x00CD")
        assert "abcd" == norm.text
        assert [(0, 1), (1, 2), (4, 5), (5, 6)] == [norm.span(i, i + 1) for i in range(4)]
        assert (1, 5) == norm.span(1, 3)
        assert () == norm.disguises(0, 2)
        assert (INVISIBLE,) == norm.disguises(1, 3)

    def test_only_controls(self) -> None:
        """A text of control characters normalises to the empty text."""
        norm = normalize("\x00\x1b\x7f\x9f")
        assert "" == norm.text
        assert (4, 4) == norm.span(0, 0)


class TestFastPath:
    def test_ascii_is_lower_cased_and_mapped_one_to_one(self) -> None:
        """ASCII text is only lower-cased and maps each character to itself."""
        norm = normalize("Visit SHOP.com\n\tNow")
        assert norm.text == "visit shop.com\n\tnow"
        assert norm._offsets is None
        assert norm._disguises is None
        assert norm.span(6, 14) == (6, 14)
        assert norm.disguises(0, len(norm.text)) == ()

    def test_unchanged_non_ascii_is_mapped_one_to_one(self) -> None:
        """A non-ASCII text that only needs lower-casing keeps the identity map."""
        norm = normalize("Grüße aus München")
        assert norm.text == "grüße aus münchen"
        assert norm._offsets is None
        assert norm._disguises is None

    @given(st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=40))
    def test_latin1_fast_path_is_the_full_normalisation(self, text: str) -> None:
        """Latin-1 text that takes the fast path normalises exactly as the full path does."""
        fast = normalize(text)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(normalize_module, "_plain", lambda _: False)
            full = normalize(text)
        assert fast.text == full.text
        for i in range(len(fast.text) + 1):
            assert fast.span(0, i) == full.span(0, i)
            assert fast.span(i, len(fast.text)) == full.span(i, len(full.text))
        assert fast.disguises(0, len(fast.text)) == full.disguises(0, len(full.text))

    def test_one_to_one_disguises_keep_the_identity_map(self) -> None:
        """Full-width and look-alike letters change no length, so offsets stay implicit."""
        norm = normalize("ｓhоp")
        assert norm.text == "shop"
        assert norm._offsets is None
        assert norm.disguises(0, 1) == (COMPATIBILITY,)
        assert norm.disguises(1, 2) == ()
        assert norm.disguises(2, 3) == (CYRILLIC,)


class TestRanges:
    def test_empty_range(self) -> None:
        """An empty range maps to a zero-width span where its start maps to."""
        norm = normalize(f"{ZWSP}ab{ZWSP}")
        assert norm.text == "ab"
        assert norm.span(0, 0) == (1, 1)
        assert norm.span(1, 1) == (2, 2)
        assert norm.span(2, 2) == (4, 4)

    def test_full_range_skips_leading_and_trailing_invisibles(self) -> None:
        """The whole normalised text maps to the original without its outer invisibles."""
        norm = normalize(f"{ZWSP}{ZWSP}ab{ZWSP}")
        assert norm.span(0, 2) == (2, 4)
        assert norm.disguises(0, 2) == ()

    @pytest.mark.parametrize(("start", "end"), [(-1, 1), (2, 1), (0, 4), (4, 4)])
    def test_invalid_range(self, start: int, end: int) -> None:
        """Ranges outside the normalised text are rejected."""
        norm = normalize("abc")
        with pytest.raises(ValueError, match="not within"):
            norm.span(start, end)
        with pytest.raises(ValueError, match="not within"):
            norm.disguises(start, end)

    def test_immutable(self) -> None:
        """A normalised text cannot be changed."""
        norm = normalize("abc")
        with pytest.raises(AttributeError):
            norm.text = "x"  # type: ignore[misc]


DOT = regex.compile(r"\s*\[?\bdot\b\]?\s*")


class TestSub:
    def test_spelled_out_dot(self) -> None:
        """A spelled-out dot becomes '.', mapped to the whole match and labelled."""
        norm = normalize("shop [dot] com").sub(DOT, ".", "spelled-out dots")
        assert norm.text == "shop.com"
        assert norm.span(0, len(norm.text)) == (0, len("shop [dot] com"))
        assert norm.span(4, 5) == (4, 11)
        assert norm.span(5, 8) == (11, 14)
        assert norm.disguises(0, len(norm.text)) == ("spelled-out dots",)
        assert norm.disguises(0, 4) == ()

    def test_windows_limit_where_the_pattern_looks(self) -> None:
        """With ``windows`` only matches inside them are replaced, mapped as usual."""
        original = "a [dot] b and c [dot] d and e [dot] f"
        windows = [(0, 8), (26, len(original))]

        norm = normalize(original).sub(DOT, ".", "spelled-out dots", windows=windows)

        assert norm.text == "a.b and c [dot] d and e.f"
        assert original[slice(*norm.span(1, 2))] == " [dot] "
        assert original[slice(*norm.span(23, 24))] == " [dot] "

    def test_after_folding(self) -> None:
        """Two rewrites after folding a look-alike still map into the original text."""
        original = f"Visit shоp [dot] c{ZWSP}om now"
        norm = normalize(original)
        assert norm.text == "visit shop [dot] com now"
        view = norm.sub(DOT, ".", "spelled-out dots").sub(regex.compile("visit"), "go", "tested")
        assert view.text == "go shop.com now"
        start, end = view.span(3, 11)
        assert original[start:end] == f"shоp [dot] c{ZWSP}om"
        assert view.disguises(3, 11) == (CYRILLIC, "spelled-out dots", ZERO_WIDTH)
        assert original[slice(*view.span(0, 2))] == "Visit"
        assert view.disguises(0, 2) == ("tested",)

    def test_replacement_keeps_the_labels_of_the_match(self) -> None:
        """A replacement is labelled with its own disguise and those of what it replaced."""
        norm = normalize("shop［dot］com").sub(regex.compile(r"\[dot\]"), ".", "spelled-out dots")
        assert norm.text == "shop.com"
        assert norm.disguises(4, 5) == (COMPATIBILITY, "spelled-out dots")
        assert norm.disguises(5, 8) == ()

    def test_deletion_labels_the_gap(self) -> None:
        """Deleted characters pass their labels to the gap they leave."""
        norm = normalize("555-123-4567").sub(regex.compile("-"), "", "separators")
        assert norm.text == "5551234567"
        assert norm.span(0, 10) == (0, 12)
        assert norm.span(2, 4) == (2, 5)
        assert norm.disguises(2, 4) == ("separators",)
        assert norm.disguises(0, 3) == ()

    def test_insertion(self) -> None:
        """A zero-width match replaced by text maps to a zero-width original span."""
        norm = normalize("ab").sub(regex.compile("(?=b)"), "-", "inserted")
        assert norm.text == "a-b"
        assert norm.span(1, 2) == (1, 1)
        assert norm.span(0, 3) == (0, 2)
        assert norm.disguises(1, 2) == ("inserted",)

    def test_insertion_inside_an_expanded_character(self) -> None:
        """An insertion between two characters of one original character stays monotonic."""
        norm = normalize("ﬁx").sub(regex.compile("(?<=f)"), "-", "inserted")
        assert norm.text == "f-ix"
        assert norm.span(1, 2) == (0, 1)
        assert_well_formed(norm)

    def test_template_and_callable(self) -> None:
        """Replacement templates and functions work as for ``pattern.sub``."""
        norm = normalize("hxxp://x.com")
        pattern = regex.compile(r"h(xx)p")
        assert norm.sub(pattern, r"http\g<0>", "t").text == pattern.sub(r"http\g<0>", norm.text)
        assert norm.sub(pattern, lambda m: m[1].upper(), "t").text == "XX://x.com"

    def test_reverse_pattern(self) -> None:
        """A pattern that searches backwards rewrites like one that searches forwards."""
        pattern = regex.compile("o", regex.REVERSE)
        norm = normalize("foo boo").sub(pattern, "0", "zeros")
        assert norm.text == pattern.sub("0", "foo boo") == "f00 b00"
        assert norm.disguises(0, 1) == ()
        assert norm.disguises(1, 3) == ("zeros",)
        assert_well_formed(norm)

    def test_no_change_returns_the_same_text(self) -> None:
        """Without matches, or when every match is replaced by itself, nothing changes."""
        norm = normalize("shop.com")
        assert norm.sub(regex.compile("xyz"), "-", "t") is norm
        assert norm.sub(regex.compile(r"\."), ".", "t") is norm

    def test_unchanged_matches_keep_their_labels_only(self) -> None:
        """A match replaced by itself is not labelled with the new disguise."""
        norm = normalize("a.b [dot] c").sub(regex.compile(r"\.| \[dot\] "), ".", "dots")
        assert norm.text == "a.b.c"
        assert norm.disguises(0, 3) == ()
        assert norm.disguises(3, 4) == ("dots",)

    def test_many_labels(self) -> None:
        """Chains of rewrites with many distinct labels keep every label apart."""
        norm = normalize("abcdefghij")
        for i, letter in enumerate("abcdefghij"):
            norm = norm.sub(regex.compile(letter), letter.upper(), f"label {i}")
        assert norm.text == "ABCDEFGHIJ"
        for i in range(10):
            assert norm.disguises(i, i + 1) == (f"label {i}",)
        assert len(norm.disguises(0, 10)) == 10


def _sources() -> dict[str, list[str]]:
    """Each lower-case ASCII letter -> the characters that normalise to it."""
    sources: dict[str, list[str]] = defaultdict(list)
    for code, target in normalize_module._CONFUSABLES.items():
        sources[target].append(chr(code))
    for letter in string.ascii_lowercase:
        sources[letter] += [letter, letter.upper(), chr(ord(letter) + 0xFEE0)]
    return sources


SOURCES = _sources()
INVISIBLES = ["\u200b", "\u200c", "\u2060", "\ufeff", "\xad", "\u202e", "\u2066", "\ufe0f"]
INVISIBLES += ["\x00", "\x1f", "\x9f"]  # control characters hide letters just as well

disguised_letters = st.lists(
    st.sampled_from(sorted(SOURCES)).flatmap(
        lambda letter: st.tuples(
            st.just(letter),
            st.sampled_from(SOURCES[letter]),
            st.lists(st.sampled_from(INVISIBLES), max_size=2).map("".join),
        )
    ),
    min_size=1,
    max_size=20,
)
# Characters that exercise every path: removals, expansions, look-alikes, dots and joiners.
TRICKY = [
    *INVISIBLES,
    "\u200d",
    "ﬁ",
    "İ",
    "…",
    "½",
    "о",
    "Ο",
    "η",
    "ｏ",
    "．",
    "·",
    "«",
    "👨",
    " ",
    "\xa0",
    "\u2028",
    "-",
    ".",
    "@",
    "/",
    "a",
    "B",
    "x",
    "1",
    "п",
]
tricky_texts = st.text(alphabet=st.one_of(st.sampled_from(TRICKY), st.characters()), max_size=40)
PATTERNS = [r"\s+", r"[aeiou]", r"x*", r"\.", r"(?<=a)", r"[^\w\s]+", r".\b"]


class TestProperties:
    @given(tricky_texts)
    def test_spans_in_bounds_and_monotonic(self, text: str) -> None:
        """Every span lies within the original, and spans never go backwards."""
        assert_well_formed(normalize(text))

    @given(tricky_texts)
    def test_full_span(self, text: str) -> None:
        """The whole text maps from the first to the last original character that was kept."""
        norm = normalize(text)
        kept = [i for i, char in enumerate(text) if normalize(char).text]
        if kept:
            assert norm.span(0, len(norm.text)) == (kept[0], kept[-1] + 1)
        else:
            assert norm.text == ""
            assert norm.span(0, 0) == (len(text), len(text))

    @given(tricky_texts)
    def test_deterministic(self, text: str) -> None:
        """Normalising twice gives the same text, spans and labels."""
        first, second = normalize(text), normalize(text)
        assert first.text == second.text
        size = len(first.text)
        for i in range(size):
            assert first.span(i, size) == second.span(i, size)
            assert first.disguises(i, size) == second.disguises(i, size)

    @given(
        st.text(
            alphabet=st.characters(
                max_codepoint=127, exclude_categories=["Cc"], include_characters="\t\n\r"
            ),
            max_size=60,
        )
    )
    def test_ascii_identity(self, text: str) -> None:
        """ASCII text without control characters normalises to its lower case, mapped one to one."""
        norm = normalize(text)
        assert norm.text == text.lower()
        for i in range(len(text) + 1):
            assert norm.span(0, i) == (0, i)
            assert norm.span(i, len(text)) == (i, len(text))

    @given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
    def test_ascii_controls_removed(self, text: str) -> None:
        """ASCII text loses its control characters, each other character mapped to itself."""
        kept = [i for i, char in enumerate(text) if char.isprintable() or char in "\t\n\r"]
        norm = normalize(text)
        assert "".join(text[i] for i in kept).lower() == norm.text
        assert [(i, i + 1) for i in kept] == [norm.span(j, j + 1) for j in range(len(kept))]

    @given(disguised_letters)
    def test_disguised_letters(self, parts: list[tuple[str, str, str]]) -> None:
        """Letters disguised with look-alikes, full-width forms and invisibles read plainly."""
        # plain or full-width Latin: look-alikes are folded only in words with Latin evidence
        has_latin = any(unicodedata.normalize("NFKC", source).isascii() for _, source, _ in parts)
        letters = [(letter, source if has_latin else letter, gap) for letter, source, gap in parts]
        original = "".join(source + gap for _, source, gap in letters)
        norm = normalize(original)
        assert norm.text == "".join(letter for letter, _, _ in letters)
        last_gap = len(letters[-1][2])
        assert norm.span(0, len(norm.text)) == (0, len(original) - last_gap)
        assert set(norm.disguises(0, len(norm.text))) <= {
            CYRILLIC,
            GREEK,
            *normalize_module._OTHER_SCRIPT_LABELS.values(),
            COMPATIBILITY,
            ZERO_WIDTH,
            "soft hyphens",
            "invisible characters",
        }

    @given(tricky_texts, st.sampled_from(PATTERNS), st.sampled_from(["", "-", "<>"]))
    def test_sub_like_pattern_sub(self, text: str, pattern: str, repl: str) -> None:
        """`sub` rewrites like ``pattern.sub`` and maps each replacement to its whole match."""
        compiled = regex.compile(pattern)
        norm = normalize(text)
        result = norm.sub(compiled, repl, "rewritten")
        assert result.original == text
        assert result.text == compiled.sub(repl, norm.text)
        assert_well_formed(result)
        shift = done = 0
        for match in compiled.finditer(norm.text):
            start, end = match.span()
            for i in range(done, start):  # unchanged characters keep their map and labels
                assert result.span(i + shift, i + shift + 1) == norm.span(i, i + 1)
                assert result.disguises(i + shift, i + shift + 1) == norm.disguises(i, i + 1)
            if repl != match.group() and repl:
                first = start + shift
                whole = norm.span(start, end)
                for i in range(first, first + len(repl)):
                    if end > start:
                        assert result.span(i, i + 1) == whole
                    assert "rewritten" in result.disguises(i, i + 1)
                    assert set(norm.disguises(start, end)) <= set(result.disguises(i, i + 1))
            if repl != match.group():
                shift += len(repl) - (end - start)
            done = end

    @given(tricky_texts)
    def test_sub_twice_maps_into_the_original(self, text: str) -> None:
        """Two rewrites in a row still map every range into the original text."""
        norm = normalize(text).sub(regex.compile(r"\s+"), " ", "spaces")
        norm = norm.sub(regex.compile(r"[a-z]\b"), "", "ends")
        assert norm.original == text
        assert_well_formed(norm)


# Pieces of words a look-alike may disguise: look-alikes of several scripts, Latin evidence,
# joiners, a combining mark, genuine letters of other scripts, and what ends a word.
FOLD_PIECES = ["օ", "ꓚ", "о", "α", "𑣈", "п", "ж", "é", "\u0301", "a", "Z", "7", ".", "@", "/"]
FOLD_PIECES += [" ", ",", "-", "👨", "_"]
# label codes a character may carry before folding: none, or one or two of `normalize`'s labels
FOLD_CODES = ["\x00", "\x00", "\x01", "\x08", "\x48"]


def _folded_word_by_word(text: str, codes: str) -> tuple[str, str]:
    """Fold each word of ``text`` that holds a look-alike and Latin evidence, one at a time."""
    lookalikes = normalize_module._LOOKALIKES
    out: list[str] = []
    out_codes: list[str] = []
    for part in regex.finditer(r"[\p{L}\p{M}\p{N}./@]+|[^\p{L}\p{M}\p{N}./@]+", text):
        word, word_codes = part[0], codes[part.start() : part.end()]
        evidence = any((c.isascii() and c.isalnum()) or c in "./@" for c in word.strip("./@"))
        if evidence and any(c in lookalikes for c in word):
            word_codes = "".join(
                chr(ord(code) | normalize_module._SCRIPT_BITS.get(c, 0))
                for c, code in zip(word, word_codes, strict=True)
            )
            word = "".join(lookalikes[c][0] if c in lookalikes else c for c in word)
        out.append(word)
        out_codes.append(word_codes)
    return "".join(out), "".join(out_codes)


class TestFolding:
    @given(
        st.lists(st.tuples(st.sampled_from(FOLD_PIECES), st.sampled_from(FOLD_CODES)), max_size=40)
    )
    def test_like_word_by_word(self, pieces: list[tuple[str, str]]) -> None:
        """Folding the whole text at once folds and labels what folding each word alone does."""
        text = "".join(char for char, _ in pieces)
        codes = "".join(code for _, code in pieces)

        expected = _folded_word_by_word(text, codes)

        assert expected == normalize_module._fold(text, codes, set(text))
        plain = "\x00" * len(text)
        assert _folded_word_by_word(text, plain) == normalize_module._fold(text, plain, set(text))

    def test_repeated_word_with_other_labels(self) -> None:
        """A word written again with other labels keeps the labels of each occurrence."""
        text = "shօp ꓚ shօp"
        codes = "\x00" * 7 + "\x01" * 4

        folded, labels = normalize_module._fold(text, codes, set(text))

        armenian = chr(normalize_module._SCRIPT_BITS["օ"])
        both = chr(ord(armenian) | 1)
        assert ("shop ꓚ shop", f"\x00\x00{armenian}\x00\x00\x00\x00\x01\x01{both}\x01") == (
            folded,
            labels,
        )


class TestLargeInput:
    def test_one_megabyte(self) -> None:
        """A megabyte of mixed disguises normalises and rewrites without trouble."""
        unit = (
            f"Visit sh{ZWSP}оp [dot] сom or ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ - “call” +1 555\xa0123 "
            "İstanbul привет мир, ΡΑΥΡΑL. ﬁne\n"
        )
        text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
        norm = normalize(text)
        assert norm.text.startswith("visit shop [dot] com or www.example.com")
        assert norm.span(0, len(norm.text))[1] <= len(text)
        view = norm.sub(DOT, ".", "spelled-out dots")
        start = view.text.index("shop.com", 100_000)
        ostart, oend = view.span(start, start + len("shop.com"))
        assert text[ostart:oend] == f"sh{ZWSP}оp [dot] сom"
        assert view.disguises(start, start + 8) == (CYRILLIC, "spelled-out dots", ZERO_WIDTH)


class _CountingPattern:
    """A compiled pattern that adds up how many characters its searches pass over.

    A search passes over its window from where it starts to the far end of its match, or to the
    end of the window if nothing matched (a backwards pattern from the end of the window); a
    ``finditer`` passes over its whole window and restarts once per match, a ``split`` over the
    whole string, once more per part.
    """

    def __init__(self, pattern: regex.Pattern[str], name: str, counts: dict[str, int]) -> None:
        self._pattern = pattern
        self._name = name
        self._counts = counts
        self.flags = pattern.flags

    def _add(self, characters: int) -> None:
        self._counts[self._name] += characters

    def _window(self, string: str, pos: int | None, endpos: int | None) -> tuple[int, int]:
        start = 0 if pos is None else max(0, pos)
        end = len(string) if endpos is None else min(endpos, len(string))
        return start, max(start, end)

    def _count(self, found: regex.Match[str] | None, start: int, end: int) -> None:
        if found is None:
            self._add(end - start)
        elif self.flags & regex.REVERSE:
            self._add(end - found.start())
        else:
            self._add(found.end() - start)

    def finditer(
        self, string: str, pos: int | None = None, endpos: int | None = None, **kwargs: bool
    ) -> Iterator[regex.Match[str]]:
        start, end = self._window(string, pos, endpos)
        self._add(end - start)
        for found in self._pattern.finditer(string, start, end, **kwargs):
            self._add(1)
            yield found

    def search(
        self, string: str, pos: int | None = None, endpos: int | None = None
    ) -> regex.Match[str] | None:
        start, end = self._window(string, pos, endpos)
        found = self._pattern.search(string, start, end)
        self._count(found, start, end)
        return found

    def match(
        self, string: str, pos: int | None = None, endpos: int | None = None
    ) -> regex.Match[str] | None:
        start, end = self._window(string, pos, endpos)
        found = self._pattern.match(string, start, end)
        self._count(found, start, end)
        return found

    def split(self, string: str) -> list[str]:
        parts: list[str] = self._pattern.split(string)
        self._add(len(string) + len(parts))
        return parts


# The searches of the two look-alike passes: the normaliser's, which folds look-alikes in words
# with Latin evidence, and the contact view's, which folds the runs beside a dot or '@'.
LOOKALIKE_PASSES = {
    normalize_module: ["_SEAM", "_WORDS", "_LOOKALIKE", "_LATIN_EVIDENCE"],
    detectors: ["_LOOKALIKE_RUN", "_ADDRESS_AFTER", "_ADDRESS_BEFORE"],
}  # fmt: skip


def script_lookalikes(script: str) -> str:
    """Every look-alike the normaliser folds in one script (TR39 data), in code point order."""
    return "".join(c for c, (_, s) in sorted(normalize_module._LOOKALIKES.items()) if s == script)


MATHEMATICAL_GREEK = "".join(
    chr(code)
    for code in range(0x1D6A8, 0x1D7CA)  # the mathematical Greek alphanumerics
    if unicodedata.normalize("NFKC", chr(code)) in script_lookalikes("GREEK")
)
# Every script whose letters the normaliser folds, spelled with all of its look-alikes.
LOOKALIKE_SCRIPTS = {
    "Cyrillic": script_lookalikes("CYRILLIC"),
    "Greek": script_lookalikes("GREEK"),
    "mathematical Greek": MATHEMATICAL_GREEK,
    "Cyrillic and Greek": "".join(
        cyrillic + greek
        for cyrillic, greek in zip(
            script_lookalikes("CYRILLIC"), script_lookalikes("GREEK"), strict=False
        )
    ),
    "Armenian": script_lookalikes("ARMENIAN"),
    "Cherokee": script_lookalikes("CHEROKEE"),
    "Lisu": script_lookalikes("LISU"),
    # astral letters (two UTF-16 units, four UTF-8 bytes) and a mix of every script
    "Warang Citi": script_lookalikes("WARANG_CITI"),
    "every script": "".join(sorted(normalize_module._LOOKALIKES)),
}
# How the letters are laid out: one run, words, runs beside dots and '@' (joined or spaced) and
# runs broken by Latin letters.
LOOKALIKE_SHAPES: dict[str, Callable[[str], str]] = {
    "one run": lambda letters: letters,
    "words": lambda letters: letters[:5] + " ",
    "dotted": lambda letters: letters[:3] + "." + letters[3:6],
    "spaced dots": lambda letters: letters[:2] + " . ",
    "spelled dots": lambda letters: letters[:3] + " [dot] ",
    "at signs": lambda letters: letters[:4] + "@",
    "Latin between": lambda letters: "".join(letter + "a" for letter in letters),
    "Latin words": lambda letters: "".join(letter + "a " for letter in letters),
}


class TestLookAlikeWork:
    """The look-alike passes read each character a bounded number of times, whatever the input.

    Work is counted, not timed: the characters their searches pass over. That bounds the real
    work because no search can backtrack far: those over a whole text look for one character
    class or a possessive run of one, the others get a window of a few characters. A pass that
    searched a run again from each of its letters, or read on to the end of the text from each
    run or word, would grow with the square of the length.
    """

    SIZE = 3_000

    def work(self, monkeypatch: pytest.MonkeyPatch, text: str) -> dict[str, int]:
        """The characters each search of the look-alike passes reads for the contact view."""
        counts: dict[str, int] = defaultdict(int)
        with monkeypatch.context() as patch:
            for module, names in LOOKALIKE_PASSES.items():
                for name in names:
                    counting = _CountingPattern(getattr(module, name), name, counts)
                    patch.setattr(module, name, counting)
            contact_view(normalize(text))
        return counts

    @pytest.mark.parametrize("letters", LOOKALIKE_SCRIPTS.values(), ids=LOOKALIKE_SCRIPTS)
    @pytest.mark.parametrize("shape", LOOKALIKE_SHAPES.values(), ids=LOOKALIKE_SHAPES)
    def test_work_grows_linearly(
        self, monkeypatch: pytest.MonkeyPatch, letters: str, shape: Callable[[str], str]
    ) -> None:
        """Four times the text costs at most about four times the work, in every script."""
        unit = shape(letters)
        small, large = (
            sum(self.work(monkeypatch, (unit * (size // len(unit) + 1))[:size]).values())
            for size in (self.SIZE, 4 * self.SIZE)
        )
        assert small >= self.SIZE
        assert large <= 5 * small

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("ѕһор.сом", {"_SEAM", "_WORDS", "_LOOKALIKE", "_LATIN_EVIDENCE"}, id="normaliser"),
            pytest.param("ѕһор . сом", {"_SEAM", "_LOOKALIKE_RUN", "_ADDRESS_AFTER", "_ADDRESS_BEFORE"}, id="contact view"),
        ],
    )  # fmt: skip
    def test_counted_searches_are_the_ones_used(
        self, monkeypatch: pytest.MonkeyPatch, text: str, expected: set[str]
    ) -> None:
        """The counted searches are those the passes make, so the count is of their real work."""
        assert expected <= set(self.work(monkeypatch, text))


class TestTables:
    @pytest.mark.slow
    def test_every_character(self) -> None:
        """No character a piece contains is itself changed, and pieces keep length when lowered."""
        changed: set[str] = set()
        produced: set[str] = set()
        for code in range(sys.maxunicode + 1):
            char = chr(code)
            piece, mask = normalize_module._piece.__wrapped__(char)
            assert len(piece.lower()) == len(piece)
            if piece != char:
                changed.add(char)
            else:
                assert mask == 0
            produced.update(piece)
        assert not changed & produced

    def test_look_alikes_fold_to_lower_case_ascii(self) -> None:
        """Every look-alike folds to one lower-case ASCII letter and is found by the pre-check."""
        for code, target in normalize_module._CONFUSABLES.items():
            assert target in string.ascii_lowercase
            assert chr(code) in normalize_module._MAYBE_LOOKALIKE
            assert normalize_module._LOOKALIKE.match(chr(code))

    @given(tricky_texts)
    def test_replacing_like_translating(self, text: str) -> None:
        """Replacing the characters a text changes one by one gives its translation."""
        pieces = normalize_module._PIECES
        changed = {c: piece for c in set(text) if (piece := pieces[ord(c)]) != c}

        assert text.translate(pieces) == normalize_module._replaced(text, changed)

    @pytest.mark.parametrize("count", [1, 16, 17, 26], ids=lambda count: f"{count} letters")
    def test_few_or_many_changed(self, count: int) -> None:
        """Few changed characters are replaced one by one, many translated: alike."""
        text = "".join(chr(0xFF41 + i) + "-\u200b" for i in range(count))  # full-width letters

        norm = normalize(text)

        assert ("-".join(string.ascii_lowercase[:count]) + "-", (0, 3 * count - 1)) == (
            norm.text,
            norm.span(0, len(norm.text)),
        )

    def test_translation_tables_stay_bounded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The lazily filled translation tables forget what they learnt past their limit."""
        monkeypatch.setattr(normalize_module, "_TABLE_LIMIT", 5)
        normalize_module._PIECES.clear()
        assert normalize("ａｂｃｄｅｆｇｈｉｊ").text == "abcdefghij"
        assert len(normalize_module._PIECES) <= 5


# Pieces of emoji sequences, with what may break them: other removals, expansions, letters.
EMOJI_PIECES = ["👨", "👩", "\u200d", "\ufe0f", "\U0001f3fd", "a", " ", ZWSP, "ﬁ", "\xad"]


def _silenced_one_by_one(text: str) -> str:
    """``text`` with each joiner between two emoji written as a variation selector, one at a time."""
    before = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]")
    after = regex.compile(r"\p{Extended_Pictographic}")
    return "".join(
        "\ufe0f"
        if char == "\u200d"
        and index > 0
        and before.match(text, index - 1)
        and after.match(text, index + 1)
        else char
        for index, char in enumerate(text)
    )


class TestEmojiJoiners:
    @given(st.text(alphabet=st.sampled_from(EMOJI_PIECES), max_size=30))
    def test_one_pass_reads_each_joiner_alike(self, text: str) -> None:
        """Finding the joiners of emoji sequences in one pass labels what reading each joiner does.

        A joiner between two emoji is removed silently, like a variation selector; any other
        joiner is a zero-width character.
        """
        reference = normalize(_silenced_one_by_one(text))

        norm = normalize(text)

        assert reference.text == norm.text
        size = len(norm.text)
        for i in range(size + 1):
            for j in range(i, size + 1):
                assert reference.span(i, j) == norm.span(i, j)
                assert reference.disguises(i, j) == norm.disguises(i, j)

    def test_joiners_silenced_in_one_pass(self) -> None:
        """Only the joiners between two emoji are silenced, each in place."""
        text = "👩\u200d👧 a\u200db 👩\u200d\u200d👧 👍\U0001f3fd\u200d👧"

        marked = normalize_module._silence_emoji_joiners(text)

        assert _silenced_one_by_one(text) == marked
        assert marked.count("\u200d") == 3


class TestNamedDisguises:
    @given(tricky_texts)
    def test_remembered_like_worked_out(self, text: str) -> None:
        """Disguises remembered for a range are those worked out afresh, asked twice over."""
        norm = normalize(text).sub(regex.compile(r"\s+"), " ", "spaces")
        size = len(norm.text)
        disguised = norm._disguises
        for _ in range(2):
            for i in range(size + 1):
                for j in range(i + 1, size + 1):
                    expected = norm._name_disguises(disguised, i, j) if disguised else ()
                    assert expected == norm.disguises(i, j)

    def test_an_address_named_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An address written a hundred times over has its disguises worked out once."""
        calls: list[tuple[int, int]] = []
        work = NormalizedText._name_disguises

        def counting(self: NormalizedText, disguised: object, start: int, end: int) -> object:
            calls.append((start, end))
            return work(self, disguised, start, end)  # type: ignore[arg-type]

        monkeypatch.setattr(NormalizedText, "_name_disguises", counting)
        norm = normalize("shօp.ꓚꓳꓟ " * 100)

        named = {norm.disguises(i * 9, i * 9 + 8) for i in range(100)}

        assert ({("Armenian letters", "Lisu letters")}, 1) == (named, len(calls))

    def test_memory_bounded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A text remembers the disguises of a bounded number of ranges."""
        monkeypatch.setattr(normalize_module, "_NAMED_LIMIT", 3)
        norm = normalize("shօp.ꓚꓳꓟ " * 20)

        for i in range(20):
            norm.disguises(i, i + 8)

        assert len(norm._named) <= 3


ADDRESS_PIECES = ["shop.com", "b@c.com", "x", " ", "  ", ".", "@", "://", "http", "a" * 30, "\n"]


class TestStretches:
    @given(
        st.lists(
            st.sampled_from([*ADDRESS_PIECES, ":/", ":", "/", "a.", ".b", "9.x", "..", "a.:/"]),
            max_size=30,
        ).map("".join)
    )
    def test_hints_counted_apart(self, text: str) -> None:
        """The link hints counted as dots and '://' apart are the combined pattern's."""
        counted = len(detectors._DOT_HINT.findall(text)) + text.count("://")

        assert len(detectors._LINK_HINT.findall(text)) == counted

    @pytest.mark.parametrize("near", [0, 5, 200], ids=["apart", "near", "dense"])
    @given(text=st.lists(st.sampled_from(ADDRESS_PIECES), max_size=40).map("".join))
    def test_stretches_find_what_the_whole_text_holds(self, near: int, text: str) -> None:
        """Links and emails read stretch by stretch are those of the whole text, dense or not."""
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(detectors, "_NEAR_RUNS", near)
            for hints, pattern in (
                (detectors._LINK_HINT, detectors._LINK),
                (detectors._AT, detectors._EMAIL),
            ):
                expected = [m.span() for m in pattern.finditer(text)]

                found = [
                    m.span()
                    for start, end in detectors._chunks(text, hints)
                    for m in pattern.finditer(text, start, end)
                ]

                assert expected == found

    @given(
        text=st.lists(
            st.sampled_from([*ADDRESS_PIECES, "\t", "Shop.com.", "it.it", "www.x.de/a", "a.b.c"]),
            max_size=40,
        ).map("".join)
    )
    @example(text="see http://x or  https://localhost:8080/a, then shop.com.")
    def test_runs_find_what_the_whole_text_holds(self, text: str) -> None:
        """Links read run by run, only the hinted runs or every distinct one, are the text's."""
        expected: tuple[list[int], list[int], list[object]] = ([], [], [])
        for m in detectors._LINK.finditer(text):
            shape = detectors._link_shape(m)
            if shape is not None:
                expected[0].append(m.start())
                expected[1].append(m.end() - shape.drop)
                expected[2].append(shape)

        found = (detectors._links_by_run(text), detectors._links_by_piece(text))
        if "://" not in text:  # the dots alone are every hint (as `find_links` passes them)
            found += (detectors._links_by_run(text, detectors._DOT_HINT.finditer(text)),)

        assert [expected] * len(found) == [tuple(f) for f in found]

    @given(
        st.lists(
            st.sampled_from([*ADDRESS_PIECES, "_", "%", "+", "-", "/", "a.b", "1@2.de", "é"]),
            max_size=30,
        ).map("".join)
    )
    def test_email_engines_agree_on_ascii(self, text: str) -> None:
        """On ASCII text the stdlib email pattern finds what the `regex` one does."""
        expected = [m.groups() + m.span() for m in detectors._EMAIL.finditer(text)]

        found = [m.groups() + m.span() for m in detectors._EMAIL_ASCII.finditer(text)]

        assert (expected == found) or not text.isascii()


DISGUISE_PIECES = [
    *("shop", "com", "co", "uk", "de", "x1", "www", "at", "ät", "arobase", "dot", "punkt"),
    *("point", "punto", "@", ".", " ", "  ", "\t", "\n", "[", "(", "{", "<", "]", ")", "}", ">"),
    *("\x1c", "\u2003", "-"),
]


class TestRepeatedAddresses:
    """A text that repeats addresses gives each occurrence, judged once per distinct address."""

    @given(
        text=st.lists(
            st.sampled_from(["shօp.ꓚꓳꓟ", "ѕhop", ZWSP, "İ", "ﬁ", "x", " ", ".", "com", "\u00ad"]),
            max_size=30,
        ).map("".join),
        ranges=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12),
    )
    @example(text="shօp.ꓚꓳꓟ", ranges=[(2, 3), (5, 6), (0, 8)])  # Armenian, Lisu, both
    def test_ranges_at_once_as_one_by_one(self, text: str, ranges: list[tuple[int, int]]) -> None:
        """`spans` and `disguises_each` give what `span` and `disguises` give for each range."""
        norm = contact_view(normalize(text))
        size = len(norm.text)
        ranges = [(min(a, b, size), min(max(a, b), size)) for a, b in ranges]
        starts, ends = [a for a, _ in ranges], [b for _, b in ranges]

        ostarts, oends = norm.spans(starts, ends)

        assert [norm.span(a, b) for a, b in ranges] == list(zip(ostarts, oends, strict=True))
        assert [norm.disguises(a, b) for a, b in ranges] == norm.disguises_each(starts, ends)

    def test_ranges_at_once_out_of_the_text(self) -> None:
        """A range outside the text is refused, as `span` refuses it."""
        norm = normalize("shօp.ꓚꓳꓟ")

        with pytest.raises(ValueError, match="not within"):
            norm.spans([0, 3], [2, 99])
        with pytest.raises(ValueError, match="not within"):
            norm.disguises_each([2], [1])

    def test_every_occurrence_with_its_span(self) -> None:
        """Repeated links, and repeated look-alikes of them that are no address, keep their spans."""
        text = "it.it shop.com www.Shop.com/a. it.it shop.com ASP.NET www.Shop.com/a."

        found = [(e.start, e.end, e.value) for e in find_links(normalize(text))]

        assert [
            (6, 14, "shop.com"),
            (15, 29, "www.shop.com/a"),
            (37, 45, "shop.com"),
            (54, 68, "www.shop.com/a"),
        ] == found


class TestContactViewHints:
    """The substring tests that let `contact_view` skip a rewrite hold wherever it would match."""

    @given(st.lists(st.sampled_from(DISGUISE_PIECES), max_size=30).map("".join))
    def test_bracketed_at_and_dot(self, text: str) -> None:
        """A disguised '@' (spaced or bracketed) or a bracketed dot is in text its hint finds."""
        if detectors._BRACKET_AT.search(text):
            assert detectors._SPACED_AT_HINT.search(text) or detectors._BRACKETED_AT_HINT.search(
                text
            )
        if detectors._BRACKET_DOT.search(text):
            assert detectors._BRACKETED_DOT_HINT.search(text)

    @given(st.lists(st.sampled_from(DISGUISE_PIECES), max_size=30).map("".join))
    def test_one_bracket_hint_for_both(self, text: str) -> None:
        """The guard's one bracket hint finds what either hint finds, and only that."""
        either = detectors._BRACKETED_AT_HINT.search(text) or detectors._BRACKETED_DOT_HINT.search(
            text
        )

        assert bool(either) == bool(detectors._BRACKETED_HINT.search(text))

    @given(st.lists(st.sampled_from(DISGUISE_PIECES), max_size=30).map("".join))
    def test_spaced_dot_after_a_line_end(self, text: str) -> None:
        """A spaced-out dot with no space, tab or break before a dot is one the hint finds."""
        if detectors._SPACED_DOT.search(text) and not (
            " ." in text or "\t." in text or "\n." in text or detectors._SPACED_SUFFIX.search(text)
        ):
            assert detectors._LINE_END_DOT_HINT.search(text)

    @given(
        st.lists(
            st.sampled_from(
                [
                    *("shop", "com", "co", "uk", "www", "at", "dot", "punkt", "point", "punto"),
                    *(".", " ", " ", " ", "\t", "\n", "/", "slash", "hxxp", ":", "//", "**p"),
                    *("w w w", "s h o p", "о", "a", "jane", "mail", "x1", "-", "@", "("),
                    *("[", "{", "<", ")", "]", "ät", "arroba", "(see photo)", "jane@mail.com"),
                ]
            ),
            max_size=12,
        ).map("".join)
    )
    @example("shop .com")
    @example("shop\t.com")
    @example("shop\n.com")
    @example("visit shop. com today")
    @example("shop dot com")
    @example("shop punkt de")
    @example("shop.com /sizes")
    @example("shop.com/ sizes")
    @example("shop.com slash sizes")
    @example("hxxp://shop.com/x")
    @example("h**p://shop.com")
    @example("s h o p c o m")
    @example("jane @ mail.com")
    @example("jane [at] mail.com")
    @example("ѕһор . com")
    @example("jane (at) mail.com")
    @example("shop(dot)com")
    @example("shop [.] com")
    @example("jane{ät}mail.com")
    @example("jane <@> mail.com")
    @example("jane@ mail.com (see photo)")
    def test_a_text_without_triggers_is_its_own_view(self, text: str) -> None:
        """Where the guard says no rewrite applies, running every rewrite changes nothing."""
        norm = normalize(text)

        if not detectors._may_rewrite(norm.text):
            assert contact_view(norm) is norm
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(detectors, "_may_rewrite", lambda _: True)
                view = contact_view(norm)
            assert norm.text == view.text
            assert norm.disguises(0, len(norm.text)) == view.disguises(0, len(view.text))

    @pytest.mark.parametrize(
        "text",
        [
            "see shop.\nco.uk",
            "shop.\n\tcom",
            "mail shop.\tcom.\n",
            "jane ( at ) mail",
            "jane {ät} mail",
            "shop <\u2003punto\u2003> com",
            "jane @ mail.com",
            "jane\t@mail.com",
            "jane[@]mail.com",
            "jane (at) mail.com (see photo)",
            "shop [.] com",
            "jane <@> mail.com",
        ],
    )
    def test_examples_the_hints_keep(self, text: str) -> None:
        """Disguises that only the hints' wider forms (tabs, breaks, other spaces) let through."""
        norm = normalize(text)

        view = contact_view(norm)

        assert view.text != norm.text


SPOKEN_PIECES = [
    *("one", "oh", "zero", "seven", "eight", "nine", "someone", "phone", "john", "at", "my"),
    *("gmail", "is", "jane", "dot", "com", "co", "uk", "web.de", " ", "  ", ",", "-", "\n"),
]


class TestWordFinders:
    """The automata that let the phone and email detectors skip a pattern miss none of its matches."""

    @given(st.lists(st.sampled_from(SPOKEN_PIECES), max_size=40).map("".join))
    def test_digit_words_counted_at_least_as_often_as_matched(self, text: str) -> None:
        """The automaton counts every digit word the pattern matches, and maybe more."""
        counted = len(detectors._DIGIT_WORD_FINDER.find_matches_as_indexes(text, overlapping=True))

        assert counted >= len(detectors._DIGIT_WORD.findall(text))

    @given(st.lists(st.sampled_from(SPOKEN_PIECES), max_size=40).map("".join))
    def test_spoken_email_hints(self, text: str) -> None:
        """A spoken-out address holds a hint and an ending the automata find."""
        if detectors._SPOKEN_EMAIL.search(text):
            assert detectors._SPOKEN_HINT_FINDER.find_matches_as_indexes(text)
            assert detectors._SPOKEN_END_FINDER.find_matches_as_indexes(text)

    def test_lone_surrogates_read_without_the_automata(self) -> None:
        """Text the automata cannot encode (a lone surrogate) is still searched, word by word."""
        text = "\ud800 call me on five five five, oh one two three, or jane at shop dot com"

        found = (find_phones(normalize(text)), find_emails(normalize(text)))

        assert [[e.value for e in f] for f in found] == [
            ["555 0123"],
            ["jane at shop dot com"],
        ]

    def test_spelled_out_number_still_read(self) -> None:
        """Seven digits said one by one are still a phone number, in the groups they were said."""
        found = find_phones(normalize("call me on five five five, oh one two three"))

        assert [p.value for p in found] == ["555 0123"]


class TestDigitCount:
    """The digit count that lets the phone detector skip its pattern is exact where it says so."""

    @given(st.text(alphabet="0123456789 -+()aé\u0663\u0967\uff11\ud800", max_size=20))
    def test_too_few_only_when_too_few(self, text: str) -> None:
        """Text said to hold too few digits holds fewer than four of the pattern's digits, or
        fewer than seven and no toll-free prefix."""
        if detectors._too_few_digits(text):
            digits = len(regex.findall(r"\d", text, flags=regex.V1))
            assert digits < detectors._FEWEST_DIGITS or (
                digits < detectors._MIN_DIGITS and not any(t in text for t in detectors._TOLL_FREE)
            )

    @given(st.text(alphabet="0123456789 -.aé\xb2\xbd", max_size=20))
    def test_exact_in_latin1(self, text: str) -> None:
        """In Latin-1 text, too few means fewer than four ASCII digits, or fewer than seven
        and no toll-free prefix, and nothing else."""
        digits = sum(c in "0123456789" for c in text)
        expected = digits < detectors._FEWEST_DIGITS or (
            digits < detectors._MIN_DIGITS and not any(t in text for t in detectors._TOLL_FREE)
        )

        assert expected == detectors._too_few_digits(text)

    @given(st.text(alphabet="0123456789 -+().,/\nflowersab", max_size=24))
    @example("1-800-flowers")
    @example("1 888 shop now")
    @example("call 555-0198")
    def test_too_few_for_any_number(self, text: str) -> None:
        """Where the count says too few, no match of the pattern has a phone number's digits."""
        if detectors._too_few_digits(text):
            values = [m["number"].strip() for m in detectors._PHONE.finditer(text)]
            assert not [v for v in values if detectors._phone_shaped(v)], text


class TestEmojiWork:
    def test_no_step_per_joiner(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Emoji sequences normalise without a step per joiner; a zero-width space takes one."""
        calls: list[int] = []
        work = normalize_module._gap_labels

        def counting(marked: str, index: int, position: int, gaps: dict[int, int]) -> None:
            calls.append(index)
            work(marked, index, position, gaps)

        monkeypatch.setattr(normalize_module, "_gap_labels", counting)
        family = "\N{WOMAN}\u200d\N{WOMAN}\u200d\N{GIRL} "

        normalize(family * 1000)
        quiet = len(calls)
        norm = normalize(family * 1000 + f"a{ZWSP}b")

        assert (0, 1) == (quiet, len(calls))
        assert (ZERO_WIDTH,) == norm.disguises(len(norm.text) - 2, len(norm.text))
