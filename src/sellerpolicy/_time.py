"""How time is counted: durations with units, windows in the marketplace's zone."""

from __future__ import annotations

import datetime as dt
import enum

import attrs
import regex
from dateutil.relativedelta import relativedelta

from sellerpolicy import _checks
from sellerpolicy._marketplaces import Marketplace, add_business_days
from sellerpolicy.exceptions import InvalidValueError

__all__ = ["Duration", "TimeUnit", "end_of_local_day"]


class TimeUnit(enum.StrEnum):
    """The unit of a window or deadline."""

    HOURS = "h"
    """Elapsed hours from the raising instant."""
    DAYS = "d"
    """Calendar days: the same local wall-clock time N days later."""
    BUSINESS_DAYS = "bd"
    """Business days in the marketplace's calendar (weekends and public holidays skipped)."""
    MONTHS = "mo"
    """Calendar months: the same local day N months later, clamped to the month's end."""


_SYNTAX = regex.compile(r"\s*(\d{1,6})\s*(h|d|bd|mo)\s*", regex.V1)
_LIMITS = {
    TimeUnit.HOURS: _checks.MAX_DAYS * 24,
    TimeUnit.DAYS: _checks.MAX_DAYS,
    TimeUnit.BUSINESS_DAYS: _checks.MAX_DAYS,
    TimeUnit.MONTHS: _checks.MAX_DAYS // 31,
}


@attrs.frozen
class Duration:
    """A window length with its unit, as the specification writes it: ``24h``, ``2bd``, ``30d``.

    [How time is counted][counting-time] says what each unit means; ``6mo`` is six months.

    Attributes:
        amount: How many units (0 or more).
        unit: Hours, calendar days, business days or months.
    """

    amount: int
    unit: TimeUnit = attrs.field(converter=TimeUnit)

    def __attrs_post_init__(self) -> None:
        """Check the amount is a sane whole number."""
        _checks.integer(self.amount, "Duration.amount", minimum=0, maximum=_LIMITS[self.unit])

    @classmethod
    def parse(cls, value: object, field: str = "duration") -> Duration:
        """Read ``"24h"``, ``"2bd"``, ``"30d"`` or ``"6mo"`` (or pass a `Duration` through).

        Raises:
            InvalidValueError: The text has no unit or an unknown one (``"24"``, ``"3w"``).
        """
        if isinstance(value, Duration):
            return value
        match = _SYNTAX.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            msg = (
                f"{field}: expected a duration with its unit, like '24h', '2bd', '30d' or '6mo', "
                f"got {value!r}"
            )
            raise InvalidValueError(msg, field=field, value=value)
        try:
            return cls(int(match[1]), TimeUnit(match[2]))
        except InvalidValueError as exc:
            raise InvalidValueError(f"{field}: {exc}", field=field, value=value) from None

    def __str__(self) -> str:
        """``24h``, ``2bd``, ``30d``, ``6mo``."""
        return f"{self.amount}{self.unit.value}"

    def after(self, start: dt.datetime, marketplace: Marketplace) -> dt.datetime:
        """The instant this long after ``start``, as [the counting rules][counting-time] say.

        Hours are elapsed time; days keep the local wall-clock time across DST changes; business
        days skip weekends and the marketplace's public holidays; months keep the local day,
        clamped to the month's last day.

        The result is in UTC: Python adds and compares datetimes that share a zone by wall-clock
        time, so every computed instant is kept in UTC, where wall-clock and elapsed time agree.

        Raises:
            InvalidTypeError: ``start`` is not a datetime.
            InvalidValueError: ``start`` is naive.
        """
        _checks.aware_datetime(start, "start")
        if self.unit is TimeUnit.HOURS:
            # through UTC: adding to a zoned datetime adds wall-clock time, not elapsed time
            return start.astimezone(dt.UTC) + dt.timedelta(hours=self.amount)
        if self.unit is TimeUnit.BUSINESS_DAYS:
            return add_business_days(start, self.amount, marketplace).astimezone(dt.UTC)
        local = start.astimezone(marketplace.tz)
        step = (
            dt.timedelta(days=self.amount)
            if self.unit is TimeUnit.DAYS
            else relativedelta(months=+self.amount)
        )
        wall = local.replace(tzinfo=None) + step
        return _localize(wall, marketplace)

    def before(self, end: dt.datetime, marketplace: Marketplace) -> dt.datetime:
        """The instant this long before ``end`` (hours, days and months only), in UTC.

        Raises:
            InvalidValueError: ``end`` is naive, or the unit is business days (the policy never
                counts them backwards).
        """
        _checks.aware_datetime(end, "end")
        if self.unit is TimeUnit.HOURS:
            return end.astimezone(dt.UTC) - dt.timedelta(hours=self.amount)
        if self.unit is TimeUnit.BUSINESS_DAYS:
            msg = "counting business days backwards is not defined by the policy"
            raise InvalidValueError(msg, field="unit", value=self.unit)
        local = end.astimezone(marketplace.tz)
        step = (
            dt.timedelta(days=self.amount)
            if self.unit is TimeUnit.DAYS
            else relativedelta(months=+self.amount)
        )
        return _localize(local.replace(tzinfo=None) - step, marketplace)


def _localize(wall: dt.datetime, marketplace: Marketplace) -> dt.datetime:
    # A wall-clock time that a DST change skips or repeats is read with fold=0 (the earlier
    # offset), as zoneinfo does.
    return wall.replace(tzinfo=marketplace.tz).astimezone(dt.UTC)


def end_of_local_day(day: dt.date, marketplace: Marketplace) -> dt.datetime:
    """The last instant of ``day`` in the marketplace's zone, in UTC ("until Jan 31" ends then)."""
    last = dt.datetime.combine(day, dt.time(23, 59, 59, 999_999))
    return _localize(last, marketplace)
