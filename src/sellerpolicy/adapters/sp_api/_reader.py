"""The reader every SP-API adapter shares: unwrapping, JSON-path problems and field groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, NamedTuple, TypeVar

import regex
from dateutil.parser import isoparser

from sellerpolicy._model import FulfillmentChannel, Money, OrderStatus
from sellerpolicy.exceptions import DeserializationError, InvalidTypeError, InvalidValueError

__all__ = [
    "CHANNELS",
    "STATUSES",
    "Options",
    "Reader",
    "allowed",
    "as_mapping",
    "build",
    "channel",
    "describe",
    "finish",
    "is_v0_order",
    "is_v0_other_resource",
    "marketplace",
    "options",
    "parse_timestamp",
    "result",
    "shape_error",
    "show",
    "unwrap",
    "windows",
]

_T = TypeVar("_T")

# The domain enums use the Orders v0 spellings, which the ORDER_CHANGE notification shares
CHANNELS: Final[Mapping[str, FulfillmentChannel]] = {c.value: c for c in FulfillmentChannel}
STATUSES: Final[Mapping[str, OrderStatus]] = {s.value: s for s in OrderStatus}

# Keys of the example-file wrapper (`{"source", "request", "response"}` / `{"source", "document"}`).
_WRAPPER_KEYS: Final = frozenset({"source", "request", "response", "document"})
# Keys that only the other v0 per-order resources have (getOrderItems, getOrderBuyerInfo,
# getOrderAddress); a v0 `Order` always has `PurchaseDate` and `OrderStatus`.
_V0_OTHER_RESOURCE_KEYS: Final = frozenset(
    {"OrderItems", "BuyerEmail", "BuyerName", "BuyerCompanyName", "BuyerTaxInfo", "ShippingAddress"}
)
_DATE_TIME: Final = "an ISO 8601 date-time such as '2024-12-25T10:00:00Z'"
# Domain errors start with the field: "Order.latest_ship ...", "Money.currency ...", "amount: ..."
_DOMAIN_FIELD: Final = regex.compile(
    r"(?:(?:Order|OrderItem|Shipment|Money|Message|Attachment|Cancellation)\.)?(\w+)"
)
_ISO: Final = isoparser()
_SHOW_LIMIT: Final = 80
_MAX_WRAPPERS: Final = 8


class Options(NamedTuple):
    """Caller defaults for fields a payload may lack, and the public function's name."""

    marketplace_id: str | None
    fulfillment_channel: FulfillmentChannel | None
    func: str


# --- small helpers ---------------------------------------------------------------------------


def show(value: object) -> str:
    """``repr(value)``, shortened so one bad field cannot flood an error message."""
    text = repr(value)
    return text if len(text) <= _SHOW_LIMIT else f"{text[: _SHOW_LIMIT - 3]}..."


def allowed(choices: Mapping[str, object]) -> str:
    """The allowed spellings, quoted, for an ``expected one of ...`` message."""
    return ", ".join(repr(name) for name in choices)


def parse_timestamp(value: object) -> dt.datetime:
    """Parse an SP-API timestamp; a missing offset means UTC (see `order_from_sp_api`).

    Raises:
        TypeError: The value is not a string.
        ValueError: The value is not an ISO 8601 date-time.
    """
    if not isinstance(value, str):
        raise TypeError(f"expected {_DATE_TIME}, got {show(value)}")
    text = value.strip()
    try:
        _ISO.parse_isodate(text)
    except ValueError:
        pass  # more than a date (or not a date at all): parsed below
    else:
        msg = f"expected {_DATE_TIME} (a date-time, not just a date), got {show(value)}"
        raise ValueError(msg)
    try:
        parsed = _ISO.isoparse(text)
        offset = parsed.utcoffset()
        if offset is None:
            # SP-API documents every timestamp as UTC, so a missing offset is UTC
            return parsed.replace(tzinfo=dt.UTC)
        return parsed.replace(tzinfo=dt.UTC if not offset else dt.timezone(offset))
    except (ValueError, OverflowError):
        raise ValueError(f"expected {_DATE_TIME}, got {show(value)}") from None


def as_mapping(value: object, path: str, target: str) -> Mapping[Any, Any]:
    """``value`` if it is a JSON object; otherwise raise naming ``path``."""
    if not isinstance(value, Mapping):
        msg = f"{path}: expected a JSON object (a mapping), got {show(value)}"
        raise DeserializationError([msg], target=target)
    return value


def _raise_amazon_errors(obj: Mapping[Any, Any], path: str, target: str) -> None:
    """Raise if ``obj`` is an SP-API error body (``{"errors": [{"code", "message"}]}``)."""
    errors = obj.get("errors")
    if not errors:
        return
    if isinstance(errors, str | bytes) or not isinstance(errors, Sequence):
        msg = f"{path}.errors: SP-API returned errors: {show(errors)}"
        raise DeserializationError([msg], target=target)
    lines = []
    for i, error in enumerate(errors):
        where = f"{path}.errors[{i}]"
        if isinstance(error, Mapping):
            line = f"{where}: SP-API error {error.get('code')!s}: {error.get('message')!s}"
            details = error.get("details")
            lines.append(f"{line} (details: {details!s})" if details else line)
        else:
            lines.append(f"{where}: SP-API error {show(error)}")
    raise DeserializationError(lines, target=target)


def unwrap(payload: object, root: str, target: str) -> tuple[Mapping[Any, Any], str]:
    """Peel the example-file wrapper and the v0 ``payload`` wrapper; raise on error bodies.

    Returns:
        The innermost object and its JSON path.
    """
    path = root
    obj = as_mapping(payload, path, target)
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
        obj = as_mapping(obj[key], path, target)
    msg = f"{path}: expected data, got more than {_MAX_WRAPPERS} nested wrappers"
    raise DeserializationError([msg], target=target)


# --- shape recognition -----------------------------------------------------------------------


def is_v0_other_resource(obj: Mapping[Any, Any]) -> bool:
    """A v0 getOrderItems/getOrderBuyerInfo/getOrderAddress payload rather than an Order."""
    return (
        "PurchaseDate" not in obj
        and "OrderStatus" not in obj
        and bool(_V0_OTHER_RESOURCE_KEYS & set(obj))
    )


def is_v0_order(obj: Mapping[Any, Any]) -> bool:
    """A v0 ``Order``: it has an order id or a purchase date, and is no other v0 resource."""
    return ("AmazonOrderId" in obj or "PurchaseDate" in obj) and not is_v0_other_resource(obj)


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


def describe(obj: Mapping[Any, Any]) -> str:
    """Say what an object that is not the expected shape looks like."""
    keys = {str(key) for key in obj}
    if not keys:
        return "an empty object (a 201 create response carries no data)"
    if is_v0_order(obj):
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


def shape_error(
    obj: Mapping[Any, Any], path: str, expected: str, target: str
) -> DeserializationError:
    """The error for an object of another shape: what was expected and what it looks like."""
    return DeserializationError(
        [f"{path}: expected {expected}, got {describe(obj)}"], target=target
    )


# --- reading one JSON object -----------------------------------------------------------------


class Reader:
    """One JSON object being read: its data, its JSON path and the shared problem list.

    Every accessor records a ``$.path: expected ..., got ...`` line instead of raising and
    returns ``None`` for a bad or absent value, so that all problems are reported at once.
    JSON ``null`` counts as absent.
    """

    __slots__ = ("data", "path", "problems")

    def __init__(self, data: Mapping[Any, Any], path: str, problems: list[str]) -> None:
        """Read ``data``, found at ``path``, recording problems in ``problems``."""
        self.data = data
        self.path = path
        self.problems = problems

    def at(self, key: str) -> str:
        """The JSON path of ``key``."""
        return f"{self.path}.{key}"

    def get(self, key: str) -> Any:
        """The raw value at ``key`` (``None`` if absent)."""
        return self.data.get(key)

    def problem(self, key: str, message: str) -> None:
        """Record a problem with the value at ``key``."""
        self.problems.append(f"{self.at(key)}: {message}")

    def missing(self, key: str, expected: str) -> None:
        """Record that the required ``key`` is absent or ``null``."""
        if key in self.data:
            self.problem(key, f"expected {expected}, got None")
        else:
            self.problem(key, f"missing; expected {expected}")

    def sub(self, key: str) -> Reader | None:
        """The object at ``key``; an empty one if absent, ``None`` if it is not an object."""
        value = self.get(key)
        if value is None:
            return Reader({}, self.at(key), self.problems)
        if not isinstance(value, Mapping):
            self.problem(key, f"expected an object, got {show(value)}")
            return None
        return Reader(value, self.at(key), self.problems)

    def elements(self, key: str) -> list[tuple[str, Any]]:
        """The items of the array at ``key`` with their paths; empty if absent."""
        value = self.get(key)
        if value is None:
            return []
        if isinstance(value, str | bytes) or not isinstance(value, Sequence):
            self.problem(key, f"expected an array, got {show(value)}")
            return []
        return [(f"{self.at(key)}[{i}]", item) for i, item in enumerate(value)]

    def objects(self, key: str) -> list[Reader]:
        """The objects in the array at ``key``; empty if absent."""
        readers = []
        for path, item in self.elements(key):
            if isinstance(item, Mapping):
                readers.append(Reader(item, path, self.problems))
            else:
                self.problems.append(f"{path}: expected an object, got {show(item)}")
        return readers

    def strings(self, key: str) -> list[str]:
        """The strings in the array at ``key``; empty if absent."""
        found = []
        for path, item in self.elements(key):
            if isinstance(item, str):
                found.append(item)
            else:
                self.problems.append(f"{path}: expected a string, got {show(item)}")
        return found

    def text(self, key: str, *, required: bool = False) -> str | None:
        """A string; an optional empty string counts as absent."""
        value = self.get(key)
        if value is None:
            if required:
                self.missing(key, "a non-empty string")
            return None
        if not isinstance(value, str):
            self.problem(key, f"expected a string, got {show(value)}")
            return None
        if not value.strip():
            if required:
                self.problem(key, f"expected a non-empty string, got {show(value)}")
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
            return parse_timestamp(value)
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
        self.problem(key, f"expected a whole number >= 0, got {show(value)}")
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
        self.problem(key, f"expected true or false, got {show(value)}")
        return False

    def choice(self, key: str, choices: Mapping[str, _T], *, required: bool = False) -> _T | None:
        """One of a closed set of strings, mapped to its domain value."""
        value = self.get(key)
        if value is None:
            if required:
                self.missing(key, f"one of {allowed(choices)}")
            return None
        if isinstance(value, str) and value in choices:
            return choices[value]
        self.problem(key, f"expected one of {allowed(choices)}, got {show(value)}")
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
            obj.problem(amount, f"expected a decimal string such as '12.50', got {show(value)}")
        code = obj.get(currency)
        if code is None:
            obj.missing(currency, "an ISO 4217 currency code such as 'USD'")
        paths = {"amount": obj.at(amount), "currency": obj.at(currency)}
        values = {"amount": value, "currency": code}
        return build(Money, values, paths, obj, start)


def build(
    cls: Callable[..., _T],
    values: Mapping[str, Any],
    paths: Mapping[str, str],
    r: Reader,
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


# --- field groups shared by the order shapes -------------------------------------------------


def _check_window(r: Reader, first: str, last: str, start: Any, end: Any) -> None:
    """Record a problem if the window's start (key ``first``) is after its end (``last``)."""
    if start is not None and end is not None and start > end:
        r.problem(
            last,
            f"expected a time at or after {r.at(first)} ({r.get(first)!r}), got {r.get(last)!r}",
        )


def windows(
    ship: tuple[Reader | None, str, str],
    delivery: tuple[Reader | None, str, str],
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


def marketplace(r: Reader, key: str, opts: Options) -> str | None:
    """The marketplace id at ``key``, else the caller's default, else a problem."""
    if r.get(key) is None:
        if opts.marketplace_id is not None:
            return opts.marketplace_id
        found = "got None" if key in r.data else "missing"
        r.problem(key, f"{found}; pass marketplace_id=... to {opts.func}")
        return None
    return r.text(key, required=True)


def channel(
    r: Reader, key: str, choices: Mapping[str, FulfillmentChannel], opts: Options, note: str = ""
) -> FulfillmentChannel | None:
    """The fulfillment channel at ``key``, else the caller's default, else a problem."""
    if r.get(key) is None:
        if opts.fulfillment_channel is not None:
            return opts.fulfillment_channel
        found = "got None" if key in r.data else "missing"
        r.problem(key, f"{found}; pass fulfillment_channel=... to {opts.func}{note}")
        return None
    return r.choice(key, choices)


# --- the caller's arguments and the end of a read --------------------------------------------


def options(marketplace_id: object, fulfillment_channel: object, func: str, target: str) -> Options:
    """Check the caller's defaults (they are arguments, so the "path" is the argument name)."""
    problems = []
    default_id = marketplace_id if isinstance(marketplace_id, str) else None
    if marketplace_id is not None and (default_id is None or not default_id.strip()):
        problems.append(f"marketplace_id=: expected a non-empty string, got {show(marketplace_id)}")
    chosen = None
    if isinstance(fulfillment_channel, FulfillmentChannel):
        chosen = fulfillment_channel
    elif isinstance(fulfillment_channel, str) and fulfillment_channel in CHANNELS:
        chosen = CHANNELS[fulfillment_channel]
    elif fulfillment_channel is not None:
        problems.append(
            f"fulfillment_channel=: expected FulfillmentChannel.AFN or .MFN (or 'AFN'/'MFN'), "
            f"got {show(fulfillment_channel)}"
        )
    if problems:
        raise DeserializationError(problems, target=target)
    return Options(default_id, chosen, func)


def finish(problems: list[str], target: str) -> None:
    """Raise a DeserializationError listing ``problems``, if there are any."""
    if problems:
        raise DeserializationError(problems, target=target)


def result(value: _T | None, problems: list[str], target: str) -> _T:
    """``value``, or a DeserializationError listing ``problems`` (a value is None only then)."""
    if problems or value is None:
        raise DeserializationError(problems or ["$: nothing could be read"], target=target)
    return value
