"""The rule table: every stable rule code with its name, severity per edition and source."""

from __future__ import annotations

import datetime as dt
import enum
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["RULES", "Code", "Edition", "Family", "RuleInfo", "RuleStatus", "Severity"]


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
    """The two built-in editions of the policy; see [Editions][editions]."""

    CURRENT = "current"
    """Today's US marketplace policy (the default)."""
    SEED = "seed"
    """The policy as the source document (about 2015-2017 practice) describes it."""


class Family(enum.StrEnum):
    """A rule family: the rules that read one kind of input and answer one kind of question."""

    MESSAGES = "messages"
    """What a seller's message may say and how it may look (SP1xx, SP2xx); reads a text."""
    FEEDBACK = "feedback"
    """Whether seller feedback can be removed or struck through (SP3xx); reads a comment."""
    CONTEXT = "context"
    """When and to whom a message may go (SP4xx); reads a message with its order and history."""
    OBLIGATIONS = "obligations"
    """What the seller owes the buyer, by when (SP5xx); reads an order's timeline."""
    CLAIMS = "claims"
    """A-to-z Guarantee claims (SP6xx); reads an order's timeline."""
    RETURNS = "returns"
    """Returns, restocking and referral fees (SP7xx); reads a return and its order."""
    CHARGEBACKS = "chargebacks"
    """Chargebacks and cancellations (SP8xx); reads a claim and its order."""
    HEALTH = "health"
    """Account-health figures over many orders (SP9xx)."""


class RuleStatus(enum.StrEnum):
    """Whether a rule code is in use. Codes are never reused."""

    ACTIVE = "active"
    """In use."""
    DEPRECATED = "deprecated"
    """No longer a rule of the current policy; the code stays reserved."""


class Code(enum.StrEnum):
    """Stable rule codes, ``SP101`` to ``SP908``; a code is never reused.

    A code's value is its string form, so ``"SP101" in report.codes`` works, and ``code.info``
    is its row of `RULES`. The [rule reference][rule-reference] lists every code with its name,
    summary, severity per edition and specification.
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
    SP301 = "SP301"
    SP302 = "SP302"
    SP303 = "SP303"
    SP304 = "SP304"
    SP305 = "SP305"
    SP306 = "SP306"
    SP310 = "SP310"
    SP401 = "SP401"
    SP402 = "SP402"
    SP403 = "SP403"
    SP404 = "SP404"
    SP405 = "SP405"
    SP406 = "SP406"
    SP415 = "SP415"
    SP501 = "SP501"
    SP502 = "SP502"
    SP503 = "SP503"
    SP504 = "SP504"
    SP505 = "SP505"
    SP506 = "SP506"
    SP507 = "SP507"
    SP508 = "SP508"
    SP509 = "SP509"
    SP510 = "SP510"
    SP511 = "SP511"
    SP512 = "SP512"
    SP513 = "SP513"
    SP601 = "SP601"
    SP602 = "SP602"
    SP603 = "SP603"
    SP604 = "SP604"
    SP605 = "SP605"
    SP606 = "SP606"
    SP607 = "SP607"
    SP608 = "SP608"
    SP609 = "SP609"
    SP610 = "SP610"
    SP611 = "SP611"
    SP701 = "SP701"
    SP702 = "SP702"
    SP703 = "SP703"
    SP704 = "SP704"
    SP705 = "SP705"
    SP706 = "SP706"
    SP707 = "SP707"
    SP708 = "SP708"
    SP801 = "SP801"
    SP802 = "SP802"
    SP803 = "SP803"
    SP804 = "SP804"
    SP805 = "SP805"
    SP901 = "SP901"
    SP902 = "SP902"
    SP903 = "SP903"
    SP904 = "SP904"
    SP905 = "SP905"
    SP906 = "SP906"
    SP907 = "SP907"
    SP908 = "SP908"

    @property
    def info(self) -> RuleInfo:
        """The rule's entry in the rule table."""
        return RULES[self]


@attrs.frozen(kw_only=True)
class RuleInfo:
    """One row of the rule table.

    Attributes:
        code: The stable code.
        family: The family the rule belongs to.
        name: Kebab-case name describing the flagged pattern.
        summary: One line saying what the rule catches.
        severity: Severity per edition; an edition missing here does not have the rule.
        status: Whether the code is active or deprecated.
        source: Where the rule comes from (Amazon help page, SP-API model, or the seed).
        checked: When the rule was last checked against its source.
    """

    code: Code
    family: Family
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
    family: Family = Family.MESSAGES,
    status: RuleStatus = RuleStatus.ACTIVE,
) -> RuleInfo:
    severity = {ed: sev for ed, sev in ((_C, current), (_S, seed)) if sev is not None}
    return RuleInfo(
        code=code,
        family=family,
        status=status,
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

_FEEDBACK = "Amazon Seller Central, Feedback removal and strike-through (help 27951)"
_TIMELINE = "Amazon Seller Central, Buyer-Seller Messaging and order management help"
_ATOZ = "Amazon Seller Central, A-to-z Guarantee (help G27951)"
_RETURNS = "Amazon Seller Central, Returns and refunds policies (help 201819090)"
_CHARGEBACK = "Amazon Seller Central, Chargeback claims (help 200189140)"
_HEALTH = "Amazon Seller Central, Account Health rating and metrics"

_Row = tuple[Code, str, str, Severity | None, Severity | None]


def _family(family: Family, source: str, rows: tuple[_Row, ...]) -> tuple[RuleInfo, ...]:
    """Rows of one family; the seed's own wording is cited beside the current source."""
    return tuple(
        _rule(
            code,
            name,
            summary,
            current=current,
            seed=seed,
            source=f"{source}; seed" if seed is not None else source,
            family=family,
            # a code only the seed has is a ground current policy has dropped
            status=RuleStatus.DEPRECATED
            if current is None and seed is not None
            else RuleStatus.ACTIVE,
        )
        for code, name, summary, current, seed in rows
    )


_FEEDBACK_TABLE = _family(
    Family.FEEDBACK,
    _FEEDBACK,
    (
        (
            Code.SP301,
            "fulfilled-by-amazon",
            "An FBA order's feedback about Amazon's fulfilment: struck through.",
            _I,
            _I,
        ),
        (
            Code.SP302,
            "product-review",
            "Feedback that is wholly a product review: removed.",
            _I,
            _I,
        ),
        (Code.SP303, "profanity", "Feedback with obscene or profane words: removed.", _I, _I),
        (
            Code.SP304,
            "personal-information",
            "Feedback with personal information: removed.",
            _I,
            _I,
        ),
        (
            Code.SP305,
            "pricing",
            "Feedback that complains about the price (a seed-era ground).",
            None,
            _I,
        ),
        (
            Code.SP306,
            "buy-shipping-on-time",
            "A late-delivery complaint on an on-time Buy Shipping order: struck through.",
            _I,
            None,
        ),
        (
            Code.SP310,
            "rating-text-mismatch",
            "Positive words with a 1-2 star rating: contact the buyer politely.",
            _I,
            _I,
        ),
    ),
)

_CONTEXT_TABLE = _family(
    Family.CONTEXT,
    _GUIDELINES,
    (
        (Code.SP401, "missing-order-id", "A proactive message without the order id.", _W, None),
        (Code.SP402, "wrong-language", "A message in another language than the buyer's.", _W, None),
        (
            Code.SP403,
            "proactive-too-late",
            "A proactive message over 30 days after the order completed.",
            _E,
            None,
        ),
        (Code.SP404, "solicitation-window", "A review request outside its window.", _E, _I),
        (
            Code.SP405,
            "non-critical-to-opted-out",
            "A non-critical message to a buyer who opted out.",
            _W,
            None,
        ),
        (
            Code.SP406,
            "daily-proactive-limit",
            "More proactive messages in a day than the limit.",
            _W,
            None,
        ),
        (
            Code.SP415,
            "selective-solicitation",
            "A solicitation campaign that filters buyers by sentiment or history.",
            _E,
            _I,
        ),
    ),
)

_OBLIGATIONS_TABLE = _family(
    Family.OBLIGATIONS,
    _TIMELINE,
    (
        (Code.SP501, "reply-to-buyer", "Reply to a buyer's message within the deadline.", _E, _E),
        (
            Code.SP502,
            "return-request-response",
            "Answer a return request within the deadline.",
            _E,
            _E,
        ),
        (
            Code.SP503,
            "refund-after-return",
            "Refund within 2 business days of receiving a return.",
            _E,
            None,
        ),
        (
            Code.SP504,
            "claim-buyer-contact",
            "Answer the buyer's contact on an order with an A-to-z claim.",
            _E,
            _E,
        ),
        (
            Code.SP505,
            "claim-information-request",
            "Answer Amazon's information request on a claim.",
            _E,
            _E,
        ),
        (Code.SP506, "chargeback-response", "Answer a chargeback within 7 days.", _E, _E),
        (Code.SP507, "order-problem-notice", "Tell the buyer about an order problem.", _E, _E),
        (Code.SP508, "cancel-unfulfillable", "Cancel an order the seller cannot fulfil.", _W, _E),
        (Code.SP509, "call-summary", "Summarise a phone call with the buyer in writing.", _I, _I),
        (Code.SP510, "claim-appeal-window", "Appeal a granted claim within 30 days.", _I, None),
        (
            Code.SP511,
            "safe-t-claim-window",
            "File a SAFE-T claim within 60 days of the refund.",
            _I,
            None,
        ),
        (
            Code.SP512,
            "feedback-removal-window",
            "Ask for feedback removal within the window.",
            _I,
            _I,
        ),
        (
            Code.SP513,
            "chargeback-records",
            "Keep shipping records for 6 months after the order.",
            _W,
            _W,
        ),
    ),
)

_CLAIMS_TABLE = _family(
    Family.CLAIMS,
    _ATOZ,
    (
        (
            Code.SP601,
            "contacted-seller",
            "The buyer contacted the seller first and waited.",
            _I,
            _I,
        ),
        (Code.SP602, "not-received", "The item was not delivered in time.", _I, _I),
        (
            Code.SP603,
            "damaged-defective-different",
            "The item was damaged, defective or different.",
            _I,
            _I,
        ),
        (Code.SP604, "refund-not-issued", "The seller did not refund as agreed.", _I, _I),
        (Code.SP605, "service-unsatisfactory", "An eligible service was unsatisfactory.", _I, _I),
        (
            Code.SP606,
            "filing-deadline",
            "A claim only until 90 days after the latest delivery date.",
            _I,
            None,
        ),
        (Code.SP607, "excluded", "The order is excluded from the guarantee.", _I, _I),
        (
            Code.SP608,
            "refused-without-tracking",
            "A refused package returned without tracking.",
            _W,
            _W,
        ),
        (
            Code.SP609,
            "return-rules-categories",
            "Watches, jewellery, collectibles and fine art follow their return rules.",
            _I,
            _I,
        ),
        (Code.SP610, "counts-against-seller", "The claim counts against the seller.", _I, _I),
        (
            Code.SP611,
            "no-return-obligation",
            "After a granted claim the buyer need not return the item.",
            _I,
            _I,
        ),
    ),
)

_RETURNS_TABLE = _family(
    Family.RETURNS,
    _RETURNS,
    (
        (Code.SP701, "return-window", "The return window.", _I, _I),
        (Code.SP702, "must-accept", "Inside the window the seller may not refuse.", _I, _I),
        (Code.SP703, "restocking-fee", "The largest restocking fee allowed.", _I, _I),
        (
            Code.SP704,
            "referral-fee-refund",
            "The referral fee refunded and the administration fee kept.",
            _I,
            _I,
        ),
        (
            Code.SP705,
            "claim-if-ignored",
            "Unanswered returns of different items lead to claims.",
            _I,
            _I,
        ),
        (Code.SP706, "fba-returns", "Amazon handles FBA returns.", _I, _I),
        (Code.SP707, "fba-removal-fees", "FBA removal and disposal fees.", _I, _I),
        (Code.SP708, "return-grading", "Grade returned units and track recovery per SKU.", _I, _I),
    ),
)

_CHARGEBACK_TABLE = _family(
    Family.CHARGEBACKS,
    _CHARGEBACK,
    (
        (Code.SP801, "chargeback-liability", "Who is liable for the chargeback.", _I, _I),
        (
            Code.SP802,
            "changed-shipping-address",
            "Shipped to an address Amazon did not give.",
            _W,
            _W,
        ),
        (
            Code.SP803,
            "tracking-and-signature",
            "Tracking, and a signature above the high-value threshold.",
            _W,
            _W,
        ),
        (Code.SP804, "chargeback-outcome", "The outcome can take up to 90 days.", _I, _I),
        (
            Code.SP805,
            "ask-buyer-to-cancel",
            "Asking the buyer to cancel instead of cancelling.",
            _E,
            None,
        ),
    ),
)

_HEALTH_TABLE = _family(
    Family.HEALTH,
    _HEALTH,
    (
        (Code.SP901, "order-defect-rate", "Order defect rate under 1 % over 60 days.", _E, _E),
        (
            Code.SP902,
            "pre-fulfilment-cancel-rate",
            "Pre-fulfilment cancel rate under 2.5 % over 7 days.",
            _E,
            _E,
        ),
        (Code.SP903, "late-shipment-rate", "Late shipment rate under 4 %.", _E, _E),
        (
            Code.SP904,
            "valid-tracking-rate",
            "Valid tracking rate of at least 95 % over 30 days.",
            _W,
            _W,
        ),
        (
            Code.SP905,
            "on-time-delivery-rate",
            "On-time delivery rate over 97 % over 14 days.",
            _W,
            _W,
        ),
        (Code.SP906, "late-response-rate", "Buyer messages not answered within 24 hours.", _I, _I),
        (
            Code.SP907,
            "return-dissatisfaction-rate",
            "Return dissatisfaction rate under 10 % over 90 days.",
            _W,
            _W,
        ),
        (Code.SP908, "feedback-score", "The positive share of seller feedback.", _I, _I),
    ),
)

RULES: Mapping[Code, RuleInfo] = MappingProxyType(
    {
        info.code: info
        for info in (
            *_TABLE,
            *_FEEDBACK_TABLE,
            *_CONTEXT_TABLE,
            *_OBLIGATIONS_TABLE,
            *_CLAIMS_TABLE,
            *_RETURNS_TABLE,
            *_CHARGEBACK_TABLE,
            *_HEALTH_TABLE,
        )
    }
)
"""The rule table: each code's `RuleInfo` (family, name, summary, severity per edition,
status, source), in code order."""
