import datetime as dt
import decimal
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import sellerpolicy
from sellerpolicy import Feedback, Message, Order, Policy, Span, from_json
from sellerpolicy._events import OptOut, Refund
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.exceptions import (
    DeserializationError,
    InvalidPolicyError,
    InvalidTypeError,
    InvalidValueError,
    SellerPolicyError,
)

from . import strategies as s

T0 = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
ORDER = Order(
    order_id="113-0000000-0000001",
    marketplace_id="ATVPDKIKX0DER",
    purchased_at=T0,
    fulfillment_channel="MFN",
)


def inquiry(hours: float) -> Message:
    return Message(
        body="Where is my order?",
        kind="inquiry",
        sender="buyer",
        order_id=ORDER.order_id,
        sent_at=T0 + dt.timedelta(hours=hours),
    )


class TestBuild:
    def test_sorted_with_assumption(self):
        """Events given out of order are sorted by time, and the timeline says so."""
        late, early = inquiry(5), inquiry(1)

        timeline = OrderTimeline.build(ORDER, [late, early])

        assert (early, late) == timeline.events
        assert (1, 0) == timeline.positions
        assert timeline.assumptions

    def test_fall_back_hour_sorted_by_instant(self):
        """Two events in the repeated DST hour are ordered by instant, not by wall clock."""
        zone = sellerpolicy.Marketplace.get("ATVPDKIKX0DER").tz
        first = dt.datetime(2026, 11, 1, 1, 50, tzinfo=zone)  # PDT, before the clocks go back
        second = dt.datetime(2026, 11, 1, 1, 10, fold=1, tzinfo=zone)  # PST, 20 minutes later
        a, b = (attrs.evolve(inquiry(0), sent_at=t) for t in (first, second))

        timeline = OrderTimeline.build(ORDER, [b, a])

        assert (a, b) == timeline.events

    def test_in_order_no_assumption(self):
        """Events already in time order are kept as given, with nothing assumed."""
        timeline = OrderTimeline.build(ORDER, [inquiry(1), inquiry(2)])

        assert () == timeline.assumptions

    @pytest.mark.parametrize(
        ("events", "field", "match"),
        [
            ([inquiry(1), inquiry(1)], "events[1]", "repeats events\\[0\\]"),
            (
                [OptOut(order_id="113-9999999-9999999", at=T0)],
                "events[0].order_id",
                "pass each order's events",
            ),
            (
                [Refund(order_id=ORDER.order_id, at=T0 - dt.timedelta(days=1))],
                "events[0].at",
                "before the purchase",
            ),
            (
                [Message(body="draft", order_id=ORDER.order_id)],
                "events[0].sent_at",
                "needs its time",
            ),
            (
                [Feedback(order_id=ORDER.order_id, rating=1, left_at=T0 - dt.timedelta(hours=1))],
                "events[0].left_at",
                "before the purchase",
            ),
        ],
        ids=[
            "duplicate",
            "other-order",
            "before-purchase",
            "draft-message",
            "feedback-before-order",
        ],
    )
    def test_bad_events_named(self, events, field, match):
        """Each bad event is an InvalidValueError whose field names the event."""
        with pytest.raises(InvalidValueError, match=match) as info:
            OrderTimeline.build(ORDER, events)

        assert field == info.value.field

    def test_not_an_event(self):
        """A value that is not an event is an InvalidTypeError naming its index."""
        with pytest.raises(InvalidTypeError) as info:
            OrderTimeline.build(ORDER, [inquiry(1), "refund"])

        assert "events[1]" == info.value.field

    def test_unknown_marketplace(self):
        """An order of an unknown marketplace cannot be counted in any calendar."""
        order = Order(
            order_id="1", marketplace_id="NOPE", purchased_at=T0, fulfillment_channel="AFN"
        )

        with pytest.raises(InvalidValueError, match="unknown marketplace_id") as info:
            OrderTimeline.build(order, [])

        assert "marketplace_id" == info.value.field

    def test_ref_points_at_callers_index(self):
        """Evidence names the event by its index in the caller's sequence."""
        timeline = OrderTimeline.build(ORDER, [inquiry(5), inquiry(1)])

        ref = timeline.ref(0)

        assert (0, T0 + dt.timedelta(hours=5), "message") == (ref.index, ref.at, ref.type)
        assert "buyer inquiry" == ref.summary

    @given(s.timelines())
    def test_any_valid_timeline_builds(self, data):
        """Any order with its own events after the purchase builds, sorted by time."""
        order, events = data

        timeline = OrderTimeline.build(order, events)

        times = [sellerpolicy._events.event_time(e) for e in timeline.events]
        assert times == sorted(times)
        assert sorted(timeline.positions) == list(range(len(events)))


class TestEventSerialization:
    @given(s.timelines())
    def test_tagged_events_round_trip(self, data):
        """Events of any type serialize with their type tag and load back."""
        from sellerpolicy._converter import converter, unstructure_event
        from sellerpolicy._events import Event

        _, events = data
        for event in events:
            dumped = json.loads(json.dumps(unstructure_event(event)))

            assert event == converter().structure(dumped, Event)


class TestBadInputAtEveryEntry:
    """The escapes a fresh-eyes review found are errors that name the argument."""

    def test_from_json_none(self):
        """from_json(Order, None) names the input, not a TypeError from json."""
        with pytest.raises(DeserializationError, match="expected JSON text"):
            from_json(Order, None)

    def test_from_toml_none(self):
        """Policy.from_toml(None) is an InvalidPolicyError naming the path."""
        with pytest.raises(InvalidPolicyError) as info:
            Policy.from_toml(None)

        assert "path" == info.value.field

    @pytest.mark.parametrize(
        ("args", "field"),
        [
            (("a", "b"), "Span.start"),
            ((1.5, 2.5), "Span.start"),
            ((1, 2.5), "Span.end"),
            ((3, 1), "Span.end"),
        ],
        ids=["strings", "floats", "float-end", "reversed"],
    )
    def test_span_values(self, args, field):
        """Span refuses non-int offsets (1.5 was accepted) and reversed ranges."""
        with pytest.raises(SellerPolicyError) as info:
            Span(*args)

        assert field == info.value.field

    def test_sp_api_price_too_large(self):
        """An SP-API unit price of 1e999999999 is a DeserializationError, not decimal.Overflow."""
        path = Path(__file__).parent / "data" / "sp-api" / "orders-2026-01-01.getOrder.json"
        payload = json.loads(path.read_text(encoding="utf-8"))

        def walk(node):
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "amount" and isinstance(value, str):
                        node[key] = "1e999999999"
                    else:
                        walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(payload)

        with pytest.raises(DeserializationError, match="too large"):
            sellerpolicy.order_from_sp_api(payload)

    def test_money_too_large(self):
        """Money refuses amounts beyond any real price with an error naming the field."""
        with pytest.raises(InvalidValueError) as info:
            sellerpolicy.Money(decimal.Decimal("1e40"), "USD")

        assert "Money.amount" == info.value.field
