"""One order's timeline: the order and its events, validated once and ordered by time."""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING, TypeVar

import attrs

from sellerpolicy import _checks
from sellerpolicy._decisions import EventRef
from sellerpolicy._events import EVENT_TYPES, Event, event_time, event_type
from sellerpolicy._marketplaces import Marketplace
from sellerpolicy._model import Message, MessageSender, Order
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

__all__ = ["OrderTimeline", "describe"]

_T = TypeVar("_T")
_EVENT_CLASSES = tuple(EVENT_TYPES)


def describe(event: Event) -> str:
    """A short description of an event for findings: ``buyer inquiry``, ``refund``."""
    if isinstance(event, Message):
        if event.sender is MessageSender.SELLER:
            automated = "automated " if event.automated else ""
            return f"{automated}seller {event.kind.value.replace('_', ' ')}"
        return f"{event.sender.value} {event.kind.value.replace('_', ' ')}"
    detail = next(
        (
            str(getattr(event, name))
            for name in ("problem", "action", "reason", "by")
            if hasattr(event, name)
        ),
        "",
    )
    kind = event_type(event).replace("_", " ")
    return f"{kind} ({detail})" if detail else kind


@attrs.frozen
class OrderTimeline:
    """An order and its events in time order; build it with `OrderTimeline.build`.

    Attributes:
        order: The order.
        events: The events, oldest first (ties keep the caller's order).
        positions: For each event, its index in the sequence the caller passed.
        assumptions: What was assumed while building it (e.g. events re-ordered by time).
    """

    order: Order
    events: tuple[Event, ...]
    positions: tuple[int, ...]
    assumptions: tuple[str, ...] = ()

    @classmethod
    def build(cls, order: Order, events: Iterable[Event] = ()) -> OrderTimeline:
        """Check ``order`` and ``events`` and order the events by time.

        Raises:
            InvalidTypeError: ``order`` is not an `Order`, or an event is not an event type.
            InvalidValueError: The order's marketplace is unknown; an event belongs to another
                order, has no time (a draft message), happened before the purchase, or is given
                twice. The error's ``field`` names the event (``events[3].order_id``).
        """
        if not isinstance(order, Order):
            raise InvalidTypeError(
                f"order must be an Order, got {order!r}", field="order", value=order
            )
        Marketplace.get(order.marketplace_id)
        given: tuple[Event, ...] = _checks.sequence_of(events, _EVENT_CLASSES, "events")
        seen: dict[object, int] = {}
        for i, event in enumerate(given):
            field = f"events[{i}]"
            if event.order_id != order.order_id:
                msg = (
                    f"{field}.order_id is {event.order_id!r}, but the order is "
                    f"{order.order_id!r}; pass each order's events with that order"
                )
                raise InvalidValueError(msg, field=f"{field}.order_id", value=event.order_id)
            when = event_time(event)
            time_field = f"{field}.{EVENT_TYPES[type(event)][1]}"
            if when is None:
                msg = f"{time_field} is missing: a timeline event needs its time (a sent message)"
                raise InvalidValueError(msg, field=time_field, value=None)
            if when.astimezone(UTC) < order.purchased_at.astimezone(UTC):
                msg = (
                    f"{time_field} ({when.isoformat()}) is before the purchase "
                    f"({order.purchased_at.isoformat()})"
                )
                raise InvalidValueError(msg, field=time_field, value=when)
            if event in seen:
                msg = f"{field} repeats events[{seen[event]}]; pass each event once"
                raise InvalidValueError(msg, field=field, value=event)
            seen[event] = i
        order_index = sorted(range(len(given)), key=lambda i: _time(given[i]))
        assumptions: tuple[str, ...] = ()
        if order_index != list(range(len(given))):
            assumptions = ("events were given out of time order and were sorted by time",)
        return cls(
            order=order,
            events=tuple(given[i] for i in order_index),
            positions=tuple(order_index),
            assumptions=assumptions,
        )

    @property
    def marketplace(self) -> Marketplace:
        """The order's marketplace (its zone and calendar)."""
        return Marketplace.get(self.order.marketplace_id)

    def entries(self) -> Iterable[tuple[int, Event]]:
        """``(caller's index, event)`` pairs, oldest first."""
        return zip(self.positions, self.events, strict=True)

    def of_type(self, kind: type[_T]) -> list[tuple[int, _T]]:
        """The events of one type with their caller's index, oldest first."""
        return [(i, e) for i, e in self.entries() if isinstance(e, kind)]

    def messages(self, *, sender: MessageSender | None = None) -> list[tuple[int, Message]]:
        """The messages, optionally of one sender, oldest first."""
        return [(i, m) for i, m in self.of_type(Message) if sender is None or m.sender is sender]

    def buyer_contacts(self) -> list[tuple[int, Message]]:
        """Messages from the buyer (any buyer kind), oldest first."""
        return [
            (i, m) for i, m in self.messages(sender=MessageSender.BUYER) if m.kind.is_buyer_kind
        ]

    def ref(self, index: int) -> EventRef:
        """Evidence pointing at the event the caller passed at ``index``."""
        event = self.events[self.positions.index(index)]
        at = event_time(event)
        if at is None:  # pragma: no cover - build() refuses events without a time
            raise InvalidValueError(f"events[{index}] has no time", field=f"events[{index}]")
        return EventRef(type=event_type(event), at=at, index=index, summary=describe(event))

    def order_ref(self, what: str, at: dt.datetime) -> EventRef:
        """Evidence pointing at one of the order's own dates (``latest delivery date``)."""
        return EventRef(type="order", at=at, index=None, summary=what)

    @property
    def delivered_at(self) -> dt.datetime | None:
        """When the order was delivered: the order's own date, else its last shipment's."""
        if self.order.delivered_at is not None:
            return self.order.delivered_at
        dates = [s.delivered_at for s in self.order.shipments if s.delivered_at is not None]
        return max(dates) if dates else None

    def completion(self) -> tuple[dt.datetime | None, str]:
        """When the order completed (delivery, else the latest EDD), and which it was."""
        if self.delivered_at is not None:
            return self.delivered_at, "delivery"
        if self.order.latest_delivery is not None:
            return self.order.latest_delivery, "latest estimated delivery date"
        return None, "no delivery date"

    def solicitations(self) -> list[tuple[int, Message]]:
        """Review or feedback requests sent for the order, oldest first.

        The seller's and Amazon's Request a Review (`Message.requests_review`).
        """
        return [(i, m) for i, m in self.messages() if m.requests_review]


def _time(event: Event) -> dt.datetime:
    when = event_time(event)
    if when is None:  # pragma: no cover - checked before sorting
        raise InvalidValueError("event without a time")
    # through UTC: two times in one zone compare by wall clock, wrong in a DST fall-back hour
    return when.astimezone(UTC)
