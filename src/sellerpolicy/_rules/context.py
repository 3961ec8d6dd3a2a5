"""Message context rules (SP401-SP406) and the solicitation campaign check (SP415)."""

from __future__ import annotations

import copy
import datetime as dt  # noqa: TC003 - attrs.resolve_types reads annotations at run time
import decimal  # noqa: TC003 - attrs.resolve_types reads annotations at run time
import functools
import html
import unicodedata
from typing import TYPE_CHECKING, Any, Literal

import attrs
import regex

from sellerpolicy import _checks
from sellerpolicy._codes import RULES, Code, Severity
from sellerpolicy._decisions import EventRef, Finding, NotJudged
from sellerpolicy._events import EVENT_TYPES, Event, OptOut
from sellerpolicy._marketplaces import MARKETPLACES, Marketplace
from sellerpolicy._model import (
    FulfillmentChannel,
    Message,
    MessageFormat,
    MessageKind,
    MessageSender,
    Order,
    _instance,
    _to_optional_enum,
)
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._rules.data import family_docs
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

__all__ = [
    "CONTEXT_RULES",
    "Campaign",
    "ContextExample",
    "MessageContext",
    "SolicitationWindow",
    "daily_proactive_limit",
    "example",
    "flags",
    "missing_order_id",
    "non_critical_to_opted_out",
    "proactive_deadline",
    "proactive_too_late",
    "run_context_rules",
    "selective_solicitation",
    "solicitation_window",
    "solicitation_window_of",
    "window_findings",
    "wrong_language",
]

_DOCS_FILE = "context.toml"
_EVENT_CLASSES = tuple(EVENT_TYPES)
_NO_ORDER = "no order given"
_NO_TIME = "no send time: pass now= or set the message's sent_at"

Outcome = Finding | NotJudged


# --- the campaign (SP415) -------------------------------------------------------------------------


def _optional_decimal(low: int, high: int) -> Any:
    def convert(value: object, inst: object, field: attrs.Attribute[Any]) -> Any:
        if value is None:
            return None
        name = f"{type(inst).__name__}.{field.name}"
        amount = _checks.decimal_amount(value, name)
        if not low <= amount <= high:
            msg = f"{name} must be between {low} and {high}, got {value!r}"
            raise InvalidValueError(msg, field=name, value=value)
        return amount

    return attrs.Converter(convert, takes_self=True, takes_field=True)


@attrs.frozen(kw_only=True)
class Campaign:
    """A review-request campaign: which orders it solicits (its filters).

    Attributes:
        channel: Solicit only orders of this fulfilment channel (e.g. ``AFN``, FBA only).
        exclude_returns: Leave out buyers who returned an item.
        exclude_refunds: Leave out buyers who got a refund.
        min_product_rating: Skip products whose average star rating (1-5) is below this.
        max_return_rate: Skip products returned more often than this share (0-1, ``0.1`` is
            10 %).
        sentiment: Solicit only buyers judged satisfied (from their messages, ratings or
            feedback).
    """

    channel: FulfillmentChannel | None = attrs.field(
        default=None,
        converter=_to_optional_enum(FulfillmentChannel),  # type: ignore[misc]
    )
    exclude_returns: bool = attrs.field(default=False, validator=_instance(bool))
    exclude_refunds: bool = attrs.field(default=False, validator=_instance(bool))
    min_product_rating: decimal.Decimal | None = attrs.field(
        default=None,
        converter=_optional_decimal(1, 5),  # type: ignore[misc]
    )
    max_return_rate: decimal.Decimal | None = attrs.field(
        default=None,
        converter=_optional_decimal(0, 1),  # type: ignore[misc]
    )
    sentiment: bool = attrs.field(default=False, validator=_instance(bool))


# --- what the rules read --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class MessageContext:
    """A seller message with what the context rules read: its order, history, events and time.

    Build it with `MessageContext.build`, which checks every argument.

    Attributes:
        message: The message being checked.
        policy: The policy to apply.
        timeline: The order and its events, when an order was given.
        history: Earlier messages, possibly of other orders (they count toward SP406 only).
        events_given: Whether the caller passed events (opt-outs are known).
        now: When the message goes: ``now=``, else the message's ``sent_at``, else ``None``.
    """

    message: Message
    policy: Policy
    timeline: OrderTimeline | None = None
    history: tuple[Message, ...] = ()
    events_given: bool = False
    now: dt.datetime | None = None

    @classmethod
    def build(
        cls,
        message: Message,
        *,
        order: Order | None = None,
        history: Iterable[Message] = (),
        events: Iterable[Event] = (),
        now: dt.datetime | None = None,
        policy: Policy | None = None,
    ) -> MessageContext:
        """Check the inputs and put them together.

        Raises:
            InvalidTypeError: An argument has the wrong type; the error's ``field`` names it.
            InvalidValueError: ``now`` is naive; the message or an event belongs to another
                order; an event has no time, comes before the purchase or is given twice.
        """
        if not isinstance(message, Message):
            raise InvalidTypeError(
                f"message must be a Message, got {message!r}", field="message", value=message
            )
        policy = resolve_policy(policy)
        past: tuple[Message, ...] = _checks.sequence_of(history, Message, "history")
        given: tuple[Event, ...] = _checks.sequence_of(events, _EVENT_CLASSES, "events")
        if now is not None:
            _checks.aware_datetime(now, "now")
        timeline = None
        if order is not None:
            if not isinstance(order, Order):
                raise InvalidTypeError(
                    f"order must be an Order, got {order!r}", field="order", value=order
                )
            if message.order_id is not None and message.order_id != order.order_id:
                msg = (
                    f"message.order_id is {message.order_id!r}, but the order is "
                    f"{order.order_id!r}; check a message with its own order"
                )
                raise InvalidValueError(msg, field="message.order_id", value=message.order_id)
            timeline = OrderTimeline.build(order, given)
        return cls(
            message=message,
            policy=policy,
            timeline=timeline,
            history=past,
            events_given=bool(given),
            now=now if now is not None else message.sent_at,
        )

    @property
    def order(self) -> Order | None:
        """The order, when one was given."""
        return None if self.timeline is None else self.timeline.order

    def _timeline_messages(self) -> list[tuple[int, Message]]:
        return [] if self.timeline is None else self.timeline.messages()

    def order_messages(self) -> tuple[Message, ...]:
        """Earlier messages of this order: the history's (not another order's) and the events'.

        The message being checked, repeats and messages sent after ``now`` are left out.
        """
        order = self.order
        if order is None:
            return self.history
        now = self.now
        out: list[Message] = []
        seen: set[Message] = set()
        events = (m for _, m in self._timeline_messages())
        for m in (*(h for h in self.history if h.order_id in {None, order.order_id}), *events):
            later = now is not None and m.sent_at is not None and m.sent_at > now
            if m == self.message or m in seen or later:
                continue
            out.append(m)
            seen.add(m)
        return tuple(out)


def _is_seller(message: Message) -> bool:
    return message.sender is MessageSender.SELLER


def _finding(
    policy: Policy,
    code: Code,
    *,
    field: str,
    event: EventRef | None = None,
    severity: Severity | None = None,
    **values: object,
) -> Finding | None:
    own = policy.severity(code)
    if own is None:
        return None
    info = RULES[code]
    return Finding(
        code=code,
        name=info.name,
        severity=severity or own,
        message=_docs()[code].message.format(**values),
        source=info.source,
        field=field,
        event=event,
    )


def _docs() -> Mapping[Code, Any]:
    return family_docs(_DOCS_FILE)


def _when(at: dt.datetime, marketplace: Marketplace) -> str:
    """``2026-03-31 10:00 PDT``: an instant in the marketplace's zone."""
    return at.astimezone(marketplace.tz).strftime("%Y-%m-%d %H:%M %Z")


def _span_text(delta: dt.timedelta) -> str:
    """``3 days 2 hours``: a positive span, rounded down to minutes."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    words = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n]
    return " ".join(words[:2]) or "under a minute"


# --- SP401 missing-order-id -----------------------------------------------------------------------

_SEPARATORS = r"[\s\-\u2010-\u2015]?"


def _order_id_pattern(order_id: str) -> regex.Pattern[str]:
    # the id with any dash or space between its groups, never inside a longer number
    parts = [regex.escape(p) for p in order_id.split("-")]
    return regex.compile(
        r"(?<![0-9A-Za-z])" + _SEPARATORS.join(parts) + r"(?![0-9A-Za-z])",
        regex.V1 | regex.IGNORECASE,
    )


def _mentions_order(message: Message, order_id: str) -> bool:
    pattern = _order_id_pattern(order_id)
    texts = (message.subject or "", message.body)
    return any(pattern.search(unicodedata.normalize("NFKC", t)) for t in texts)


def missing_order_id(ctx: MessageContext) -> Iterator[Outcome]:
    """SP401: a proactive seller message that does not carry its order's id."""
    message = ctx.message
    if not (_is_seller(message) and message.kind.is_proactive):
        return
    order = ctx.order
    if order is None:
        yield NotJudged(Code.SP401, _NO_ORDER)
        return
    if not _mentions_order(message, order.order_id):
        found = _finding(ctx.policy, Code.SP401, field="body", order_id=order.order_id)
        if found:
            yield found


# --- SP402 wrong-language -------------------------------------------------------------------------

# Every quantifier is bounded and the text is sampled, so stripping stays linear in the text.
_LANGUAGE_SAMPLE = 10_000
"""How many characters of a subject and body the language is told from."""

_MARKUP = regex.compile(
    r"""(?x)
      <(?:style|script)\b[^<]{0,20000}</(?:style|script)\s*>  # style and script blocks
    | <[^<>]{0,2000}>                                        # HTML tags
    """,
    regex.V1 | regex.IGNORECASE,
)
_PLACEHOLDER = regex.compile(
    r"""(?x)
      \{\{[^{}]{0,100}\}\} | \$\{[^{}]{0,100}\}       # {{placeholder}} ${placeholder}
    | \{[^{}\n]{0,60}\}                               # {placeholder}
    | \[\[[^\[\]]{0,100}\]\] | \[[^\[\]\n]{0,60}\]     # [[placeholder]] [Placeholder], [Important]
    | %[A-Za-z_]{1,40}% | <<[^<>\n]{0,60}>>          # %PLACEHOLDER% <<placeholder>>
    """,
    regex.V1,
)
_NOT_A_WORD = regex.compile(
    r"""(?x)
      \d                    # order ids, ASINs, prices, dates, numbers
    | @                     # email addresses, handles
    | :// | ^www\.          # links
    | \w\.\w               # domains, file names, e.g.
    """,
    regex.V1 | regex.IGNORECASE,
)


def language_text(message: Message) -> str:
    """The words of a message's subject and body that say which language it is in."""
    body = message.body[:_LANGUAGE_SAMPLE]
    if message.format is MessageFormat.HTML:
        body = html.unescape(_MARKUP.sub(" ", body))
    text = _PLACEHOLDER.sub(" ", f"{message.subject or ''}\n{body}")
    return " ".join(word for word in text.split() if not _NOT_A_WORD.search(word))


def _primary(tag: str) -> str:
    """``en`` for ``en-US`` or ``en_us``; Norwegian Bokmål (``nb``) is ``no`` to the model."""
    primary = tag.replace("_", "-").split("-", 1)[0].strip().lower()
    return {"nb": "no"}.get(primary, primary)


@functools.cache
def _base_identifier() -> Any:
    # Imported here so that `import sellerpolicy` stays fast; the model ships in the wheel.
    from py3langid.langid import (  # type: ignore[import-untyped]  # noqa: PLC0415
        MODEL_FILE,
        LanguageIdentifier,
    )

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@functools.lru_cache(maxsize=16)  # one per set of candidate languages; bounded
def _identifier(languages: frozenset[str]) -> Any:
    # set_languages replaces (never mutates) the model's arrays, so a shallow copy restricted
    # to the candidates leaves the shared full model untouched.
    restricted = copy.copy(_base_identifier())
    restricted.set_languages(sorted(languages))
    return restricted


def _marketplace_languages() -> frozenset[str]:
    return frozenset(_primary(m.language) for m in MARKETPLACES.values())


@attrs.frozen
class _Guess:
    language: str
    confidence: float


def identify(text: str, expected: str) -> _Guess | str:
    """The language of ``text`` among the marketplaces' languages and ``expected``.

    Returns a reason (a string) when the identifier cannot be used.
    """
    try:
        base = _base_identifier()
    except ImportError:
        return "py3langid is not installed"
    if expected not in base.labels:
        return f"no language model for {expected!r}"
    language, confidence = _identifier(_marketplace_languages() | {expected}).classify(text)
    return _Guess(str(language), float(confidence))


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _expected_language(order: Order, marketplace: Marketplace) -> tuple[str, str]:
    if order.buyer_locale:
        return _primary(order.buyer_locale), f"buyer_locale {order.buyer_locale}"
    return _primary(marketplace.language), f"the marketplace's language {marketplace.language}"


def _buyer_language(ctx: MessageContext, minimum: int, confidence: float, expected: str) -> str:
    """The language of the buyer's latest message, if it can be told ('' otherwise)."""
    buyer = [m for m in ctx.order_messages() if m.sender is MessageSender.BUYER]
    if not buyer:
        return ""
    # the latest by time; without times, the last one given
    latest = buyer[-1]
    for m in buyer:
        if m.sent_at is not None and (latest.sent_at is None or m.sent_at >= latest.sent_at):
            latest = m
    text = language_text(latest)
    if _letters(text) < minimum:
        return ""
    guess = identify(text, expected)
    if isinstance(guess, str) or guess.confidence < confidence:
        return ""
    return guess.language


def wrong_language(ctx: MessageContext) -> Iterator[Outcome]:
    """SP402: a seller message in another language than the buyer's.

    The buyer's language is ``order.buyer_locale``, else the marketplace's. A reply may also
    use the language of the buyer's latest message.
    """
    message = ctx.message
    if not _is_seller(message):
        return
    order = ctx.order
    if order is None or ctx.timeline is None:
        yield NotJudged(Code.SP402, _NO_ORDER)
        return
    parameters = ctx.policy.parameters
    minimum = parameters.integer("language_min_letters")
    confidence = float(parameters.percent("language_min_confidence"))
    text = language_text(message)
    letters = _letters(text)
    if letters < minimum:
        yield NotJudged(Code.SP402, f"too short to judge ({letters} letters; needs {minimum})")
        return
    expected, basis = _expected_language(order, ctx.timeline.marketplace)
    guess = identify(text, expected)
    if isinstance(guess, str):
        yield NotJudged(Code.SP402, guess)
        return
    accepted = {expected}
    if message.kind is MessageKind.REPLY and (
        spoken := _buyer_language(ctx, minimum, confidence, expected)
    ):
        accepted.add(spoken)
        basis += f", or {spoken} as in the buyer's latest message"
    if guess.language in accepted:
        return
    if guess.confidence < confidence:
        reason = (
            f"language unclear (best guess {guess.language}, {guess.confidence:.0%} sure; "
            f"needs {confidence:.0%})"
        )
        yield NotJudged(Code.SP402, reason)
        return
    found = _finding(
        ctx.policy,
        Code.SP402,
        field="body",
        detected=guess.language,
        confidence=f"{guess.confidence:.0%}",
        expected=expected,
        basis=basis,
    )
    if found:
        yield found


# --- SP403 proactive-too-late ---------------------------------------------------------------------


def _assumed_delivery(timeline: OrderTimeline, policy: Policy) -> tuple[dt.datetime, str]:
    transit = policy.parameters.duration("typical_transit")
    order = timeline.order
    at = transit.after(order.purchased_at, timeline.marketplace)
    afn = order.fulfillment_channel is FulfillmentChannel.AFN
    common = ", as is common for FBA orders from the Orders API" if afn else ""
    text = (
        f"the order has no delivery date and no estimated delivery window{common}; "
        f"assumed delivered at the purchase + {transit} = {_when(at, timeline.marketplace)} "
        "(the typical_transit parameter, weakly sourced)"
    )
    return at, text


@attrs.frozen(kw_only=True)
class _Deadline:
    at: dt.datetime
    ref: EventRef
    assumption: str = ""


def proactive_deadline(
    timeline: OrderTimeline, policy: Policy, *, assume_transit: bool = False
) -> _Deadline | None:
    """The last instant a proactive message may go (SP403): completion + ``proactive_window``.

    Completion is the delivery, else the latest EDD; with ``assume_transit`` an order with
    neither is assumed delivered ``typical_transit`` after the purchase. ``None`` when there is
    no date to count from.
    """
    completed, what = timeline.completion()
    assumption = ""
    if completed is None:
        if not assume_transit:
            return None
        completed, assumption = _assumed_delivery(timeline, policy)
        what = "assumed delivery"
    window = policy.parameters.duration("proactive_window")
    return _Deadline(
        at=window.after(completed, timeline.marketplace),
        ref=timeline.order_ref(what, completed),
        assumption=assumption,
    )


def proactive_too_late(ctx: MessageContext) -> Iterator[Outcome]:
    """SP403: a proactive message more than ``proactive_window`` after the order completed."""
    message = ctx.message
    if not (_is_seller(message) and message.kind.is_proactive):
        return
    if ctx.timeline is None:
        yield NotJudged(Code.SP403, _NO_ORDER)
        return
    if ctx.now is None:
        yield NotJudged(Code.SP403, _NO_TIME)
        return
    deadline = proactive_deadline(ctx.timeline, ctx.policy)
    if deadline is None:
        yield NotJudged(
            Code.SP403,
            "no delivery date: the order has neither delivered_at nor a latest estimated "
            "delivery date",
        )
        return
    if ctx.now > deadline.at:
        found = too_late_finding(ctx.timeline, ctx.policy, ctx.now, deadline)
        if found:
            yield found


def too_late_finding(
    timeline: OrderTimeline, policy: Policy, now: dt.datetime, deadline: _Deadline
) -> Finding | None:
    """The SP403 finding for a proactive message at ``now`` after ``deadline``."""
    market = timeline.marketplace
    return _finding(
        policy,
        Code.SP403,
        field="sent_at",
        event=deadline.ref,
        late_by=_span_text(now - deadline.at),
        window=str(policy.parameters.duration("proactive_window")),
        completion=deadline.ref.summary,
        completed_at=_when(deadline.ref.at, market),
        deadline=_when(deadline.at, market),
    )


# --- SP404 solicitation-window --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SolicitationWindow:
    """When a review request may go for one order (SP404).

    Attributes:
        earliest: The first allowed instant.
        latest: The last allowed instant; ``None`` when the window never closes (seed).
        opens_from: The date ``earliest`` counts from (an order date, or an assumed one).
        closes_from: The date ``latest`` counts from.
        assumptions: What was assumed for lack of a date.
    """

    earliest: dt.datetime
    latest: dt.datetime | None
    opens_from: EventRef
    closes_from: EventRef | None
    assumptions: tuple[str, ...] = ()


_EARLIEST = "earliest estimated delivery date"
_LATEST = "latest estimated delivery date"
_DELIVERY = "delivery"


def _candidates(timeline: OrderTimeline, first: str) -> list[tuple[str, dt.datetime | None]]:
    order = timeline.order
    dates = {
        "earliest_delivery": (_EARLIEST, order.earliest_delivery),
        "delivered": (_DELIVERY, timeline.delivered_at),
        "latest_delivery": (_LATEST, order.latest_delivery),
    }
    fallbacks = {
        "earliest_delivery": ("earliest_delivery", "delivered", "latest_delivery"),
        "delivered": ("delivered", "latest_delivery", "earliest_delivery"),
        "latest_delivery": ("latest_delivery", "delivered", "earliest_delivery"),
    }
    return [dates[name] for name in fallbacks[first]]


def _pick(
    timeline: OrderTimeline, first: str, policy: Policy, *, assume_transit: bool, purpose: str
) -> tuple[EventRef, str] | None:
    candidates = _candidates(timeline, first)
    for i, (what, at) in enumerate(candidates):
        if at is not None:
            note = ""
            if i:
                wanted = candidates[0][0]
                note = f"the order has no {wanted}; the window {purpose} from its {what} instead"
            return timeline.order_ref(what, at), note
    if not assume_transit:
        return None
    at, note = _assumed_delivery(timeline, policy)
    return timeline.order_ref("assumed delivery", at), note


def solicitation_window_of(
    timeline: OrderTimeline, policy: Policy, *, assume_transit: bool = False
) -> SolicitationWindow | None:
    """The review-request window of an order under ``policy`` (SP404, counted as §13 says).

    Current: from ``solicitation_opens`` after the earliest EDD to ``solicitation_closes`` after
    the latest EDD. Seed: from ``solicitation_opens`` after the delivery (else the latest EDD),
    never closing. A missing date falls back to the order's other dates, saying so; with
    ``assume_transit`` an order without any is assumed delivered ``typical_transit`` after the
    purchase. ``None`` when there is no date to count from.
    """
    parameters = policy.parameters
    opens = _pick(
        timeline,
        parameters.choice("solicitation_anchor"),
        policy,
        assume_transit=assume_transit,
        purpose="opens",
    )
    if opens is None:
        return None
    market = timeline.marketplace
    opens_from, note = opens
    assumptions = [note] if note else []
    earliest = parameters.duration("solicitation_opens").after(opens_from.at, market)
    closes_from: EventRef | None = None
    latest = None
    closes_choice = parameters.choice("solicitation_closes_from")
    if closes_choice != "none":
        closes = _pick(
            timeline,
            closes_choice,
            policy,
            assume_transit=assume_transit,
            purpose="closes counting",
        )
        if closes is None:  # pragma: no cover - the opening found one of the same dates
            return None
        closes_from, note = closes
        if note and note not in assumptions:
            assumptions.append(note)
        latest = parameters.duration("solicitation_closes").after(closes_from.at, market)
    return SolicitationWindow(
        earliest=earliest,
        latest=latest,
        opens_from=opens_from,
        closes_from=closes_from,
        assumptions=tuple(assumptions),
    )


def window_findings(
    timeline: OrderTimeline, policy: Policy, now: dt.datetime, window: SolicitationWindow
) -> Iterator[Finding]:
    """SP404 findings for a review request at ``now``; the ends of the window are inside."""
    market = timeline.marketplace
    parameters = policy.parameters
    suffix = f" ({'; '.join(window.assumptions)})" if window.assumptions else ""
    if now < window.earliest:
        detail = (
            f"{_span_text(window.earliest - now)} too early: the window opens at "
            f"{_when(window.earliest, market)}, {parameters.duration('solicitation_opens')} "
            f"after the {window.opens_from.summary} ({_when(window.opens_from.at, market)})"
        )
        found = _finding(
            policy, Code.SP404, field="sent_at", event=window.opens_from, detail=detail + suffix
        )
        if found:
            yield found
    elif window.latest is not None and window.closes_from is not None and now > window.latest:
        detail = (
            f"{_span_text(now - window.latest)} too late: the window closed at "
            f"{_when(window.latest, market)}, {parameters.duration('solicitation_closes')} "
            f"after the {window.closes_from.summary} ({_when(window.closes_from.at, market)})"
        )
        found = _finding(
            policy, Code.SP404, field="sent_at", event=window.closes_from, detail=detail + suffix
        )
        if found:
            yield found


def solicitation_window(ctx: MessageContext) -> Iterator[Outcome]:
    """SP404: a review request outside its window (current), or before it opens (seed advice)."""
    message = ctx.message
    if not (_is_seller(message) and message.kind.is_solicitation):
        return
    if ctx.timeline is None:
        yield NotJudged(Code.SP404, _NO_ORDER)
        return
    if ctx.now is None:
        yield NotJudged(Code.SP404, _NO_TIME)
        return
    window = solicitation_window_of(ctx.timeline, ctx.policy)
    if window is None:
        yield NotJudged(
            Code.SP404,
            "no delivery date: the order has no delivered_at and no estimated delivery window "
            "(solicitation() answers with an assumed transit time)",
        )
        return
    yield from window_findings(ctx.timeline, ctx.policy, ctx.now, window)


# --- SP405 non-critical-to-opted-out --------------------------------------------------------------


def opt_out_before(timeline: OrderTimeline, now: dt.datetime | None) -> tuple[int, OptOut] | None:
    """The buyer's first opt-out at or before ``now`` (any, when ``now`` is unknown)."""
    for i, event in timeline.of_type(OptOut):
        if now is None or event.at <= now:
            return i, event
    return None


def opted_out_finding(
    timeline: OrderTimeline, policy: Policy, kind: MessageKind, found: tuple[int, OptOut]
) -> Finding | None:
    """The SP405 finding for a message of ``kind`` to a buyer who opted out."""
    index, event = found
    return _finding(
        policy,
        Code.SP405,
        field="events",
        event=timeline.ref(index),
        kind=kind.value.replace("_", " "),
        opted_out_at=_when(event.at, timeline.marketplace),
    )


def non_critical_to_opted_out(ctx: MessageContext) -> Iterator[Outcome]:
    """SP405: a non-critical message to a buyer who opted out of unsolicited messages."""
    message = ctx.message
    kinds = ctx.policy.parameters.members("non_critical_kinds")
    if not (_is_seller(message) and message.kind in kinds):
        return
    if ctx.timeline is None:
        yield NotJudged(Code.SP405, _NO_ORDER)
        return
    if not ctx.events_given:
        yield NotJudged(Code.SP405, "no events given: an opt-out is an OptOut event")
        return
    opted = opt_out_before(ctx.timeline, ctx.now)
    if opted is not None:
        found = opted_out_finding(ctx.timeline, ctx.policy, message.kind, opted)
        if found:
            yield found


# --- SP406 daily-proactive-limit ------------------------------------------------------------------


def _local_day(at: dt.datetime, marketplace: Marketplace) -> dt.date:
    return at.astimezone(marketplace.tz).date()


def daily_proactive_limit(ctx: MessageContext) -> Iterator[Outcome]:
    """SP406: more proactive messages on one local day than the seller's daily limit.

    Counts the proactive seller messages of the history (every order) and of the events sent
    on the local day of ``now``, up to ``now``, plus this message.
    """
    message = ctx.message
    if not (_is_seller(message) and message.kind.is_proactive):
        return
    if ctx.timeline is None:
        yield NotJudged(Code.SP406, _NO_ORDER)
        return
    if ctx.now is None:
        yield NotJudged(Code.SP406, _NO_TIME)
        return
    parameters = ctx.policy.parameters
    orders = parameters.integer("average_daily_orders")
    if orders < 0:
        yield NotJudged(
            Code.SP406, "average daily orders unknown: set the average_daily_orders parameter"
        )
        return
    per_order, base = (parameters.integer(n) for n in ("daily_limit_per_order", "daily_limit_base"))
    limit = per_order * orders + base
    market = ctx.timeline.marketplace
    day = _local_day(ctx.now, market)
    sent: set[Message] = set()
    for m in (*ctx.history, *(m for _, m in ctx.timeline.messages())):
        if (
            m != message
            and _is_seller(m)
            and m.kind.is_proactive
            and m.sent_at is not None
            and m.sent_at <= ctx.now
            and _local_day(m.sent_at, market) == day
        ):
            sent.add(m)
    count = len(sent) + 1
    if count > limit:
        found = _finding(
            ctx.policy,
            Code.SP406,
            field="history",
            count=count,
            day=day.isoformat(),
            zone=market.time_zone,
            limit=limit,
            per_order=per_order,
            orders=orders,
            base=base,
        )
        if found:
            yield found


# --- SP415 selective-solicitation -----------------------------------------------------------------


def _filters(campaign: Campaign) -> list[tuple[str, bool, str]]:
    rating = campaign.min_product_rating
    rate = campaign.max_return_rate
    return [
        ("sentiment", campaign.sentiment, "solicits only buyers judged satisfied"),
        ("exclude_returns", campaign.exclude_returns, "leaves out buyers who returned an item"),
        ("exclude_refunds", campaign.exclude_refunds, "leaves out buyers who got a refund"),
        (
            "min_product_rating",
            rating is not None,
            f"skips products rated below {rating} stars",
        ),
        (
            "max_return_rate",
            rate is not None,
            f"skips products returned more often than {rate:.0%}" if rate is not None else "",
        ),
    ]


_ADVICE = {
    "exclude_returns": "leave out buyers who returned an item (exclude_returns)",
    "exclude_refunds": "leave out buyers who got a refund (exclude_refunds)",
    "min_product_rating": "skip products with a low review rating (min_product_rating)",
    "max_return_rate": "skip products with a high return rate (max_return_rate)",
}


def selective_solicitation(campaign: Campaign, policy: Policy) -> tuple[Finding, ...]:
    """SP415: a campaign's buyer filters, judged per edition (``campaign_filters``).

    Forbidden (current): filtering by sentiment, returns, refunds, product rating or return rate
    is a finding at the rule's severity; filtering by fulfilment channel alone is ``info``.
    Recommended (seed): each recommended filter the campaign lacks is ``info`` advice.

    Raises:
        InvalidTypeError: ``campaign`` is not a `Campaign`.
    """
    if not isinstance(campaign, Campaign):
        raise InvalidTypeError(
            f"campaign must be a Campaign, got {campaign!r}", field="campaign", value=campaign
        )
    found: list[Finding | None] = []
    field = "campaign"
    if policy.parameters.choice("campaign_filters") == "forbidden":
        for name, used, what in _filters(campaign):
            if used:
                detail = f"{what} ({name}): selective solicitation is not allowed"
                found.append(_finding(policy, Code.SP415, field=f"{field}.{name}", detail=detail))
        if campaign.channel is not None:
            detail = (
                f"solicits only {campaign.channel} orders (channel): filtering by fulfilment "
                "channel alone is allowed; advice only"
            )
            found.append(
                _finding(
                    policy,
                    Code.SP415,
                    field=f"{field}.channel",
                    severity=Severity.INFO,
                    detail=detail,
                )
            )
    else:
        for name, used, _ in _filters(campaign):
            if not used and name in _ADVICE:
                detail = f"not filtered: the policy recommends that a campaign {_ADVICE[name]}"
                found.append(
                    _finding(
                        policy,
                        Code.SP415,
                        field=f"{field}.{name}",
                        severity=Severity.INFO,
                        detail=detail,
                    )
                )
        if campaign.channel is not FulfillmentChannel.AFN:
            detail = "not filtered: the policy suggests soliciting only FBA (AFN) orders (channel)"
            found.append(
                _finding(
                    policy,
                    Code.SP415,
                    field=f"{field}.channel",
                    severity=Severity.INFO,
                    detail=detail,
                )
            )
    return tuple(f for f in found if f is not None)


# --- the rule set ---------------------------------------------------------------------------------

CONTEXT_RULES: tuple[tuple[Code, Callable[[MessageContext], Iterator[Outcome]]], ...] = (
    (Code.SP401, missing_order_id),
    (Code.SP402, wrong_language),
    (Code.SP403, proactive_too_late),
    (Code.SP404, solicitation_window),
    (Code.SP405, non_critical_to_opted_out),
    (Code.SP406, daily_proactive_limit),
)
"""The message context rules, in code order (SP415 judges a campaign, not a message)."""


def run_context_rules(ctx: MessageContext) -> tuple[tuple[Finding, ...], tuple[NotJudged, ...]]:
    """Run every enabled context rule: their findings, and the rules that could not be judged."""
    findings: list[Finding] = []
    not_judged: list[NotJudged] = []
    for code, rule in CONTEXT_RULES:
        if ctx.policy.severity(code) is None:
            continue
        for outcome in rule(ctx):
            if isinstance(outcome, NotJudged):
                not_judged.append(outcome)
            else:
                findings.append(outcome)
    return tuple(findings), tuple(not_judged)


# --- documented examples --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ContextExample:
    """A rule's documented example as typed input.

    Attributes:
        message: The message checked (``None`` for a campaign example).
        order: Its order.
        history: Earlier messages.
        events: The order's events.
        now: When the message goes.
        campaign: The campaign checked (SP415).
        policy: The policy, with any parameters the example sets.
    """

    message: Message | None = None
    order: Order | None = None
    history: tuple[Message, ...] = ()
    events: tuple[Event, ...] = ()
    now: dt.datetime | None = None
    campaign: Campaign | None = None
    policy: Policy


def example(code: Code, which: Literal["bad", "good"]) -> ContextExample:
    """A rule's documented ``bad`` or ``good`` example from ``data/context.toml``."""
    from sellerpolicy._converter import converter  # noqa: PLC0415 - only for examples

    data: Mapping[str, Any] = getattr(_docs()[Code(code)], f"{which}_example")
    conv = converter()
    policy = Policy.current()
    if "parameters" in data:
        policy = policy.with_parameters(**data["parameters"])
    return ContextExample(
        message=conv.structure(data["message"], Message) if "message" in data else None,
        order=conv.structure(data["order"], Order) if "order" in data else None,
        history=tuple(conv.structure(m, Message) for m in data.get("history", ())),
        events=tuple(_structure_event(e) for e in data.get("events", ())),
        now=data.get("now"),
        campaign=Campaign(**data["campaign"]) if "campaign" in data else None,
        policy=policy,
    )


def _structure_event(data: Mapping[str, Any]) -> Event:
    from sellerpolicy._converter import converter  # noqa: PLC0415 - only for examples

    event: Event = converter().structure(data, Event)  # type: ignore[arg-type]
    return event


def flags(code: Code, which: Literal["bad", "good"]) -> bool:
    """Whether ``code`` flags its documented ``bad`` or ``good`` example (current edition)."""
    case = example(code, which)
    if case.campaign is not None:
        return Code(code) in {f.code for f in selective_solicitation(case.campaign, case.policy)}
    if case.message is None:  # pragma: no cover - guarded by tests over the shipped data
        raise ValueError(f"{code}: the {which} example has neither a message nor a campaign")
    ctx = MessageContext.build(
        case.message,
        order=case.order,
        history=case.history,
        events=case.events,
        now=case.now,
        policy=case.policy,
    )
    findings, _ = run_context_rules(ctx)
    return Code(code) in {f.code for f in findings}
