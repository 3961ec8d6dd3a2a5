"""The public order readers: they recognise Orders v0 and 2026-01-01 shapes and dispatch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from sellerpolicy.adapters.sp_api import orders_2026, orders_v0
from sellerpolicy.adapters.sp_api._reader import (
    Options,
    Reader,
    as_mapping,
    finish,
    is_v0_order,
    is_v0_other_resource,
    options,
    result,
    shape_error,
    unwrap,
)
from sellerpolicy.exceptions import DeserializationError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sellerpolicy._model import FulfillmentChannel, Order, OrderItem

__all__ = ["order_from_sp_api", "order_items_from_sp_api", "orders_from_sp_api"]

_ORDER_EXPECTED: Final = (
    "an Orders v0 Order (with AmazonOrderId) or an Orders 2026-01-01 order (with orderId)"
)


def one_order(
    obj: Mapping[Any, Any], path: str, problems: list[str], opts: Options, target: str
) -> Order | None:
    """Read one order from any single-order shape; raise if it is some other shape."""
    if "order" in obj and "orderId" not in obj and "AmazonOrderId" not in obj:
        path = f"{path}.order"
        obj = as_mapping(obj["order"], path, target)
    if is_v0_order(obj):
        return orders_v0.read_order(Reader(obj, path, problems), opts)
    if "orderId" in obj or "createdTime" in obj:
        return orders_2026.read_order(Reader(obj, path, problems), opts)
    raise shape_error(obj, path, _ORDER_EXPECTED, target)


def items_of(
    obj: Mapping[Any, Any], path: str, problems: list[str], target: str
) -> tuple[str | None, str, list[OrderItem | None]]:
    """Read order items from getOrderItems (v0) or a 2026 order.

    Returns:
        The order id the items belong to (if given), its path, and the items.
    """
    if "order" in obj and "orderId" not in obj:
        path = f"{path}.order"
        obj = as_mapping(obj["order"], path, target)
    r = Reader(obj, path, problems)
    if "OrderItems" in obj:
        return (
            r.text("AmazonOrderId"),
            r.at("AmazonOrderId"),
            [orders_v0.read_item(item) for item in r.objects("OrderItems")],
        )
    if "orderId" in obj:
        return (
            r.text("orderId"),
            r.at("orderId"),
            [orders_2026.read_item(item) for item in r.objects("orderItems")],
        )
    expected = "an Orders v0 getOrderItems response (with OrderItems) or an Orders 2026-01-01 order"
    if "AmazonOrderId" in obj and not is_v0_other_resource(obj):
        msg = (
            f"{path}: expected {expected}, got a v0 Order, which has no items (call getOrderItems)"
        )
        raise DeserializationError([msg], target=target)
    raise shape_error(obj, path, expected, target)


def order_from_sp_api(
    payload: Mapping[str, Any],
    *,
    marketplace_id: str | None = None,
    fulfillment_channel: FulfillmentChannel | str | None = None,
    items: Mapping[str, Any] | None = None,
) -> Order:
    """Build an `Order` from an SP-API getOrder response, in whatever shape the caller has.

    Accepted shapes (recognised by their keys): the raw HTTP body (``{"payload": {...}}`` for
    Orders v0, ``{"order": {...}}`` for Orders 2026-01-01); ``response.payload`` as
    python-amazon-sp-api returns it (the v0 ``Order`` itself, or ``{"order": {...}}``); a bare
    v0 ``Order`` (``AmazonOrderId``) or 2026 ``order`` (``orderId``); and the example-file
    wrapper ``{"source", "request", "response"}``. Unknown keys are ignored.

    Timestamps are ISO 8601 strings (``Z``, an offset, milliseconds and missing seconds are
    all fine). A date-time without an offset is taken as UTC, because SP-API documents every
    timestamp as UTC; a bare date or any other text (such as ``"1.569521782042E9"``) is an
    error. Money amounts are decimal strings and become `decimal.Decimal`; floats are refused.
    ``"true"``/``"false"`` strings are accepted for booleans. Orders 2026-01-01 item prices
    are unit prices; the item's ``price`` is the line price (unit price times quantity), as
    in v0 ``ItemPrice``. A package's ``DELIVERED`` status has no time, so ``delivered_at``
    is never set.

    Args:
        payload: The getOrder response.
        marketplace_id: Used when the payload has no marketplace id.
        fulfillment_channel: Used when the payload has no fulfillment channel (2026 orders
            fetched without ``includedData=FULFILLMENT``).
        items: An Orders v0 getOrderItems response for the same order (any shape above);
            its items replace those in ``payload``.

    Returns:
        The order.

    Raises:
        DeserializationError: The payload is an SP-API error body, is not a single order, or
            has bad or missing fields; every problem is listed with its JSON path (the
            ``items`` argument's paths start with ``items=$``).
    """
    target = "Order"
    opts = options(marketplace_id, fulfillment_channel, "order_from_sp_api", target)
    obj, path = unwrap(payload, "$", target)
    problems: list[str] = []
    order = one_order(obj, path, problems, opts, target)
    return with_items(order, items, problems, target)


def with_items(
    order: Order | None, items: Mapping[str, Any] | None, problems: list[str], target: str
) -> Order:
    """``order`` with the items of the getOrderItems response ``items`` (paths ``items=$``).

    Raises:
        DeserializationError: ``problems`` (the order's and the items') are not empty.
    """
    attached: list[OrderItem | None] | None = None
    if items is not None:
        items_obj, items_path = unwrap(items, "items=$", target)
        items_id, id_path, attached = items_of(items_obj, items_path, problems, target)
        if order is not None and items_id is not None and items_id != order.order_id:
            problems.append(
                f"{id_path}: expected the order's id {order.order_id!r}, got {items_id!r}"
            )
    order = result(order, problems, target)
    return order if attached is None else attrs.evolve(order, items=attached)


def orders_from_sp_api(
    payload: Mapping[str, Any],
    *,
    marketplace_id: str | None = None,
    fulfillment_channel: FulfillmentChannel | str | None = None,
) -> tuple[Order, ...]:
    """Build `Order` values from an SP-API getOrders (v0) or searchOrders (2026-01-01) page.

    Accepts the same shapes as `order_from_sp_api`, with ``{"Orders": [...]}`` (v0) or
    ``{"orders": [...]}`` (2026) inside; a single-order response gives a 1-tuple. Page metadata
    (``CreatedBefore``/``LastUpdatedBefore``, the next-page token) describes the request, not
    the orders, and is ignored: Amazon's own sandbox sends ``"CreatedBefore": "1.569521782042E9"``.
    Fields are read as described in `order_from_sp_api`.

    Args:
        payload: The getOrders or searchOrders response.
        marketplace_id: Used for orders without a marketplace id.
        fulfillment_channel: Used for orders without a fulfillment channel.

    Returns:
        The orders, in the response's order.

    Raises:
        DeserializationError: The payload is an SP-API error body or not an order list, or
            some order has bad or missing fields; every problem is listed with its JSON path.
    """
    target = "Orders"
    opts = options(marketplace_id, fulfillment_channel, "orders_from_sp_api", target)
    obj, path = unwrap(payload, "$", target)
    problems: list[str] = []
    r = Reader(obj, path, problems)
    if "Orders" in obj:
        orders = [orders_v0.read_order(order, opts) for order in r.objects("Orders")]
    elif "orders" in obj:
        orders = [orders_2026.read_order(order, opts) for order in r.objects("orders")]
    else:
        orders = [one_order(obj, path, problems, opts, target)]
    finish(problems, target)
    return tuple(order for order in orders if order is not None)


def order_items_from_sp_api(payload: Mapping[str, Any]) -> tuple[OrderItem, ...]:
    """Build `OrderItem` values from an Orders v0 getOrderItems response.

    Accepts the raw body (``{"payload": {"AmazonOrderId", "OrderItems": [...]}}``),
    python-amazon-sp-api's ``response.payload``, the example-file wrapper, and also an
    Orders 2026-01-01 order (whose ``orderItems`` are read). v0 ``ItemPrice`` is the line's
    price; a 2026 unit price is multiplied by the quantity.

    Args:
        payload: The getOrderItems response.

    Returns:
        The items, in the response's order.

    Raises:
        DeserializationError: The payload is an SP-API error body or has no items list, or
            an item has bad or missing fields; every problem is listed with its JSON path.
    """
    target = "OrderItems"
    obj, path = unwrap(payload, "$", target)
    problems: list[str] = []
    _, _, items = items_of(obj, path, problems, target)
    finish(problems, target)
    return tuple(item for item in items if item is not None)
