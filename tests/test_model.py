import datetime as dt
import decimal

import attrs
import pytest

import sellerpolicy
from sellerpolicy import (
    Attachment,
    Claim,
    Feedback,
    FeedbackClass,
    FulfillmentChannel,
    Message,
    MessageKind,
    Money,
    Order,
    OrderItem,
    ReturnRequest,
    Shipment,
)
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError, SellerPolicyError

T0 = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)


def minimal_order(**overrides: object) -> Order:
    fields = {
        "order_id": "113-4567890-1234567",
        "marketplace_id": "ATVPDKIKX0DER",
        "purchased_at": T0,
        "fulfillment_channel": "AFN",
    }
    fields.update(overrides)
    return Order(**fields)  # type: ignore[arg-type]


class TestOrder:
    def test_minimal(self):
        """An order needs only its id, marketplace, purchase time and channel."""
        order = minimal_order()

        assert FulfillmentChannel.AFN == order.fulfillment_channel
        assert () == order.items
        assert order.marketplace is not None
        assert "USD" == order.marketplace.currency

    def test_enum_accepts_string_value(self):
        """Enum fields accept their string values."""
        assert (
            FulfillmentChannel.MFN is minimal_order(fulfillment_channel="MFN").fulfillment_channel
        )

    def test_unknown_enum_names_field(self):
        """An unknown enum value is an error naming the field and the allowed values."""
        with pytest.raises(
            InvalidValueError, match=r"Order\.fulfillment_channel: 'FBA'.*'AFN', 'MFN'"
        ):
            minimal_order(fulfillment_channel="FBA")

    def test_naive_datetime_names_field(self):
        """A naive datetime is a clear error naming the field."""
        with pytest.raises(InvalidValueError, match=r"Order\.purchased_at must be timezone-aware"):
            minimal_order(purchased_at=dt.datetime(2026, 3, 1))  # noqa: DTZ001

    def test_naive_optional_datetime(self):
        """Optional datetimes must be aware too."""
        with pytest.raises(ValueError, match=r"Order\.delivered_at"):
            minimal_order(delivered_at=dt.datetime(2026, 3, 1))  # noqa: DTZ001

    def test_wrong_type_names_field(self):
        """A wrong type is a TypeError naming the field."""
        with pytest.raises(InvalidTypeError, match=r"Order\.purchased_at must be a datetime"):
            minimal_order(purchased_at="2026-03-01")

    @pytest.mark.parametrize("bad", ["", "   "])
    def test_empty_order_id(self, bad):
        """An empty order id is refused."""
        with pytest.raises(InvalidValueError, match=r"Order\.order_id must not be empty"):
            minimal_order(order_id=bad)

    def test_window_order(self):
        """The earliest delivery may not be after the latest."""
        with pytest.raises(InvalidValueError, match="earliest_delivery"):
            minimal_order(earliest_delivery=T0 + dt.timedelta(days=3), latest_delivery=T0)

    def test_items_become_tuple(self):
        """Collections are stored as tuples."""
        order = minimal_order(items=[OrderItem(asin="B07XJ8C8F5")])

        assert isinstance(order.items, tuple)

    def test_items_reject_strings(self):
        """A string is not silently split into items."""
        with pytest.raises(InvalidTypeError):
            minimal_order(items="B07XJ8C8F5")

    def test_frozen(self):
        """Domain values are immutable; evolve makes a changed copy."""
        order = minimal_order()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            order.order_id = "x"  # type: ignore[misc]

        assert "x" == attrs.evolve(order, order_id="x").order_id

    def test_unknown_marketplace_is_allowed(self):
        """An order from a marketplace we do not know still loads; its marketplace is None."""
        assert minimal_order(marketplace_id="XXXX").marketplace is None


class TestMoney:
    def test_decimal_from_string(self):
        """Amounts are Decimals; strings are converted."""
        assert decimal.Decimal("19.99") == Money("19.99", "USD").amount

    def test_float_refused(self):
        """A float amount is refused."""
        with pytest.raises(InvalidTypeError, match=r"got 19\.99"):
            Money(19.99, "USD")  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["usd", "US", "DOLLAR"])
    def test_currency_code(self, bad):
        """Currencies are ISO 4217 codes."""
        with pytest.raises(InvalidValueError, match="ISO 4217"):
            Money("1", bad)

    def test_not_a_number(self):
        """A non-decimal string is refused."""
        with pytest.raises(InvalidValueError, match="decimal"):
            Money("12,50", "EUR")


class TestFeedback:
    @pytest.mark.parametrize(
        ("rating", "cls"),
        [(1, "negative"), (2, "negative"), (3, "neutral"), (4, "positive"), (5, "positive")],
    )
    def test_classes(self, rating, cls):
        """Ratings 4-5 are positive, 3 neutral, 1-2 negative."""
        assert FeedbackClass(cls) is Feedback(order_id="1", rating=rating, left_at=T0).rating_class

    @pytest.mark.parametrize("rating", [0, 6, -1])
    def test_rating_range(self, rating):
        """Ratings outside 1-5 are refused."""
        with pytest.raises(InvalidValueError, match="1-5"):
            Feedback(order_id="1", rating=rating, left_at=T0)

    def test_rating_not_bool(self):
        """True is not a rating."""
        with pytest.raises(InvalidTypeError):
            Feedback(order_id="1", rating=True, left_at=T0)


class TestOthers:
    def test_message_defaults(self):
        """A message is a proactive seller text by default."""
        message = Message(body="Hello")

        assert MessageKind.PROACTIVE is message.kind
        assert message.kind.is_proactive

    def test_message_kind_properties(self):
        """Kinds know whether they are proactive or solicitations."""
        assert not MessageKind.REPLY.is_proactive
        assert MessageKind.REVIEW_REQUEST.is_solicitation

    def test_attachment_size(self):
        """Sizes are non-negative."""
        with pytest.raises(InvalidValueError):
            Attachment(file_name="a.pdf", size_bytes=-1)

    def test_return_request_order(self):
        """An item cannot be received before it was requested."""
        with pytest.raises(InvalidValueError):
            ReturnRequest(
                order_id="1",
                requested_at=T0,
                reason="defective",
                received_at=T0 - dt.timedelta(days=1),
            )

    def test_claim(self):
        """A claim takes string enum values."""
        claim = Claim(order_id="1", kind="a_to_z", reason="not_received", filed_at=T0)

        assert "open" == claim.status

    def test_shipment_order(self):
        """Delivery cannot precede shipping."""
        with pytest.raises(InvalidValueError):
            Shipment(shipped_at=T0, delivered_at=T0 - dt.timedelta(hours=1))

    def test_errors_share_a_root(self):
        """Every error derives from SellerPolicyError."""
        for name in sellerpolicy.exceptions.__all__:
            assert issubclass(getattr(sellerpolicy.exceptions, name), SellerPolicyError)
