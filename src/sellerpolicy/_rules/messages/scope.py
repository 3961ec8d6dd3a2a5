"""Which messages the message rules judge: only what a seller sends (the specification, §3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sellerpolicy._model import MessageSender

if TYPE_CHECKING:
    from sellerpolicy._model import Message

__all__ = ["is_seller_message"]


def is_seller_message(message: Message) -> bool:
    """Whether the content and formatting rules judge ``message``.

    §3: the rules apply "to every seller message ..., never to a buyer's or Amazon's
    message". A message whose sender is the buyer or Amazon, or whose kind only buyers send
    (inquiry, return request, brand or suspicious message), is not judged, and is no earlier
    request of the seller's when it appears in the history (SP116, SP122).
    """
    return message.sender is MessageSender.SELLER and not message.kind.is_buyer_kind
