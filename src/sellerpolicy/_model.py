"""Domain values: orders, messages, feedback, returns and claims."""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs.resolve_types reads annotations at run time
import decimal  # noqa: TC003 - attrs.resolve_types reads annotations at run time
import enum
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs
import regex

from sellerpolicy import _checks
from sellerpolicy._marketplaces import MARKETPLACES, Marketplace
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

__all__ = [
    "Attachment",
    "Claim",
    "ClaimKind",
    "ClaimReason",
    "ClaimStatus",
    "Feedback",
    "FeedbackClass",
    "FulfillmentChannel",
    "ItemCondition",
    "Message",
    "MessageFormat",
    "MessageKind",
    "MessageSender",
    "Money",
    "Order",
    "OrderItem",
    "OrderStatus",
    "ProductCategory",
    "ReturnReason",
    "ReturnRequest",
    "Shipment",
]

_E = TypeVar("_E", bound=enum.Enum)


# --- enums -----------------------------------------------------------------------------------


class FulfillmentChannel(enum.StrEnum):
    """Who fulfils the order."""

    AFN = "AFN"
    """Fulfilled by Amazon (FBA)."""
    MFN = "MFN"
    """Merchant (seller) fulfilled."""


class OrderStatus(enum.StrEnum):
    """Order status, in SP-API Orders v0 spelling."""

    PENDING_AVAILABILITY = "PendingAvailability"
    """A pre-order: the item is not yet available, payment not yet authorised."""
    PENDING = "Pending"
    """Placed, payment not yet authorised."""
    UNSHIPPED = "Unshipped"
    """Payment authorised, nothing shipped yet."""
    PARTIALLY_SHIPPED = "PartiallyShipped"
    """Some of the items shipped."""
    SHIPPED = "Shipped"
    """Every item shipped."""
    INVOICE_UNCONFIRMED = "InvoiceUnconfirmed"
    """Every item shipped; the seller has not confirmed the invoice was given to the buyer."""
    CANCELED = "Canceled"
    """Cancelled."""
    UNFULFILLABLE = "Unfulfillable"
    """Cannot be fulfilled (multi-channel fulfilment orders)."""


class MessageSender(enum.StrEnum):
    """Who sent a message."""

    BUYER = "buyer"
    """The buyer."""
    SELLER = "seller"
    """The seller (the messages the rules judge)."""
    AMAZON = "amazon"
    """Amazon itself, e.g. a notice about the order."""


class MessageKind(enum.StrEnum):
    """What a message is for: buyer kinds, seller kinds and the SP-API messaging purposes.

    ``MessageKind(name)`` also takes the SP-API spelling of a kind, in any case: a Messaging or
    Solicitations operation (``confirmCustomizationDetails``, ``CreateWarranty``,
    ``createProductReviewAndSellerFeedbackSolicitation``) or action name (``warranty``).
    """

    # buyer
    INQUIRY = "inquiry"
    """Buyer: a question or request about the order."""
    RETURN_REQUEST = "return_request"
    """Buyer: a request to return an item."""
    BRAND_OR_SUSPICIOUS = "brand_or_suspicious"
    """Buyer: a brand-owner contact or a message Amazon marked suspicious."""
    # seller
    REPLY = "reply"
    """Seller: an answer to a buyer's message (not proactive)."""
    PROACTIVE = "proactive"
    """Seller: a free-form message the buyer did not ask for, such as a thank-you note."""
    REVIEW_REQUEST = "review_request"
    """A free-form feedback/review request, or Amazon's Request a Review solicitation."""
    # SP-API Messaging v1 purposes
    CONFIRM_CUSTOMIZATION = "confirm_customization"
    """SP-API purpose: ask the buyer to confirm customisation details."""
    CONFIRM_DELIVERY = "confirm_delivery"
    """SP-API purpose: arrange the delivery (an appointment, a delivery detail)."""
    CONFIRM_ORDER_DETAILS = "confirm_order_details"
    """SP-API purpose: ask the buyer an order-related question before shipping."""
    CONFIRM_SERVICE = "confirm_service"
    """SP-API purpose: arrange a service the order includes (e.g. installation)."""
    DIGITAL_ACCESS_KEY = "digital_access_key"
    """SP-API purpose: send a key or code the buyer needs for a digital item."""
    LEGAL_DISCLOSURE = "legal_disclosure"
    """SP-API purpose: documents the seller must give the buyer by law."""
    UNEXPECTED_PROBLEM = "unexpected_problem"
    """SP-API purpose: tell the buyer about a problem with the order."""
    WARRANTY = "warranty"
    """SP-API purpose: warranty information."""
    INVOICE = "invoice"
    """SP-API purpose: send the invoice."""
    NEGATIVE_FEEDBACK_REMOVAL = "negative_feedback_removal"
    """SP-API purpose: ask the buyer, in Amazon's wording, to remove negative feedback."""

    @property
    def is_buyer_kind(self) -> bool:
        """Whether buyers send messages of this kind."""
        return self in _BUYER_KINDS

    @property
    def is_proactive(self) -> bool:
        """Whether a seller sends this kind unprompted (everything but a reply)."""
        return not self.is_buyer_kind and self is not MessageKind.REPLY

    @property
    def is_solicitation(self) -> bool:
        """Whether this kind asks for a review or feedback."""
        return self is MessageKind.REVIEW_REQUEST

    @classmethod
    def _missing_(cls, value: object) -> MessageKind | None:
        # SP-API spellings (`confirmCustomizationDetails`, `CreateWarranty`), in any case
        return _SP_API_KINDS.get(value.casefold()) if isinstance(value, str) else None


_BUYER_KINDS = frozenset(
    {MessageKind.INQUIRY, MessageKind.RETURN_REQUEST, MessageKind.BRAND_OR_SUSPICIOUS}
)

# The SP-API names of the message kinds: Messaging v1 and Solicitations v1 operation ids and
# the action names getMessagingActionsForOrder / getSolicitationActionsForOrder list (the path
# segment: mostly the operation's name without `create`). GetAttributes reads the buyer's
# locale and is no kind; CreateAmazonMotors (removed from the model in 2026) has no kind.
_SP_API_KIND_NAMES: dict[str, MessageKind] = {
    "confirmCustomizationDetails": MessageKind.CONFIRM_CUSTOMIZATION,
    "createConfirmDeliveryDetails": MessageKind.CONFIRM_DELIVERY,
    "confirmDeliveryDetails": MessageKind.CONFIRM_DELIVERY,
    "createConfirmOrderDetails": MessageKind.CONFIRM_ORDER_DETAILS,
    "confirmOrderDetails": MessageKind.CONFIRM_ORDER_DETAILS,
    "createConfirmServiceDetails": MessageKind.CONFIRM_SERVICE,
    "confirmServiceDetails": MessageKind.CONFIRM_SERVICE,
    "createDigitalAccessKey": MessageKind.DIGITAL_ACCESS_KEY,
    "digitalAccessKey": MessageKind.DIGITAL_ACCESS_KEY,
    "createLegalDisclosure": MessageKind.LEGAL_DISCLOSURE,
    "legalDisclosure": MessageKind.LEGAL_DISCLOSURE,
    "createUnexpectedProblem": MessageKind.UNEXPECTED_PROBLEM,
    "unexpectedProblem": MessageKind.UNEXPECTED_PROBLEM,
    "CreateWarranty": MessageKind.WARRANTY,
    "warranty": MessageKind.WARRANTY,
    "sendInvoice": MessageKind.INVOICE,
    "invoice": MessageKind.INVOICE,
    "createNegativeFeedbackRemoval": MessageKind.NEGATIVE_FEEDBACK_REMOVAL,
    "negativeFeedbackRemoval": MessageKind.NEGATIVE_FEEDBACK_REMOVAL,
    "createProductReviewAndSellerFeedbackSolicitation": MessageKind.REVIEW_REQUEST,
    "productReviewAndSellerFeedbackSolicitation": MessageKind.REVIEW_REQUEST,
    "productReviewAndSellerFeedback": MessageKind.REVIEW_REQUEST,
}
_SP_API_KINDS = {name.casefold(): kind for name, kind in _SP_API_KIND_NAMES.items()}


class MessageFormat(enum.StrEnum):
    """Whether a message body is plain text or an HTML template."""

    TEXT = "text"
    """Plain text, as the SP-API sends it."""
    HTML = "html"
    """An HTML template (the formatting rules SP202-SP206 read it)."""


class FeedbackClass(enum.StrEnum):
    """Seller feedback class by star rating."""

    POSITIVE = "positive"
    """4 or 5 stars."""
    NEUTRAL = "neutral"
    """3 stars."""
    NEGATIVE = "negative"
    """1 or 2 stars."""


class ProductCategory(enum.StrEnum):
    """A product's category, where a rule depends on it (SP609, SP703, SP704)."""

    BOOKS = "books"
    """Books: a full refund carries no refund administration fee (SP704)."""
    MUSIC = "music"
    """Music: a full refund carries no refund administration fee (SP704)."""
    VIDEO = "video"
    """Video: a full refund carries no refund administration fee (SP704)."""
    DVD = "dvd"
    """DVDs: a full refund carries no refund administration fee (SP704)."""
    ELECTRONICS = "electronics"
    """Electronics: the seed edition's only category with a restocking fee (SP703)."""
    WATCHES = "watches"
    """Watches: covered by the A-to-z Guarantee only under their own return rules (SP609)."""
    JEWELRY = "jewelry"
    """Jewellery: covered only under its own return rules (SP609)."""
    COLLECTIBLES = "collectibles"
    """Collectibles: covered only under their own return rules (SP609)."""
    FINE_ART = "fine_art"
    """Fine art: covered only under its own return rules (SP609)."""
    DIGITAL = "digital"
    """Digital items: not covered by the A-to-z Guarantee (SP607)."""
    SERVICES = "services"
    """Services: not covered, except eligible services (SP605, SP607)."""
    GIFT_CARDS = "gift_cards"
    """Gift cards: stored value, not covered unless a physical card shipped (SP607)."""
    OTHER = "other"
    """Any other category."""


class ReturnReason(enum.StrEnum):
    """Why the buyer returns an item."""

    NO_LONGER_NEEDED = "no_longer_needed"
    """The buyer no longer needs it."""
    ORDERED_BY_MISTAKE = "ordered_by_mistake"
    """The buyer ordered it by mistake."""
    BETTER_PRICE = "better_price"
    """The buyer found a better price."""
    ARRIVED_LATE = "arrived_late"
    """It arrived too late."""
    DEFECTIVE = "defective"
    """Defective (the seller's fault: no restocking fee)."""
    DAMAGED = "damaged"
    """Arrived damaged (the seller's fault)."""
    NOT_AS_DESCRIBED = "not_as_described"
    """Materially different from its detail page (the seller's fault)."""
    WRONG_ITEM = "wrong_item"
    """The wrong item was sent (the seller's fault)."""
    MISSING_PARTS = "missing_parts"
    """Parts were missing on arrival (the seller's fault)."""
    UNAUTHORIZED_PURCHASE = "unauthorized_purchase"
    """The buyer says they did not make the purchase."""
    OTHER = "other"
    """Any other reason."""


class ItemCondition(enum.StrEnum):
    """The state of a returned item when the seller received it."""

    AS_NEW = "as_new"
    """As sent: unopened and complete."""
    OPENED = "opened"
    """Opened, not in its original condition."""
    USED = "used"
    """Used."""
    DAMAGED_BY_BUYER = "damaged_by_buyer"
    """Damaged after delivery, by the buyer."""
    MISSING_PARTS = "missing_parts"
    """Parts the seller sent are missing."""
    DIFFERENT_ITEM = "different_item"
    """Not the item the seller sent."""


class ClaimKind(enum.StrEnum):
    """An A-to-z Guarantee claim or a card chargeback."""

    A_TO_Z = "a_to_z"
    """An A-to-z Guarantee claim, filed with Amazon."""
    CHARGEBACK = "chargeback"
    """A chargeback, filed with the buyer's card issuer."""


class ClaimReason(enum.StrEnum):
    """The ground a claim is filed on."""

    NOT_RECEIVED = "not_received"
    """The item did not arrive (SP602)."""
    DAMAGED_DEFECTIVE_DIFFERENT = "damaged_defective_different"
    """Damaged, defective or materially different (SP603)."""
    REFUND_NOT_ISSUED = "refund_not_issued"
    """A refund was agreed and not issued, or was wrong (SP604)."""
    SERVICE_UNSATISFACTORY = "service_unsatisfactory"
    """An eligible service was unsatisfactory (SP605)."""
    UNAUTHORIZED = "unauthorized"
    """Payment fraud: the card holder did not authorise it (Amazon is liable, SP801)."""
    OTHER = "other"
    """Any other ground (for a chargeback: a service chargeback, the seller is liable)."""


class ClaimStatus(enum.StrEnum):
    """Where a claim stands."""

    OPEN = "open"
    """Filed and not yet decided."""
    GRANTED = "granted"
    """Decided for the buyer."""
    DENIED = "denied"
    """Decided for the seller."""
    WITHDRAWN = "withdrawn"
    """Withdrawn by the buyer before a decision."""


# --- field helpers ---------------------------------------------------------------------------


def _field_name(inst: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(inst).__name__}.{attribute.name}"


def _enum_value(enum_cls: type[_E], value: object, inst: object, field: attrs.Attribute[Any]) -> _E:
    return _checks.enum_member(enum_cls, value, _field_name(inst, field))


def _to_enum(enum_cls: type[_E]) -> attrs.Converter[Any, _E]:
    """Convert a member or its value to ``enum_cls``, naming the field on failure.

    Fields using it carry ``type: ignore[misc]``: mypy's attrs plugin cannot read
    ``attrs.Converter`` objects, although attrs supports them at run time.
    """

    def convert(value: object, inst: object, field: attrs.Attribute[Any]) -> _E:
        return _enum_value(enum_cls, value, inst, field)

    return attrs.Converter(convert, takes_self=True, takes_field=True)


def _to_optional_enum(enum_cls: type[_E]) -> attrs.Converter[Any, _E | None]:
    def convert(value: object, inst: object, field: attrs.Attribute[Any]) -> _E | None:
        return None if value is None else _enum_value(enum_cls, value, inst, field)

    return attrs.Converter(convert, takes_self=True, takes_field=True)


def _aware(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and _is_optional(attribute):
        return
    _checks.aware_datetime(value, _field_name(inst, attribute))


def _is_optional(attribute: attrs.Attribute[Any]) -> bool:
    return attribute.default is None


def _instance(*types: type) -> Any:
    names = " or ".join(t.__name__ for t in types)

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and _is_optional(attribute):
            return
        # bool is an int, but a rating or a size of True is always a mistake
        mistaken_bool = isinstance(value, bool) and bool not in types
        if mistaken_bool or not isinstance(value, types):
            field = _field_name(inst, attribute)
            raise InvalidTypeError(
                f"{field} must be {names}, got {value!r}", field=field, value=value
            )

    return check


def _non_empty(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and _is_optional(attribute):
        return
    _checks.text(value, _field_name(inst, attribute), non_empty=True)


def _at_least(minimum: int) -> Any:
    def check(inst: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None:
            _checks.integer(value, _field_name(inst, attribute), minimum=minimum)

    return check


def _tuple_of(*types: type) -> Any:
    names = " or ".join(t.__name__ for t in types)

    def check(inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        field = _field_name(inst, attribute)
        if not isinstance(value, tuple):
            msg = f"{field} must be a sequence of {names}, got {value!r}"
            raise InvalidTypeError(msg, field=field, value=value)
        _checks.sequence_of(value, types, field)

    return check


def _to_tuple(value: object) -> Any:
    # tuple("abc") would silently split a string into characters; a string or a non-sequence is
    # passed on unchanged so that the field's validator reports it with the field's name
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _ordered(start: str, end: str) -> Any:
    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        del attribute, value
        first, last = getattr(inst, start), getattr(inst, end)
        if first is not None and last is not None and first > last:
            name = type(inst).__name__
            msg = f"{name}.{start} ({first.isoformat()}) is after {name}.{end} ({last.isoformat()})"
            raise InvalidValueError(msg, field=f"{name}.{end}", value=last)

    return check


_CURRENCY = regex.compile(r"[A-Z]{3}")


def _to_decimal(value: object) -> decimal.Decimal:
    # floats are refused: 0.1 + 0.2 is not money
    return _checks.decimal_amount(value, "Money.amount")


# --- values ----------------------------------------------------------------------------------


@attrs.frozen
class Money:
    """An amount of money: a `Decimal` with an ISO 4217 currency code, never a float.

    Attributes:
        amount: The amount; ints and decimal strings are converted, floats are refused.
        currency: Three upper-case letters, e.g. ``USD``.
    """

    amount: decimal.Decimal = attrs.field(converter=_to_decimal)
    currency: str = attrs.field(validator=_instance(str))

    @currency.validator
    def _check_currency(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not _CURRENCY.fullmatch(value):
            msg = f"Money.{attribute.name} must be an ISO 4217 code like 'USD', got {value!r}"
            raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class OrderItem:
    """One line of an order.

    Attributes:
        asin: The product's ASIN.
        quantity: Units ordered (0 for a cancelled line).
        sku: The seller's SKU.
        title: The product title.
        price: The line's item price.
        order_item_id: Amazon's id for the line.
        category: The product's category, where known.
        referral_fee: The referral fee Amazon charged on the line, where known (SP704).
    """

    asin: str = attrs.field(validator=_non_empty)
    quantity: int = attrs.field(default=1, validator=[_instance(int), _at_least(0)])
    sku: str | None = attrs.field(default=None, validator=_instance(str))
    title: str | None = attrs.field(default=None, validator=_instance(str))
    price: Money | None = attrs.field(default=None, validator=_instance(Money))
    order_item_id: str | None = attrs.field(default=None, validator=_instance(str))
    category: ProductCategory | None = attrs.field(
        default=None,
        converter=_to_optional_enum(ProductCategory),  # type: ignore[misc]
    )
    referral_fee: Money | None = attrs.field(default=None, validator=_instance(Money))


@attrs.frozen(kw_only=True)
class Shipment:
    """A package handed to a carrier.

    Attributes:
        carrier: The carrier, e.g. ``UPS``.
        tracking_number: The carrier's tracking number.
        shipped_at: When the carrier took the package.
        delivered_at: When the carrier delivered it, if known.
        buy_shipping: Whether the label was bought with Amazon Buy Shipping.
        signature_confirmation: Whether delivery needs a signature.
        address_changed: Whether it went to an address other than the one Amazon gave (SP802).
        refused: Whether the buyer refused the package and it went back to the seller; its
            return is tracked under ``tracking_number`` (SP608).
    """

    carrier: str | None = attrs.field(default=None, validator=_instance(str))
    tracking_number: str | None = attrs.field(default=None, validator=_instance(str))
    shipped_at: dt.datetime | None = attrs.field(default=None, validator=_aware)
    delivered_at: dt.datetime | None = attrs.field(
        default=None, validator=[_aware, _ordered("shipped_at", "delivered_at")]
    )
    buy_shipping: bool = attrs.field(default=False, validator=_instance(bool))
    signature_confirmation: bool = attrs.field(default=False, validator=_instance(bool))
    address_changed: bool = attrs.field(default=False, validator=_instance(bool))
    refused: bool = attrs.field(default=False, validator=_instance(bool))


@attrs.frozen(kw_only=True)
class Order:
    """One purchase.

    Only ``order_id``, ``marketplace_id``, ``purchased_at`` and ``fulfillment_channel`` are
    required. Enum fields accept their string values (``"AFN"``).

    Attributes:
        order_id: Amazon's order id, normally ``ddd-ddddddd-ddddddd``.
        marketplace_id: The SP-API marketplace id, e.g. ``ATVPDKIKX0DER``.
        purchased_at: When the order was placed (timezone-aware).
        fulfillment_channel: ``AFN`` (FBA) or ``MFN`` (seller-fulfilled).
        status: The order status.
        items: The order lines.
        earliest_ship: Start of the ship-by window.
        latest_ship: End of the ship-by window.
        earliest_delivery: Start of the estimated delivery window.
        latest_delivery: End of the estimated delivery window ("max EDD").
        delivered_at: When the order was delivered, if known.
        shipments: Packages shipped for the order.
        total: The order total.
        is_prime: A Prime order.
        is_business: An Amazon Business order.
        buyer_locale: The buyer's language (Messaging ``GetAttributes``), e.g. ``en-US``.
    """

    order_id: str = attrs.field(validator=_non_empty)
    marketplace_id: str = attrs.field(validator=_non_empty)
    purchased_at: dt.datetime = attrs.field(validator=_aware)
    fulfillment_channel: FulfillmentChannel = attrs.field(converter=_to_enum(FulfillmentChannel))  # type: ignore[misc]
    status: OrderStatus | None = attrs.field(default=None, converter=_to_optional_enum(OrderStatus))  # type: ignore[misc]
    items: tuple[OrderItem, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(OrderItem)
    )
    earliest_ship: dt.datetime | None = attrs.field(default=None, validator=_aware)
    latest_ship: dt.datetime | None = attrs.field(
        default=None, validator=[_aware, _ordered("earliest_ship", "latest_ship")]
    )
    earliest_delivery: dt.datetime | None = attrs.field(default=None, validator=_aware)
    latest_delivery: dt.datetime | None = attrs.field(
        default=None, validator=[_aware, _ordered("earliest_delivery", "latest_delivery")]
    )
    delivered_at: dt.datetime | None = attrs.field(default=None, validator=_aware)
    shipments: tuple[Shipment, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Shipment)
    )
    total: Money | None = attrs.field(default=None, validator=_instance(Money))
    is_prime: bool = attrs.field(default=False, validator=_instance(bool))
    is_business: bool = attrs.field(default=False, validator=_instance(bool))
    buyer_locale: str | None = attrs.field(default=None, validator=_instance(str))

    @property
    def marketplace(self) -> Marketplace | None:
        """The order's marketplace, or ``None`` if the id is not a known one."""
        return MARKETPLACES.get(self.marketplace_id)


@attrs.frozen(kw_only=True)
class Attachment:
    """A file attached to a message.

    Attributes:
        file_name: The file's name, e.g. ``invoice-1234.pdf``.
        media_type: The MIME type, e.g. ``application/pdf``.
        size_bytes: The file's size.
        alt_text: Alternative text or caption shown for an image.
    """

    file_name: str = attrs.field(validator=_non_empty)
    media_type: str | None = attrs.field(default=None, validator=_instance(str))
    size_bytes: int | None = attrs.field(default=None, validator=[_instance(int), _at_least(0)])
    alt_text: str | None = attrs.field(default=None, validator=_instance(str))


@attrs.frozen(kw_only=True)
class Message:
    """One buyer-seller message (or a template of one).

    Attributes:
        body: The text, or HTML when ``format`` is ``html``.
        kind: What the message is for; defaults to a proactive seller message.
        sender: Who sends it.
        subject: The subject line.
        order_id: The order the message is about; ``None`` for a template.
        sent_at: When it was sent (timezone-aware); ``None`` for a draft.
        attachments: Attached files.
        format: Plain text or HTML.
        no_response_needed: The seller marked a buyer message "no response needed".
        automated: Sent by software, not typed by a person.
        marked_suspicious: The seller reported the message as suspicious.
    """

    body: str = attrs.field(validator=_instance(str))
    kind: MessageKind = attrs.field(default=MessageKind.PROACTIVE, converter=_to_enum(MessageKind))  # type: ignore[misc]
    sender: MessageSender = attrs.field(
        default=MessageSender.SELLER,
        converter=_to_enum(MessageSender),  # type: ignore[misc]
    )
    subject: str | None = attrs.field(default=None, validator=_instance(str))
    order_id: str | None = attrs.field(default=None, validator=_non_empty)
    sent_at: dt.datetime | None = attrs.field(default=None, validator=_aware)
    attachments: tuple[Attachment, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Attachment)
    )
    format: MessageFormat = attrs.field(
        default=MessageFormat.TEXT,
        converter=_to_enum(MessageFormat),  # type: ignore[misc]
    )
    no_response_needed: bool = attrs.field(default=False, validator=_instance(bool))
    automated: bool = attrs.field(default=False, validator=_instance(bool))
    marked_suspicious: bool = attrs.field(default=False, validator=_instance(bool))

    @property
    def requests_review(self) -> bool:
        """Whether this is a review or feedback request sent for its order (SP122 counts each).

        The seller's message of kind ``review_request`` (typed or sent by software), or Amazon's
        Request a Review: the same kind, sent by Amazon for the seller (``sender="amazon"``).
        """
        return self.kind is MessageKind.REVIEW_REQUEST and self.sender is not MessageSender.BUYER


@attrs.frozen(kw_only=True)
class Feedback:
    """Seller feedback left by a buyer.

    Attributes:
        order_id: The order the feedback is for.
        rating: Stars, 1 to 5.
        left_at: When the buyer left it (timezone-aware).
        comment: The buyer's comment.
    """

    order_id: str = attrs.field(validator=_non_empty)
    rating: int = attrs.field(validator=_instance(int))
    left_at: dt.datetime = attrs.field(validator=_aware)
    comment: str = attrs.field(default="", validator=_instance(str))

    @rating.validator
    def _check_rating(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not 1 <= value <= 5:  # noqa: PLR2004 - the star scale
            raise InvalidValueError(f"Feedback.{attribute.name} must be 1-5, got {value!r}")

    @property
    def rating_class(self) -> FeedbackClass:
        """Positive (4-5 stars), neutral (3) or negative (1-2)."""
        if self.rating >= 4:  # noqa: PLR2004
            return FeedbackClass.POSITIVE
        if self.rating == 3:  # noqa: PLR2004
            return FeedbackClass.NEUTRAL
        return FeedbackClass.NEGATIVE


@attrs.frozen(kw_only=True)
class ReturnRequest:
    """A buyer's request to return items.

    Attributes:
        order_id: The order.
        requested_at: When the buyer asked (timezone-aware).
        reason: Why the buyer returns the items.
        items: ASINs or SKUs being returned; empty means the whole order.
        in_policy: Whether Amazon judged the request inside the return policy.
        received_at: When the seller received the returned items.
        item_condition: The state of the items when received.
    """

    order_id: str = attrs.field(validator=_non_empty)
    requested_at: dt.datetime = attrs.field(validator=_aware)
    reason: ReturnReason = attrs.field(converter=_to_enum(ReturnReason))  # type: ignore[misc]
    items: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))
    in_policy: bool | None = attrs.field(default=None, validator=_instance(bool))
    received_at: dt.datetime | None = attrs.field(
        default=None, validator=[_aware, _ordered("requested_at", "received_at")]
    )
    item_condition: ItemCondition | None = attrs.field(
        default=None,
        converter=_to_optional_enum(ItemCondition),  # type: ignore[misc]
    )


@attrs.frozen(kw_only=True)
class Claim:
    """An A-to-z Guarantee claim or a chargeback.

    Attributes:
        order_id: The order.
        kind: A-to-z claim or chargeback.
        reason: The ground it was filed on.
        filed_at: When it was filed (timezone-aware).
        amount: The amount claimed.
        status: Where it stands.
        decided_at: When Amazon (or the bank) decided it, if it has been.
    """

    order_id: str = attrs.field(validator=_non_empty)
    kind: ClaimKind = attrs.field(converter=_to_enum(ClaimKind))  # type: ignore[misc]
    reason: ClaimReason = attrs.field(converter=_to_enum(ClaimReason))  # type: ignore[misc]
    filed_at: dt.datetime = attrs.field(validator=_aware)
    amount: Money | None = attrs.field(default=None, validator=_instance(Money))
    status: ClaimStatus = attrs.field(default=ClaimStatus.OPEN, converter=_to_enum(ClaimStatus))  # type: ignore[misc]
    decided_at: dt.datetime | None = attrs.field(
        default=None, validator=[_aware, _ordered("filed_at", "decided_at")]
    )
