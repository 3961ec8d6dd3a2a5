"""The rule table: every stable rule code with its name, severity per edition and source."""

from __future__ import annotations

import datetime as dt
import enum
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["RULES", "Code", "Edition", "RuleInfo", "RuleStatus", "Severity"]


class Severity(enum.StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    """Prohibited: the message gets blocked and the account is at risk."""
    WARNING = "warning"
    """Risky or ambiguous: a human should look."""
    INFO = "info"
    """Good practice or advice."""

    @property
    def rank(self) -> int:
        """Order severities so that ``ERROR`` ranks highest."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


class Edition(enum.StrEnum):
    """The two built-in editions of the policy (POLICY.md §1)."""

    CURRENT = "current"
    """Today's US marketplace policy (the default)."""
    SEED = "seed"
    """The policy as the source document (about 2015-2017 practice) describes it."""


class RuleStatus(enum.StrEnum):
    """Whether a rule code is in use. Codes are never reused."""

    ACTIVE = "active"
    DEPRECATED = "deprecated"


class Code(enum.StrEnum):
    """Stable rule codes.

    A code's value is its string form, so ``"SP101" in report.codes`` works.
    """

    SP101 = "SP101"
    SP102 = "SP102"
    SP103 = "SP103"
    SP104 = "SP104"
    SP105 = "SP105"
    SP106 = "SP106"
    SP107 = "SP107"
    SP108 = "SP108"
    SP109 = "SP109"
    SP110 = "SP110"
    SP111 = "SP111"
    SP112 = "SP112"
    SP113 = "SP113"
    SP114 = "SP114"
    SP115 = "SP115"
    SP116 = "SP116"
    SP117 = "SP117"
    SP118 = "SP118"
    SP119 = "SP119"
    SP120 = "SP120"
    SP121 = "SP121"
    SP122 = "SP122"
    SP123 = "SP123"
    SP124 = "SP124"
    SP201 = "SP201"
    SP202 = "SP202"
    SP203 = "SP203"
    SP204 = "SP204"
    SP205 = "SP205"
    SP206 = "SP206"
    SP207 = "SP207"
    SP208 = "SP208"

    @property
    def info(self) -> RuleInfo:
        """The rule's entry in the rule table."""
        return RULES[self]


@attrs.frozen(kw_only=True)
class RuleInfo:
    """One row of the rule table.

    Attributes:
        code: The stable code.
        name: Kebab-case name describing the flagged pattern.
        summary: One line saying what the rule catches.
        severity: Severity per edition; an edition missing here does not have the rule.
        status: Whether the code is active or deprecated.
        source: Where the rule comes from (Amazon help page, SP-API model, or the seed).
        checked: When the rule was last checked against its source.
    """

    code: Code
    name: str
    summary: str
    severity: Mapping[Edition, Severity]
    status: RuleStatus = RuleStatus.ACTIVE
    source: str
    checked: dt.date

    def severity_in(self, edition: Edition) -> Severity | None:
        """The rule's severity in ``edition``, or ``None`` if the edition lacks the rule."""
        return self.severity.get(edition)


_CHECKED = dt.date(2026, 11, 26)
_GUIDELINES = "Amazon Seller Central, Communication guidelines (Buyer-Seller Messaging)"
_SPAPI = "SP-API Messaging v1 model (amzn/selling-partner-api-models)"
_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_C, _S = Edition.CURRENT, Edition.SEED


def _rule(
    code: Code,
    name: str,
    summary: str,
    *,
    current: Severity | None,
    seed: Severity | None,
    source: str,
) -> RuleInfo:
    severity = {ed: sev for ed, sev in ((_C, current), (_S, seed)) if sev is not None}
    return RuleInfo(
        code=code,
        name=name,
        summary=summary,
        severity=MappingProxyType(severity),
        source=source,
        checked=_CHECKED,
    )


_TABLE = (
    _rule(
        Code.SP101,
        "external-link",
        "A link or web address to a non-Amazon site, in any form.",
        current=_E,
        seed=_E,
        source=f"{_GUIDELINES}; seed: Prohibited Messages",
    ),
    _rule(
        Code.SP102,
        "amazon-link",
        "A link to an Amazon page not needed for the order.",
        current=_W,
        seed=_W,
        source=f"{_GUIDELINES}; seed: Promoting additional product",
    ),
    _rule(
        Code.SP103,
        "email-address",
        "An email address, plain or obfuscated.",
        current=_E,
        seed=_E,
        source=f"{_GUIDELINES}; {_SPAPI}",
    ),
    _rule(
        Code.SP104,
        "phone-number",
        "A phone number in any national or international format.",
        current=_E,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP105,
        "off-amazon-promotion",
        "A call to buy or act outside Amazon.",
        current=_E,
        seed=_E,
        source=f"{_GUIDELINES}; seed: Promoting additional product",
    ),
    _rule(
        Code.SP106,
        "feedback-incentive",
        "Something of value offered for feedback or a review.",
        current=_E,
        seed=_E,
        source=f"{_GUIDELINES}; seed: Feedback Incentives",
    ),
    _rule(
        Code.SP107,
        "positive-feedback-request",
        "Asking for positive feedback or reviews only.",
        current=_E,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP108,
        "extra-payment",
        "Asking the buyer to pay more after the sale.",
        current=_E,
        seed=_E,
        source=f"{_GUIDELINES}; seed: Extra Payments",
    ),
    _rule(
        Code.SP109,
        "order-confirmation",
        "A message whose purpose is to confirm the order.",
        current=_E,
        seed=_W,
        source=f"{_GUIDELINES}; seed: Order-confirmation emails",
    ),
    _rule(
        Code.SP110,
        "shipping-notification",
        "A message whose purpose is a shipping notice.",
        current=_E,
        seed=_E,
        source=f"{_GUIDELINES}; seed: Shipping emails",
    ),
    _rule(
        Code.SP111,
        "abusive-language",
        "Insults, profanity, or calling the buyer a liar.",
        current=_E,
        seed=_E,
        source=f"{_GUIDELINES}; seed: The Mean And Nasty Customer",
    ),
    _rule(
        Code.SP112,
        "threat",
        "Threats of collection, lawsuits, reporting or shaming.",
        current=_E,
        seed=_E,
        source=f"{_GUIDELINES}; seed: The Mean And Nasty Customer",
    ),
    _rule(
        Code.SP113,
        "marketing",
        "Promotion of any product, even on Amazon.",
        current=_E,
        seed=_W,
        source=f"{_GUIDELINES}; seed: Promoting additional product",
    ),
    _rule(
        Code.SP114,
        "review-gating",
        "Steering unhappy buyers away from reviewing.",
        current=_E,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP115,
        "review-change-request",
        "Asking to change or remove a product review.",
        current=_E,
        seed=None,
        source="Amazon Community Guidelines (customer reviews)",
    ),
    _rule(
        Code.SP116,
        "feedback-removal-pressure",
        "Pressure to remove or change seller feedback.",
        current=_E,
        seed=_W,
        source=f"{_GUIDELINES}; seed: How to remove Negative Feedback",
    ),
    _rule(
        Code.SP117,
        "thank-you-only",
        "A proactive message that only thanks the buyer.",
        current=_E,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP118,
        "opt-out-link",
        "Unsubscribe or opt-out text or links.",
        current=_E,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP119,
        "unnecessary-attachment",
        "Attachments not needed for the order.",
        current=_E,
        seed=None,
        source=f"{_GUIDELINES}; {_SPAPI}",
    ),
    _rule(
        Code.SP120,
        "logo-with-web-address",
        "An image showing a web address.",
        current=_E,
        seed=_E,
        source=f"{_GUIDELINES}; seed: Prohibited Messages",
    ),
    _rule(
        Code.SP121,
        "important-tag-misuse",
        "[Important] in a subject not needed for the order.",
        current=_W,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP122,
        "repeat-solicitation",
        "A second review or feedback request for one order.",
        current=_E,
        seed=_W,
        source=f"{_GUIDELINES}; Solicitations API v1 model",
    ),
    _rule(
        Code.SP123,
        "cancellation-request",
        "Asking the buyer to cancel the order.",
        current=_E,
        seed=None,
        source="Amazon Seller Central, Cancel an order",
    ),
    _rule(
        Code.SP124,
        "purpose-mismatch",
        "Body unrelated to the chosen message kind.",
        current=_W,
        seed=None,
        source=_SPAPI,
    ),
    _rule(
        Code.SP201, "emoji", "An emoji or pictograph.", current=_E, seed=None, source=_GUIDELINES
    ),
    _rule(
        Code.SP202,
        "animated-image",
        "A GIF or other animated image.",
        current=_E,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP203,
        "insecure-image",
        "An image loaded over plain http.",
        current=_E,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP204,
        "product-image",
        "A product photo in a proactive message.",
        current=_W,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP205,
        "tracking-pixel",
        "A 1x1, hidden or remote beacon image.",
        current=_E,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP206,
        "layout-override",
        "HTML that overrides the message layout.",
        current=_W,
        seed=None,
        source=_GUIDELINES,
    ),
    _rule(
        Code.SP207,
        "html-in-api-text",
        "HTML markup in text meant for an SP-API message.",
        current=_E,
        seed=None,
        source=_SPAPI,
    ),
    _rule(
        Code.SP208,
        "text-too-long",
        "Text over the SP-API length limit for the kind.",
        current=_E,
        seed=None,
        source=_SPAPI,
    ),
)

RULES: Mapping[Code, RuleInfo] = MappingProxyType({info.code: info for info in _TABLE})
"""Every rule code, in code order."""
