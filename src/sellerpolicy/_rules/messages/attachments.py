"""Attachments (SP119) and the scan of an attachment's file name and alt text."""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING

import regex

from sellerpolicy._model import Attachment, MessageKind, MessageSender
from sellerpolicy._rules.data import vocabularies
from sellerpolicy._rules.messages.analysis import Found

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sellerpolicy._rules.messages.analysis import Analysis

__all__ = [
    "IMAGE_EXT",
    "SEPARATORS",
    "is_image",
    "name_words",
    "names_document",
    "promotional",
    "unnecessary_attachment",
]


IMAGE_EXT = frozenset(
    {"png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "svg", "apng", "heic"}
)
_NEVER_ATTACH = frozenset(
    {"exe", "msi", "bat", "cmd", "com", "scr", "js", "vbs", "jar", "apk", "dmg", "zip", "rar", "7z"}
)
SEPARATORS = regex.compile(r"[_+]+", regex.V1)


def _extension(att: Attachment) -> str:
    return att.file_name.rsplit(".", 1)[-1].lower() if "." in att.file_name else ""


def is_image(att: Attachment) -> bool:
    return (att.media_type or "").lower().startswith("image/") or _extension(att) in IMAGE_EXT


# A web address written with dashes for dots in a file name ("www-myshop-co-uk-logo.png").
_DASHED_ADDRESS = regex.compile(
    r"\bwww-(?:[a-z0-9]+-){1,4}(?:com|net|org|shop|store|de|fr|es|it|eu|uk)\b",
    regex.V1 | regex.IGNORECASE,
)


# a hyphen right after an unmistakable address suffix separates it from the next word of the
# name ('littleoaktoys.com-logo.png' shows 'littleoaktoys.com'; 'scan.de-12.pdf' shows none)
_SUFFIX_DASH = regex.compile(
    r"(?<=[a-z0-9]\.(?:com|net|org|co\.uk|shop|store))-(?=[a-z])",
    regex.V1 | regex.IGNORECASE,
)


def _stem(att: Attachment) -> str:
    """The file name without its extension ('Cutting_plan_026.pdf' -> 'Cutting_plan_026')."""
    return att.file_name.rsplit(".", 1)[0]


def name_words(att: Attachment) -> str:
    stem = _stem(att)
    stem = _DASHED_ADDRESS.sub(lambda m: m.group().replace("-", ".") + " ", stem)
    stem = _SUFFIX_DASH.sub(" ", stem)
    return f"{SEPARATORS.sub(' ', stem)}\n{att.alt_text or ''}"


_MIN_INFIX = 4  # shorter words ('doc', 'ce') match inside too many unrelated names


@functools.cache
def _stem_pattern(vocab: str) -> regex.Pattern[str]:
    """Single-word phrases of a vocabulary matched anywhere in a file name ('Aufbauanleitung')."""
    words = sorted(
        {
            p.rstrip("*")
            for p in vocabularies()[vocab]
            if " " not in p and len(p.rstrip("*")) >= _MIN_INFIX
        },
        key=len,
        reverse=True,
    )
    return regex.compile(r"\L<words>", regex.V1 | regex.IGNORECASE, words=words)


def names_document(text: str) -> bool:
    """Whether ``text`` names a document an order may need ('bedienungsanleitung', 'manual')."""
    return bool(_stem_pattern("attachment_allowed").search(text))


def _names(att: Attachment) -> str:
    return name_words(att).lower()


def _name_vocabs(a: Analysis, att: Attachment) -> frozenset[str]:
    """The vocabularies an attachment's file name and alt text use, scanned once per message."""

    def scan() -> frozenset[str]:
        _, hits = a.scan(name_words(att))
        return frozenset(h.vocab for h in hits)

    return a.memo(f"name:{att.file_name}\n{att.alt_text}", scan)  # type: ignore[return-value]


def _names_mention(a: Analysis, att: Attachment, vocab: str) -> bool:
    """Whether the name uses ``vocab``, as a word or inside a compound ('Aufbauanleitung').

    A word standing alone is the lexicon's, with its exceptions ('sale marino' is sea salt, no
    sale); inside a longer word ('Herbstkatalog', 'wholesale-prices') the stem is read.
    """
    if vocab in _name_vocabs(a, att):
        return True
    names = _names(att)
    if any(_inside_a_word(names, m) for m in _stem_pattern(vocab).finditer(names)):
        return True
    folded = _folded_pattern(vocab)
    return folded is not None and folded.search(_fold(names)) is not None


def _fold(text: str) -> str:
    """``text`` without its accents ('étiquette' -> 'etiquette'; 'ß' stays)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@functools.cache
def _folded_pattern(vocab: str) -> regex.Pattern[str] | None:
    """The vocabulary's one-word phrases with accents, as a file name writes them without.

    File names are mostly written in ASCII: 'etiquette_prepayee.pdf' names the prepaid label
    that 'étiquette*' does ('garantia', 'devolucion', 'conformita' likewise). ``None`` when no
    phrase of the vocabulary has an accent. A phrase ending in '*' is read as a word's start.
    """
    words = {
        (_fold(p.rstrip("*")), p.endswith("*"))
        for p in vocabularies()[vocab]
        if " " not in p and _fold(p) != p
    }
    if not words:
        return None
    alternatives = sorted(
        (regex.escape(w) + (r"\w*" if open_ended else "") for w, open_ended in words),
        key=len,
        reverse=True,
    )
    return regex.compile(rf"\b(?:{'|'.join(alternatives)})\b", regex.V1)


def promotional(a: Analysis, att: Attachment) -> bool:
    """Whether an attachment's name or alt text promotes ('spring-catalogue.pdf')."""
    return _names_mention(a, att, "promo_attachment")


def _inside_a_word(text: str, m: regex.Match[str]) -> bool:
    """Whether the match ``m`` of ``text`` is glued to a letter or digit on either side."""
    start, end = m.span()
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


# Words that name no document: camera and scanner file names, 'document', 'file', 'copy'.
_GENERIC_NAME = regex.compile(
    r"img|image|dsc[nf]?|pxl|pic|photo|foto|scan+|doc|document|dokument|file|datei|fichier|"
    r"archivo|attachment|anhang|allegato|adjunto|copy|kopie|untitled|unbenannt|page|seite|"
    r"[0-9]+|[a-z]",
    regex.V1 | regex.IGNORECASE,
)
_NAME_WORD = regex.compile(r"[^\W\d_]+|\d+", regex.V1)
_ORDER_WORDS = frozenset({"order", "id", "bestellung", "commande", "pedido", "ordine"})


def _name_is_generic(att: Attachment) -> bool:
    """Whether the file name says nothing of what the file is ('scan0003.pdf', 'IMG_4821.jpg').

    An order id, a date or a placeholder ('{{order_id}}.pdf') names no document either.
    """
    stem = _stem(att)
    return not att.alt_text and all(
        _GENERIC_NAME.fullmatch(w) or w.lower() in _ORDER_WORDS for w in _NAME_WORD.findall(stem)
    )


def _body_names_allowed(a: Analysis) -> bool:
    """Whether a sentence that attaches something names a document the order needs.

    'The invoice for your order is attached', 'anbei die Montageanleitung': the file is what
    that sentence says, when its own name says nothing. A sentence that also promotes
    ('attached is our new catalogue') names no such document.
    """
    return any(
        "attachment_allowed" in vocabs and "promo_attachment" not in vocabs
        for vocabs in _attaching_vocabs(a)
    )


def _attaching_vocabs(a: Analysis) -> list[frozenset[str]]:
    """The vocabularies of each sentence that attaches something ('anbei', 'attached is')."""
    return [a.sentences[i].vocabs() for i in a.in_sentences("attaching")]


_LONG_WORD = regex.compile(r"[^\W\d_]{4,}", regex.V1)
# words that name no particular thing the buyer could have asked for: the order, the product,
# its arrival, the file itself
_NAME_STOP = frozenset(
    {
        "file", "image", "photo", "foto", "scan", "copy", "page", "order", "your", "product",
        "products", "item", "items", "arrived", "arrival", "arrivals", "package", "parcel",
        "delivery", "thanks", "thank", "hello", "please", "other", "with", "from", "this", "that",
        "have", "about", "when", "what", "which",
    }
)  # fmt: skip
# the buyer asks for something: a question, or a verb of sending
_REQUEST = regex.compile(
    r"\?|\b(?:send|attach|share|need|would\s+like|schicken|senden|brauche[n]?|benötige[n]?"
    r"|möchte[n]?|envoyer|envoyez|besoin|voudrais|voudrions|enviar|envíe|envie|necesit[oa]|"
    r"necesitamos|quisiera|inviare|invii|mandare|mandi|serve|servono|bisogno|vorrei|vorremmo)\b",
    regex.V1 | regex.IGNORECASE,
)
_PICTURE = regex.compile(
    r"\b(?:photos?|pictures?|pics?|images?|fotos?|bilde?r?|imagen(?:es)?|immagin[ei])\b",
    regex.V1 | regex.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    """The long words of ``text``, lower-cased, a plural 's' dropped, generic words left out."""
    return frozenset(
        w.removesuffix("s") for w in map(str.lower, _LONG_WORD.findall(text)) if w not in _NAME_STOP
    )


def _buyer_asked_for(a: Analysis, att: Attachment) -> bool:
    """Whether, in a reply, the buyer asked for what the file is.

    The buyer's own messages ask for it, or the reply says a picture is what the buyer asked
    for ('here is a photo of the part you asked about', 'come richiesto, le foto').

    'Could you send a photo of the blue one?' answered with ``blue_version.jpg``, or any picture
    when the buyer asked for a photo: the seller answers the buyer, as with the buyer's own
    question about stock (SP113). A name the buyer never spoke of ('team-photo.jpg' after 'thanks
    for the quick dispatch') answers nothing.
    """
    if a.kind is not MessageKind.REPLY:
        return False
    if "restated_question" in a.vocabs and is_image(att) and _PICTURE.search(a.norm.text):
        return True  # 'here is a photo of the part you asked about', 'wie gewünscht ein Foto'
    said = " ".join(m.body for m in a.history if m.sender is MessageSender.BUYER)
    if not _REQUEST.search(said):
        return False  # the buyer asked for nothing ('the product arrived but it won't work.')
    stem = _stem(att)
    if _words(stem) & _words(said):
        return True
    return is_image(att) and bool(_PICTURE.search(said))


_PROOF_WORDS = frozenset({"topic_customization", "purpose_customization"})


def _speaks_of_the_design(a: Analysis) -> bool:
    """Whether the sentences that attach something (or, if none does, the message) speak of it.

    'Please approve the design' does; 'I attached a scan of my notes' does not.
    """
    attaching = _attaching_vocabs(a)
    if not attaching:
        return bool(a.vocabs & _PROOF_WORDS)
    return any(vocabs & _PROOF_WORDS for vocabs in attaching)


def _attached_by_name(a: Analysis, att: Attachment) -> bool:
    """Whether the one file attached is named by its own words in the sentence attaching it.

    'A cutting plan is attached' with ``Cutting_plan_026-4439102.pdf``: in a customization
    message, the plan of the buyer's own order. Of several files the sentence may name one
    with another ('the proof is attached, together with our gift-wrapping options'), and a
    sentence that promotes names no file the order needs.
    """
    if len(a.message.attachments) != 1:
        return False
    stem = _stem(att)
    named = _words(stem)
    text = a.norm.text
    return bool(named) and any(
        named & _words(text[a.sentences[i].start : a.sentences[i].end])
        and "promo_attachment" not in a.sentences[i].vocabs()
        for i in a.in_sentences("attaching")
    )


def _attachment_allowed(a: Analysis, att: Attachment) -> bool:
    if _extension(att) in _NEVER_ATTACH or promotional(a, att):
        return False
    if _names_mention(a, att, "attachment_allowed"):
        return True
    # a file is what the sentence attaching it says, when its name says nothing ('scan0003.pdf')
    # or it is the one document attached and its name is a model, a language or a brand
    # ('HX200_EN.pdf' attached as 'the manual'); a picture named for something else speaks for
    # itself, and of several files the sentence may name only one ('the care guide and a
    # booklet about our linen')
    only_document = len(a.message.attachments) == 1 and _extension(att) == "pdf"
    if (_name_is_generic(att) or only_document) and _body_names_allowed(a):
        return True
    if _buyer_asked_for(a, att):
        return True
    fixed_purpose = {MessageKind.INVOICE, MessageKind.WARRANTY, MessageKind.LEGAL_DISCLOSURE}
    # in a customization message, a PDF or picture named after the engraving or print is its
    # proof, and so is one whose name says nothing ('IMG_4471.jpg') when the text asks the buyer
    # to approve the design
    proof = _extension(att) == "pdf" or is_image(att)
    customization = a.kind is MessageKind.CONFIRM_CUSTOMIZATION
    if (
        customization
        and proof
        and (
            _names_mention(a, att, "topic_customization")
            or (_name_is_generic(att) and _speaks_of_the_design(a))
            or _attached_by_name(a, att)
        )
    ):
        return True
    return a.kind in fixed_purpose and _extension(att) == "pdf"


def unnecessary_attachment(a: Analysis) -> Iterator[Found]:
    params = a.policy.parameters
    atts = a.message.attachments
    if len(atts) > params.max_attachments:
        yield Found(
            field="attachments",
            evidence=f"{len(atts)} attachments",
            note=f"more than the {params.max_attachments} allowed",
        )
    total = sum(att.size_bytes or 0 for att in atts)
    if total > params.max_attachment_bytes:
        yield Found(
            field="attachments",
            evidence=f"{total:,} bytes",
            note=f"more than the {params.max_attachment_bytes:,} bytes allowed",
        )
    for i, att in enumerate(atts):
        if not _attachment_allowed(a, att):
            yield Found(field=f"attachments[{i}]", evidence=att.file_name)
