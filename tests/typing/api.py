"""Type-checked (never executed) uses of the public API: mypy --strict must accept this file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sellerpolicy
from sellerpolicy import (
    Code,
    Finding,
    Message,
    MessageReport,
    Money,
    Order,
    Policy,
    Severity,
    check_message,
    from_json,
    to_json,
)
from sellerpolicy.exceptions import SellerPolicyError


def pre_send(text: str, policy: Policy) -> tuple[bool, list[str]]:
    report: MessageReport = check_message(text, kind="reply", policy=policy)
    reasons: list[str] = [f"{f.code}: {f.message}" for f in report.findings]
    return report.ok, reasons


def spans(report: MessageReport, text: str) -> list[str]:
    return [text[f.span.start : f.span.end] for f in report.findings if f.span is not None]


def codes(report: MessageReport) -> frozenset[Code]:
    return report.codes


def severities(findings: tuple[Finding, ...]) -> set[Severity]:
    return {f.severity for f in findings}


def orders() -> Order:
    order = Order(
        order_id="113-4567890-1234567",
        marketplace_id="ATVPDKIKX0DER",
        purchased_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        fulfillment_channel=sellerpolicy.FulfillmentChannel.AFN,
        total=Money(Decimal("19.99"), "USD"),
    )
    copy: Order = from_json(Order, to_json(order))
    return copy


def policies() -> Policy:
    try:
        return Policy.current().disable("SP121").with_parameters(max_attachments=3)
    except SellerPolicyError:
        return Policy.seed()


def messages() -> Message:
    return Message(body="Your parcel is delayed.", kind="unexpected_problem")
