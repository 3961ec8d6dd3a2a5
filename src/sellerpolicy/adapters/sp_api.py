"""Turn Amazon Selling Partner API (SP-API) responses into sellerpolicy values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, NamedTuple, TypeVar

import attrs
import regex
from dateutil.parser import isoparser

from sellerpolicy._model import FulfillmentChannel, Money, Order, OrderItem, OrderStatus, Shipment
from sellerpolicy.exceptions import (
    DeserializationError,
    InvalidTypeError,
    InvalidValueError,
    SellerPolicyError,
)

__all__ = [
    "buyer_locale_from_sp_api",
    "messaging_actions_from_sp_api",
    "order_from_notification",
    "order_from_sp_api",
    "order_items_from_sp_api",
    "orders_from_sp_api",
]

_T = TypeVar("_T")

# --- vocabularies ----------------------------------------------------------------------------

_V0_CHANNELS: Final[Mapping[str, FulfillmentChannel]] = {c.value: c for c in FulfillmentChannel}
_V0_STATUSES: Final[Mapping[str, OrderStatus]] = {s.value: s for s in OrderStatus}
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

# Keys of the example-file wrapper (`{"source", "request", "response"}` / `{"source", "document"}`).
_WRAPPER_KEYS: Final = frozenset({"source", "request", "response", "document"})
# Keys that only the other v0 per-order resources have (getOrderItems, getOrderBuyerInfo,
# getOrderAddress); a v0 `Order` always has `PurchaseDate` and `OrderStatus`.
_V0_OTHER_RESOURCE_KEYS: Final = frozenset(
    {"OrderItems", "BuyerEmail", "BuyerName", "BuyerCompanyName", "BuyerTaxInfo", "ShippingAddress"}
)
_DATE_TIME: Final = "an ISO 8601 date-time such as '2024-12-25T10:00:00Z'"
_LOCALE: Final = regex.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
# Domain errors start with the field: "Order.latest_ship ...", "Money.currency ...", "amount: ..."
_DOMAIN_FIELD: Final = regex.compile(r"(?:(?:Order|OrderItem|Shipment|Money)\.)?(\w+)")
_ISO: Final = isoparser()
_SHOW_LIMIT: Final = 80
_MAX_WRAPPERS: Final = 8


class _Options(NamedTuple):
    """Caller defaults for fields a payload may lack, and the public function's name."""

    marketplace_id: str | None
    fulfillment_channel: FulfillmentChannel | None
    func: str


# --- small helpers ---------------------------------------------------------------------------


def _show(value: object) -> str:
    """``repr(value)``, shortened so one bad field cannot flood an error message."""
    text = repr(value)
    return text if len(text) <= _SHOW_LIMIT else f"{text[: _SHOW_LIMIT - 3]}..."


def _allowed(choices: Mapping[str, object]) -> str:
    return ", ".join(repr(name) for name in choices)


def _parse_timestamp(value: object) -> dt.datetime:
    """Parse an SP-API timestamp; a missing offset means UTC (see `order_from_sp_api`).

    Raises:
        TypeError: The value is not a string.
        ValueError: The value is not an ISO 8601 date-time.
    """
    if not isinstance(value, str):
        raise TypeError(f"expected {_DATE_TIME}, got {_show(value)}")
    text = value.strip()
    try:
        _ISO.parse_isodate(text)
    except ValueError:
        pass  # more than a date (or not a date at all): parsed below
    else:
        msg = f"expected {_DATE_TIME} (a date-time, not just a date), got {_show(value)}"
        raise ValueError(msg)
    try:
        parsed = _ISO.isoparse(text)
        offset = parsed.utcoffset()
        if offset is None:
            # SP-API documents every timestamp as UTC, so a missing offset is UTC
            return parsed.replace(tzinfo=dt.UTC)
        return parsed.replace(tzinfo=dt.UTC if not offset else dt.timezone(offset))
    except (ValueError, OverflowError):
        raise ValueError(f"expected {_DATE_TIME}, got {_show(value)}") from None


def _as_mapping(value: object, path: str, target: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        msg = f"{path}: expected a JSON object (a mapping), got {_show(value)}"
        raise DeserializationError([msg], target=target)
    return value


def _raise_amazon_errors(obj: Mapping[Any, Any], path: str, target: str) -> None:
    """Raise if ``obj`` is an SP-API error body (``{"errors": [{"code", "message"}]}``)."""
    errors = obj.get("errors")
    if not errors:
        return
    if isinstance(errors, str | bytes) or not isinstance(errors, Sequence):
        msg = f"{path}.errors: SP-API returned errors: {_show(errors)}"
        raise DeserializationError([msg], target=target)
    lines = []
    for i, error in enumerate(errors):
        where = f"{path}.errors[{i}]"
        if isinstance(error, Mapping):
            line = f"{where}: SP-API error {error.get('code')!s}: {error.get('message')!s}"
            details = error.get("details")
            lines.append(f"{line} (details: {details!s})" if details else line)
        else:
            lines.append(f"{where}: SP-API error {_show(error)}")
    raise DeserializationError(lines, target=target)


def _unwrap(payload: object, root: str, target: str) -> tuple[Mapping[Any, Any], str]:
    """Peel the example-file wrapper and the v0 ``payload`` wrapper; raise on error bodies.

    Returns:
        The innermost object and its JSON path.
    """
    path = root
    obj = _as_mapping(payload, path, target)
    for _ in range(_MAX_WRAPPERS):
        _raise_amazon_errors(obj, path, target)
        keys = set(obj)
        if keys and keys <= _WRAPPER_KEYS and ("response" in keys or "document" in keys):
            key = "response" if "response" in keys else "document"
        elif "payload" in keys and "AmazonOrderId" not in keys and "orderId" not in keys:
            key = "payload"
        else:
            return obj, path
        path = f"{path}.{key}"
        obj = _as_mapping(obj[key], path, target)
    msg = f"{path}: expected data, got more than {_MAX_WRAPPERS} nested wrappers"
    raise DeserializationError([msg], target=target)


_SHAPES: Final[tuple[tuple[frozenset[str], str], ...]] = (
    (
        frozenset({"_links"}),
        "a Messaging/Solicitations actions response; use messaging_actions_from_sp_api",
    ),
    (
        frozenset({"OrderItems"}),
        "an Orders v0 getOrderItems response; use order_items_from_sp_api or items=",
    ),
    (
        frozenset({"BuyerEmail", "BuyerName", "BuyerTaxInfo"}),
        "an Orders v0 getOrderBuyerInfo response (buyer data, not an order)",
    ),
    (
        frozenset({"ShippingAddress"}),
        "an Orders v0 getOrderAddress response (an address, not an order)",
    ),
    (
        frozenset({"Orders", "orders"}),
        "a list of orders (getOrders/searchOrders); use orders_from_sp_api",
    ),
    (
        frozenset({"NotificationType", "Payload", "OrderChangeNotification"}),
        "an SP-API notification; use order_from_notification",
    ),
    (
        frozenset({"performanceMetrics", "accountStatuses"}),
        "an account health report (GET_V2_SELLER_PERFORMANCE_REPORT), not an order",
    ),
)
_MAX_KEYS_SHOWN: Final = 8


def _describe(obj: Mapping[Any, Any]) -> str:
    """Say what an object that is not the expected shape looks like."""
    keys = {str(key) for key in obj}
    if not keys:
        return "an empty object (a 201 create response carries no data)"
    if _is_v0_order(obj):
        return "an Orders v0 Order; use order_from_sp_api"
    if keys & {"orderId", "order"}:
        return "an Orders 2026-01-01 order; use order_from_sp_api"
    if keys == {"buyer"}:
        return "a Messaging GetAttributes response; use buyer_locale_from_sp_api"
    for markers, description in _SHAPES:
        if keys & markers:
            return description
    shown = ", ".join(repr(key) for key in sorted(keys)[:_MAX_KEYS_SHOWN])
    return f"an object with keys {shown}{', ...' if len(keys) > _MAX_KEYS_SHOWN else ''}"


def _shape_error(
    obj: Mapping[Any, Any], path: str, expected: str, target: str
) -> DeserializationError:
    return DeserializationError(
        [f"{path}: expected {expected}, got {_describe(obj)}"], target=target
    )


def _build(
    cls: Callable[..., _T],
    values: Mapping[str, Any],
    paths: Mapping[str, str],
    r: _Reader,
    start: int,
) -> _T | None:
    """Build a domain value unless problems were found since ``start``.

    A domain invariant the adapter did not pre-check becomes a problem line at the JSON
    path of the offending field (or of the whole object), never a raw validator error.
    """
    if len(r.problems) > start:
        return None
    try:
        return cls(**values)
    except (InvalidValueError, InvalidTypeError) as exc:
        message = str(exc)
        match = _DOMAIN_FIELD.match(message)
        path = paths.get(match.group(1), r.path) if match else r.path
        r.problems.append(f"{path}: {message}")
        return None


def _check_window(r: _Reader, first: str, last: str, start: Any, end: Any) -> None:
    """Record a problem if the window's start (key ``first``) is after its end (``last``)."""
    if start is not None and end is not None and start > end:
        r.problem(
            last,
            f"expected a time at or after {r.at(first)} ({r.get(first)!r}), got {r.get(last)!r}",
        )


# --- reading one JSON object -----------------------------------------------------------------


class _Reader:
    """One JSON object being read: its data, its JSON path and the shared problem list.

    Every accessor records a ``$.path: expected ..., got ...`` line instead of raising and
    returns ``None`` for a bad or absent value, so that all problems are reported at once.
    JSON ``null`` counts as absent.
    """

    __slots__ = ("data", "path", "problems")

    def __init__(self, data: Mapping[Any, Any], path: str, problems: list[str]) -> None:
        self.data = data
        self.path = path
        self.problems = problems

    def at(self, key: str) -> str:
        return f"{self.path}.{key}"

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def problem(self, key: str, message: str) -> None:
        self.problems.append(f"{self.at(key)}: {message}")

    def missing(self, key: str, expected: str) -> None:
        if key in self.data:
            self.problem(key, f"expected {expected}, got None")
        else:
            self.problem(key, f"missing; expected {expected}")

    def sub(self, key: str) -> _Reader | None:
        """The object at ``key``; an empty one if absent, ``None`` if it is not an object."""
        value = self.get(key)
        if value is None:
            return _Reader({}, self.at(key), self.problems)
        if not isinstance(value, Mapping):
            self.problem(key, f"expected an object, got {_show(value)}")
            return None
        return _Reader(value, self.at(key), self.problems)

    def elements(self, key: str) -> list[tuple[str, Any]]:
        """The items of the array at ``key`` with their paths; empty if absent."""
        value = self.get(key)
        if value is None:
            return []
        if isinstance(value, str | bytes) or not isinstance(value, Sequence):
            self.problem(key, f"expected an array, got {_show(value)}")
            return []
        return [(f"{self.at(key)}[{i}]", item) for i, item in enumerate(value)]

    def objects(self, key: str) -> list[_Reader]:
        """The objects in the array at ``key``; empty if absent."""
        readers = []
        for path, item in self.elements(key):
            if isinstance(item, Mapping):
                readers.append(_Reader(item, path, self.problems))
            else:
                self.problems.append(f"{path}: expected an object, got {_show(item)}")
        return readers

    def strings(self, key: str) -> list[str]:
        """The strings in the array at ``key``; empty if absent."""
        found = []
        for path, item in self.elements(key):
            if isinstance(item, str):
                found.append(item)
            else:
                self.problems.append(f"{path}: expected a string, got {_show(item)}")
        return found

    def text(self, key: str, *, required: bool = False) -> str | None:
        """A string; an optional empty string counts as absent."""
        value = self.get(key)
        if value is None:
            if required:
                self.missing(key, "a non-empty string")
            return None
        if not isinstance(value, str):
            self.problem(key, f"expected a string, got {_show(value)}")
            return None
        if not value.strip():
            if required:
                self.problem(key, f"expected a non-empty string, got {_show(value)}")
            return None
        return value

    def timestamp(self, key: str, *, required: bool = False) -> dt.datetime | None:
        """An aware datetime; an optional empty string counts as absent."""
        value = self.get(key)
        if value is None or (value == "" and not required):
            if required:
                self.missing(key, _DATE_TIME)
            return None
        try:
            return _parse_timestamp(value)
        except (TypeError, ValueError) as exc:
            self.problem(key, str(exc))
            return None

    def integer(self, key: str, *, required: bool = False) -> int | None:
        """A count >= 0; a string of digits is accepted."""
        value = self.get(key)
        if value is None:
            if required:
                self.missing(key, "a whole number >= 0")
            return None
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
            try:
                return int(value)
            except ValueError:  # beyond int()'s digit limit
                pass
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        self.problem(key, f"expected a whole number >= 0, got {_show(value)}")
        return None

    def boolean(self, key: str) -> bool:
        """A flag; absent is ``False`` and ``"true"``/``"false"`` strings are accepted."""
        value = self.get(key)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
            return value.strip().lower() == "true"
        self.problem(key, f"expected true or false, got {_show(value)}")
        return False

    def choice(self, key: str, choices: Mapping[str, _T], *, required: bool = False) -> _T | None:
        """One of a closed set of strings, mapped to its domain value."""
        value = self.get(key)
        if value is None:
            if required:
                self.missing(key, f"one of {_allowed(choices)}")
            return None
        if isinstance(value, str) and value in choices:
            return choices[value]
        self.problem(key, f"expected one of {_allowed(choices)}, got {_show(value)}")
        return None

    def money(self, key: str, *, amount: str, currency: str) -> Money | None:
        """A ``{currency, amount}`` object; the amount must be a decimal string (or an int)."""
        obj = self.sub(key)
        if obj is None or not obj.data:
            return None
        start = len(self.problems)
        value = obj.get(amount)
        if value is None:
            obj.missing(amount, "a decimal string such as '12.50'")
        elif isinstance(value, bool) or not isinstance(value, str | int):
            obj.problem(amount, f"expected a decimal string such as '12.50', got {_show(value)}")
        code = obj.get(currency)
        if code is None:
            obj.missing(currency, "an ISO 4217 currency code such as 'USD'")
        paths = {"amount": obj.at(amount), "currency": obj.at(currency)}
        values = {"amount": value, "currency": code}
        return _build(Money, values, paths, obj, start)


# --- field groups shared by the order shapes -------------------------------------------------


def _marketplace(r: _Reader, key: str, opts: _Options) -> str | None:
    if r.get(key) is None:
        if opts.marketplace_id is not None:
            return opts.marketplace_id
        found = "got None" if key in r.data else "missing"
        r.problem(key, f"{found}; pass marketplace_id=... to {opts.func}")
        return None
    return r.text(key, required=True)


def _channel(
    r: _Reader, key: str, choices: Mapping[str, FulfillmentChannel], opts: _Options, note: str = ""
) -> FulfillmentChannel | None:
    if r.get(key) is None:
        if opts.fulfillment_channel is not None:
            return opts.fulfillment_channel
        found = "got None" if key in r.data else "missing"
        r.problem(key, f"{found}; pass fulfillment_channel=... to {opts.func}{note}")
        return None
    return r.choice(key, choices)


def _windows(
    ship: tuple[_Reader | None, str, str],
    delivery: tuple[_Reader | None, str, str],
) -> dict[str, Any]:
    """Read the ship-by and deliver-by windows: ``(object, start key, end key)`` each."""
    values: dict[str, Any] = {}
    for (r, first, last), (start_name, end_name) in (
        (ship, ("earliest_ship", "latest_ship")),
        (delivery, ("earliest_delivery", "latest_delivery")),
    ):
        if r is None:
            continue
        values[start_name], values[end_name] = r.timestamp(first), r.timestamp(last)
        _check_window(r, first, last, values[start_name], values[end_name])
    return values


# --- Orders v0 -------------------------------------------------------------------------------


def _order_v0(r: _Reader, opts: _Options) -> Order | None:
    start = len(r.problems)
    values: dict[str, Any] = {
        "order_id": r.text("AmazonOrderId", required=True),
        "marketplace_id": _marketplace(r, "MarketplaceId", opts),
        "purchased_at": r.timestamp("PurchaseDate", required=True),
        "fulfillment_channel": _channel(r, "FulfillmentChannel", _V0_CHANNELS, opts),
        "status": r.choice("OrderStatus", _V0_STATUSES),
        "total": r.money("OrderTotal", amount="Amount", currency="CurrencyCode"),
        "is_prime": r.boolean("IsPrime"),
        "is_business": r.boolean("IsBusinessOrder"),
    }
    values |= _windows(
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
    return _build(Order, values, paths, r, start)


def _item_v0(r: _Reader) -> OrderItem | None:
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
    return _build(OrderItem, values, paths, r, start)


# --- Orders 2026-01-01 -----------------------------------------------------------------------

_INCLUDED_DATA_NOTE: Final = " (Orders 2026-01-01 returns it only with includedData=FULFILLMENT)"


def _order_2026(r: _Reader, opts: _Options) -> Order | None:
    start = len(r.problems)
    sales = r.sub("salesChannel")
    fulfillment = r.sub("fulfillment")
    proceeds = r.sub("proceeds")
    programs = set(r.strings("programs"))
    values: dict[str, Any] = {
        "order_id": r.text("orderId", required=True),
        "marketplace_id": (
            _marketplace(sales, "marketplaceId", opts) if sales is not None else None
        ),
        "purchased_at": r.timestamp("createdTime", required=True),
        "fulfillment_channel": (
            _channel(fulfillment, "fulfilledBy", _FULFILLED_BY, opts, _INCLUDED_DATA_NOTE)
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
        "items": [_item_2026(item) for item in r.objects("orderItems")],
        "shipments": [_shipment_2026(package) for package in r.objects("packages")],
    }
    if fulfillment is not None:
        values |= _windows(
            (fulfillment.sub("shipByWindow"), "earliestDateTime", "latestDateTime"),
            (fulfillment.sub("deliverByWindow"), "earliestDateTime", "latestDateTime"),
        )
    paths = {
        "order_id": r.at("orderId"),
        "purchased_at": r.at("createdTime"),
        "items": r.at("orderItems"),
        "shipments": r.at("packages"),
    }
    return _build(Order, values, paths, r, start)


def _item_2026(r: _Reader) -> OrderItem | None:
    start = len(r.problems)
    product = r.sub("product") or _Reader({}, r.at("product"), [])
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
    return _build(OrderItem, values, paths, r, start)


def _shipment_2026(r: _Reader) -> Shipment | None:
    # packageStatus.status DELIVERED carries no delivery time, so delivered_at stays None
    start = len(r.problems)
    values = {
        "carrier": r.text("carrier"),
        "tracking_number": r.text("trackingNumber"),
        "shipped_at": r.timestamp("shipTime"),
    }
    paths = {"shipped_at": r.at("shipTime")}
    return _build(Shipment, values, paths, r, start)


# --- shape dispatch --------------------------------------------------------------------------

_ORDER_EXPECTED: Final = (
    "an Orders v0 Order (with AmazonOrderId) or an Orders 2026-01-01 order (with orderId)"
)


def _is_v0_other_resource(obj: Mapping[Any, Any]) -> bool:
    """A v0 getOrderItems/getOrderBuyerInfo/getOrderAddress payload rather than an Order."""
    return (
        "PurchaseDate" not in obj
        and "OrderStatus" not in obj
        and bool(_V0_OTHER_RESOURCE_KEYS & set(obj))
    )


def _is_v0_order(obj: Mapping[Any, Any]) -> bool:
    """A v0 ``Order``: it has an order id or a purchase date, and is no other v0 resource."""
    return ("AmazonOrderId" in obj or "PurchaseDate" in obj) and not _is_v0_other_resource(obj)


def _one_order(
    obj: Mapping[Any, Any], path: str, problems: list[str], opts: _Options, target: str
) -> Order | None:
    """Read one order from any single-order shape; raise if it is some other shape."""
    if "order" in obj and "orderId" not in obj and "AmazonOrderId" not in obj:
        path = f"{path}.order"
        obj = _as_mapping(obj["order"], path, target)
    if _is_v0_order(obj):
        return _order_v0(_Reader(obj, path, problems), opts)
    if "orderId" in obj or "createdTime" in obj:
        return _order_2026(_Reader(obj, path, problems), opts)
    raise _shape_error(obj, path, _ORDER_EXPECTED, target)


def _items(
    obj: Mapping[Any, Any], path: str, problems: list[str], target: str
) -> tuple[str | None, str, list[OrderItem | None]]:
    """Read order items from getOrderItems (v0) or a 2026 order.

    Returns:
        The order id the items belong to (if given), its path, and the items.
    """
    if "order" in obj and "orderId" not in obj:
        path = f"{path}.order"
        obj = _as_mapping(obj["order"], path, target)
    r = _Reader(obj, path, problems)
    if "OrderItems" in obj:
        return (
            r.text("AmazonOrderId"),
            r.at("AmazonOrderId"),
            [_item_v0(item) for item in r.objects("OrderItems")],
        )
    if "orderId" in obj:
        return (
            r.text("orderId"),
            r.at("orderId"),
            [_item_2026(item) for item in r.objects("orderItems")],
        )
    expected = "an Orders v0 getOrderItems response (with OrderItems) or an Orders 2026-01-01 order"
    if "AmazonOrderId" in obj and not _is_v0_other_resource(obj):
        msg = (
            f"{path}: expected {expected}, got a v0 Order, which has no items (call getOrderItems)"
        )
        raise DeserializationError([msg], target=target)
    raise _shape_error(obj, path, expected, target)


def _options(
    marketplace_id: object, fulfillment_channel: object, func: str, target: str
) -> _Options:
    """Check the caller's defaults (they are arguments, so the "path" is the argument name)."""
    problems = []
    default_id = marketplace_id if isinstance(marketplace_id, str) else None
    if marketplace_id is not None and (default_id is None or not default_id.strip()):
        problems.append(
            f"marketplace_id=: expected a non-empty string, got {_show(marketplace_id)}"
        )
    channel = None
    if isinstance(fulfillment_channel, FulfillmentChannel):
        channel = fulfillment_channel
    elif isinstance(fulfillment_channel, str) and fulfillment_channel in _V0_CHANNELS:
        channel = _V0_CHANNELS[fulfillment_channel]
    elif fulfillment_channel is not None:
        problems.append(
            f"fulfillment_channel=: expected FulfillmentChannel.AFN or .MFN (or 'AFN'/'MFN'), "
            f"got {_show(fulfillment_channel)}"
        )
    if problems:
        raise DeserializationError(problems, target=target)
    return _Options(default_id, channel, func)


def _finish(problems: list[str], target: str) -> None:
    if problems:
        raise DeserializationError(problems, target=target)


def _result(value: _T | None, problems: list[str], target: str) -> _T:
    """``value``, or a DeserializationError listing ``problems`` (a value is None only then)."""
    if problems or value is None:
        raise DeserializationError(problems or ["$: nothing could be read"], target=target)
    return value


# --- public API ------------------------------------------------------------------------------


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
    opts = _options(marketplace_id, fulfillment_channel, "order_from_sp_api", target)
    obj, path = _unwrap(payload, "$", target)
    problems: list[str] = []
    order = _one_order(obj, path, problems, opts, target)
    attached: list[OrderItem | None] | None = None
    if items is not None:
        items_obj, items_path = _unwrap(items, "items=$", target)
        items_id, id_path, attached = _items(items_obj, items_path, problems, target)
        if order is not None and items_id is not None and items_id != order.order_id:
            problems.append(
                f"{id_path}: expected the order's id {order.order_id!r}, got {items_id!r}"
            )
    order = _result(order, problems, target)
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
    opts = _options(marketplace_id, fulfillment_channel, "orders_from_sp_api", target)
    obj, path = _unwrap(payload, "$", target)
    problems: list[str] = []
    r = _Reader(obj, path, problems)
    if "Orders" in obj:
        orders = [_order_v0(order, opts) for order in r.objects("Orders")]
    elif "orders" in obj:
        orders = [_order_2026(order, opts) for order in r.objects("orders")]
    else:
        orders = [_one_order(obj, path, problems, opts, target)]
    _finish(problems, target)
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
    obj, path = _unwrap(payload, "$", target)
    problems: list[str] = []
    _, _, items = _items(obj, path, problems, target)
    _finish(problems, target)
    return tuple(item for item in items if item is not None)


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
    obj, path = _unwrap(payload, "$", target)
    if "detail" in obj and "detail-type" in obj:
        path = f"{path}.detail"
        obj = _as_mapping(obj["detail"], path, target)
    kind = obj.get("NotificationType")
    if kind is not None and kind != "ORDER_CHANGE":
        msg = f"{path}.NotificationType: expected 'ORDER_CHANGE', got {_show(kind)}"
        raise DeserializationError([msg], target=target)
    known = kind is not None
    for key in ("Payload", "OrderChangeNotification"):
        if key in obj and "AmazonOrderId" not in obj:
            known = True
            path = f"{path}.{key}"
            obj = _as_mapping(obj[key], path, target)
    if "AmazonOrderId" not in obj or not (known or "Summary" in obj):
        raise _shape_error(obj, path, "an ORDER_CHANGE notification", target)
    problems: list[str] = []
    return _result(_order_change(_Reader(obj, path, problems)), problems, target)


def _order_change(r: _Reader) -> Order | None:
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
        "fulfillment_channel": summary.choice("FulfillmentType", _V0_CHANNELS, required=True),
        "status": summary.choice("OrderStatus", _V0_STATUSES),
        "is_prime": "Prime" in programs,
        "is_business": "Business" in programs,
    }
    values |= _windows(
        (summary, "EarliestShipDate", "LatestShipDate"),
        (summary, "EarliestDeliveryDate", "LatestDeliveryDate"),
    )
    paths = {"order_id": r.at("AmazonOrderId"), "marketplace_id": summary.at("MarketplaceId")}
    return _build(Order, values, paths, r, start)


def buyer_locale_from_sp_api(payload: Mapping[str, Any]) -> str:
    """Read the buyer's locale from a Messaging ``GetAttributes`` response.

    Accepts the raw body or python-amazon-sp-api's ``response.payload`` (both
    ``{"buyer": {"locale": "en-US"}}``) and the example-file wrapper.

    Args:
        payload: The GetAttributes response.

    Returns:
        The locale exactly as Amazon sent it, e.g. ``"en-US"``.

    Raises:
        DeserializationError: An SP-API error body, another shape, or a missing or malformed
            locale; the message names the JSON path.
    """
    target = "buyer locale"
    obj, path = _unwrap(payload, "$", target)
    if "buyer" not in obj:
        raise _shape_error(obj, path, "a GetAttributes response {'buyer': {'locale': ...}}", target)
    problems: list[str] = []
    buyer = _Reader(obj, path, problems).sub("buyer")
    locale = buyer.text("locale", required=True) if buyer else None
    if buyer is not None and locale is not None and not _LOCALE.fullmatch(locale):
        buyer.problem("locale", f"expected a locale tag such as 'en-US', got {_show(locale)}")
    return _result(locale, problems, target)


def messaging_actions_from_sp_api(payload: Mapping[str, Any]) -> tuple[str, ...]:
    """List the action names of a getMessagingActionsForOrder or getSolicitationActionsForOrder.

    Names come from the HAL ``_links.actions`` links (``name``, or the last segment of
    ``href`` when a link has no name). Unknown and retired names, such as
    ``negativeFeedbackRemoval`` or ``amazonMotors``, are kept: they are data, not errors.
    Accepts the raw body, python-amazon-sp-api's ``response.payload`` and the example-file
    wrapper.

    Args:
        payload: The actions response.

    Returns:
        The action names in the response's order; empty when nothing may be sent.

    Raises:
        DeserializationError: An SP-API error body, another shape, or malformed links; the
            message names the JSON path.
    """
    target = "messaging actions"
    obj, path = _unwrap(payload, "$", target)
    if "_links" not in obj:
        raise _shape_error(obj, path, "a HAL actions response with _links.actions", target)
    problems: list[str] = []
    links = _Reader(obj, path, problems).sub("_links")
    names: list[str] = []
    if links is not None:
        if links.get("actions") is None:
            links.missing("actions", "an array of action links")
        for action in links.objects("actions"):
            name = action.text("name") or _name_from_href(action)
            if name is not None:
                names.append(name)
    _finish(problems, target)
    return tuple(names)


def _name_from_href(action: _Reader) -> str | None:
    href = action.text("href")
    name = href.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] if href else ""
    if not name:
        action.problem("name", f"expected an action name (or an href), got {_show(action.data)}")
        return None
    return name
