"""The one private cattrs converter: hooks for datetimes, money, strict scalars, enums, events."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
from typing import TYPE_CHECKING, Any

import attrs
import regex
from cattrs.preconf.json import make_converter
from dateutil.parser import isoparse

from sellerpolicy import _codes, _events, _model
from sellerpolicy._checks import MAX_DAYS

if TYPE_CHECKING:
    import cattrs

__all__ = ["InvalidDataError", "converter", "format_timedelta", "parse_timedelta"]


class InvalidDataError(ValueError):
    """A leaf error whose message is shown as is, after the path."""


def _structure_datetime(value: Any, _: type) -> dt.datetime:
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = isoparse(value)
        except (ValueError, OverflowError):
            raise InvalidDataError(f"expected an ISO 8601 datetime, got {value!r}") from None
    else:
        raise InvalidDataError(f"expected an ISO 8601 datetime string, got {value!r}")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise InvalidDataError(
            f"expected a datetime with a UTC offset (e.g. 'Z' or '+00:00'), got {value!r}"
        )
    return parsed


def _structure_decimal(value: Any, _: type) -> decimal.Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | decimal.Decimal):
        raise InvalidDataError(f"expected a decimal string, got {value!r}")
    try:
        result = decimal.Decimal(value)
    except decimal.InvalidOperation:
        raise InvalidDataError(f"expected a decimal string, got {value!r}") from None
    if not result.is_finite():
        raise InvalidDataError(f"expected a finite decimal, got {value!r}")
    return result


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise InvalidDataError(f"expected a string, got {value!r}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidDataError(f"expected an integer, got {value!r}")
    return value


def _structure_str_tuple(value: Any, _: type) -> tuple[str, ...]:
    # cattrs would turn "abc" into ('a', 'b', 'c'): a string is never a list of strings
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidDataError(f"expected a list of strings, got {value!r}")
    for item in value:
        if not isinstance(item, str):
            raise InvalidDataError(f"expected a list of strings, got an item {item!r}")
    return tuple(value)


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise InvalidDataError(f"expected true or false, got {value!r}")
    return value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise InvalidDataError(f"expected one of {allowed}, got {value!r}") from None


_DURATION = regex.compile(
    r"(-)?P(?:(\d{1,6})D)?(?:T(?:(\d{1,7})H)?(?:(\d{1,9})M)?(?:(\d{1,11})(?:\.(\d{1,6}))?S)?)?",
    regex.V1,
)


def format_timedelta(value: dt.timedelta) -> str:
    """An ISO 8601 duration (``P1DT2H30M``, ``-PT5M``) for a timedelta."""
    sign = "-" if value < dt.timedelta(0) else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    day = f"{value.days}D" if value.days else ""
    clock = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M")) if n)
    if seconds or value.microseconds:
        clock += f"{seconds}.{value.microseconds:06d}S" if value.microseconds else f"{seconds}S"
    if not day and not clock:
        return "PT0S"
    return f"{sign}P{day}" + (f"T{clock}" if clock else "")


def parse_timedelta(value: Any, _: type = dt.timedelta) -> dt.timedelta:
    """Read an ISO 8601 duration written by `format_timedelta`."""
    match = _DURATION.fullmatch(value) if isinstance(value, str) else None
    if match is None or value in {"P", "-P", "PT", "-PT"}:
        raise InvalidDataError(f"expected an ISO 8601 duration such as 'PT24H', got {value!r}")
    sign, days, hours, minutes, seconds, micro = match.groups()
    if int(days or 0) > MAX_DAYS:
        raise InvalidDataError(f"duration {value!r} is longer than {MAX_DAYS} days")
    delta = dt.timedelta(
        days=int(days or 0),
        hours=int(hours or 0),
        minutes=int(minutes or 0),
        seconds=int(seconds or 0),
        microseconds=int((micro or "0").ljust(6, "0")),
    )
    return -delta if sign else delta


def _enums() -> tuple[type[enum.Enum], ...]:
    found: list[type[enum.Enum]] = []
    for module in (_codes, _model, _events):
        found.extend(
            obj
            for obj in vars(module).values()
            if isinstance(obj, type)
            and issubclass(obj, enum.Enum)
            and obj.__module__ == module.__name__
            and obj not in found
        )
    return tuple(found)


def _structure_event(value: Any, _: type) -> _events.Event:
    if not isinstance(value, dict):
        raise InvalidDataError(f"expected an event object with a 'type', got {value!r}")
    tags = {tag: cls for cls, (tag, _) in _events.EVENT_TYPES.items()}
    tag = value.get("type")
    if tag not in tags:
        allowed = ", ".join(repr(t) for t in tags)
        raise InvalidDataError(f"event 'type' must be one of {allowed}, got {tag!r}")
    data = {k: v for k, v in value.items() if k != "type"}
    event: _events.Event = converter().structure(data, tags[tag])
    return event


def unstructure_event(event: _events.Event) -> dict[str, Any]:
    """An event as data, tagged with its ``type``."""
    data: dict[str, Any] = converter().unstructure(event)
    return {"type": _events.event_type(event), **data}


@functools.cache
def converter() -> cattrs.Converter:
    """The converter, built once: strict scalars, ISO 8601 times, decimal strings, enum values."""
    conv = make_converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(dt.datetime, lambda d: d.isoformat())
    conv.register_structure_hook(dt.datetime, _structure_datetime)
    conv.register_unstructure_hook(dt.timedelta, format_timedelta)
    conv.register_structure_hook(dt.timedelta, parse_timedelta)
    conv.register_unstructure_hook(decimal.Decimal, str)
    conv.register_structure_hook(decimal.Decimal, _structure_decimal)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_func(lambda t: t == tuple[str, ...], _structure_str_tuple)
    # Our enums are StrEnums: registered one by one so the `str` hook does not claim them.
    for enum_cls in _enums():
        conv.register_structure_hook(enum_cls, _structure_enum)
        conv.register_unstructure_hook(enum_cls, lambda e: e.value)
    conv.register_structure_hook_func(lambda t: t == _events.Event, _structure_event)
    conv.register_unstructure_hook_func(lambda t: t == _events.Event, unstructure_event)
    return conv


def resolve(cls: type) -> None:
    """Resolve ``cls``'s string annotations (PEP 563) so cattrs can pick hooks for its fields."""
    if attrs.has(cls):
        attrs.resolve_types(cls)
