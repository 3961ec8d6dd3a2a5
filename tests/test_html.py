"""Tests for the HTML facts behind SP202-SP207 (`sellerpolicy._text.html`)."""

from __future__ import annotations

import html as stdlib_html
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sellerpolicy import Code, Message, check_message
from sellerpolicy._text import html as html_module
from sellerpolicy._text.html import HtmlFacts, Image, StyleUse, analyze_html, find_markup
from sellerpolicy._text.normalize import normalize_html

if TYPE_CHECKING:
    from collections.abc import Iterable


def only_image(source: str) -> Image:
    facts = analyze_html(source)
    assert len(facts.images) == 1
    return facts.images[0]


def uses(source: str, kind: str) -> list[tuple[str, str]]:
    """(value, evidence) of every style use of one kind."""
    return [
        (use.value, source[use.start : use.end])
        for use in analyze_html(source).styles
        if use.kind == kind
    ]


class TestImages:
    @pytest.mark.parametrize(
        ("source", "src"),
        [
            ('<img src="https://x.com/a.gif">', "https://x.com/a.gif"),
            ("<IMG SRC=http://x.com/b.png>", "http://x.com/b.png"),
            ("<img src='/c.gif?a=1&amp;b=2'>", "/c.gif?a=1&b=2"),
            ('<img alt="no source">', None),
            ("<img src>", None),
        ],
        ids=["double-quoted", "unquoted-uppercase", "entities-unescaped", "missing", "bare"],
    )
    def test_src(self, source: str, src: str | None) -> None:
        """The src attribute is read as the browser reads it."""
        assert only_image(source).src == src

    @pytest.mark.parametrize(
        ("source", "scheme"),
        [
            ('<img src="http://shop.example/logo.png">', "http"),
            ('<img src="https://shop.example/logo.png">', "https"),
            ('<img src="HTTP://shop.example/logo.png">', "http"),
        ],
        ids=["http", "https", "http-uppercase"],
    )
    def test_scheme_is_visible_in_src(self, source: str, scheme: str) -> None:
        """SP203 can tell plain-http images from https ones by the src."""
        src = only_image(source).src
        assert src is not None
        assert src.lower().split(":", 1)[0] == scheme

    @pytest.mark.parametrize(
        "source",
        [
            '<img src="a.gif" width="1" height="1">',
            '<img src="a.gif" width="1px" height="1px">',
            '<img src="a.gif" style="width:1px;height:1px">',
            '<img src="a.gif" style="width: 1px; height: 1px !important">',
            '<img src="a.gif" width="300" height="200" style="width:1px;height:1px">',
            '<img src="a.gif" width="0">',
            '<img src="a.gif" style="height:0">',
        ],
        ids=[
            "attributes",
            "attributes-px",
            "style",
            "style-important",
            "style-beats-attributes",
            "zero-width",
            "zero-height-style",
        ],
    )
    def test_tiny(self, source: str) -> None:
        """An image at most one pixel square (or zero in either direction) is tiny."""
        assert only_image(source).tiny

    @pytest.mark.parametrize(
        "source",
        [
            '<img src="a.gif">',
            '<img src="a.gif" width="1" height="20">',
            '<img src="a.gif" width="1%" height="1%">',
            '<img src="a.gif" width="1">',
            '<img src="a.gif" width="1" height="1" style="width:100px;height:100px">',
        ],
        ids=["no-size", "one-dimension-big", "percent", "height-unknown", "style-beats-attributes"],
    )
    def test_not_tiny(self, source: str) -> None:
        """An image with a real size, or an unknown one, is not tiny."""
        assert not only_image(source).tiny

    @pytest.mark.parametrize(
        "source",
        [
            '<img src="a.gif" style="display:none">',
            '<img src="a.gif" style="DISPLAY: None !important">',
            '<img src="a.gif" style="visibility:hidden">',
            '<img src="a.gif" style="opacity:0">',
            '<img src="a.gif" style="opacity: 0.0">',
            '<img src="a.gif" style="mso-hide:all">',
            '<img src="a.gif" width="0" height="0">',
            '<img src="a.gif" style="width:0px">',
            '<img src="a.gif" hidden>',
        ],
        ids=[
            "display-none",
            "display-none-loud",
            "visibility-hidden",
            "opacity-0",
            "opacity-0.0",
            "mso-hide",
            "zero-size",
            "zero-width-style",
            "hidden-attribute",
        ],
    )
    def test_hidden(self, source: str) -> None:
        """An image the reader cannot see is hidden."""
        assert only_image(source).hidden

    @pytest.mark.parametrize(
        "source",
        [
            '<img src="a.gif">',
            '<img src="a.gif" width="1" height="1">',
            '<img src="a.gif" style="display:block; opacity:0.5">',
            '<img src="a.gif" alt="hidden">',
        ],
        ids=["plain", "tiny-but-shown", "visible-style", "hidden-in-alt-only"],
    )
    def test_not_hidden(self, source: str) -> None:
        """A visible image is not hidden, even a tiny one."""
        assert not only_image(source).hidden

    @pytest.mark.parametrize(
        ("source", "alt"),
        [
            ('<img src="a.png" alt="Our blue mug">', "Our blue mug"),
            ("<img src='a.png' alt='Fish &amp; chips'>", "Fish & chips"),
            ('<img src="a.png" alt="">', ""),
            ('<img src="a.png">', None),
        ],
        ids=["plain", "entity", "empty", "missing"],
    )
    def test_alt(self, source: str, alt: str | None) -> None:
        """The alt text is extracted with entities unescaped."""
        assert only_image(source).alt == alt

    def test_raw_attributes(self) -> None:
        """Width, height and style are kept as written."""
        image = only_image('<img src="a.png" width="1px" height=" 2 " style="border:0">')
        assert (image.width, image.height, image.style) == ("1px", " 2 ", "border:0")

    @pytest.mark.parametrize(
        "source",
        [
            '<p>Hi</p>\n<img src="a.gif" alt="x">\n<p>Bye</p>',
            '<div><IMG\nsrc="a.gif"\n  width=1 height=1 /></div>',
            'é ü → <b>x</b><img src="a.gif"> &amp; more',
            "<table><tr><td><img src=a.gif border=0></td></tr></table>",
        ],
        ids=["between-paragraphs", "multi-line-self-closing", "after-non-ascii", "in-table"],
    )
    def test_span_is_the_tag(self, source: str) -> None:
        """An image's span is exactly the <img ...> tag in the original string."""
        image = only_image(source)
        tag = source[image.start : image.end]
        assert tag.lower().startswith("<img")
        assert tag.endswith(">")
        assert source.index(tag) == image.start

    def test_several_images_in_order(self) -> None:
        """Every image is reported, in document order."""
        source = '<img src="1.gif"><p>x</p><img src="2.png"><img src="3.jpg">'
        assert [image.src for image in analyze_html(source).images] == ["1.gif", "2.png", "3.jpg"]

    def test_image_tag_alias(self) -> None:
        """Browsers read <image> as <img>, so it is an image too."""
        assert only_image('<image src="a.gif">').src == "a.gif"

    def test_negative_sizes_are_ignored(self) -> None:
        """Invalid negative sizes make nothing tiny."""
        assert not only_image('<img src="a.gif" width="-1" height="-1">').tiny

    def test_first_duplicate_attribute_wins(self) -> None:
        """Like browsers, the first of duplicate attributes is used."""
        assert only_image('<img src="first.png" src="second.gif">').src == "first.png"


class TestStyles:
    @pytest.mark.parametrize(
        ("source", "evidence"),
        [
            ("<center>Hi</center>", "<center>"),
            ('<p style="text-align:center">Hi</p>', "text-align:center"),
            (
                '<p style="color: red; TEXT-ALIGN: Center !important">Hi</p>',
                "TEXT-ALIGN: Center !important",
            ),
            ('<p align="center">Hi</p>', 'align="center"'),
            ("<div ALIGN=CENTER>Hi</div>", "ALIGN=CENTER"),
            ("<style>p { text-align: center }</style><p>Hi</p>", "text-align: center"),
        ],
        ids=[
            "center-tag",
            "text-align",
            "text-align-loud",
            "align-attribute",
            "align-unquoted",
            "style-sheet",
        ],
    )
    def test_centred(self, source: str, evidence: str) -> None:
        """Centred text is reported with the tag, attribute or declaration as evidence."""
        assert uses(source, "center") == [("center", evidence)]

    @pytest.mark.parametrize(
        "source",
        [
            '<p style="text-align:left">Hi</p>',
            '<p align="left">Hi</p>',
            "<p>center</p>",
            '<img src="center.png">',
        ],
        ids=["left", "align-left", "word-in-text", "word-in-src"],
    )
    def test_not_centred(self, source: str) -> None:
        """Other alignments and the word itself are not centring."""
        assert uses(source, "center") == []

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ('<p style="font-family: Arial">x</p>', [("Arial", "font-family: Arial")]),
            (
                "<p style=\"font-family:'Open Sans', sans-serif\">x</p>",
                [("'Open Sans', sans-serif", "font-family:'Open Sans', sans-serif")],
            ),
            ('<font face="Verdana">x</font>', [("Verdana", 'face="Verdana"')]),
            (
                '<p style="font: italic bold 12px/30px Georgia, serif">x</p>',
                [("Georgia, serif", "font: italic bold 12px/30px Georgia, serif")],
            ),
            (
                "<style>body{font-family:Helvetica}</style>",
                [("Helvetica", "font-family:Helvetica")],
            ),
            ('<p style="font-family: inherit">x</p>', []),
        ],
        ids=[
            "style",
            "quoted-family",
            "font-face",
            "font-shorthand",
            "style-sheet",
            "inherit-is-no-override",
        ],
    )
    def test_font_family(self, source: str, expected: list[tuple[str, str]]) -> None:
        """Custom font families are reported from style attributes, <font face> and style sheets."""
        assert uses(source, "font-family") == expected

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ('<span style="color:#ff0000">x</span>', [("#ff0000", "color:#ff0000")]),
            (
                '<span style="background-color: yellow">x</span>',
                [("yellow", "background-color: yellow")],
            ),
            (
                '<span style="color:red;background-color:blue">x</span>',
                [("red", "color:red"), ("blue", "background-color:blue")],
            ),
            ('<font color="green">x</font>', [("green", 'color="green"')]),
            ('<td bgcolor="#eee">x</td>', [("#eee", 'bgcolor="#eee"')]),
            ("<style>a:hover { color: purple; }</style>", [("purple", "color: purple")]),
            ('<span style="border-color:red">x</span>', []),
        ],
        ids=[
            "color",
            "background-color",
            "both",
            "font-color",
            "bgcolor",
            "style-sheet",
            "border-color-is-not",
        ],
    )
    def test_color(self, source: str, expected: list[tuple[str, str]]) -> None:
        """Text and background colours are both reported as colour overrides."""
        assert uses(source, "color") == expected

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ('<p style="line-height:1.8">x</p>', [("1.8", "line-height:1.8")]),
            (
                '<p style="line-height: 24px !important">x</p>',
                [("24px", "line-height: 24px !important")],
            ),
            ('<p style="font: 14px/2 Arial">x</p>', [("2", "font: 14px/2 Arial")]),
        ],
        ids=["number", "length-important", "font-shorthand"],
    )
    def test_line_height(self, source: str, expected: list[tuple[str, str]]) -> None:
        """Line heights are reported, with !important dropped from the value."""
        assert uses(source, "line-height") == expected

    def test_font_tag(self) -> None:
        """A <font> tag is itself a layout override, besides its attributes."""
        source = 'Hi <font face="Arial" size="4" color="red">there</font>'
        facts = analyze_html(source)
        assert [(use.kind, source[use.start : use.end]) for use in facts.styles] == [
            ("font-tag", '<font face="Arial" size="4" color="red">'),
            ("font-family", 'face="Arial"'),
            ("font-size", 'size="4"'),
            ("color", 'color="red"'),
        ]
        assert facts.font_sizes == {"size=4"}

    def test_declaration_spans_fall_back_to_attribute_with_entities(self) -> None:
        """When a style attribute holds entities, uses point at the whole attribute."""
        source = '<p style="font-family:&quot;Comic Sans&quot;">x</p>'
        assert uses(source, "font-family") == [
            ('"Comic Sans"', 'style="font-family:&quot;Comic Sans&quot;"')
        ]

    def test_unclosed_style_sheet(self) -> None:
        """A style sheet left open at the end of the document still counts."""
        assert uses("<style>p { color: red", "color") == [("red", "color: red")]

    def test_comments_in_css_are_ignored(self) -> None:
        """CSS comments neither hide nor invent declarations."""
        source = '<p style="/* color: red */ line-height: 2">x</p>'
        assert uses(source, "color") == []
        assert uses(source, "line-height") == [("2", "line-height: 2")]

    def test_styles_are_ordered_by_position(self) -> None:
        """Uses come in document order whatever produced them."""
        source = '<center><br><br></center><p style="color:red">x</p>'
        facts = analyze_html(source)
        starts = [use.start for use in facts.styles]
        assert starts == sorted(starts)
        assert [use.kind for use in facts.styles] == ["center", "line-breaks", "color"]

    def test_plain_html_has_no_overrides(self) -> None:
        """Ordinary paragraphs, lists and links override nothing."""
        source = (
            '<p>Hello,</p><ul><li>one</li></ul><p><a href="https://amazon.com">x</a><br>Thanks</p>'
        )
        facts = analyze_html(source)
        assert facts.styles == ()
        assert facts.font_sizes == frozenset()
        assert facts.max_consecutive_breaks == 1


class TestFontSizesAndBreaks:
    def test_four_distinct_sizes(self) -> None:
        """Four different sizes from four sources are counted once each."""
        source = (
            '<p style="font-size:12px">a</p>'
            '<p style="font-size: 12.0PX">same</p>'
            '<font size="5">b</font>'
            "<h2>c</h2>"
            "<style>.x { font: bold 1.5em Arial }</style>"
        )
        assert analyze_html(source).font_sizes == {"12px", "size=5", "h2", "1.5em"}

    @pytest.mark.parametrize(
        ("source", "sizes"),
        [
            ("<h1>a</h1><h1>b</h1><h3>c</h3>", {"h1", "h3"}),
            ('<span style="font-size: small">a</span>', {"small"}),
            ('<span style="font-size: inherit">a</span>', set()),
            ('<span style="font-size:14px !important">a</span>', {"14px"}),
        ],
        ids=["headings", "keyword", "inherit", "important"],
    )
    def test_sizes(self, source: str, sizes: set[str]) -> None:
        """Sizes are normalised so equal sizes written differently count once."""
        assert analyze_html(source).font_sizes == sizes

    @pytest.mark.parametrize(
        ("source", "longest"),
        [
            ("a<br><br><br>b", 3),
            ("a<br>\n<br/>b", 2),
            ("a<br> \n\t <BR />  <br>b", 3),
            ("a<br><!-- spacer --><br>b", 2),
            ("a<br>&nbsp;<br>b", 2),
            ("a<br>x<br>y<br>z", 1),
            ("a<br><span></span><br>b", 1),
            ("a<br><br>b<br><br><br><br>c", 4),
            ("a</br></br>b", 2),
            ("no breaks", 0),
        ],
        ids=[
            "three",
            "newline-between",
            "whitespace-and-case",
            "comment-between",
            "nbsp-between",
            "text-between",
            "tag-between",
            "longest-run",
            "end-tag-br",
            "none",
        ],
    )
    def test_consecutive_breaks(self, source: str, longest: int) -> None:
        """Only whitespace (and comments) may separate consecutive line breaks."""
        assert analyze_html(source).max_consecutive_breaks == longest

    def test_break_runs_are_uses(self) -> None:
        """Each run of two or more breaks is a use spanning the run."""
        source = "a<br>b<br><br>\n<br>c"
        assert uses(source, "line-breaks") == [("<br> x3", "<br><br>\n<br>")]


class TestText:
    def test_inline_tags_vanish(self) -> None:
        """Inline formatting tags do not split words."""
        facts = analyze_html("<p>Hello <b>there</b></p>")
        assert "Hello there" in facts.text

    def test_text_span_maps_back_exactly(self) -> None:
        """A word of the text maps back to exactly that word in the source."""
        source = "<p>Hello <b>there</b></p>"
        facts = analyze_html(source)
        start = facts.text.index("there")
        begin, end = facts.text_span(start, start + len("there"))
        assert source[begin:end] == "there"

    @pytest.mark.parametrize(
        ("source", "phrase", "evidence"),
        [
            ("<p>Fish &amp; chips</p>", "Fish & chips", "Fish &amp; chips"),
            ("<p>&lt;b&gt; is bold</p>", "<b> is bold", "&lt;b&gt; is bold"),
            ("<p>caf&eacute; &#x263A; &#9731;</p>", "café ☺ ☃", "caf&eacute; &#x263A; &#9731;"),
            ("<p>AT&T rocks</p>", "AT&T rocks", "AT&T rocks"),
            ("<p>&ampersand</p>", "&ersand", "&ampersand"),
        ],
        ids=["amp", "lt-gt", "named-and-numeric", "bare-ampersand", "reference-without-semicolon"],
    )
    def test_entities(self, source: str, phrase: str, evidence: str) -> None:
        """Entities are unescaped in the text and map back to the whole reference."""
        facts = analyze_html(source)
        start = facts.text.index(phrase)
        begin, end = facts.text_span(start, start + len(phrase))
        assert source[begin:end] == evidence

    def test_character_after_entity_maps_exactly(self) -> None:
        """Text after an entity keeps a one-to-one mapping."""
        source = "<p>x &amp; yz</p>"
        facts = analyze_html(source)
        start = facts.text.index("yz")
        assert source[slice(*facts.text_span(start, start + 2))] == "yz"

    @pytest.mark.parametrize(
        ("source", "text"),
        [
            ("<p>one</p><p>two</p>", "one\ntwo\n"),
            ("one<br>two<br/>three", "one\ntwo\nthree"),
            ("<div>a</div><div>b</div>", "a\nb\n"),
            ("<td>a</td><td>b</td>", "a b "),
            ("<b>a</b><i>b</i><span>c</span>", "abc"),
            ("a<script>alert('<b>x</b>')</script>b", "ab"),
            ("a<style>p { color: red }</style>b", "ab"),
            ("a<!-- hidden -->b", "ab"),
            ("<!DOCTYPE html><html><body>x</body></html>", "x\n"),
        ],
        ids=[
            "paragraphs",
            "breaks",
            "divs",
            "cells",
            "inline",
            "script",
            "style",
            "comment",
            "document",
        ],
    )
    def test_visible_text(self, source: str, text: str) -> None:
        """Block tags and breaks become newlines; scripts, styles and comments disappear."""
        assert analyze_html(source).text == text

    @pytest.mark.parametrize(
        ("source", "text"),
        [
            ("a<script>x<b>y", "a"),
            ("a<style>p { color: red", "a"),
            ("a<p>b<b>c", "a\nbc"),
        ],
        ids=["unclosed-script", "unclosed-style", "unclosed-tags"],
    )
    def test_unclosed_elements(self, source: str, text: str) -> None:
        """Unclosed elements end with the document, and their bodies stay where they belong."""
        assert analyze_html(source).text == text

    def test_separator_maps_to_its_tag(self) -> None:
        """A newline that stands for a tag maps back to the tag."""
        source = "one<br>two"
        facts = analyze_html(source)
        newline = facts.text.index("\n")
        assert source[slice(*facts.text_span(newline, newline + 1))] == "<br>"

    def test_span_across_tags_covers_them(self) -> None:
        """A phrase split by markup maps to a span covering that markup."""
        source = "<p>call <b>me</b> now</p>"
        facts = analyze_html(source)
        start = facts.text.index("call me now")
        assert (
            source[slice(*facts.text_span(start, start + len("call me now")))]
            == "call <b>me</b> now"
        )

    @pytest.mark.parametrize(
        ("start", "end"),
        [(-5, 3), (0, 10_000), (7, 2), (4, 4), (10_000, 10_001)],
        ids=["negative", "past-end", "reversed", "empty", "far-out"],
    )
    def test_text_span_clamps(self, start: int, end: int) -> None:
        """Out-of-range offsets give a span inside the original string."""
        source = "<p>Hello <b>there</b></p>"
        begin, finish = analyze_html(source).text_span(start, end)
        assert 0 <= begin <= finish <= len(source)

    def test_text_span_without_map_is_identity(self) -> None:
        """Facts built by hand (as rule tests do) map text offsets to themselves."""
        facts = HtmlFacts(text="plain words")
        assert facts.text_span(6, 11) == (6, 11)
        assert facts.text_span(-1, 99) == (0, 11)

    def test_tags_with_spans(self) -> None:
        """Every start and end tag is listed with its exact span."""
        source = '<p class="x">a<br/></p>'
        facts = analyze_html(source)
        assert facts.tags == (("p", 0, 13), ("br", 14, 19), ("/p", 19, 23))
        assert [source[start:end] for _, start, end in facts.tags] == [
            '<p class="x">',
            "<br/>",
            "</p>",
        ]


class TestFindMarkup:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("This is <b>bold</b>.", [("b", "<b>"), ("/b", "</b>")]),
            ("line one<br>line two", [("br", "<br>")]),
            ("line one<BR/>line two", [("br", "<BR/>")]),
            (
                'Visit <a href="https://x.com">here</a>',
                [("a", '<a href="https://x.com">'), ("/a", "</a>")],
            ),
            ("Hi <!-- c --> there", [("!--", "<!-- c -->")]),
            (
                "<!DOCTYPE html><p>x</p>",
                [("!doctype", "<!DOCTYPE html>"), ("p", "<p>"), ("/p", "</p>")],
            ),
            ("<td nowrap>x", [("td", "<td nowrap>")]),
            ("<script>var a = '<b>';</script>", [("script", "<script>"), ("/script", "</script>")]),
        ],
        ids=[
            "bold",
            "br",
            "br-self-closing-uppercase",
            "link",
            "comment",
            "doctype",
            "boolean-attribute",
            "script",
        ],
    )
    def test_markup(self, text: str, expected: list[tuple[str, str]]) -> None:
        """Real tags and comments are reported with their spans."""
        assert [(name, text[start:end]) for name, start, end in find_markup(text)] == expected

    @pytest.mark.parametrize(
        "text",
        [
            "x < y",
            "Delivery in <5 minutes",
            "We <3 our customers",
            "Your size <M> is out of stock",
            "a <-> b",
            "This is <<important>>",
            "Write to <jane@example.com>",
            "Pick <a few> of them",
            "if a<b and c>d then",
            "<Order #123-4567890-1234567>",
            "Use <img src=x without closing",
            "3 > 2 and 1 < 2",
            "",
        ],
        ids=[
            "less-than",
            "less-than-number",
            "heart",
            "size-placeholder",
            "arrow",
            "double-angle",
            "email",
            "a-few",
            "comparison-pair",
            "order-placeholder",
            "unterminated-tag",
            "math",
            "empty",
        ],
    )
    def test_prose(self, text: str) -> None:
        """Angle brackets in prose are not markup."""
        assert find_markup(text) == ()

    def test_unknown_tags_are_ignored(self) -> None:
        """Tag-shaped words that are no HTML element are not reported."""
        assert find_markup("<customer name> wrote <foo>bar</foo>") == ()


class TestRobustness:
    @pytest.mark.parametrize(
        "source",
        [
            "<p>unclosed <b>tags <i>everywhere",
            "stray < and > and <<< >>>",
            "<img src=x",
            '<img src="http://x/a.gif',
            "<a href='x>broken quote</a><img src=y.gif>",
            "<!-- never closed <b>x</b>",
            "<![foo[ x ]]>",
            "<![ x",
            "<!DOCTYPE",
            "</",
            "<",
            "&",
            "&#",
            "&#x;",
            "<script>never closed <b>",
            "<style>p { color: red",
            "<p style='color:red;font-family:\"Arial'>x</p>",
            "<\x00a>\x00</a\x00>",
            "\r\n<p>\r\nx\r\n</p>\r\n",
            "",
        ],
        ids=[
            "unclosed",
            "stray-angles",
            "img-without-gt",
            "img-unclosed-quote",
            "broken-quote",
            "unclosed-comment",
            "unknown-marked-section",
            "marked-section-without-name",
            "doctype-without-gt",
            "end-tag-open",
            "lone-lt",
            "lone-amp",
            "char-ref-open",
            "empty-hex-ref",
            "unclosed-script",
            "unclosed-style",
            "unbalanced-css-quote",
            "nul",
            "crlf",
            "empty",
        ],
    )
    def test_malformed_input(self, source: str) -> None:
        """Malformed HTML never raises and every span lies inside the string."""
        facts = analyze_html(source)
        check_spans(source, facts)
        for _, start, end in find_markup(source):
            assert 0 <= start < end <= len(source)

    def test_unterminated_tag_and_rest_are_text(self) -> None:
        """What the parser cannot finish, and everything after it, is text, not markup."""
        source = '<p>Hi <a href=\'x>oops</a> <img src="a.gif">'
        facts = analyze_html(source)
        assert facts.images == ()
        assert facts.text == 'Hi <a href=\'x>oops</a> <img src="a.gif">'
        start = facts.text.index("<img")
        assert source[slice(*facts.text_span(start, start + 4))] == "<img"

    def test_unknown_marked_section_does_not_stop_parsing(self) -> None:
        """A marked section the stdlib would reject is skipped, and later tags still count."""
        facts = analyze_html('<![foo[ x ]]><img src="a.gif">')
        assert [image.src for image in facts.images] == ["a.gif"]

    @pytest.mark.slow
    @pytest.mark.parametrize(
        "unit",
        [
            "<",
            "<a ",
            "<a <a",
            "<a x='>'",
            "<!--x>",
            "</",
            "<img src=x ",
            "<![CDATA[x>",
            "&amp;",
            "<br>",
        ],
        ids=[
            "lt",
            "a-space",
            "a-a",
            "quoted-gt",
            "comment-open",
            "end-open",
            "img-open",
            "cdata-open",
            "entities",
            "breaks",
        ],
    )
    def test_one_megabyte_adversarial_input_completes(self, unit: str) -> None:
        """A megabyte of pathological markup is handled (in linear time) without errors."""
        source = unit * (1_000_000 // len(unit))
        facts = analyze_html(source)
        assert facts.text_span(0, len(facts.text))[1] <= len(source)
        find_markup(source)

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "<",
                    ">",
                    "/",
                    "=",
                    "'",
                    '"',
                    " ",
                    "\n",
                    "&",
                    "amp;",
                    "#",
                    "!--",
                    "--",
                    "!",
                    "?",
                    "[",
                    "]",
                    "a",
                    "b",
                    "p",
                    "br",
                    "img",
                    "src",
                    "style",
                    "script",
                    "font-size:1px",
                    ";",
                    "x",
                    "é",
                    "<![",
                    "CDATA",
                ]
            ),
            max_size=40,
        ).map("".join)
    )
    def test_fuzz(self, source: str) -> None:
        """Any mix of markup characters parses, with consistent spans."""
        facts = analyze_html(source)
        check_spans(source, facts)
        for name, start, end in find_markup(source):
            assert source[start] == "<"
            assert 0 <= start < end <= len(source)
            assert name


def check_spans(source: str, facts: HtmlFacts) -> None:
    """Assert every span of `facts` lies inside `source` and points at what it claims."""
    size = len(source)
    for image in facts.images:
        assert 0 <= image.start < image.end <= size
        assert source[image.start : image.end].lower().startswith(("<img", "<image"))
    for use in facts.styles:
        assert isinstance(use, StyleUse)
        assert 0 <= use.start < use.end <= size
    previous = 0
    for name, start, end in facts.tags:
        assert previous <= start < end <= size
        assert source[start] == "<"
        assert name
        previous = end
    for start in range(len(facts.text) + 1):
        for end in range(start, min(len(facts.text), start + 3) + 1):
            begin, finish = facts.text_span(start, end)
            assert 0 <= begin <= finish <= size
    begin, finish = facts.text_span(0, len(facts.text))
    if facts.text.strip():
        assert stdlib_html.unescape(source[begin:finish]).strip()


def check_reading(source: str) -> None:
    """The reading maps each character into `source`, never going back."""
    reading = analyze_html(source).reading()
    assert len(reading.starts) == len(reading.ends) == len(reading.text)
    previous = (0, 0)
    for start, end in zip(reading.starts, reading.ends, strict=True):
        assert 0 <= start <= end <= len(source)
        assert start >= previous[0]
        assert end >= previous[1]
        previous = (start, end)
    for start, end in reading.references:
        assert 0 <= start < end <= len(reading.text)
    assert all(0 < split < len(reading.text) for split in reading.splits)


class TestReading:
    """What the message rules read in an HTML body (`HtmlFacts.reading`, `normalize_html`)."""

    @pytest.mark.parametrize(
        ("source", "text"),
        [
            ("<p>Visit sh<span></span>op.com</p>", "Visit shop.com\n"),
            ("sh<b>o</b>p<!-- x -->.com", "shop.com"),
            ('sh<span title="x">op</span>.com', "shop.com"),  # attributes inside a word: left out
            ('Shop<a href="https://x.com" class="c">Now</a>', 'Shop href="https://x.com" Now'),
            ('<a href="https://x.com/a">here</a>', 'href="https://x.com/a" here'),
            ("<a href='https://x.com/?a=1&amp;b=2'>x</a>", "href='https://x.com/?a=1&b=2' x"),
            (
                'Logo: <img src="http://x.com/l.png" alt="Logo">!',
                'Logo: src="http://x.com/l.png" alt="Logo" !',
            ),
            ("<p>one</p><p>two</p>", "one\ntwo\n"),
            ("<img hidden src=a.png>", "hidden src=a.png "),
            ("shop&#46;com", "shop.com"),
            ("a<script>alert('<b>x</b>')</script>b", "ab"),  # inside a word: left out
            ("<p>Hi</p><!-- call 555 0100 -->", "Hi\n<!-- call 555 0100 --> "),
            ("<style>p{background:url(x.png)}</style>Hi", "p{background:url(x.png)} Hi"),
        ],
        ids=[
            "empty-span",
            "tags-and-comment",
            "attribute-in-word",
            "address-in-word",
            "link",
            "entity-in-attribute",
            "image",
            "blocks",
            "boolean-attribute",
            "reference",
            "script",
            "comment",
            "style",
        ],
    )
    def test_text(self, source: str, text: str) -> None:
        assert analyze_html(source).reading().text == text
        check_reading(source)

    def test_markup_inside_a_word_is_a_split(self) -> None:
        source = "<b>Week 1:</b> run sh<span></span>op.com"
        reading = analyze_html(source).reading()
        assert [reading.text[s - 1 : s + 1] for s in reading.splits] == ["ho"]

    def test_references_are_marked(self) -> None:
        reading = analyze_html("x &amp; y").reading()
        assert [reading.text[s:e] for s, e in reading.references] == ["&"]

    def test_attribute_value_maps_to_itself(self) -> None:
        source = '<p>See <a href="https://x.com/a">this</a></p>'
        reading = analyze_html(source).reading()
        start = reading.text.index("https")
        end = start + len("https://x.com/a")
        assert source[reading.starts[start] : reading.ends[end - 1]] == "https://x.com/a"

    def test_normalised_span_maps_to_the_html(self) -> None:
        source = "<p>Visit SH<span></span>OP&#46;com now</p>"
        norm = normalize_html(source)
        start = norm.text.index("shop.com")
        begin, end = norm.span(start, start + len("shop.com"))
        assert source[begin:end] == "SH<span></span>OP&#46;com"
        assert norm.disguises(start, start + len("shop.com")) == (
            "HTML character references",
            "HTML markup",
        )
        assert norm.disguises(0, len("visit")) == ()

    def test_normalised_with_disguises_inside(self) -> None:
        source = "<p>sh\u200b<b></b>\u043ep.com</p>"  # a zero-width space and a Cyrillic o
        norm = normalize_html(source)
        start = norm.text.index("shop.com")
        begin, end = norm.span(start, start + len("shop.com"))
        assert source[begin:end] == "sh\u200b<b></b>\u043ep.com"
        assert norm.disguises(start, start + 8) == (
            "Cyrillic letters",
            "HTML markup",
            "zero-width characters",
        )

    def test_each_split_labels_its_own_gap(self) -> None:
        """Markup inside many words labels each word's gap, and nothing around it."""
        source = "ab<b></b>cd ef<i></i>gh sh<b></b>\u200b<i></i>op"
        norm = normalize_html(source)

        assert norm.text == "abcd efgh shop"
        assert [norm.disguises(i, i + 2) for i in (1, 6, 11)] == [
            ("HTML markup",),
            ("HTML markup",),
            ("HTML markup", "zero-width characters"),
        ]
        assert [norm.disguises(i, i + 2) for i in (0, 2, 4, 10, 12)] == [(), (), (), (), ()]

    @pytest.mark.parametrize(
        "source",
        [
            "<p>Visit sh<span></span>op.com today</p>",
            "<p>Visit <b>sh</b><i>op</i>.com today</p>",
            "<p>Visit sh<span style='color:red'></span>op&#46;com today</p>",
        ],
    )
    def test_link_split_by_markup_is_found(self, source: str) -> None:
        report = check_message(Message(body=source, format="html"))
        [finding] = [f for f in report.findings if f.code is Code.SP101]
        assert finding.span is not None
        evidence = source[finding.span.start : finding.span.end]
        assert evidence.startswith("sh")
        assert evidence.endswith("com")
        assert "HTML markup" in finding.disguises

    def test_link_target_is_still_read(self) -> None:
        source = '<p>Details <a href="https://evil.example.com/x">here</a>.</p>'
        report = check_message(Message(body=source, format="html"))
        [finding] = [f for f in report.findings if f.code is Code.SP101]
        assert finding.span is not None
        assert source[finding.span.start : finding.span.end] == "https://evil.example.com/x"

    @pytest.mark.parametrize(
        "unit", ["sh<span></span>op.com ", '<a href="x.com">y</a>', "&amp;<b>", "<p title=a>b"]
    )
    def test_one_megabyte(self, unit: str) -> None:
        source = unit * (1_000_000 // len(unit))
        norm = normalize_html(source)
        assert norm.span(0, len(norm.text))[1] <= len(source)

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "<",
                    ">",
                    "/",
                    "=",
                    "'",
                    '"',
                    " ",
                    "\n",
                    "&",
                    "amp;",
                    "#46;",
                    "!--",
                    "--",
                    "a",
                    "b",
                    "p",
                    "span",
                    "href",
                    "title",
                    "x.com",
                    "sh",
                    "op",
                    "\u200b",
                    "\u043e",
                    "br",
                ]
            ),
            max_size=40,
        ).map("".join)
    )
    def test_any_markup_maps_monotonically(self, source: str) -> None:
        check_reading(source)
        norm = normalize_html(source)
        previous = (0, 0)
        for i in range(len(norm.text)):
            start, end = norm.span(i, i + 1)
            assert 0 <= start <= end <= len(source)
            assert start >= previous[0]
            assert end >= previous[1]
            previous = (start, end)

    @pytest.mark.parametrize(
        "source", ["<p>shop.com</p>", "plain text", "Shop<a href='https://x.com'>Now</a>"]
    )
    def test_normalizing_leaves_the_reading_alone(
        self, monkeypatch: pytest.MonkeyPatch, source: str
    ) -> None:
        """`normalize_html` maps through the reading's lists without changing them."""
        reading = analyze_html(source).reading()
        starts, ends = list(reading.starts), list(reading.ends)
        monkeypatch.setattr(HtmlFacts, "reading", lambda _: reading)

        normalize_html(source)

        assert (starts, ends) == (list(reading.starts), list(reading.ends))


def _attribute_spans_char_by_char(tag: str) -> dict[str, tuple[int, int, int, int]]:
    """The attribute spans of a start tag, read one character at a time (the former reader)."""
    space = " \t\n\r\f"

    def skip(i: int, chars: str) -> int:
        while i < len(tag) and tag[i] in chars:
            i += 1
        return i

    def until(i: int, chars: str) -> int:
        while i < len(tag) and tag[i] not in chars:
            i += 1
        return i

    spans: dict[str, tuple[int, int, int, int]] = {}
    i = until(1, space + "/>")
    while True:
        i = skip(i, space + "/")
        if i >= len(tag) or tag[i] == ">":
            return spans
        name_start, i = i, until(i + 1, space + "/>=")
        name = tag[name_start:i].lower()
        value_start = value_end = -1
        j = skip(i, space)
        if j < len(tag) and tag[j] == "=":
            j = skip(skip(j, "="), space)
            if j < len(tag) and tag[j] in "'\"":
                close = tag.find(tag[j], j + 1)
                value_start, value_end = j + 1, len(tag) if close < 0 else close
                i = len(tag) if close < 0 else close + 1
            else:
                value_start = j
                value_end = i = until(j, space + ">")
        spans.setdefault(name, (name_start, i, value_start, value_end))


class TestAttributeSpans:
    @settings(max_examples=1000)
    @given(st.text(alphabet=st.sampled_from(list("<>/=\"' \t\nAaxé")), max_size=30))
    def test_like_reading_char_by_char(self, tag: str) -> None:
        """One pattern per attribute finds the spans that reading character by character did."""
        expected = _attribute_spans_char_by_char("<" + tag)

        assert expected == html_module._attribute_spans("<" + tag)

    def test_work_per_attribute(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A tag is read with one match per attribute, plus one that finds the end."""
        calls = []
        pattern = html_module._ATTRIBUTE

        class Counting:
            def match(self, text: str, pos: int) -> object:
                calls.append(pos)
                return pattern.match(text, pos)

        monkeypatch.setattr(html_module, "_ATTRIBUTE", Counting())
        tag = "<img " + " ".join(f'a{i}="v{i}"' for i in range(200)) + ">"

        spans = html_module._attribute_spans(tag)

        assert (200, 201) == (len(spans), len(calls))


class _LineCountingRecorder(html_module._Recorder):
    """The former recorder: positions from the parser's line and column and a line-start table."""

    def __init__(self, source: str) -> None:
        super().__init__(len(source))
        self._starts = [0] + [at + 1 for at, char in enumerate(source) if char == "\n"]

    def _here(self) -> int:
        line, column = self.getpos()
        return self._starts[line - 1] + column

    def _note(
        self, kind: str, name: str = "", pairs: Iterable[tuple[str, str | None]] = ()
    ) -> None:
        self._pending.append((kind, name, tuple(pairs), self._here()))

    def updatepos(self, i: int, j: int) -> int:
        if j > i and self._pending:
            self._close_pending(self._here() + (j - i))
        return HTMLParser.updatepos(self, i, j)


MARKUP_PIECES = [
    *"<>/='\" \n\r\t&#!?[]-;x",
    "amp;",
    "#46;",
    "!--",
    "--",
    "a",
    "p",
    "br",
    "img",
    "src",
    "style",
    "script",
    "</script>",
    "<style>",
    "font-size:1px",
    "é",
    "<![",
    "CDATA",
    "if",
    "!DOCTYPE html",
    "<?x",
    "\u200b",
]


class TestRecorder:
    @settings(max_examples=1000, deadline=None)
    @given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=40).map("".join))
    def test_positions_like_counting_lines(self, source: str) -> None:
        """Events have the spans the parser's line and column gave them."""
        reference = _LineCountingRecorder(source)
        reference.run(source)

        assert reference.events == html_module._parse(source)

    def test_no_line_counting(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Positions come without counting lines: the parser's own position is never read."""

        def unused(self: HTMLParser) -> tuple[int, int]:
            raise AssertionError

        monkeypatch.setattr(HTMLParser, "getpos", unused)
        source = "<p>a\n<b>b</b>\n<img src=x.png>\n" * 50

        events = html_module._parse(source)

        assert (len(source), "start") == (events[-1].end, events[-2].kind)


# Pieces of markup that the compiled reader reads (plain tags, attributes in every way of
# writing them, comments, raw text) and pieces that make it hand over to the parser.
PLAIN_PIECES = [
    *MARKUP_PIECES,
    *"`\xa0\x0b\x00",
    "<a ",
    "<img src=",
    "<b>",
    "</b>",
    "<span>",
    "</span>",
    "</SPAN>",
    "<br/>",
    "<BR />",
    '="x"',
    "='y'",
    "=z",
    "=a/b",
    " alt=",
    " hidden",
    "-->",
    "<!--c-->",
    "<!---->",
    "/>",
    "</style>",
    "</STYLE>",
    "<title>",
    "<textarea>",
    "<!DOCTYPE html>",
    "<!doctype",
    "\u0130",
    "\u017f",
]


# Tags that say something of their own wherever they stand (images, styles, breaks, blocks),
# written the ways templates write them, and repeated: the builder reads each distinct one once.
STYLED_PIECES = [
    *PLAIN_PIECES,
    '<img src="a.png" width=1 height="1">',
    "<img src=b.png alt='c' style=\"display:none\">",
    "<IMG SRC=a.png>",
    '<font size=3 color=red face="Arial">',
    '<p style="font-size:14px;color:red" align=center>',
    "<div align=center bgcolor=#fff>",
    "<h1>",
    "</h1>",
    "<center>",
    "<br>",
    "</br>",
    "<style>p{font-size:12px}</style>",
    "<script>x</script>",
    '<a href="https://x.com/a?b=1&amp;c=2">',
    "&amp;",
    "&#46;",
    "&nbsp;",
    "sh",
    "op.com",
]


def _facts_as_read(facts: HtmlFacts) -> tuple[object, ...]:
    """Everything `facts` holds, its maps and reading included."""
    return (facts, facts._text_map, facts.reading())


class TestPlainReader:
    @settings(max_examples=2000, deadline=None)
    @given(st.lists(st.sampled_from(PLAIN_PIECES), max_size=40).map("".join))
    def test_like_the_parser(self, source: str) -> None:
        """The compiled reader and the parser it hands over to give the parser's own events."""
        reference = html_module._Recorder(len(source))
        reference.run(source)

        assert reference.events == html_module._parse(source)

    @settings(max_examples=2000, deadline=None)
    @given(st.lists(st.sampled_from(STYLED_PIECES), max_size=40).map("".join))
    def test_facts_like_the_events(self, source: str) -> None:
        """Reading plain markup straight into the facts gives the facts of `_parse`'s events.

        `_Builder.read_plain` copies the loop of `_read_plain` for speed: this keeps them alike.
        """
        expected = html_module._Builder(source).build(html_module._parse(source))

        assert _facts_as_read(expected) == _facts_as_read(html_module._read(source))

    @pytest.mark.parametrize(
        ("source", "read"),
        [
            ('<p class="x">a <b>b</b> &amp; c</p>d', 35),
            ("<style>p{color:red}</style><p>x</p>", 35),
            ("<!--c--><br/><img src=a.png alt='b'>", 36),
            ("a < b <3", 7),  # the text at the end is the parser's
            ("<a href=x/>", 0),  # '/>' after a bare value: read by the parser
            ("<p>\xa0<a b=x\xa0y>", 4),  # a bare value up to a non-ASCII space
            ("<style>a<b</style>", 0),
            ("<!-- a - b -->", 0),
            ("<!DOCTYPE html><html><p>x</p></html>", 36),
        ],
        ids=[
            "tags",
            "style",
            "comment",
            "text-at-end",
            "slash",
            "nbsp",
            "raw-lt",
            "dash",
            "doctype",
        ],
    )
    def test_what_is_read_plain(self, source: str, read: int) -> None:
        """The compiled reader reads plain markup and hands over where markup is not plain."""
        events: list[html_module._Event] = []

        assert read == html_module._read_plain(source, events)[0]
