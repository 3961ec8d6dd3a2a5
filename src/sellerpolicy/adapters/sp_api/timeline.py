"""An order's timeline from SP-API payloads: the order, its items and its notifications."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, cast

import attrs
import regex

from sellerpolicy._events import EVENT_TYPES, event_time, event_type
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.adapters.sp_api import orders
from sellerpolicy.adapters.sp_api._reader import finish, options, show, unwrap
from sellerpolicy.adapters.sp_api.notifications import (
    Found,
    change_events,
    locate,
    order_from_notification,
)
from sellerpolicy.exceptions import DeserializationError, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from sellerpolicy._events import Event
    from sellerpolicy._model import FulfillmentChannel, Order

__all__ = ["timeline_from_sp_api"]

_TARGET: Final = "OrderTimeline"
_EVENT_INDEX: Final = regex.compile(r"events\[(\d+)\]")
_NOTIFICATION_KEYS: Final = frozenset(
    {"NotificationType", "Payload", "OrderChangeNotification", "detail-type"}
)
_EVENT_CLASSES: Final = tuple(EVENT_TYPES)
_EVENT_NAMES: Final = ", ".join(cls.__name__ for cls in _EVENT_CLASSES)


def timeline_from_sp_api(
    order_payload: Mapping[str, Any],
    *,
    items: Mapping[str, Any] | None = None,
    notifications: Iterable[Mapping[str, Any]] = (),
    events: Iterable[Event] = (),
    marketplace_id: str | None = None,
    fulfillment_channel: FulfillmentChannel | str | None = None,
) -> OrderTimeline:
    """Build a validated `OrderTimeline` from SP-API payloads for one order.

    The order comes from ``order_payload`` alone: a getOrder response in any shape
    `order_from_sp_api` accepts, or an ``ORDER_CHANGE`` notification (read as by
    `order_from_notification`). The events are the caller's ``events`` (already built, e.g.
    with `message_from_messaging_request`) followed by those of each notification in
    ``notifications`` (see `events_from_notification`). A notification given as
    ``order_payload`` gives no events unless it is in ``notifications`` too.

    SP-API may deliver a notification more than once, so an event read from several
    notifications is kept once. What was assumed (a cancellation dated at ``EventTime``, a
    cancellation nobody is named for, a repeat dropped) is in the timeline's
    ``assumptions``, after `OrderTimeline.build`'s own. An event's ``index`` in evidence is
    its position in ``events``; notification events follow, in the notifications' order.

    Args:
        order_payload: The getOrder response, or an ORDER_CHANGE notification.
        items: An Orders v0 getOrderItems response for the order; its items replace the
            order's.
        notifications: ORDER_CHANGE notifications about the order, in any accepted shape.
        events: Events the caller already has for the order.
        marketplace_id: Used when ``order_payload`` (a getOrder response) has no
            marketplace id.
        fulfillment_channel: Used when ``order_payload`` (a getOrder response) has no
            fulfillment channel.

    Returns:
        The order and its events, validated and in time order.

    Raises:
        DeserializationError: A payload is an SP-API error body or of another shape, or has
            bad or missing fields; a notification is about another order; an event is not an
            event, belongs to another order, has no time, happened before the purchase or is
            given twice; or the order's marketplace is unknown. Every problem is listed with its
            path: ``$`` for ``order_payload``, ``items=$``, ``notifications[1]=$`` and
            ``events[2]``.
    """
    problems: list[str] = []
    order = _order(order_payload, items, marketplace_id, fulfillment_channel, problems)
    given = _events(events, problems)
    found = _notification_events(notifications, order, problems)
    finish(problems, _TARGET)
    if order is None:  # pragma: no cover - a missing order always leaves a problem
        raise DeserializationError(["$: nothing could be read"], target=_TARGET)
    kept, assumptions = _once(found)
    sources = [f"events[{i}]" for i in range(len(given))] + [f.time_path for f in kept]
    try:
        timeline = OrderTimeline.build(order, [*given, *(f.event for f in kept)])
    except (InvalidValueError, InvalidTypeError) as exc:
        line = _build_problem(exc, sources, len(given))
        raise DeserializationError([line], target=_TARGET) from None
    if not assumptions:
        return timeline
    return attrs.evolve(timeline, assumptions=(*timeline.assumptions, *assumptions))


def _order(
    payload: Mapping[str, Any],
    items: Mapping[str, Any] | None,
    marketplace_id: str | None,
    fulfillment_channel: FulfillmentChannel | str | None,
    problems: list[str],
) -> Order | None:
    """Read the order (with its items); record problems instead of raising them."""
    try:
        opts = options(marketplace_id, fulfillment_channel, "timeline_from_sp_api", _TARGET)
        obj, path = unwrap(payload, "$", _TARGET)
        if _NOTIFICATION_KEYS & set(obj):
            order: Order | None = order_from_notification(payload)
        else:
            order = orders.one_order(obj, path, problems, opts, _TARGET)
        return orders.with_items(order, items, problems, _TARGET)
    except DeserializationError as exc:
        problems.extend(line for line in exc.errors if line not in problems)
        return None


def _events(events: object, problems: list[str]) -> list[Event]:
    """The caller's events; anything that is not an event is a problem."""
    if isinstance(events, str | bytes | Mapping) or not isinstance(events, Iterable):
        problems.append(f"events=: expected a sequence of events, got {show(events)}")
        return []
    given: list[Event] = []
    for i, event in enumerate(events):
        if isinstance(event, _EVENT_CLASSES):
            given.append(cast("Event", event))
        else:
            problems.append(f"events[{i}]: expected an event ({_EVENT_NAMES}), got {show(event)}")
    return given


def _notification_events(
    notifications: object, order: Order | None, problems: list[str]
) -> list[Found]:
    """The events of every notification, checked against the order."""
    if isinstance(notifications, str | bytes | Mapping) or not isinstance(notifications, Iterable):
        problems.append(
            "notifications=: expected a sequence of ORDER_CHANGE notifications (put one in a "
            f"list), got {show(notifications)}"
        )
        return []
    found: list[Found] = []
    for i, notification in enumerate(notifications):
        try:
            where = locate(notification, f"notifications[{i}]=$", _TARGET)
        except DeserializationError as exc:
            problems.extend(exc.errors)
            continue
        order_id = None if order is None else order.order_id
        for item in change_events(where, problems, order_id=order_id):
            at = event_time(item.event)
            if order is not None and at is not None and at < order.purchased_at:
                problems.append(
                    f"{item.time_path}: the {event_type(item.event)} at {at.isoformat()} is "
                    f"before the purchase ({order.purchased_at.isoformat()})"
                )
            else:
                found.append(item)
    return found


def _once(found: list[Found]) -> tuple[list[Found], list[str]]:
    """Keep each notification event once; say which repeats were dropped."""
    kept: list[Found] = []
    first: dict[object, Found] = {}
    assumptions: list[str] = []
    for item in found:
        if item.event in first:
            assumptions.append(
                f"{item.time_path} repeats the {event_type(item.event)} of "
                f"{first[item.event].time_path} (SP-API may deliver a notification more than "
                "once); it was counted once"
            )
            continue
        first[item.event] = item
        kept.append(item)
        assumptions.extend(item.assumptions)
    return kept, assumptions


def _build_problem(
    exc: InvalidValueError | InvalidTypeError, sources: list[str], given: int
) -> str:
    """Turn `OrderTimeline.build`'s error into a line naming the caller's path."""
    message = str(exc)
    match = _EVENT_INDEX.match(exc.field or "")
    if match is None:
        return f"$: {message}"  # the order's own problem: its marketplace is unknown
    index = int(match.group(1))
    if index < given:
        return f"{exc.field}: {message}"
    # a notification's event: name it by its JSON path, not by its place in the combined list
    return f"{sources[index]}: {_EVENT_INDEX.sub('this event', message, count=1)}"
