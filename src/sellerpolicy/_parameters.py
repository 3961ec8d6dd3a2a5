"""Policy parameters: every window, limit, percentage and fee, per family and edition, as data."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs
import regex

from sellerpolicy import _checks, _model
from sellerpolicy._codes import Code, Edition, Family
from sellerpolicy._time import Duration
from sellerpolicy.exceptions import InvalidPolicyError, SellerPolicyError

__all__ = [
    "FeeBand",
    "FeeTable",
    "HolidayExtension",
    "HolidaySeason",
    "ParameterSpec",
    "Parameters",
    "parameter_specs",
    "parse_overrides",
]

_KINDS = frozenset(
    {
        "duration",
        "durations",
        "int",
        "percent",
        "amount",
        "hosts",
        "kinds",
        "reasons",
        "conditions",
        "categories",
        "choice",
        "holiday_extension",
        "fee_table",
    }
)
_SETS = frozenset({"hosts", "kinds", "reasons", "conditions", "categories", "durations"})
_PERCENT = regex.compile(r"\s*(\d{1,3}(?:\.\d{1,4})?)\s*%\s*", regex.V1)


@attrs.frozen(kw_only=True)
class ParameterSpec:
    """One parameter as the rule data declares it.

    Attributes:
        name: Unique name, e.g. ``reply_to_buyer``.
        family: The family whose rules read it.
        kind: How its value is written (``duration``, ``int``, ``percent``, ``amount``, …).
        code: The rule that reads it.
        doc: What it means.
        defaults: Its value per edition, already parsed.
        choices: The allowed values of a ``choice``.
        minimum: The smallest value an ``int`` may take.
        weak: Whether the specification marks the number as weakly sourced (⚠).
    """

    name: str
    family: Family
    kind: str
    code: Code
    doc: str
    defaults: Mapping[Edition, Any]
    choices: tuple[str, ...] = ()
    weak: bool = False
    minimum: int = 1

    def parse(self, value: object) -> Any:
        """Check and convert a value given for this parameter (a policy file or keyword).

        Raises:
            InvalidPolicyError: The value has the wrong type or unit; the error names the
                parameter.
        """
        try:
            return _PARSERS[self.kind](self, value)
        except InvalidPolicyError:
            raise
        except SellerPolicyError as exc:
            raise InvalidPolicyError(
                f"parameter {self.name}: {_strip_field(exc)}", field=self.name, value=value
            ) from None

    def render(self, value: Any) -> str:
        """The value as a policy file would write it."""
        if self.kind == "percent":
            return f"{(value * 100).normalize():f}%"
        if self.kind in _SETS:
            return ", ".join(sorted(str(v) for v in value)) or "(none)"
        return str(value)


def _strip_field(exc: SellerPolicyError) -> str:
    text = str(exc)
    prefix = f"{exc.field}: " if exc.field else ""
    return text.removeprefix(prefix)


def _parse_duration(spec: ParameterSpec, value: object) -> Duration:
    return Duration.parse(value, spec.name)


def _parse_durations(spec: ParameterSpec, value: object) -> tuple[Duration, ...]:
    items = _checks.sequence_of(value, (str, Duration), spec.name)
    return tuple(Duration.parse(v, spec.name) for v in items)


def _parse_int(spec: ParameterSpec, value: object) -> int:
    return _checks.integer(value, spec.name, minimum=spec.minimum, maximum=10**12)


def _parse_percent(spec: ParameterSpec, value: object) -> decimal.Decimal:
    if isinstance(value, decimal.Decimal) and 0 <= value <= 1:
        return value  # already a fraction (a parsed override passed on)
    match = _PERCENT.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        msg = f"{spec.name}: expected a percentage like '20%', got {value!r}"
        raise InvalidPolicyError(msg, field=spec.name, value=value)
    share = decimal.Decimal(match[1]) / 100
    if share > 1:
        msg = f"{spec.name}: a percentage must be at most 100%, got {value!r}"
        raise InvalidPolicyError(msg, field=spec.name, value=value)
    return share


def _parse_amount(spec: ParameterSpec, value: object) -> decimal.Decimal:
    return _amount(value, spec.name)


def _amount(value: object, name: str) -> decimal.Decimal:
    if not isinstance(value, str | decimal.Decimal):
        msg = f"{name}: expected an amount as a decimal string like '5.00', got {value!r}"
        raise InvalidPolicyError(msg, field=name, value=value)
    amount = _checks.decimal_amount(value, name)
    if amount < 0:
        msg = f"{name}: an amount must not be negative, got {value!r}"
        raise InvalidPolicyError(msg, field=name, value=value)
    return amount


def _parse_hosts(spec: ParameterSpec, value: object) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        msg = f"{spec.name}: expected a list of host names, got a string {value!r}"
        raise InvalidPolicyError(msg, field=spec.name, value=value)
    hosts = set()
    for host in value:
        if not isinstance(host, str) or not host.strip():
            raise InvalidPolicyError(f"{spec.name}: expected host names, got {host!r}")
        hosts.add(host.strip().lower().rstrip("."))
    return frozenset(hosts)


def _parse_members(enum_name: str) -> Any:
    def parse(spec: ParameterSpec, value: object) -> frozenset[Any]:
        enum_cls = getattr(_model, enum_name)
        items = _checks.sequence_of(value, (str, enum_cls), spec.name)
        return frozenset(
            _checks.enum_member(enum_cls, v, f"{spec.name}[{i}]") for i, v in enumerate(items)
        )

    return parse


# --- returns: the holiday extension and fee tables ---------------------------------------------

_MONTH_DAY = regex.compile(r"\s*(\d{2})-(\d{2})\s*", regex.V1)
_SEASON_KEYS = ("start", "end", "return_by")
_TIERS = ("standard", "oversize")


def _month_day(value: tuple[int, int]) -> str:
    return f"{value[0]:02d}-{value[1]:02d}"


@attrs.frozen
class HolidaySeason:
    """Orders bought or shipped from ``start`` to ``end`` are returnable until ``return_by``.

    Attributes:
        start: The season's first (month, day), e.g. ``(11, 1)``.
        end: Its last (month, day); a season may run into the next year.
        return_by: The named return-by (month, day): its first occurrence after ``end``.
    """

    start: tuple[int, int]
    end: tuple[int, int]
    return_by: tuple[int, int]

    def __str__(self) -> str:
        """``11-01 to 12-31, returnable until 01-31``."""
        start, end = _month_day(self.start), _month_day(self.end)
        return f"{start} to {end}, returnable until {_month_day(self.return_by)}"


@attrs.frozen
class HolidayExtension:
    """A holiday return extension: one season every year, with exceptions for given years.

    Attributes:
        season: Every year's season; ``None`` for no extension.
        years: ``(year, season)`` exceptions, keyed by the year the season starts in; a
            ``None`` season means no extension that year.
    """

    season: HolidaySeason | None
    years: tuple[tuple[int, HolidaySeason | None], ...] = ()

    def for_year(self, year: int) -> HolidaySeason | None:
        """The season that starts in ``year``, if any."""
        return dict(self.years).get(year, self.season)

    def __str__(self) -> str:
        """``11-01 to 12-31, returnable until 01-31; 2027: none``."""
        parts = [str(self.season or "none")]
        parts += [f"{year}: {season or 'none'}" for year, season in self.years]
        return "; ".join(parts)


def _parse_month_day(value: object, field: str) -> tuple[int, int]:
    match = _MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
    try:
        # 2000 is a leap year, so 02-29 is a valid month-day
        valid = match is not None and bool(dt.date(2000, int(match[1]), int(match[2])))
    except ValueError:
        valid = False
    if match is None or not valid:
        msg = f"{field}: expected a month and day like '11-01', got {value!r}"
        raise InvalidPolicyError(msg, field=field, value=value)
    return int(match[1]), int(match[2])


def _parse_season(value: object, field: str) -> HolidaySeason | None:
    if value in ("none", {}):
        return None
    if not isinstance(value, Mapping) or set(value) != set(_SEASON_KEYS):
        msg = (
            f"{field}: expected 'none' or a table with start, end and return_by "
            f"(month-days like '11-01'), got {value!r}"
        )
        raise InvalidPolicyError(msg, field=field, value=value)
    start, end, return_by = (_parse_month_day(value[k], f"{field}.{k}") for k in _SEASON_KEYS)
    return HolidaySeason(start, end, return_by)


def _parse_holiday_extension(spec: ParameterSpec, value: object) -> HolidayExtension:
    if isinstance(value, HolidayExtension):
        return value
    base = {k: v for k, v in value.items() if k != "years"} if isinstance(value, Mapping) else value
    years = value.get("years", {}) if isinstance(value, Mapping) else {}
    if not isinstance(years, Mapping):
        msg = f"{spec.name}.years: expected a table of seasons by year, got {years!r}"
        raise InvalidPolicyError(msg, field=f"{spec.name}.years", value=years)
    exceptions = []
    for key, raw in years.items():
        field = f"{spec.name}.years.{key}"
        if not (isinstance(key, str) and key.isdigit() and 1900 <= int(key) <= 2999):  # noqa: PLR2004
            msg = f"{field}: expected a year like '2026', got {key!r}"
            raise InvalidPolicyError(msg, field=field, value=key)
        exceptions.append((int(key), _parse_season(raw, field)))
    return HolidayExtension(_parse_season(base, spec.name), tuple(sorted(exceptions)))


@attrs.frozen
class FeeBand:
    """One row of a fee table.

    Attributes:
        up_to: The heaviest unit weight (lb) the row covers, inclusive; ``None`` for every
            weight above the previous row.
        fee: The fee per unit.
        per_lb_above: For a row without ``up_to``: the fee per started pound above the
            previous row's weight.
    """

    up_to: decimal.Decimal | None
    fee: decimal.Decimal
    per_lb_above: decimal.Decimal = decimal.Decimal(0)

    def __str__(self) -> str:
        """``up to 0.5 lb: 0.84``, ``heavier: 2.89 + 1.06/lb``, ``any weight: 0.50``."""
        if self.up_to is not None:
            return f"up to {self.up_to} lb: {self.fee}"
        extra = f" + {self.per_lb_above}/lb" if self.per_lb_above else ""
        return f"heavier: {self.fee}{extra}"


@attrs.frozen
class FeeTable:
    """A fee per unit by size tier (``standard``, ``oversize``) and unit weight.

    Attributes:
        tiers: ``(tier, rows)`` pairs; each tier's rows by ascending weight.
    """

    tiers: tuple[tuple[str, tuple[FeeBand, ...]], ...]

    def rows(self, tier: str) -> tuple[FeeBand, ...]:
        """The rows of one size tier."""
        return dict(self.tiers)[tier]

    def __str__(self) -> str:
        """``standard: up to 0.5 lb: 0.84, ...; oversize: ...``."""
        return "; ".join(
            f"{tier}: {rows[0].fee} per unit"
            if len(rows) == 1 and rows[0].up_to is None
            else f"{tier}: {', '.join(str(r) for r in rows)}"
            for tier, rows in self.tiers
        )


def _parse_band(raw: object, field: str, *, last: bool) -> FeeBand:
    keys = {"up_to_lb", "fee", "per_lb_above"}
    if not isinstance(raw, Mapping) or "fee" not in raw or set(raw) - keys:
        msg = f"{field}: expected a table with fee and up_to_lb or per_lb_above, got {raw!r}"
        raise InvalidPolicyError(msg, field=field, value=raw)
    up_to = _amount(raw["up_to_lb"], f"{field}.up_to_lb") if "up_to_lb" in raw else None
    per_lb = raw.get("per_lb_above", "0")
    if (up_to is None and not last) or (up_to is not None and "per_lb_above" in raw):
        msg = f"{field}: only the last row may omit up_to_lb, and only it has per_lb_above"
        raise InvalidPolicyError(msg, field=field, value=raw)
    return FeeBand(
        up_to=up_to,
        fee=_amount(raw["fee"], f"{field}.fee"),
        per_lb_above=_amount(per_lb, f"{field}.per_lb_above"),
    )


def _parse_fee_table(spec: ParameterSpec, value: object) -> FeeTable:
    if isinstance(value, FeeTable):
        return value
    if not isinstance(value, Mapping) or set(value) != set(_TIERS):
        msg = f"{spec.name}: expected a table with the tiers {', '.join(_TIERS)}, got {value!r}"
        raise InvalidPolicyError(msg, field=spec.name, value=value)
    tiers = []
    for tier in _TIERS:
        field = f"{spec.name}.{tier}"
        raw_rows = value[tier]
        if isinstance(raw_rows, str) or not isinstance(raw_rows, Iterable) or not raw_rows:
            msg = f"{field}: expected a list of rows, got {raw_rows!r}"
            raise InvalidPolicyError(msg, field=field, value=raw_rows)
        raw_rows = list(raw_rows)
        rows = tuple(
            _parse_band(raw, f"{field}[{i}]", last=i == len(raw_rows) - 1)
            for i, raw in enumerate(raw_rows)
        )
        bounds = [r.up_to for r in rows if r.up_to is not None]
        if bounds != sorted(set(bounds)) or (bounds and bounds[0] <= 0):
            msg = f"{field}: up_to_lb must be positive and ascending, got {bounds}"
            raise InvalidPolicyError(msg, field=field, value=raw_rows)
        tiers.append((tier, rows))
    return FeeTable(tuple(tiers))


def _parse_choice(spec: ParameterSpec, value: object) -> str:
    if value not in spec.choices:
        allowed = ", ".join(repr(c) for c in spec.choices)
        msg = f"{spec.name}: expected one of {allowed}, got {value!r}"
        raise InvalidPolicyError(msg, field=spec.name, value=value)
    return str(value)


_PARSERS: dict[str, Any] = {
    "duration": _parse_duration,
    "durations": _parse_durations,
    "int": _parse_int,
    "percent": _parse_percent,
    "amount": _parse_amount,
    "hosts": _parse_hosts,
    "kinds": _parse_members("MessageKind"),
    "reasons": _parse_members("ReturnReason"),
    "conditions": _parse_members("ItemCondition"),
    "categories": _parse_members("ProductCategory"),
    "choice": _parse_choice,
    "holiday_extension": _parse_holiday_extension,
    "fee_table": _parse_fee_table,
}


@functools.cache
def parameter_specs() -> Mapping[str, ParameterSpec]:
    """Every parameter of ``data/parameters/*.toml`` by name, family by family."""
    folder = resources.files("sellerpolicy").joinpath("data", "parameters")
    tables: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            tables.update(tomllib.loads(entry.read_text("utf-8")))
    specs: dict[str, ParameterSpec] = {}
    for family_name, table in tables.items():
        family = Family(family_name)
        for name, raw in table.items():
            if name in specs or raw["kind"] not in _KINDS:  # pragma: no cover - shipped data
                raise ValueError(f"parameters.toml: duplicate or bad parameter {name!r}")
            spec = ParameterSpec(
                name=name,
                family=family,
                kind=raw["kind"],
                code=Code(raw["code"]),
                doc=raw["doc"],
                defaults={},
                choices=tuple(raw.get("choices", ())),
                weak=raw.get("weak", False),
                minimum=raw.get("minimum", 1),
            )
            raw_defaults = {
                edition: raw["value"] if "value" in raw else raw[edition.value]
                for edition in Edition
            }
            defaults = MappingProxyType({ed: spec.parse(v) for ed, v in raw_defaults.items()})
            specs[name] = attrs.evolve(spec, defaults=defaults)
    return MappingProxyType(specs)


@attrs.frozen
class Parameters:
    """The resolved parameter values of a policy, read by name.

    ``policy.parameters.reply_to_buyer`` (or ``policy.parameters["reply_to_buyer"]``) is the
    value in the policy's edition, or the override the policy sets. Rule code uses the typed
    readers (`duration`, `integer`, …), which also check the parameter's kind.

    Attributes:
        values: Every parameter's value by name.
    """

    values: Mapping[str, Any]

    @classmethod
    def for_edition(
        cls, edition: Edition, overrides: Mapping[str, Any] = MappingProxyType({})
    ) -> Parameters:
        """The edition's defaults with ``overrides`` (already parsed) applied."""
        specs = parameter_specs()
        values = {name: overrides.get(name, spec.defaults[edition]) for name, spec in specs.items()}
        return cls(MappingProxyType(values))

    def __getattr__(self, name: str) -> Any:
        """A parameter's value as an attribute: ``parameters.text_limit``."""
        if name.startswith("_") or name == "values":
            raise AttributeError(name)
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(f"no parameter named {name!r}") from None

    def __getitem__(self, name: str) -> Any:
        """A parameter's value by name."""
        return self.values[_known(name)]

    def family(self, family: Family | str) -> Mapping[str, Any]:
        """The parameters one family's rules read."""
        wanted = Family(family)
        specs = parameter_specs()
        return MappingProxyType({n: v for n, v in self.values.items() if specs[n].family is wanted})

    def _typed(self, name: str, kind: str) -> Any:
        spec = parameter_specs()[_known(name)]
        if spec.kind != kind:  # pragma: no cover - a programming error in rule code
            raise TypeError(f"parameter {name} is a {spec.kind}, not a {kind}")
        return self.values[name]

    def duration(self, name: str) -> Duration:
        """A ``duration`` parameter."""
        value: Duration = self._typed(name, "duration")
        return value

    def integer(self, name: str) -> int:
        """An ``int`` parameter."""
        value: int = self._typed(name, "int")
        return value

    def percent(self, name: str) -> decimal.Decimal:
        """A ``percent`` parameter as a fraction (``20%`` is ``0.2``)."""
        value: decimal.Decimal = self._typed(name, "percent")
        return value

    def amount(self, name: str) -> decimal.Decimal:
        """An ``amount`` parameter, in the marketplace's currency."""
        value: decimal.Decimal = self._typed(name, "amount")
        return value

    def hosts(self, name: str) -> frozenset[str]:
        """A ``hosts`` parameter."""
        value: frozenset[str] = self._typed(name, "hosts")
        return value

    def choice(self, name: str) -> str:
        """A ``choice`` parameter."""
        value: str = self._typed(name, "choice")
        return value

    def members(self, name: str) -> frozenset[Any]:
        """A ``kinds``, ``reasons``, ``conditions`` or ``categories`` parameter: enum members."""
        spec = parameter_specs()[_known(name)]
        value: frozenset[Any] = self._typed(name, spec.kind)
        return value

    def durations(self, name: str) -> tuple[Duration, ...]:
        """A ``durations`` parameter."""
        value: tuple[Duration, ...] = self._typed(name, "durations")
        return value

    def holiday_extension(self, name: str) -> HolidayExtension:
        """A ``holiday_extension`` parameter."""
        value: HolidayExtension = self._typed(name, "holiday_extension")
        return value

    def fee_table(self, name: str) -> FeeTable:
        """A ``fee_table`` parameter."""
        value: FeeTable = self._typed(name, "fee_table")
        return value


def _known(name: str) -> str:
    if name not in parameter_specs():
        known = ", ".join(sorted(parameter_specs()))
        msg = f"unknown parameter {name!r}; known parameters: {known}"
        raise InvalidPolicyError(msg, field=name, value=name)
    return name


def parse_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Check override names and parse their values; family sub-tables are flattened.

    ``{"obligations": {"reply_to_buyer": "48h"}}`` and ``{"reply_to_buyer": "48h"}`` mean the
    same.

    Raises:
        InvalidPolicyError: An unknown name, a parameter under the wrong family, or a bad value.
    """
    specs = parameter_specs()
    flat: dict[str, Any] = {}
    for key, value in overrides.items():
        if key in {f.value for f in Family} and isinstance(value, Mapping):
            for name, inner in value.items():
                if name in specs and specs[name].family.value != key:
                    msg = f"{key}.{name}: parameter {name} belongs to [{specs[name].family}]"
                    raise InvalidPolicyError(msg, field=f"{key}.{name}", value=inner)
                flat[name] = inner
        else:
            flat[key] = value
    unknown = sorted(set(flat) - set(specs))
    if unknown:
        known = ", ".join(sorted(specs))
        msg = f"unknown parameter(s) {', '.join(unknown)}; known parameters: {known}"
        raise InvalidPolicyError(msg, field=unknown[0], value=flat[unknown[0]])
    return {name: specs[name].parse(value) for name, value in flat.items()}
