"""Facts about HTML message templates, read with :class:`html.parser.HTMLParser`, with spans."""

from __future__ import annotations

import bisect
import html
import re  # noqa: TID251 - the tokenizer's one pattern runs faster in the stdlib engine
import weakref
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs
import regex

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = ["HtmlFacts", "HtmlText", "Image", "StyleUse", "analyze_html", "find_markup"]


# --- public values ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Image:
    """An ``<img>`` tag (or ``<image>``, which browsers read as ``<img>``).

    Attributes:
        src: The ``src`` attribute, entities unescaped (``None`` when absent).
        alt: The ``alt`` attribute.
        width: The raw ``width`` attribute (``"1"``, ``"1px"``, ``"0"``).
        height: The raw ``height`` attribute.
        style: The raw ``style`` attribute.
        start: Offset of the ``<`` of the tag in the original HTML.
        end: Offset just past the ``>`` of the tag.
        hidden: The inline style hides the image (``display:none``, ``visibility:hidden``,
            ``opacity:0``, ``mso-hide:all``), a width or height (attribute or style) is 0, or
            the tag has the ``hidden`` attribute.
        tiny: Width and height are both at most 1 px (the inline style wins over the
            attributes), or either is 0.
    """

    src: str | None
    alt: str | None
    width: str | None
    height: str | None
    style: str | None
    start: int
    end: int
    hidden: bool
    tiny: bool


@attrs.frozen(kw_only=True)
class StyleUse:
    """One use of markup that overrides the standard message layout.

    Attributes:
        kind: ``"font-size"``, ``"center"``, ``"font-family"``, ``"color"`` (text or
            background colour), ``"line-height"``, ``"font-tag"`` or ``"line-breaks"``.
        value: What was asked for: ``"14px"``, ``"center"``, ``"Arial"``, ``"#ff0000"``,
            ``"1.8"``, ``"h1"`` (a heading), ``"<font>"``, ``"<br> x3"``.
        start: Offset of the evidence in the original HTML: the CSS declaration, the
            attribute, or the whole tag.
        end: Offset just past the evidence.
    """

    kind: str
    value: str
    start: int
    end: int


@attrs.frozen(kw_only=True)
class HtmlFacts:
    """What :func:`analyze_html` found in an HTML document.

    Attributes:
        images: Every ``<img>`` tag, in document order.
        styles: Every layout override, ordered by position.
        font_sizes: Distinct normalised font sizes: CSS ``font-size`` values (``"14px"``,
            ``"1.2em"``, ``"small"``), ``<font size>`` values (``"size=3"``) and headings
            (``"h1"`` to ``"h6"``).
        max_consecutive_breaks: The longest run of ``<br>`` tags separated only by
            whitespace or comments.
        tags: Every start, self-closing and end tag as ``(name, start, end)``; names are
            lowercase and end tags start with ``/`` (``"/b"``).
        text: The visible text: data outside ``<script>`` and ``<style>``, entities
            unescaped, whitespace as written. Block tags and ``<br>`` become a newline
            (block tags only where the text does not already end one), inline formatting
            tags (``<b>``, ``<span>``, ``<a>`` ...) and tags that show nothing (``<script>``,
            ``<meta>`` ...) become nothing, and other tags a space. Map offsets back to the
            HTML with :meth:`text_span`.

    The ``text_map`` argument is internal: :func:`analyze_html` fills it in. Without it,
    :meth:`text_span` maps every offset to itself, which suits facts built by hand in tests.
    """

    images: tuple[Image, ...] = ()
    styles: tuple[StyleUse, ...] = ()
    font_sizes: frozenset[str] = attrs.field(factory=frozenset)
    max_consecutive_breaks: int = 0
    tags: tuple[tuple[str, int, int], ...] = ()
    text: str = ""
    # (text start, original start, original end, one-to-one) for consecutive pieces of `text`;
    # empty means `text` is the original itself.
    _text_map: tuple[tuple[int, int, int, bool], ...] = attrs.field(
        default=(), repr=False, eq=False, alias="text_map"
    )
    # What `reading` is assembled from: the pieces of `text` and the attribute values of tags,
    # in document order (see `_Builder`).
    _reading: tuple[_Piece | _Attributes, ...] = attrs.field(
        default=(), repr=False, eq=False, alias="reading"
    )

    def reading(self) -> HtmlText:
        """The text a checker reads: :attr:`text`, with the markup that carries text of its own.

        Link targets and image sources are where a message's addresses hide in HTML
        (``<a href="https://...">here</a>``), so each tag's attributes are read as written
        where the tag stands, between spaces, and so are comments and the bodies of
        ``<script>`` and ``<style>``. Inside a word only address attributes (``href``,
        ``src`` ...) are read, so that markup cannot split the word
        (``sh<span title="x"></span>op.com`` reads ``shop.com``).
        """
        return _assemble(self._reading, self.text)

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` back to the original HTML.

        Args:
            start: Offset of the first character in :attr:`text`.
            end: Offset just past the last character in :attr:`text`.

        Returns:
            The span of the original HTML that produced ``text[start:end]``, widened to whole
            entities and tags where a character does not come from exactly one source
            character. Offsets out of range are clamped.
        """
        size = len(self.text)
        start = min(max(start, 0), size)
        end = min(max(end, start), size)
        pieces = self._text_map
        if not pieces:
            return start, end
        if start == end:
            point = pieces[-1][2] if start == size else self._from(start, last=False)
            return point, point
        first = self._from(start, last=False)
        return first, max(first, self._from(end - 1, last=True))

    def _from(self, offset: int, *, last: bool) -> int:
        index = bisect.bisect_right(self._text_map, offset, key=lambda piece: piece[0]) - 1
        text_start, orig_start, orig_end, linear = self._text_map[max(index, 0)]
        if not linear:
            return orig_end if last else orig_start
        return orig_start + offset - text_start + (1 if last else 0)


@attrs.frozen
class HtmlText:
    """A text read from HTML, with each character's span in the HTML.

    Attributes:
        text: The text.
        starts: For each character of :attr:`text`, where in the HTML it comes from ...
        ends: ... and where that ends: one character of data, or the whole character
            reference, or the part of the tag a separator stands for.
        references: Ranges of :attr:`text` decoded from character references (``&#46;``).
        splits: Offsets of :attr:`text` where markup was taken out from inside a word
            (``sh<span></span>op``): a character before and after, neither of them a space.
    """

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    references: tuple[tuple[int, int], ...] = ()
    splits: tuple[int, ...] = ()


# A piece of the visible text: its text, start and end in the HTML, whether each character comes
# from one character of the HTML in order (linear), and its kind (_DATA, _REFERENCE or
# _SEPARATOR). A plain tuple: a document may have hundreds of thousands.
_Piece = tuple[str, int, int, bool, int]


class _Attributes(NamedTuple):
    """A start tag's attributes as pieces of text (``href="https://..."``), in order."""

    start: int  # the tag
    end: int
    # name, and the pieces written, with offsets from the start of the tag: tags written alike
    # share them
    attributes: tuple[tuple[str, tuple[_Piece, ...]], ...]


_DATA, _REFERENCE, _SEPARATOR = 0, 1, 2


def _next_visible(items: Sequence[_Piece | _Attributes]) -> list[str]:
    """For each item, the first character of the visible text after it ("" at the end)."""
    following = [""] * len(items)
    after = ""
    for index in range(len(items) - 1, -1, -1):
        following[index] = after
        item = items[index]
        if not isinstance(item, _Attributes) and item[0]:
            after = item[0][0]
    return following


def _assemble(items: Sequence[_Piece | _Attributes], visible: str) -> HtmlText:
    """Interleave the visible text and the attribute values, each mapped to the HTML.

    Every character maps into the HTML and neither its start nor its end ever goes back: an
    attribute value maps to itself inside its tag, the spaces around it to the rest of the tag.
    """
    if not items:
        size = len(visible)
        return HtmlText(visible, range(size), range(1, size + 1))
    pieces: list[_Piece] = []
    append = pieces.append
    following = _next_visible(items)
    last = ""  # the last character read so far
    for index, item in enumerate(items):
        if not isinstance(item, _Attributes):
            append(item)
            last = item[0][-1] if item[0] else last
            continue
        after = following[index]
        at, tag_end, attributes = item
        separated = (
            bool(pieces) and pieces[-1][4] == _SEPARATOR and pieces[-1][1:3] == (at, tag_end)
        )
        if not separated and last and not last.isspace() and after and not after.isspace():
            # inside a word: only addresses are read, so that the word reads whole otherwise
            attributes = tuple(a for a in attributes if a[0] in _ADDRESS_ATTRIBUTES)
            if not attributes:
                continue
        first = at + attributes[0][1][0][1]
        if separated:  # the tag's own separator stands for the tag up to the attributes
            text, start, _, linear, kind = pieces[-1]
            pieces[-1] = (text, start, first, linear, kind)
        elif last and not last.isspace():
            append((" ", at, first, False, _SEPARATOR))
        done = _append_attributes(pieces, at, attributes, first)
        append((" ", done, tag_end, False, _SEPARATOR))
        last = " "
    return _mapped(pieces)


def _append_attributes(
    pieces: list[tuple[str, int, int, bool, int]],
    at: int,
    attributes: tuple[tuple[str, tuple[_Piece, ...]], ...],
    done: int,
) -> int:
    """Append the pieces of a tag's ``attributes`` with a space between two, from ``done``.

    ``at`` is where the tag starts, the offsets in ``attributes`` are from there. Returns
    where the last piece ends.
    """
    append = pieces.append
    for _, written in attributes:
        for text, start, end, linear, kind in written:
            if at + start > done:  # the space between two attributes
                append((" ", done, at + start, False, _SEPARATOR))
            append((text, at + start, at + end, linear, kind))
            done = at + end
    return done


def _mapped(pieces: Sequence[tuple[str, int, int, bool, int]]) -> HtmlText:
    """The text of ``pieces`` with its map, its references and where markup split words."""
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    references: list[tuple[int, int]] = []
    splits: list[int] = []
    length = 0
    previous_end, previous_last = -1, ""  # of the last piece with text
    for text, start, end, linear, kind in pieces:
        size = len(text)
        if not size:
            continue
        if (
            previous_end < start
            and previous_last
            and not previous_last.isspace()
            and not text[0].isspace()
        ):
            splits.append(length)
        if size == 1:  # a separator, mostly: no list to build
            starts.append(start)
            ends.append(start + 1 if linear else end)
        elif linear:
            starts.extend(range(start, start + size))
            ends.extend(range(start + 1, start + size + 1))
        else:
            starts.extend([start] * size)
            ends.extend([end] * size)
        if kind == _REFERENCE:
            references.append((length, length + size))
        texts.append(text)
        length += size
        previous_end, previous_last = end, text[-1]
    return HtmlText("".join(texts), starts, ends, tuple(references), tuple(splits))


# --- vocabulary -------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Element names of HTML, current and obsolete: what `find_markup` reports.
_HTML_ELEMENTS: Final = _words(
    """
    a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big
    blink blockquote body br button canvas caption center cite code col colgroup data datalist
    dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer
    form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins
    isindex kbd keygen label legend li link listing main map mark marquee math menu menuitem
    meta meter multicol nav nextid nobr noembed noframes noscript object ol optgroup option
    output p param picture plaintext pre progress q rb rp rt rtc ruby s samp script search
    section select slot small source spacer span strike strong style sub summary sup svg table
    tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
    """
)
# Attributes that mean something without a value; `<a few>` in prose has none of these.
_BOOLEAN_ATTRIBUTES: Final = _words(
    """
    allowfullscreen async autofocus autoplay checked compact controls default defer disabled
    formnovalidate hidden inert ismap itemscope loop multiple muted nomodule noresize noshade
    novalidate nowrap open playsinline readonly required reversed selected
    """
)
# Tags that end a line of visible text.
_BLOCK_TAGS: Final = _words(
    """
    address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr
    html legend li listing main menu nav ol p plaintext pre section summary table tbody tfoot
    thead title tr ul xmp
    """
)
# Tags that do not separate text: inline formatting, and tags that show nothing.
_INLINE_TAGS: Final = _words(
    """
    a abbr acronym b bdi bdo big blink cite code data del dfn em font i ins kbd label mark nobr
    q rb rp rt rtc ruby s samp small span strike strong sub sup time tt u var wbr
    base link meta script style template
    """
)
# Attributes whose value is an address (a link, an image, a form's target): read even where their
# tag stands inside a word, since the address is evidence of its own.
_ADDRESS_ATTRIBUTES: Final = _words(
    """
    action archive background cite codebase data dynsrc formaction href icon longdesc lowsrc
    manifest ping poster profile src srcset usemap xlink:href
    """
)
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_RAW_TEXT_TAGS: Final = frozenset({"script", "style"})
_IMAGE_TAGS: Final = frozenset({"img", "image"})  # browsers read <image> as <img>
# CSS values that restore the default rather than override it.
_CSS_WIDE_KEYWORDS: Final = frozenset({"inherit", "initial", "unset", "revert", "revert-layer"})
_FONT_SIZE_KEYWORDS: Final = _words(
    """
    xx-small x-small small medium large x-large xx-large xxx-large smaller larger math
    """
)
_LENGTH_UNITS: Final = _words(
    """
    px pt pc em rem ex ch cap ic lh rlh vw vh vmin vmax vb vi cqw cqh in cm mm q %
    """
)
_WHITESPACE: Final = " \t\n\r\f"
_NUMBER_CHARS: Final = frozenset("0123456789.+-")
_ONE_PIXEL: Final = 1.0


# --- parsing: HTMLParser events with spans ----------------------------------------------------


class _Event(NamedTuple):
    """One parser event with its span in the original string."""

    kind: str  # "start", "startend", "end", "data", "raw", "comment", "decl", "other"
    name: str
    attrs: tuple[tuple[str, str | None], ...]
    start: int
    end: int


_NO_ATTRS: tuple[tuple[str, str | None], ...] = ()


class _Recorder(HTMLParser):
    """An :class:`HTMLParser` that records every event with its span.

    The parser calls :meth:`updatepos` with the extent of each construct it handled, in the
    buffer it still holds, the end of the document; the offset in the document where it stands
    is therefore the length of the document less that of the buffer, plus the buffer offset.
    Handlers note that position as their start, and the next :meth:`updatepos` gives their end.
    Nothing counts lines (the parser's own :meth:`getpos` is not kept up to date). Consecutive
    text is merged into one event.
    """

    def __init__(self, size: int) -> None:
        super().__init__(convert_charrefs=True)
        self._size = size  # of the document
        self._position = 0  # where the parser stands in the document
        self.events: list[_Event] = []
        self._pending: list[tuple[str, str, tuple[tuple[str, str | None], ...], int]] = []
        self._text_start = self._text_end = -1  # the run of text not yet in `events`
        self._text_kind = ("data", "")

    def run(self, source: str, start: int = 0) -> None:
        """Parse a whole document into :attr:`events`, or the rest of it from ``start``.

        What the parser cannot finish (an unterminated tag, comment or quoted attribute value,
        as in ``<a <a <a`` or ``<img src=x``) and everything after it is text. Stopping there,
        instead of letting :meth:`close` re-scan to the end from every later ``<``, keeps this
        linear on adversarial input.

        Args:
            source: The document.
            start: Where to start: a place between two constructs, outside ``<script>`` and
                ``<style>``, where the parser would stand after reading what comes before.
        """
        stop: int | None = None
        self._position = start
        try:
            self.feed(source[start:] if start else source)
            if self.cdata_elem is None and self.rawdata.startswith("<"):
                stop = self._here()
            else:
                self.close()
        except AssertionError:  # the stdlib's way of rejecting some declarations; not expected
            stop = -1
        if stop is None:
            # Older Pythons drop the body of an unclosed <script> or <style>; keep it as such.
            self._close_pending(len(source))
            if self.rawdata:
                self._text(self._here(), len(source), self._data_kind())
        else:
            self._pending.clear()
            done = max(self._text_end, self.events[-1].end if self.events else start)
            self._text(max(stop, done), len(source), ("data", ""))
        self._flush_text()

    def _here(self) -> int:
        return self._position

    def _data_kind(self) -> tuple[str, str]:
        """``("raw", "script")`` inside ``<script>`` or ``<style>``, else ``("data", "")``."""
        if self.cdata_elem in _RAW_TEXT_TAGS:
            return "raw", self.cdata_elem or ""
        return "data", ""

    def _note(
        self, kind: str, name: str = "", pairs: Iterable[tuple[str, str | None]] = ()
    ) -> None:
        self._pending.append((kind, name, tuple(pairs), self._position))

    def _text(self, start: int, end: int, kind: tuple[str, str]) -> None:
        if start >= end:
            return
        if self._text_end != start or self._text_kind != kind:
            self._flush_text()
            self._text_start, self._text_kind = start, kind
        self._text_end = end

    def _flush_text(self) -> None:
        if self._text_start >= 0:
            kind, name = self._text_kind
            self.events.append(_Event(kind, name, _NO_ATTRS, self._text_start, self._text_end))
            self._text_start = self._text_end = -1

    def _close_pending(self, end: int) -> None:
        for kind, name, pairs, start in self._pending:
            if kind in {"data", "raw"}:
                self._text(start, end, (kind, name))
            else:
                self._flush_text()
                self.events.append(_Event(kind, name, pairs, start, max(start, end)))
        self._pending.clear()

    def updatepos(self, i: int, j: int) -> int:
        """Close the events handled since the last call: they end where this construct ends."""
        if j > i:
            end = self._size - len(self.rawdata) + j  # the buffer is the rest of the document
            if self._pending:
                self._close_pending(end)
            self._position = end
        return j

    def parse_html_declaration(self, i: int) -> int:
        """Read ``<!...>``; a ``<![`` section the stdlib would reject is a bogus comment."""
        if self.rawdata.startswith("<![", i) and not _marked_section_ok(self.rawdata, i + 3):
            return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record a start tag."""
        self._note("start", tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record a self-closing tag."""
        self._note("startend", tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        """Record an end tag."""
        self._note("end", tag)

    def handle_data(self, data: str) -> None:  # noqa: ARG002 - the text is re-read from the source
        """Record text (``"raw"`` for the body of ``<script>`` or ``<style>``)."""
        self._note(*self._data_kind())

    def handle_comment(self, data: str) -> None:  # noqa: ARG002
        """Record a comment (or a bogus comment such as ``<!x>``)."""
        self._note("comment")

    def handle_decl(self, decl: str) -> None:
        """Record a declaration such as ``<!DOCTYPE html>``."""
        words = decl.split(None, 1)
        self._note("decl", words[0].lower() if words else "")

    def handle_pi(self, data: str) -> None:  # noqa: ARG002
        """Record a processing instruction."""
        self._note("other")

    def unknown_decl(self, data: str) -> None:  # noqa: ARG002
        """Record a marked section such as ``<![CDATA[...]]>``."""
        self._note("other")


def _marked_section_ok(rawdata: str, i: int) -> bool:
    """Whether the stdlib can read the ``<![`` section whose keyword starts at ``i``."""
    j = i
    if j < len(rawdata) and not (rawdata[j].isascii() and rawdata[j].isalpha()):
        return False
    while (
        j < len(rawdata) and rawdata[j].isascii() and (rawdata[j].isalnum() or rawdata[j] in "-_.")
    ):
        j += 1
    if j == len(rawdata):
        return True  # incomplete: the stdlib waits, and we treat the rest as text
    return rawdata[i:j].lower() in {
        "temp",
        "cdata",
        "ignore",
        "include",
        "rcdata",
        "if",
        "else",
        "endif",
    }


def _parse(source: str) -> list[_Event]:
    """All parser events of ``source``, in order, with spans (see :meth:`_Recorder.run`).

    `_read_plain` reads the markup that every version of the parser reads alike, in one
    compiled pass; the parser itself reads the rest of the document from the first construct
    that is not plain.
    """
    events: list[_Event] = []
    stop, text_start, text_end = _read_plain(source, events)
    recorder = _Recorder(len(source))
    recorder.events = events
    recorder._text_start, recorder._text_end = text_start, text_end  # noqa: SLF001
    if stop < len(source):
        recorder.run(source, stop)
    else:
        recorder._flush_text()  # noqa: SLF001
    return recorder.events


# Markup that `HTMLParser` reads the same way in every Python version we support, each token as
# one alternative of a single pattern: text up to a '<'; a start tag whose attributes are
# written in the strict form (names of letters, digits and '-_:.', separated by ASCII whitespace,
# each perhaps with '=' and a value in quotes, or bare: printable ASCII, followed by whitespace
# or '>'); an end tag of a name alone; a comment without '-' or '!' inside; a plain
# <!DOCTYPE ...>; and a '<' that starts no markup. Every part is possessive or fixed, so a match,
# or its failure, takes time linear in its length.
_PLAIN_TOKEN: Final = re.compile(
    r"""(?x)
    (?P<text>[^<]++)
  | <(?P<tag>[a-zA-Z][-a-zA-Z0-9]*+)
    (?P<attrs>(?:[\ \t\n\r\f]++
        [a-zA-Z_:][-a-zA-Z0-9_:.]*+
        (?:[\ \t\n\r\f]*+=[\ \t\n\r\f]*+
            (?:"[^"]*+"|'[^']*+'  # quoted, or bare: printable ASCII but for quotes and '=<>`'
              |(?:[\x21\x23-\x26\x28-\x2e\x30-\x3b\x3f-\x5f\x61-\x7e]|/(?![\ \t\n\r\f>]))++
               (?=[\ \t\n\r\f>])  # ... nor a '/' that ends it
            )
        )?+
    )*+)
    [\ \t\n\r\f]*+(?P<slash>/?)>
  | </(?P<end>[a-zA-Z][-a-zA-Z0-9]*+)>
  | (?P<comment><!--(?!>)[^-!]++-->)
  | (?P<decl><![dD][oO][cC][tT][yY][pP][eE][\ \t\n\r\f]++[a-zA-Z][^-!<>"']*+>)
  | (?P<lt><)(?=[^a-zA-Z/!?])
    """
)
# One attribute of a start tag that `_PLAIN_TOKEN` matched.
_PLAIN_ATTRIBUTE: Final = re.compile(
    r"""(?x)
    (?P<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*+)
    (?:[\ \t\n\r\f]*+=[\ \t\n\r\f]*+
        (?:"(?P<double>[^"]*+)"|'(?P<single>[^']*+)'|(?P<bare>[^\ \t\n\r\f>]++))
    )?+
    """
)
# Elements whose content the parser reads as raw text (in some versions also escapable raw
# text): only a plain <script> or <style> body is read here, the others by the parser.
_RAW_CONTENT: Final = frozenset(getattr(HTMLParser, "CDATA_CONTENT_ELEMENTS", ())) | frozenset(
    getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ())
)


def _read_plain(source: str, events: list[_Event]) -> tuple[int, int, int]:
    """Read the plain markup at the start of ``source`` into ``events`` (see `_PLAIN_TOKEN`).

    The reference reader of plain markup: `TestPlainReader` checks that it and the parser give
    the parser's own events. `_Builder.read_plain` is a copy of its loop that notes the markup
    straight into the facts; change the two together (`TestPlainReader` checks they agree).

    Returns:
        Where the first construct that is not plain starts (the length of ``source`` when
        there is none), and the span of the text read before it and not yet in ``events``
        (``(-1, -1)`` when there is none): the parser goes on from there.
    """
    text_start = text_end = -1
    at, size = 0, len(source)
    read: dict[str, tuple[tuple[str, str | None], ...]] = {}  # attributes by their text
    match = _PLAIN_TOKEN.match
    append = events.append
    while at < size:
        token = match(source, at)
        if token is None:
            break
        kind, end = token.lastgroup, token.end()
        if kind in {"text", "lt"}:
            if end == size and kind == "text":
                break  # the parser reads text at the end of the document its own way
            if text_end != at:
                text_start = at
            text_end = end
            at = end
            continue
        start_tag = kind in {"tag", "attrs", "slash"}
        raw = start_tag and token["tag"].lower() in _RAW_CONTENT and not token["slash"]
        body = _raw_body(source, token["tag"].lower(), end) if raw else -1
        if raw and body < 0:
            break
        if text_start >= 0:
            append(_Event("data", "", _NO_ATTRS, text_start, text_end))
            text_start = text_end = -1
        if start_tag:
            at = _append_start_tag(events, token, body, read)
        else:  # an end tag, a comment or a document type
            name = token["end"].lower() if kind == "end" else "doctype" if kind == "decl" else ""
            append(_Event(kind or "", name, _NO_ATTRS, at, end))
            at = end
    return at, text_start, text_end


def _append_start_tag(
    events: list[_Event],
    token: re.Match[str],
    body: int,
    read: dict[str, tuple[tuple[str, str | None], ...]],
) -> int:
    """Append a plain start tag, and the body and end tag of its raw text element if any.

    ``body`` is where the end tag of a raw text element stands (``-1`` for other elements);
    ``read`` holds the attributes already read, by their text (templates repeat their tags).
    Returns where what was appended ends.
    """
    name, attrs, end = token["tag"].lower(), token["attrs"], token.end()
    pairs = read.get(attrs) if attrs else _NO_ATTRS
    if pairs is None:
        pairs = read[attrs] = _plain_attributes(attrs)
    kind = "startend" if token["slash"] else "start"
    events.append(_Event(kind, name, pairs, token.start(), end))
    if body < 0:
        return end
    if body > end:
        events.append(_Event("raw", name, _NO_ATTRS, end, body))
    events.append(_Event("end", name, _NO_ATTRS, body, body + len(name) + 3))
    return body + len(name) + 3


def _raw_body(source: str, name: str, start: int) -> int:
    """Where the end tag of a plain ``<script>`` or ``<style>`` body from ``start`` stands.

    Plain: the body holds no ``<`` and ends with ``</name>`` written so; ``-1`` otherwise, and
    for the other elements whose content is raw text.
    """
    body = source.find("<", start)
    if name not in _RAW_TEXT_TAGS or body < 0:
        return -1
    return body if source[body : body + len(name) + 3].lower() == f"</{name}>" else -1


def _plain_attributes(written: str) -> tuple[tuple[str, str | None], ...]:
    """The attributes of a plain start tag as the parser reads them.

    Names are lowercase, values unquoted with character references decoded, and ``None`` for
    an attribute without a value.
    """
    pairs: list[tuple[str, str | None]] = []
    for attribute in _PLAIN_ATTRIBUTE.finditer(written):
        value = attribute.lastgroup
        if value == "name":
            pairs.append((attribute["name"].lower(), None))
        else:
            raw = attribute[value]  # type: ignore[index]
            pairs.append((attribute["name"].lower(), unescape(raw) if "&" in raw else raw))
    return tuple(pairs)


# --- small readers for attribute values -------------------------------------------------------


_STYLED_BY_NAME: Final = frozenset({"center", "font"}) | _HEADINGS
"""Tags that `_Builder._tag_styles` notes a style for even without attributes."""


def _first_attrs(pairs: Iterable[tuple[str, str | None]]) -> dict[str, str | None]:
    """Attributes by name; like browsers, the first of duplicates wins."""
    found: dict[str, str | None] = {}
    for name, value in pairs:
        found.setdefault(name, value)
    return found


# One attribute of a start tag, from where the previous one (or the tag name) ends: the
# separators before it, its name, and `=` with its value if it has one. A value in quotes that
# never closes runs to the end of the tag. Each part is a run of one character class, tried once
# per attribute: linear in the length of the tag.
_ATTRIBUTE: Final = regex.compile(
    r"""(?x)
    [\ \t\n\r\f/]*+                       # separators
    (?P<name>[^\ \t\n\r\f/>][^\ \t\n\r\f/>=]*+)  # the name: anything but '>' starts one
    (?:
        [\ \t\n\r\f]*+=++[\ \t\n\r\f]*+      # '=', perhaps repeated, perhaps spaced
        (?:
            "(?P<double>[^"]*+)"?+         # a value in double quotes
          | '(?P<single>[^']*+)'?+         # ... in single quotes
          | (?P<bare>[^\ \t\n\r\f>]*+)     # ... or bare
        )
    )?+
    """
)
_TAG_NAME_END: Final = regex.compile(r"[^\ \t\n\r\f/>]*+")


def _attribute_spans(tag: str) -> dict[str, tuple[int, int, int, int]]:
    """Spans of the attributes in the text of a start tag.

    Returns:
        ``name -> (start, end, value start, value end)`` relative to ``tag``; the value span
        is ``(-1, -1)`` for an attribute without a value. The first of duplicates wins.
    """
    spans: dict[str, tuple[int, int, int, int]] = {}
    at = _TAG_NAME_END.match(tag, 1).end()  # type: ignore[union-attr]
    match = _ATTRIBUTE.match(tag, at)
    while match is not None:
        value = match.lastgroup or "name"  # the value's group, or the name's if it has none
        value_start, value_end = match.span(value) if value != "name" else (-1, -1)
        name_start, end = match.start("name"), match.end()
        spans.setdefault(match["name"].lower(), (name_start, end, value_start, value_end))
        match = _ATTRIBUTE.match(tag, end)
    return spans


def _split_number(value: str) -> tuple[float, str] | None:
    """``"14.0px"`` -> ``(14.0, "px")``; ``None`` when there is no leading number."""
    i = 0
    while i < len(value) and value[i] in _NUMBER_CHARS:
        i += 1
    try:
        number = float(value[:i])
    except ValueError:
        return None
    return number, value[i:].strip()


def _attribute_pixels(value: str | None) -> float | None:
    """Pixels of an HTML ``width``/``height`` attribute (``"1"``, ``"1px"``); not percentages."""
    if value is None:
        return None
    parsed = _split_number(value.strip().lower())
    if parsed is None or parsed[0] < 0 or parsed[1].startswith("%"):
        return None
    return parsed[0]


def _css_pixels(value: str | None) -> float | None:
    """Pixels of a CSS length (``"1px"``, ``"0"``, ``"0em"``); ``None`` for other units."""
    if value is None:
        return None
    parsed = _split_number(value.strip().lower())
    if parsed is None:
        return None
    number, unit = parsed
    if number == 0 or (number > 0 and unit in {"", "px"}):
        return number
    return None


# --- CSS: declarations in style attributes and style sheets -----------------------------------


def _blank_comments(css: str) -> str:
    """``css`` with ``/* comments */`` replaced by spaces (same length, so offsets hold)."""
    if "/*" not in css:
        return css
    pieces: list[str] = []
    last = i = 0
    quote = ""
    while i < len(css):
        char = css[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "/" and css.startswith("*", i + 1):
            close = css.find("*/", i + 2)
            stop = len(css) if close < 0 else close + 2
            pieces.extend((css[last:i], " " * (stop - i)))
            last = i = stop
            continue
        i += 1
    pieces.append(css[last:])
    return "".join(pieces)


def _css_value(raw: str) -> str:
    """A declaration value without ``!important`` and with whitespace collapsed."""
    bang = raw.find("!")
    if bang >= 0:
        raw = raw[:bang]
    return " ".join(raw.split())


def _declaration(css: str, start: int, end: int) -> tuple[str, str, int, int] | None:
    """``(property, value, start, end)`` of the declaration in ``css[start:end]``, if any."""
    chunk = css[start:end]
    colon = chunk.find(":")
    if colon <= 0:
        return None
    prop = chunk[:colon].strip().lower()
    value = _css_value(chunk[colon + 1 :])
    if not prop or not value:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    return prop, value, start + lead, end - trail


def _declarations(css: str, *, sheet: bool) -> list[tuple[str, str, int, int]]:
    """The declarations of a style attribute (or, with ``sheet``, of a style sheet's rules).

    Returns:
        ``(property, value, start, end)`` with the property lowercase, the value without
        ``!important`` and offsets into ``css``.
    """
    clean = _blank_comments(css)
    found: list[tuple[str, str, int, int] | None] = []
    depth = paren = 0
    quote = ""
    chunk_start = i = 0
    while i < len(clean):
        char = clean[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "()":
            paren = paren + 1 if char == "(" else max(paren - 1, 0)
        elif char in "{}" or (char == ";" and not paren):
            if char != "{" and (depth or not sheet):
                found.append(_declaration(clean, chunk_start, i))
            depth = depth + 1 if char == "{" else max(depth - (char == "}"), 0)
            paren, chunk_start = 0, i + 1
        i += 1
    if depth or not sheet:
        found.append(_declaration(clean, chunk_start, len(clean)))
    return [item for item in found if item is not None]


def _is_size(token: str) -> bool:
    """Whether a token of a ``font`` shorthand is its font size (``14px``, ``small``, ``80%``)."""
    if token in _FONT_SIZE_KEYWORDS:
        return True
    parsed = _split_number(token)
    return parsed is not None and parsed[1] in _LENGTH_UNITS


def _font_shorthand(value: str) -> list[tuple[str, str]]:
    """``font: italic bold 14px/1.5 Arial`` -> size, line height and family uses."""
    tokens = value.split()
    for index, token in enumerate(tokens):
        size, _, line_height = token.lower().partition("/")
        if not _is_size(size):
            continue
        rest = tokens[index + 1 :]
        if not line_height and rest and rest[0].startswith("/"):
            line_height = rest[0][1:] or (rest[1] if len(rest) > 1 else "")
            rest = rest[1:] if rest[0] != "/" else rest[2:]
        uses = [("font-size", size)]
        if line_height:
            uses.append(("line-height", line_height))
        if rest:
            uses.append(("font-family", " ".join(rest)))
        return uses
    return [("font-family", value)]  # a system font such as `font: menu`


# CSS properties that override the layout, and the kind of override.
_PROPERTY_KINDS: Final = {
    "font-size": "font-size",
    "font-family": "font-family",
    "line-height": "line-height",
    "color": "color",
    "background-color": "color",
}


def _classify(prop: str, value: str) -> list[tuple[str, str]]:
    """The layout overrides one CSS declaration makes, as ``(kind, value)``."""
    if value.lower() in _CSS_WIDE_KEYWORDS:
        return []
    if prop == "font":
        return _font_shorthand(value)
    if prop == "text-align":
        return [("center", "center")] if "center" in value.lower() else []
    kind = _PROPERTY_KINDS.get(prop)
    return [(kind, value)] if kind else []


def _normal_size(value: str) -> str:
    """A comparable spelling of a CSS font size: ``"14.0PX"`` -> ``"14px"``."""
    compact = "".join(value.lower().split())
    parsed = _split_number(compact)
    if parsed is None:
        return compact
    return f"{parsed[0]:g}{parsed[1]}"


def _hides(declarations: Mapping[str, str]) -> bool:
    """Whether inline style declarations make an element invisible."""
    if declarations.get("display", "").lower() == "none":
        return True
    if declarations.get("visibility", "").lower() in {"hidden", "collapse"}:
        return True
    if declarations.get("mso-hide", "").lower() == "all":
        return True
    opacity = _split_number(declarations.get("opacity", "").strip())
    return opacity is not None and opacity[0] == 0


# --- building the facts -----------------------------------------------------------------------


_TagKey = tuple[str, tuple[tuple[str, str | None], ...]]  # a tag's text, its attributes as read
# What an <img> tag says, whatever its place: src, alt, width, height, style, hidden, tiny
_ImageFacts = tuple[str | None, str | None, str | None, str | None, str | None, bool, bool]


def _layout(
    tag: str, found: Mapping[str, str | None], spans: Mapping[str, tuple[int, int, int, int]]
) -> tuple[tuple[str, tuple[_Piece, ...]], ...]:
    """The attributes of a start tag as pieces of text, with offsets from its start.

    Each attribute as written (``href="https://..."``), its value with character references
    decoded, as the parser reads it.
    """
    attributes: list[tuple[str, tuple[_Piece, ...]]] = []
    pieces: list[_Piece] = []

    def written(start: int, end: int) -> None:
        if end > start:
            pieces.append((tag[start:end], start, end, True, _DATA))

    for name, (start, end, value_start, value_end) in spans.items():
        pieces = []
        value = found.get(name)
        if (
            value_start < 0  # a boolean attribute: its name
            or value is None
            or value == tag[value_start:value_end]  # written as read
        ):
            written(start, end)  # one piece: its parts would read the same, one by one
        else:
            written(start, value_start)  # name, '=' and the opening quote
            if value:
                pieces.append((value, value_start, value_end, False, _REFERENCE))
            written(value_end, end)  # the closing quote
        if pieces:
            attributes.append((name, tuple(pieces)))
    return tuple(attributes)


def _image_facts(found: Mapping[str, str | None]) -> _ImageFacts:
    """What an ``<img>`` tag with these attributes says (see `Image`)."""
    style = found.get("style")
    css = {prop: value for prop, value, _, _ in _declarations(style or "", sheet=False)}
    width_attr, height_attr = found.get("width"), found.get("height")
    dimensions = [
        _attribute_pixels(width_attr),
        _attribute_pixels(height_attr),
        _css_pixels(css.get("width")),
        _css_pixels(css.get("height")),
    ]
    zero = 0 in dimensions
    width = dimensions[2] if dimensions[2] is not None else dimensions[0]
    height = dimensions[3] if dimensions[3] is not None else dimensions[1]
    small = (
        width is not None and height is not None and width <= _ONE_PIXEL and height <= _ONE_PIXEL
    )
    hidden = zero or "hidden" in found or _hides(css)
    return found.get("src"), found.get("alt"), width_attr, height_attr, style, hidden, zero or small


# How a tag separates the visible text around it (see `HtmlFacts.text`).
_NO_SEPARATOR, _NEWLINE, _BLOCK, _SPACE = 0, 1, 2, 3


def _separator(name: str) -> int:
    """What a tag of element ``name`` puts in the visible text (one of the codes above)."""
    if name == "br":
        return _NEWLINE
    if name in _INLINE_TAGS:
        return _NO_SEPARATOR
    if name in _BLOCK_TAGS:
        return _BLOCK
    return _SPACE


class _TagPlan(NamedTuple):
    """What a tag written a given way adds to the facts, wherever it stands.

    Offsets are from the start of the tag: templates repeat their tags, and each distinct one is
    read once.
    """

    name: str  # as in `HtmlFacts.tags`: "b", or "/b" for an end tag
    element: str  # the element's lowercase name
    separator: int  # `_NO_SEPARATOR`, `_NEWLINE`, `_BLOCK` or `_SPACE`
    layout: tuple[tuple[str, tuple[_Piece, ...]], ...]  # attributes for the reading
    image: _ImageFacts | None  # for <img>
    uses: tuple[tuple[str, str, int, int], ...]  # layout overrides: kind, value, start, end
    sizes: tuple[str, ...]  # font sizes
    raw: bool  # a start tag whose element's content is raw text (<script>, <textarea> ...)


def _end_plan(name: str) -> _TagPlan:
    """The plan of an end tag of element ``name``."""
    return _TagPlan("/" + name, name, _separator(name), (), None, (), (), raw=False)


def _start_plan(
    written: str, name: str, pairs: tuple[tuple[str, str | None], ...], kind: str
) -> _TagPlan:
    """The plan of a start tag ``written`` so, which the parser read as ``name`` and ``pairs``."""
    raw = kind == "start" and name in _RAW_CONTENT
    separator = _separator(name)
    if not pairs and name not in _IMAGE_TAGS and name not in _STYLED_BY_NAME:
        return _TagPlan(name, name, separator, (), None, (), (), raw=raw)  # most tags
    found = _first_attrs(pairs)
    spans = _attribute_spans(written)
    layout = _layout(written, found, spans) if found else ()
    image = _image_facts(found) if name in _IMAGE_TAGS else None
    styles = _TagStyles(written, spans)
    styles.read(name, found)
    return _TagPlan(
        name, name, separator, layout, image, tuple(styles.uses), tuple(styles.sizes), raw=raw
    )


class _TagStyles:
    """The layout overrides of one start tag, with offsets from its start."""

    def __init__(self, written: str, spans: Mapping[str, tuple[int, int, int, int]]) -> None:
        self.written = written
        self.spans = spans
        self.uses: list[tuple[str, str, int, int]] = []
        self.sizes: list[str] = []

    def read(self, name: str, found: Mapping[str, str | None]) -> None:
        whole = len(self.written)
        if name == "center":
            self.uses.append(("center", "center", 0, whole))
        elif name in _HEADINGS:
            self.uses.append(("font-size", name, 0, whole))
            self.sizes.append(name)
        elif name == "font":
            self._font_tag(found)
        if (found.get("align") or "").strip().lower() == "center":
            self.uses.append(("center", "center", *self._span("align")))
        bgcolor = (found.get("bgcolor") or "").strip()
        if bgcolor:
            self.uses.append(("color", bgcolor, *self._span("bgcolor")))
        style = found.get("style")
        if style:
            self._inline_style(style)

    def _span(self, attribute: str) -> tuple[int, int]:
        """The span of an attribute, or of the whole tag."""
        where = self.spans.get(attribute)
        if where is None:
            return 0, len(self.written)
        return where[0], where[1]

    def _font_tag(self, found: Mapping[str, str | None]) -> None:
        self.uses.append(("font-tag", "<font>", 0, len(self.written)))
        for attribute, kind in (("face", "font-family"), ("color", "color"), ("size", "font-size")):
            value = (found.get(attribute) or "").strip()
            if value:
                self.uses.append((kind, value, *self._span(attribute)))
                if kind == "font-size":
                    self.sizes.append(f"size={value}")

    def _inline_style(self, style: str) -> None:
        whole = (0, len(self.written), -1, -1)
        start, end, value_start, value_end = self.spans.get("style", whole)
        # Declarations are located exactly when the attribute is written without entities.
        exact = value_start >= 0 and self.written[value_start:value_end] == style
        for prop, value, decl_start, decl_end in _declarations(style, sheet=False):
            if exact:
                start, end = value_start + decl_start, value_start + decl_end
            _declare(self.uses, self.sizes, prop, value, start=start, end=end)


def _declare(
    uses: list[tuple[str, str, int, int]],
    sizes: list[str],
    prop: str,
    value: str,
    *,
    start: int,
    end: int,
) -> None:
    """Note the layout overrides of one CSS declaration in ``uses`` and ``sizes``."""
    for kind, what in _classify(prop, value):
        if kind == "font-size":
            if what.lower() in _CSS_WIDE_KEYWORDS:
                continue
            sizes.append(_normal_size(what))
        uses.append((kind, what, start, end))


class _Builder:
    """Turns a document into :class:`HtmlFacts`: its plain markup read here, the rest from events.

    `read_plain` reads the markup at the start of the document that `_PLAIN_TOKEN` reads (as
    `_read_plain` does, without making events of it); `build` goes on with the parser's events.
    Each distinct tag is read once into a `_TagPlan`.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.images: list[Image] = []
        self.uses: list[tuple[str, str, int, int]] = []
        self.sizes: list[str] = []
        self.tags: list[tuple[str, int, int]] = []
        self.pieces: list[str] = []
        self.text_length = 0
        self.last_char = ""
        self.text_map: list[tuple[int, int, int, bool]] = []
        self.reading: list[_Piece | _Attributes] = []
        self.breaks = self.breaks_start = self.breaks_end = self.max_breaks = 0
        # plans by the text of the tag (plain markup), or by its text and attributes as the
        # parser read them (parser events)
        self.plans: dict[str, _TagPlan] = {}
        self.event_plans: dict[_TagKey, _TagPlan] = {}
        self.end_plans: dict[str, _TagPlan] = {}  # by the element's name

    def read_plain(self) -> tuple[int, int, int]:
        """Read the plain markup at the start of the document, as `_read_plain` does.

        A copy of the loop of `_read_plain`, the reference, kept apart for speed: one reader
        yielding tokens to both costs `analyze_html` about a tenth more on markup-dense
        documents. ``TestPlainReader.test_facts_like_the_events`` checks the two agree.

        Returns:
            Where the parser is to go on, and the span of the text read before it and not yet
            noted (``(-1, -1)`` when there is none), as `_read_plain` returns them.
        """
        source = self.source
        text_start = text_end = -1
        at, size = 0, len(source)
        plans = self.plans
        match = _PLAIN_TOKEN.match
        while at < size:
            token = match(source, at)
            if token is None:
                break
            kind, end = token.lastgroup, token.end()
            if kind in {"text", "lt"}:
                if end == size and kind == "text":
                    break  # the parser reads text at the end of the document its own way
                if text_end != at:
                    text_start = at
                text_end = end
                at = end
                continue
            written = token.group()
            plan = plans.get(written)
            if plan is None:
                plan = plans[written] = _plain_plan(token)
            body = _raw_body(source, plan.element, end) if plan.raw else end
            if body < 0:
                break  # a raw text element the parser reads
            if text_start >= 0:
                self._data(text_start, text_end)
                text_start = text_end = -1
            if kind in {"comment", "decl"}:
                self._unseen(at, end)
                at = end
            else:
                at = self._plain_tag(plan, at, end, body)
        return at, text_start, text_end

    def _plain_tag(self, plan: _TagPlan, start: int, end: int, body: int) -> int:
        """Note a plain tag, and the body and end tag of its raw text element if any.

        ``body`` is where the end tag of a raw text element stands (``end`` for other
        elements). Returns where what was noted ends.
        """
        self._tag(plan, start, end)
        if not plan.raw:
            return end
        if body > end:
            self._unseen(end, body)
            if plan.element == "style":
                self._style_sheet(end, body)
        stop = body + len(plan.element) + 3
        self._tag(self._end_plan(plan.element), body, stop)
        return stop

    def build(self, events: Iterable[_Event]) -> HtmlFacts:
        """Note the parser's events of the rest of the document, and make the facts."""
        for event in events:
            kind = event.kind
            if kind in {"start", "startend"}:
                key = (self.source[event.start : event.end], event.attrs)
                plan = self.event_plans.get(key)
                if plan is None:
                    plan = self.event_plans[key] = _start_plan(
                        key[0], event.name, event.attrs, kind
                    )
                self._tag(plan, event.start, event.end)
            elif kind == "end":
                self._tag(self._end_plan(event.name), event.start, event.end)
            elif kind == "data":
                self._data(event.start, event.end)
            else:  # markup that shows nothing
                if kind == "raw" and event.name == "style":
                    self._style_sheet(event.start, event.end)
                self._unseen(event.start, event.end)
        self._end_breaks()
        uses = sorted(self.uses, key=lambda use: (use[2], use[3]))
        return HtmlFacts(
            images=tuple(self.images),
            styles=tuple(StyleUse(kind=k, value=v, start=s, end=e) for k, v, s, e in uses),
            font_sizes=frozenset(self.sizes),
            max_consecutive_breaks=self.max_breaks,
            tags=tuple(self.tags),
            text="".join(self.pieces),
            text_map=tuple(self.text_map),
            reading=tuple(self.reading),
        )

    def _end_plan(self, name: str) -> _TagPlan:
        plan = self.end_plans.get(name)
        if plan is None:
            plan = self.end_plans[name] = _end_plan(name)
        return plan

    # text

    def _append(self, text: str, start: int, end: int, *, linear: bool, kind: int = _DATA) -> None:
        if not text:
            return
        self.reading.append((text, start, end, linear, kind))
        text_map = self.text_map
        if linear and text_map:
            text_start, orig_start, orig_end, was_linear = text_map[-1]
            if was_linear and orig_end == start:
                text_map[-1] = (text_start, orig_start, end, True)
                self._grow(text)
                return
        text_map.append((self.text_length, start, end, linear))
        self._grow(text)

    def _grow(self, text: str) -> None:
        self.pieces.append(text)
        self.text_length += len(text)
        self.last_char = text[-1]

    def _data(self, start: int, end: int) -> None:
        raw = self.source[start:end]
        if "&" not in raw:  # most text: no reference to decode
            if self.breaks and raw.strip():
                self._end_breaks()
            self._append(raw, start, end, linear=True)
            return
        decoded = html.unescape(raw)
        if decoded.strip():  # also strips no-break spaces: `<br>&nbsp;<br>` is two breaks
            self._end_breaks()
        if decoded == raw:
            self._append(raw, start, end, linear=True)
            return
        # Character references never contain "&" past their first character, so unescaping
        # each "&"-led piece alone gives the same text, piece by piece.
        at = raw.find("&")
        self._append(raw[:at], start, start + at, linear=True)
        while at < len(raw):
            stop = raw.find("&", at + 1)
            stop = len(raw) if stop < 0 else stop
            self._reference(raw[at:stop], start + at)
            at = stop

    def _reference(self, piece: str, offset: int) -> None:
        """Append an ``&``-led piece of text: its reference as one block, the rest as is."""
        decoded = html.unescape(piece)
        if decoded == piece:
            self._append(piece, offset, offset + len(piece), linear=True)
            return
        keep = 0
        limit = min(len(piece), len(decoded)) - 1
        while keep < limit and piece[-1 - keep] == decoded[-1 - keep]:
            keep += 1
        cut = len(piece) - keep
        self._append(
            decoded[: len(decoded) - keep], offset, offset + cut, linear=False, kind=_REFERENCE
        )
        self._append(piece[cut:], offset + cut, offset + len(piece), linear=True)

    # line breaks

    def _end_breaks(self) -> None:
        if not self.breaks:
            return  # no run of breaks to end (most calls)
        if self.breaks > 1:
            self.uses.append(
                ("line-breaks", f"<br> x{self.breaks}", self.breaks_start, self.breaks_end)
            )
        self.max_breaks = max(self.max_breaks, self.breaks)
        self.breaks = 0

    # tags

    def _tag(self, plan: _TagPlan, start: int, end: int) -> None:
        """Note a tag that ``plan`` says what of, from ``start`` to ``end``."""
        self.tags.append((plan.name, start, end))
        separator = plan.separator
        if separator == _NEWLINE:  # <br>, and </br>, which browsers read as <br>
            if not self.breaks:
                self.breaks_start = start
            self.breaks += 1
            self.breaks_end = end
            self._append("\n", start, end, linear=False, kind=_SEPARATOR)
        else:
            if self.breaks:
                self._end_breaks()
            if separator == _BLOCK:
                if self.last_char not in {"", "\n"}:
                    self._append("\n", start, end, linear=False, kind=_SEPARATOR)
            elif separator == _SPACE and self.last_char and not self.last_char.isspace():
                self._append(" ", start, end, linear=False, kind=_SEPARATOR)
        if plan.layout:
            self.reading.append(_Attributes(start, end, plan.layout))
        if plan.image is not None:
            src, alt, width, height, style, hidden, tiny = plan.image
            self.images.append(
                Image(
                    src=src,
                    alt=alt,
                    width=width,
                    height=height,
                    style=style,
                    start=start,
                    end=end,
                    hidden=hidden,
                    tiny=tiny,
                )
            )
        if plan.uses:
            self.uses.extend((kind, value, start + s, start + e) for kind, value, s, e in plan.uses)
            self.sizes.extend(plan.sizes)

    def _unseen(self, start: int, end: int) -> None:
        """Note markup the buyer does not see (a comment, a script), read as written."""
        if end > start:
            piece = (self.source[start:end], 0, end - start, True, _DATA)
            self.reading.append(_Attributes(start, end, (("", (piece,)),)))

    def _style_sheet(self, start: int, end: int) -> None:
        for prop, value, decl_start, decl_end in _declarations(self.source[start:end], sheet=True):
            _declare(
                self.uses, self.sizes, prop, value, start=start + decl_start, end=start + decl_end
            )


def _plain_plan(token: re.Match[str]) -> _TagPlan:
    """The plan of a tag, comment or document type that `_PLAIN_TOKEN` matched."""
    kind = token.lastgroup
    if kind == "end":
        return _end_plan(token["end"].lower())
    if kind in {"comment", "decl"}:
        return _TagPlan("", "", _NO_SEPARATOR, (), None, (), (), raw=False)
    attrs = token["attrs"]
    pairs = _plain_attributes(attrs) if attrs else _NO_ATTRS
    tag_kind = "startend" if token["slash"] else "start"
    return _start_plan(token.group(), token["tag"].lower(), pairs, tag_kind)


# --- entry points -----------------------------------------------------------------------------


_READ: weakref.WeakValueDictionary[str, HtmlFacts] = weakref.WeakValueDictionary()
"""The facts of each body still in use, by the body: kept while something holds them."""


def analyze_html(source: str) -> HtmlFacts:
    """Read an HTML message template.

    Malformed markup never raises: what the parser cannot finish (an unterminated tag, comment
    or quoted attribute value) and everything after it counts as text. Time and memory are
    linear in the length of ``source``.

    While the facts of a body are in use (the normalised reading of a message holds them), the
    same body gets them again without being read again: the message rules and the reading
    share one parse. Nothing is kept once they are no longer used.

    Args:
        source: The HTML.

    Returns:
        Images, layout overrides, tags and visible text, with spans into ``source``.
    """
    facts = _READ.get(source)
    if facts is None:
        facts = _READ[source] = _read(source)
    return facts


def _read(source: str) -> HtmlFacts:
    """The facts of ``source``: its plain markup read by `_Builder`, the rest by the parser."""
    builder = _Builder(source)
    stop, text_start, text_end = builder.read_plain()
    if stop == len(source) and text_start < 0:
        return builder.build(())
    recorder = _Recorder(len(source))
    recorder._text_start, recorder._text_end = text_start, text_end  # noqa: SLF001
    if stop < len(source):
        recorder.run(source, stop)
    else:
        recorder._flush_text()  # noqa: SLF001
    return builder.build(recorder.events)


def _plausible(attributes: Iterable[tuple[str, str | None]]) -> bool:
    """Whether attributes look like markup: each has a value or is a boolean attribute."""
    return all(value is not None or name in _BOOLEAN_ATTRIBUTES for name, value in attributes)


def find_markup(text: str) -> tuple[tuple[str, int, int], ...]:
    """Find HTML markup in a plain-text message (SP207).

    Reports start, self-closing and end tags of known HTML elements (``<b>``, ``</b>``,
    ``<br/>``, ``<a href="...">``), comments and ``<!DOCTYPE>``. Prose is left alone:
    ``x < y``, ``<5 minutes``, ``<3``, ``size <M>``, ``a <-> b``, ``<<important>>``,
    ``<jane@example.com>``, and ``<a few>`` (attributes without values that only prose uses).

    Args:
        text: The plain text.

    Returns:
        ``(name, start, end)`` per piece of markup, in order: the lowercase element name, with
        ``/`` before it for end tags, ``"!--"`` for comments and ``"!doctype"``.
    """
    if "<" not in text:
        return ()  # every piece of markup starts with '<'
    found: list[tuple[str, int, int]] = []
    for event in _parse(text):
        if event.kind in {"start", "startend"}:
            if event.name in _HTML_ELEMENTS and _plausible(event.attrs):
                found.append((event.name, event.start, event.end))
        elif event.kind == "end":
            if event.name in _HTML_ELEMENTS:
                found.append(("/" + event.name, event.start, event.end))
        elif event.kind == "comment":
            if text.startswith("<!--", event.start):
                found.append(("!--", event.start, event.end))
        elif event.kind == "decl" and event.name == "doctype":
            found.append(("!doctype", event.start, event.end))
    return tuple(found)
