"""Messaging API v1 and Solicitations API v1: available actions and the buyer's locale."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import regex

from sellerpolicy.adapters.sp_api._reader import (
    Reader,
    finish,
    result,
    shape_error,
    show,
    unwrap,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["buyer_locale_from_sp_api", "messaging_actions_from_sp_api"]

_LOCALE: Final = regex.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


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
