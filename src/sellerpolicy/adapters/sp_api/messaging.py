"""Messaging API v1 and Solicitations API v1: actions, the buyer's locale, sent requests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

import regex

from sellerpolicy._model import Attachment, Message, MessageKind, MessageSender
from sellerpolicy.adapters.sp_api._reader import (
    Reader,
    as_mapping,
    build,
    finish,
    result,
    shape_error,
    show,
    unwrap,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "buyer_locale_from_sp_api",
    "message_from_messaging_request",
    "messaging_actions_from_sp_api",
]

_LOCALE: Final = regex.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
# The kinds a Messaging v1 or Solicitations v1 create operation sends
_API_KINDS: Final = frozenset(
    {
        MessageKind.CONFIRM_CUSTOMIZATION,
        MessageKind.CONFIRM_DELIVERY,
        MessageKind.CONFIRM_ORDER_DETAILS,
        MessageKind.CONFIRM_SERVICE,
        MessageKind.DIGITAL_ACCESS_KEY,
        MessageKind.LEGAL_DISCLOSURE,
        MessageKind.UNEXPECTED_PROBLEM,
        MessageKind.WARRANTY,
        MessageKind.INVOICE,
        MessageKind.NEGATIVE_FEEDBACK_REMOVAL,
        MessageKind.REVIEW_REQUEST,
    }
)


def buyer_locale_from_sp_api(payload: Mapping[str, Any]) -> str:
    """Read the buyer's locale from a Messaging ``GetAttributes`` response.

    Accepts the raw body or python-amazon-sp-api's ``response.payload`` (both
    ``{"buyer": {"locale": "en-US"}}``) and the example-file wrapper.

    Args:
        payload: The GetAttributes response.

    Returns:
        The locale exactly as Amazon sent it, e.g. ``"en-US"``.

    Raises:
        DeserializationError: An SP-API error body, another shape, or a missing or malformed
            locale; the message names the JSON path.
    """
    target = "buyer locale"
    obj, path = unwrap(payload, "$", target)
    if "buyer" not in obj:
        raise shape_error(obj, path, "a GetAttributes response {'buyer': {'locale': ...}}", target)
    problems: list[str] = []
    buyer = Reader(obj, path, problems).sub("buyer")
    locale = buyer.text("locale", required=True) if buyer else None
    if buyer is not None and locale is not None and not _LOCALE.fullmatch(locale):
        buyer.problem("locale", f"expected a locale tag such as 'en-US', got {show(locale)}")
    return result(locale, problems, target)


def messaging_actions_from_sp_api(payload: Mapping[str, Any]) -> tuple[str, ...]:
    """List the action names of a getMessagingActionsForOrder or getSolicitationActionsForOrder.

    Names come from the HAL ``_links.actions`` links (``name``, or the last segment of
    ``href`` when a link has no name). Unknown and retired names, such as
    ``negativeFeedbackRemoval`` or ``amazonMotors``, are kept: they are data, not errors.
    Accepts the raw body, python-amazon-sp-api's ``response.payload`` and the example-file
    wrapper.

    Args:
        payload: The actions response.

    Returns:
        The action names in the response's order; empty when nothing may be sent.

    Raises:
        DeserializationError: An SP-API error body, another shape, or malformed links; the
            message names the JSON path.
    """
    target = "messaging actions"
    obj, path = unwrap(payload, "$", target)
    if "_links" not in obj:
        raise shape_error(obj, path, "a HAL actions response with _links.actions", target)
    problems: list[str] = []
    links = Reader(obj, path, problems).sub("_links")
    names: list[str] = []
    if links is not None:
        if links.get("actions") is None:
            links.missing("actions", "an array of action links")
        for action in links.objects("actions"):
            name = action.text("name") or _name_from_href(action)
            if name is not None:
                names.append(name)
    finish(problems, target)
    return tuple(names)


def _name_from_href(action: Reader) -> str | None:
    href = action.text("href")
    name = href.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] if href else ""
    if not name:
        action.problem("name", f"expected an action name (or an href), got {show(action.data)}")
        return None
    return name


def message_from_messaging_request(
    operation: str,
    body: Mapping[str, Any] | None = None,
    *,
    order_id: str | None = None,
    sent_at: dt.datetime | None = None,
) -> Message:
    """Build the `Message` a Messaging or Solicitations create request sends.

    A create operation answers ``201`` with an empty body, so what was sent is the request:
    the operation, which gives the kind (``confirmCustomizationDetails``, ``CreateWarranty``,
    ``createProductReviewAndSellerFeedbackSolicitation``, or the action name such as
    ``warranty``), and its JSON body: ``text`` becomes the body and each attachment's
    ``fileName`` an `Attachment`. Operations without text (warranty, legal disclosure,
    invoice) and those without a body (the solicitation, whose text Amazon writes) give an
    empty body. Other body fields (``uploadDestinationId``, warranty coverage dates) are not
    read. Amazon returns no time, so a timeline message needs ``sent_at``; leave it ``None``
    for a draft to check before sending. ``automated`` stays ``False``: the request does not
    say who wrote the text.

    Args:
        operation: The operation id or action name that was (or will be) called.
        body: The request's JSON body (``request.parameters.body.value`` in the examples).
        order_id: The ``amazonOrderId`` of the request.
        sent_at: When Amazon accepted the request (timezone-aware); ``None`` for a draft.

    Returns:
        A seller message of the operation's kind.

    Raises:
        DeserializationError: The operation sends no message (``GetAttributes``) or is
            unknown, an argument is malformed, or the body has bad fields; every problem is
            listed with its path (``operation=``, ``sent_at=``, ``body=$.attachments[0]``).
    """
    target = "Message"
    problems: list[str] = []
    start = len(problems)
    kind = _request_kind(operation, problems)
    if order_id is not None and (not isinstance(order_id, str) or not order_id.strip()):
        problems.append(f"order_id=: expected a non-empty string, got {show(order_id)}")
    if sent_at is not None and (
        not isinstance(sent_at, dt.datetime) or sent_at.utcoffset() is None
    ):
        problems.append(f"sent_at=: expected a timezone-aware datetime, got {show(sent_at)}")
    r = Reader(as_mapping({} if body is None else body, "body=$", target), "body=$", problems)
    attachments = [_attachment(a) for a in r.objects("attachments")]
    values = {
        "body": r.text("text") or "",
        "kind": kind,
        "sender": MessageSender.SELLER,
        "order_id": order_id,
        "sent_at": sent_at,
        "attachments": attachments,
    }
    paths = {"body": r.at("text"), "attachments": r.at("attachments")}
    return result(build(Message, values, paths, r, start), problems, target)


def _request_kind(operation: object, problems: list[str]) -> MessageKind | None:
    try:
        kind = MessageKind(operation) if isinstance(operation, str) else None
    except ValueError:
        kind = None
    if kind not in _API_KINDS:
        problems.append(
            "operation=: expected a Messaging or Solicitations operation that sends a message, "
            f"such as 'confirmCustomizationDetails' or 'CreateWarranty', got {show(operation)}"
        )
        return None
    return kind


def _attachment(r: Reader) -> Attachment | None:
    start = len(r.problems)
    values = {"file_name": r.text("fileName", required=True)}
    return build(Attachment, values, {"file_name": r.at("fileName")}, r, start)
