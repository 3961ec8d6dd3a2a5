"""Orders API 2026-01-01: an ``order`` (getOrder, searchOrders), its items and packages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from sellerpolicy._model import FulfillmentChannel, Money, Order, OrderItem, OrderStatus, Shipment
from sellerpolicy.adapters.sp_api._reader import (
    Options,
    Reader,
    build,
    channel,
    marketplace,
    windows,
)
from sellerpolicy.exceptions import SellerPolicyError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["read_item", "read_order", "read_shipment"]

_FULFILLED_BY: Final[Mapping[str, FulfillmentChannel]] = {
    "AMAZON": FulfillmentChannel.AFN,
    "MERCHANT": FulfillmentChannel.MFN,
}
_FULFILLMENT_STATUSES: Final[Mapping[str, OrderStatus]] = {
    "PENDING_AVAILABILITY": OrderStatus.PENDING_AVAILABILITY,
    "PENDING": OrderStatus.PENDING,
    "UNSHIPPED": OrderStatus.UNSHIPPED,
    "PARTIALLY_SHIPPED": OrderStatus.PARTIALLY_SHIPPED,
    "SHIPPED": OrderStatus.SHIPPED,
    "CANCELLED": OrderStatus.CANCELED,
    "UNFULFILLABLE": OrderStatus.UNFULFILLABLE,
}
_INCLUDED_DATA_NOTE: Final = " (Orders 2026-01-01 returns it only with includedData=FULFILLMENT)"


def read_order(r: Reader, opts: Options) -> Order | None:
    """Read a 2026-01-01 ``order`` object; problems go to ``r.problems``."""
    start = len(r.problems)
    sales = r.sub("salesChannel")
    fulfillment = r.sub("fulfillment")
    proceeds = r.sub("proceeds")
    programs = set(r.strings("programs"))
    values: dict[str, Any] = {
        "order_id": r.text("orderId", required=True),
        "marketplace_id": (
            marketplace(sales, "marketplaceId", opts) if sales is not None else None
        ),
        "purchased_at": r.timestamp("createdTime", required=True),
        "fulfillment_channel": (
            channel(fulfillment, "fulfilledBy", _FULFILLED_BY, opts, _INCLUDED_DATA_NOTE)
            if fulfillment is not None
            else None
        ),
        "status": (
            fulfillment.choice("fulfillmentStatus", _FULFILLMENT_STATUSES)
            if fulfillment is not None
            else None
        ),
        "total": (
            proceeds.money("grandTotal", amount="amount", currency="currencyCode")
            if proceeds is not None
            else None
        ),
        "is_prime": "PRIME" in programs,
        "is_business": "AMAZON_BUSINESS" in programs,
        "items": [read_item(item) for item in r.objects("orderItems")],
        "shipments": [read_shipment(package) for package in r.objects("packages")],
    }
    if fulfillment is not None:
        values |= windows(
            (fulfillment.sub("shipByWindow"), "earliestDateTime", "latestDateTime"),
            (fulfillment.sub("deliverByWindow"), "earliestDateTime", "latestDateTime"),
        )
    paths = {
        "order_id": r.at("orderId"),
        "purchased_at": r.at("createdTime"),
        "items": r.at("orderItems"),
        "shipments": r.at("packages"),
    }
    return build(Order, values, paths, r, start)


def read_item(r: Reader) -> OrderItem | None:
    """Read one ``orderItems`` entry; the price is the line's (unit price x quantity)."""
    start = len(r.problems)
    product = r.sub("product") or Reader({}, r.at("product"), [])
    quantity = r.integer("quantityOrdered", required=True)
    price = product.sub("price")
    unit = (
        price.money("unitPrice", amount="amount", currency="currencyCode")
        if price is not None
        else None
    )
    # the domain price is the line's price (as in v0 ItemPrice); 2026 gives the unit price
    line_price = None
    if unit is not None and quantity is not None:
        try:
            line_price = Money(unit.amount * quantity, unit.currency)
        except SellerPolicyError as exc:
            r.problem("quantityOrdered", f"unit price x quantity is not an amount: {exc}")
    values = {
        "asin": product.text("asin", required=True),
        "quantity": quantity,
        "sku": product.text("sellerSku"),
        "title": product.text("title"),
        "price": line_price,
        "order_item_id": r.text("orderItemId"),
    }
    paths = {"asin": product.at("asin"), "quantity": r.at("quantityOrdered")}
    return build(OrderItem, values, paths, r, start)


def read_shipment(r: Reader) -> Shipment | None:
    """Read one ``packages`` entry."""
    # packageStatus.status DELIVERED carries no delivery time, so delivered_at stays None
    start = len(r.problems)
    values = {
        "carrier": r.text("carrier"),
        "tracking_number": r.text("trackingNumber"),
        "shipped_at": r.timestamp("shipTime"),
    }
    paths = {"shipped_at": r.at("shipTime")}
    return build(Shipment, values, paths, r, start)
