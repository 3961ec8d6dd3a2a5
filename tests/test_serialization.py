import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import (
    Attachment,
    Claim,
    Feedback,
    Finding,
    Message,
    MessageReport,
    Money,
    Order,
    OrderItem,
    ReturnRequest,
    Shipment,
    Span,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from sellerpolicy._decisions import EventRef, NotJudged
from sellerpolicy._events import (
    Cancellation,
    InformationRequest,
    OptOut,
    OrderProblem,
    PhoneCall,
    Refund,
    SellerAction,
)
from sellerpolicy.exceptions import DeserializationError

from . import strategies as s

ROUND_TRIPS = [
    (Money, s.money()),
    (OrderItem, s.order_items()),
    (Shipment, s.shipments()),
    (Order, s.orders()),
    (Attachment, s.attachments()),
    (Message, s.messages()),
    (Feedback, s.feedbacks()),
    (ReturnRequest, s.return_requests()),
    (Claim, s.claims()),
    (Refund, s.refunds()),
    (Cancellation, s.cancellations()),
    (OrderProblem, s.order_problems()),
    (InformationRequest, s.information_requests()),
    (PhoneCall, s.phone_calls()),
    (OptOut, s.opt_outs()),
    (SellerAction, s.seller_actions()),
    (Span, s.spans()),
    (EventRef, s.event_refs()),
    (Finding, s.findings()),
    (NotJudged, s.not_judged()),
    (MessageReport, s.message_reports()),
]


class TestRoundTrip:
    @pytest.mark.parametrize(
        ("cls", "strategy"), ROUND_TRIPS, ids=[c.__name__ for c, _ in ROUND_TRIPS]
    )
    @given(data=st.data())
    def test_json_round_trip(self, cls, strategy, data):
        """Every serializable type survives to_json/from_json unchanged."""
        value = data.draw(strategy)

        assert value == from_json(cls, to_json(value))

    @pytest.mark.parametrize(
        ("cls", "strategy"), ROUND_TRIPS, ids=[c.__name__ for c, _ in ROUND_TRIPS]
    )
    @given(data=st.data())
    def test_dict_is_plain_json(self, cls, strategy, data):
        """to_dict produces only plain JSON types."""
        value = data.draw(strategy)
        assert isinstance(value, cls)

        assert to_dict(value) == json.loads(json.dumps(to_dict(value)))

    def test_every_type_covered(self):
        """The round-trip table covers every serializable type."""
        assert set(sellerpolicy._serialization.SERIALIZABLE_TYPES) == {
            cls for cls, _ in ROUND_TRIPS
        }


ORDER = {
    "order_id": "113-4567890-1234567",
    "marketplace_id": "ATVPDKIKX0DER",
    "purchased_at": "2026-03-01T12:00:00Z",
    "fulfillment_channel": "AFN",
}


class TestFormats:
    def test_iso_datetimes_enums_decimals(self):
        """Datetimes are ISO 8601, enums values, Decimals strings."""
        order = from_dict(Order, {**ORDER, "total": {"amount": "19.99", "currency": "USD"}})
        data = to_dict(order)

        assert "2026-03-01T12:00:00+00:00" == data["purchased_at"]
        assert "AFN" == data["fulfillment_channel"]
        assert {"amount": "19.99", "currency": "USD"} == data["total"]
        assert dt.UTC.utcoffset(None) == order.purchased_at.utcoffset()

    def test_unsupported_type(self):
        """Serializing something else is a TypeError naming the supported types."""
        with pytest.raises(TypeError, match="supported types"):
            to_dict(object())


class TestErrors:
    @pytest.mark.parametrize(
        ("change", "expected"),
        [
            (
                {"purchased_at": "2026-03-01T12:00:00"},
                "$.purchased_at: expected a datetime with a UTC offset",
            ),
            (
                {"purchased_at": "yesterday"},
                "$.purchased_at: expected an ISO 8601 datetime, got 'yesterday'",
            ),
            (
                {"fulfillment_channel": "FBA"},
                "$.fulfillment_channel: expected one of 'AFN', 'MFN', got 'FBA'",
            ),
            ({"order_id": 123}, "$.order_id: expected a string, got 123"),
            ({"is_prime": "yes"}, "$.is_prime: expected true or false, got 'yes'"),
            (
                {"total": {"amount": 12.5, "currency": "USD"}},
                "$.total.amount: expected a decimal string, got 12.5",
            ),
            (
                {"items": [{"asin": "B0", "quantity": -1}]},
                "$.items[0]: OrderItem.quantity must be >= 0, got -1",
            ),
            ({"colour": "red"}, "$: unknown field(s) colour"),
            ({"order_id": ""}, "$: Order.order_id must not be empty"),
        ],
    )
    def test_path_in_message(self, change, expected):
        """Bad fields are reported with their JSON path."""
        with pytest.raises(DeserializationError) as info:
            from_dict(Order, {**ORDER, **change})

        assert any(e.startswith(expected) for e in info.value.errors), info.value.errors

    def test_missing_fields(self):
        """Every missing required field is listed."""
        with pytest.raises(DeserializationError) as info:
            from_dict(Order, {})

        assert {
            "$.order_id: required field missing",
            "$.purchased_at: required field missing",
        } <= set(info.value.errors)

    @pytest.mark.parametrize("text", ["{bad", "", "[1, 2", "\x00"])
    def test_malformed_json(self, text):
        """Malformed JSON is a DeserializationError, not a JSONDecodeError."""
        with pytest.raises(DeserializationError, match=r"\$: invalid JSON"):
            from_json(Order, text)

    @pytest.mark.parametrize("data", [[], "x", 1, None])
    def test_not_an_object(self, data):
        """Top-level data must be an object."""
        with pytest.raises(DeserializationError, match=r"\$: expected an object"):
            from_dict(Order, data)

    def test_deeply_nested(self):
        """Absurdly nested JSON is refused cleanly."""
        with pytest.raises(DeserializationError):
            from_json(Order, "[" * 100_000 + "]" * 100_000)

    def test_is_value_error(self):
        """DeserializationError is a ValueError."""
        assert issubclass(DeserializationError, ValueError)
