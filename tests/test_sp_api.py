"""Tests for the SP-API adapters in sellerpolicy.adapters.sp_api."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import sellerpolicy
from sellerpolicy._events import Cancellation, CancellationReason, Party
from sellerpolicy._model import (
    Attachment,
    FulfillmentChannel,
    Message,
    MessageKind,
    MessageSender,
    Money,
    Order,
    OrderItem,
    OrderStatus,
    Shipment,
)
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.adapters.sp_api import (
    buyer_locale_from_sp_api,
    events_from_notification,
    message_from_messaging_request,
    messaging_actions_from_sp_api,
    order_from_notification,
    order_from_sp_api,
    order_items_from_sp_api,
    orders_from_sp_api,
    timeline_from_sp_api,
)
from sellerpolicy.exceptions import DeserializationError, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

DATA = Path(__file__).parent / "data" / "sp-api"
SHARED = Path(__file__).parents[2] / "shared" / "data" / "sp-api"
FILES = sorted(DATA.glob("*.json"))


def load(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def sp_api_payload(body: dict[str, Any]) -> dict[str, Any]:
    """What python-amazon-sp-api 2.1.35 stores in ``ApiResponse.payload`` for a body."""
    named = {"payload", "errors", "pagination", "headers", "nextToken"}
    return body.get("payload") or {k: v for k, v in body.items() if k not in named}


def raises(func: Callable[[Any], object], data: Any, *fragments: str) -> DeserializationError:
    """Call ``func(data)``, expect a DeserializationError and check its message."""
    with pytest.raises(DeserializationError) as info:
        func(data)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return info.value


def v0_order(**changes: Any) -> dict[str, Any]:
    """The v0 getOrder sandbox body, with ``payload`` fields changed (``None`` deletes)."""
    body = copy.deepcopy(load("orders-v0.getOrder.json")["response"])
    for key, value in changes.items():
        if value is None:
            body["payload"].pop(key, None)
        else:
            body["payload"][key] = value
    return body


def order_2026(name: str = "orders-2026-01-01.getOrder.json") -> dict[str, Any]:
    return copy.deepcopy(load(name)["response"])


def order_change_doc(**changes: Any) -> dict[str, Any]:
    """The ORDER_CHANGE example file with changes: ``Status``, ``Reason``, ``ChangeType``,
    ``Time``, ``BuyerCancel`` (item flag), ``OrderId`` (``None`` deletes the field)."""
    doc = load("notifications.ORDER_CHANGE.json")
    change = doc["document"]["Payload"]["OrderChangeNotification"]
    places = {
        "Status": (change["Summary"], "OrderStatus"),
        "Reason": (change["OrderChangeTrigger"], "ChangeReason"),
        "Time": (change["OrderChangeTrigger"], "TimeOfOrderChange"),
        "ChangeType": (change, "OrderChangeType"),
        "BuyerCancel": (change["Summary"]["OrderItems"][0], "IsBuyerRequestedCancel"),
        "OrderId": (change, "AmazonOrderId"),
    }
    for key, value in changes.items():
        obj, field = places[key]
        if value is None:
            obj.pop(field, None)
        else:
            obj[field] = value
    return doc


def canceled(**changes: Any) -> dict[str, Any]:
    """The ORDER_CHANGE example as it reads once the buyer's cancellation went through."""
    return order_change_doc(Status="Canceled", **changes)


def system_canceled(**changes: Any) -> dict[str, Any]:
    """A cancellation whose notification names no buyer request."""
    fields = {
        "Status": "Canceled",
        "ChangeType": "OrderStatusChange",
        "Reason": "Order Status Change",
        "BuyerCancel": False,
    }
    return order_change_doc(**(fields | changes))


CHANGE_TIME = utc(2022, 11, 29, 19, 42, 4, 284000)
EVENT_TIME = utc(2020, 1, 11, 0, 9, 53, 109000)  # the example's EventTime (before its purchase)
NOTIFIED_ID = "903-8868176-2219830"
CANCELED_TIME_PATH = (
    "notifications[0]=$.document.Payload.OrderChangeNotification.OrderChangeTrigger."
    "TimeOfOrderChange"
)


# --- what every example file must give -------------------------------------------------------

ALL_ACTIONS = (
    "confirmCustomizationDetails",
    "confirmDeliveryDetails",
    "legalDisclosure",
    "negativeFeedbackRemoval",
    "confirmOrderDetails",
    "confirmServiceDetails",
    "amazonMotors",
    "digitalAccessKey",
    "unexpectedProblem",
    "warranty",
    "attributes",
)


def created_empty(doc: dict[str, Any]) -> None:
    """A 201 create response is ``{}``: nothing to load, and every adapter says so."""
    assert doc["response"] == {}
    raises(messaging_actions_from_sp_api, doc, "$.response: expected", "empty object")
    raises(order_from_sp_api, doc, "$.response: expected", "empty object")


def created(
    kind: MessageKind, text: str = "", files: tuple[str, ...] = ()
) -> Callable[[dict[str, Any]], None]:
    """A create call: its 201 body is empty, and its request is the message that was sent."""

    def check(doc: dict[str, Any]) -> None:
        created_empty(doc)
        parameters = doc["request"]["parameters"]
        message = message_from_messaging_request(
            doc["source"]["operationId"],
            parameters.get("body", {}).get("value"),
            order_id=parameters["amazonOrderId"]["value"],
            sent_at=utc(2026, 3, 1),
        )
        assert message == Message(
            body=text,
            kind=kind,
            sender=MessageSender.SELLER,
            order_id="123-1234567-1234567",
            sent_at=utc(2026, 3, 1),
            attachments=tuple(Attachment(file_name=name) for name in files),
        )

    return check


def amazon_error(func: Callable[[Any], object]) -> Callable[[dict[str, Any]], None]:
    def check(doc: dict[str, Any]) -> None:
        raises(func, doc, "$.response.errors[0]:", "InvalidInput", "Invalid Input")

    return check


def get_attributes(doc: dict[str, Any]) -> None:
    assert buyer_locale_from_sp_api(doc) == "en-US"


def messaging_actions(doc: dict[str, Any]) -> None:
    assert messaging_actions_from_sp_api(doc) == ALL_ACTIONS


def solicitation_actions(doc: dict[str, Any]) -> None:
    assert messaging_actions_from_sp_api(doc) == ("productReviewAndSellerFeedback",)


def order_change(doc: dict[str, Any]) -> None:
    order = order_from_notification(doc)
    assert order.order_id == "903-8868176-2219830"
    assert order.marketplace_id == "ATVPDKIKX0DER"
    assert order.purchased_at == utc(2022, 7, 13, 19, 42, 4, 284000)
    assert order.fulfillment_channel is FulfillmentChannel.MFN
    assert order.status is OrderStatus.UNSHIPPED
    assert order.earliest_delivery == utc(2022, 11, 7, 19, 42, 4, 284000)
    assert order.latest_delivery == utc(2022, 12, 7, 19, 42, 4, 284000)
    assert order.is_business
    assert not order.is_prime
    assert order.items == ()  # summary items carry no ASIN
    assert order.delivered_at is None  # EasyShipShipmentStatus "Delivered" has no time
    # a buyer's request to cancel an Unshipped order is not a cancellation: no event
    assert events_from_notification(doc) == ()
    timeline = timeline_from_sp_api(doc, notifications=[doc])
    assert (timeline.order, timeline.events) == (order, ())


def v0_get_order(doc: dict[str, Any]) -> None:
    order = order_from_sp_api(doc)
    assert order == Order(
        order_id="902-1845936-5435065",
        marketplace_id="ATVPDKIKX0DER",
        purchased_at=utc(1970, 1, 19, 3, 58, 30),
        fulfillment_channel=FulfillmentChannel.MFN,
        status=OrderStatus.UNSHIPPED,
        earliest_ship=utc(1970, 1, 19, 3, 59, 27),
        latest_ship=utc(1970, 1, 19, 4, 5, 13),
        earliest_delivery=utc(1970, 1, 19, 4, 6, 39),
        latest_delivery=utc(1970, 1, 19, 4, 15, 17),
        total=Money(Decimal("11.01"), "USD"),
    )


def v0_get_order_afn(doc: dict[str, Any]) -> None:
    order = order_from_sp_api(doc)
    assert order.order_id == "921-3175655-0452641"
    assert order.marketplace_id == "A1PA6795UKMFR9"
    assert order.purchased_at == utc(2019, 5, 7, 15, 42, 57, 58000)
    assert order.fulfillment_channel is FulfillmentChannel.AFN
    assert order.status is OrderStatus.SHIPPED
    assert order.is_business
    assert not order.is_prime
    assert order.total == Money(Decimal("100.00"), "EUR")
    assert order.latest_delivery == utc(2019, 5, 12, 21, 59, 59)


def v0_get_order_items(doc: dict[str, Any]) -> None:
    assert order_items_from_sp_api(doc) == (
        OrderItem(
            asin="B00551Q3CS",
            quantity=1,
            sku="NABetaASINB00551Q3CS",
            title="B00551Q3CS [Card Book]",
            price=Money(Decimal("10.00"), "USD"),
            order_item_id="05015851154158",
        ),
    )


def v0_get_orders_non_iso(doc: dict[str, Any]) -> None:
    # the page's CreatedBefore is not ISO 8601 in Amazon's sandbox; it is page metadata, ignored
    orders = orders_from_sp_api(doc)
    assert [o.order_id for o in orders] == ["902-1845936-5435065", "902-8745147-1934268"]


def v0_get_orders_page(doc: dict[str, Any]) -> None:
    (order,) = orders_from_sp_api(doc)
    assert order.order_id == "902-3159896-1390916"
    assert order.purchased_at == utc(2017, 1, 20, 19, 49, 35)
    assert order.status is OrderStatus.PENDING
    assert order.fulfillment_channel is FulfillmentChannel.MFN
    assert order.latest_ship == utc(2017, 1, 25, 19, 49, 35)
    assert order.latest_delivery is None
    assert order.total is None


def not_an_order(*fragments: str) -> Callable[[dict[str, Any]], None]:
    def check(doc: dict[str, Any]) -> None:
        raises(order_from_sp_api, doc, *fragments)

    return check


def br_get_order(doc: dict[str, Any]) -> None:
    order = order_from_sp_api(doc)
    assert order.order_id == "171-9876543-2109876"
    assert order.marketplace_id == "A2Q3Y263D00KWC"
    assert order.purchased_at == utc(2024, 12, 24, 20, 30)
    assert order.fulfillment_channel is FulfillmentChannel.MFN
    assert order.status is OrderStatus.UNSHIPPED
    assert order.is_prime
    assert not order.is_business
    assert order.total == Money(Decimal("299.90"), "BRL")
    assert (order.earliest_ship, order.latest_ship) == (
        utc(2024, 12, 26),
        utc(2024, 12, 27, 23, 59, 59),
    )
    assert (order.earliest_delivery, order.latest_delivery) == (
        utc(2024, 12, 28),
        utc(2024, 12, 31, 23, 59, 59),
    )
    (item,) = order.items
    assert item.asin == "B08N5WRWNW"
    assert item.sku == "ECHO-DOT-4-BR-PRETO"
    assert item.price == Money(Decimal("299.90"), "BRL")
    assert order.shipments == ()


def tr_get_order(doc: dict[str, Any]) -> None:
    order = order_from_sp_api(doc)
    assert order.order_id == "028-1234567-8901234"
    assert order.marketplace_id == "A33AVAJ2PDY3EV"
    assert order.status is OrderStatus.SHIPPED
    assert not order.is_business  # no `programs` in this sample, only buyer tax data
    (item,) = order.items
    assert item.quantity == 2
    assert item.price == Money(Decimal("125.00"), "TRY")  # 2 x unit price 62.50


def us_ispu_get_order(doc: dict[str, Any]) -> None:
    order = order_from_sp_api(doc)
    assert order.order_id == "114-9876543-1234567"
    assert order.fulfillment_channel is FulfillmentChannel.MFN
    assert (order.earliest_ship, order.latest_delivery) == (None, None)
    assert not order.is_prime
    assert order.total == Money(Decimal("49.99"), "USD")


def jp_search_orders(doc: dict[str, Any]) -> None:
    (order,) = orders_from_sp_api(doc)
    assert order.order_id == "250-1234567-8901234"
    assert order.marketplace_id == "A1VC38T7YXB528"
    assert order.fulfillment_channel is FulfillmentChannel.AFN
    assert order.status is OrderStatus.SHIPPED
    assert order.is_prime
    assert order.total == Money("19940", "JPY")
    assert order.latest_delivery is None  # the AFN sample has no deliverByWindow
    assert [(i.asin, i.quantity, i.price) for i in order.items] == [
        ("B08C1W5N87", 1, Money("5980", "JPY")),
        ("B07PFFMP9P", 2, Money("13960", "JPY")),
    ]


def br_business_search_orders(doc: dict[str, Any]) -> None:
    (order,) = orders_from_sp_api(doc)
    assert order.order_id == "171-2345678-9012345"
    assert order.is_business
    assert not order.is_prime
    assert order.fulfillment_channel is FulfillmentChannel.MFN
    assert order.total == Money(Decimal("1599.90"), "BRL")


def uk_packages_search_orders(doc: dict[str, Any]) -> None:
    (order,) = orders_from_sp_api(doc)
    assert order.order_id == "202-7654321-1098765"
    assert order.marketplace_id == "A1F83G8C2ARO7P"
    assert order.status is OrderStatus.SHIPPED
    assert order.shipments == (
        Shipment(
            carrier="DPD",
            tracking_number="15501234567890123456",
            shipped_at=utc(2024, 12, 25, 14, 0),
        ),
    )
    assert order.delivered_at is None


EXPECTED: dict[str, Callable[[dict[str, Any]], None]] = {
    "messaging-v1.CreateWarranty.json": created(MessageKind.WARRANTY, files=("warranty.txt",)),
    "messaging-v1.GetAttributes.json": get_attributes,
    "messaging-v1.confirmCustomizationDetails.json": created(
        MessageKind.CONFIRM_CUSTOMIZATION, "My Message", ("AmazonMotors.txt",) * 2
    ),
    "messaging-v1.createConfirmDeliveryDetails.json": created(
        MessageKind.CONFIRM_DELIVERY, "My Message"
    ),
    "messaging-v1.createConfirmOrderDetails.json": created(
        MessageKind.CONFIRM_ORDER_DETAILS, "My Message"
    ),
    "messaging-v1.createConfirmServiceDetails.json": created(
        MessageKind.CONFIRM_SERVICE, "My Message"
    ),
    "messaging-v1.createDigitalAccessKey.json": created(
        MessageKind.DIGITAL_ACCESS_KEY, "My Message", ("AmazonMotors.txt",) * 2
    ),
    "messaging-v1.createLegalDisclosure.json": created(
        MessageKind.LEGAL_DISCLOSURE, files=("AmazonMotors.txt",) * 2
    ),
    "messaging-v1.createNegativeFeedbackRemoval.removed.json": created(
        MessageKind.NEGATIVE_FEEDBACK_REMOVAL
    ),
    "messaging-v1.createUnexpectedProblem.json": created(
        MessageKind.UNEXPECTED_PROBLEM, "My Message"
    ),
    "messaging-v1.getMessagingActionsForOrder.400.json": amazon_error(
        messaging_actions_from_sp_api
    ),
    "messaging-v1.getMessagingActionsForOrder.json": messaging_actions,
    "messaging-v1.sendInvoice.json": created(MessageKind.INVOICE),
    "notifications.ORDER_CHANGE.json": order_change,
    "orders-2026-01-01.getOrder.json": br_get_order,
    "orders-2026-01-01.getOrder.tr-business.json": tr_get_order,
    "orders-2026-01-01.getOrder.us-ispu.json": us_ispu_get_order,
    "orders-2026-01-01.searchOrders.br-business.json": br_business_search_orders,
    "orders-2026-01-01.searchOrders.json": jp_search_orders,
    "orders-2026-01-01.searchOrders.uk-mfn-packages.json": uk_packages_search_orders,
    "orders-v0.getOrder.400.json": amazon_error(order_from_sp_api),
    "orders-v0.getOrder.afn-iba.json": v0_get_order_afn,
    "orders-v0.getOrder.json": v0_get_order,
    "orders-v0.getOrderAddress.json": not_an_order("$.response.payload:", "getOrderAddress"),
    "orders-v0.getOrderBuyerInfo.json": not_an_order("$.response.payload:", "getOrderBuyerInfo"),
    "orders-v0.getOrderItems.json": v0_get_order_items,
    "orders-v0.getOrders.json": v0_get_orders_non_iso,
    "orders-v0.getOrders.page1.json": v0_get_orders_page,
    "orders-v0.getOrders.page2.json": v0_get_orders_page,
    "reports.GET_V2_SELLER_PERFORMANCE_REPORT.json": not_an_order(
        "$.document: expected an Orders v0 Order", "account health report"
    ),
    "reports.columns.json": not_an_order("$: expected an Orders v0 Order", "'reports'"),
    "solicitations-v1.createProductReviewAndSellerFeedbackSolicitation.json": created(
        MessageKind.REVIEW_REQUEST
    ),
    "solicitations-v1.getSolicitationActionsForOrder.json": solicitation_actions,
}


class TestExampleFiles:
    def test_data_folder_is_present(self) -> None:
        """The shared SP-API examples sit next to the repository, as in CI."""
        assert DATA.is_dir(), f"missing {DATA}"
        assert FILES

    @pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
    def test_file_gives_its_expected_outcome(self, path: Path) -> None:
        """Every example file loads with its adapter or fails with a path-naming error."""
        if path.name not in EXPECTED:
            pytest.fail(f"new example file {path.name}: add its expected outcome to EXPECTED")
        EXPECTED[path.name](load(path.name))

    def test_no_stale_entries(self) -> None:
        """Every entry of the outcome table still has its example file."""
        assert set(EXPECTED) <= {path.name for path in FILES}

    @pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
    def test_adapters_never_mutate_their_input(self, path: Path) -> None:
        """The adapters are pure: the payload is the same after every call."""
        doc = load(path.name)
        before = copy.deepcopy(doc)
        for func in ALL_FUNCTIONS:
            with contextlib.suppress(DeserializationError):
                func(doc)
        assert doc == before


# --- the same data in every shape a caller may hold ------------------------------------------

SINGLE_ORDERS = [
    "orders-v0.getOrder.json",
    "orders-v0.getOrder.afn-iba.json",
    "orders-2026-01-01.getOrder.json",
    "orders-2026-01-01.getOrder.tr-business.json",
    "orders-2026-01-01.getOrder.us-ispu.json",
]
ORDER_PAGES = [
    "orders-v0.getOrders.page1.json",
    "orders-v0.getOrders.page2.json",
    "orders-2026-01-01.searchOrders.json",
    "orders-2026-01-01.searchOrders.br-business.json",
    "orders-2026-01-01.searchOrders.uk-mfn-packages.json",
]


def shapes(name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The example wrapper, the raw HTTP body and python-amazon-sp-api's ``payload``."""
    doc = load(name)
    yield "wrapper", doc
    yield "body", doc["response"]
    yield "sp_api_payload", sp_api_payload(doc["response"])


class TestShapes:
    @pytest.mark.parametrize("name", SINGLE_ORDERS)
    def test_single_order_shapes_agree(self, name: str) -> None:
        """getOrder via wrapper, body, response.payload and the bare order gives one Order."""
        results = {shape: order_from_sp_api(data) for shape, data in shapes(name)}
        body = load(name)["response"]
        results["bare"] = order_from_sp_api(body["payload"] if "payload" in body else body["order"])
        assert len(set(results.values())) == 1, results

    @pytest.mark.parametrize("name", ORDER_PAGES)
    def test_order_page_shapes_agree(self, name: str) -> None:
        """getOrders/searchOrders via wrapper, body and response.payload give the same Orders."""
        results = {shape: orders_from_sp_api(data) for shape, data in shapes(name)}
        assert len(set(results.values())) == 1, results
        assert results["body"]

    def test_sp_api_payload_drops_pagination(self) -> None:
        """The simulated python-amazon-sp-api payload of searchOrders has no pagination."""
        payload = sp_api_payload(load("orders-2026-01-01.searchOrders.json")["response"])
        assert set(payload) == {"orders", "createdBefore"}

    @pytest.mark.parametrize("name", SINGLE_ORDERS)
    def test_orders_from_single_order_is_one_tuple(self, name: str) -> None:
        """orders_from_sp_api on a getOrder response gives a 1-tuple."""
        assert orders_from_sp_api(load(name)) == (order_from_sp_api(load(name)),)

    def test_order_from_page_points_to_orders_function(self) -> None:
        """order_from_sp_api refuses a list of orders and names orders_from_sp_api."""
        raises(
            order_from_sp_api,
            load("orders-v0.getOrders.page1.json"),
            "$.response.payload:",
            "orders_from_sp_api",
        )

    def test_get_orders_loads_once_created_before_is_iso(self) -> None:
        """The sandbox getOrders orders themselves are fine; only CreatedBefore is bad."""
        body = load("orders-v0.getOrders.json")["response"]
        body["payload"]["CreatedBefore"] = "2019-09-26T18:16:22Z"
        orders = orders_from_sp_api(body)
        assert [o.order_id for o in orders] == ["902-1845936-5435065", "902-8745147-1934268"]

    def test_items_shapes_agree(self) -> None:
        """getOrderItems via wrapper, body and response.payload gives the same items."""
        results = {s: order_items_from_sp_api(d) for s, d in shapes("orders-v0.getOrderItems.json")}
        assert len(set(results.values())) == 1

    @pytest.mark.parametrize(
        "name",
        [
            "messaging-v1.getMessagingActionsForOrder.json",
            "solicitations-v1.getSolicitationActionsForOrder.json",
        ],
    )
    def test_actions_shapes_agree(self, name: str) -> None:
        """Actions via wrapper, body and response.payload give the same names."""
        results = {s: messaging_actions_from_sp_api(d) for s, d in shapes(name)}
        assert len(set(results.values())) == 1

    def test_locale_shapes_agree(self) -> None:
        """GetAttributes via wrapper, body and response.payload gives the same locale."""
        results = {
            s: buyer_locale_from_sp_api(d) for s, d in shapes("messaging-v1.GetAttributes.json")
        }
        assert set(results.values()) == {"en-US"}

    def test_notification_shapes_agree(self) -> None:
        """ORDER_CHANGE via wrapper, document, Payload, inner object and EventBridge agree."""
        doc = load("notifications.ORDER_CHANGE.json")
        document = doc["document"]
        event = {"version": "0", "detail-type": "ORDER_CHANGE", "source": "aws", "detail": document}
        inputs = [
            doc,
            document,
            document["Payload"],
            document["Payload"]["OrderChangeNotification"],
            event,
        ]
        assert len({order_from_notification(data) for data in inputs}) == 1

    def test_items_are_attached(self) -> None:
        """order_from_sp_api(..., items=getOrderItems) attaches the items to the order."""
        items = load("orders-v0.getOrderItems.json")
        order = order_from_sp_api(load("orders-v0.getOrder.json"), items=items)
        assert order.items == order_items_from_sp_api(items)
        assert order.items[0].asin == "B00551Q3CS"

    def test_items_for_another_order_are_refused(self) -> None:
        """Items whose AmazonOrderId differs from the order's are an error naming the path."""
        items = load("orders-v0.getOrderItems.json")
        items["response"]["payload"]["AmazonOrderId"] = "111-1111111-1111111"
        raises(
            lambda d: order_from_sp_api(d, items=items),
            load("orders-v0.getOrder.json"),
            "items=$.response.payload.AmazonOrderId:",
            "'902-1845936-5435065'",
        )

    def test_bad_items_are_reported_with_their_own_root(self) -> None:
        """A problem in the items argument is reported under ``items=$``."""
        items = load("orders-v0.getOrderItems.json")["response"]
        del items["payload"]["OrderItems"][0]["ASIN"]
        raises(
            lambda d: order_from_sp_api(d, items=items),
            load("orders-v0.getOrder.json"),
            "items=$.payload.OrderItems[0].ASIN: missing",
        )

    def test_items_of_a_2026_order(self) -> None:
        """order_items_from_sp_api also reads the orderItems of a 2026 order."""
        items = order_items_from_sp_api(load("orders-2026-01-01.getOrder.json"))
        assert items == order_from_sp_api(load("orders-2026-01-01.getOrder.json")).items

    def test_v0_order_has_no_items(self) -> None:
        """order_items_from_sp_api on a v0 Order says to call getOrderItems."""
        raises(order_items_from_sp_api, load("orders-v0.getOrder.json"), "getOrderItems")


# --- field mapping rules ---------------------------------------------------------------------


class TestFieldMapping:
    def test_payload_values_win_over_defaults(self) -> None:
        """Keyword defaults only fill fields the payload lacks."""
        order = order_from_sp_api(
            v0_order(),
            marketplace_id="A1F83G8C2ARO7P",
            fulfillment_channel=FulfillmentChannel.AFN,
        )
        assert order.marketplace_id == "ATVPDKIKX0DER"
        assert order.fulfillment_channel is FulfillmentChannel.MFN

    def test_missing_marketplace_needs_default(self) -> None:
        """A missing MarketplaceId is an error that names the path and the keyword."""
        raises(
            order_from_sp_api,
            v0_order(MarketplaceId=None),
            "$.payload.MarketplaceId: missing; pass marketplace_id=... to order_from_sp_api",
        )
        order = order_from_sp_api(v0_order(MarketplaceId=None), marketplace_id="A2EUQ1WTGCTBG2")
        assert order.marketplace_id == "A2EUQ1WTGCTBG2"

    def test_missing_channel_needs_default(self) -> None:
        """A missing FulfillmentChannel is an error that names the path and the keyword."""
        raises(
            order_from_sp_api,
            v0_order(FulfillmentChannel=None),
            "$.payload.FulfillmentChannel: missing; pass fulfillment_channel=... to order_from_sp_api",
        )
        for default in (FulfillmentChannel.AFN, "AFN"):
            order = order_from_sp_api(
                v0_order(FulfillmentChannel=None), fulfillment_channel=default
            )
            assert order.fulfillment_channel is FulfillmentChannel.AFN

    def test_orders_hint_names_orders_function(self) -> None:
        """The missing-field hint names the function that was called."""
        body = load("orders-v0.getOrders.page1.json")["response"]
        del body["payload"]["Orders"][0]["FulfillmentChannel"]
        raises(
            orders_from_sp_api,
            body,
            "$.payload.Orders[0].FulfillmentChannel: missing; pass fulfillment_channel=... "
            "to orders_from_sp_api",
        )

    def test_2026_without_fulfillment_block(self) -> None:
        """A 2026 order fetched without includedData=FULFILLMENT needs a channel default."""
        body = order_2026()
        del body["order"]["fulfillment"]
        raises(
            order_from_sp_api,
            body,
            "$.order.fulfillment.fulfilledBy: missing; pass fulfillment_channel=...",
            "includedData=FULFILLMENT",
        )
        order = order_from_sp_api(body, fulfillment_channel="MFN")
        assert order.fulfillment_channel is FulfillmentChannel.MFN
        assert order.status is None
        assert order.latest_delivery is None

    def test_2026_without_sales_channel(self) -> None:
        """A 2026 order without salesChannel names salesChannel.marketplaceId."""
        body = order_2026()
        del body["order"]["salesChannel"]
        raises(order_from_sp_api, body, "$.order.salesChannel.marketplaceId: missing")

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            ("PENDING_AVAILABILITY", OrderStatus.PENDING_AVAILABILITY),
            ("PENDING", OrderStatus.PENDING),
            ("UNSHIPPED", OrderStatus.UNSHIPPED),
            ("PARTIALLY_SHIPPED", OrderStatus.PARTIALLY_SHIPPED),
            ("SHIPPED", OrderStatus.SHIPPED),
            ("CANCELLED", OrderStatus.CANCELED),
            ("UNFULFILLABLE", OrderStatus.UNFULFILLABLE),
        ],
    )
    def test_2026_fulfillment_status(self, status: str, expected: OrderStatus) -> None:
        """Every 2026 fulfillmentStatus maps to the v0-spelled OrderStatus."""
        body = order_2026()
        body["order"]["fulfillment"]["fulfillmentStatus"] = status
        assert order_from_sp_api(body).status is expected

    @pytest.mark.parametrize(
        ("fulfilled_by", "expected"),
        [("AMAZON", FulfillmentChannel.AFN), ("MERCHANT", FulfillmentChannel.MFN)],
    )
    def test_2026_fulfilled_by(self, fulfilled_by: str, expected: FulfillmentChannel) -> None:
        """fulfilledBy AMAZON is AFN and MERCHANT is MFN."""
        body = order_2026()
        body["order"]["fulfillment"]["fulfilledBy"] = fulfilled_by
        assert order_from_sp_api(body).fulfillment_channel is expected

    @pytest.mark.parametrize(
        ("value", "expected"), [("true", True), ("false", False), ("TRUE", True), (True, True)]
    )
    def test_lenient_booleans(self, value: object, expected: bool) -> None:
        """IsPrime and IsBusinessOrder accept JSON booleans and "true"/"false" strings."""
        order = order_from_sp_api(v0_order(IsPrime=value, IsBusinessOrder=value))
        assert (order.is_prime, order.is_business) == (expected, expected)

    def test_unknown_keys_are_ignored(self) -> None:
        """Fields Amazon adds later do not change the result."""
        body = v0_order(BrandNewField={"x": [1, 2]}, AnotherFlag="yes")
        assert order_from_sp_api(body) == order_from_sp_api(v0_order())
        body_2026 = order_2026()
        body_2026["order"]["futureBlock"] = {"anything": True}
        body_2026["order"]["programs"].append("SOME_NEW_PROGRAM")
        assert order_from_sp_api(body_2026) == order_from_sp_api(order_2026())

    def test_amounts_are_exact_decimals(self) -> None:
        """Money amounts are Decimals built from the decimal strings."""
        order = order_from_sp_api(v0_order(OrderTotal={"CurrencyCode": "USD", "Amount": "0.30"}))
        assert order.total is not None
        assert order.total.amount == Decimal("0.30")
        assert str(order.total.amount) == "0.30"

    def test_digit_string_quantity(self) -> None:
        """A quantity sent as a digit string is accepted."""
        body = load("orders-v0.getOrderItems.json")["response"]
        body["payload"]["OrderItems"][0]["QuantityOrdered"] = "3"
        assert order_items_from_sp_api(body)[0].quantity == 3


# --- timestamps ------------------------------------------------------------------------------


class TestTimestamps:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2017-01-20T19:49:35Z", utc(2017, 1, 20, 19, 49, 35)),
            ("2019-05-07T15:42:57.058Z", utc(2019, 5, 7, 15, 42, 57, 58000)),
            ("2020-11-18T23:59Z", utc(2020, 11, 18, 23, 59)),
            ("2004-12-13T21:39:45.618-08:00", utc(2004, 12, 14, 5, 39, 45, 618000)),
            ("2024-12-25T10:00:00+00:00", utc(2024, 12, 25, 10)),
            ("2024-12-25T10:00:00", utc(2024, 12, 25, 10)),
        ],
    )
    def test_iso_variants(self, text: str, expected: dt.datetime) -> None:
        """Z, milliseconds, no seconds, offsets and naive (UTC) date-times all parse."""
        purchased = order_from_sp_api(v0_order(PurchaseDate=text)).purchased_at
        assert purchased == expected
        assert purchased.utcoffset() is not None

    def test_offset_is_kept(self) -> None:
        """A timestamp with an offset keeps that offset."""
        order = order_from_sp_api(v0_order(PurchaseDate="2004-12-13T21:39:45.618-08:00"))
        assert order.purchased_at.utcoffset() == dt.timedelta(hours=-8)

    @pytest.mark.parametrize(
        "value", ["1.569521782042E9", "yesterday", "2024-12-25", "", 1569521782, 1.5e9, [], {}]
    )
    def test_non_iso_is_an_error(self, value: object) -> None:
        """Epoch numbers, prose, bare dates and other types are errors naming the path."""
        raises(
            order_from_sp_api,
            v0_order(PurchaseDate=value),
            "$.payload.PurchaseDate: expected an ISO 8601 date-time",
        )

    def test_inverted_window_is_a_path_error(self) -> None:
        """An earliest date after the latest one is a DeserializationError, not a raw one."""
        error = raises(
            order_from_sp_api,
            v0_order(EarliestShipDate="2020-01-02T00:00:00Z", LatestShipDate="2020-01-01T00:00Z"),
            "$.payload.LatestShipDate: expected a time at or after $.payload.EarliestShipDate",
        )
        assert not isinstance(error, InvalidValueError | InvalidTypeError)


# --- bad input -------------------------------------------------------------------------------


class TestBadInput:
    def test_purchase_date_yesterday(self) -> None:
        """PurchaseDate "yesterday" names the path and the value."""
        raises(
            order_from_sp_api,
            v0_order(PurchaseDate="yesterday"),
            "$.payload.PurchaseDate: expected an ISO 8601 date-time",
            "got 'yesterday'",
        )

    def test_fulfillment_channel_xyz(self) -> None:
        """FulfillmentChannel "XYZ" names the path, the allowed values and the value."""
        raises(
            order_from_sp_api,
            v0_order(FulfillmentChannel="XYZ"),
            "$.payload.FulfillmentChannel: expected one of 'AFN', 'MFN', got 'XYZ'",
        )

    def test_float_amount(self) -> None:
        """A float amount is refused with the path, never rounded into money."""
        raises(
            order_from_sp_api,
            v0_order(OrderTotal={"CurrencyCode": "USD", "Amount": 12.5}),
            "$.payload.OrderTotal.Amount: expected a decimal string",
            "got 12.5",
        )

    def test_float_amount_2026(self) -> None:
        """A float amount in a 2026 order is refused with its path."""
        body = order_2026()
        body["order"]["proceeds"]["grandTotal"]["amount"] = 299.9
        raises(order_from_sp_api, body, "$.order.proceeds.grandTotal.amount: expected a decimal")

    @pytest.mark.parametrize("amount", ["abc", "NaN", ""])
    def test_bad_amount_string(self, amount: str) -> None:
        """A non-decimal amount string is refused with its path."""
        raises(
            order_from_sp_api,
            v0_order(OrderTotal={"CurrencyCode": "USD", "Amount": amount}),
            "$.payload.OrderTotal.Amount:",
        )

    def test_bad_currency(self) -> None:
        """A currency that is not an ISO 4217 code is refused with its path."""
        raises(
            order_from_sp_api,
            v0_order(OrderTotal={"CurrencyCode": "usd", "Amount": "1.00"}),
            "$.payload.OrderTotal.CurrencyCode:",
        )

    @pytest.mark.parametrize("data", [[], ["payload"], "payload", None, 42])
    def test_not_a_mapping(self, data: object) -> None:
        """A payload that is not a JSON object is refused at ``$``."""
        for func in ALL_FUNCTIONS:
            raises(func, data, "$: expected a JSON object")

    def test_response_not_a_mapping(self) -> None:
        """A wrapped body that is not an object names its path."""
        raises(order_from_sp_api, {"payload": [1, 2]}, "$.payload: expected a JSON object")

    def test_unknown_order_status(self) -> None:
        """A new OrderStatus is an error naming the path and the allowed values."""
        raises(
            order_from_sp_api,
            v0_order(OrderStatus="OnHold"),
            "$.payload.OrderStatus: expected one of 'PendingAvailability', 'Pending'",
            "got 'OnHold'",
        )

    def test_unknown_fulfillment_status(self) -> None:
        """A new 2026 fulfillmentStatus is an error naming the path and the allowed values."""
        body = order_2026()
        body["order"]["fulfillment"]["fulfillmentStatus"] = "ON_HOLD"
        raises(
            order_from_sp_api,
            body,
            "$.order.fulfillment.fulfillmentStatus: expected one of",
            "'CANCELLED'",
            "got 'ON_HOLD'",
        )

    def test_unknown_fulfilled_by(self) -> None:
        """A new fulfilledBy value is an error naming the path."""
        body = order_2026()
        body["order"]["fulfillment"]["fulfilledBy"] = "PARTNER"
        raises(
            order_from_sp_api,
            body,
            "$.order.fulfillment.fulfilledBy: expected one of 'AMAZON', 'MERCHANT'",
        )

    def test_bad_boolean(self) -> None:
        """A boolean that is neither true nor false is an error naming the path."""
        raises(
            order_from_sp_api,
            v0_order(IsPrime="maybe"),
            "$.payload.IsPrime: expected true or false, got 'maybe'",
        )

    @pytest.mark.parametrize("value", [902, "", "   ", None])
    def test_bad_order_id(self, value: object) -> None:
        """A missing, empty or non-string order id is an error naming the path."""
        raises(order_from_sp_api, v0_order(AmazonOrderId=value), "$.payload.AmazonOrderId:")

    @pytest.mark.parametrize("value", [-1, 1.0, True, "two"])
    def test_bad_quantity(self, value: object) -> None:
        """A quantity that is not a whole number >= 0 is an error naming the path."""
        body = load("orders-v0.getOrderItems.json")["response"]
        body["payload"]["OrderItems"][0]["QuantityOrdered"] = value
        raises(
            order_items_from_sp_api,
            body,
            "$.payload.OrderItems[0].QuantityOrdered: expected a whole number >= 0",
        )

    def test_all_problems_listed_at_once(self) -> None:
        """Several bad fields are reported together, each with its path."""
        error = raises(
            order_from_sp_api,
            v0_order(PurchaseDate="yesterday", FulfillmentChannel="XYZ", MarketplaceId=None),
        )
        assert len(error.errors) == 3
        assert all(line.startswith("$.payload.") for line in error.errors)
        assert error.target == "Order"

    def test_non_object_in_orders_list(self) -> None:
        """A list element that is not an object is named by its index."""
        raises(orders_from_sp_api, {"Orders": [1]}, "$.Orders[0]: expected an object, got 1")

    def test_orders_not_a_list(self) -> None:
        """An Orders value that is not an array is named."""
        raises(orders_from_sp_api, {"orders": "none"}, "$.orders: expected an array")

    def test_amazon_error_details_are_quoted(self) -> None:
        """An SP-API error body raises with Amazon's code, message and details."""
        body = {"errors": [{"code": "Unauthorized", "message": "Access denied", "details": "RDT"}]}
        raises(
            order_from_sp_api,
            body,
            "$.errors[0]: SP-API error Unauthorized: Access denied (details: RDT)",
        )

    @pytest.mark.parametrize(
        ("errors", "fragment"),
        [
            ("denied", "$.errors: SP-API returned errors: 'denied'"),
            (["denied"], "$.errors[0]: SP-API error 'denied'"),
        ],
    )
    def test_odd_error_bodies(self, errors: object, fragment: str) -> None:
        """Error bodies that do not follow the model are still reported with their path."""
        raises(order_from_sp_api, {"errors": errors}, fragment)

    def test_endless_wrappers(self) -> None:
        """A payload that wraps itself is refused instead of looping."""
        data: dict[str, Any] = {}
        data["payload"] = data
        raises(order_from_sp_api, data, "nested wrappers")

    def test_quantity_beyond_int_limit(self) -> None:
        """A digit string too long for int() is an error naming the path."""
        body = load("orders-v0.getOrderItems.json")["response"]
        body["payload"]["OrderItems"][0]["QuantityOrdered"] = "9" * 5000
        raises(order_items_from_sp_api, body, "$.payload.OrderItems[0].QuantityOrdered:")

    @pytest.mark.parametrize("value", ["XYZ", "AMAZON", 1])
    def test_bad_channel_keyword(self, value: object) -> None:
        """A bad fulfillment_channel keyword is refused before reading the payload."""
        raises(
            lambda d: order_from_sp_api(d, fulfillment_channel=value),  # type: ignore[arg-type]
            v0_order(),
            "fulfillment_channel=:",
        )

    @pytest.mark.parametrize("value", ["", 5])
    def test_bad_marketplace_keyword(self, value: object) -> None:
        """A bad marketplace_id keyword is refused."""
        raises(
            lambda d: orders_from_sp_api(d, marketplace_id=value),  # type: ignore[arg-type]
            v0_order(),
            "marketplace_id=:",
        )


class TestNotification:
    def test_other_notification_type(self) -> None:
        """A notification of another type is refused at NotificationType."""
        document = load("notifications.ORDER_CHANGE.json")["document"]
        document["NotificationType"] = "ANY_OFFER_CHANGED"
        raises(order_from_notification, document, "$.NotificationType: expected 'ORDER_CHANGE'")

    def test_null_purchase_date(self) -> None:
        """A null Summary.PurchaseDate (allowed by the schema) is an error naming the path."""
        document = load("notifications.ORDER_CHANGE.json")["document"]
        summary = document["Payload"]["OrderChangeNotification"]["Summary"]
        summary["PurchaseDate"] = None
        raises(
            order_from_notification,
            document,
            "$.Payload.OrderChangeNotification.Summary.PurchaseDate: expected an ISO 8601",
        )

    def test_prime_program(self) -> None:
        """OrderPrograms Prime sets is_prime."""
        document = load("notifications.ORDER_CHANGE.json")["document"]
        document["Payload"]["OrderChangeNotification"]["Summary"]["OrderPrograms"] = ["Prime"]
        order = order_from_notification(document)
        assert (order.is_prime, order.is_business) == (True, False)

    def test_missing_summary(self) -> None:
        """A notification without Summary names the Summary path."""
        document = load("notifications.ORDER_CHANGE.json")["document"]
        del document["Payload"]["OrderChangeNotification"]["Summary"]
        raises(
            order_from_notification,
            document,
            "$.Payload.OrderChangeNotification.Summary: missing",
        )

    def test_order_is_not_a_notification(self) -> None:
        """A getOrder response is not taken for a notification."""
        raises(order_from_notification, load("orders-v0.getOrder.json"), "order_from_sp_api")


class TestMessaging:
    def test_name_from_href(self) -> None:
        """An action link without a name takes the last segment of its href."""
        body = {"_links": {"actions": [{"href": "/messaging/v1/orders/1/messages/invoice?x=1"}]}}
        assert messaging_actions_from_sp_api(body) == ("invoice",)

    def test_no_actions(self) -> None:
        """An ineligible order's empty action list gives an empty tuple."""
        body = {"_links": {"actions": [], "self": {"href": "/x"}}, "_embedded": {"actions": []}}
        assert messaging_actions_from_sp_api(body) == ()

    def test_missing_actions(self) -> None:
        """A _links object without actions is an error naming the path."""
        raises(messaging_actions_from_sp_api, {"_links": {}}, "$._links.actions: missing")

    def test_action_without_name_or_href(self) -> None:
        """An action link with neither name nor href is an error naming its index."""
        raises(
            messaging_actions_from_sp_api,
            {"_links": {"actions": [{"title": "x"}]}},
            "$._links.actions[0].name:",
        )

    @pytest.mark.parametrize("locale", ["", "not a locale", 5])
    def test_bad_locale(self, locale: object) -> None:
        """A malformed locale is an error naming buyer.locale."""
        raises(buyer_locale_from_sp_api, {"buyer": {"locale": locale}}, "$.buyer.locale:")

    def test_missing_locale(self) -> None:
        """A buyer object without a locale is an error naming buyer.locale."""
        raises(buyer_locale_from_sp_api, {"buyer": {}}, "$.buyer.locale: missing")


# --- events from ORDER_CHANGE notifications --------------------------------------------------

BUYER_CANCEL = Cancellation(
    order_id=NOTIFIED_ID, at=CHANGE_TIME, by=Party.BUYER, reason=CancellationReason.BUYER_REQUEST
)
SYSTEM_CANCEL = Cancellation(
    order_id=NOTIFIED_ID, at=CHANGE_TIME, by=Party.SYSTEM, reason=CancellationReason.OTHER
)


def notification_shapes(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The example wrapper, the notification, its Payload, the inner object and EventBridge."""
    document = doc["document"]
    yield "wrapper", doc
    yield "document", document
    yield "payload", document["Payload"]
    yield "inner", document["Payload"]["OrderChangeNotification"]
    yield "eventbridge", {"detail-type": "ORDER_CHANGE", "source": "aws", "detail": document}


class TestNotificationEvents:
    def test_example_is_a_request_not_a_cancellation(self) -> None:
        """The example (BuyerRequestedChange, order still Unshipped) gives no event."""
        assert () == events_from_notification(load("notifications.ORDER_CHANGE.json"))

    def test_canceled_order_gives_a_cancellation(self) -> None:
        """Summary.OrderStatus Canceled gives one Cancellation at TimeOfOrderChange."""
        assert (BUYER_CANCEL,) == events_from_notification(canceled())

    @pytest.mark.parametrize(
        "data", [pytest.param(data, id=shape) for shape, data in notification_shapes(canceled())]
    )
    def test_every_shape_gives_the_same_event(self, data: dict[str, Any]) -> None:
        """The cancellation reads the same from every accepted notification shape."""
        assert (BUYER_CANCEL,) == events_from_notification(data)

    @pytest.mark.parametrize(
        ("reason", "change_type", "buyer_flag", "expected"),
        [
            ("Buyer Requested Cancel", "OrderStatusChange", False, BUYER_CANCEL),
            ("BUYER REQUESTED CANCEL ", "OrderStatusChange", False, BUYER_CANCEL),
            ("Order Status Change", "BuyerRequestedChange", False, BUYER_CANCEL),
            ("Order Status Change", "OrderStatusChange", True, BUYER_CANCEL),
            ("Order Status Change", "OrderStatusChange", False, SYSTEM_CANCEL),
            (None, None, None, SYSTEM_CANCEL),
        ],
        ids=["reason", "reason-any-case", "change-type", "item-flag", "nothing-said", "all-absent"],
    )
    def test_who_cancelled(
        self,
        reason: str | None,
        change_type: str | None,
        buyer_flag: bool | None,
        expected: Cancellation,
    ) -> None:
        """A buyer signal anywhere in the payload makes it the buyer's; otherwise SYSTEM."""
        doc = canceled(Reason=reason, ChangeType=change_type, BuyerCancel=buyer_flag)

        assert (expected,) == events_from_notification(doc)

    @pytest.mark.parametrize(
        "status", [s.value for s in OrderStatus if s is not OrderStatus.CANCELED]
    )
    def test_other_statuses_give_nothing(self, status: str) -> None:
        """Shipment, delivery and other status changes live on the order: no event."""
        assert () == events_from_notification(system_canceled(Status=status))

    def test_delivery_gives_nothing(self) -> None:
        """An Easy Ship "Delivered" status carries no time, so it gives no event."""
        doc = order_change_doc(Status="Shipped")
        doc["document"]["Payload"]["OrderChangeNotification"]["Summary"][
            "EasyShipShipmentStatus"
        ] = "Delivered"

        assert () == events_from_notification(doc)

    def test_null_change_time_uses_event_time(self) -> None:
        """A null TimeOfOrderChange (allowed by the schema) dates the event at EventTime."""
        (event,) = events_from_notification(canceled(Time=None))

        assert EVENT_TIME == event.at

    def test_null_change_time_without_envelope(self) -> None:
        """Without the envelope there is no EventTime: the error says to pass all of it."""
        payload = canceled(Time=None)["document"]["Payload"]

        raises(
            events_from_notification,
            payload,
            "$.OrderChangeNotification.OrderChangeTrigger.TimeOfOrderChange: missing",
            "pass the whole notification",
        )

    def test_bad_change_time(self) -> None:
        """A TimeOfOrderChange that is not ISO 8601 names its path."""
        raises(
            events_from_notification,
            canceled(Time="yesterday"),
            "$.document.Payload.OrderChangeNotification.OrderChangeTrigger.TimeOfOrderChange: "
            "expected an ISO 8601 date-time",
        )

    def test_missing_status(self) -> None:
        """The status decides the events, so a missing OrderStatus names its path."""
        raises(
            events_from_notification,
            order_change_doc(Status=None),
            "$.document.Payload.OrderChangeNotification.Summary.OrderStatus: missing",
        )

    def test_bad_buyer_flag_is_reported(self) -> None:
        """An item flag that is not a boolean names the item's path when it is read."""
        raises(
            events_from_notification,
            system_canceled(BuyerCancel="maybe"),
            "Summary.OrderItems[0].IsBuyerRequestedCancel: expected true or false, got 'maybe'",
        )

    def test_other_notification_type(self) -> None:
        """A notification of another type is refused at NotificationType."""
        doc = canceled()
        doc["document"]["NotificationType"] = "ANY_OFFER_CHANGED"

        raises(events_from_notification, doc, "$.document.NotificationType: expected")

    def test_order_is_not_a_notification(self) -> None:
        """A getOrder response is not taken for a notification."""
        raises(events_from_notification, load("orders-v0.getOrder.json"), "order_from_sp_api")


# --- the timeline from SP-API payloads -------------------------------------------------------


def v0_order_for_notification() -> dict[str, Any]:
    """The v0 getOrder example, renumbered to the notification example's order."""
    return v0_order(AmazonOrderId=NOTIFIED_ID)


class TestTimeline:
    def test_from_the_example_notification(self) -> None:
        """The example notification gives its order and no events."""
        doc = load("notifications.ORDER_CHANGE.json")

        timeline = timeline_from_sp_api(doc, notifications=[doc])

        assert OrderTimeline.build(order_from_notification(doc)) == timeline

    def test_from_a_cancellation_notification(self) -> None:
        """A Canceled notification gives the order and its cancellation, nothing assumed."""
        doc = canceled()

        timeline = timeline_from_sp_api(doc, notifications=[doc])

        assert (BUYER_CANCEL,) == timeline.events
        assert () == timeline.assumptions
        assert order_from_notification(doc) == timeline.order

    def test_order_payload_gives_no_events_by_itself(self) -> None:
        """A notification as the order's source is read for the order only."""
        assert () == timeline_from_sp_api(canceled()).events

    @pytest.mark.parametrize("name", SINGLE_ORDERS)
    def test_every_single_order_example(self, name: str) -> None:
        """Every getOrder example gives a timeline of its order."""
        timeline = timeline_from_sp_api(load(name))

        assert (order_from_sp_api(load(name)), ()) == (timeline.order, timeline.events)

    def test_order_with_items(self) -> None:
        """items= attaches the getOrderItems items, as order_from_sp_api does."""
        items = load("orders-v0.getOrderItems.json")

        timeline = timeline_from_sp_api(load("orders-v0.getOrder.json"), items=items)

        assert order_items_from_sp_api(items) == timeline.order.items

    def test_get_order_with_notification(self) -> None:
        """A getOrder response and a notification for the same order make one timeline."""
        timeline = timeline_from_sp_api(v0_order_for_notification(), notifications=[canceled()])

        assert order_from_sp_api(v0_order_for_notification()) == timeline.order
        assert (BUYER_CANCEL,) == timeline.events

    def test_with_a_sent_message(self) -> None:
        """Caller events come first in evidence indices; the timeline is sorted by time."""
        body = {"text": "Your engraving: is 'Anna' right?"}
        message = message_from_messaging_request(
            "confirmCustomizationDetails", body, order_id=NOTIFIED_ID, sent_at=utc(2022, 12, 1)
        )

        timeline = timeline_from_sp_api(canceled(), notifications=[canceled()], events=[message])

        assert (BUYER_CANCEL, message) == timeline.events
        assert (1, 0) == timeline.positions
        assert ("message", 0) == (timeline.ref(0).type, timeline.ref(0).index)
        assert ("cancellation", 1) == (timeline.ref(1).type, timeline.ref(1).index)

    def test_system_cancellation_is_an_assumption(self) -> None:
        """A cancellation the payload names nobody for is SYSTEM, and the timeline says so."""
        timeline = timeline_from_sp_api(system_canceled(), notifications=[system_canceled()])

        assert (SYSTEM_CANCEL,) == timeline.events
        (assumption,) = timeline.assumptions
        assert assumption.startswith("notifications[0]=$.document.Payload.OrderChangeNotification")
        assert "Party.SYSTEM" in assumption

    def test_event_time_stand_in_is_an_assumption(self) -> None:
        """A cancellation dated at EventTime says so in the assumptions."""
        doc = canceled(Time=None)
        doc["document"]["EventTime"] = "2022-11-30T08:00:00Z"

        timeline = timeline_from_sp_api(doc, notifications=[doc])

        assert utc(2022, 11, 30, 8) == timeline.events[0].at  # type: ignore[union-attr]
        assert any("EventTime" in a for a in timeline.assumptions)

    def test_repeated_notification_counts_once(self) -> None:
        """A notification delivered twice (in two shapes) gives one event and an assumption."""
        doc = canceled()

        timeline = timeline_from_sp_api(doc, notifications=[doc, doc["document"]])

        assert (BUYER_CANCEL,) == timeline.events
        (assumption,) = timeline.assumptions
        assert assumption.startswith("notifications[1]=$.Payload.")
        assert "counted once" in assumption

    def test_notification_for_another_order(self) -> None:
        """A notification about another order names its AmazonOrderId path."""
        raises(
            lambda d: timeline_from_sp_api(d, notifications=[canceled()]),
            load("orders-v0.getOrder.json"),
            "notifications[0]=$.document.Payload.OrderChangeNotification.AmazonOrderId: "
            "expected the order's id '902-1845936-5435065', got '903-8868176-2219830'",
        )

    def test_event_before_purchase(self) -> None:
        """A cancellation before the purchase names the JSON path its time came from."""
        doc = canceled(Time=None)  # EventTime 2020-01-11 is before the 2022 purchase

        raises(
            lambda d: timeline_from_sp_api(d, notifications=[d]),
            doc,
            "notifications[0]=$.document.EventTime: the cancellation at 2020-01-11T00:09:53.109",
            "is before the purchase (2022-07-13T19:42:04.284",
        )

    def test_event_without_time(self) -> None:
        """A caller's draft message is refused under events[i]."""
        draft = Message(body="Hi", order_id=NOTIFIED_ID)

        error = raises(
            lambda d: timeline_from_sp_api(d, events=[SYSTEM_CANCEL, draft]),
            canceled(),
            "events[1].sent_at:",
            "is missing",
        )
        assert "events[1].sent_at" == error.field

    def test_event_of_another_order(self) -> None:
        """A caller's event of another order is refused under events[i].order_id."""
        other = Cancellation(order_id="111-1111111-1111111", at=CHANGE_TIME, by="seller")

        raises(
            lambda d: timeline_from_sp_api(d, events=[other]),
            canceled(),
            "events[0].order_id:",
            "'111-1111111-1111111'",
        )

    def test_caller_event_repeated_by_notification(self) -> None:
        """An event both passed and notified is refused at the notification's path."""
        raises(
            lambda d: timeline_from_sp_api(d, notifications=[d], events=[BUYER_CANCEL]),
            canceled(),
            "notifications[0]=$.document.Payload.OrderChangeNotification.OrderChangeTrigger."
            "TimeOfOrderChange: this event repeats events[0]",
        )

    @pytest.mark.parametrize(
        ("kwargs", "fragment"),
        [
            ({"events": ["x"]}, "events[0]: expected an event (Message, "),
            ({"events": "x"}, "events=: expected a sequence of events"),
            ({"notifications": {"a": 1}}, "notifications=: expected a sequence of ORDER_CHANGE"),
            ({"notifications": [[]]}, "notifications[0]=$: expected a JSON object"),
            (
                {"notifications": [load("orders-v0.getOrder.json")]},
                "notifications[0]=$.response.payload: expected an ORDER_CHANGE notification",
            ),
            ({"fulfillment_channel": "XYZ"}, "fulfillment_channel=:"),
        ],
        ids=["event-type", "events-str", "one-notification", "not-object", "order", "keyword"],
    )
    def test_bad_arguments(self, kwargs: dict[str, Any], fragment: str) -> None:
        """Bad arguments are problems naming the argument, never raw errors."""
        raises(lambda d: timeline_from_sp_api(d, **kwargs), canceled(), fragment)

    def test_unknown_marketplace(self) -> None:
        """An order of an unknown marketplace is refused with the known ids."""
        raises(
            timeline_from_sp_api,
            v0_order(MarketplaceId="AXXXXXXXXXXXXX"),
            "$: unknown marketplace_id='AXXXXXXXXXXXXX'; known ids:",
        )

    def test_all_problems_at_once(self) -> None:
        """Problems in the order, its items, a notification and an event are listed together."""
        items = load("orders-v0.getOrderItems.json")
        del items["response"]["payload"]["OrderItems"][0]["ASIN"]

        error = raises(
            lambda d: timeline_from_sp_api(
                d, items=items, notifications=[canceled(Time="soon")], events=[1]
            ),
            v0_order(AmazonOrderId=NOTIFIED_ID, PurchaseDate="yesterday"),
        )

        assert [
            "$.payload.PurchaseDate",
            "items=$.response.payload.OrderItems[0].ASIN",
            "events[0]",
            CANCELED_TIME_PATH,
        ] == [line.partition(": ")[0] for line in error.errors]
        assert "OrderTimeline" == error.target

    def test_amazon_error_body(self) -> None:
        """An SP-API error body as the order is reported with Amazon's code."""
        raises(
            timeline_from_sp_api,
            load("orders-v0.getOrder.400.json"),
            "$.response.errors[0]: SP-API error InvalidInput",
        )


# --- SP-API spellings of the message kinds --------------------------------------------------

# Every Messaging v1 / Solicitations v1 operation id and action name that names a kind.
SP_API_KIND_NAMES = [
    ("confirmCustomizationDetails", MessageKind.CONFIRM_CUSTOMIZATION),
    ("createConfirmDeliveryDetails", MessageKind.CONFIRM_DELIVERY),
    ("confirmDeliveryDetails", MessageKind.CONFIRM_DELIVERY),
    ("createConfirmOrderDetails", MessageKind.CONFIRM_ORDER_DETAILS),
    ("confirmOrderDetails", MessageKind.CONFIRM_ORDER_DETAILS),
    ("createConfirmServiceDetails", MessageKind.CONFIRM_SERVICE),
    ("confirmServiceDetails", MessageKind.CONFIRM_SERVICE),
    ("createDigitalAccessKey", MessageKind.DIGITAL_ACCESS_KEY),
    ("digitalAccessKey", MessageKind.DIGITAL_ACCESS_KEY),
    ("createLegalDisclosure", MessageKind.LEGAL_DISCLOSURE),
    ("legalDisclosure", MessageKind.LEGAL_DISCLOSURE),
    ("createUnexpectedProblem", MessageKind.UNEXPECTED_PROBLEM),
    ("unexpectedProblem", MessageKind.UNEXPECTED_PROBLEM),
    ("CreateWarranty", MessageKind.WARRANTY),
    ("warranty", MessageKind.WARRANTY),
    ("sendInvoice", MessageKind.INVOICE),
    ("invoice", MessageKind.INVOICE),
    ("createNegativeFeedbackRemoval", MessageKind.NEGATIVE_FEEDBACK_REMOVAL),
    ("negativeFeedbackRemoval", MessageKind.NEGATIVE_FEEDBACK_REMOVAL),
    ("createProductReviewAndSellerFeedbackSolicitation", MessageKind.REVIEW_REQUEST),
    ("productReviewAndSellerFeedbackSolicitation", MessageKind.REVIEW_REQUEST),
    ("productReviewAndSellerFeedback", MessageKind.REVIEW_REQUEST),
]
KIND_IDS = [name for name, _ in SP_API_KIND_NAMES]
# Operations and actions that send nothing, or whose kind was retired without a member
NOT_KINDS = ["GetAttributes", "attributes", "getMessagingActionsForOrder", "amazonMotors"]
NOT_A_KIND_OPERATIONS = {
    "GetAttributes",
    "getMessagingActionsForOrder",
    "getSolicitationActionsForOrder",
}
REVIEW_ASK = "Please leave us a review if you are happy with the product."


class TestMessageKindNames:
    @pytest.mark.parametrize(("name", "expected"), SP_API_KIND_NAMES, ids=KIND_IDS)
    def test_sp_api_name(self, name: str, expected: MessageKind) -> None:
        """An SP-API operation or action name gives its MessageKind."""
        assert expected is MessageKind(name)

    @pytest.mark.parametrize(("name", "expected"), SP_API_KIND_NAMES, ids=KIND_IDS)
    def test_any_case(self, name: str, expected: MessageKind) -> None:
        """The SP-API names are matched case-insensitively."""
        spellings = {name.upper(), name.lower(), name[0].swapcase() + name[1:]}

        assert {expected} == {MessageKind(spelling) for spelling in spellings}

    @pytest.mark.parametrize(("name", "expected"), SP_API_KIND_NAMES, ids=KIND_IDS)
    def test_check_message_accepts_sp_api_name(self, name: str, expected: MessageKind) -> None:
        """check_message(kind=<SP-API name>) decides exactly as with the member."""
        report = sellerpolicy.check_message(REVIEW_ASK, kind=name)

        assert sellerpolicy.check_message(REVIEW_ASK, kind=expected) == report

    def test_kind_changes_the_decision(self) -> None:
        """The alias is not ignored: a review ask in a customization message is off-purpose."""
        aliased = sellerpolicy.check_message(REVIEW_ASK, kind="confirmCustomizationDetails")
        proactive = sellerpolicy.check_message(REVIEW_ASK, kind="proactive")

        assert (True, False) == (
            sellerpolicy.Code.SP124 in aliased.codes,
            sellerpolicy.Code.SP124 in proactive.codes,
        )

    def test_message_field_keeps_the_member(self) -> None:
        """A Message built with an SP-API name stores the member, which serializes canonically."""
        message = sellerpolicy.Message(body="Hi", kind="CreateWarranty")

        assert MessageKind.WARRANTY is message.kind
        assert '"kind": "warranty"' in sellerpolicy.to_json(message)

    @pytest.mark.parametrize("name", [*NOT_KINDS, "confirm customization", "", "createFoo"])
    def test_unknown_name_lists_allowed_values(self, name: str) -> None:
        """A name that is no kind is refused, naming the field and listing the allowed values."""
        with pytest.raises(
            sellerpolicy.exceptions.InvalidValueError, match="expected one of"
        ) as info:
            sellerpolicy.check_message("Hello", kind=name)

        assert "'confirm_customization'" in str(info.value)
        assert name == info.value.value
        assert info.value.field is not None and info.value.field.endswith("kind")

    @pytest.mark.parametrize("value", [5, None, b"warranty"])
    def test_non_string_is_not_looked_up(self, value: object) -> None:
        """Only strings are looked up; other values stay invalid."""
        with pytest.raises(ValueError, match="is not a valid MessageKind"):
            MessageKind(value)

    @pytest.mark.parametrize(
        "path",
        [p for p in FILES if p.name.startswith(("messaging-", "solicitations-"))],
        ids=lambda p: p.name,
    )
    def test_every_example_operation_is_mapped(self, path: Path) -> None:
        """Each Messaging/Solicitations example's operation is a kind, unless it sends nothing."""
        operation = load(path.name)["source"]["operationId"]

        if operation in NOT_A_KIND_OPERATIONS:
            with pytest.raises(ValueError, match="is not a valid"):
                MessageKind(operation)
        else:
            assert operation in KIND_IDS
            assert isinstance(MessageKind(operation), MessageKind)

    @pytest.mark.parametrize(
        "name",
        [
            "messaging-v1.getMessagingActionsForOrder.json",
            "solicitations-v1.getSolicitationActionsForOrder.json",
        ],
    )
    def test_every_listed_action_is_mapped(self, name: str) -> None:
        """Each action name Amazon lists is a kind, except the locale read and a retired one."""
        actions = messaging_actions_from_sp_api(load(name))
        unmapped = [a for a in actions if a not in KIND_IDS]

        assert set(unmapped) <= {"attributes", "amazonMotors"}
        assert all(isinstance(MessageKind(a), MessageKind) for a in actions if a in KIND_IDS)


# --- messages from Messaging/Solicitations create requests -----------------------------------


class TestMessagingRequest:
    def test_draft_for_a_pre_send_check(self) -> None:
        """Without sent_at the message is a draft that check_message judges by its kind."""
        message = message_from_messaging_request("createConfirmOrderDetails", {"text": REVIEW_ASK})

        assert (None, MessageKind.CONFIRM_ORDER_DETAILS) == (message.sent_at, message.kind)
        assert sellerpolicy.Code.SP124 in sellerpolicy.check_message(message).codes

    def test_action_name_is_accepted(self) -> None:
        """The action name from getMessagingActionsForOrder works like the operation id."""
        by_action = message_from_messaging_request("warranty", {"attachments": []})

        assert message_from_messaging_request("CreateWarranty", {}) == by_action

    @pytest.mark.parametrize("operation", [*NOT_KINDS, "reply", "proactive", "inquiry", 5])
    def test_operation_that_sends_nothing(self, operation: object) -> None:
        """An operation that sends no message, or a kind no API sends, is refused."""
        raises(
            lambda d: message_from_messaging_request(operation, d),  # type: ignore[arg-type]
            {"text": "Hi"},
            "operation=: expected a Messaging or Solicitations operation that sends a message",
        )

    @pytest.mark.parametrize(
        ("kwargs", "fragment"),
        [
            ({"sent_at": dt.datetime(2026, 3, 1)}, "sent_at=: expected a timezone-aware"),  # noqa: DTZ001
            ({"sent_at": "2026-03-01"}, "sent_at=: expected a timezone-aware datetime"),
            ({"order_id": " "}, "order_id=: expected a non-empty string"),
        ],
        ids=["naive", "string", "blank-order"],
    )
    def test_bad_keywords(self, kwargs: dict[str, Any], fragment: str) -> None:
        """Bad keyword arguments are problems naming the argument."""
        raises(lambda d: message_from_messaging_request("invoice", d, **kwargs), {}, fragment)

    @pytest.mark.parametrize(
        ("body", "fragment"),
        [
            ({"text": 5}, "body=$.text: expected a string, got 5"),
            (
                {"attachments": [{"uploadDestinationId": "x"}]},
                "body=$.attachments[0].fileName: missing",
            ),
            ({"attachments": "a.pdf"}, "body=$.attachments: expected an array"),
            ([1], "body=$: expected a JSON object"),
        ],
        ids=["text", "file-name", "attachments", "body"],
    )
    def test_bad_body(self, body: object, fragment: str) -> None:
        """A malformed request body names the path under body=$."""
        raises(lambda d: message_from_messaging_request("sendInvoice", d), body, fragment)


# --- robustness: no internal exception escapes -----------------------------------------------

ALL_FUNCTIONS: tuple[Callable[[Any], object], ...] = (
    order_from_sp_api,
    orders_from_sp_api,
    order_items_from_sp_api,
    order_from_notification,
    buyer_locale_from_sp_api,
    messaging_actions_from_sp_api,
    events_from_notification,
    timeline_from_sp_api,
)
REPLACEMENTS: tuple[object, ...] = (None, 1.5, "", "x", [], {}, True, -1, 10**30, [None], {"a": 1})
FUZZED = {
    "orders-v0.getOrder.json": order_from_sp_api,
    "orders-v0.getOrders.page1.json": orders_from_sp_api,
    "orders-v0.getOrderItems.json": order_items_from_sp_api,
    "orders-2026-01-01.getOrder.json": order_from_sp_api,
    "orders-2026-01-01.searchOrders.uk-mfn-packages.json": orders_from_sp_api,
    "notifications.ORDER_CHANGE.json": order_from_notification,
    "messaging-v1.GetAttributes.json": buyer_locale_from_sp_api,
    "messaging-v1.getMessagingActionsForOrder.json": messaging_actions_from_sp_api,
}


def mutations(node: Any) -> Iterator[Any]:
    """Copies of ``node`` with one value replaced or one key deleted, at every depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            rest = {k: v for k, v in node.items() if k != key}
            yield rest
            for replacement in REPLACEMENTS:
                yield {**node, key: replacement}
            for mutated in mutations(value):
                yield {**node, key: mutated}
    elif isinstance(node, list):
        for i, value in enumerate(node):
            for mutated in mutations(value):
                yield [*node[:i], mutated, *node[i + 1 :]]


class TestRobustness:
    @pytest.mark.parametrize("name", sorted(FUZZED))
    def test_mutations_load_or_raise_deserialization_error(self, name: str) -> None:
        """Any one-field change gives a value or a DeserializationError whose lines name paths."""
        func = FUZZED[name]
        count = 0
        bad_lines: list[tuple[str, ...]] = []
        for mutated in mutations(load(name)):
            count += 1
            try:
                func(mutated)
            except DeserializationError as exc:
                if not exc.errors or not all(line.startswith("$") for line in exc.errors):
                    bad_lines.append(exc.errors)
        assert count > 50
        assert bad_lines == []

    @pytest.mark.parametrize(
        ("func", "roots"),
        [
            (events_from_notification, ("$",)),
            (lambda d: timeline_from_sp_api(d, notifications=[d]), ("$", "notifications[0]=$")),
        ],
        ids=["events", "timeline"],
    )
    def test_cancellation_mutations(
        self, func: Callable[[Any], object], roots: tuple[str, ...]
    ) -> None:
        """Any one-field change of a Canceled notification loads or names its paths."""
        count = 0
        bad_lines: list[tuple[str, ...]] = []
        for mutated in mutations(canceled()):
            count += 1
            try:
                func(mutated)
            except DeserializationError as exc:
                if not exc.errors or not all(line.startswith(roots) for line in exc.errors):
                    bad_lines.append(exc.errors)
        assert count > 50
        assert bad_lines == []

    def test_request_body_mutations(self) -> None:
        """Any one-field change of a create request body loads or names its body=$ path."""
        doc = load("messaging-v1.confirmCustomizationDetails.json")
        body = doc["request"]["parameters"]["body"]["value"]
        count = 0
        bad_lines: list[tuple[str, ...]] = []
        for mutated in mutations(body):
            count += 1
            try:
                message_from_messaging_request("confirmCustomizationDetails", mutated)
            except DeserializationError as exc:
                if not exc.errors or not all(line.startswith("body=$") for line in exc.errors):
                    bad_lines.append(exc.errors)
        assert count > 20
        assert bad_lines == []


class TestVendoredData:
    def test_examples_present(self) -> None:
        """The vendored SP-API examples are there (an empty set would silently skip tests)."""
        assert len(FILES) >= 30

    def test_copies_match_shared(self) -> None:
        """The vendored copies equal the shared originals when those sit beside the repo."""
        originals = sorted(SHARED.glob("*.json")) if SHARED.is_dir() else []
        for original in originals:
            copy_ = DATA / original.name
            assert copy_.read_bytes() == original.read_bytes(), original.name
        assert not originals or {p.name for p in originals} == {p.name for p in FILES}
