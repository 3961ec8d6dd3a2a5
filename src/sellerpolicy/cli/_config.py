"""Configuration: ``[tool.sellerpolicy]`` or ``sellerpolicy.toml``, found walking up from a file."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import regex

from sellerpolicy import RULES, Edition, MessageKind, Policy, Severity
from sellerpolicy.cli._common import META_RULES, UsageError
from sellerpolicy.exceptions import SellerPolicyError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "ALL_CODES",
    "CONFIG_FILES",
    "CliOverrides",
    "Glob",
    "Resolver",
    "Settings",
    "code_of",
    "resolve_selectors",
]

# Looked for in this order in each folder; a pyproject.toml counts only with [tool.sellerpolicy].
CONFIG_FILES = ("sellerpolicy.toml", ".sellerpolicy.toml", "pyproject.toml")
ALL_CODES: tuple[str, ...] = tuple(c.value for c in RULES) + tuple(META_RULES)
_NAMES = {info.name: code.value for code, info in RULES.items()} | {
    rule.name: code for code, rule in META_RULES.items()
}
_KEYS = frozenset(
    {
        "edition",
        "policy",
        "select",
        "ignore",
        "severity",
        "link-allowlist",
        "phrases",
        "parameters",
        "per-file-kinds",
        "unsuppressible",
        "exclude",
        "baseline",
    }
)
_CODE = regex.compile(r"(?i)SP\d{3}", regex.V1)
_PREFIX = regex.compile(r"(?i)SP\d{0,2}", regex.V1)


def code_of(value: str) -> str | None:
    """The code a rule code or name stands for (``external-link`` -> ``SP101``), or ``None``."""
    if _CODE.fullmatch(value) and value.upper() in ALL_CODES:
        return value.upper()
    return _NAMES.get(value)


def resolve_selectors(values: Iterable[str], where: str) -> frozenset[str]:
    """The codes a list of selectors stands for: ``ALL``, a code, a prefix, or a rule name.

    Raises:
        UsageError: A selector matches no rule.
    """
    codes: set[str] = set()
    for value in values:
        if not isinstance(value, str):
            raise UsageError(f"{where}: expected rule codes or names, got {value!r}")
        if value == "ALL":
            codes.update(ALL_CODES)
            continue
        code = code_of(value)
        if code is not None:
            codes.add(code)
            continue
        if _PREFIX.fullmatch(value) and not _CODE.fullmatch(value):
            matched = {c for c in ALL_CODES if c.startswith(value.upper())}
            if matched:
                codes.update(matched)
                continue
        raise UsageError(
            f"{where}: unknown rule code or name {value!r}; use a code (SP101), a prefix (SP1), "
            "a name (external-link) or ALL (see 'sellerpolicy rules')"
        )
    return frozenset(codes)


@attrs.frozen
class Glob:
    """A path pattern relative to the folder of the configuration that declares it.

    ``*`` and ``?`` match within one path part, ``**`` across parts; a pattern without ``/``
    matches a file or folder name anywhere below. A pattern that matches a folder matches
    everything in it.
    """

    pattern: str
    _regex: regex.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Translate the pattern once."""
        body = self.pattern.strip("/")
        if "/" not in body:
            body = "**/" + body
        out = []
        i = 0
        while i < len(body):
            if body.startswith("**/", i):
                out.append("(?:.*/)?")
                i += 3
            elif body.startswith("**", i):
                out.append(".*")
                i += 2
            elif body[i] == "*":
                out.append("[^/]*")
                i += 1
            elif body[i] == "?":
                out.append("[^/]")
                i += 1
            else:
                out.append(regex.escape(body[i]))
                i += 1
        object.__setattr__(self, "_regex", regex.compile("".join(out), regex.V1))

    def matches(self, relative: str) -> bool:
        """Whether the ``/``-separated path, or a folder it is in, matches."""
        parts = relative.split("/")
        return any(self._regex.fullmatch("/".join(parts[:n])) for n in range(len(parts), 0, -1))


@attrs.frozen(kw_only=True)
class CliOverrides:
    """What the command line sets; it wins over configuration files."""

    edition: str | None = None
    policy: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Settings:
    """Everything that decides how one file is checked.

    Attributes:
        root: The folder of the configuration file (globs and paths are relative to it), or
            the working folder without one.
        config: The configuration file, if any.
        policy: The policy, with every rule the selection leaves out switched off.
        active: The selected codes, the command's own (SP0xx) included.
        kinds: Message kinds by path pattern.
        exclude: Path patterns not to check.
        unsuppressible: Codes no suppression may hide.
        baseline: The baseline file the configuration names.
    """

    root: Path
    config: Path | None
    policy: Policy
    active: frozenset[str]
    kinds: tuple[tuple[Glob, MessageKind], ...] = ()
    exclude: tuple[Glob, ...] = ()
    unsuppressible: frozenset[str] = frozenset()
    baseline: Path | None = None

    def relative(self, path: Path) -> str:
        """``path`` relative to `root`, with ``/`` separators (as given when outside it)."""
        absolute = path.absolute()
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def kind_for(self, path: Path | None) -> MessageKind | None:
        """The kind the first matching ``per-file-kinds`` pattern gives ``path``."""
        if path is None:
            return None
        relative = self.relative(path)
        return next((kind for glob, kind in self.kinds if glob.matches(relative)), None)

    def excluded(self, path: Path) -> bool:
        """Whether an ``exclude`` pattern matches ``path``."""
        relative = self.relative(path)
        return any(glob.matches(relative) for glob in self.exclude)


def _read_config(path: Path) -> Mapping[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("sellerpolicy")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise UsageError(f"{path}: [tool.sellerpolicy] must be a table")
        return table
    return data


def _list(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{where}: {key} must be a list of strings, got {value!r}")
    return tuple(value)


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise UsageError(f"{where}: {key} must be a table, got {value!r}")
    return value


class Resolver:
    """Finds and caches the settings of each file."""

    def __init__(
        self, overrides: CliOverrides, *, config: str | None, isolated: bool, cwd: Path
    ) -> None:
        """Remember what the command line says; nothing is read yet."""
        self._overrides = overrides
        self._explicit = Path(config).absolute() if config else None
        self._isolated = isolated
        self._cwd = cwd
        if self._explicit is not None and not self._explicit.is_file():
            raise UsageError(f"{config}: no such configuration file")

    def for_path(self, path: Path | None) -> Settings:
        """The settings of a file (``None``: standard input without a name).

        Raises:
            UsageError: A configuration file is unreadable or wrong.
        """
        if self._isolated:
            return self._settings(None)
        if self._explicit is not None:
            return self._settings(self._explicit)
        folder = path.absolute().parent if path is not None else self._cwd.absolute()
        return self._settings(self._find(folder))

    @functools.cache  # noqa: B019 - one resolver per run; caching per folder is the point
    def _find(self, folder: Path) -> Path | None:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and _read_config(candidate) is not None:
                return candidate
        parent = folder.parent
        return None if parent == folder else self._find(parent)

    @functools.cache  # noqa: B019 - one resolver per run; each configuration is read once
    def _settings(self, config: Path | None) -> Settings:
        data = _read_config(config) if config is not None else None
        where = str(config) if config is not None else "command line"
        data = data or {}
        unknown = sorted(set(data) - _KEYS)
        if unknown:
            raise UsageError(
                f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(_KEYS))}"
            )
        root = config.parent if config is not None else self._cwd.absolute()
        o = self._overrides
        select = o.select if o.select is not None else _list(data, "select", where)
        active = resolve_selectors(select, f"{where}: select") if select is not None else None
        active = frozenset(ALL_CODES) if active is None else active
        ignore = (_list(data, "ignore", where) or ()) + o.ignore
        active -= resolve_selectors(ignore, f"{where}: ignore")
        policy_file: Path | None
        if o.policy is not None:
            policy_file = Path(o.policy)
        elif isinstance(data.get("policy"), str):
            policy_file = root / data["policy"]
        elif "policy" in data:
            raise UsageError(f"{where}: policy must name a policy TOML file")
        else:
            policy_file = None
        edition = o.edition or data.get("edition")
        try:
            policy = _policy(data, where, edition=edition, policy_file=policy_file, active=active)
        except SellerPolicyError as exc:
            raise UsageError(f"{where}: {exc}") from None
        kinds = []
        for pattern, kind in _table(data, "per-file-kinds", where).items():
            try:
                kinds.append((Glob(pattern), MessageKind(kind)))
            except ValueError:
                allowed = ", ".join(k.value for k in MessageKind)
                raise UsageError(
                    f"{where}: per-file-kinds: unknown kind {kind!r} for {pattern!r}; "
                    f"use one of {allowed}"
                ) from None
        unsuppressible = _list(data, "unsuppressible", where) or ()
        baseline = data.get("baseline")
        if baseline is not None and not isinstance(baseline, str):
            raise UsageError(f"{where}: baseline must name a file, got {baseline!r}")
        return Settings(
            root=root,
            config=config,
            policy=policy,
            active=active,
            kinds=tuple(kinds),
            exclude=tuple(Glob(p) for p in _list(data, "exclude", where) or ()),
            unsuppressible=resolve_selectors(unsuppressible, f"{where}: unsuppressible"),
            baseline=root / baseline if baseline else None,
        )


def _policy(
    data: Mapping[str, Any],
    where: str,
    *,
    edition: object,
    policy_file: Path | None,
    active: frozenset[str],
) -> Policy:
    if edition is not None and edition not in {e.value for e in Edition}:
        raise UsageError(f"{where}: unknown edition {edition!r}; use 'current' or 'seed'")
    if policy_file is not None:
        policy = Policy.from_toml(policy_file)
        if edition is not None:
            policy = attrs.evolve(policy, edition=Edition(str(edition)))
    else:
        policy = Policy.for_edition(str(edition or Edition.CURRENT))
    parameters = dict(_table(data, "parameters", where))
    allowlist = _list(data, "link-allowlist", where)
    if allowlist is not None:
        parameters["link_allowlist"] = list(allowlist)
    if parameters:
        policy = policy.with_parameters(**parameters)
    phrases = _table(data, "phrases", where)
    if phrases:
        policy = policy.with_phrases(**phrases)
    for rule, severity in _table(data, "severity", where).items():
        code = code_of(rule)
        if code is None or code in META_RULES:
            raise UsageError(f"{where}: severity: {rule!r} is not a rule code or name")
        if severity not in {s.value for s in Severity}:
            raise UsageError(f"{where}: severity of {rule}: use error, warning or info")
        policy = policy.with_severity(code, severity)
    off = [code for code in RULES if code.value not in active]
    return policy.disable(*off) if off else policy
