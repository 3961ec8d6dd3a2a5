"""Exceptions raised by sellerpolicy.

Every error derives from `SellerPolicyError` and from the builtin a caller would catch anyway::

    SellerPolicyError
    ├── InvalidValueError (ValueError)        a domain value breaks an invariant (names the field)
    ├── InvalidTypeError (TypeError)          a domain field got the wrong type (names the field)
    ├── DeserializationError (ValueError)     from_dict, from_json, adapters: lists every bad path
    ├── InvalidPolicyError (ValueError)       a policy override, rule code or TOML file is wrong
    └── InputTooLargeError (ValueError)       text beyond the documented size limit
"""

from __future__ import annotations

__all__ = [
    "DeserializationError",
    "InputTooLargeError",
    "InvalidPolicyError",
    "InvalidTypeError",
    "InvalidValueError",
    "SellerPolicyError",
]


class SellerPolicyError(Exception):
    """Root of every error sellerpolicy raises.

    Attributes:
        field: The argument or field the error is about (``"Order.purchased_at"``, ``"days"``),
            or ``None`` when it is about no single one.
        value: The offending value (``None`` also when no single value is at fault).
    """

    def __init__(self, message: str, *, field: str | None = None, value: object = None) -> None:
        """Keep the message, the field and the value."""
        super().__init__(message)
        self.field = field
        self.value = value


class InvalidValueError(SellerPolicyError, ValueError):
    """A domain value breaks an invariant, such as a naive datetime or a rating of 6."""


class InvalidTypeError(SellerPolicyError, TypeError):
    """A domain field got a value of the wrong type."""


class DeserializationError(SellerPolicyError, ValueError):
    """Data could not be turned into a sellerpolicy value.

    Attributes:
        errors: One line per problem, each starting with the JSON path (``$.items[0].price``).
    """

    def __init__(self, errors: list[str] | tuple[str, ...], *, target: str = "value") -> None:
        """Keep the problems and build one message listing them all."""
        self.errors = tuple(errors)
        self.target = target
        lines = "\n".join(f"  {e}" for e in self.errors)
        # the field is the first problem's path ('$.items[0].price'), so callers need not parse
        first = self.errors[0].partition(": ")[0] if self.errors else None
        super().__init__(
            f"cannot load {target}:\n{lines}" if lines else f"cannot load {target}", field=first
        )


class InvalidPolicyError(SellerPolicyError, ValueError):
    """A policy override, rule code or policy file is invalid."""


class InputTooLargeError(SellerPolicyError, ValueError):
    """Text is longer than the documented size limit for checking."""
