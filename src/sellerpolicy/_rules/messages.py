"""Message rules (SP1xx content, SP2xx formatting): pure functions from an analysis to findings."""

from __future__ import annotations

import bisect
import functools
import html
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs
import regex

from sellerpolicy._codes import RULES, Code, Family, Severity
from sellerpolicy._decisions import Finding, Span
from sellerpolicy._model import Attachment, Message, MessageFormat, MessageKind, MessageSender
from sellerpolicy._rules.data import Clause, filler_words, lexicon, rule_data, vocabularies
from sellerpolicy._text.detectors import (
    Evidence,
    contact_view,
    find_emails,
    find_links,
    find_phones,
)
from sellerpolicy._text.html import HtmlFacts, analyze_html, find_markup
from sellerpolicy._text.normalize import NormalizedText, normalize
from sellerpolicy._text.phrases import Hit, Lexicon, Sentence, sentences, tokens
from sellerpolicy._text.spans import SpanSet

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from sellerpolicy._policy import Policy

__all__ = ["MESSAGE_RULES", "Analysis", "MessageRule", "example_message", "run_message_rules"]


# --- analysis: everything the rules read, computed at most once per message ------------------


@attrs.frozen
class Found:
    """A rule's raw result, before the engine turns it into a `Finding`."""

    start: int | None = None
    end: int | None = None
    evidence: str = ""
    disguises: tuple[str, ...] = ()
    severity: Severity | None = None
    field: str = "body"
    note: str = ""
    values: tuple[tuple[str, str], ...] = ()


_NOT = ".not"
_CHAR_REF = regex.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", regex.V1)


def _unescape(match: regex.Match[str]) -> str:
    return html.unescape(match[0]).lower()


def _drop_exceptions(hits: list[Hit]) -> list[Hit]:
    """Drop hits of ``X`` that overlap a hit of ``X.not`` ('review your case')."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for h in hits:
        if h.vocab.endswith(_NOT):
            spans[h.vocab.removesuffix(_NOT)].append((h.start, h.end))
    if not spans:
        return hits
    blockers = {vocab: SpanSet(found) for vocab, found in spans.items()}
    kept = []
    for h in hits:
        if h.vocab.endswith(_NOT):
            continue
        blocker = blockers.get(h.vocab)
        if blocker is not None and blocker.overlaps(h.start, h.end):
            continue
        kept.append(h)
    return kept


class Analysis:
    """The normalised text of one message and everything derived from it, computed lazily."""

    def __init__(self, message: Message, history: tuple[Message, ...], policy: Policy) -> None:
        """Normalise the body and scan it for phrases once."""
        self.message = message
        self.history = history
        self.policy = policy
        self.kind = message.kind
        self.norm: NormalizedText = normalize(message.body)
        if message.format is MessageFormat.HTML and "&" in self.norm.text:
            # 'shop&#46;com' renders as 'shop.com': read character references as the buyer sees them
            self.norm = self.norm.sub(_CHAR_REF, _unescape, "HTML character references")
        self.lex: Lexicon = lexicon(policy.phrases)
        self.hits = _drop_exceptions(self.lex.scan(self.norm.text))
        self.vocabs = frozenset(h.vocab for h in self.hits)
        self.sentences: list[Sentence] = sentences(self.norm.text, self.hits)
        self._cache: dict[str, object] = {}

    def memo(self, key: str, make: Callable[[], object]) -> object:
        """``make()``, computed once per analysis and key."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def view(self) -> NormalizedText:
        """The text with spelled-out punctuation made plain, for links and emails."""
        return self.memo("view", lambda: contact_view(self.norm))  # type: ignore[return-value]

    @property
    def links(self) -> list[Evidence]:
        """Web addresses in the body."""
        return self.memo("links", lambda: find_links(self.norm, self.view))  # type: ignore[return-value]

    @property
    def emails(self) -> list[Evidence]:
        """Email addresses in the body."""
        return self.memo("emails", lambda: find_emails(self.norm, self.view))  # type: ignore[return-value]

    @property
    def phones(self) -> list[Evidence]:
        """Phone numbers in the body."""
        return self.memo("phones", lambda: find_phones(self.norm))  # type: ignore[return-value]

    @property
    def html(self) -> HtmlFacts | None:
        """Facts about the HTML body, or ``None`` for plain text."""
        if self.message.format is not MessageFormat.HTML:
            return None
        return self.memo("html", lambda: analyze_html(self.message.body))  # type: ignore[return-value]

    def scan(self, text: str) -> tuple[NormalizedText, list[Hit]]:
        """Normalise and scan another text (a file name, a history message)."""
        norm = normalize(text)
        return norm, _drop_exceptions(self.lex.scan(norm.text))

    def history_analyses(self) -> list[Analysis]:
        """Analyses of the earlier seller messages for the order."""

        def make() -> list[Analysis]:
            return [
                Analysis(m, (), self.policy)
                for m in self.history
                if m.sender is MessageSender.SELLER
            ]

        return self.memo("history", make)  # type: ignore[return-value]

    def found(self, start: int, end: int, **kwargs: object) -> Found:
        """A `Found` for normalised ``text[start:end]``, mapped to the original."""
        ostart, oend = self.norm.span(start, end)
        return Found(
            ostart,
            oend,
            self.message.body[ostart:oend],
            disguises=self.norm.disguises(start, end),
            **kwargs,  # type: ignore[arg-type]
        )


# --- phrase clauses ----------------------------------------------------------------------------


def _clause_matches(a: Analysis, clause: Clause) -> Iterator[tuple[int, int]]:
    """Normalised spans where ``clause`` holds, one per sentence (or pair of sentences)."""
    if not all(v in a.vocabs for v in clause.all):
        return  # most clauses fail here: a vocabulary the message never uses
    sents = a.sentences
    width = 2 if clause.scope == "pair" else 1
    for i in range(len(sents)):
        scope = sents[i : i + width]
        vocabs = frozenset().union(*(s.vocabs() for s in scope))
        if not all(v in vocabs for v in clause.all) or any(v in vocabs for v in clause.none):
            continue
        first = [h for v in clause.all if (h := _first_hit(scope, v)) is not None]
        yield min(h.start for h in first), max(h.end for h in first)


def _first_hit(scope: list[Sentence], vocab: str) -> Hit | None:
    for s in scope:
        hit = s.first(vocab)
        if hit is not None:
            return hit
    return None


def _phrase_matches(a: Analysis, code: Code) -> list[tuple[int, int]]:
    return a.memo(f"phrases:{code}", lambda: _compute_phrase_matches(a, code))  # type: ignore[return-value]


def _compute_phrase_matches(a: Analysis, code: Code) -> list[tuple[int, int]]:
    data = rule_data()[code]
    spans: list[tuple[int, int]] = []
    for clause in data.clauses:
        spans.extend(_clause_matches(a, clause))
    for pattern in data.patterns:
        spans.extend(m.span() for m in pattern.finditer(a.norm.text))
    return _merge(spans)


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _phrase_rule(code: Code) -> Callable[[Analysis], Iterator[Found]]:
    def rule(a: Analysis) -> Iterator[Found]:
        for start, end in _phrase_matches(a, code):
            yield a.found(start, end)

    rule.__name__ = f"rule_{code.value.lower()}"
    return rule


def _has(a: Analysis, code: Code) -> bool:
    return bool(_phrase_matches(a, code))


def _is_review_request(a: Analysis) -> bool:
    return any({"ask", "review"} <= s.vocabs() for s in a.sentences)


# --- SP101-SP104: contact details ----------------------------------------------------------------

_OWN_PAGE = regex.compile(
    r"(?:/gp/(?:your-account|css)/order|/your-orders|order-?details|orderid=|/review/create-review"
    r"|/review/review-your-purchases|/hz/feedback|/gp/feedback)",
    regex.V1,
)


def _is_amazon(host: str, domains: frozenset[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _page_links(a: Analysis) -> list[Evidence]:
    """Links a buyer could follow: an ``<img src>`` loads a picture and is judged by SP2xx."""
    html = a.html
    if html is None or not html.images:
        return a.links
    images = SpanSet((img.start, img.end) for img in html.images)
    return [ln for ln in a.links if not images.overlaps(ln.start, ln.end)]


def rule_sp101(a: Analysis) -> Iterator[Found]:
    params = a.policy.parameters
    emails = SpanSet((e.start, e.end) for e in a.emails)
    for link in _page_links(a):
        if _is_amazon(link.host, params.amazon_domains):
            continue
        if emails.overlaps(link.start, link.end):
            continue  # the domain of an email address (SP103), not a link of its own
        allowed = (
            a.kind in params.members("order_completion_kinds")
            and link.value.startswith("https://")
            and _is_amazon(link.host, params.link_allowlist)
        )
        if not allowed:
            yield Found(link.start, link.end, a.message.body[link.start : link.end], link.disguises)


def rule_sp102(a: Analysis) -> Iterator[Found]:
    for link in _page_links(a):
        # a bare 'Amazon.com' names the company; a link has a scheme, 'www.' or a path
        if link.explicit and _is_amazon(link.host, a.policy.parameters.amazon_domains):
            own = _OWN_PAGE.search(link.value) is not None
            yield Found(
                link.start,
                link.end,
                a.message.body[link.start : link.end],
                link.disguises,
                severity=Severity.INFO if own else None,
                note="a link to the buyer's own order or review page" if own else "",
            )


def rule_sp103(a: Analysis) -> Iterator[Found]:
    for email in a.emails:
        yield Found(
            email.start, email.end, a.message.body[email.start : email.end], email.disguises
        )


def rule_sp104(a: Analysis) -> Iterator[Found]:
    for phone in a.phones:
        owner = any(h.vocab == "phone_owner" for h in a.lex.scan(phone.context))
        yield Found(
            phone.start,
            phone.end,
            a.message.body[phone.start : phone.end],
            phone.disguises,
            severity=Severity.INFO if owner else None,
            note="a warranty, manufacturer or carrier number" if owner else "",
        )


# --- SP109, SP110, SP116, SP117, SP122, SP124: message-level purpose -----------------------------


def _first_of(a: Analysis, vocab: str) -> Hit | None:
    return next((h for h in a.hits if h.vocab == vocab), None)


_NEAR = 10  # words from 'your order' to what happened to it ('... 113-4567890-1234567 has been')


def rule_sp109(a: Analysis) -> Iterator[Found]:
    if not a.kind.is_proactive or a.kind is MessageKind.UNEXPECTED_PROBLEM:
        return
    if a.vocabs & {"problem", "buyer_question"}:
        return  # a delay or problem notice, or an answer to the buyer
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


def rule_sp110(a: Analysis) -> Iterator[Found]:
    if not a.kind.is_proactive or a.kind is MessageKind.UNEXPECTED_PROBLEM:
        return
    hit = _first_of(a, "shipped")
    # an order confirmation is SP109; a request for money is SP108
    excluded = {"problem", "buyer_question", "order_received", "pay"}
    if hit is None or a.vocabs & excluded or _is_review_request(a):
        return
    yield a.found(hit.start, hit.end)


def rule_sp116(a: Analysis) -> Iterator[Found]:
    requests = _phrase_matches(a, Code.SP116)
    if not requests:
        return
    repeated = any(_has(h, Code.SP116) for h in a.history_analyses())
    resolved = bool(a.vocabs & {"resolved", "fix_already"}) or any(
        h.vocabs & {"resolved", "fix_already"} for h in a.history_analyses()
    )
    starts = [s.start for s in a.sentences]
    for start, end in requests:
        # the request's own sentences, and the one before them (found by bisection: a long
        # message with many requests must not rescan every sentence for each)
        first = max(0, bisect.bisect_right(starts, start) - 1)
        last = max(first, bisect.bisect_left(starts, end) - 1)
        scope = a.sentences[first : last + 1]
        nearby = frozenset().union(*(s.vocabs() for s in a.sentences[max(0, first - 1) : last + 1]))
        own = scope[0].vocabs() if scope else frozenset()
        reasons = []
        if own & {"pressure", "conditional"}:
            reasons.append("demanded or made a condition")
        if (
            "incentive" in nearby
            and nearby & {"exchange", "conditional"}
            and "fix_already" not in nearby
        ):
            reasons.append("tied to something of value")
        if repeated:
            reasons.append("repeated: the history already has a request")
        if not resolved:
            reasons.append("before the problem is shown to be resolved")
        if reasons:
            yield a.found(start, end, note="; ".join(reasons))


_PURPOSE_VOCABS = frozenset(
    {
        "problem",
        "shipped",
        "order_received",
        "review",
        "marketing",
        "offsite",
        "pay",
        "buyer_question",
        "confirm_request",
        "buyer_cancel",
        "topic_delivery",
        "topic_service",
    }
)
_FLUFF = frozenset({"pleasantry", "thanks", "opt_out"})
_MAX_LOOSE_SHARE = 0.34


def _thank_you_only(a: Analysis) -> bool:
    """Only thanks, pleasantries and offers of help: at most a third of the words say more."""
    if not a.vocabs & {"thanks", "pleasantry"} or a.vocabs & _PURPOSE_VOCABS:
        return False
    if a.message.attachments:
        return False
    if a.links or a.emails or a.phones:
        return False  # contact details are a purpose of their own (SP101-SP104 judge them)
    words = tokens(a.norm.text)
    if not words:
        return False
    covered = sorted((h.start, h.end) for h in a.hits if h.vocab in _FLUFF)
    filler = filler_words()
    loose = 0
    j = 0
    for word, start, end in words:
        while j < len(covered) and covered[j][1] <= start:
            j += 1
        inside = any(cs <= start and end <= ce for cs, ce in covered[j : j + 8])
        if not inside and word not in filler and not any(c.isdigit() for c in word):
            loose += 1
    return loose <= max(2, _MAX_LOOSE_SHARE * len(words))


def rule_sp117(a: Analysis) -> Iterator[Found]:
    if a.kind.is_proactive and a.kind is not MessageKind.REVIEW_REQUEST and _thank_you_only(a):
        yield a.found(0, len(a.norm.text))


def rule_sp122(a: Analysis) -> Iterator[Found]:
    soliciting = a.kind is MessageKind.REVIEW_REQUEST or (
        a.kind is MessageKind.PROACTIVE and _is_review_request(a)
    )
    if not soliciting:
        return
    if any(
        h.kind is MessageKind.REVIEW_REQUEST or (h.kind.is_proactive and _is_review_request(h))
        for h in a.history_analyses()
    ):
        yield Found(field="history", note="the history already has a review or feedback request")


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
# Kinds with one narrow purpose: text without a word of that purpose is off topic.
_NARROW_KINDS = frozenset(
    {
        MessageKind.DIGITAL_ACCESS_KEY,
        MessageKind.WARRANTY,
        MessageKind.INVOICE,
        MessageKind.LEGAL_DISCLOSURE,
        MessageKind.NEGATIVE_FEEDBACK_REMOVAL,
    }
)
# Kinds that ask the buyer to confirm something: off topic when they neither touch their
# subject nor ask anything.
_CONFIRM_KINDS = frozenset(
    {
        MessageKind.CONFIRM_CUSTOMIZATION,
        MessageKind.CONFIRM_DELIVERY,
        MessageKind.CONFIRM_SERVICE,
        MessageKind.CONFIRM_ORDER_DETAILS,
    }
)
_DELAY_KINDS = frozenset(
    {MessageKind.UNEXPECTED_PROBLEM, MessageKind.CONFIRM_DELIVERY, MessageKind.CONFIRM_SERVICE}
)


def _other_purpose(a: Analysis) -> str:  # noqa: PLR0911 - one early exit per purpose
    """What the body is really for, when that is not what its SP-API kind is for."""
    kind, vocabs = a.kind, a.vocabs
    if _is_review_request(a) and not (
        kind is MessageKind.NEGATIVE_FEEDBACK_REMOVAL and "change_verb" in vocabs
    ):
        return "asks for a review"
    if _has(a, Code.SP113) or _has(a, Code.SP105):
        return "promotes"
    if _thank_you_only(a):
        return "only says thank you"
    if kind is not MessageKind.UNEXPECTED_PROBLEM and _has(a, Code.SP123):
        return "asks the buyer to cancel"
    if kind not in _DELAY_KINDS and "shipped" in vocabs and "problem" not in vocabs:
        return "is a shipping notice"
    if (
        kind is not MessageKind.CONFIRM_ORDER_DETAILS
        and "order_received" in vocabs
        and not (vocabs & {"problem", "topic_customization", "topic_delivery", "topic_service"})
    ):
        return "is an order confirmation"
    topical = _TOPICS[kind] in vocabs
    if kind not in _DELAY_KINDS and "delay_notice" in vocabs and not topical:
        return "is a delay notice"
    if kind in _NARROW_KINDS and not topical:
        return "is off topic"
    asks = "?" in a.norm.text or "question" in vocabs
    if kind in _CONFIRM_KINDS and not topical and not asks:
        return "neither asks anything nor touches the order detail to confirm"
    return ""


def rule_sp124(a: Analysis) -> Iterator[Found]:
    if a.kind not in _SP_API_KINDS or not a.norm.text.strip():
        return
    why = _other_purpose(a)
    if why:
        yield Found(field="kind", note=why, values=(("kind", a.kind.value),))


_IMAGE_EXT = frozenset(
    {"png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "svg", "apng", "heic"}
)
_NEVER_ATTACH = frozenset(
    {"exe", "msi", "bat", "cmd", "com", "scr", "js", "vbs", "jar", "apk", "dmg", "zip", "rar", "7z"}
)
_SEPARATORS = regex.compile(r"[_+]+", regex.V1)


def _extension(att: Attachment) -> str:
    return att.file_name.rsplit(".", 1)[-1].lower() if "." in att.file_name else ""


def _is_image(att: Attachment) -> bool:
    return (att.media_type or "").lower().startswith("image/") or _extension(att) in _IMAGE_EXT


def _name_words(att: Attachment) -> str:
    stem = att.file_name.rsplit(".", 1)[0] if "." in att.file_name else att.file_name
    return f"{_SEPARATORS.sub(' ', stem)}\n{att.alt_text or ''}"


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


def _names(att: Attachment) -> str:
    return _name_words(att).lower()


def _name_vocabs(a: Analysis, att: Attachment) -> frozenset[str]:
    """The vocabularies an attachment's file name and alt text use, scanned once per message."""

    def scan() -> frozenset[str]:
        _, hits = a.scan(_name_words(att))
        return frozenset(h.vocab for h in hits)

    return a.memo(f"name:{att.file_name}\n{att.alt_text}", scan)  # type: ignore[return-value]


def _names_mention(a: Analysis, att: Attachment, vocab: str) -> bool:
    """Whether the name uses ``vocab``, as a word or inside a compound ('Aufbauanleitung')."""
    return vocab in _name_vocabs(a, att) or bool(_stem_pattern(vocab).search(_names(att)))


def _promotional(a: Analysis, att: Attachment) -> bool:
    return _names_mention(a, att, "promo_attachment")


def _attachment_allowed(a: Analysis, att: Attachment) -> bool:
    if _extension(att) in _NEVER_ATTACH or _promotional(a, att):
        return False
    if _names_mention(a, att, "attachment_allowed"):
        return True
    fixed_purpose = {MessageKind.INVOICE, MessageKind.WARRANTY, MessageKind.LEGAL_DISCLOSURE}
    return a.kind in fixed_purpose and _extension(att) == "pdf"


def rule_sp119(a: Analysis) -> Iterator[Found]:
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


def _image_links(att: Attachment) -> list[Evidence]:
    return find_links(normalize(_name_words(att)))


def rule_sp113(a: Analysis) -> Iterator[Found]:
    for start, end in _phrase_matches(a, Code.SP113):
        yield a.found(start, end)
    for i, att in enumerate(a.message.attachments):
        if _promotional(a, att):
            yield Found(
                field=f"attachments[{i}]", evidence=att.file_name, note="a promotional attachment"
            )


def rule_sp120(a: Analysis) -> Iterator[Found]:
    for i, att in enumerate(a.message.attachments):
        if not _is_image(att):
            continue
        links = [
            link
            for link in _image_links(att)
            if not _is_amazon(link.host, a.policy.parameters.amazon_domains)
            and link.host.rsplit(".", 1)[-1] not in _IMAGE_EXT
        ]
        if links:
            yield Found(field=f"attachments[{i}]", evidence=links[0].value)


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


def rule_sp121(a: Analysis) -> Iterator[Found]:
    subject = a.message.subject
    if not subject or a.kind in _NEEDED_KINDS:
        return
    norm = normalize(subject)
    m = _IMPORTANT.search(norm.text)
    if m:
        start, end = norm.span(*m.span())
        yield Found(start, end, subject[start:end], norm.disguises(*m.span()), field="subject")


# --- SP2xx: formatting ---------------------------------------------------------------------------

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
_ENTITY = regex.compile(r"&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));", regex.V1 | regex.IGNORECASE)


_SP_API_KINDS = _NEEDED_KINDS | {MessageKind.NEGATIVE_FEEDBACK_REMOVAL}


def rule_sp201(a: Analysis) -> Iterator[Found]:
    for field, text in (("body", a.message.body), ("subject", a.message.subject or "")):
        for m in _EMOJI.finditer(text):
            yield Found(m.start(), m.end(), m[0], field=field)
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


def rule_sp202(a: Analysis) -> Iterator[Found]:
    for i, att in enumerate(a.message.attachments):
        if (att.media_type or "").lower() == "image/gif" or _is_gif(att.file_name):
            yield Found(field=f"attachments[{i}]", evidence=att.file_name)
    html = a.html
    if html is not None:
        for img in html.images:
            if img.src and _is_gif(img.src):
                yield Found(img.start, img.end, a.message.body[img.start : img.end])


def rule_sp203(a: Analysis) -> Iterator[Found]:
    html = a.html
    if html is None:
        return
    for img in html.images:
        if img.src and img.src.strip().lower().startswith("http://"):
            yield Found(img.start, img.end, a.message.body[img.start : img.end])


def _beacon(a: Analysis, src: str) -> bool:
    _, hits = a.scan(
        _SEPARATORS.sub(" ", src.replace("/", " ").replace("?", " ").replace("=", " "))
    )
    return any(h.vocab == "beacon" for h in hits)


def rule_sp205(a: Analysis) -> Iterator[Found]:
    html = a.html
    if html is None:
        return
    for img in html.images:
        if img.hidden or img.tiny or (img.src and _beacon(a, img.src)):
            yield Found(img.start, img.end, a.message.body[img.start : img.end])


def _product_photo(a: Analysis, words: str) -> bool:
    """An image is taken for a product photo unless its name says it is something else."""
    _, hits = a.scan(words)
    vocabs = {h.vocab for h in hits}
    return not vocabs & {"image_not_product", "attachment_allowed", "promo_attachment"}


def rule_sp204(a: Analysis) -> Iterator[Found]:
    if not a.kind.is_proactive or a.kind is MessageKind.CONFIRM_CUSTOMIZATION:
        return
    for i, att in enumerate(a.message.attachments):
        animated = _is_gif(att.file_name) or (att.media_type or "").lower() == "image/gif"
        if _is_image(att) and not animated and _product_photo(a, _name_words(att)):
            yield Found(field=f"attachments[{i}]", evidence=att.file_name)
    html = a.html
    if html is not None:
        for img in html.images:
            if img.hidden or img.tiny or not img.src or _is_gif(img.src) or _beacon(a, img.src):
                continue
            # the file name and the alt text describe the picture; the host and folders do not
            name = img.src.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
            words = f"{_SEPARATORS.sub(' ', name)}\n{img.alt or ''}"
            if _product_photo(a, words):
                yield Found(img.start, img.end, a.message.body[img.start : img.end])


def rule_sp206(a: Analysis) -> Iterator[Found]:
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


def rule_sp207(a: Analysis) -> Iterator[Found]:
    if a.message.format is not MessageFormat.TEXT or a.kind not in _SP_API_KINDS:
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


def rule_sp208(a: Analysis) -> Iterator[Found]:
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


# --- the rule set ---------------------------------------------------------------------------------


@attrs.frozen
class MessageRule:
    """A message rule: a code and the pure function that checks it."""

    code: Code
    check: Callable[[Analysis], Iterator[Found]]


_CUSTOM: dict[Code, Callable[[Analysis], Iterator[Found]]] = {
    Code.SP101: rule_sp101,
    Code.SP102: rule_sp102,
    Code.SP103: rule_sp103,
    Code.SP104: rule_sp104,
    Code.SP109: rule_sp109,
    Code.SP110: rule_sp110,
    Code.SP113: rule_sp113,
    Code.SP116: rule_sp116,
    Code.SP117: rule_sp117,
    Code.SP119: rule_sp119,
    Code.SP120: rule_sp120,
    Code.SP121: rule_sp121,
    Code.SP122: rule_sp122,
    Code.SP124: rule_sp124,
    Code.SP201: rule_sp201,
    Code.SP202: rule_sp202,
    Code.SP203: rule_sp203,
    Code.SP204: rule_sp204,
    Code.SP205: rule_sp205,
    Code.SP206: rule_sp206,
    Code.SP207: rule_sp207,
    Code.SP208: rule_sp208,
}

MESSAGE_RULES: tuple[MessageRule, ...] = tuple(
    MessageRule(code, _CUSTOM.get(code) or _phrase_rule(code))
    for code, info in RULES.items()
    if info.family is Family.MESSAGES
)
"""Every message rule, in code order. The policy decides which run."""


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@functools.cache
def _templates() -> dict[Code, str]:
    return {code: data.message for code, data in rule_data().items()}


def _finding(code: Code, found: Found, severity: Severity) -> Finding:
    info = RULES[code]
    values = dict(found.values)
    values.setdefault("evidence", _excerpt(found.evidence) if found.evidence else "")
    values.setdefault("kind", "")
    message = _templates()[code].format_map(values)
    if found.note:
        message += f" ({found.note})"
    if found.disguises:
        message += f"; disguised with {', '.join(found.disguises)}"
    span = (
        Span(found.start, found.end) if found.start is not None and found.end is not None else None
    )
    return Finding(
        code=code,
        name=info.name,
        severity=found.severity or severity,
        message=message,
        span=span,
        excerpt=found.evidence or None,
        source=info.source,
        disguises=found.disguises,
        field=found.field,
    )


def run_message_rules(
    message: Message,
    history: tuple[Message, ...],
    policy: Policy,
    rules: tuple[MessageRule, ...] = MESSAGE_RULES,
) -> tuple[Finding, ...]:
    """Run every enabled message rule and return their findings."""
    analysis = Analysis(message, history, policy)
    findings: list[Finding] = []
    active = policy.active
    for rule in rules:
        severity = active.get(rule.code)
        if severity is None:
            continue
        findings.extend(_finding(rule.code, found, severity) for found in rule.check(analysis))
    return tuple(findings)


def example_message(code: Code, which: str) -> tuple[Message, tuple[Message, ...]]:
    """A rule's documented ``bad`` or ``good`` example as a message and its history."""
    from sellerpolicy._serialization import from_dict  # noqa: PLC0415 - only for examples

    data = rule_data()[code]
    extra = data.examples
    message = Message(
        body=getattr(data, which),
        kind=extra.get(f"{which}_kind", "proactive"),
        subject=extra.get(f"{which}_subject"),
        format=extra.get(f"{which}_format", "text"),
        attachments=tuple(Attachment(**a) for a in extra.get(f"{which}_attachments", ())),
    )
    history = tuple(from_dict(Message, h) for h in extra.get(f"{which}_history", ()))
    return message, history
