"""Strategies for the test suite: the public ones plus obfuscation generators."""

from __future__ import annotations

from hypothesis import strategies as st

from sellerpolicy.testing import (
    attachments,
    aware_datetimes,
    campaigns,
    cancellations,
    claims,
    event_refs,
    events,
    fba_units,
    feedbacks,
    findings,
    graded_units,
    information_requests,
    message_reports,
    messages,
    money,
    not_judged,
    opt_outs,
    order_items,
    order_problems,
    orders,
    phone_calls,
    refunds,
    return_requests,
    seller_actions,
    shipments,
    spans,
    timelines,
)

__all__ = [
    "attachments",
    "aware_datetimes",
    "campaigns",
    "cancellations",
    "claims",
    "event_refs",
    "events",
    "fba_units",
    "feedbacks",
    "findings",
    "graded_units",
    "information_requests",
    "message_reports",
    "messages",
    "money",
    "not_judged",
    "obfuscated_domains",
    "obfuscated_emails",
    "opt_outs",
    "order_items",
    "order_problems",
    "orders",
    "phone_calls",
    "refunds",
    "return_requests",
    "seller_actions",
    "shipments",
    "spans",
    "timelines",
]

_LABELS = st.sampled_from(["kettleco", "bestgadgets", "myshop", "brandstore", "gizmohub"])
_TLDS = st.sampled_from(["com", "net", "org", "co.uk", "de", "shop", "io"])
_DOTS = st.sampled_from([".", " . ", " .", " dot ", " [dot] ", "(dot)", " (.) ", " DOT ", "．"])
_ATS = st.sampled_from(["@", " @ ", " [at] ", "(at)", " AT ", "＠"])
_CONFUSABLE = {"o": "о", "a": "а", "e": "е", "c": "с", "p": "р", "i": "і"}


@st.composite
def _disguise(draw: st.DrawFn, word: str) -> str:
    out = []
    for ch in word:
        swap = ch in _CONFUSABLE and draw(st.integers(0, 4)) == 0
        out.append(_CONFUSABLE[ch] if swap else ch)
        if draw(st.integers(0, 6)) == 0:
            out.append(draw(st.sampled_from(["\u200b", "\u00ad", "\u200d", "\u2060"])))
    text = "".join(out)
    if draw(st.booleans()):
        text = text.upper()
    return text


@st.composite
def obfuscated_domains(draw: st.DrawFn) -> tuple[str, str]:
    """A disguised web address and the plain address it stands for."""
    label, tld = draw(_LABELS), draw(_TLDS)
    parts = tld.split(".")
    prefix = draw(st.sampled_from(["", "www.", "https://", "hxxps://", "www . "]))
    dot = draw(_DOTS)
    text = draw(_disguise(label)) + dot + dot.join(parts)
    text = ("www" + dot if prefix == "www . " else prefix) + text
    return text, f"{label}.{tld}"


@st.composite
def obfuscated_emails(draw: st.DrawFn) -> tuple[str, str]:
    """A disguised email address and the plain address it stands for."""
    local = draw(st.sampled_from(["jane", "support", "info", "sales.team", "bob.smith"]))
    label, tld = draw(_LABELS), draw(st.sampled_from(["com", "net", "de", "co.uk"]))
    dot = draw(_DOTS)
    # a bare ' at ' reads as an address only when the dots are spelled out too ('jane at x dot com');
    # 'look at shop.com' is prose
    at = draw(_ATS if "dot" in dot.lower() else _ATS.filter(lambda a: a != " AT "))
    text = draw(_disguise(local)) + at + draw(_disguise(label)) + dot + dot.join(tld.split("."))
    return text, f"{local}@{label}.{tld}"
