"""Draw the pictures of docs/how-to/notebooks.md into docs/assets/ (needs the `plot` extra).

Run: python docs/gen_pictures.py [OUTPUT_DIR]   (tests/test_plotting.py runs it into a temp dir)
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sellerpolicy import (
    Feedback,
    Message,
    Order,
    Refund,
    ReturnRequest,
    SellerAction,
    Shipment,
    account_health,
    feedback_stats,
)
from sellerpolicy.plotting import plot_feedback, plot_health, plot_timeline

ASSETS = Path(__file__).parent / "assets"
NOW = datetime(2026, 3, 1, 18, tzinfo=UTC)
US = "ATVPDKIKX0DER"
ORDER_ID = "113-0000000-0000042"
BAD_PATCH = 60  # days: the last two months of feedback had some 2-star ratings
LATE, UNTRACKED, SLOW_REPLY = 7, 3, 8  # the account's order shipped late, without tracking, ...


def sample_order() -> tuple[Order, list]:
    """An MFN kettle order: a question answered in time, a return, a question left unanswered."""
    order = Order(
        order_id=ORDER_ID,
        marketplace_id=US,
        purchased_at=datetime(2026, 2, 16, 17, tzinfo=UTC),
        fulfillment_channel="MFN",
        latest_ship=datetime(2026, 2, 18, 8, tzinfo=UTC),
        latest_delivery=datetime(2026, 2, 22, 8, tzinfo=UTC),
        delivered_at=datetime(2026, 2, 20, 20, tzinfo=UTC),
        shipments=[Shipment(carrier="UPS", shipped_at=datetime(2026, 2, 17, 18, tzinfo=UTC))],
    )
    events = [
        Message(body="Does it come with a UK plug?", kind="inquiry", sender="buyer",
                order_id=ORDER_ID, sent_at=datetime(2026, 2, 17, 9, tzinfo=UTC)),
        Message(body="It has a US plug; an adapter is in the box.", kind="reply",
                sender="seller", order_id=ORDER_ID, sent_at=datetime(2026, 2, 17, 15, tzinfo=UTC)),
        ReturnRequest(order_id=ORDER_ID, requested_at=datetime(2026, 2, 23, 10, tzinfo=UTC),
                      reason="defective", received_at=datetime(2026, 2, 26, 16, tzinfo=UTC)),
        SellerAction(order_id=ORDER_ID, action="return_authorization",
                     at=datetime(2026, 2, 24, 12, tzinfo=UTC)),
        Message(body="When will I get my refund?", kind="inquiry", sender="buyer",
                order_id=ORDER_ID, sent_at=datetime(2026, 2, 27, 16, tzinfo=UTC)),
        Refund(order_id=ORDER_ID, at=datetime(2026, 3, 1, 10, tzinfo=UTC)),
    ]  # fmt: skip
    return order, events


def sample_feedback() -> list[Feedback]:
    """A year of feedback: mostly positive, with a bad patch in the last two months."""
    feedback = []
    for day in range(0, 400, 4):
        left_at = NOW - timedelta(days=day, hours=3)
        recent = day < BAD_PATCH
        rating = 2 if (recent and day % 12 == 0) else 3 if day % 40 == 0 else 5
        feedback.append(Feedback(order_id=f"113-0000000-{day:07d}", rating=rating, left_at=left_at))
    return feedback


def sample_account() -> tuple[list[Order], list]:
    """Twenty orders of one month: a late shipment, a parcel without tracking, a late reply."""
    orders, events = [], []
    for n in range(20):
        order_id = f"113-0000000-{n:07d}"
        bought = NOW - timedelta(days=28 - n, hours=5)
        late = n == LATE
        orders.append(
            Order(
                order_id=order_id,
                marketplace_id=US,
                purchased_at=bought,
                fulfillment_channel="MFN",
                latest_ship=bought + timedelta(days=2),
                latest_delivery=bought + timedelta(days=6),
                delivered_at=bought + timedelta(days=8 if late else 4),
                shipments=[
                    Shipment(
                        carrier="UPS",
                        tracking_number=None if n == UNTRACKED else f"1Z999AA1012345{n:04d}",
                        shipped_at=bought + timedelta(days=3 if late else 1),
                    )
                ],
            )
        )
        if n % 4 == 0:  # a question, answered within hours (SLOW_REPLY: after 30 hours)
            asked = bought + timedelta(days=2)
            answered = asked + timedelta(hours=30 if n == SLOW_REPLY else 3)
            events += [
                Message(body="Where is my parcel?", kind="inquiry", sender="buyer",
                        order_id=order_id, sent_at=asked),
                Message(body="It is on its way.", kind="reply", sender="seller",
                        order_id=order_id, sent_at=answered),
            ]  # fmt: skip
        if n % 3 == 0 and bought + timedelta(days=6) < NOW:
            rating = 1 if late else 5
            events.append(
                Feedback(order_id=order_id, rating=rating, left_at=bought + timedelta(days=6))
            )
    events.append(
        Feedback(order_id=f"113-0000000-{LATE:07d}", rating=1, left_at=NOW - timedelta(days=10),
                 comment="Came a week late.")
    )  # fmt: skip
    return orders, events


def main(out: Path = ASSETS) -> list[Path]:
    """Draw the three pictures into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    order, events = sample_order()
    figures = {
        "timeline.png": plot_timeline(order, events, now=NOW),
        "feedback.png": plot_feedback(feedback_stats(sample_feedback(), now=NOW)),
        "health.png": plot_health(account_health(*sample_account(), now=NOW)),
    }
    paths = []
    for name, figure in figures.items():
        path = out / name
        # no date in the PNG's metadata, so an unchanged picture gives unchanged bytes
        figure.savefig(path, dpi=100, metadata={"Software": None})
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in main(Path(sys.argv[1]) if len(sys.argv) > 1 else ASSETS):
        print(written)
