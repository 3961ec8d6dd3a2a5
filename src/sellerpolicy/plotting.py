"""Pictures of decisions: an order's timeline, the feedback score over time, account health.

Each function returns a matplotlib `Figure` built without pyplot (no global state, any
backend): show it in a notebook, or save it with ``fig.savefig("timeline.png")``. Needs
matplotlib (``pip install 'sellerpolicy[plot]'``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

try:
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
except ModuleNotFoundError as exc:
    msg = "sellerpolicy.plotting needs matplotlib: pip install 'sellerpolicy[plot]'"
    raise ModuleNotFoundError(msg, name=exc.name) from exc

from sellerpolicy._marketplaces import Marketplace
from sellerpolicy._model import Order
from sellerpolicy._rules.obligations import (
    Obligation,
    ObligationsReport,
    ObligationStatus,
    obligations,
)
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.exceptions import InvalidTypeError

if TYPE_CHECKING:
    import decimal
    from collections.abc import Iterable, Sequence

    from matplotlib.axes import Axes

    from sellerpolicy._decisions import EventRef
    from sellerpolicy._events import Event
    from sellerpolicy._policy import Policy
    from sellerpolicy._rules.feedback import FeedbackStats
    from sellerpolicy._rules.health import AccountHealth, HealthMetric

__all__ = ["plot_feedback", "plot_health", "plot_timeline"]

# The colours of the HTML reprs, so a picture and a table agree.
_GREEN, _BLUE, _AMBER, _RED, _GREY = "#2e7d32", "#1565c0", "#b26a00", "#c62828", "#9e9e9e"
_STATUS_COLOUR = {
    ObligationStatus.MET: _GREEN,
    ObligationStatus.OPEN: _BLUE,
    ObligationStatus.OVERDUE: _RED,
    ObligationStatus.NOT_APPLICABLE: _GREY,
}
_HEALTH_COLOUR = {
    "ok": _GREEN,
    "at_risk": _AMBER,
    "failing": _RED,
    "no_data": _GREY,
    "report": _BLUE,
}
_WIDTH = 10.0  # inches; readable on a docs page and in a notebook cell
_LANE = 0.42  # inches per obligation or metric row
_HALF = 50.0  # a share without a target above this is shown on the whole 0-100 % scale
_FAR = 0.5  # a due time further past now than this share of the shown span is drawn as an arrow


def _utc(when: dt.datetime) -> dt.datetime:
    return when.astimezone(dt.UTC)


def _num(when: dt.datetime) -> float:
    return float(mdates.date2num(_utc(when)))  # type: ignore[no-untyped-call] # untyped upstream


def _time_axis(ax: Axes, zone: dt.tzinfo) -> None:
    # matplotlib.dates is untyped upstream
    locator = mdates.AutoDateLocator(tz=zone, minticks=4, maxticks=9)  # type: ignore[no-untyped-call]
    formatter = mdates.ConciseDateFormatter(locator, tz=zone)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


def _obligations_report(
    report_or_order: ObligationsReport | Order,
    events: Sequence[Event],
    now: dt.datetime | None,
    policy: Policy | None,
) -> ObligationsReport:
    if isinstance(report_or_order, ObligationsReport):
        return report_or_order
    if not isinstance(report_or_order, Order):
        msg = f"report_or_order must be an ObligationsReport or an Order, got {report_or_order!r}"
        raise InvalidTypeError(msg, field="report_or_order", value=report_or_order)
    if now is None:
        msg = "now is needed to decide the obligations of an order; pass now=datetime(...)"
        raise InvalidTypeError(msg, field="now", value=now)
    return obligations(report_or_order, events, now=now, policy=policy)


def _event_refs(order: Order | None, events: Sequence[Event]) -> list[EventRef]:
    if order is None or not events:
        return []
    timeline = OrderTimeline.build(order, events)
    return [timeline.ref(index) for index, _ in timeline.entries()]


def _order_dates(order: Order | None) -> list[tuple[str, dt.datetime]]:
    if order is None:
        return []
    dates = [
        ("purchase", order.purchased_at),
        ("latest ship", order.latest_ship),
        ("latest delivery", order.latest_delivery),
        ("delivered", order.delivered_at),
    ]
    return [(label, when) for label, when in dates if when is not None]


def _time_range(times: list[dt.datetime], dues: list[dt.datetime]) -> tuple[float, float]:
    """The x range: every time, and each due time not far past them, with a margin."""
    start = min(times, key=_utc)
    end = max(times, key=_utc)
    span = max(_utc(end) - _utc(start), dt.timedelta(hours=6))
    # a due time far after everything else (records kept for 6 months) would squash the rest;
    # it is drawn as an arrow at the right edge instead
    near = [due for due in dues if _utc(due) <= _utc(end) + span * _FAR]
    right = max([end, *near], key=_utc)
    pad = (_utc(right) - _utc(start)) * 0.04 + dt.timedelta(hours=1)
    return _num(start - pad), _num(right + pad)


def _draw_obligation(
    ax: Axes, y: int, o: Obligation, *, hi: float, as_of: dt.datetime | None, zone: dt.tzinfo
) -> None:
    colour = _STATUS_COLOUR[o.status]
    raised, due = _num(o.raised_by.at), _num(o.due_at)
    ax.barh(y, min(due, hi) - raised, left=raised, height=0.5, color=colour, alpha=0.35)
    if due > hi:
        due_text = o.due_at.astimezone(zone).strftime("%Y-%m-%d")
        ax.annotate(f"due {due_text} →", (hi, y), ha="right", va="center", fontsize=8, color=colour)
    else:
        ax.plot([due, due], [y - 0.3, y + 0.3], color=colour, linewidth=2)
    if o.met_by is not None:
        met = _num(o.met_by.at)
        if met > due:  # met late: the late stretch is hatched
            ax.barh(y, met - due, left=due, height=0.5, color=_RED, alpha=0.35, hatch="//")
        ax.plot(met, y, "o", color=_GREEN, markeredgecolor="white", markersize=8)
    if o.status is ObligationStatus.OVERDUE and as_of is not None:
        ax.barh(y, _num(as_of) - due, left=due, height=0.5, color=_RED, alpha=0.8)


def _draw_events(
    ax: Axes, refs: Sequence[EventRef], order_dates: Sequence[tuple[str, dt.datetime]]
) -> None:
    """The events and the order's own dates on the top lane, labels staggered in three rows."""
    marks = [(ref.at, ref.summary or ref.type, False) for ref in refs]
    marks += [(when, label, True) for label, when in order_dates]
    for i, (when, label, own) in enumerate(sorted(marks, key=lambda m: _utc(m[0]))):
        x = _num(when)
        colour = _GREY if own else "#455a64"
        if own:
            ax.axvline(x, color=_GREY, linestyle=":", linewidth=1)
        ax.plot(x, 0, "^" if own else "D", color=colour, markersize=6)
        # three label heights, so events close in time do not write over each other
        ax.annotate(
            label,
            (x, 0),
            xytext=(3, 7 + 9 * (i % 3)),
            textcoords="offset points",
            fontsize=7,
            color=colour,
        )


def plot_timeline(
    report_or_order: ObligationsReport | Order,
    events: Iterable[Event] = (),
    *,
    now: dt.datetime | None = None,
    policy: Policy | None = None,
) -> Figure:
    """An order's timeline: its events, and each obligation from what raised it to its due time.

    Each obligation is a bar from the event that raised it to its due time, coloured by its
    status (met green, open blue, overdue red, not applicable grey); a dot marks the event that
    met it, a red stretch how long it is overdue. Events are drawn on the top lane, the order's
    own dates and ``now`` as vertical lines. Times are shown in the marketplace's zone.

    Args:
        report_or_order: An `ObligationsReport`, or an `Order` to decide its obligations for.
        events: The order's events: drawn on the top lane, and read to decide the obligations
            when an order is given.
        now: The moment to decide for (needed with an order; a report has its ``as_of``).
        policy: The policy, for an order; `Policy.current` by default.

    Returns:
        A matplotlib `Figure`.

    Raises:
        InvalidTypeError: ``report_or_order`` is neither, or an order comes without ``now``.
        InvalidValueError: As `obligations` and `OrderTimeline.build` raise for bad events.
    """
    given = tuple(events)
    report = _obligations_report(report_or_order, given, now, policy)
    order = report_or_order if isinstance(report_or_order, Order) else None
    zone = Marketplace.get(report.marketplace_id).tz
    as_of = report.as_of if report.as_of is not None else now
    refs = _event_refs(order, given)
    rows = report.obligations

    times = [r.at for r in refs] + [when for _, when in _order_dates(order)]
    times += [o.raised_by.at for o in rows] + [o.met_by.at for o in rows if o.met_by]
    if as_of is not None:
        times.append(as_of)
    fig = Figure(figsize=(_WIDTH, 1.9 + _LANE * (len(rows) + 1)), layout="constrained")
    if not times:
        fig.text(0.5, 0.5, "nothing to draw: no obligations, no events, no now", ha="center")
        return fig
    lo, hi = _time_range(times, [o.due_at for o in rows])

    ax = fig.add_subplot()
    for y, o in enumerate(rows, start=1):
        _draw_obligation(ax, y, o, hi=hi, as_of=as_of, zone=zone)
    if as_of is not None:
        ax.axvline(_num(as_of), color="black", linewidth=1.2)
        ax.annotate(
            "now",
            (_num(as_of), len(rows) + 0.55),
            ha="right",
            va="bottom",
            fontsize=8,
            xytext=(-2, 0),
            textcoords="offset points",
        )
    _draw_events(ax, refs, _order_dates(order))
    lanes = [f"{o.code} {o.name}" for o in rows]
    ax.set_yticks(range(len(rows) + 1), ["events", *lanes])
    ax.set_ylim(len(rows) + 0.6, -1.7)
    ax.set_xlim(lo, hi)
    _time_axis(ax, zone)
    ax.grid(axis="x", color="#eeeeee")
    ax.set_axisbelow(True)
    ax.legend(
        handles=[
            *(
                Patch(color=c, alpha=0.6, label=s.value.replace("_", " "))
                for s, c in _STATUS_COLOUR.items()
            ),
            Line2D([], [], color=_GREEN, marker="o", linestyle="", label="met by"),
            Line2D([], [], color="#455a64", marker="D", linestyle="", label="event"),
            Line2D([], [], color=_GREY, marker="^", linestyle="", label="order date"),
        ],
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=8,
        frameon=False,
    )
    shown = f", as of {as_of.astimezone(zone):%Y-%m-%d %H:%M %Z}" if as_of is not None else ""
    ax.set_title(
        f"Order {report.order_id}: obligations ({report.edition} policy{shown})",
        fontsize=10,
        loc="left",
    )
    return fig


def _percent(share: decimal.Decimal | None) -> float | None:
    return None if share is None else float(share) * 100


def plot_feedback(stats: FeedbackStats) -> Figure:
    """The feedback score over time, with the window and the figure a shopper sees.

    Bars are the positive share of each trend bucket (their width is the bucket), with the
    number of ratings on top; horizontal lines are the score over each window, ending at
    ``as_of``; the shaded band is the window whose figure shoppers see.

    Args:
        stats: The `FeedbackStats` from ``feedback_stats``.

    Returns:
        A matplotlib `Figure`.
    """
    zone = Marketplace.get(stats.marketplace_id).tz
    fig = Figure(figsize=(_WIDTH, 4.2), layout="constrained")
    ax = fig.add_subplot()
    end = _num(stats.as_of)
    starts = [w.start for w in stats.windows if w.start is not None]
    starts += [b.start for b in stats.trend]
    first = _num(min(starts, key=_utc)) if starts else end - 365
    for bucket in stats.trend:
        left, right = _num(bucket.start), _num(bucket.end)
        share = _percent(bucket.positive_share)
        if share is not None:
            ax.bar(
                left,
                share,
                width=right - left,
                align="edge",
                color=_BLUE,
                alpha=0.3,
                edgecolor="white",
            )
        # the count sits at the foot of its bar, clear of the window lines above
        ax.annotate(
            f"{bucket.ratings}" if share is not None else "none",
            ((left + right) / 2, 2),
            ha="center",
            fontsize=7,
            color=_BLUE if share is not None else _GREY,
        )
    for window in stats.windows:
        share = _percent(window.positive_share)
        if share is None:
            continue
        shopper = window.label == stats.shopper.label
        colour = _GREEN if shopper else "#455a64"
        width = 2.4 if shopper else 1.2
        if window.start is None:  # lifetime: across the picture, labelled at the right
            ax.axhline(share, color=colour, linewidth=width, linestyle=":")
            ax.annotate(
                f"{window.label}: {share:.1f}%",
                (end, share),
                xytext=(-2, 3),
                textcoords="offset points",
                fontsize=8,
                ha="right",
                color=colour,
            )
            continue
        since = _num(window.start)
        ax.hlines(share, since, end, color=colour, linewidth=width)
        ax.annotate(
            f"{window.label}: {share:.1f}%",
            (since, share),
            xytext=(2, 3),
            textcoords="offset points",
            fontsize=8,
            color=colour,
        )
    seen = stats.shopper
    seen_left = _num(seen.start) if seen.start is not None else first
    ax.axvspan(seen_left, end, color=_GREEN, alpha=0.07)
    seen_share = _percent(seen.positive_share)
    seen_text = "n/a" if seen_share is None else f"{seen_share:.1f}%"
    ax.annotate(
        f"shoppers see {seen.label}: {seen_text} ({seen.ratings} ratings)\n{stats.shopper_reason}",
        (seen_left, 101),
        xytext=(4, 0),
        textcoords="offset points",
        fontsize=8,
        color=_GREEN,
        va="bottom",
    )
    ax.axvline(end, color="black", linewidth=1.2)
    ax.set_ylim(0, 115)
    ax.set_yticks(range(0, 101, 20), [f"{p}%" for p in range(0, 101, 20)])
    ax.set_ylabel("positive share")
    ax.set_xlim(first - 5, end + 5)
    _time_axis(ax, zone)
    ax.grid(axis="y", color="#eeeeee")
    ax.set_axisbelow(True)
    trend = "; declining" if stats.declining else ""
    ax.set_title(
        f"Feedback as of {stats.as_of.astimezone(zone):%Y-%m-%d} "
        f"({stats.edition} policy{trend}); bars: each {_bucket_label(stats)} (ratings at the foot)",
        fontsize=10,
        loc="left",
    )
    return fig


def _bucket_label(stats: FeedbackStats) -> str:
    if not stats.trend:
        return "bucket"
    length = _utc(stats.trend[0].end) - _utc(stats.trend[0].start)
    return f"{round(length / dt.timedelta(days=1))} days"  # a DST change makes 29 days 23 h


def _health_scale(
    value: float | None, target: float | None, *, low_target: bool
) -> tuple[float, float]:
    """The x range of one metric: near 0 % for "<" targets, near 100 % for ">=" ones."""
    known = [v for v in (value, target) if v is not None]
    if target is None and known and known[0] >= _HALF:
        return 0.0, 100.0
    if low_target or target is None:
        return 0.0, min(100.0, max([*known, 1.0]) * 1.6)
    return max(0.0, min(known) - 10), 100.0


def _health_row(ax: Axes, metric: HealthMetric) -> None:
    colour = _HEALTH_COLOUR.get(metric.status.value, _GREY)
    value = _percent(metric.value)
    target = _percent(metric.target)
    low_target = metric.comparison is not None and metric.comparison.value.startswith("<")
    floor, limit = _health_scale(value, target, low_target=low_target)
    if target is not None:
        # the side of the target that misses it
        ax.axvspan(*((target, limit) if low_target else (floor, target)), color=_RED, alpha=0.08)
        ax.axvline(target, color="black", linewidth=1.5)
    if value is not None:
        ax.barh(0, value - floor, left=floor, height=0.6, color=colour)
        ax.plot(value, 0, marker="|", markersize=16, markeredgewidth=2, color=colour)
    ax.set_xlim(floor, limit)
    ax.set_yticks([])
    ax.tick_params(axis="x", labelsize=7)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:g}%")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(f"{metric.code} {metric.name} ({metric.label})", loc="left", fontsize=8)
    status = metric.status.value.replace("_", " ")
    judged = (
        f"target {metric.target_text}: {status}" if target is not None else f"no target: {status}"
    )
    ax.set_title(
        f"{metric.value_text} ({metric.numerator}/{metric.denominator}), {judged}",
        loc="right",
        fontsize=8,
        color=colour,
    )


def plot_health(health: AccountHealth) -> Figure:
    """Each account-health metric against its target, one row per metric and window.

    A bar is the metric's value, coloured by its status (ok green, at risk amber, failing red,
    no data grey, only reported blue); the black line is the target and the red band the side
    of it that misses. Each row has its own scale: a defect rate under 1 % and a tracking rate
    over 95 % are both readable.

    Args:
        health: The `AccountHealth` from ``account_health``.

    Returns:
        A matplotlib `Figure`.
    """
    metrics = health.metrics
    fig = Figure(figsize=(_WIDTH, 0.6 + 0.75 * max(len(metrics), 1)), layout="constrained")
    if not metrics:
        fig.text(0.5, 0.5, "no metrics (every health rule is off)", ha="center")
        return fig
    axes = fig.subplots(len(metrics), 1, squeeze=False)[:, 0]
    for ax, metric in zip(axes, metrics, strict=True):
        _health_row(ax, metric)
    when = f" as of {health.as_of:%Y-%m-%d}" if health.as_of is not None else ""
    fig.suptitle(
        f"Account health{when} ({health.edition} policy, {health.order_count} orders)",
        fontsize=10,
        x=0.01,
        ha="left",
    )
    return fig
