"""The policy value: an edition, enabled rules, severities and parameters."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from sellerpolicy import _repr
from sellerpolicy._codes import RULES, Code, Edition, RuleInfo, Severity
from sellerpolicy._parameters import Parameters, parse_overrides
from sellerpolicy.exceptions import InvalidPolicyError, InvalidTypeError

__all__ = ["Policy", "resolve_policy"]


def _code(value: Code | str) -> Code:
    try:
        return Code(value)
    except ValueError:
        raise InvalidPolicyError(
            f"unknown rule code {value!r}; codes look like 'SP101' (see sellerpolicy.RULES)"
        ) from None


def _severity(value: Severity | str, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        allowed = ", ".join(s.value for s in Severity)
        raise InvalidPolicyError(
            f"{where}: unknown severity {value!r}; use one of {allowed}"
        ) from None


def _code_set(value: Iterable[Code | str]) -> frozenset[Code]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidPolicyError(f"expected a collection of rule codes, got {value!r}")
    return frozenset(_code(c) for c in value)


def _severity_map(value: Mapping[Code, Severity]) -> Mapping[Code, Severity]:
    if not isinstance(value, Mapping):
        raise InvalidPolicyError(f"severities must map rule codes to severities, got {value!r}")
    return MappingProxyType(
        {_code(code): _severity(sev, f"severity of {code}") for code, sev in value.items()}
    )


def _overrides(value: Mapping[str, Any]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidPolicyError(f"overrides must map parameter names to values, got {value!r}")
    return MappingProxyType(parse_overrides(value))


def _edition(value: Edition | str) -> Edition:
    try:
        return Edition(value)
    except ValueError:
        raise InvalidPolicyError(f"unknown edition {value!r}; use 'current' or 'seed'") from None


def _empty_map() -> Mapping[Any, Any]:
    return MappingProxyType({})


def _phrase_lists(value: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    from sellerpolicy._rules.data import vocabulary_names  # noqa: PLC0415 - rules sit above us
    from sellerpolicy._text.phrases import phrase_problem  # noqa: PLC0415

    if not isinstance(value, Mapping):
        raise InvalidPolicyError(f"phrases must map vocabulary names to lists, got {value!r}")
    unknown = sorted(set(value) - vocabulary_names())
    if unknown:
        known = ", ".join(sorted(vocabulary_names()))
        msg = (
            f"phrases.{unknown[0]}: unknown vocabulary {', '.join(map(repr, unknown))}; "
            f"known vocabularies: {known}"
        )
        raise InvalidPolicyError(msg, field=f"phrases.{unknown[0]}", value=unknown[0])
    out: dict[str, tuple[str, ...]] = {}
    for name, phrases in value.items():
        field = f"phrases.{name}"
        if isinstance(phrases, str) or not isinstance(phrases, Iterable):
            msg = f"{field} must be a list of phrases, got {phrases!r}"
            raise InvalidPolicyError(msg, field=field, value=phrases)
        checked = tuple(phrases)
        for phrase in checked:
            problem = phrase_problem(phrase)
            if problem:
                raise InvalidPolicyError(f"{field}: {problem}", field=field, value=phrase)
        out[name] = checked
    return MappingProxyType(out)


@attrs.frozen(kw_only=True)
class Policy:
    """An immutable set of rules and parameters.

    Build one with `Policy.current` (the default) or `Policy.seed`, then derive your own with
    `enable`, `disable`, `with_severity`, `with_parameters` and `with_phrases`, or load it with
    `Policy.from_toml`. Every method returns a new policy.

    Attributes:
        edition: The built-in edition the policy starts from.
        disabled: Codes switched off.
        enabled: Codes switched on that the edition lacks.
        severities: Severity overrides.
        overrides: Parameter values that replace the edition's (see `Policy.parameters`).
        phrases: Extra phrases per vocabulary, added to the built-in lists.
    """

    edition: Edition = attrs.field(default=Edition.CURRENT, converter=_edition)
    disabled: frozenset[Code] = attrs.field(default=frozenset(), converter=_code_set)
    enabled: frozenset[Code] = attrs.field(default=frozenset(), converter=_code_set)
    severities: Mapping[Code, Severity] = attrs.field(factory=_empty_map, converter=_severity_map)
    overrides: Mapping[str, Any] = attrs.field(factory=_empty_map, converter=_overrides)
    phrases: Mapping[str, tuple[str, ...]] = attrs.field(
        factory=_empty_map, converter=_phrase_lists
    )
    _severities: Mapping[Code, Severity] = attrs.field(init=False, eq=False, repr=False)
    _parameters: Parameters = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Resolve every rule's severity and every parameter once; checks read them often."""
        resolved = {code: sev for code in RULES if (sev := self._resolve(code)) is not None}
        object.__setattr__(self, "_severities", MappingProxyType(resolved))
        object.__setattr__(
            self, "_parameters", Parameters.for_edition(self.edition, self.overrides)
        )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle the policy as its plain fields; the resolved tables are rebuilt on load."""
        state = (
            self.edition,
            self.disabled,
            self.enabled,
            dict(self.severities),
            dict(self.overrides),
            dict(self.phrases),
        )
        return (_rebuild, (state,))

    @property
    def parameters(self) -> Parameters:
        """Every parameter's value: the edition's default unless `overrides` replaces it."""
        return self._parameters

    def __repr__(self) -> str:
        """``<Policy current: 62 rules on; disabled SP121>``: the edition and what differs."""
        return _repr.policy_repr(self)

    def _repr_html_(self) -> str:
        """The edition, what differs from it, and the enabled rules, for notebooks."""
        return _repr.policy_html(self)

    # --- editions ---------------------------------------------------------------------------

    @classmethod
    def current(cls) -> Policy:
        """Today's US marketplace policy (the default)."""
        return _builtin(Edition.CURRENT)

    @classmethod
    def seed(cls) -> Policy:
        """The policy as the source document describes it."""
        return _builtin(Edition.SEED)

    @classmethod
    def for_edition(cls, edition: Edition | str) -> Policy:
        """The built-in policy of ``edition`` (``"current"`` or ``"seed"``)."""
        try:
            return cls(edition=Edition(edition))
        except ValueError:
            raise InvalidPolicyError(
                f"unknown edition {edition!r}; use 'current' or 'seed'"
            ) from None

    # --- queries ----------------------------------------------------------------------------

    def severity(self, code: Code | str) -> Severity | None:
        """The severity ``code`` has in this policy, or ``None`` when the rule is off."""
        return self._severities.get(_code(code))

    @property
    def active(self) -> Mapping[Code, Severity]:
        """Every enabled rule and its severity, in code order."""
        return self._severities

    def _resolve(self, code: Code) -> Severity | None:
        if code in self.disabled:
            return None
        if code in self.severities:
            return self.severities[code]
        info = RULES[code]
        own = info.severity_in(self.edition)
        if own is not None:
            return own
        if code in self.enabled:
            # enabling a rule the edition lacks uses its severity in the other edition
            return next(iter(info.severity.values()))
        return None

    def is_enabled(self, code: Code | str) -> bool:
        """Whether ``code`` runs under this policy."""
        return self.severity(code) is not None

    @property
    def rules(self) -> tuple[RuleInfo, ...]:
        """The table rows of every enabled rule, in code order."""
        return tuple(info for code, info in RULES.items() if self.is_enabled(code))

    # --- derivation -------------------------------------------------------------------------

    def enable(self, *codes: Code | str) -> Policy:
        """A copy with ``codes`` switched on."""
        wanted = frozenset(_code(c) for c in codes)
        return attrs.evolve(self, disabled=self.disabled - wanted, enabled=self.enabled | wanted)

    def disable(self, *codes: Code | str) -> Policy:
        """A copy with ``codes`` switched off."""
        wanted = frozenset(_code(c) for c in codes)
        return attrs.evolve(self, disabled=self.disabled | wanted, enabled=self.enabled - wanted)

    def with_severity(self, code: Code | str, severity: Severity | str) -> Policy:
        """A copy in which ``code`` has ``severity``."""
        code = _code(code)
        severities = {**self.severities, code: _severity(severity, f"severity of {code}")}
        return attrs.evolve(self, severities=severities)

    def with_parameters(self, **overrides: Any) -> Policy:
        """A copy with some parameters replaced, e.g. ``reply_to_buyer="48h"``.

        Durations carry their unit (``"24h"``, ``"2bd"``, ``"30d"``, ``"6mo"``), percentages a
        ``%`` (``"20%"``), amounts are decimal strings. A family's name takes a mapping:
        ``obligations={"reply_to_buyer": "48h"}``.

        Raises:
            InvalidPolicyError: A name is not a parameter, or a value has the wrong type or unit.
        """
        return attrs.evolve(self, overrides={**self.overrides, **parse_overrides(overrides)})

    def with_phrases(self, **phrases: Iterable[str]) -> Policy:
        """A copy whose vocabularies gain ``phrases`` (e.g. ``incentive=["bonus points"]``).

        A name picks the vocabulary, whichever rule set reads it: the message checker's
        (``incentive``, ``offsite``, ...) or the feedback grounds' (``profanity``,
        ``price_complaint``, ``product``, ...). ``sellerpolicy._rules.data.phrase_vocabularies``
        lists them all.

        Raises:
            InvalidPolicyError: A name is not a vocabulary of the built-in rule data (its
                ``field`` is ``phrases.<name>``), or a phrase is malformed.
        """
        merged = dict(self.phrases)
        for name, extra in _phrase_lists(phrases).items():
            merged[name] = merged.get(name, ()) + extra
        return attrs.evolve(self, phrases=merged)

    # --- files ------------------------------------------------------------------------------

    @classmethod
    def from_toml(cls, path: str | Path) -> Policy:
        """Load a policy from a TOML file.

        The file may hold ``edition``, a ``[rules]`` table (``enable``, ``disable``, and a
        ``[rules.severity]`` table), a ``[parameters]`` table and a ``[phrases]`` table::

            edition = "current"
            [rules]
            disable = ["SP121"]
            [rules.severity]
            SP113 = "warning"
            [parameters]
            link_allowlist = ["proofs.example-print.com"]
            [phrases]
            incentive = ["bonus points"]

        Raises:
            InvalidPolicyError: The file is unreadable, not TOML, or has unknown keys, codes,
                severities, parameters or vocabularies. The message names the file and key.
        """
        if not isinstance(path, str | Path):
            msg = f"path must be a str or pathlib.Path naming a TOML file, got {path!r}"
            raise InvalidPolicyError(msg, field="path", value=path)
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InvalidPolicyError(f"{path}: cannot read policy file: {exc.strerror}") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidPolicyError(f"{path}: not valid TOML: {exc}") from exc
        try:
            return cls.from_mapping(data)
        except InvalidPolicyError as exc:
            raise InvalidPolicyError(f"{path}: {exc}", field=exc.field, value=exc.value) from exc

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Policy:
        """Build a policy from the data of a policy file (see `from_toml`)."""
        _only_keys(data, {"edition", "rules", "parameters", "phrases"}, "")
        policy = cls.for_edition(data.get("edition", Edition.CURRENT))
        rules = _table(data, "rules")
        _only_keys(rules, {"enable", "disable", "severity"}, "rules.")
        policy = policy.enable(*_str_list(rules, "enable", "rules."))
        policy = policy.disable(*_str_list(rules, "disable", "rules."))
        for code, severity in _table(rules, "severity", "rules.").items():
            policy = policy.with_severity(code, severity)
        parameters = _table(data, "parameters")
        if parameters:
            policy = policy.with_parameters(**parameters)
        phrases = _table(data, "phrases")
        if phrases:
            policy = policy.with_phrases(**phrases)
        return policy


def _rebuild(state: tuple[Any, ...]) -> Policy:
    edition, disabled, enabled, severities, overrides, phrases = state
    return Policy(
        edition=edition,
        disabled=disabled,
        enabled=enabled,
        severities=severities,
        overrides=overrides,
        phrases=phrases,
    )


def resolve_policy(policy: object) -> Policy:
    """``policy``, or `Policy.current` for ``None``: the check every decision starts with.

    Raises:
        InvalidTypeError: ``policy`` is neither a `Policy` nor ``None``.
    """
    if policy is None:
        return Policy.current()
    if not isinstance(policy, Policy):
        msg = f"policy must be a Policy (e.g. Policy.current()), got {policy!r}"
        raise InvalidTypeError(msg, field="policy", value=policy)
    return policy


@functools.cache
def _builtin(edition: Edition) -> Policy:
    # Policies are immutable, so the built-in editions are built once and shared.
    return Policy(edition=edition)


def _only_keys(data: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        names = ", ".join(f"{prefix}{k}" for k in unknown)
        raise InvalidPolicyError(f"unknown key(s) {names}; allowed: {', '.join(sorted(allowed))}")


def _table(data: Mapping[str, Any], key: str, prefix: str = "") -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise InvalidPolicyError(f"{prefix}{key} must be a table, got {value!r}")
    return value


def _str_list(data: Mapping[str, Any], key: str, prefix: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidPolicyError(f"{prefix}{key} must be a list of rule codes, got {value!r}")
    return value
