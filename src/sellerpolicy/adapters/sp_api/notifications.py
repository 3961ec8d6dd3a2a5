"""SP-API notifications: the order an ``ORDER_CHANGE`` notification describes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sellerpolicy._model import Order
from sellerpolicy.adapters.sp_api._reader import (
    CHANNELS,
    STATUSES,
    Reader,
    as_mapping,
    build,
    result,
    shape_error,
    show,
    unwrap,
    windows,
)
from sellerpolicy.exceptions import DeserializationError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["order_from_notification"]


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
    obj, path = unwrap(payload, "$", target)
    if "detail" in obj and "detail-type" in obj:
        path = f"{path}.detail"
        obj = as_mapping(obj["detail"], path, target)
    kind = obj.get("NotificationType")
    if kind is not None and kind != "ORDER_CHANGE":
        msg = f"{path}.NotificationType: expected 'ORDER_CHANGE', got {show(kind)}"
        raise DeserializationError([msg], target=target)
    known = kind is not None
    for key in ("Payload", "OrderChangeNotification"):
        if key in obj and "AmazonOrderId" not in obj:
            known = True
            path = f"{path}.{key}"
            obj = as_mapping(obj[key], path, target)
    if "AmazonOrderId" not in obj or not (known or "Summary" in obj):
        raise shape_error(obj, path, "an ORDER_CHANGE notification", target)
    problems: list[str] = []
    return result(_order_change(Reader(obj, path, problems)), problems, target)


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
