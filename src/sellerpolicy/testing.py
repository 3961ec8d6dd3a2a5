"""Hypothesis strategies for every sellerpolicy domain type, valid by construction.

Downstream seller tools can property-test their integration with sellerpolicy::

    from hypothesis import given
    from sellerpolicy import check_message
    from sellerpolicy.testing import messages

    @given(messages())
    def test_our_sender_never_crashes_on_a_report(message):
        report = check_message(message)
        assert report.ok in (True, False)

`assert_compliant` checks a draft in a unit test and, when it fails, shows the draft with the
evidence marked and each rule's explanation; the pytest plugin adds a ``policy`` fixture.

Needs Hypothesis (``pip install 'sellerpolicy[test]'``).
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import TYPE_CHECKING

import attrs
from hypothesis import strategies as st

from sellerpolicy._api import check_message
from sellerpolicy._catalogue import rule_doc
from sellerpolicy._codes import Code, Edition, Severity
from sellerpolicy._decisions import EventRef, Finding, MessageReport, NotJudged, Span
from sellerpolicy._events import (
    ActionKind,
    Cancellation,
    CancellationReason,
    Event,
    InformationRequest,
    OptOut,
    OrderProblem,
    Party,
    PhoneCall,
    ProblemKind,
    Refund,
    SellerAction,
)
from sellerpolicy._marketplaces import MARKETPLACES
from sellerpolicy._model import (
    Attachment,
    Claim,
    ClaimKind,
    ClaimReason,
    ClaimStatus,
    Feedback,
    FulfillmentChannel,
    ItemCondition,
    Message,
    MessageFormat,
    MessageKind,
    MessageSender,
    Money,
    Order,
    OrderItem,
    OrderStatus,
    ProductCategory,
    ReturnReason,
    ReturnRequest,
    Shipment,
)
from sellerpolicy._repr import marked_text
from sellerpolicy._rules.context import Campaign
from sellerpolicy._rules.returns import FbaUnit, Grade, GradedUnit, SizeTier
from sellerpolicy.exceptions import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sellerpolicy._policy import Policy

__all__ = [
    "amazon_order_ids",
    "assert_compliant",
    "attachments",
    "aware_datetimes",
    "campaigns",
    "cancellations",
    "claims",
    "event_refs",
    "events",
    "fba_units",
    "feedbacks",
    "findings",
    "graded_units",
    "information_requests",
    "message_reports",
    "messages",
    "money",
    "not_judged",
    "opt_outs",
    "order_items",
    "order_problems",
    "orders",
    "phone_calls",
    "refunds",
    "return_requests",
    "seller_actions",
    "shipments",
    "spans",
    "timelines",
]

_MIN = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - hypothesis bounds are naive by design
_MAX = dt.datetime(2100, 1, 1)  # noqa: DTZ001
_ZONES = st.sampled_from(
    [dt.UTC, dt.timezone(dt.timedelta(hours=-8)), dt.timezone(dt.timedelta(hours=5, minutes=30))]
)
_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
_NAME = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=20)


def aware_datetimes() -> st.SearchStrategy[dt.datetime]:
    """Timezone-aware datetimes between 2000 and 2100, in a few fixed offsets."""
    return st.datetimes(min_value=_MIN, max_value=_MAX, timezones=_ZONES)


def amazon_order_ids() -> st.SearchStrategy[str]:
    """Order ids shaped like Amazon's: ``ddd-ddddddd-ddddddd``."""
    return st.from_regex(r"\A\d{3}-\d{7}-\d{7}\Z")


def money() -> st.SearchStrategy[Money]:
    """Amounts with two decimals in a marketplace currency."""
    amounts = st.decimals(
        min_value=decimal.Decimal(0),
        max_value=decimal.Decimal(100000),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )
    currencies = st.sampled_from(sorted({m.currency for m in MARKETPLACES.values()}))
    return st.builds(Money, amounts, currencies)


def order_items() -> st.SearchStrategy[OrderItem]:
    """Order lines."""
    return st.builds(
        OrderItem,
        asin=st.from_regex(r"\AB0[0-9A-Z]{8}\Z"),
        quantity=st.integers(0, 20),
        sku=st.none() | _NAME,
        title=st.none() | _TEXT,
        price=st.none() | money(),
        order_item_id=st.none() | st.from_regex(r"\A\d{14}\Z"),
        category=st.none() | st.sampled_from(ProductCategory),
        referral_fee=st.none() | money(),
    )


@st.composite
def _ordered_pair(
    draw: st.DrawFn, *, optional: bool = True
) -> tuple[dt.datetime | None, dt.datetime | None]:
    if optional and draw(st.booleans()):
        return None, None
    first = draw(aware_datetimes())
    gap = draw(st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=40)))
    return first, first + gap


@st.composite
def shipments(draw: st.DrawFn) -> Shipment:
    """Packages handed to a carrier."""
    shipped, delivered = draw(_ordered_pair())
    return Shipment(
        carrier=draw(st.none() | st.sampled_from(["UPS", "USPS", "FedEx", "DHL", "Royal Mail"])),
        tracking_number=draw(st.none() | st.from_regex(r"\A1Z[0-9A-Z]{16}\Z")),
        shipped_at=shipped,
        delivered_at=delivered,
        buy_shipping=draw(st.booleans()),
        signature_confirmation=draw(st.booleans()),
        address_changed=draw(st.booleans()),
        refused=draw(st.booleans()),
    )


@st.composite
def orders(draw: st.DrawFn) -> Order:
    """Orders with consistent windows (earliest before latest)."""
    earliest_ship, latest_ship = draw(_ordered_pair())
    earliest_delivery, latest_delivery = draw(_ordered_pair())
    return Order(
        order_id=draw(amazon_order_ids()),
        marketplace_id=draw(st.sampled_from(sorted(MARKETPLACES))),
        purchased_at=draw(aware_datetimes()),
        fulfillment_channel=draw(st.sampled_from(FulfillmentChannel)),
        status=draw(st.none() | st.sampled_from(OrderStatus)),
        items=draw(st.lists(order_items(), max_size=3)),
        earliest_ship=earliest_ship,
        latest_ship=latest_ship,
        earliest_delivery=earliest_delivery,
        latest_delivery=latest_delivery,
        delivered_at=draw(st.none() | aware_datetimes()),
        shipments=draw(st.lists(shipments(), max_size=2)),
        total=draw(st.none() | money()),
        is_prime=draw(st.booleans()),
        is_business=draw(st.booleans()),
        buyer_locale=draw(st.none() | st.sampled_from(["en-US", "de-DE", "fr-FR", "es-ES"])),
    )


def attachments() -> st.SearchStrategy[Attachment]:
    """Message attachments."""
    return st.builds(
        Attachment,
        file_name=st.sampled_from(["invoice.pdf", "manual.pdf", "label.pdf", "photo.jpg", "a.gif"]),
        media_type=st.none() | st.sampled_from(["application/pdf", "image/jpeg", "image/gif"]),
        size_bytes=st.none() | st.integers(0, 20_000_000),
        alt_text=st.none() | _TEXT,
    )


def messages(*, body: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Message]:
    """Buyer-seller messages; pass ``body=`` to control the text."""
    return st.builds(
        Message,
        body=body if body is not None else st.text(max_size=300),
        kind=st.sampled_from(MessageKind),
        sender=st.sampled_from(MessageSender),
        subject=st.none() | _TEXT,
        order_id=st.none() | amazon_order_ids(),
        sent_at=st.none() | aware_datetimes(),
        attachments=st.lists(attachments(), max_size=3),
        format=st.sampled_from(MessageFormat),
        no_response_needed=st.booleans(),
        automated=st.booleans(),
        marked_suspicious=st.booleans(),
    )


def feedbacks() -> st.SearchStrategy[Feedback]:
    """Seller feedback with ratings 1-5."""
    return st.builds(
        Feedback,
        order_id=amazon_order_ids(),
        rating=st.integers(1, 5),
        left_at=aware_datetimes(),
        comment=_TEXT,
    )


@st.composite
def return_requests(draw: st.DrawFn) -> ReturnRequest:
    """Return requests; an item is received no earlier than it was requested."""
    requested, received = draw(_ordered_pair(optional=False))
    return ReturnRequest(
        order_id=draw(amazon_order_ids()),
        requested_at=requested,  # type: ignore[arg-type]
        reason=draw(st.sampled_from(ReturnReason)),
        items=draw(st.lists(st.from_regex(r"\AB0[0-9A-Z]{8}\Z"), max_size=2)),
        in_policy=draw(st.none() | st.booleans()),
        received_at=draw(st.none() | st.just(received)),
        item_condition=draw(st.none() | st.sampled_from(ItemCondition)),
    )


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """A-to-z claims and chargebacks; a decision comes no earlier than the filing."""
    filed, decided = draw(_ordered_pair(optional=False))
    return Claim(
        order_id=draw(amazon_order_ids()),
        kind=draw(st.sampled_from(ClaimKind)),
        reason=draw(st.sampled_from(ClaimReason)),
        filed_at=filed,  # type: ignore[arg-type]
        amount=draw(st.none() | money()),
        status=draw(st.sampled_from(ClaimStatus)),
        decided_at=draw(st.none() | st.just(decided)),
    )


def campaigns() -> st.SearchStrategy[Campaign]:
    """Review-request campaigns with any filters (SP415)."""
    return st.builds(
        Campaign,
        channel=st.none() | st.sampled_from(["AFN", "MFN"]),
        exclude_returns=st.booleans(),
        exclude_refunds=st.booleans(),
        min_product_rating=st.none() | st.decimals(1, 5, places=1),
        max_return_rate=st.none() | st.decimals(0, 1, places=2),
        sentiment=st.booleans(),
    )


def refunds() -> st.SearchStrategy[Refund]:
    """Refunds by the seller or Amazon, full or partial."""
    return st.builds(
        Refund,
        order_id=amazon_order_ids(),
        at=aware_datetimes(),
        amount=st.none() | money(),
        by=st.sampled_from([Party.SELLER, Party.AMAZON]),
        full=st.booleans(),
    )


def cancellations() -> st.SearchStrategy[Cancellation]:
    """Cancellations by anyone, for any reason."""
    return st.builds(
        Cancellation,
        order_id=amazon_order_ids(),
        at=aware_datetimes(),
        by=st.sampled_from(Party),
        reason=st.sampled_from(CancellationReason),
    )


def order_problems() -> st.SearchStrategy[OrderProblem]:
    """Out of stock, late shipment, delay in transit."""
    return st.builds(
        OrderProblem,
        order_id=amazon_order_ids(),
        at=aware_datetimes(),
        problem=st.sampled_from(ProblemKind),
    )


def information_requests() -> st.SearchStrategy[InformationRequest]:
    """Amazon's information requests on a claim."""
    return st.builds(InformationRequest, order_id=amazon_order_ids(), at=aware_datetimes())


def phone_calls() -> st.SearchStrategy[PhoneCall]:
    """Phone calls with the buyer."""
    return st.builds(
        PhoneCall,
        order_id=amazon_order_ids(),
        at=aware_datetimes(),
        initiated_by=st.sampled_from([Party.BUYER, Party.SELLER]),
    )


def opt_outs() -> st.SearchStrategy[OptOut]:
    """Buyers' opt-outs of unsolicited messages."""
    return st.builds(OptOut, order_id=amazon_order_ids(), at=aware_datetimes())


def seller_actions() -> st.SearchStrategy[SellerAction]:
    """Seller actions outside messaging."""
    return st.builds(
        SellerAction,
        order_id=amazon_order_ids(),
        at=aware_datetimes(),
        action=st.sampled_from(ActionKind),
    )


_EVENT_STRATEGIES: dict[str, Callable[[], st.SearchStrategy[Event]]] = {
    "message": lambda: messages(body=st.text(max_size=80)),
    "feedback": feedbacks,
    "return_request": return_requests,
    "claim": claims,
    "refund": refunds,
    "cancellation": cancellations,
    "order_problem": order_problems,
    "information_request": information_requests,
    "phone_call": phone_calls,
    "opt_out": opt_outs,
    "seller_action": seller_actions,
}


@st.composite
def events(
    draw: st.DrawFn, order: Order, *, max_days: int = 120, kinds: tuple[str, ...] = ()
) -> Event:
    """One event of ``order``, at most ``max_days`` after its purchase.

    ``kinds`` limits the event types (``("message", "refund")``); by default any type.
    """
    kind = draw(st.sampled_from(kinds or tuple(_EVENT_STRATEGIES)))
    event: Event = draw(_EVENT_STRATEGIES[kind]())
    offset = draw(st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=max_days)))
    at = order.purchased_at + offset
    time_field = {
        "message": "sent_at",
        "feedback": "left_at",
        "return_request": "requested_at",
        "claim": "filed_at",
    }.get(kind, "at")
    changes: dict[str, object] = {"order_id": order.order_id, time_field: at}
    if kind == "return_request":
        changes["received_at"] = None
    if kind == "claim":
        changes["decided_at"] = None
    changed: Event = attrs.evolve(event, **changes)  # type: ignore[arg-type]
    return changed


@st.composite
def timelines(
    draw: st.DrawFn, *, max_events: int = 8, kinds: tuple[str, ...] = ()
) -> tuple[Order, tuple[Event, ...]]:
    """An order with distinct events of its own, all after the purchase (any order of time)."""
    order = draw(orders())
    found = draw(st.lists(events(order, kinds=kinds), max_size=max_events, unique=True))
    return order, tuple(found)


@st.composite
def graded_units(draw: st.DrawFn) -> GradedUnit:
    """Returned units with a grade, an original price and maybe a resale value (one currency)."""
    price = draw(money())
    resale = draw(
        st.none()
        | st.decimals(min_value=0, max_value=price.amount, places=2).map(
            lambda amount: Money(amount, price.currency)
        )
    )
    return GradedUnit(
        draw(st.sampled_from(["KETTLE", "MUG", "LAMP"])),
        draw(st.sampled_from(Grade)),
        price,
        resale,
    )


def fba_units() -> st.SearchStrategy[FbaUnit]:
    """FBA units: a size tier and a weight in pounds (or none)."""
    weights = st.decimals(min_value=0, max_value=150, places=2)
    return st.builds(FbaUnit, size_tier=st.sampled_from(SizeTier), weight_lb=st.none() | weights)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """Valid spans (``0 <= start <= end``)."""
    start = draw(st.integers(0, 10_000))
    return Span(start, start + draw(st.integers(0, 500)))


def findings() -> st.SearchStrategy[Finding]:
    """Findings of any rule."""
    return st.builds(
        Finding,
        code=st.sampled_from(Code),
        name=_NAME,
        severity=st.sampled_from(Severity),
        message=_TEXT,
        span=st.none() | spans(),
        excerpt=st.none() | _TEXT,
        source=_TEXT,
        disguises=st.lists(_NAME, max_size=2).map(tuple),
        field=st.sampled_from(["body", "subject", "attachments[0]", "history", "kind"]),
        event=st.none() | event_refs(),
    )


def event_refs() -> st.SearchStrategy[EventRef]:
    """Evidence that points at a timeline event."""
    return st.builds(
        EventRef,
        type=st.sampled_from(["message", "refund", "claim", "order"]),
        at=aware_datetimes(),
        index=st.none() | st.integers(0, 50),
        summary=_TEXT,
    )


def not_judged() -> st.SearchStrategy[NotJudged]:
    """Rules that could not be judged, with a reason."""
    return st.builds(NotJudged, code=st.sampled_from(Code), reason=_TEXT)


def message_reports() -> st.SearchStrategy[MessageReport]:
    """Message reports."""
    return st.builds(
        MessageReport,
        findings=st.lists(findings(), max_size=4),
        edition=st.sampled_from(Edition),
        as_of=st.none() | aware_datetimes(),
        not_judged=st.lists(not_judged(), max_size=2),
    )


# --- assertions ---------------------------------------------------------------------------------


def _why(code: Code) -> str | None:
    try:
        return rule_doc(code).why
    except InvalidValueError:  # pragma: no cover - every family with findings has docs
        return None


def _codes(allow: Iterable[Code | str]) -> frozenset[Code]:
    if isinstance(allow, str):
        allow = (allow,)
    out = set()
    for code in allow:
        try:
            out.add(Code(code))
        except ValueError:
            msg = f"allow={code!r} is not a rule code; codes look like 'SP101' (see RULES)"
            raise InvalidValueError(msg, field="allow", value=code) from None
    return frozenset(out)


def assert_compliant(
    text: str | Message,
    *,
    kind: MessageKind | str | None = None,
    allow: Iterable[Code | str] = (),
    policy: Policy | None = None,
    fail_on: Severity | str = Severity.WARNING,
) -> MessageReport:
    """Fail the test unless the draft message passes the policy.

    A finding fails the test when its severity is ``fail_on`` or worse and its code is not in
    ``allow``. The failure shows the draft with ``^^^`` under each offending span, then each
    finding's code, severity, message, the rule's explanation and its source::

        def test_shipping_notice(policy):
            assert_compliant(DRAFT, kind="shipping_notice", allow=["SP121"], policy=policy)

    Args:
        text: The draft's text, or a `Message` (its subject and attachments are checked too).
        kind: The message kind (``"reply"``, ``"shipping_notice"``, ...); ``proactive`` for a
            text by default.
        allow: Codes that may appear (a rule the draft knowingly breaks, e.g. a warning
            accepted after review).
        policy: The policy; `Policy.current` by default. Pass the plugin's ``policy`` fixture
            to follow ``--sellerpolicy-edition`` and the ``sellerpolicy`` marker.
        fail_on: The least severity that fails: ``"warning"`` (default) fails on errors and
            warnings, ``"error"`` only on errors, ``"info"`` on every finding.

    Returns:
        The report, for further assertions.

    Raises:
        AssertionError: A finding that is not allowed is at least ``fail_on``.
        InvalidValueError: A code in ``allow`` or ``fail_on`` is unknown (or any error
            `check_message` raises for its arguments).
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not this one
    allowed = _codes(allow)
    try:
        threshold = Severity(fail_on)
    except ValueError:
        allowed_values = ", ".join(s.value for s in Severity)
        msg = f"fail_on={fail_on!r} is not a severity; use one of {allowed_values}"
        raise InvalidValueError(msg, field="fail_on", value=fail_on) from None
    report = check_message(text, kind=kind, policy=policy)
    failing = tuple(
        f for f in report.findings if f.code not in allowed and f.severity.rank >= threshold.rank
    )
    if not failing:
        return report
    body = text.body if isinstance(text, Message) else text
    # the first line is what pytest's short summary shows: name the rules there
    rules = ", ".join(dict.fromkeys(f"{f.code} {f.name}" for f in failing))
    lines = [
        f"flagged {rules} ({report.edition} policy)",
        "",
        marked_text(body, failing, explain=_why),
    ]
    passed = len(report.findings) - len(failing)
    if passed:
        lines += ["", f"not failing: {passed} finding(s) allowed or below {threshold}"]
    raise AssertionError("\n".join(lines))
