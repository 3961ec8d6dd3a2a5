"""One private cattrs converter for every domain and decision type."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import json
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.preconf.json import make_converter
from dateutil.parser import isoparse

from sellerpolicy import _decisions, _model
from sellerpolicy._codes import Code, Edition, Severity
from sellerpolicy.exceptions import DeserializationError, SellerPolicyError

__all__ = ["SERIALIZABLE_TYPES", "from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")

SERIALIZABLE_TYPES: tuple[type, ...] = (
    _model.Money,
    _model.OrderItem,
    _model.Shipment,
    _model.Order,
    _model.Attachment,
    _model.Message,
    _model.Feedback,
    _model.ReturnRequest,
    _model.Claim,
    _decisions.Span,
    _decisions.Finding,
    _decisions.MessageReport,
)
"""Every type `to_dict`/`from_dict` and `to_json`/`from_json` handle."""


_ENUMS: tuple[type[enum.Enum], ...] = (
    *(
        obj
        for obj in vars(_model).values()
        if isinstance(obj, type)
        and issubclass(obj, enum.Enum)
        and obj.__module__ == _model.__name__
    ),
    Code,
    Edition,
    Severity,
)


class _InvalidError(ValueError):
    """A leaf error whose message is shown as is, after the path."""


def _structure_datetime(value: Any, _: type) -> dt.datetime:
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = isoparse(value)
        except (ValueError, OverflowError):
            raise _InvalidError(f"expected an ISO 8601 datetime, got {value!r}") from None
    else:
        raise _InvalidError(f"expected an ISO 8601 datetime string, got {value!r}")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise _InvalidError(
            f"expected a datetime with a UTC offset (e.g. 'Z' or '+00:00'), got {value!r}"
        )
    return parsed


def _structure_decimal(value: Any, _: type) -> decimal.Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | decimal.Decimal):
        raise _InvalidError(f"expected a decimal string, got {value!r}")
    try:
        result = decimal.Decimal(value)
    except decimal.InvalidOperation:
        raise _InvalidError(f"expected a decimal string, got {value!r}") from None
    if not result.is_finite():
        raise _InvalidError(f"expected a finite decimal, got {value!r}")
    return result


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise _InvalidError(f"expected a string, got {value!r}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _InvalidError(f"expected an integer, got {value!r}")
    return value


def _structure_str_tuple(value: Any, _: type) -> tuple[str, ...]:
    # cattrs would turn "abc" into ('a', 'b', 'c'): a string is never a list of strings
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise _InvalidError(f"expected a list of strings, got {value!r}")
    for item in value:
        if not isinstance(item, str):
            raise _InvalidError(f"expected a list of strings, got an item {item!r}")
    return tuple(value)


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise _InvalidError(f"expected true or false, got {value!r}")
    return value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise _InvalidError(f"expected one of {allowed}, got {value!r}") from None


@functools.cache
def _converter() -> cattrs.Converter:
    for cls in SERIALIZABLE_TYPES:
        # annotations are strings (PEP 563); cattrs needs the real types to pick hooks
        attrs.resolve_types(cls)
    conv = make_converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(dt.datetime, lambda d: d.isoformat())
    conv.register_structure_hook(dt.datetime, _structure_datetime)
    conv.register_unstructure_hook(decimal.Decimal, str)
    conv.register_structure_hook(decimal.Decimal, _structure_decimal)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_func(lambda t: t == tuple[str, ...], _structure_str_tuple)
    # Our enums are StrEnums: registered one by one so the `str` hook does not claim them.
    for enum_cls in _ENUMS:
        conv.register_structure_hook(enum_cls, _structure_enum)
        conv.register_unstructure_hook(enum_cls, lambda e: e.value)
    return conv


def _format_leaf(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, _InvalidError | SellerPolicyError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(exc.extra_fields))}"
    name = getattr(type_, "__name__", str(type_))
    return f"invalid value for {name}: {exc}"


def _path_messages(exc: Exception) -> list[str]:
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return [f"$: {_format_leaf(exc, None)}"]
    if not isinstance(exc, cattrs.BaseValidationError):
        return [f"$: {_format_leaf(exc, None)}"]
    lines = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_format_leaf):
        message, _, path = line.rpartition(" @ ")
        lines.append(f"{path}: {message}")
    return lines


def _check_type(cls: type) -> None:
    if cls not in SERIALIZABLE_TYPES:
        names = ", ".join(t.__name__ for t in SERIALIZABLE_TYPES)
        raise TypeError(f"cannot serialize {cls!r}; supported types: {names}")


def to_dict(value: object) -> dict[str, Any]:
    """Turn a domain or decision value into JSON-ready data.

    Datetimes become ISO 8601 strings, enums their values and `Decimal` a string.

    Raises:
        TypeError: ``value`` is not one of `SERIALIZABLE_TYPES`.
    """
    _check_type(type(value))
    data: dict[str, Any] = _converter().unstructure(value)
    return data


def from_dict(cls: type[T], data: Any) -> T:
    """Build a ``cls`` value from data made by `to_dict` (or written by hand).

    Raises:
        DeserializationError: The data does not fit; every problem is listed with its path,
            e.g. ``$.items[0].price.amount: expected a decimal string, got 12.5``.
        TypeError: ``cls`` is not one of `SERIALIZABLE_TYPES`.
    """
    _check_type(cls)
    if not isinstance(data, dict):
        raise DeserializationError([f"$: expected an object, got {data!r}"], target=cls.__name__)
    try:
        return _converter().structure(data, cls)
    except Exception as exc:
        raise DeserializationError(_path_messages(exc), target=cls.__name__) from exc


def to_json(value: object, *, indent: int | None = None) -> str:
    """Serialize a domain or decision value to a JSON string (see `to_dict`)."""
    return json.dumps(to_dict(value), indent=indent, ensure_ascii=False, sort_keys=False)


def from_json(cls: type[T], text: str | bytes) -> T:
    """Parse a JSON string made by `to_json` into a ``cls`` value.

    Raises:
        DeserializationError: The text is not JSON, or the data does not fit ``cls``.
    """
    if not isinstance(text, str | bytes | bytearray):
        msg = f"$: expected JSON text (str or bytes), got {type(text).__name__} {text!r:.80}"
        raise DeserializationError([msg], target=getattr(cls, "__name__", str(cls)))
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DeserializationError([f"$: invalid JSON: {exc}"], target=cls.__name__) from exc
    except ValueError as exc:  # e.g. an integer literal beyond Python's digit limit
        raise DeserializationError([f"$: unreadable JSON: {exc}"], target=cls.__name__) from exc
    except RecursionError as exc:
        raise DeserializationError(["$: JSON nested too deeply"], target=cls.__name__) from exc
    return from_dict(cls, data)
