"""Orders API v0: an ``Order`` (getOrder, getOrders) and its ``OrderItems`` (getOrderItems)."""

from __future__ import annotations

from typing import Any

from sellerpolicy._model import Order, OrderItem
from sellerpolicy.adapters.sp_api._reader import (
    CHANNELS,
    STATUSES,
    Options,
    Reader,
    build,
    channel,
    marketplace,
    windows,
)

__all__ = ["read_item", "read_order"]


def read_order(r: Reader, opts: Options) -> Order | None:
    """Read a v0 ``Order`` object; problems go to ``r.problems``."""
    start = len(r.problems)
    values: dict[str, Any] = {
        "order_id": r.text("AmazonOrderId", required=True),
        "marketplace_id": marketplace(r, "MarketplaceId", opts),
        "purchased_at": r.timestamp("PurchaseDate", required=True),
        "fulfillment_channel": channel(r, "FulfillmentChannel", CHANNELS, opts),
        "status": r.choice("OrderStatus", STATUSES),
        "total": r.money("OrderTotal", amount="Amount", currency="CurrencyCode"),
        "is_prime": r.boolean("IsPrime"),
        "is_business": r.boolean("IsBusinessOrder"),
    }
    values |= windows(
        (r, "EarliestShipDate", "LatestShipDate"),
        (r, "EarliestDeliveryDate", "LatestDeliveryDate"),
    )
    paths = {
        "order_id": r.at("AmazonOrderId"),
        "marketplace_id": r.at("MarketplaceId"),
        "purchased_at": r.at("PurchaseDate"),
        "fulfillment_channel": r.at("FulfillmentChannel"),
        "status": r.at("OrderStatus"),
        "total": r.at("OrderTotal"),
    }
    return build(Order, values, paths, r, start)


def read_item(r: Reader) -> OrderItem | None:
    """Read one v0 ``OrderItem`` object; problems go to ``r.problems``."""
    start = len(r.problems)
    values = {
        "asin": r.text("ASIN", required=True),
        "quantity": r.integer("QuantityOrdered", required=True),
        "sku": r.text("SellerSKU"),
        "title": r.text("Title"),
        "price": r.money("ItemPrice", amount="Amount", currency="CurrencyCode"),
        "order_item_id": r.text("OrderItemId"),
    }
    paths = {"asin": r.at("ASIN"), "quantity": r.at("QuantityOrdered")}
    return build(OrderItem, values, paths, r, start)
