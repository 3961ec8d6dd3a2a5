import datetime as dt
import decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import Code, Message, Order, Policy, Severity
from sellerpolicy._events import OptOut
from sellerpolicy._rules.context import Campaign
from sellerpolicy._rules.solicitation import SolicitationDecision, solicitation
from sellerpolicy.exceptions import DeserializationError, InvalidTypeError, InvalidValueError

from . import strategies as s

US = "ATVPDKIKX0DER"
OID = "113-4567890-1234567"
SEED = Policy.seed()
CURRENT = Policy.current()
TICK = dt.timedelta(microseconds=1)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def order(**changes: object) -> Order:
    fields: dict[str, object] = {
        "order_id": OID,
        "marketplace_id": US,
        "purchased_at": at("2026-03-01T18:00:00+00:00"),  # 10:00 PST
        "fulfillment_channel": "MFN",
    }
    fields.update(changes)
    return Order(**fields)  # type: ignore[arg-type]


def request(sent_at: dt.datetime | None, **changes: object) -> Message:
    fields: dict[str, object] = {"kind": "review_request", "order_id": OID, "sent_at": sent_at}
    fields.update(changes)
    return Message(body="How is your kettle? You can leave a review.", **fields)  # type: ignore[arg-type]


EARLIEST_EDD = at("2026-03-06T08:00:00+00:00")  # Mar 6 00:00 PST
LATEST_EDD = at("2026-03-09T08:00:00+00:00")  # Mar 9 01:00 PDT (after the DST change)
DELIVERED = at("2026-03-07T18:00:00+00:00")  # Mar 7 10:00 PST
NOW = at("2026-03-20T18:00:00+00:00")
DATED = order(earliest_delivery=EARLIEST_EDD, latest_delivery=LATEST_EDD)

WINDOW_CASES = [
    # current: 5 d after the earliest EDD (wall clock, across DST) to 30 d after the latest EDD
    (
        "current: EDD window",
        DATED,
        CURRENT,
        at("2026-03-11T07:00:00+00:00"),  # Mar 11 00:00 PDT
        at("2026-04-08T08:00:00+00:00"),  # Apr 8 01:00 PDT
    ),
    (
        # SP403: proactive messages end 30 d after delivery, before the EDD window closes
        "current: delivery closes it earlier",
        order(earliest_delivery=EARLIEST_EDD, latest_delivery=LATEST_EDD, delivered_at=DELIVERED),
        CURRENT,
        at("2026-03-11T07:00:00+00:00"),
        at("2026-04-06T17:00:00+00:00"),  # Mar 7 10:00 PST + 30 d = Apr 6 10:00 PDT
    ),
    (
        "current: delivery opens it without an earliest EDD",
        order(latest_delivery=LATEST_EDD, delivered_at=DELIVERED),
        CURRENT,
        at("2026-03-12T17:00:00+00:00"),  # Mar 7 10:00 PST + 5 d = Mar 12 10:00 PDT
        at("2026-04-06T17:00:00+00:00"),
    ),
    (
        "current: opens and closes parameters",
        DATED,
        CURRENT.with_parameters(solicitation_opens="7d", solicitation_closes="10d"),
        at("2026-03-13T07:00:00+00:00"),
        at("2026-03-19T08:00:00+00:00"),
    ),
    (
        "seed: delivery + 2 d, across DST, never closing",
        order(earliest_delivery=EARLIEST_EDD, latest_delivery=LATEST_EDD, delivered_at=DELIVERED),
        SEED,
        at("2026-03-09T17:00:00+00:00"),  # Mar 9 10:00 PDT
        None,
    ),
    (
        "seed: latest EDD + 2 d without a delivery",
        DATED,
        SEED,
        at("2026-03-11T08:00:00+00:00"),  # Mar 11 01:00 PDT
        None,
    ),
    (
        "seed: opens parameter",
        DATED,
        SEED.with_parameters(solicitation_opens="5d"),
        at("2026-03-14T08:00:00+00:00"),
        None,
    ),
    (
        "current: AFN without dates assumes purchase + 5 d",
        order(fulfillment_channel="AFN"),
        CURRENT,
        at("2026-03-11T17:00:00+00:00"),  # Mar 1 10:00 PST + 5 d + 5 d = Mar 11 10:00 PDT
        at("2026-04-05T17:00:00+00:00"),  # Mar 6 10:00 PST + 30 d = Apr 5 10:00 PDT
    ),
    (
        "current: typical transit parameter",
        order(fulfillment_channel="AFN"),
        CURRENT.with_parameters(typical_transit="2d"),
        at("2026-03-08T17:00:00+00:00"),  # Mar 3 10:00 PST + 5 d = Mar 8 10:00 PDT
        at("2026-04-02T17:00:00+00:00"),
    ),
    (
        "seed: AFN without dates assumes purchase + 5 d",
        order(fulfillment_channel="AFN"),
        SEED,
        at("2026-03-08T17:00:00+00:00"),  # Mar 6 10:00 PST + 2 d = Mar 8 10:00 PDT
        None,
    ),
]


class TestWindow:
    @pytest.mark.parametrize(
        ("the_order", "policy", "earliest", "latest"),
        [c[1:] for c in WINDOW_CASES],
        ids=[c[0] for c in WINDOW_CASES],
    )
    def test_window(self, the_order, policy, earliest, latest):
        """The window follows POLICY.md §5 and §13 in both editions."""
        decision = solicitation(the_order, now=NOW, policy=policy)

        assert (earliest, latest) == (decision.earliest, decision.latest)

    def test_assumption_is_stated(self):
        """An order without delivery dates is answered, saying what was assumed."""
        decision = solicitation(order(fulfillment_channel="AFN"), now=NOW)

        assert 1 == len(decision.assumptions)
        assert "as is common for FBA orders from the Orders API" in decision.assumptions[0]
        assert "typical_transit parameter, weakly sourced" in decision.assumptions[0]
        assert ("order", "assumed delivery") == (
            decision.opens_from.type,
            decision.opens_from.summary,
        )

    def test_fallback_is_stated(self):
        """A window counted from another date than the policy's says so."""
        decision = solicitation(order(latest_delivery=LATEST_EDD, delivered_at=DELIVERED), now=NOW)

        expected = (
            (
                "the order has no earliest estimated delivery date; the window opens from its "
                "delivery instead"
            ),
        )
        assert expected == decision.assumptions

    def test_no_assumption_with_dates(self):
        """An order with its dates needs no assumption."""
        assert () == solicitation(DATED, now=NOW).assumptions

    def test_evidence_dates(self):
        """The dates the window counts from are fields of the decision."""
        decision = solicitation(DATED, now=NOW)

        assert (EARLIEST_EDD, LATEST_EDD) == (decision.opens_from.at, decision.closes_from.at)


OPENS = at("2026-03-11T07:00:00+00:00")
CLOSES = at("2026-04-08T08:00:00+00:00")
SEED_OPENS = at("2026-03-11T08:00:00+00:00")

ALLOWED_CASES = [
    ("current: 1 us before it opens", CURRENT, OPENS - TICK, False, {"SP404": Severity.ERROR}),
    ("current: exactly when it opens", CURRENT, OPENS, True, {}),
    ("current: exactly when it closes", CURRENT, CLOSES, True, {}),
    (
        "current: 1 us after it closes",
        CURRENT,
        CLOSES + TICK,
        False,
        {"SP404": Severity.ERROR, "SP403": Severity.ERROR},
    ),
    (
        "seed: 1 us before delivery + 2 d is advice",
        SEED,
        SEED_OPENS - TICK,
        True,
        {"SP404": Severity.INFO},
    ),
    ("seed: exactly delivery + 2 d", SEED, SEED_OPENS, True, {}),
    ("seed: a year later", SEED, SEED_OPENS + dt.timedelta(days=365), True, {}),
]


class TestAllowed:
    @pytest.mark.parametrize(
        ("policy", "now", "allowed", "severities"),
        [c[1:] for c in ALLOWED_CASES],
        ids=[c[0] for c in ALLOWED_CASES],
    )
    def test_allowed(self, policy, now, allowed, severities):
        """Allowed inside the window, both ends included; the seed only advises."""
        decision = solicitation(DATED, now=now, policy=policy)
        found = {str(f.code): f.severity for f in decision.findings if f.code != "SP415"}

        assert (allowed, severities) == (decision.allowed, found)

    def test_readable(self):
        """str() gives the answer, the window and the reasons."""
        text = str(solicitation(DATED, now=OPENS - dt.timedelta(days=1)))

        assert text.startswith("not allowed: review request (current policy)")
        assert "  earliest: 2026-03-11T07:00:00+00:00" in text
        assert "SP404 error solicitation-window: review request 1 day too early" in text
        assert "SP415 not judged: no campaign given" in text


class TestAlreadySent:
    @pytest.mark.parametrize(
        ("policy", "history", "events", "allowed", "severity"),
        [
            (CURRENT, [request(at("2026-03-12T10:00:00+00:00"))], [], False, Severity.ERROR),
            (SEED, [request(at("2026-03-12T10:00:00+00:00"))], [], True, Severity.WARNING),
            (
                CURRENT,
                [],
                [request(at("2026-03-12T10:00:00+00:00"), automated=True)],
                False,
                Severity.ERROR,
            ),
            (
                CURRENT,
                [request(at("2026-03-12T10:00:00+00:00"), sender="amazon")],
                [],
                False,
                Severity.ERROR,
            ),
            (CURRENT, [request(None)], [], False, Severity.ERROR),
            (
                CURRENT,
                [request(at("2026-03-12T10:00:00+00:00"), order_id="113-0000000-0000009")],
                [],
                True,
                None,
            ),
            (
                CURRENT,
                [request(at("2026-03-12T10:00:00+00:00"), order_id=None)],
                [],
                False,
                Severity.ERROR,
            ),
            (CURRENT, [request(NOW + TICK)], [], True, None),
            (CURRENT, [request(at("2026-03-12T10:00:00+00:00"), kind="reply")], [], True, None),
            (
                CURRENT,
                [request(at("2026-03-12T10:00:00+00:00"), sender="buyer", kind="inquiry")],
                [],
                True,
                None,
            ),
            (
                CURRENT.with_parameters(solicitation_requests=2),
                [request(at("2026-03-12T10:00:00+00:00"))],
                [],
                True,
                None,
            ),
        ],
        ids=[
            "current: a repeat is an error",
            "seed: a repeat is a warning and stays allowed",
            "amazon request a review in the events counts",
            "amazon request a review sent by amazon counts",
            "a history request without a time counts",
            "another order's request does not count",
            "a history request without an order id counts",
            "a request after now does not count",
            "a reply is no request",
            "a buyer message is no request",
            "two requests allowed (parameter)",
        ],
    )
    def test_repeat(self, policy, history, events, allowed, severity):
        """One review request per order (SP122); Amazon's Request a Review counts as one."""
        decision = solicitation(DATED, history=history, events=events, now=NOW, policy=policy)

        assert allowed == decision.allowed
        assert severity == next((f.severity for f in decision.findings if f.code == "SP122"), None)

    def test_already_sent(self):
        """already_sent says whether a request went, whatever the limit."""
        history = [request(at("2026-03-12T10:00:00+00:00"))]
        policy = CURRENT.with_parameters(solicitation_requests=2)

        assert solicitation(DATED, history=history, now=NOW, policy=policy).already_sent
        assert not solicitation(DATED, now=NOW).already_sent

    def test_same_request_in_history_and_events(self):
        """One request passed in both history and events counts once."""
        sent = request(at("2026-03-12T10:00:00+00:00"))
        policy = CURRENT.with_parameters(solicitation_requests=2)

        assert solicitation(DATED, history=[sent], events=[sent], now=NOW, policy=policy).allowed

    def test_evidence(self):
        """The finding points at the earlier request."""
        sent = request(at("2026-03-12T10:00:00+00:00"), automated=True)
        decision = solicitation(DATED, events=[sent], now=NOW)
        finding = next(f for f in decision.findings if f.code == "SP122")

        assert ("message", 0, "automated seller review request") == (
            finding.event.type,
            finding.event.index,
            finding.event.summary,
        )


class TestOptedOut:
    def test_opted_out(self):
        """A buyer who opted out is reported (SP405 warning); the request stays allowed."""
        decision = solicitation(
            DATED, events=[OptOut(order_id=OID, at=at("2026-03-02T00:00:00+00:00"))], now=NOW
        )

        assert (True, True) == (decision.opted_out, decision.allowed)
        assert [Severity.WARNING] == [f.severity for f in decision.findings if f.code == "SP405"]

    def test_opt_out_after_now(self):
        """An opt-out after now does not count yet."""
        decision = solicitation(DATED, events=[OptOut(order_id=OID, at=NOW + TICK)], now=NOW)

        assert not decision.opted_out
        assert "SP405" not in decision.codes

    def test_seed_has_no_opt_out_rule(self):
        """The seed edition knows the opt-out but has no rule against it."""
        decision = solicitation(DATED, events=[OptOut(order_id=OID, at=NOW)], now=NOW, policy=SEED)

        assert decision.opted_out
        assert "SP405" not in decision.codes


CAMPAIGN_CASES = [
    ("current: no filter", Campaign(), CURRENT, {}),
    (
        "current: returns",
        Campaign(exclude_returns=True),
        CURRENT,
        {"campaign.exclude_returns": Severity.ERROR},
    ),
    (
        "current: refunds",
        Campaign(exclude_refunds=True),
        CURRENT,
        {"campaign.exclude_refunds": Severity.ERROR},
    ),
    (
        "current: sentiment",
        Campaign(sentiment=True),
        CURRENT,
        {"campaign.sentiment": Severity.ERROR},
    ),
    (
        "current: rating",
        Campaign(min_product_rating="4"),
        CURRENT,
        {"campaign.min_product_rating": Severity.ERROR},
    ),
    (
        "current: return rate",
        Campaign(max_return_rate="0.1"),
        CURRENT,
        {"campaign.max_return_rate": Severity.ERROR},
    ),
    (
        "current: channel only is info",
        Campaign(channel="AFN"),
        CURRENT,
        {"campaign.channel": Severity.INFO},
    ),
    (
        "current: channel and returns",
        Campaign(channel="AFN", exclude_returns=True),
        CURRENT,
        {"campaign.channel": Severity.INFO, "campaign.exclude_returns": Severity.ERROR},
    ),
    (
        "seed: every recommended filter",
        Campaign(
            channel="AFN",
            exclude_returns=True,
            exclude_refunds=True,
            min_product_rating=4,
            max_return_rate="0.1",
        ),
        SEED,
        {},
    ),
    (
        "seed: no filter gets advice",
        Campaign(),
        SEED,
        {
            "campaign.exclude_returns": Severity.INFO,
            "campaign.exclude_refunds": Severity.INFO,
            "campaign.min_product_rating": Severity.INFO,
            "campaign.max_return_rate": Severity.INFO,
            "campaign.channel": Severity.INFO,
        },
    ),
    (
        "seed: sentiment is neither advised nor flagged",
        Campaign(
            sentiment=True,
            channel="AFN",
            exclude_returns=True,
            exclude_refunds=True,
            min_product_rating=4,
            max_return_rate="0.1",
        ),
        SEED,
        {},
    ),
    (
        "policy switch: recommended",
        Campaign(exclude_returns=True),
        CURRENT.with_parameters(campaign_filters="recommended"),
        {
            "campaign.exclude_refunds": Severity.INFO,
            "campaign.min_product_rating": Severity.INFO,
            "campaign.max_return_rate": Severity.INFO,
            "campaign.channel": Severity.INFO,
        },
    ),
]


class TestCampaign:
    @pytest.mark.parametrize(
        ("campaign", "policy", "expected"),
        [c[1:] for c in CAMPAIGN_CASES],
        ids=[c[0] for c in CAMPAIGN_CASES],
    )
    def test_filters(self, campaign, policy, expected):
        """Current forbids selective filters (channel alone is info); the seed recommends them."""
        decision = solicitation(DATED, campaign=campaign, now=NOW, policy=policy)

        assert expected == {f.field: f.severity for f in decision.findings if f.code == "SP415"}

    def test_forbidden_filter_blocks(self):
        """A request from a selective campaign is not allowed in the current edition."""
        assert not solicitation(DATED, campaign=Campaign(exclude_refunds=True), now=NOW).allowed

    def test_no_campaign(self):
        """Without a campaign SP415 is not judged, and says why."""
        assert ["SP415 not judged: no campaign given"] == [
            str(n) for n in solicitation(DATED, now=NOW).not_judged
        ]

    def test_message(self):
        """The finding says which filter and why."""
        decision = solicitation(
            DATED, campaign=Campaign(max_return_rate=decimal.Decimal("0.15")), now=NOW
        )

        expected = "campaign skips products returned more often than 15% (max_return_rate): selective solicitation is not allowed"
        assert [expected] == [f.message for f in decision.findings if f.code == "SP415"]

    @pytest.mark.parametrize(
        ("fields", "error", "field"),
        [
            ({"min_product_rating": 6}, InvalidValueError, "Campaign.min_product_rating"),
            ({"min_product_rating": 4.5}, InvalidTypeError, "Campaign.min_product_rating"),
            ({"max_return_rate": "1.5"}, InvalidValueError, "Campaign.max_return_rate"),
            ({"channel": "FBA"}, InvalidValueError, "Campaign.channel"),
            ({"exclude_returns": "yes"}, InvalidTypeError, "Campaign.exclude_returns"),
        ],
        ids=["rating-above-5", "float-rating", "rate-above-1", "unknown-channel", "string-flag"],
    )
    def test_bad_campaign(self, fields, error, field):
        """Campaign values are checked, naming the field."""
        with pytest.raises(error) as err:
            Campaign(**fields)

        assert field == err.value.field


class TestInput:
    def test_naive_now(self):
        """A naive now is refused, naming it."""
        with pytest.raises(InvalidValueError, match="now must be timezone-aware") as err:
            solicitation(DATED, now=dt.datetime(2026, 3, 1))  # noqa: DTZ001

        assert "now" == err.value.field

    def test_history_of_wrong_type(self):
        """History items must be messages."""
        with pytest.raises(InvalidTypeError) as err:
            solicitation(DATED, history=["review request"], now=NOW)  # type: ignore[list-item]

        assert "history[0]" == err.value.field

    def test_event_of_another_order(self):
        """An event of another order is refused, naming it."""
        with pytest.raises(InvalidValueError) as err:
            solicitation(DATED, events=[OptOut(order_id="113-0000000-0000009", at=NOW)], now=NOW)

        assert "events[0].order_id" == err.value.field

    def test_campaign_of_wrong_type(self):
        """A campaign must be a Campaign."""
        with pytest.raises(InvalidTypeError, match="campaign must be a Campaign"):
            solicitation(DATED, campaign={"exclude_returns": True}, now=NOW)  # type: ignore[arg-type]

    def test_order_of_wrong_type(self):
        """An order must be an Order."""
        with pytest.raises(InvalidTypeError, match="order must be an Order"):
            solicitation("113-4567890-1234567", now=NOW)  # type: ignore[arg-type]


def decisions_of(the_order: Order, events, now: dt.datetime, edition: str) -> SolicitationDecision:
    return solicitation(the_order, events=events, now=now, policy=Policy.for_edition(edition))


class TestProperties:
    @given(
        timeline=s.timelines(kinds=("message", "opt_out")),
        now=s.aware_datetimes(),
        later=st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=400)),
        edition=st.sampled_from(["current", "seed"]),
    )
    def test_later_now_never_makes_earliest_later(self, timeline, now, later, edition):
        """Asking later never moves the earliest allowed instant later."""
        the_order, events = timeline

        first = decisions_of(the_order, events, now, edition)
        second = decisions_of(the_order, events, now + later, edition)

        assert first.earliest is not None and second.earliest is not None
        assert second.earliest <= first.earliest

    @given(timeline=s.timelines(kinds=("message", "opt_out")), now=s.aware_datetimes())
    def test_allowed_means_inside_the_window(self, timeline, now):
        """In the current edition an allowed request lies inside [earliest, latest] and is the first."""
        the_order, events = timeline

        decision = solicitation(the_order, events=events, now=now)

        if decision.allowed:
            assert decision.earliest <= now
            assert decision.latest is None or now <= decision.latest
            assert not decision.already_sent

    @given(
        timeline=s.timelines(kinds=("message", "opt_out")),
        now=s.aware_datetimes(),
        edition=st.sampled_from(["current", "seed"]),
    )
    def test_round_trip(self, timeline, now, edition):
        """Every decision survives JSON unchanged."""
        the_order, events = timeline
        decision = decisions_of(the_order, events, now, edition)

        assert decision == sellerpolicy.from_json(
            SolicitationDecision, sellerpolicy.to_json(decision)
        )


class TestSerialization:
    @given(campaign=s.campaigns(), edition=st.sampled_from(["current", "seed"]))
    def test_any_campaign(self, campaign, edition):
        """Every campaign survives JSON, and so does the decision that judges it."""
        decision = solicitation(
            DATED, campaign=campaign, now=NOW, policy=Policy.for_edition(edition)
        )

        assert campaign == sellerpolicy.from_json(Campaign, sellerpolicy.to_json(campaign))
        assert decision == sellerpolicy.from_json(
            SolicitationDecision, sellerpolicy.to_json(decision)
        )

    def test_round_trip_with_campaign(self):
        """A decision with findings, assumptions and dates survives JSON."""
        decision = solicitation(
            order(fulfillment_channel="AFN"),
            history=[request(at("2026-03-05T10:00:00+00:00"))],
            events=[OptOut(order_id=OID, at=at("2026-03-02T00:00:00+00:00"))],
            campaign=Campaign(channel="AFN", min_product_rating="4.5"),
            now=NOW,
        )

        assert decision.assumptions and decision.findings
        assert decision == sellerpolicy.from_json(
            SolicitationDecision, sellerpolicy.to_json(decision)
        )

    def test_campaign_round_trip(self):
        """A campaign survives JSON."""
        campaign = Campaign(channel="AFN", exclude_returns=True, max_return_rate="0.25")

        assert campaign == sellerpolicy.from_json(Campaign, sellerpolicy.to_json(campaign))

    def test_bad_data(self):
        """Malformed decision data names the path."""
        with pytest.raises(DeserializationError, match=r"\$\.allowed"):
            sellerpolicy.from_dict(SolicitationDecision, {"allowed": "yes"})

    def test_codes(self):
        """Every finding's code is in .codes, info included."""
        decision = solicitation(DATED, campaign=Campaign(channel="AFN"), now=NOW)

        assert {Code.SP415} == decision.codes
        assert decision.ok and decision.allowed
