"""Throughput of account_health over many synthetic orders, and its growth with their number.

Run: python -m benchmarks.health [--orders N] [--seed S]

Builds N seller orders in the US marketplace (real `Order` values and their events: buyer
messages and replies, feedback, A-to-z claims, chargebacks, return requests, seller actions and
cancellations) with a seeded `random` generator, purchased over the 400 days before `NOW`, then
times `account_health` (best of 3) at N/10 and N orders and prints orders per second and
microseconds per order. The time per order must not grow with N: the engine groups the events
once and makes one pass over the orders per metric.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from sellerpolicy import Claim, Feedback, Message, Order, ReturnRequest, Shipment
from sellerpolicy._events import Cancellation, Event, SellerAction
from sellerpolicy._rules.health import account_health

NOW = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
US = "ATVPDKIKX0DER"
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def _at(rng: random.Random, start: dt.datetime, low_hours: float, high_hours: float) -> dt.datetime:
    return start + dt.timedelta(hours=rng.uniform(low_hours, high_hours))


def synthetic_account(n: int, seed: int = 20260301) -> tuple[list[Order], list[Event]]:
    """``n`` orders and their events, the same for the same ``n`` and ``seed``."""
    rng = random.Random(seed)
    orders: list[Order] = []
    events: list[Event] = []
    for k in range(n):
        oid = f"113-{k // 10_000_000:07d}-{k % 10_000_000:07d}"
        purchased = NOW - dt.timedelta(seconds=rng.randrange(400 * 86_400))
        mfn = rng.random() < 0.6
        latest_ship = purchased + 2 * DAY
        latest_delivery = purchased + 6 * DAY
        shipments: tuple[Shipment, ...] = ()
        delivered = None
        cancelled = mfn and rng.random() < 0.02
        if mfn and not cancelled:
            shipped = _at(rng, purchased, 2, 50)  # about 1 in 25 after the latest ship date
            if shipped <= NOW:
                arrived = _at(rng, shipped, 24, 140)
                delivered = arrived if arrived <= NOW else None
                tracked = rng.random() < 0.97
                shipments = (
                    Shipment(
                        carrier="UPS",
                        tracking_number=f"1Z{k:016d}" if tracked else None,
                        shipped_at=shipped,
                        delivered_at=delivered,
                        buy_shipping=rng.random() < 0.5,
                    ),
                )
        orders.append(
            Order(
                order_id=oid,
                marketplace_id=US,
                purchased_at=purchased,
                fulfillment_channel="MFN" if mfn else "AFN",
                latest_ship=latest_ship,
                latest_delivery=latest_delivery,
                delivered_at=delivered if not mfn else None,
                shipments=shipments,
            )
        )
        if cancelled:
            by = rng.choice(["seller", "buyer"])
            reason = "out_of_stock" if by == "seller" else "buyer_request"
            events.append(
                Cancellation(order_id=oid, at=_at(rng, purchased, 1, 30), by=by, reason=reason)  # type: ignore[arg-type]
            )
        if rng.random() < 0.3:
            asked = _at(rng, purchased, 1, 200)
            events.append(
                Message(
                    body="Where is my parcel?",
                    kind="inquiry",  # type: ignore[arg-type]
                    sender="buyer",  # type: ignore[arg-type]
                    order_id=oid,
                    sent_at=asked,
                )
            )
            if rng.random() < 0.9:
                events.append(
                    Message(
                        body="It is on its way.",
                        kind="reply",  # type: ignore[arg-type]
                        sender="seller",  # type: ignore[arg-type]
                        order_id=oid,
                        sent_at=_at(rng, asked, 0.1, 30),
                    )
                )
        if rng.random() < 0.15:
            events.append(
                Feedback(
                    order_id=oid,
                    rating=rng.choices([5, 4, 3, 2, 1], weights=[80, 12, 3, 2, 3])[0],
                    left_at=_at(rng, purchased, 72, 600),
                )
            )
        roll = rng.random()
        if roll < 0.01:
            events.append(
                Claim(
                    order_id=oid,
                    kind="a_to_z",  # type: ignore[arg-type]
                    reason="not_received",  # type: ignore[arg-type]
                    filed_at=_at(rng, purchased, 200, 900),
                    status=rng.choice(["open", "granted", "denied"]),  # type: ignore[arg-type]
                )
            )
        elif roll < 0.015:
            events.append(
                Claim(
                    order_id=oid,
                    kind="chargeback",  # type: ignore[arg-type]
                    reason=rng.choice(["unauthorized", "not_received"]),  # type: ignore[arg-type]
                    filed_at=_at(rng, purchased, 200, 900),
                )
            )
        if mfn and rng.random() < 0.05:
            requested = _at(rng, purchased, 100, 1000)
            events.append(
                ReturnRequest(
                    order_id=oid,
                    requested_at=requested,
                    reason="no_longer_needed",  # type: ignore[arg-type]
                    in_policy=rng.random() < 0.7,
                )
            )
            if rng.random() < 0.8:
                events.append(
                    SellerAction(
                        order_id=oid,
                        at=_at(rng, requested, 1, 60),
                        action="return_authorization",  # type: ignore[arg-type]
                    )
                )
    rng.shuffle(events)  # account_health takes events in any order
    return orders, events


def _best_of(repeat: int, orders: list[Order], events: list[Event]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        account_health(orders, events, now=NOW)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orders", type=int, default=100_000, help="the larger size (N)")
    parser.add_argument("--seed", type=int, default=20260301)
    args = parser.parse_args()
    sizes = (max(1, args.orders // 10), args.orders)
    print(f"account_health, current policy, best of 3 runs (now = {NOW.isoformat()})\n")
    print(f"{'orders':>9}{'events':>9}{'seconds':>10}{'orders/s':>11}{'us/order':>10}")
    per_order = []
    for n in sizes:
        orders, events = synthetic_account(n, args.seed)
        seconds = _best_of(3, orders, events)
        per_order.append(seconds / n * 1e6)
        print(
            f"{n:>9,}{len(events):>9,}{seconds:>10.2f}{n / seconds:>11,.0f}{per_order[-1]:>10.1f}"
        )
    growth = per_order[1] / per_order[0]
    verdict = "linear" if growth < 1.5 else "super-linear?"
    print(f"\ntime per order at {sizes[1]:,} vs {sizes[0]:,}: {growth:.2f}x ({verdict})")
    report = account_health(*synthetic_account(sizes[0], args.seed), now=NOW)
    print(f"\nthe report at {sizes[0]:,} orders:\n{report}")


if __name__ == "__main__":
    main()
