"""One private cattrs converter for every domain and decision type."""

from __future__ import annotations

import json
from typing import Any, TypeVar

import attrs
import cattrs

from sellerpolicy import _decisions, _events, _model
from sellerpolicy._converter import InvalidDataError, converter, resolve
from sellerpolicy.exceptions import DeserializationError, InvalidTypeError, SellerPolicyError

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
    _events.Refund,
    _events.Cancellation,
    _events.OrderProblem,
    _events.InformationRequest,
    _events.PhoneCall,
    _events.OptOut,
    _events.SellerAction,
    _decisions.Span,
    _decisions.EventRef,
    _decisions.Finding,
    _decisions.NotJudged,
    _decisions.MessageReport,
)
"""Every type `to_dict`/`from_dict` and `to_json`/`from_json` handle."""

for _cls in SERIALIZABLE_TYPES:
    resolve(_cls)


def _format_leaf(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, InvalidDataError | SellerPolicyError):
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
    # every attrs value the package defines serializes (decision types of each family included)
    if cls in SERIALIZABLE_TYPES or (
        attrs.has(cls) and getattr(cls, "__module__", "").startswith("sellerpolicy.")
    ):
        return
    names = ", ".join(t.__name__ for t in SERIALIZABLE_TYPES)
    msg = f"cannot serialize {cls!r}; supported types: {names} and every decision type"
    raise InvalidTypeError(msg, field="cls", value=cls)


def to_dict(value: object) -> dict[str, Any]:
    """Turn a domain or decision value into JSON-ready data.

    Datetimes become ISO 8601 strings, enums their values and `Decimal` a string.

    Raises:
        TypeError: ``value`` is not one of `SERIALIZABLE_TYPES`.
    """
    _check_type(type(value))
    data: dict[str, Any] = converter().unstructure(value)
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
        return converter().structure(data, cls)
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
