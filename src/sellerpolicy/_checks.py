"""One set of value checks for every public entry: errors name the field and carry the value."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
from collections.abc import Iterable
from typing import TypeVar

from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

__all__ = [
    "MAX_DAYS",
    "aware_datetime",
    "decimal_amount",
    "enum_member",
    "integer",
    "sequence_of",
    "text",
]

_E = TypeVar("_E", bound=enum.Enum)
_T = TypeVar("_T")

MAX_DAYS = 36_600
"""The longest span, in days, any window or count may have (about a century)."""

# Amounts beyond this exponent are not money; Decimal arithmetic on them raises Overflow
_MAX_EXPONENT = 30


def aware_datetime(value: object, field: str) -> dt.datetime:
    """``value`` if it is a timezone-aware datetime.

    Raises:
        InvalidTypeError: ``value`` is not a datetime.
        InvalidValueError: ``value`` is naive.
    """
    if not isinstance(value, dt.datetime):
        raise InvalidTypeError(
            f"{field} must be a datetime, got {value!r}", field=field, value=value
        )
    if value.tzinfo is None or value.utcoffset() is None:
        msg = (
            f"{field} must be timezone-aware, got naive {value!r}; "
            "pass e.g. datetime(..., tzinfo=datetime.UTC)"
        )
        raise InvalidValueError(msg, field=field, value=value)
    return value


def integer(
    value: object, field: str, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """``value`` if it is an ``int`` (not a bool) within ``[minimum, maximum]``.

    Raises:
        InvalidTypeError: ``value`` is not an int (``1.5``, ``True``, ``"3"``).
        InvalidValueError: ``value`` is out of range.
    """
    # bool is an int, but a count of True is always a mistake
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"{field} must be an int, got {value!r}", field=field, value=value)
    if minimum is not None and value < minimum:
        raise InvalidValueError(
            f"{field} must be >= {minimum}, got {value!r}", field=field, value=value
        )
    if maximum is not None and value > maximum:
        raise InvalidValueError(
            f"{field} must be <= {maximum}, got {value!r}", field=field, value=value
        )
    return value


def decimal_amount(value: object, field: str) -> decimal.Decimal:
    """``value`` as a finite `Decimal` of a sane size; ints and decimal strings are converted.

    Floats are refused: ``0.1 + 0.2`` is not money.

    Raises:
        InvalidTypeError: ``value`` is a float or another type.
        InvalidValueError: ``value`` is not a decimal number, not finite, or absurdly large.
    """
    if isinstance(value, decimal.Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = decimal.Decimal(value)
    elif isinstance(value, str):
        try:
            result = decimal.Decimal(value.strip())
        except decimal.InvalidOperation:
            msg = f"{field}: expected a decimal string, got {value!r}"
            raise InvalidValueError(msg, field=field, value=value) from None
    else:
        msg = f"{field}: expected a Decimal, int or decimal string, got {value!r}"
        raise InvalidTypeError(msg, field=field, value=value)
    if not result.is_finite():
        raise InvalidValueError(f"{field}: must be finite, got {value!r}", field=field, value=value)
    if result and result.adjusted() > _MAX_EXPONENT:
        msg = f"{field}: {value!r} is too large to be an amount of money"
        raise InvalidValueError(msg, field=field, value=value)
    return result


def enum_member(enum_cls: type[_E], value: object, field: str) -> _E:
    """``value`` as a member of ``enum_cls`` (a member or its value).

    Raises:
        InvalidValueError: ``value`` is not a member's value; the message lists the allowed ones.
    """
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in enum_cls)
        msg = f"{field}: {value!r} is not a valid {enum_cls.__name__}; expected one of {allowed}"
        raise InvalidValueError(msg, field=field, value=value) from None


def text(value: object, field: str, *, non_empty: bool = False) -> str:
    """``value`` if it is a ``str`` (and, with ``non_empty``, not blank).

    Raises:
        InvalidTypeError: ``value`` is not a str.
        InvalidValueError: ``value`` is blank and must not be.
    """
    if not isinstance(value, str):
        raise InvalidTypeError(f"{field} must be str, got {value!r}", field=field, value=value)
    if non_empty and not value.strip():
        raise InvalidValueError(
            f"{field} must not be empty, got {value!r}", field=field, value=value
        )
    return value


def sequence_of(
    value: object, kinds: type[_T] | tuple[type[_T], ...], field: str
) -> tuple[_T, ...]:
    """``value`` as a tuple whose every item is one of ``kinds``.

    A string is never a sequence of items (``tuple("abc")`` would split it).

    Raises:
        InvalidTypeError: ``value`` is not a sequence, or an item has the wrong type; the field
            names the item (``events[3]``).
    """
    types = kinds if isinstance(kinds, tuple) else (kinds,)
    names = " or ".join(t.__name__ for t in types)
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = f"{field} must be a sequence of {names}, got {value!r}"
        raise InvalidTypeError(msg, field=field, value=value)
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, types):
            msg = f"{field}[{i}] must be {names}, got {item!r}"
            raise InvalidTypeError(msg, field=f"{field}[{i}]", value=item)
    return items
