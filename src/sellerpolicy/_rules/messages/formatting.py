"""Formatting (SP201-SP208) and the [Important] subject tag (SP121)."""

from __future__ import annotations

import html as html_lib
import itertools
import operator
import re  # noqa: TID251 - a class of ranges, searched faster by the stdlib engine
from collections import Counter
from typing import TYPE_CHECKING, Final, cast

import regex

from sellerpolicy._codes import Code
from sellerpolicy._model import MessageFormat, MessageKind, MessageSender
from sellerpolicy._rules.messages.analysis import Found
from sellerpolicy._rules.messages.attachments import SEPARATORS, is_image, name_words
from sellerpolicy._rules.messages.contact import logo_with_web_address
from sellerpolicy._text.html import find_markup
from sellerpolicy._text.normalize import normalize

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sellerpolicy._rules.messages.analysis import Analysis

__all__ = [
    "SP_API_KINDS",
    "animated_image",
    "emoji",
    "html_in_api_text",
    "important_tag_misuse",
    "insecure_image",
    "layout_override",
    "product_image",
    "text_too_long",
    "tracking_pixel",
]


_IMPORTANT = regex.compile(r"\[\s*important\s*\]", regex.V1)
_NEEDED_KINDS = frozenset(
    {
        MessageKind.CONFIRM_CUSTOMIZATION,
        MessageKind.CONFIRM_DELIVERY,
        MessageKind.CONFIRM_ORDER_DETAILS,
        MessageKind.CONFIRM_SERVICE,
        MessageKind.DIGITAL_ACCESS_KEY,
        MessageKind.UNEXPECTED_PROBLEM,
        MessageKind.LEGAL_DISCLOSURE,
        MessageKind.INVOICE,
        MessageKind.WARRANTY,
    }
)


def important_tag_misuse(a: Analysis) -> Iterator[Found]:
    subject = a.message.subject
    if not subject or a.kind in _NEEDED_KINDS:
        return
    norm = normalize(subject)
    m = _IMPORTANT.search(norm.text)
    if m:
        start, end = norm.span(*m.span())
        yield Found(start, end, subject[start:end], norm.disguises(*m.span()), field="subject")


_EMOJI = regex.compile(
    r"""(?x)
    (?:\p{Regional_Indicator}{2})                       # flags
  | (?:[0-9#*]\ufe0f?\u20e3)                            # keycaps
  | (?:[\u00a9\u00ae\u2122]\ufe0f)                      # (c) (r) tm drawn as emoji
  | (?:[\p{Extended_Pictographic}\u2600-\u27bf--[\u00a9\u00ae\u2122]]
       [\ufe0f\p{Emoji_Modifier}]{0,2}
       (?:\u200d\p{Extended_Pictographic}[\ufe0f\p{Emoji_Modifier}]{0,2}){0,8})  # pictographs
    """,
    regex.V1,
)
# A run of one emoji repeated (``😀😀😀``), in one match: the emoji (group 2) and the run (group 1).
# A repeat counts only where `_EMOJI` itself would match exactly it there, that is where no
# skin tone, presentation selector or joiner follows to lengthen it (flags, keycaps and
# pictographs end otherwise where their characters end); elsewhere the run ends and the next
# match starts, as `_EMOJI`'s would. The repeat is a back-reference, possessive: linear time.
_EMOJI_RUN = regex.compile(
    r"((" + _EMOJI.pattern.removeprefix("(?x)") + r")(?:\2(?![\ufe0f\p{Emoji_Modifier}\u200d]))*+)",
    regex.V1 | regex.VERBOSE,
)
_RUN_SAMPLE: Final = 4096
# A character that no match of `_EMOJI` holds, searched backwards: matches never span one, so
# reading matches may start right after it.
_OUTSIDE_EMOJI_BACKWARDS = regex.compile(
    r"(?r)[^\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}"
    r"\u2600-\u27bf0-9#*\u00a9\u00ae\u2122\ufe0f\u200d\u20e3]",
    regex.V1,
)
_READ_FIRST: Final = 64
_FEW_LATE: Final = 8
_JUMPS: Final = 64
_ENTITY = regex.compile(r"&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));", regex.V1 | regex.IGNORECASE)


SP_API_KINDS = _NEEDED_KINDS | {MessageKind.NEGATIVE_FEEDBACK_REMOVAL}


def _may_have_emoji(text: str) -> bool:
    """Whether ``text`` has a character that every match of `_EMOJI` holds one of.

    That is a pictograph other than (c), (r) and (tm) (`_PICTOGRAPH`, `_EMOJI_MARK`), a regional
    indicator, or the presentation selector or keycap mark that makes a digit or (c) an emoji.
    None of them is in Latin-1: testing that first, in C, spares the searches over most
    messages (encoding stops at the first character past Latin-1, where `max` would read every
    character). Text in another script (Armenian, Cyrillic) then costs two quick searches, not
    the pattern's pass.
    """
    if text.isascii():
        return False
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return _PICTOGRAPH.search(text) is not None or _EMOJI_MARK.search(text) is not None
    return False


# Together, the characters one of which every match of `_EMOJI` holds (and a few more). Two
# searches: a class that joins the property to the ranges is several times slower.
_PICTOGRAPH = regex.compile(r"\p{Extended_Pictographic}", regex.V1)
_EMOJI_MARK = re.compile(
    "[\u20e3\ufe0f\u2600-\u27bf\U0001f1e6-\U0001f1ff]"
)  # + regional indicators


def _emoji_counts(text: str) -> Counter[str]:
    """How many times `_EMOJI` matches each emoji in ``text``, counted in C.

    Where emoji repeat (a megabyte of one emoji), runs of them are matched whole
    (`_EMOJI_RUN`), sparing a string per emoji; elsewhere each emoji is one match. A sample of
    the text picks the cheaper; both count the same.
    """
    sample = text[:_RUN_SAMPLE]
    runs = _EMOJI_RUN.findall(sample)
    if len(runs) * 2 >= len(_EMOJI.findall(sample)):  # few repeats: one match per emoji
        return Counter(_EMOJI.findall(text))
    counts: Counter[str] = Counter()
    for (run, found), times in Counter(_EMOJI_RUN.findall(text)).items():
        counts[found] += times * (len(run) // len(found))
    return counts


def _first_spans(text: str, counts: Counter[str]) -> dict[str, tuple[int, int]]:
    """The span of the first match of each emoji of ``counts``, in the order of the text.

    The matches are read up to the last first occurrence. When a few emoji first come late (a
    megabyte of one sequence, another at its end), reading jumps to where one of them next
    stands as text, starting again after a character no match holds or at a match's edge, so
    that the matches read are the ones a reading from the start would find.
    """
    first: dict[str, tuple[int, int]] = {}
    pos = 0  # matches read from here are those read from the start
    matches = _EMOJI.finditer(text)
    for read, m in enumerate(matches, 1):
        if m[0] not in first:
            first[m[0]] = m.span()
            if len(first) == len(counts):
                return first
        pos = m.end()
        if read >= _READ_FIRST:
            break
    missing = [found for found in counts if found not in first]
    if len(missing) > _FEW_LATE:  # many: read every match on
        for m in matches:
            if m[0] not in first:
                first[m[0]] = m.span()
                if len(first) == len(counts):
                    break
        return first
    _late_spans(text, missing, pos, first)
    return first


def _late_spans(text: str, missing: list[str], pos: int, first: dict[str, tuple[int, int]]) -> None:
    """Add to ``first`` the first match of each of ``missing``.

    None of them starts before ``pos``, and the matches read from ``pos`` are those read from
    the start.
    """
    ahead = {found: text.find(found, pos) for found in missing}  # where each next stands
    jumps = 0
    while ahead := {found: at for found, at in ahead.items() if at >= 0}:
        jumps += 1
        if jumps > _JUMPS:  # they stand inside other matches again and again: read every match
            for m in _EMOJI.finditer(text, pos):
                if m[0] in ahead:
                    first[m[0]] = m.span()
                    del ahead[m[0]]
                    if not ahead:
                        break
            return
        at = min(ahead.values())  # no match of a missing emoji starts before
        outside = _OUTSIDE_EMOJI_BACKWARDS.search(text, pos, at)
        if outside is not None:
            pos = outside.end()
        for m in _EMOJI.finditer(text, pos):
            if m[0] in ahead:  # its first match: none came before
                first[m[0]] = m.span()
                del ahead[m[0]]
            if m.end() > at:
                break
        else:
            break
        pos = m.start() if m.start() > at else m.end()
        ahead = {
            found: where if where >= pos else text.find(found, pos)
            for found, where in ahead.items()
        }


_PIECE_CHARS: Final = 64


def _emoji_found(text: str) -> tuple[Counter[str], dict[str, tuple[int, int]]]:
    """How many times `_EMOJI` matches each emoji in ``text``, and the span of its first match.

    A space is in no match, and the pattern reads nothing around one: the matches of a run
    between spaces are the same wherever it stands. Where runs repeat (a text dense with emoji
    repeats the same few), each distinct one is read once and its counts multiplied by its
    repeats, counted in C; the first match of an emoji is in the first run that holds it.
    Elsewhere (runs that seldom repeat, or none) the whole text is read at once.
    """
    pieces = text.split(" ")
    runs = Counter(pieces)  # in the order of their first occurrence
    if len(runs) == 1 or len(runs) * _PIECE_CHARS > len(text):
        counts = _emoji_counts(text)
        return counts, _first_spans(text, counts)
    starts = itertools.accumulate(
        map(operator.add, map(len, pieces), itertools.repeat(1)), initial=0
    )
    # where each run first stands: the last assignment of a repeated key is its first place
    first_at = dict(zip(reversed(pieces), reversed(list(starts)[:-1]), strict=True))
    counts = Counter()
    first: dict[str, tuple[int, int]] = {}
    for piece, times in runs.items():
        if not _may_have_emoji(piece):
            continue
        piece_counts = _emoji_counts(piece)
        for found, count in piece_counts.items():
            counts[found] += count * times
        if not piece_counts.keys() <= first.keys():
            base = first_at[piece]
            for found, (start, end) in _first_spans(piece, piece_counts).items():
                if found not in first:
                    first[found] = (base + start, base + end)
    return counts, first


def emoji(a: Analysis) -> Iterator[Found]:
    for field, text in (("body", a.message.body), ("subject", a.message.subject or "")):
        if not _may_have_emoji(text):
            continue
        # one result per distinct emoji, with its count: the engine groups repeats anyway (see
        # `engine._grouped`), and a megabyte of emoji must not make a million values first.
        # Counted in C; the matches are then read only up to the last first occurrence.
        counts, first = _emoji_found(text)
        for found, (start, end) in first.items():
            yield Found(start, end, found, field=field, count=counts[found])
    if a.message.format is MessageFormat.HTML:
        # '&#x1F33F;' is an emoji once the template is rendered
        for m in _ENTITY.finditer(a.message.body):
            code = int(m[1], 16) if m[1] else int(m[2])
            if code <= 0x10FFFF and _EMOJI.fullmatch(chr(code)):  # noqa: PLR2004 - last code point
                yield Found(m.start(), m.end(), m[0])


def _is_gif(name: str) -> bool:
    if name.lower().startswith(("data:image/gif", "data:image/apng")):
        return True  # an inline image: the media type says it all
    path = name.lower().split("?", 1)[0].split("#", 1)[0]
    return path.endswith(".gif") or (
        "animated" in path and path.endswith((".webp", ".png", ".apng"))
    )


def animated_image(a: Analysis) -> Iterator[Found]:
    for i, att in enumerate(a.message.attachments):
        if (att.media_type or "").lower() == "image/gif" or _is_gif(att.file_name):
            yield Found(field=f"attachments[{i}]", evidence=att.file_name)
    html = a.html
    if html is not None:
        for img in html.images:
            if img.src and _is_gif(img.src):
                yield Found(img.start, img.end, a.message.body[img.start : img.end])


def insecure_image(a: Analysis) -> Iterator[Found]:
    html = a.html
    if html is None:
        return
    for img in html.images:
        if img.src and img.src.strip().lower().startswith("http://"):
            yield Found(img.start, img.end, a.message.body[img.start : img.end])


# an image carried inside the message itself (an inline attachment's content id, a data URI) is
# fetched from no server, so it cannot report that the message was opened
_EMBEDDED = ("cid:", "data:")


def _beacon(a: Analysis, src: str) -> bool:
    """Whether an image's source reads as a tracking beacon ('/track/open?id=', 'pixel.gif').

    Only a source fetched from a server can be one: 'cid:rack-spacer-step4.jpg', an assembly
    photo sent inline with the message, names a spacer of a bicycle rack (fresh_jm).
    """
    if src.lstrip().lower().startswith(_EMBEDDED):
        return False

    def read() -> bool:
        words = SEPARATORS.sub(" ", src.replace("/", " ").replace("?", " ").replace("=", " "))
        _, hits = a.scan(words)
        return any(h.vocab == "beacon" for h in hits)

    # templates repeat an image: each source is read once per message
    return a.memo("beacon:" + src, read)  # type: ignore[return-value]


def tracking_pixel(a: Analysis) -> Iterator[Found]:
    html = a.html
    if html is None:
        return
    for img in html.images:
        if img.hidden or img.tiny or (img.src and _beacon(a, img.src)):
            yield Found(img.start, img.end, a.message.body[img.start : img.end])


_LOGO_FOLDER = regex.compile(
    r"/(?:logos?|brand|branding|brand-assets|wordmarks?)/[^/]+$", regex.V1 | regex.IGNORECASE
)


_SIGNATURE_CHARS = 200
"""How far from the end of the text a shop signs its name (sign-off, footer)."""
_MIN_NAME = 3
_NO_CLOSING_CHARS = 60
_CLOSING = regex.compile(
    r"""(?xi)\b(?:regards|best|cheers|thanks|thank\s+you|sincerely|yours|wishes|the\s+team
    |grü(?:ß|ss)en?|gruß|gruss|ihr\s+team|euer\s+team|cordialement|salutations|bien\s+à\s+vous
    |l['\u2019]équipe|saludos|saludo|atentamente|el\s+equipo|saluti|saluto|cordiali|il\s+team
    |©|\(c\))""",
    regex.V1,
)
_IMG_TAG = regex.compile(r"<img\b[^>]*+>?", regex.V1 | regex.IGNORECASE)
_TAG = regex.compile(r"<[^>]*+>?", regex.V1)
_LOGO_WORD = regex.compile(
    r"\b(?:logo|logotipo|logotype|header|banner)\b", regex.V1 | regex.IGNORECASE
)


def _names_the_sender(a: Analysis, alt: str | None) -> bool:
    """Whether an image's alt text is the name the message signs with ('Maison Lumière').

    A template's header or footer image shows the shop: its alt text repeats the name the
    sign-off gives. A product photo describes the product ('6 qt Dutch oven in cherry red').
    """
    name = " ".join(_LOGO_WORD.sub(" ", alt or "").split()).casefold()
    if len(name) < _MIN_NAME:
        return False

    def signature() -> str:
        # the words a reader sees, without the images' own alt texts, after the last closing
        # ('Kind regards, Maison Lumière'); without a closing, the last words
        text = html_lib.unescape(_TAG.sub(" ", _IMG_TAG.sub(" ", a.message.body)))
        text = " ".join(text.split())[-_SIGNATURE_CHARS:]
        closings = list(_CLOSING.finditer(text))
        return (text[closings[-1].end() :] if closings else text[-_NO_CLOSING_CHARS:]).casefold()

    signed = cast("str", a.memo("signature", signature))
    # the whole name, not a piece of a word ('Ring' inside 'Springfield Jewellers')
    return regex.search(rf"(?<!\w){regex.escape(name)}(?!\w)", signed) is not None


def _product_photo(a: Analysis, words: str) -> bool:
    """An image is taken for a product photo unless its name says it is something else."""
    _, hits = a.scan(words)
    vocabs = {h.vocab for h in hits}
    return not vocabs & {"image_not_product", "attachment_allowed", "promo_attachment"}


def _shows_address(a: Analysis) -> frozenset[tuple[str, int | None]]:
    """The images SP120 reports: ``(field, start)`` of each.

    An image whose name, alt text or caption shows a web address is the shop's logo or banner
    (a grove at dawn captioned with the shop's domain, a header whose alt text is the domain),
    one piece of evidence, reported once: by SP120, not also as a product photo (SP204). A
    policy that switches SP120 off leaves the image to SP204's own reading.
    """
    if Code.SP120 not in a.policy.active:
        return frozenset()
    return frozenset((f.field, f.start) for f in logo_with_web_address(a))


def product_image(a: Analysis) -> Iterator[Found]:
    if not a.kind.is_proactive or a.kind is MessageKind.CONFIRM_CUSTOMIZATION:
        return
    shown = _shows_address(a)
    for i, att in enumerate(a.message.attachments):
        animated = _is_gif(att.file_name) or (att.media_type or "").lower() == "image/gif"
        if (
            is_image(att)
            and not animated
            and _product_photo(a, name_words(att))
            and (f"attachments[{i}]", None) not in shown
        ):
            yield Found(field=f"attachments[{i}]", evidence=att.file_name)
    html = a.html
    if html is not None:
        for img in html.images:
            if img.hidden or img.tiny or not img.src or _is_gif(img.src) or _beacon(a, img.src):
                continue
            # the file name and the alt text describe the picture; the host and folders do not,
            # but a folder of logos does ('/logo/odile-wordmark.png')
            path = img.src.split("?", 1)[0].rstrip("/")
            name = path.rsplit("/", 1)[-1]
            words = f"{SEPARATORS.sub(' ', name)}\n{img.alt or ''}"
            if (
                _LOGO_FOLDER.search(path)
                or _names_the_sender(a, img.alt)
                or ("body", img.start) in shown
            ):
                continue
            if _product_photo(a, words):
                yield Found(img.start, img.end, a.message.body[img.start : img.end])


def layout_override(a: Analysis) -> Iterator[Found]:
    html = a.html
    if html is None:
        return
    params = a.policy.parameters
    for use in html.styles:
        if use.kind in {"font-size", "line-breaks"}:
            continue
        yield Found(use.start, use.end, a.message.body[use.start : use.end], note=use.kind)
    if len(html.font_sizes) > params.max_font_sizes:
        sizes = ", ".join(sorted(html.font_sizes))
        yield Found(evidence=f"{len(html.font_sizes)} font sizes ({sizes})", note="font sizes")
    if html.max_consecutive_breaks > params.max_line_breaks:
        run = html.max_consecutive_breaks
        yield Found(evidence=f"{run} consecutive line breaks", note="line breaks")


def html_in_api_text(a: Analysis) -> Iterator[Found]:
    if a.message.format is not MessageFormat.TEXT or a.kind not in SP_API_KINDS:
        return
    for _, start, end in find_markup(a.message.body):
        yield Found(start, end, a.message.body[start:end])


# the SP-API limit of each kind that has its own; every other kind has `text_limit`
_TEXT_LIMITS = {
    MessageKind.CONFIRM_CUSTOMIZATION: "text_limit_customization",
    MessageKind.DIGITAL_ACCESS_KEY: "text_limit_digital_access_key",
}


def _text_limit(a: Analysis) -> int:
    return a.policy.parameters.integer(_TEXT_LIMITS.get(a.kind, "text_limit"))


def text_too_long(a: Analysis) -> Iterator[Found]:
    if a.message.sender is not MessageSender.SELLER:
        return
    limit, length = _text_limit(a), len(a.message.body)
    if length > limit:
        yield Found(
            limit,
            length,
            a.message.body[limit:length],
            values=(("length", f"{length:,}"), ("limit", f"{limit:,}"), ("kind", a.kind.value)),
        )
