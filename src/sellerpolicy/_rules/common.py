"""What the timeline families share: rule notes as findings, claim times, the return window."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Protocol

import attrs

from sellerpolicy._codes import RULES, Code, Severity
from sellerpolicy._decisions import EventRef, Finding
from sellerpolicy._time import end_of_local_day
from sellerpolicy.exceptions import InvalidValueError

if TYPE_CHECKING:
    from sellerpolicy._model import Claim, Order
    from sellerpolicy._parameters import HolidaySeason, Parameters
    from sellerpolicy._policy import Policy
    from sellerpolicy._time import Duration
    from sellerpolicy._timeline import OrderTimeline

__all__ = [
    "ReturnWindow",
    "RuleNote",
    "check_claim_times",
    "check_order_times",
    "note_finding",
    "return_window",
]


class RuleNote(Protocol):
    """A rule's raw result: its code, message, evidence and an optional fixed severity."""

    @property
    def code(self) -> Code:
        """The rule."""

    @property
    def message(self) -> str:
        """The human explanation."""

    @property
    def event(self) -> EventRef | None:
        """The timeline event it rests on."""

    @property
    def field(self) -> str:
        """The part of the input it is about."""

    @property
    def severity(self) -> Severity | None:
        """A severity that replaces the policy's (advice given as info), or ``None``."""


def note_finding(note: RuleNote, policy: Policy) -> Finding | None:
    """The finding ``note`` makes under ``policy``; ``None`` when the policy switches it off."""
    severity = policy.severity(note.code)
    if severity is None:
        return None
    return Finding(
        code=note.code,
        name=RULES[note.code].name,
        severity=note.severity or severity,
        message=note.message,
        source=RULES[note.code].source,
        field=note.field,
        event=note.event,
    )


def check_order_times(
    name: str,
    order_id: str,
    *,
    at_name: str,
    at: dt.datetime,
    order: Order,
    now: dt.datetime,
    what: str,
) -> None:
    """``name`` (a claim, a return request) belongs to ``order`` and happened in its lifetime.

    ``at`` (the field ``name.at_name``) must lie between the purchase and ``now``; ``what``
    names the moment in the error ("the filing", "the request").

    Raises:
        InvalidValueError: Another order's, before the purchase, or after ``now``; ``field``
            names the field.
    """
    if order_id != order.order_id:
        msg = (
            f"{name}.order_id is {order_id!r}, but the order is {order.order_id!r}; "
            f"pass the {name} with its own order"
        )
        raise InvalidValueError(msg, field=f"{name}.order_id", value=order_id)
    field = f"{name}.{at_name}"
    if at < order.purchased_at:
        msg = (
            f"{field} ({at.isoformat()}) is before the purchase ({order.purchased_at.isoformat()})"
        )
        raise InvalidValueError(msg, field=field, value=at)
    if at > now:
        msg = (
            f"{field} ({at.isoformat()}) is after now ({now.isoformat()}); "
            f"decide as of a moment after {what}"
        )
        raise InvalidValueError(msg, field=field, value=at)


def check_claim_times(claim: Claim, order: Order, now: dt.datetime) -> None:
    """The claim belongs to the order and was filed between the purchase and ``now``."""
    check_order_times(
        "claim",
        claim.order_id,
        at_name="filed_at",
        at=claim.filed_at,
        order=order,
        now=now,
        what="the filing",
    )


# --- the return window (SP701), which SP502 reads too ------------------------------------------


@attrs.frozen(kw_only=True)
class ReturnWindow:
    """Until when an order's items may be returned (the specification: SP701 and §13).

    Attributes:
        window: The normal window (the ``return_window`` parameter).
        start: When it starts, in UTC: the delivery, else the latest estimated delivery date;
            ``None`` when the order has neither.
        anchor: What ``start`` is: ``"delivery"``, ``"latest estimated delivery date"`` or
            ``""``.
        holiday_end: The end of the holiday extension (``holiday_return_extension``) the
            order earns by being bought or shipped in a season, else ``None``.
        holiday_why: Which purchase or shipment earned it (``""`` without one).
        return_by: The last instant a return may be requested: the later of the window's end
            and ``holiday_end``; ``None`` without ``start``. A request exactly then is inside.
    """

    window: Duration
    start: dt.datetime | None
    anchor: str
    holiday_end: dt.datetime | None
    holiday_why: str
    return_by: dt.datetime | None

    def within(self, when: dt.datetime) -> bool | None:
        """Whether a request at ``when`` is inside the window; ``None`` when it has no end."""
        if self.return_by is None:
            return None
        return when.astimezone(dt.UTC) <= self.return_by


def return_window(timeline: OrderTimeline, parameters: Parameters) -> ReturnWindow:
    """The order's return window: ``return_window`` after the delivery, or the holiday extension.

    The holiday extension (bought or shipped in the season, in the marketplace's zone) lasts
    until the end of the local return-by day and never shortens the normal window.
    """
    window = parameters.duration("return_window")
    start, anchor = timeline.delivered_at, "delivery"
    if start is None:
        start, anchor = timeline.order.latest_delivery, "latest estimated delivery date"
    holiday_end, holiday_why = _holiday_return_by(timeline, parameters)
    if start is None:
        return ReturnWindow(
            window=window,
            start=None,
            anchor="",
            holiday_end=holiday_end,
            holiday_why=holiday_why,
            return_by=None,
        )
    normal_end = window.after(start, timeline.marketplace)
    return_by = max(normal_end, holiday_end) if holiday_end is not None else normal_end
    return ReturnWindow(
        window=window,
        start=start.astimezone(dt.UTC),
        anchor=anchor,
        holiday_end=holiday_end,
        holiday_why=holiday_why,
        return_by=return_by,
    )


def _on(year: int, month_day: tuple[int, int]) -> dt.date:
    """The date of a month-day in ``year`` (Feb 29 is Feb 28 in other years)."""
    month, day = month_day
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _season_dates(season: HolidaySeason, year: int) -> tuple[dt.date, dt.date, dt.date]:
    """The first and last day of the season starting in ``year``, and its return-by date."""
    first = _on(year, season.start)
    last = _on(year, season.end)
    if last < first:
        last = _on(year + 1, season.end)
    return_by = _on(last.year, season.return_by)
    if return_by < last:
        return_by = _on(last.year + 1, season.return_by)
    return first, last, return_by


def _holiday_return_by(
    timeline: OrderTimeline, parameters: Parameters
) -> tuple[dt.datetime | None, str]:
    """The latest holiday return-by date a purchase or shipment of the order earns."""
    extension = parameters.holiday_extension("holiday_return_extension")
    order, marketplace = timeline.order, timeline.marketplace
    moments = [("bought", order.purchased_at)]
    moments += [("shipped", s.shipped_at) for s in order.shipments if s.shipped_at]
    best: tuple[dt.datetime, str] | None = None
    for what, when in moments:
        day = when.astimezone(marketplace.tz).date()
        for year in (day.year - 1, day.year):
            season = extension.for_year(year)
            if season is None:
                continue
            first, last, return_by = _season_dates(season, year)
            if first <= day <= last:
                end = end_of_local_day(return_by, marketplace)
                why = f"{what} on {day.isoformat()}, between {first} and {last}"
                if best is None or end > best[0]:
                    best = (end, why)
    return best if best is not None else (None, "")
