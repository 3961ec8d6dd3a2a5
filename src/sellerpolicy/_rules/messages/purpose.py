"""What a message is for, against what its kind allows (SP109, SP110, SP117, SP124)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ahocorasick_rs
import regex

from sellerpolicy._codes import Code
from sellerpolicy._model import MessageKind
from sellerpolicy._rules.data import filler_words
from sellerpolicy._rules.messages.analysis import Found
from sellerpolicy._rules.messages.contact import page_links
from sellerpolicy._rules.messages.formatting import SP_API_KINDS
from sellerpolicy._rules.messages.model import confirmed
from sellerpolicy._rules.messages.phrases import (
    has_match,
    is_review_request,
    marketing,
    negated,
    phrase_rule,
    read_structurally,
    stars_are_design,
)
from sellerpolicy._templates import find_placeholders
from sellerpolicy._text.phrases import tokens
from sellerpolicy._text.spans import SpanSet

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sellerpolicy._rules.messages.analysis import Analysis
    from sellerpolicy._text.html import HtmlFacts
    from sellerpolicy._text.phrases import Hit, Sentence

__all__ = ["order_confirmation", "purpose_mismatch", "shipping_notification", "thank_you_only"]


def _first_of(a: Analysis, vocab: str) -> Hit | None:
    return next((h for h in a.hits if h.vocab == vocab), None)


def _first_found(a: Analysis, vocab: str) -> Iterator[Found]:
    """The first hit of ``vocab``, as what a rule found, if the message has one."""
    hit = _first_of(a, vocab)
    if hit is not None:
        yield a.found(hit.start, hit.end)


# The seller's and the buyer's people, named for other rules' readings ('grazie per aver
# acquistato da noi', 'customers like you'): in a confirmation, thanks or wishes they are company
# like 'you' and 'to_us', not a subject of their own
_PEOPLE = frozenset({"seller_side", "like_you_people"})


# The message-purpose model: each purpose scores one point per sentence with a word of it, and
# the kind the seller chose scores one more for its own purpose. SP109 and SP110 fire only when
# their purpose dominates: a refund notice that says "we received your return" is a return
# notice, a review request that mentions the delivery date is a review request.
_PURPOSES: dict[str, frozenset[str]] = {
    "confirmation": frozenset({"order_received", "order_status"}),
    "shipping": frozenset({"shipped"}),
    "problem": frozenset({"problem", "delay_notice"}),
    "return": frozenset({"topic_return"}),
    "review": frozenset({"review"}),
    # purposes whose words are too common to count per sentence ("size", "total", "service"):
    # only the kind the seller chose speaks for them
    "invoice": frozenset(),
    "warranty": frozenset(),
    "appointment": frozenset(),
    "customization": frozenset(),
    "legal": frozenset(),
}
_KIND_PURPOSE = {
    MessageKind.REVIEW_REQUEST: "review",
    MessageKind.INVOICE: "invoice",
    MessageKind.WARRANTY: "warranty",
    MessageKind.CONFIRM_SERVICE: "appointment",
    MessageKind.CONFIRM_DELIVERY: "appointment",
    MessageKind.CONFIRM_CUSTOMIZATION: "customization",
    MessageKind.UNEXPECTED_PROBLEM: "problem",
}
# kinds that speak for their purpose only when the body says it in the kind's own words: a notice
# the law requires because of where the order ships ("… is being shipped to California, so we
# are required to give you the following notice") is no shipping notice, but "your parcel is on
# its way" sent as a legal disclosure has no notice to outweigh the shipment
_KIND_PURPOSE_WHEN_SAID = {MessageKind.LEGAL_DISCLOSURE: "legal"}


def _own_purpose(a: Analysis) -> str | None:
    """The purpose the chosen kind adds a point to, if any."""
    own = _KIND_PURPOSE.get(a.kind)
    if own is None and _TOPICS.get(a.kind, "") in a.vocabs:
        own = _KIND_PURPOSE_WHEN_SAID.get(a.kind)
    return own


def purpose_scores(a: Analysis) -> dict[str, int]:
    """How many sentences speak to each purpose, plus one for the purpose of the chosen kind."""

    def make() -> dict[str, int]:
        scores = dict.fromkeys(_PURPOSES, 0)
        for sentence in a.sentences:
            vocabs = sentence.vocabs()
            for purpose, words in _PURPOSES.items():
                if vocabs & words:
                    scores[purpose] += 1
        own = _own_purpose(a)
        if own is not None:
            scores[own] += 1
        return scores

    return a.memo("purposes", make)  # type: ignore[return-value]


def _body_dominates(a: Analysis, purpose: str, *, besides: frozenset[str]) -> bool:
    """`dominates` by the body's own sentences, without the chosen kind's point.

    "Il corriere ci conferma che il pacco è stato consegnato ieri" sent as confirm_delivery
    arranges nothing: the kind's own purpose has no sentence to outweigh the delivery's.
    """
    scores = dict(purpose_scores(a))
    own = _own_purpose(a)
    if own is not None:
        scores[own] -= 1
    return _outscores(scores, purpose, besides)


def dominates(a: Analysis, purpose: str, *, besides: frozenset[str] = frozenset()) -> bool:
    """Whether ``purpose`` outscores every other purpose of the message but ``besides``."""
    return _outscores(purpose_scores(a), purpose, besides)


def _outscores(scores: dict[str, int], purpose: str, besides: frozenset[str]) -> bool:
    """Whether ``purpose`` scores above zero and above every other purpose but ``besides``."""
    mine = scores[purpose]
    return mine > 0 and all(
        mine > n for p, n in scores.items() if p != purpose and p not in besides
    )


_ALONG_WITH_CONFIRMATION = frozenset({"shipping"})  # "we received it and it ships tomorrow"


_NEAR = 10  # words from 'your order' to what happened to it ('... 113-4567890-1234567 has been')


def _asks_the_buyer(a: Analysis) -> bool:
    """Whether a sentence asks the buyer something other than whether they need help.

    A question of its own ("could you send us the text you want engraved?") is the message's
    purpose; "any questions? let us know" is a pleasantry.
    """
    text = a.norm.text
    if "?" not in text and "confirm_request" not in a.vocabs:
        return False  # no sentence can ask: most messages need not be read by sentence
    return any(
        ("?" in text[s.start : s.end] or "confirm_request" in s.vocabs())
        and not s.vocabs() & {"order_received", "pleasantry", "thanks"}
        for s in a.sentences
    )


_REF_AND_STATUS = frozenset({"order_ref", "order_status"})


def order_confirmation(a: Analysis) -> Iterator[Found]:  # noqa: PLR0911 - one early exit per reason
    if not a.kind.is_proactive or (
        # what the rule reports: the receipt, or the order's status beside the order
        "order_received" not in a.vocabs and not a.vocabs >= _REF_AND_STATUS
    ):
        return
    if _read_as(a, _CONFIRMS_ORDER):
        # the purpose model reads the body as an order confirmation, whatever kind it was sent
        # as: SP124 reports the kind, and the confirmation is SP109's as any other's is
        yield from _first_found(a, "order_received")
        return
    if a.kind is MessageKind.UNEXPECTED_PROBLEM:
        return
    if a.vocabs & {"problem", "buyer_question"} or _asks_the_buyer(a):
        # a delay or problem notice, an answer to the buyer, or a question of the message's
        # own, such as which text the buyer wants engraved
        return
    if not dominates(a, "confirmation", besides=_ALONG_WITH_CONFIRMATION) and not (
        purpose_scores(a)["confirmation"] == 0 and "order_status" in a.vocabs
    ):
        return  # another purpose outweighs the order's status (a return or refund notice)
    hit = _first_of(a, "order_received")
    if hit is not None:
        yield a.found(hit.start, hit.end)
        return
    if a.vocabs & {"review", "shipped", "topic_warranty"}:
        return  # the order's status is mentioned on the way to another purpose
    # 'your order ... has been received / is in the queue / was registered' in one sentence
    for sentence in a.sentences:
        ref, status = sentence.first("order_ref"), sentence.first("order_status")
        if ref is not None and status is not None and abs(status.token - ref.token) <= _NEAR:
            yield a.found(min(ref.start, status.start), max(ref.end, status.end))
            return


def shipping_notification(a: Analysis) -> Iterator[Found]:
    if not a.kind.is_proactive:
        return
    if "shipped" not in a.vocabs:
        return  # no word of shipping to report
    gone = negated(a)
    hit = next((h for h in a.hits if h.vocab == "shipped" and (h.vocab, h.start) not in gone), None)
    if _read_as(a, _NOTIFIES_SHIPPING):
        # the purpose model reads the body as a shipping notice, whatever kind it was sent as
        # ('tu pedido ya salió con Correos' sent as an unexpected problem): SP124 reports the
        # kind, and the notice is SP110's as any other's is
        if hit is not None:
            yield a.found(hit.start, hit.end)
        return
    if a.kind is MessageKind.UNEXPECTED_PROBLEM:
        return
    # "it can't be shipped to your address" is not a shipping notice (negation scope);
    # an order confirmation is SP109; a request for money is SP108
    # and a notice that the seller cancelled part of the order names what did ship on the way
    excluded = {"problem", "buyer_question", "order_received", "pay", "seller_cancel"}
    if hit is None or a.vocabs & excluded or is_review_request(a):
        return
    if dominates(a, "shipping", besides=frozenset({"confirmation"})):
        yield a.found(hit.start, hit.end)
    elif _kind_unsaid(a) and _body_dominates(a, "shipping", besides=frozenset({"confirmation"})):
        # the body's own sentences are its purpose, not the kind the seller chose: the model,
        # which weighs that kind, need not confirm it
        read_structurally(a, Code.SP110, hit.start, hit.end)
        yield a.found(hit.start, hit.end)
    # else a review request naming the delivery date, an appointment being arranged


def _kind_unsaid(a: Analysis) -> bool:
    """Whether the chosen kind is a review request whose body only tells the shipment.

    Its point for the review purpose is the seller's label, not the body's: "your art prints
    shipped today, tracking 9405…" sent as a review request is a shipping notice (fresh_kg).
    Every sentence must tell the shipment, thank or greet: a review asked in words no
    vocabulary knows ("donner votre appréciation sur Amazon") names something else.
    """
    return (
        a.kind is MessageKind.REVIEW_REQUEST
        and purpose_scores(a)["review"] == 1
        # the tracking or the carrier named: a review request names the delivery at most,
        # "your order was delivered on Tuesday. Let other buyers know how you got on"
        and not a.vocabs.isdisjoint(_TRACKED)
        and _every_sentence_within(a, _SHIPPED_GOODS_COMPANY)
    )


_TRACKED = frozenset({"beacon", "phone_owner"})  # 'tracking 9405…', 'with DPD', 'USPS'


_PURPOSE_VOCABS = frozenset(
    {
        "problem",
        "shipped",
        "order_received",
        # where the order stands ('ist bei uns eingegangen und wird bearbeitet') is news of it
        "order_status",
        "review",
        "marketing",
        "offsite",
        "contact_by_phone",
        "contact_by_email",
        "contact_by_link",
        "cheaper_with_us",
        "pay",
        "buyer_question",
        "confirm_request",
        "buyer_cancel",
        "topic_delivery",
        "topic_service",
        # what a narrow kind is for: "Attached is your VAT invoice. Thank you!" is an invoice
        "topic_invoice",
        "topic_warranty",
        "topic_digital_key",
        "topic_legal",
        "topic_return",
    }
)
# A day or a time of day: "on the 12th in the morning", "Tuesday between 9 and 11", "at 2pm".
_WEEKDAY = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|"
    r"venerdì|sabato|domenica"
)
# (and a week to come: 'the second parcel will follow next week')
_TOMORROW_WORDS = (
    "tomorrow", "morgen", "demain", "mañana", "domani", "next week", "nächste woche",
    "nächsten woche", "la semaine prochaine", "la próxima semana", "la semana que viene",
    "la prossima settimana", "la settimana prossima",
)  # fmt: skip
_TOMORROW = "|".join(w.replace(" ", r"\s+") for w in _TOMORROW_WORDS)  # read in verbose patterns
_RANGE = r"(?:to|through|till|until|bis|au|à|a|al)\s+|[-\u2013]\s*"
# A day or a time of day: "on the 12th in the morning", "Tuesday between 9 and 11", "at 2pm";
# not opening hours ("Monday to Friday").
_WHEN = regex.compile(
    rf"(?x) \b(?<!(?:{_RANGE}))(?:{_WEEKDAY})\b(?!\s*(?:{_RANGE}))"
    rf"| \b(?:{_TOMORROW})\b"
    r"| \b\d{1,2}(?:st|nd|rd|th)\b"  # the 12th
    r"| \b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|uhr)\b",  # 9am, 14.30 Uhr
    regex.V1,
)
# Every match of `_WHEN` holds a digit or one of these words, found in one pass: a text with
# neither spares the pattern, which is tried at every position (some 20 us a message).
# a day named, or one to come: what a sentence that says the parcel arrived may not hold
_DAY_TO_COME = regex.compile(rf"\b(?:{_WEEKDAY}|{_TOMORROW})\b", regex.V1)
_WHEN_WORDS = (*_WEEKDAY.split("|"), *_TOMORROW_WORDS)
_WHEN_FINDER = ahocorasick_rs.AhoCorasick(_WHEN_WORDS)
_ASCII_DIGITS = b"0123456789"


def _says_when(text: str) -> bool:
    """Whether ``text`` names a day or a time of day (`_WHEN`)."""
    try:
        raw = text.encode("latin-1")  # its digits are the ASCII ones
        if len(raw.translate(None, _ASCII_DIGITS)) == len(raw) and not (
            _WHEN_FINDER.find_matches_as_indexes(text)
        ):
            return False
    except UnicodeEncodeError:  # other scripts have digits of their own: let the pattern look
        pass
    return _WHEN.search(text) is not None


_FLUFF = frozenset({"pleasantry", "thanks", "opt_out", "greeting"})
_MAX_LOOSE_SHARE = 0.34
_SIGN_OFF_WORDS = 4
_LOOSE_BESIDE_WISHES = 6  # a short sentence's worth: 'solo queríamos darte', a shop's name


def _thanks_someone(a: Analysis) -> bool:
    """Whether the message thanks or offers help: a greeting and a sign-off thank nobody.

    A review or feedback named only as what the buyer is thanked for ('merci infiniment pour
    votre jolie évaluation') is no purpose of its own: the message still only thanks.
    """
    if not a.vocabs & {"thanks", "pleasantry"}:
        return False
    purposes = a.vocabs & _PURPOSE_VOCABS
    if purposes and (purposes != {"review"} or not _thanked_reviews(a)):
        return False
    greetings = [(h.start, h.end) for h in a.hits if h.vocab == "greeting"]
    return any(
        h.vocab in ("thanks", "pleasantry")
        and not any(gs <= h.start and h.end <= ge for gs, ge in greetings)
        for h in a.hits
    )


# what a sentence that thanks for a review or feedback may hold besides the thanks (the review
# praised as kind or lovely, 'per la bella recensione che ci ha lasciato', is still the buyer's)
_THANKED_COMPANY = frozenset(
    {"pleasantry", "thanks", "greeting", "review", "seller_feedback", "you", "to_us", "order_ref",
     "topic_order_details", "buy_verb", "well_wish", "image_not_product", "positive_review",
     *_PEOPLE}
)  # fmt: skip
_REVIEW_WORDS = frozenset({"review", "seller_feedback"})
_THANKED_WORDS = 30  # a sentence longer than this says more than thanks


def _thanked_reviews(a: Analysis) -> list[tuple[int, int]]:
    """The sentences that thank for a review or feedback, when every review is named in one.

    'Merci infiniment pour votre jolie évaluation sur la commande …' thanks for a rating left;
    a sentence that asks, questions or names anything else does more, and then none count.
    Read once per message: `_thanks_someone` and `_only_thanks` both ask.
    """
    return a.once("thanked reviews", _find_thanked_reviews)


def _find_thanked_reviews(a: Analysis) -> list[tuple[int, int]]:
    text = a.norm.text
    thanked = []
    for s in a.sentences:
        vocabs = s.vocabs()
        if not vocabs & _REVIEW_WORDS:
            continue
        if (
            "thanks" not in vocabs  # 'Hi, we've seen the 2-star rating you left' thanks nobody
            or not vocabs <= _THANKED_COMPANY
            or _MORE_THAN_A_WISH.search(text, s.start, s.end)
            or len(tokens(text[s.start : s.end])) > _THANKED_WORDS
        ):
            return []
        thanked.append((s.start, s.end))
    return thanked


def _says_more(a: Analysis) -> bool:
    """Whether the message carries something besides words: a file, contact details, a date."""
    # contact details are a purpose of their own (SP101-SP104 judge them); a day or a time says
    # when something happens (an appointment, a date); a template's logo, loaded by its
    # <img src>, is no link the buyer follows and says nothing
    return bool(
        a.message.attachments or page_links(a) or a.emails or a.phones or _says_when(a.norm.text)
    )


def _only_thanks(a: Analysis) -> bool:
    """Only thanks, pleasantries and offers of help: at most a third of the words say more."""
    if not _thanks_someone(a) or _says_more(a):
        return False
    text = a.norm.text
    # a short last line after a blank one is the sign-off ("Tè & Tisane"), not what is said
    body, blank, last = text.rstrip().rpartition("\n\n")
    if blank and len(tokens(last)) <= _SIGN_OFF_WORDS:
        text = body
    words = tokens(text)
    # what a template's buyer never sees (its tags' attributes: a logo's src and alt, a style;
    # its comments and style sheet) is neither said nor more
    if a.html is not None:
        shown = _shown(a.html)
        words = [w for w in words if shown.overlaps(*a.norm.span(w[1], w[2]))]
    if not words:
        return False
    # thanks, pleasantries and greetings say nothing more; nor does a placeholder's name
    # ('Hola {{nombre}}'), which the tool sending the template fills in
    fluff = [(h.start, h.end) for h in a.hits if h.vocab in _FLUFF]
    if a.vocabs & _REVIEW_WORDS:
        fluff += _thanked_reviews(a)  # 'danke, dass Sie sich die Zeit für eine Bewertung …'
    fluff += [(p.start, p.end) for p in find_placeholders(text)]
    if _at_most_loose(words, sorted(fluff), max(2, _MAX_LOOSE_SHARE * len(words))):
        return True
    # wishes are read as thanks only beside next to nothing else ('vacuum it without the brush')
    wishes = _wishes(a)
    return bool(wishes) and _at_most_loose(words, sorted(fluff + wishes), _LOOSE_BESIDE_WISHES)


_NOT_SPACE = regex.compile(r"\S+")


def _shown(html: HtmlFacts) -> SpanSet:
    """The spans of the HTML that the buyer sees as text: each run of visible text not a space."""
    return SpanSet(html.text_span(*m.span()) for m in _NOT_SPACE.finditer(html.text))


def _at_most_loose(
    words: list[tuple[str, int, int]], covered: list[tuple[int, int]], allowed: float
) -> bool:
    """Whether at most ``allowed`` words (filler and numbers aside) lie outside ``covered``."""
    filler = filler_words()
    loose = 0
    j = 0
    for word, start, end in words:
        while j < len(covered) and covered[j][1] <= start:
            j += 1
        if word in filler or any(map(str.isdigit, word)):
            continue
        if not any(cs <= start and end <= ce for cs, ce in covered[j : j + 8]):
            loose += 1
            if loose > allowed:
                return False  # most messages say more than thanks early on
    return True


# a question, or a colon or semicolon that goes on to advice ('we hope it serves you well;
# descale it monthly'), makes a sentence more than a wish; so do many words
_MORE_THAN_A_WISH = regex.compile(r"[?;:]", regex.V1)
_WISH_WORDS = 16
# what a sentence of wishes may hold besides them: the buyer, the shop, thanks and greetings
_WISH_COMPANY = frozenset(
    {"well_wish", "you", "to_us", "pleasantry", "thanks", "greeting", *_PEOPLE}
)


def _wishes(a: Analysis) -> list[tuple[int, int]]:
    """The sentences that only wish the buyer well or say what the order means to the shop.

    "Speriamo che la tua nuova moka ti regali tanti buoni caffè." says nothing more than thanks;
    "We hope the replacement arrives by Friday" (a date) or "we hope you can send a photo?" (a
    question, another vocabulary) does.
    """
    if "well_wish" not in a.vocabs:
        return []
    text = a.norm.text
    return [
        (s.start, s.end)
        for s in a.sentences
        if "well_wish" in (vocabs := s.vocabs())
        and vocabs <= _WISH_COMPANY
        and not _MORE_THAN_A_WISH.search(text, s.start, s.end)
        and len(tokens(text[s.start : s.end])) <= _WISH_WORDS
    ]


def thank_you_only(a: Analysis) -> Iterator[Found]:
    if a.kind.is_proactive and a.kind is not MessageKind.REVIEW_REQUEST and _only_thanks(a):
        yield a.found(0, len(a.norm.text))


_TOPICS = {
    MessageKind.CONFIRM_CUSTOMIZATION: "topic_customization",
    MessageKind.CONFIRM_DELIVERY: "topic_delivery",
    MessageKind.CONFIRM_SERVICE: "topic_service",
    MessageKind.CONFIRM_ORDER_DETAILS: "topic_order_details",
    MessageKind.DIGITAL_ACCESS_KEY: "topic_digital_key",
    MessageKind.WARRANTY: "topic_warranty",
    MessageKind.INVOICE: "topic_invoice",
    MessageKind.LEGAL_DISCLOSURE: "topic_legal",
    MessageKind.NEGATIVE_FEEDBACK_REMOVAL: "seller_feedback",
    MessageKind.UNEXPECTED_PROBLEM: "problem",
}
_DELAY_KINDS = frozenset(
    {MessageKind.UNEXPECTED_PROBLEM, MessageKind.CONFIRM_DELIVERY, MessageKind.CONFIRM_SERVICE}
)
_SCHEDULING_KINDS = _DELAY_KINDS | {MessageKind.CONFIRM_ORDER_DETAILS}
_DESIGN_KINDS = frozenset(
    {
        MessageKind.CONFIRM_CUSTOMIZATION,
        MessageKind.CONFIRM_ORDER_DETAILS,
        MessageKind.UNEXPECTED_PROBLEM,
    }
)
_RETURN_KINDS = frozenset(
    {
        MessageKind.UNEXPECTED_PROBLEM,
        MessageKind.INVOICE,
        MessageKind.WARRANTY,
        MessageKind.NEGATIVE_FEEDBACK_REMOVAL,
        MessageKind.LEGAL_DISCLOSURE,
    }
)

# Kinds that carry no document but their own: a manual sent as a digital access key.
_NOT_DOCUMENT_KINDS = frozenset(
    {MessageKind.DIGITAL_ACCESS_KEY, MessageKind.INVOICE, MessageKind.NEGATIVE_FEEDBACK_REMOVAL}
)


def _foreign_topic(a: Analysis) -> str:  # noqa: PLR0911 - one early exit per purpose
    """What another purpose the body speaks to, read from its words (not from what it lacks).

    Only asked when the body has no word of its own kind's purpose: a warranty message that
    says how to oil the board, an invoice that arranges the delivery day.
    """
    kind, vocabs = a.kind, a.vocabs
    if vocabs & {"care_tips", "shop_notice"}:
        return "gives care tips or shop news" if "care_tips" in vocabs else "is shop news"
    asks = "?" in a.norm.text or "question" in vocabs
    if kind not in _SCHEDULING_KINDS and "topic_delivery" in vocabs and asks:
        return "arranges a delivery"
    if kind not in _DESIGN_KINDS and "purpose_customization" in vocabs:
        return "is about a personalisation"
    if kind not in _RETURN_KINDS and "topic_return" in vocabs:
        return "is a return or refund notice"
    if kind is not MessageKind.NEGATIVE_FEEDBACK_REMOVAL and "satisfaction_check" in vocabs:
        return "asks how the buyer likes the item"
    if kind in _NOT_DOCUMENT_KINDS and "other_document" in vocabs:
        return "sends another document"
    if kind is MessageKind.NEGATIVE_FEEDBACK_REMOVAL and "review" in vocabs:
        return "speaks of a product review, not seller feedback"
    return ""


_PLAINLY_A_REVIEW = frozenset({"positive_review", "product_review", "on_amazon", "happy_condition"})
# a sentence that asks to change a review requests none (SP115 and SP116 judge it)
_NOT_A_REQUEST = frozenset({"change_verb"})
# nor, in a message that serves its kind's purpose, one that holds the review back or sends the
# buyer elsewhere instead (SP114 judges it: a delay notice that asks to "hold off on any feedback
# until it has arrived", a warranty note that says "contact us first instead of writing a
# review"); a legal disclosure that only gates reviews is still about reviews
_HELD_BACK = frozenset({"discourage_review", "instead_of_review", "gate"})


def _asks_for_review(a: Analysis) -> bool:
    """A sentence that asks for a review or feedback, not for the buyer's view of what to confirm.

    "Please review the attached proof", "your feedback on the layout" and "your thoughts on the
    two fonts" ask the buyer to check what the kind is for; "please leave us a review" does not.
    """
    if stars_are_design(a) or not is_review_request(a):
        return False
    own = _TOPICS[a.kind]
    gone = negated(a)
    for sentence in a.sentences:
        vocabs = sentence.vocabs()
        if not {"ask", "review"} <= vocabs:
            continue
        if own in vocabs and not vocabs & _PLAINLY_A_REVIEW:
            continue  # "your feedback on the layout", "please review the proof"
        if vocabs & _NOT_A_REQUEST:
            continue  # changing a review: SP115 and SP116 judge it
        if vocabs & _HELD_BACK and own in a.vocabs:
            continue  # holding it back, beside the kind's own purpose: SP114 judges it
        if any(h.vocab == "review" and (h.vocab, h.start) not in gone for h in sentence.hits):
            return True
    return False


# What an order confirmation in a message that asks something may lead to: a personalisation,
# a delivery or a service to arrange.
_ON_THE_WAY_TO = frozenset({"problem", "topic_customization", "topic_delivery", "topic_service"})


# where a product review is named: a change asked there is SP115's, not a feedback request
_PRODUCT_REVIEW_PLACE = frozenset({"product_review", "product_page", "review_place"})


def _solicitation(a: Analysis) -> str:
    """Whether the body asks for a review, or for a change of seller feedback, and which."""
    removal = a.kind is MessageKind.NEGATIVE_FEEDBACK_REMOVAL
    if _asks_for_review(a) and not (removal and "change_verb" in a.vocabs):
        return "asks for a review"
    if not removal and has_match(a, Code.SP116) and not a.vocabs & _PRODUCT_REVIEW_PLACE:
        # 'if you feel we've resolved it, you can revise your feedback' sent as an unexpected
        # problem: the kind for that request is negative_feedback_removal
        return "asks to change seller feedback"
    return ""


_NOTIFIES_SHIPPING = "is a shipping notice"
_CONFIRMS_ORDER = "is an order confirmation"


def other_purpose(a: Analysis) -> str:
    """`_other_purpose` of an SP-API kind's message, read once for SP109, SP110 and SP124."""
    return a.once("other_purpose", _other_purpose)


def _read_as(a: Analysis, purpose: str) -> bool:
    """Whether SP124 reads an SP-API kind's body as ``purpose`` and its model confirms it.

    Where SP124's model does not confirm the mismatch ('Since your order was delivered on 2
    June, your warranty remains valid ...' sent as a delivery confirmation), SP109 and SP110
    read the body as they read any other kind's.
    """
    return (
        a.kind in SP_API_KINDS and other_purpose(a).startswith(purpose) and confirmed(a, Code.SP124)
    )


def _other_purpose(a: Analysis) -> str:  # noqa: PLR0911 - one early exit per purpose
    """What the body is really for, when that is not what its SP-API kind is for.

    The purpose model reads positive evidence only: the body asks for a review, promotes,
    only thanks, asks the buyer to cancel, or its words make it a shipping notice, an order
    confirmation, a delay notice or another kind's business. A body that is merely short,
    unusual or polite, or that names other things in passing beside its own purpose, is not
    a mismatch: a warranty message need not say "warranty" to be one.
    """
    kind, vocabs = a.kind, a.vocabs
    solicits = _solicitation(a)
    if solicits:
        return solicits
    # the body's marketing (a promotional attachment is SP113 and SP119's), or an off-Amazon
    # call that is not the channel of a payment demand (that is SP108 and SP105's)
    promoted = [f for f in marketing(a) if f.field == "body"]
    if (promoted or (has_match(a, Code.SP105) and not has_match(a, Code.SP108))) and not (
        _serves_its_kind_besides(a, promoted)
    ):
        return "promotes"
    if _only_thanks(a):
        return "only says thank you"
    if (
        kind is not MessageKind.UNEXPECTED_PROBLEM
        and has_match(a, Code.SP123)
        and not _serves_its_kind_besides(a, list(_CANCELLATION(a)))
    ):
        # a request to cancel beside the kind's own business is SP123's alone, as a
        # promotion beside it is SP113's
        return "asks the buyer to cancel"
    topical = _TOPICS[kind] in vocabs
    if (
        kind not in _DELAY_KINDS
        and "shipped" in vocabs
        and "problem" not in vocabs
        and (
            dominates(a, "shipping", besides=frozenset({"confirmation"}))
            or (not topical and not _shipping_denied(a))
        )
    ):
        return _NOTIFIES_SHIPPING
    if (
        kind in _DELAY_KINDS
        and "shipped" in vocabs
        and not vocabs & {"problem", "delay_notice", "question"}
        and "?" not in a.norm.text
        and (
            dominates(a, "shipping", besides=frozenset({"confirmation"}))
            or (
                # a problem notice names its problem in words too many to list; a delivery or
                # a service confirmed has its own words, and a day or time to come schedules
                kind is not MessageKind.UNEXPECTED_PROBLEM
                and _body_dominates(a, "shipping", besides=frozenset({"confirmation"}))
                and _SCHEDULES.search(a.norm.text) is None
            )
            or (
                # "tu pedido ya salió con Correos, código …, ¡que lo disfrutes!" sent as an
                # unexpected problem: every sentence tells the shipment, none a problem or a day
                kind is MessageKind.UNEXPECTED_PROBLEM
                and _every_sentence_within(a, _SHIPPING_COMPANY)
                and not _problem_said(a)
                and not _shipping_denied(a)
                # a day or time to come may be a delay told without a word of trouble; the
                # time it was delivered is news of the shipment ('delivered today at 2:32 pm'),
                # read in its own sentence only ('... The second parcel follows on Friday')
                and not _says_when_beside_arrival(a)
            )
        )
    ):
        # "your order was delivered. Enjoy!"
        return f"{_NOTIFIES_SHIPPING} that asks nothing"
    if "order_received" in vocabs and _order_confirmed(a, vocabs, topical=topical):
        return _CONFIRMS_ORDER
    if kind not in _DELAY_KINDS and "delay_notice" in vocabs and not topical:
        return "is a delay notice"
    if not topical:
        return _foreign_topic(a)
    return ""


def _shipping_denied(a: Analysis) -> bool:
    """Whether a negator cancels a word of shipping ('it has not shipped yet')."""
    return "shipped" in {v for v, _ in negated(a)}


def _order_confirmed(a: Analysis, vocabs: frozenset[str], *, topical: bool) -> bool:
    """Whether a body that says the order was received is there to confirm it.

    It is when the confirmation outweighs every other purpose (`_confirms_receipt`), and, when
    it asks nothing and names no problem (or only denies one), when nothing of the kind's own
    business stands beside it: an unexpected-problem message whose order is "ricevuto
    correttamente ed è ora in lavorazione" with no news of trouble, or "Le confermiamo che
    abbiamo ricevuto il Suo ordine" sent as an invoice, whose word the body never uses.
    Confirming is the other scheduling kinds' own business.
    """
    kind = a.kind
    if _confirms_receipt(a, kind, vocabs):
        return True
    if (
        "?" in a.norm.text
        or _problem_said(a)
        # 'it'll go out with tomorrow's pickup': when it ships is part of a confirmation
        or not _every_sentence_within(a, _SHIPPING_COMPANY)
    ):
        return False
    if kind is MessageKind.UNEXPECTED_PROBLEM:
        return not vocabs & _NEWS_OF_TROUBLE and not _says_when(a.norm.text)
    return not topical and kind not in _SCHEDULING_KINDS


# what a sentence of an order's receipt may hold besides the receipt or the order's status; the
# seller's own premises named alone ('notre atelier la préparera sous 48 heures') are where the
# order is made, an invitation there is another vocabulary's (`visit_invite`, `opening_hours`)
_CONFIRMATION_COMPANY = frozenset(
    {"order_ref", "topic_order_details", "you", "to_us", "image_not_product", "greeting", *_PEOPLE,
     "pleasantry", "thanks", "well_wish", "order_received", "order_status", "venue"}
)  # fmt: skip


# what a sentence of a bare shipping notice may hold, and of a bare confirmation, which may say
# when the order ships (`_order_confirmed`): the receipt's company, the shipment,
# its carrier ('con Correos') and its tracking code ('código PQ4F…', read as a key's word)
# ('today' is also a word of pressure to remove feedback: 'shipped today with UPS')
_SHIPPING_COMPANY = _CONFIRMATION_COMPANY | {
    "shipped", "phone_owner", "topic_digital_key", "pressure",
    # 'tracking' is also a word of tracking pixels and of what may be attached; 'courier' of
    # a delivery to arrange
    "beacon", "attachment_allowed", "topic_delivery",
    # the parcel said to have arrived ('your order was delivered this morning. Enjoy!'), a
    # problem denied ('aucun problème à signaler')
    "arrival_said", "resolved", "negator",
}  # fmt: skip


# a shipping notice's company and the goods it names ('your art prints', 'the engraved board')
_SHIPPED_GOODS_COMPANY = _SHIPPING_COMPANY | {"topic_customization"}


def _says_when_beside_arrival(a: Analysis) -> bool:
    """Whether the text names a day or time (`_says_when`) other than when the parcel arrived.

    A sentence that says it arrived may give the time ('delivered today at 2:32 pm'); a day to
    come in it is still one ('delivered yesterday at 4 pm. The rest follows next week', where
    'pm.' ends no sentence).
    """
    if "arrival_said" not in a.vocabs:
        return _says_when(a.norm.text)
    text = a.norm.text
    return any(
        _says_when(text[s.start : s.end])
        if "arrival_said" not in s.vocabs()
        else _DAY_TO_COME.search(text, s.start, s.end) is not None
        for s in a.sentences
    )


def _every_sentence_within(a: Analysis, company: frozenset[str]) -> bool:
    """Whether every sentence names nothing but ``company``: only confirms, only tells a shipment.

    "Wir haben Ihre Bestellung erhalten. Bei Defekten tauschen wir das Gerät aus" goes on to
    the warranty; "Il colore blu è esaurito: possiamo mandarti il verde" to a problem. A shop's
    or a person's name on a last line of its own is the sign-off ("Tutto Pet Shop"), not what
    is said (`_signs_off`).
    """
    sentences = a.sentences
    if len(sentences) > 1 and _signs_off(a.norm.text, sentences[-1]):
        sentences = sentences[:-1]
    return all(s.vocabs() <= company for s in sentences)


# what a name signing a message may name: a shop, the seller's people, a greeting
_SIGN_OFF_COMPANY = frozenset({"buy_verb", "greeting", "pleasantry", "thanks", *_PEOPLE})


def _signs_off(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` is a name signing the message: a short last line after a blank one.

    Not a sentence that says something ("Der Akku fehlt.", "Please contact us."): a name ends
    without a full stop, names no more than a shop and a greeting, and has four words at most.
    """
    blank = text.rfind("\n\n", 0, sentence.start + 1)
    said = text[sentence.start : sentence.end].rstrip()
    return (
        blank >= 0
        and not text[blank : sentence.start].strip()
        and not said.endswith((".", "!", "?", ":", ";"))
        and sentence.vocabs() <= _SIGN_OFF_COMPANY
        and len(tokens(said)) <= _SIGN_OFF_WORDS
    )


# a booking, a visit or an installation: what a delivery or service confirmation schedules (an
# expected delivery day, 'stellt voraussichtlich am Dienstag zu', schedules nothing)
_SCHEDULES = regex.compile(
    r"\b(?:booked|scheduled|appointment|technician|installer|will\s+come|to\s+install"
    r"|termin|gebucht|monteur|montage|rendez-vous|technicien|installateur|prévu\s+pour"
    r"|cita|programad[oa]|técnico|instalador|fissat[oa]|appuntamento|tecnico|montaggio)\b",
    regex.V1,
)
_TROUBLE = frozenset({"problem", "delay_notice", "apology"})
# what a notice of trouble speaks of besides the order: the delivery, a question, a change
_NEWS_OF_TROUBLE = frozenset(
    {"shipped", "topic_delivery", "question", "change_verb", "topic_return"}
)


def _problem_said(a: Analysis) -> bool:
    """Whether the body names a problem, a delay or an apology that no negator cancels."""
    if not a.vocabs & _TROUBLE:
        return False
    gone = negated(a)
    return any(h.vocab in _TROUBLE and (h.vocab, h.start) not in gone for h in a.hits)


def _serves_its_kind_besides(a: Analysis, found: list[Found]) -> bool:
    """Whether the body speaks to its kind's purpose outside the sentences of ``found``.

    ``found`` is what another rule reported: a promotion (SP113) or a request to cancel
    (SP123). A delivery arranged with a line about new benches after it serves its kind, and
    the line is SP113's; a promo code sent as a digital access key ('use code SPRING5') serves
    none, though 'code' is a key's word.
    """
    vocab = _TOPICS[a.kind]
    if vocab not in a.vocabs:
        return False
    # the promotions' spans are the original text's: the sentences are mapped to it
    spans = SpanSet((f.start, f.end) for f in found if f.start is not None and f.end is not None)
    return any(
        _tells(sentence, vocab) and not spans.overlaps(*a.norm.span(sentence.start, sentence.end))
        for sentence in a.sentences
    )


def _tells(sentence: Sentence, vocab: str) -> bool:
    """Whether ``sentence`` has a hit of ``vocab`` that is more than an apology.

    'Sorry to bother you!' tells no problem: the apology vocabulary marks it.
    """
    apologies = {(h.start, h.end) for h in sentence.hits if h.vocab == "apology"}
    return any(h.vocab == vocab and (h.start, h.end) not in apologies for h in sentence.hits)


_CANCELLATION = phrase_rule(Code.SP123)

_ASKING = frozenset({"question", "confirm_request"})


def _confirms_receipt(a: Analysis, kind: MessageKind, vocabs: frozenset[str]) -> bool:
    """Whether a body that says the order was received is an order confirmation above all."""
    # a question, or a request to confirm that is not the seller confirming receipt itself
    # such as "this is just to confirm that we have received it" (a sentence can ask only in
    # a message with a word that asks: most need not be read by sentence)
    asks = "?" in a.norm.text or (
        not vocabs.isdisjoint(_ASKING)
        and any(s.vocabs() & _ASKING and "order_received" not in s.vocabs() for s in a.sentences)
    )
    return (
        (kind is not MessageKind.CONFIRM_ORDER_DETAILS or not asks)
        and dominates(a, "confirmation", besides=_ALONG_WITH_CONFIRMATION)
        and not (vocabs & ({"problem"} if not asks else _ON_THE_WAY_TO))
    )


def purpose_mismatch(a: Analysis) -> Iterator[Found]:
    if a.kind not in SP_API_KINDS or not a.norm.text.strip():
        return
    why = other_purpose(a)
    if why:
        yield Found(field="kind", note=why, values=(("kind", a.kind.value),))
