"""The rule sets: one line per family, each with its codes, input, documentation and examples.

Docs, example tests and the ``sellerpolicy rules`` command loop over `RULE_SETS`; adding a family
means its module under ``_rules/``, its data file, and one line here.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, Protocol

import attrs

from sellerpolicy._api import check_message
from sellerpolicy._codes import RULES, Code, Family
from sellerpolicy._rules import chargebacks, claims, context, feedback, health, obligations, returns
from sellerpolicy._rules.data import family_docs, rule_data
from sellerpolicy._rules.messages import example_message

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["RULE_SETS", "RuleDocLike", "RuleSet", "rule_set"]

Which = Literal["bad", "good"]


class RuleDocLike(Protocol):
    """What every family's documentation says about a rule."""

    @property
    def message(self) -> str:
        """The finding's message template."""

    @property
    def what(self) -> str:
        """What the rule does."""

    @property
    def why(self) -> str:
        """Why it matters."""

    @property
    def bad(self) -> str:
        """An input the rule flags (text, or a description of a typed example)."""

    @property
    def good(self) -> str:
        """An input the rule does not flag."""

    @property
    def known_problems(self) -> str:
        """Where the rule is known to be wrong."""


@attrs.frozen(kw_only=True)
class RuleSet:
    """One family of rules.

    Attributes:
        family: The family.
        title: A heading for docs.
        reads: The input its rules read.
        entry: The public function that runs it.
        docs: Each rule's documentation, from the family's data file.
        flags: Whether ``code`` flags its documented ``bad`` or ``good`` example.
    """

    family: Family
    title: str
    reads: str
    entry: str
    docs: Callable[[], Mapping[Code, RuleDocLike]]
    flags: Callable[[Code, Which], bool]

    @property
    def codes(self) -> tuple[Code, ...]:
        """The family's codes, in code order."""
        return tuple(code for code, info in RULES.items() if info.family is self.family)


def _message_flags(code: Code, which: Which) -> bool:
    message, history = example_message(code, which)
    return code in check_message(message, history=history).codes


RULE_SETS: tuple[RuleSet, ...] = (
    RuleSet(
        family=Family.MESSAGES,
        title="Message content and formatting",
        reads="a message's text, subject and attachments",
        entry="check_message",
        docs=rule_data,
        flags=_message_flags,
    ),
    RuleSet(
        family=Family.FEEDBACK,
        title="Seller feedback",
        reads="a feedback (rating, comment, time left), its order and now",
        entry="check_feedback, feedback_stats",
        docs=lambda: family_docs("feedback.toml"),
        flags=feedback.flags,
    ),
    RuleSet(
        family=Family.CONTEXT,
        title="Message context and solicitation",
        reads="a seller message with its order, history, events and send time; a campaign",
        entry="check_message, solicitation",
        docs=lambda: family_docs("context.toml"),
        flags=context.flags,
    ),
    RuleSet(
        family=Family.OBLIGATIONS,
        title="Obligations and deadlines",
        reads="an order's timeline (the order, its events) and now",
        entry="obligations",
        docs=lambda: family_docs("obligations.toml"),
        flags=obligations.flags,
    ),
    RuleSet(
        family=Family.CLAIMS,
        title="A-to-z Guarantee claims",
        reads="an order's timeline (the order, its events), an optional A-to-z claim and now",
        entry="a_to_z",
        docs=lambda: family_docs("claims.toml"),
        flags=claims.flags,
    ),
    RuleSet(
        family=Family.RETURNS,
        title="Returns, restocking and referral fees",
        reads="a return request with its order, the order's events and now (SP708: graded units)",
        entry="assess_return",
        docs=lambda: family_docs("returns.toml"),
        flags=returns.flags,
    ),
    RuleSet(
        family=Family.CHARGEBACKS,
        title="Chargebacks and cancellations",
        reads="an order, a chargeback claim, its events and now",
        entry="chargeback",
        docs=lambda: family_docs("chargebacks.toml"),
        flags=chargebacks.flags,
    ),
    RuleSet(
        family=Family.HEALTH,
        title="Account health",
        reads="a marketplace's orders, their events and now",
        entry="account_health",
        docs=lambda: family_docs("health.toml"),
        flags=health.flags,
    ),
)
"""Every family the library decides, in code order."""

_BY_FAMILY = MappingProxyType({rs.family: rs for rs in RULE_SETS})


def rule_set(family: Family | str) -> RuleSet:
    """The rule set of ``family``.

    Raises:
        KeyError: The family has no rule set yet.
    """
    return _BY_FAMILY[Family(family)]
