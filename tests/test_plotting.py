import importlib
import io
import os
import runpy
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import sellerpolicy
from sellerpolicy import Feedback, Message, Order, Policy, Refund, Shipment
from sellerpolicy._rules.feedback import feedback_stats
from sellerpolicy.exceptions import InvalidTypeError


def need(module: str):
    """The plot and notebook extras: skipped where missing, but CI installs them, so it fails there."""
    if os.environ.get("CI"):
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=f"pip install 'sellerpolicy[notebook]' ({module})")


need("matplotlib")
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402

from sellerpolicy.plotting import plot_feedback, plot_health, plot_timeline  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 3, 1, 18, tzinfo=UTC)
OID = "113-0000000-0000042"
PNG = b"\x89PNG\r\n\x1a\n"


def png(figure) -> bytes:
    """Render with the Agg backend, as a script or CI would."""
    out = io.BytesIO()
    FigureCanvasAgg(figure).print_png(out)
    return out.getvalue()


def texts(figure) -> list[str]:
    """Every text drawn in the figure (titles, labels, annotations)."""
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]


def an_order() -> tuple[Order, list]:
    order = Order(
        order_id=OID,
        marketplace_id="ATVPDKIKX0DER",
        purchased_at=datetime(2026, 2, 16, 17, tzinfo=UTC),
        fulfillment_channel="MFN",
        latest_ship=datetime(2026, 2, 18, 8, tzinfo=UTC),
        delivered_at=datetime(2026, 2, 20, 20, tzinfo=UTC),
        shipments=[Shipment(carrier="UPS", shipped_at=datetime(2026, 2, 17, 18, tzinfo=UTC))],
    )
    events = [
        Message(
            body="Plug?",
            kind="inquiry",
            sender="buyer",
            order_id=OID,
            sent_at=datetime(2026, 2, 17, 9, tzinfo=UTC),
        ),
        Message(
            body="US plug.",
            kind="reply",
            sender="seller",
            order_id=OID,
            sent_at=datetime(2026, 2, 17, 15, tzinfo=UTC),
        ),
        Message(
            body="Refund?",
            kind="inquiry",
            sender="buyer",
            order_id=OID,
            sent_at=datetime(2026, 2, 27, 16, tzinfo=UTC),
        ),
        Refund(order_id=OID, at=datetime(2026, 2, 28, 10, tzinfo=UTC)),
    ]
    return order, events


class TestPlotTimeline:
    def test_order_with_events(self):
        """One lane per obligation under the events lane; the far due time is an arrow at the edge."""
        order, events = an_order()
        report = sellerpolicy.obligations(order, events, now=NOW)

        figure = plot_timeline(order, events, now=NOW)

        labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
        assert ["events", *(f"{o.code} {o.name}" for o in report.obligations)] == labels
        drawn = texts(figure)
        assert "due 2026-08-16 →" in drawn  # SP513: records kept 6 months
        assert {
            "buyer inquiry",
            "seller reply",
            "purchase",
            "latest ship",
            "delivered",
            "now",
        } <= set(drawn)
        assert f"Order {OID}: obligations (current policy, as of 2026-03-01 10:00 PST)" in drawn
        assert png(figure).startswith(PNG)

    def test_report_alone(self):
        """A report is drawn without its events: only the obligations."""
        order, events = an_order()
        report = sellerpolicy.obligations(order, events, now=NOW, policy=Policy.seed())

        figure = plot_timeline(report)

        assert len(report.obligations) + 1 == len(figure.axes[0].get_yticklabels())
        assert "buyer inquiry" not in texts(figure)
        assert any("(seed policy," in t for t in texts(figure))

    def test_statuses_have_their_colours(self):
        """Overdue obligations are red, met ones green: the bars carry the status colour."""
        order, events = an_order()

        figure = plot_timeline(order, events[:1], now=NOW)

        colours = {p.get_facecolor()[:3] for p in figure.axes[0].patches}
        assert (0.7764705882352941, 0.1568627450980392, 0.1568627450980392) in colours  # #c62828

    def test_order_needs_now(self):
        """An order without now cannot be decided; the error names the argument."""
        order, events = an_order()

        with pytest.raises(InvalidTypeError, match="now is needed") as info:
            plot_timeline(order, events)

        assert "now" == info.value.field

    def test_wrong_type(self):
        """Anything but a report or an order is refused."""
        with pytest.raises(
            InvalidTypeError, match="report_or_order must be an ObligationsReport or an Order"
        ):
            plot_timeline("113-0000000-0000042", now=NOW)

    def test_nothing_to_draw(self):
        """A report without obligations or a moment says there is nothing to draw."""
        report = sellerpolicy.ObligationsReport(order_id=OID, marketplace_id="ATVPDKIKX0DER")

        assert "nothing to draw: no obligations, no events, no now" in texts(plot_timeline(report))


def feedbacks(days: range, rating: int = 5) -> list[Feedback]:
    return [
        Feedback(
            order_id=f"113-0000000-{d:07d}", rating=rating, left_at=NOW - timedelta(days=d, hours=3)
        )
        for d in days
    ]


class TestPlotFeedback:
    def test_buckets_windows_and_shopper_window(self):
        """One bar per bucket with ratings, a line per window, and the figure shoppers see."""
        stats = feedback_stats(
            feedbacks(range(0, 400, 4)) + feedbacks(range(2, 60, 12), rating=1), now=NOW
        )

        figure = plot_feedback(stats)

        drawn = texts(figure)
        bars = [p for p in figure.axes[0].patches if p.get_height() > 0 and p.get_width() < 100]
        assert len([b for b in stats.trend if b.ratings]) == len(bars)
        assert any(
            t.startswith(f"shoppers see 365d: {stats.shopper.positive_share * 100:.1f}%")
            for t in drawn
        )
        assert {f"{w.label}: {w.positive_share * 100:.1f}%" for w in stats.windows} <= set(drawn)
        assert png(figure).startswith(PNG)

    def test_few_ratings_show_the_lifetime_figure(self):
        """With few recent ratings shoppers see the lifetime figure, and empty buckets say none."""
        stats = feedback_stats(feedbacks(range(400, 700, 30)) + feedbacks(range(5, 10)), now=NOW)

        drawn = texts(plot_feedback(stats))

        assert any(t.startswith("shoppers see lifetime: 100.0%") for t in drawn)
        assert "none" in drawn

    def test_no_feedback(self):
        """Without feedback the picture still draws, with n/a for shoppers."""
        drawn = texts(plot_feedback(feedback_stats([], now=NOW)))

        assert any(t.startswith("shoppers see lifetime: n/a (0 ratings)") for t in drawn)


class TestPlotHealth:
    def test_one_row_per_metric(self):
        """Each metric gets its row with its name, value, target and status."""
        gen = runpy.run_path(str(ROOT / "docs" / "gen_pictures.py"))
        health = sellerpolicy.account_health(*gen["sample_account"](), now=NOW)

        figure = plot_health(health)

        assert len(health.metrics) == len(figure.axes)
        drawn = texts(figure)
        assert "SP901 order-defect-rate (60d)" in drawn
        assert "5.00% (1/20), target < 1%: failing" in drawn
        assert "95.00% (19/20), target >= 95%: ok" in drawn
        assert "20.00% (1/5), no target: report" in drawn
        assert png(figure).startswith(PNG)

    def test_no_metrics(self):
        """A policy that turns every health rule off gives a picture that says so."""
        codes = [c for c, i in sellerpolicy.RULES.items() if i.family == "health"]
        health = sellerpolicy.account_health(
            [], [], now=NOW, policy=Policy.current().disable(*codes)
        )

        assert "no metrics (every health rule is off)" in texts(plot_health(health))


class TestWithoutMatplotlib:
    def test_import_error_says_how_to_install(self, monkeypatch):
        """Without the plot extra, importing sellerpolicy.plotting says what to install."""
        monkeypatch.delitem(sys.modules, "sellerpolicy.plotting")
        monkeypatch.setitem(sys.modules, "matplotlib.dates", None)

        with pytest.raises(ModuleNotFoundError, match=r"pip install 'sellerpolicy\[plot\]'"):
            importlib.import_module("sellerpolicy.plotting")


class TestDocsPictures:
    def test_script_draws_the_three_pictures(self, tmp_path):
        """docs/gen_pictures.py draws the pictures the docs show (committed in docs/assets)."""
        gen = runpy.run_path(str(ROOT / "docs" / "gen_pictures.py"))

        written = gen["main"](tmp_path)

        assert ["feedback.png", "health.png", "timeline.png"] == sorted(p.name for p in written)
        assert all(p.read_bytes().startswith(PNG) for p in written)
        assert {p.name for p in written} <= {p.name for p in (ROOT / "docs" / "assets").iterdir()}


class TestExampleNotebook:
    @pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter's own, not ours
    def test_runs_and_draws(self):
        """examples/explore.ipynb runs top to bottom in a fresh kernel and shows tables and pictures."""
        nbformat = need("nbformat")
        nbclient = need("nbclient")
        need("ipykernel")
        need("pandas")
        path = ROOT / "examples" / "explore.ipynb"
        notebook = nbformat.read(path, as_version=4)

        nbclient.NotebookClient(
            notebook,
            timeout=60,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()

        outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type == "error"]
        html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
        plain = [o.data["text/plain"] for o in outputs if "text/plain" in o.get("data", {})]
        assert 3 == sum("image/png" in o.get("data", {}) for o in outputs)
        assert any("<strong>MessageReport</strong> not ok" in h for h in html)
        assert any("<mark" in h and "555-123-4567" in h for h in html)  # highlight()
        assert any("<strong>ObligationsReport</strong>" in h for h in html)
        assert "<MessageReport not ok: 3 error (current)>" in "".join(
            o.get("text", "") for o in outputs if o.output_type == "stream"
        )
        assert any("review request" in p and "SP107" in p for p in plain)  # the editions table
