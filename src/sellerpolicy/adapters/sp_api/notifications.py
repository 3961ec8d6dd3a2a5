"""SP-API notifications: the order an ``ORDER_CHANGE`` notification describes, and its events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, NamedTuple

from sellerpolicy._events import Cancellation, CancellationReason, Party
from sellerpolicy._model import Order, OrderStatus
from sellerpolicy.adapters.sp_api._reader import (
    CHANNELS,
    STATUSES,
    Reader,
    as_mapping,
    build,
    finish,
    result,
    shape_error,
    show,
    unwrap,
    windows,
)
from sellerpolicy.exceptions import DeserializationError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sellerpolicy._events import Event

__all__ = ["events_from_notification", "order_from_notification"]

# ChangeReason is free text in the notification schema; its one documented value is below.
# Keys are case-folded. A reason not listed here gives CancellationReason.OTHER.
_CHANGE_REASONS: Final[Mapping[str, tuple[Party, CancellationReason]]] = {
    "buyer requested cancel": (Party.BUYER, CancellationReason.BUYER_REQUEST),
}
_BUYER_REQUEST: Final = (Party.BUYER, CancellationReason.BUYER_REQUEST)
_NOBODY_SAID: Final = (Party.SYSTEM, CancellationReason.OTHER)
_TIME_OR_EVENT_TIME: Final = (
    "an ISO 8601 date-time (or pass the whole notification, whose EventTime then stands in)"
)


class Located(NamedTuple):
    """Where the ``OrderChangeNotification`` object and the envelope around it are."""

    change: Mapping[Any, Any]
    path: str
    envelope: Mapping[Any, Any] | None
    envelope_path: str


class Found(NamedTuple):
    """An event read from a notification, the JSON path of its time, and what was assumed."""

    event: Event
    time_path: str
    assumptions: tuple[str, ...]


def locate(payload: object, root: str, target: str) -> Located:
    """Find the ``OrderChangeNotification`` in any accepted shape; raise for other shapes."""
    obj, path = unwrap(payload, root, target)
    if "detail" in obj and "detail-type" in obj:
        path = f"{path}.detail"
        obj = as_mapping(obj["detail"], path, target)
    kind = obj.get("NotificationType")
    if kind is not None and kind != "ORDER_CHANGE":
        msg = f"{path}.NotificationType: expected 'ORDER_CHANGE', got {show(kind)}"
        raise DeserializationError([msg], target=target)
    known = kind is not None
    envelope: Mapping[Any, Any] | None = None
    envelope_path = path
    for key in ("Payload", "OrderChangeNotification"):
        if key in obj and "AmazonOrderId" not in obj:
            if key == "Payload":
                envelope, envelope_path = obj, path
            known = True
            path = f"{path}.{key}"
            obj = as_mapping(obj[key], path, target)
    if "AmazonOrderId" not in obj or not (known or "Summary" in obj):
        raise shape_error(obj, path, "an ORDER_CHANGE notification", target)
    return Located(obj, path, envelope, envelope_path)


def order_from_notification(payload: Mapping[str, Any]) -> Order:
    """Build an `Order` from an SP-API ``ORDER_CHANGE`` notification.

    Accepts the whole notification (``NotificationType``, ``Payload``, ...), an EventBridge
    event carrying it in ``detail``, its ``Payload`` (``{"OrderChangeNotification": ...}``),
    the ``OrderChangeNotification`` itself, and the example-file wrapper (``document``). The
    order comes from ``AmazonOrderId`` and the v0-style ``Summary`` (``FulfillmentType`` is
    the channel; ``OrderPrograms`` ``Prime``/``Business`` set the flags). Summary items
    carry no ASIN, so the order has no items; fetch them with getOrderItems. Timestamps are
    read as in `order_from_sp_api`.

    Args:
        payload: The notification.

    Returns:
        The order as the notification describes it.

    Raises:
        DeserializationError: Not an ``ORDER_CHANGE`` notification, or bad or missing fields
            (a ``null`` ``PurchaseDate`` included); every problem is listed with its JSON path.
    """
    target = "Order"
    found = locate(payload, "$", target)
    problems: list[str] = []
    return result(_order_change(Reader(found.change, found.path, problems)), problems, target)


def _order_change(r: Reader) -> Order | None:
    start = len(r.problems)
    summary = r.sub("Summary")
    if summary is None:
        return None
    if not summary.data:
        r.missing("Summary", "an object")
        return None
    programs = set(summary.strings("OrderPrograms"))
    values: dict[str, Any] = {
        "order_id": r.text("AmazonOrderId", required=True),
        "marketplace_id": summary.text("MarketplaceId", required=True),
        "purchased_at": summary.timestamp("PurchaseDate", required=True),
        "fulfillment_channel": summary.choice("FulfillmentType", CHANNELS, required=True),
        "status": summary.choice("OrderStatus", STATUSES),
        "is_prime": "Prime" in programs,
        "is_business": "Business" in programs,
    }
    values |= windows(
        (summary, "EarliestShipDate", "LatestShipDate"),
        (summary, "EarliestDeliveryDate", "LatestDeliveryDate"),
    )
    paths = {"order_id": r.at("AmazonOrderId"), "marketplace_id": summary.at("MarketplaceId")}
    return build(Order, values, paths, r, start)


def events_from_notification(payload: Mapping[str, Any]) -> tuple[Event, ...]:
    """Read the timeline events an SP-API ``ORDER_CHANGE`` notification carries.

    Accepts the shapes `order_from_notification` accepts. What becomes an event:

    - ``Summary.OrderStatus`` ``Canceled``: a `Cancellation` at
      ``OrderChangeTrigger.TimeOfOrderChange``. When that is ``null`` (the schema allows it)
      the notification's ``EventTime``, which is at or after the change, stands in; that needs
      the whole notification. Who cancelled and why come from the payload where it says so: a
      ``ChangeReason`` of ``Buyer Requested Cancel``, an ``OrderChangeType`` of
      ``BuyerRequestedChange`` or an item's ``IsBuyerRequestedCancel`` make it the buyer's
      (`CancellationReason.BUYER_REQUEST`); otherwise the notification does not say, and it is
      `Party.SYSTEM` with `CancellationReason.OTHER`.
    - Anything else gives no event. A shipment or delivery change (``Shipped``,
      ``PartiallyShipped``, an ``EasyShipShipmentStatus`` such as ``Delivered``) changes the
      order itself, which `order_from_notification` reads; the notification carries no
      shipment or delivery time. A ``BuyerRequestedChange`` while the order is not
      ``Canceled`` is the buyer's request to cancel, which the seller still has to act on; it
      is not a cancellation, and no event type records such a request yet.

    Args:
        payload: The notification.

    Returns:
        The events, at most one `Cancellation`; empty when the change is none of the above.

    Raises:
        DeserializationError: Not an ``ORDER_CHANGE`` notification, or bad or missing fields
            the events need; every problem is listed with its JSON path.
    """
    target = "events"
    problems: list[str] = []
    found = change_events(locate(payload, "$", target), problems, order_id=None)
    finish(problems, target)
    return tuple(f.event for f in found)


def change_events(where: Located, problems: list[str], *, order_id: str | None) -> list[Found]:
    """The events of one located notification (see `events_from_notification`).

    ``order_id``, when given, is the order the notification must be about.
    """
    r = Reader(where.change, where.path, problems)
    start = len(problems)
    notified_id = r.text("AmazonOrderId", required=True)
    if order_id is not None and notified_id is not None and notified_id != order_id:
        r.problem("AmazonOrderId", f"expected the order's id {order_id!r}, got {notified_id!r}")
    summary = r.sub("Summary")
    if summary is not None and not summary.data:
        r.missing("Summary", "an object")
    status = (
        summary.choice("OrderStatus", STATUSES, required=True)
        if summary is not None and summary.data
        else None
    )
    if status is not OrderStatus.CANCELED:
        return []
    trigger = r.sub("OrderChangeTrigger")
    if trigger is None:
        return []
    assumptions: list[str] = []
    clock, key = trigger, "TimeOfOrderChange"
    if trigger.get(key) is None and where.envelope is not None:
        clock, key = Reader(where.envelope, where.envelope_path, problems), "EventTime"
        assumptions.append(
            f"{trigger.at('TimeOfOrderChange')} is null or absent; the cancellation is dated at "
            f"the notification's EventTime, which is at or after the change"
        )
    if clock is trigger and trigger.get(key) is None:
        trigger.missing(key, _TIME_OR_EVENT_TIME)
        at = None
    else:
        at = clock.timestamp(key, required=True)
    by, reason = _who_and_why(r, trigger, summary)
    if (by, reason) == _NOBODY_SAID:
        assumptions.append(
            f"{r.path} does not say who cancelled the order; Amazon's systems (Party.SYSTEM) "
            f"were assumed, with reason 'other'"
        )
    values = {"order_id": notified_id, "at": at, "by": by, "reason": reason}
    paths = {"order_id": r.at("AmazonOrderId"), "at": clock.at(key)}
    event = build(Cancellation, values, paths, r, start)
    return [] if event is None else [Found(event, clock.at(key), tuple(assumptions))]


def _who_and_why(
    r: Reader, trigger: Reader, summary: Reader | None
) -> tuple[Party, CancellationReason]:
    """Who cancelled and why, from ChangeReason, OrderChangeType or the items' flags."""
    text = trigger.text("ChangeReason")
    if text is not None and text.strip().casefold() in _CHANGE_REASONS:
        return _CHANGE_REASONS[text.strip().casefold()]
    if r.get("OrderChangeType") == "BuyerRequestedChange":
        return _BUYER_REQUEST
    items = summary.objects("OrderItems") if summary is not None else []
    # read every flag (not any() over a generator), so that each bad one is reported
    flags = [item.boolean("IsBuyerRequestedCancel") for item in items]
    return _BUYER_REQUEST if any(flags) else _NOBODY_SAID
