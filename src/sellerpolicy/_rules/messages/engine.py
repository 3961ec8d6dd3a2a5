"""The message rule set: each code with its check, and the run that turns results into findings.

The rules judge what a *seller* says (§3: "applies to every seller message ..., never to a
buyer's or Amazon's message"). A message whose sender is the buyer or Amazon, or whose kind only a
buyer sends (inquiry, return request, brand or suspicious message), gets no content (SP1xx) or
formatting (SP2xx) finding: a buyer's insult is not the seller's SP111. In the history, only the
seller's own messages count as earlier requests (SP116, SP122). See `is_seller_message`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs
import regex

from sellerpolicy._codes import RULES, Code, Family, Severity
from sellerpolicy._decisions import Finding, Span
from sellerpolicy._model import Attachment, Message, MessageFormat, Order
from sellerpolicy._rules.data import rule_data
from sellerpolicy._rules.messages.analysis import Analysis, Found
from sellerpolicy._rules.messages.attachments import unnecessary_attachment
from sellerpolicy._rules.messages.contact import (
    amazon_link,
    email_address,
    external_link,
    logo_with_web_address,
    phone_number,
)
from sellerpolicy._rules.messages.formatting import (
    animated_image,
    emoji,
    html_in_api_text,
    important_tag_misuse,
    insecure_image,
    layout_override,
    product_image,
    text_too_long,
    tracking_pixel,
)
from sellerpolicy._rules.messages.model import gate
from sellerpolicy._rules.messages.phrases import (
    DRAWN_RATING,
    feedback_removal_pressure,
    marketing,
    needed_vocabs,
    pattern_hints,
    phrase_rule,
    positive_feedback_request,
    repeat_solicitation,
)
from sellerpolicy._rules.messages.purpose import (
    order_confirmation,
    purpose_mismatch,
    shipping_notification,
    thank_you_only,
)
from sellerpolicy._rules.messages.scope import is_seller_message

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from sellerpolicy._policy import Policy

__all__ = [
    "MESSAGE_RULES",
    "PLAIN_TEXT_SILENT",
    "MessageRule",
    "example_message",
    "is_seller_message",
    "run_message_rules",
]


@attrs.frozen
class MessageRule:
    """A message rule: a code and the pure function that checks it."""

    code: Code
    check: Callable[[Analysis], Iterator[Found]]


_CUSTOM: dict[Code, Callable[[Analysis], Iterator[Found]]] = {
    Code.SP101: external_link,
    Code.SP102: amazon_link,
    Code.SP103: email_address,
    Code.SP104: phone_number,
    Code.SP107: positive_feedback_request,
    Code.SP109: order_confirmation,
    Code.SP110: shipping_notification,
    Code.SP113: marketing,
    Code.SP116: feedback_removal_pressure,
    Code.SP117: thank_you_only,
    Code.SP119: unnecessary_attachment,
    Code.SP120: logo_with_web_address,
    Code.SP121: important_tag_misuse,
    Code.SP122: repeat_solicitation,
    Code.SP124: purpose_mismatch,
    Code.SP201: emoji,
    Code.SP202: animated_image,
    Code.SP203: insecure_image,
    Code.SP204: product_image,
    Code.SP205: tracking_pixel,
    Code.SP206: layout_override,
    Code.SP207: html_in_api_text,
    Code.SP208: text_too_long,
}

MESSAGE_RULES: tuple[MessageRule, ...] = tuple(
    MessageRule(code, _CUSTOM.get(code) or phrase_rule(code))
    for code, info in RULES.items()
    if info.family is Family.MESSAGES
)
"""Every message rule, in code order. The policy decides which run."""

_OWN_CHECKS = {rule.code: rule.check for rule in MESSAGE_RULES}

# What the first test of each of these rules asks of the message's vocabularies: a message with
# none of them gets nothing from the rule (order_confirmation: the receipt or the order's status;
# shipping_notification: a word of shipping; thank_you_only, through `_thanks_someone`: thanks or
# a pleasantry).
_CUSTOM_NEEDS: dict[Code, frozenset[str]] = {
    Code.SP109: frozenset({"order_received", "order_status"}),
    Code.SP110: frozenset({"shipped"}),
    Code.SP117: frozenset({"thanks", "pleasantry"}),
}


def _needs(rule: MessageRule) -> frozenset[str] | None:
    """Vocabularies (or pattern hints) of which a message needs one for ``rule`` to find anything.

    The engine skips a rule whose message uses none of them, without calling it: a call costs
    more than the test, and most messages give most rules nothing. ``None`` when not known: a
    rule with a test of another kind (SP113's promotional attachments), or one a caller wrote,
    which is always called.
    """
    code = rule.code
    if rule.check is not _OWN_CHECKS.get(code):
        return None
    if code in _CUSTOM_NEEDS:
        return _CUSTOM_NEEDS[code]
    if code is Code.SP116:  # feedback_removal_pressure reads SP116's phrase matches only
        return needed_vocabs(code)
    if code is Code.SP107:  # its phrase matches, a review asked of the satisfied only, or
        # the stars drawn in a sentence that names a review or rating
        return needed_vocabs(code) | {"satisfied"} | DRAWN_RATING

    if code in _CUSTOM:  # SP113's marketing reads attachments too
        return None
    return needed_vocabs(code)


def _plain_needs(code: Code, check: Callable[[Analysis], Iterator[Found]]) -> frozenset[str] | None:
    """`_needs` of a rule in a plain-text message without attachments, where it can say more.

    SP113's marketing reads promotional attachments besides its phrases: in a message without
    attachments its phrases are all it reads.
    """
    if code is Code.SP113 and check is _OWN_CHECKS.get(code):
        return needed_vocabs(code)
    return None


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@functools.cache
def _templates() -> dict[Code, str]:
    return {code: data.message for code, data in rule_data().items()}


def _finding(code: Code, found: Found, severity: Severity, count: int = 1) -> Finding:
    info = RULES[code]
    values = dict(found.values)
    values.setdefault("evidence", _excerpt(found.evidence) if found.evidence else "")
    values.setdefault("kind", "")
    message = _templates()[code].format_map(values)
    if found.note:
        message += f" ({found.note})"
    if found.disguises:
        message += f"; disguised with {', '.join(found.disguises)}"
    if count > 1:
        message += f" (found {count} times; the span is the first)"
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
    *,
    order: Order | None = None,
) -> tuple[Finding, ...]:
    """Run every enabled message rule and return their findings.

    A buyer's or Amazon's message (see `is_seller_message`) has none: the rules judge sellers.
    ``order``, when given, is the order the message is about: a link to one of its products'
    pages is the order's own (SP102).
    """
    if not is_seller_message(message):
        return ()
    analysis = Analysis(message, history, policy, order=order)
    findings: list[Finding] = []
    enabled, plain = _enabled(policy.active, rules)
    if message.format is MessageFormat.TEXT and not message.attachments and not message.subject:
        enabled = plain
    # what the rules' first tests ask of: the vocabularies and the patterns' hints (a name of
    # one that is the text of another would only make a rule run for nothing)
    said = analysis.vocabs | pattern_hints(analysis)
    for code, check, severity, needs in enabled:
        if needs is not None and needs.isdisjoint(said):
            continue
        found = list(check(analysis))
        if len(found) == 1:
            findings.append(_finding(code, found[0], severity, found[0].count))
        elif found:
            findings.extend(_grouped(code, found, severity))
    gated = gate(tuple(findings), analysis, policy.parameters.choice("model_gate"))
    if message.subject:
        # the gate's model reads a whole message body; a subject line is too short for it. A
        # reply's subject ('Re: ...') is the buyer's, answered: only contact details in it are
        # judged, which the seller sends whoever wrote the rest ('Re: charger - ring me on ...')
        judged = CONTACT_RULES if _REPLY_PREFIX.match(message.subject) else SUBJECT_RULES
        gated += tuple(
            _subject_findings(
                message, history, policy, enabled, findings, rules=judged, order=order
            )
        )
    return gated


# "Re: discount for review?": the buyer's own subject, answered, is not the seller's to judge
_REPLY_PREFIX = regex.compile(r"^\s*(?:re|aw|antw|r|rv|sv|wg|fwd?|tr|rif)\s*:", regex.IGNORECASE)

# The rules that judge what a text says on its own, read in the subject line too ("Review us =
# free gift in your next parcel"). Not the ones that weigh the whole message's purpose (SP109,
# SP110, SP117, SP124), its history (SP116's repeats, SP122) or its form (SP119-SP121, SP2xx).
SUBJECT_RULES = frozenset(
    {
        Code.SP101,
        Code.SP102,
        Code.SP103,
        Code.SP104,
        Code.SP105,
        Code.SP106,
        Code.SP107,
        Code.SP108,
        Code.SP111,
        Code.SP112,
        Code.SP113,
        Code.SP114,
        Code.SP115,
        Code.SP118,
    }
)


# The contact details of a subject line: judged in a reply's subject too.
CONTACT_RULES = frozenset({Code.SP101, Code.SP103, Code.SP104})


def _subject_findings(
    message: Message,
    history: tuple[Message, ...],
    policy: Policy,
    enabled: _Enabled,
    body_findings: list[Finding],
    *,
    rules: frozenset[Code] = SUBJECT_RULES,
    order: Order | None = None,
) -> Iterator[Finding]:
    """Findings of the subject line read as a text of its own: ``rules`` the body did not break.

    Spans point into the subject (``field="subject"``), as SP121's do.
    """
    found_in_body = {f.code for f in body_findings}
    line = message.subject or ""
    # read with a plain-text body after it, so a rule that needs the body's words ("Five stars
    # for us?" over a review request) holds; only what starts in the subject line is its finding
    text = line if message.format is not MessageFormat.TEXT else f"{line}\n\n{message.body}"
    subject = Message(
        body=text, kind=message.kind, sender=message.sender, order_id=message.order_id
    )
    analysis = Analysis(subject, history, policy, order=order)
    for code, check, severity, needs in enabled:
        if code not in rules or code in found_in_body:
            continue
        if needs is not None and needs.isdisjoint(analysis.vocabs | pattern_hints(analysis)):
            continue
        for f in check(analysis):
            if f.start is not None and f.start < len(line):
                end = min(f.end if f.end is not None else len(line), len(line))
                yield _finding(
                    code,
                    attrs.evolve(f, field="subject", end=end, evidence=line[f.start : end]),
                    severity,
                    f.count,
                )


# The rules that read only the HTML, the attachments or the subject (attachment limits are at
# least 1): a plain-text message without attachments or a subject, most messages, gives them
# nothing, and skipping them spares a call each.
PLAIN_TEXT_SILENT = frozenset(
    {
        Code.SP119,
        Code.SP120,
        Code.SP121,
        Code.SP202,
        Code.SP203,
        Code.SP204,
        Code.SP205,
        Code.SP206,
    }
)

_Enabled = tuple[
    tuple[Code, "Callable[[Analysis], Iterator[Found]]", Severity, frozenset[str] | None], ...
]
_ENABLED: dict[
    tuple[int, int],
    tuple[Mapping[Code, Severity], tuple[MessageRule, ...], tuple[_Enabled, _Enabled]],
]
_ENABLED = {}
_MAX_ENABLED = 64


def _enabled(
    active: Mapping[Code, Severity], rules: tuple[MessageRule, ...]
) -> tuple[_Enabled, _Enabled]:
    """The rules ``active`` enables, with their severities: worked out once per policy.

    Returns:
        Every enabled rule (its code, check, severity and `_needs`), and those a plain-text
        message without attachments or a subject can break (all but `PLAIN_TEXT_SILENT`).

    Looking up 32 codes in the policy for every message costs more than some rules take. The
    entry keeps the mapping and the rules alive, so that their ids are not reused while it is
    cached; a policy's severities never change.
    """
    key = (id(active), id(rules))
    entry = _ENABLED.get(key)
    if entry is not None and entry[0] is active and entry[1] is rules:
        return entry[2]
    enabled = tuple(
        (rule.code, rule.check, severity, _needs(rule))
        for rule in rules
        if (severity := active.get(rule.code)) is not None
    )
    plain = tuple(
        (code, check, severity, _plain_needs(code, check) or needs)
        for code, check, severity, needs in enabled
        if code not in PLAIN_TEXT_SILENT
    )
    if len(_ENABLED) >= _MAX_ENABLED:
        _ENABLED.clear()
    _ENABLED[key] = (active, rules, (enabled, plain))
    return enabled, plain


def _grouped(code: Code, found: Iterable[Found], severity: Severity) -> Iterator[Finding]:
    """One finding per rule and piece of evidence: repeats of it are counted, not listed.

    Results of one rule that would read the same (the same field, evidence, severity, note,
    disguises and values) are one finding at the first occurrence's span, whose message says
    how many times it was found. A megabyte of one emoji is one finding, not a million, and
    the report stays small whatever the input repeats.
    """
    first: dict[tuple[object, ...], list[Any]] = {}
    for f in found:
        key = (f.field, f.evidence, f.severity, f.note, f.disguises, f.values)
        seen = first.get(key)
        if seen is None:
            first[key] = [f, f.count]
        else:
            seen[1] += f.count
    for f, count in first.values():
        yield _finding(code, f, severity, count)


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
