"""Message rules (SP1xx content, SP2xx formatting): pure functions from an analysis to findings."""

from sellerpolicy._rules.messages.analysis import Analysis
from sellerpolicy._rules.messages.engine import (
    MESSAGE_RULES,
    MessageRule,
    example_message,
    run_message_rules,
)

__all__ = ["MESSAGE_RULES", "Analysis", "MessageRule", "example_message", "run_message_rules"]
