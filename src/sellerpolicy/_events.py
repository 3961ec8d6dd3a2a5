"""Timeline events: what happens to an order after the purchase, each a frozen value."""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs.resolve_types reads annotations at run time
import enum

import attrs

from sellerpolicy._model import (
    Claim,
    Feedback,
    Message,
    Money,
    ReturnRequest,
    _aware,
    _instance,
    _non_empty,
    _to_enum,
)

__all__ = [
    "EVENT_TYPES",
    "ActionKind",
    "Cancellation",
    "CancellationReason",
    "Event",
    "InformationRequest",
    "OptOut",
    "OrderProblem",
    "Party",
    "PhoneCall",
    "ProblemKind",
    "Refund",
    "SellerAction",
    "event_time",
    "event_type",
]


class Party(enum.StrEnum):
    """Who did something on an order."""

    BUYER = "buyer"
    """The buyer."""
    SELLER = "seller"
    """The seller."""
    AMAZON = "amazon"
    """Amazon (its staff or a decision it took)."""
    SYSTEM = "system"
    """Amazon's systems acting on their own, e.g. an automatic cancellation."""


class CancellationReason(enum.StrEnum):
    """Why an order was cancelled."""

    BUYER_REQUEST = "buyer_request"
    """The buyer asked to cancel (does not count against the seller's cancel rate)."""
    OUT_OF_STOCK = "out_of_stock"
    """The seller cannot ship: the item is out of stock."""
    ADDRESS_PROBLEM = "address_problem"
    """The shipping address is undeliverable."""
    PRICING_ERROR = "pricing_error"
    """The item was listed at a wrong price."""
    NOT_SHIPPED_IN_TIME = "not_shipped_in_time"
    """Amazon cancelled automatically at ship-by + 7 business days."""
    FRAUD = "fraud"
    """Amazon or the seller suspects fraud."""
    OTHER = "other"
    """Any other reason."""


class ProblemKind(enum.StrEnum):
    """A problem with an order that the seller must tell the buyer about (SP507)."""

    OUT_OF_STOCK = "out_of_stock"
    """The item is out of stock (the seller must cancel, SP508)."""
    LATE_SHIPMENT = "late_shipment"
    """The order will ship late."""
    DELAY_IN_TRANSIT = "delay_in_transit"
    """The package is delayed on its way."""
    OTHER = "other"
    """Any other problem."""


class ActionKind(enum.StrEnum):
    """A seller action outside messaging that meets an obligation."""

    RETURN_AUTHORIZATION = "return_authorization"
    """The seller authorised a return or sent return instructions (SP502)."""
    CLAIM_RESPONSE = "claim_response"
    """The seller answered Amazon's information request on a claim (SP505)."""
    CHARGEBACK_RESPONSE = "chargeback_response"
    """The seller represented a chargeback (SP506)."""
    FEEDBACK_REMOVAL_REQUEST = "feedback_removal_request"
    """The seller asked Amazon to remove feedback (SP512)."""
    APPEAL = "appeal"
    """The seller appealed a granted claim (SP510)."""
    SAFE_T_CLAIM = "safe_t_claim"
    """The seller filed a SAFE-T claim (SP511)."""


@attrs.frozen(kw_only=True)
class Refund:
    """Money returned to the buyer.

    Attributes:
        order_id: The order.
        at: When the refund was issued (timezone-aware).
        amount: The amount refunded; ``None`` when unknown.
        by: Who issued it: the seller, or Amazon (e.g. for a return the buyer damaged).
        full: Whether the whole order amount was refunded.
    """

    order_id: str = attrs.field(validator=_non_empty)
    at: dt.datetime = attrs.field(validator=_aware)
    amount: Money | None = attrs.field(default=None, validator=_instance(Money))
    by: Party = attrs.field(default=Party.SELLER, converter=_to_enum(Party))  # type: ignore[misc]
    full: bool = attrs.field(default=True, validator=_instance(bool))


@attrs.frozen(kw_only=True)
class Cancellation:
    """An order (or its rest) cancelled.

    Attributes:
        order_id: The order.
        at: When it was cancelled (timezone-aware).
        by: Who cancelled: the buyer, the seller, Amazon or Amazon's systems.
        reason: Why.
    """

    order_id: str = attrs.field(validator=_non_empty)
    at: dt.datetime = attrs.field(validator=_aware)
    by: Party = attrs.field(converter=_to_enum(Party))  # type: ignore[misc]
    reason: CancellationReason = attrs.field(
        default=CancellationReason.OTHER,
        converter=_to_enum(CancellationReason),  # type: ignore[misc]
    )


@attrs.frozen(kw_only=True)
class OrderProblem:
    """A problem the seller learned of: out of stock, late shipment, delay in transit.

    Attributes:
        order_id: The order.
        at: When the seller learned of it (timezone-aware).
        problem: What went wrong.
    """

    order_id: str = attrs.field(validator=_non_empty)
    at: dt.datetime = attrs.field(validator=_aware)
    problem: ProblemKind = attrs.field(converter=_to_enum(ProblemKind))  # type: ignore[misc]


@attrs.frozen(kw_only=True)
class InformationRequest:
    """Amazon asks the seller for information on a claim (SP505).

    Attributes:
        order_id: The order.
        at: When Amazon asked (timezone-aware).
    """

    order_id: str = attrs.field(validator=_non_empty)
    at: dt.datetime = attrs.field(validator=_aware)


@attrs.frozen(kw_only=True)
class PhoneCall:
    """A phone call between the seller and the buyer (SP509).

    Attributes:
        order_id: The order.
        at: When the call took place (timezone-aware).
        initiated_by: Who called.
    """

    order_id: str = attrs.field(validator=_non_empty)
    at: dt.datetime = attrs.field(validator=_aware)
    initiated_by: Party = attrs.field(default=Party.BUYER, converter=_to_enum(Party))  # type: ignore[misc]


@attrs.frozen(kw_only=True)
class OptOut:
    """The buyer opted out of unsolicited messages (SP405).

    Attributes:
        order_id: The order the opt-out was seen on.
        at: When the buyer opted out (timezone-aware).
    """

    order_id: str = attrs.field(validator=_non_empty)
    at: dt.datetime = attrs.field(validator=_aware)


@attrs.frozen(kw_only=True)
class SellerAction:
    """Something the seller did outside messaging: authorise a return, answer a claim, appeal.

    Attributes:
        order_id: The order.
        at: When the seller did it (timezone-aware).
        action: What the seller did.
    """

    order_id: str = attrs.field(validator=_non_empty)
    at: dt.datetime = attrs.field(validator=_aware)
    action: ActionKind = attrs.field(converter=_to_enum(ActionKind))  # type: ignore[misc]


Event = (
    Message
    | Feedback
    | ReturnRequest
    | Claim
    | Refund
    | Cancellation
    | OrderProblem
    | InformationRequest
    | PhoneCall
    | OptOut
    | SellerAction
)
"""Anything that happens on an order's timeline."""

EVENT_TYPES: dict[type, tuple[str, str]] = {
    Message: ("message", "sent_at"),
    Feedback: ("feedback", "left_at"),
    ReturnRequest: ("return_request", "requested_at"),
    Claim: ("claim", "filed_at"),
    Refund: ("refund", "at"),
    Cancellation: ("cancellation", "at"),
    OrderProblem: ("order_problem", "at"),
    InformationRequest: ("information_request", "at"),
    PhoneCall: ("phone_call", "at"),
    OptOut: ("opt_out", "at"),
    SellerAction: ("seller_action", "at"),
}
"""Each event type's tag (its ``type`` in JSON) and the field holding its time."""


def event_type(event: Event) -> str:
    """The event's tag, e.g. ``refund``."""
    return EVENT_TYPES[type(event)][0]


def event_time(event: Event) -> dt.datetime | None:
    """When the event happened (``None`` for a draft message)."""
    when: dt.datetime | None = getattr(event, EVENT_TYPES[type(event)][1])
    return when
