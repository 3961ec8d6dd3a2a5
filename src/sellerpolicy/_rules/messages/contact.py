"""Contact details: links, Amazon links, email addresses, phone numbers (SP101-SP104, SP120)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from sellerpolicy._codes import Severity
from sellerpolicy._rules.messages.analysis import Found
from sellerpolicy._rules.messages.attachments import IMAGE_EXT, is_image, name_words
from sellerpolicy._text.detectors import Evidence, find_links
from sellerpolicy._text.normalize import normalize
from sellerpolicy._text.spans import SpanSet

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sellerpolicy._model import Attachment
    from sellerpolicy._rules.messages.analysis import Analysis

__all__ = ["amazon_link", "email_address", "external_link", "logo_with_web_address", "phone_number"]


_OWN_PAGE = regex.compile(
    r"(?:/gp/(?:your-account|css)/order|/your-orders|order-?details|orderid=|/review/create-review"
    r"|/review/review-your-purchases|/hz/feedback|/gp/feedback)",
    regex.V1,
)


def _is_amazon(host: str, domains: frozenset[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _page_links(a: Analysis) -> list[Evidence]:
    """Links a buyer could follow: an ``<img src>`` loads a picture and is judged by SP2xx."""
    html = a.html
    if html is None or not html.images:
        return a.links
    images = SpanSet((img.start, img.end) for img in html.images)
    return [ln for ln in a.links if not images.overlaps(ln.start, ln.end)]


def external_link(a: Analysis) -> Iterator[Found]:
    params = a.policy.parameters
    emails = SpanSet((e.start, e.end) for e in a.emails)
    for link in _page_links(a):
        if _is_amazon(link.host, params.amazon_domains):
            continue
        if emails.overlaps(link.start, link.end):
            continue  # the domain of an email address (SP103), not a link of its own
        allowed = (
            a.kind in params.members("order_completion_kinds")
            and link.value.startswith("https://")
            and _is_amazon(link.host, params.link_allowlist)
        )
        if not allowed:
            yield Found(link.start, link.end, a.message.body[link.start : link.end], link.disguises)


def amazon_link(a: Analysis) -> Iterator[Found]:
    for link in _page_links(a):
        # a bare 'Amazon.com' names the company; a link has a scheme, 'www.' or a path
        if link.explicit and _is_amazon(link.host, a.policy.parameters.amazon_domains):
            own = _OWN_PAGE.search(link.value) is not None
            yield Found(
                link.start,
                link.end,
                a.message.body[link.start : link.end],
                link.disguises,
                severity=Severity.INFO if own else None,
                note="a link to the buyer's own order or review page" if own else "",
            )


def email_address(a: Analysis) -> Iterator[Found]:
    for email in a.emails:
        yield Found(
            email.start, email.end, a.message.body[email.start : email.end], email.disguises
        )


def phone_number(a: Analysis) -> Iterator[Found]:
    for phone in a.phones:
        owner = any(h.vocab == "phone_owner" for h in a.lex.scan(phone.context))
        yield Found(
            phone.start,
            phone.end,
            a.message.body[phone.start : phone.end],
            phone.disguises,
            severity=Severity.INFO if owner else None,
            note="a warranty, manufacturer or carrier number" if owner else "",
        )


def _image_links(att: Attachment) -> list[Evidence]:
    return find_links(normalize(name_words(att)))


def logo_with_web_address(a: Analysis) -> Iterator[Found]:
    for i, att in enumerate(a.message.attachments):
        if not is_image(att):
            continue
        links = [
            link
            for link in _image_links(att)
            if not _is_amazon(link.host, a.policy.parameters.amazon_domains)
            and link.host.rsplit(".", 1)[-1] not in IMAGE_EXT
        ]
        if links:
            yield Found(field=f"attachments[{i}]", evidence=links[0].value)
