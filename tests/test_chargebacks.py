import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import (
    ActionKind,
    Cancellation,
    Claim,
    ClaimReason,
    Message,
    Money,
    Order,
    OrderProblem,
    Policy,
    Refund,
    SellerAction,
    Severity,
    Shipment,
)
from sellerpolicy._codes import RULES, Code, Family
from sellerpolicy._rules import chargebacks as engine
from sellerpolicy._rules.chargebacks import (
    CancellationAdvice,
    ChargebackDecision,
    Liability,
    cancellation_advice,
    chargeback,
)
from sellerpolicy._rules.data import family_docs
from sellerpolicy.exceptions import InvalidPolicyError, InvalidTypeError, InvalidValueError

from . import strategies as s

LA = ZoneInfo("America/Los_Angeles")
ID = "111-0000000-0000001"
US, UK = "ATVPDKIKX0DER", "A1F83G8C2ARO7P"
CURRENT, SEED = Policy.current(), Policy.seed()
POLICIES = {"current": CURRENT, "seed": SEED}
CHARGEBACK_CODES = tuple(code for code, info in RULES.items() if info.family is Family.CHARGEBACKS)


def la(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LA)  # type: ignore[misc]


PURCHASED = la(2026, 2, 2, 10)
FILED = la(2026, 2, 20, 9)
NOW = la(2026, 2, 22, 12)
TRACKED = Shipment(
    carrier="UPS",
    tracking_number="1Z999AA10123456784",
    shipped_at=la(2026, 2, 3, 10),
    delivered_at=la(2026, 2, 9, 15),
)


def order(**changes: object) -> Order:
    fields: dict[str, object] = {
        "order_id": ID,
        "marketplace_id": US,
        "purchased_at": PURCHASED,
        "fulfillment_channel": "MFN",
        "latest_delivery": la(2026, 2, 10, 18),
        "total": Money("49.99", "USD"),
        "shipments": [TRACKED],
    }
    return Order(**(fields | changes))  # type: ignore[arg-type]


def bank(reason: str = "not_received", filed: dt.datetime = FILED, **changes: object) -> Claim:
    return Claim(order_id=ID, kind="chargeback", reason=reason, filed_at=filed, **changes)  # type: ignore[arg-type]


def seller_message(body: str, at: dt.datetime) -> Message:
    return Message(body=body, kind="unexpected_problem", sender="seller", order_id=ID, sent_at=at)


ASK_TO_CANCEL = "Sorry, the item is out of stock. Please cancel your order from your side."
WE_CANCELLED = (
    "Sorry, the item is out of stock, so we have cancelled the order and you were not charged."
)
OUT_OF_STOCK = OrderProblem(order_id=ID, at=la(2026, 2, 3, 8), problem="out_of_stock")


class TestRuleExamples:
    @pytest.mark.parametrize("code", CHARGEBACK_CODES, ids=str)
    def test_bad_example_flags(self, code):
        """Each rule's documented bad example has that rule's finding."""
        assert engine.flags(code, "bad"), str(engine.example_decision(code, "bad"))

    @pytest.mark.parametrize("code", CHARGEBACK_CODES, ids=str)
    def test_good_example_does_not_flag(self, code):
        """Each rule's documented good example has no finding of that rule."""
        assert not engine.flags(code, "good"), str(engine.example_decision(code, "good"))

    @pytest.mark.parametrize("code", CHARGEBACK_CODES, ids=str)
    def test_documentation_complete(self, code):
        """Every chargebacks rule has a message, what, why, bad and good in the docs data."""
        doc = family_docs("chargebacks.toml")[code]

        assert doc.message and doc.what and doc.why and doc.bad and doc.good

    def test_docs_cover_exactly_the_family(self):
        """The docs data documents every chargebacks code and nothing else."""
        assert set(CHARGEBACK_CODES) == set(family_docs("chargebacks.toml"))


class TestLiability:
    @pytest.mark.parametrize("edition", ["current", "seed"])
    @pytest.mark.parametrize(
        ("reason", "liable"),
        [
            (ClaimReason.UNAUTHORIZED, Liability.AMAZON),
            (ClaimReason.NOT_RECEIVED, Liability.SELLER),
            (ClaimReason.DAMAGED_DEFECTIVE_DIFFERENT, Liability.SELLER),
            (ClaimReason.REFUND_NOT_ISSUED, Liability.SELLER),
            (ClaimReason.SERVICE_UNSATISFACTORY, Liability.SELLER),
            (ClaimReason.OTHER, Liability.SELLER),
        ],
        ids=str,
    )
    def test_reason(self, edition, reason, liable):
        """Payment fraud makes Amazon liable; every other reason is a service chargeback (seller)."""
        decision = chargeback(order(), bank(reason), now=NOW, policy=POLICIES[edition])

        assert liable == decision.liable
        assert (liable is Liability.SELLER) is (Code.SP801 in decision.codes)

    @pytest.mark.parametrize("edition", ["current", "seed"])
    def test_changed_address_makes_seller_liable_even_for_fraud(self, edition):
        """SP802: an order shipped to an address Amazon did not give is the seller's, fraud included."""
        moved = order(shipments=[attrs.evolve(TRACKED, address_changed=True)])

        decision = chargeback(moved, bank("unauthorized"), now=NOW, policy=POLICIES[edition])

        assert (Liability.SELLER, (Code.SP802,)) == (decision.liable, decision.risk_factors)
        assert [Severity.WARNING] == [f.severity for f in decision.findings if f.code == "SP802"]

    def test_fba_address_is_amazons(self):
        """An FBA order's shipments are Amazon's: no SP802, SP803 or records for the seller."""
        fba = order(fulfillment_channel="AFN", shipments=[Shipment(address_changed=True)])

        decision = chargeback(fba, bank("unauthorized"), now=NOW)

        assert (Liability.AMAZON, (), None, ()) == (
            decision.liable,
            decision.risk_factors,
            decision.records_until,
            decision.records_missing,
        )


class TestDates:
    @pytest.mark.parametrize("edition", ["current", "seed"])
    @pytest.mark.parametrize("reason", ["unauthorized", "not_received"])
    def test_response_and_outcome(self, edition, reason):
        """Answer within 7 d whoever is liable (SP506); the outcome may take 90 d (SP804)."""
        # 2026-03-05 10:00 PST: 7 d later is 2026-03-12 10:00 PDT (wall time kept across DST),
        # 90 d later 2026-06-03 10:00 PDT
        filed = la(2026, 3, 5, 10)

        decision = chargeback(
            order(), bank(reason, filed), now=la(2026, 3, 6), policy=POLICIES[edition]
        )

        assert (la(2026, 3, 12, 10), la(2026, 6, 3, 10)) == (
            decision.response_due,
            decision.outcome_by,
        )
        assert {Code.SP506, Code.SP804} <= decision.codes

    @pytest.mark.parametrize(
        ("status", "now", "message"),
        [
            ("open", la(2026, 5, 21, 9), "can take until 2026-05-21 09:00 PDT"),
            ("open", la(2026, 5, 21, 9, 1), "no outcome by 2026-05-21 09:00 PDT"),
            ("denied", la(2026, 3, 1), None),
        ],
        ids=["open-at-the-90th-day", "open-after-90-days", "decided"],
    )
    def test_outcome_finding(self, status, now, message):
        """SP804 speaks while the chargeback is open, and says when the 90 days have passed."""
        decided = None if status == "open" else la(2026, 2, 28)

        decision = chargeback(order(), bank(status=status, decided_at=decided), now=now)

        found = [f.message for f in decision.findings if f.code == "SP804"]
        assert (message is None) is (not found)
        assert message is None or message in found[0]

    @pytest.mark.parametrize(
        "answer",
        [
            Refund(order_id=ID, at=la(2026, 2, 21)),
            SellerAction(order_id=ID, at=la(2026, 2, 21), action=ActionKind.CHARGEBACK_RESPONSE),
        ],
        ids=["refund", "representation"],
    )
    def test_answered(self, answer):
        """A refund or a representation after the filing ends the SP506 pointer, not the date."""
        decision = chargeback(order(), bank(), events=[answer], now=NOW)

        assert (la(2026, 2, 27, 9), False) == (decision.response_due, Code.SP506 in decision.codes)

    @pytest.mark.parametrize(
        ("purchased", "until"),
        [
            (PURCHASED, la(2026, 8, 2, 10)),
            # months keep the local day, clamped to the month's last day
            (la(2026, 8, 31, 10), la(2027, 2, 28, 10)),
        ],
        ids=["six-months", "month-end-clamped"],
    )
    @pytest.mark.parametrize("edition", ["current", "seed"])
    def test_records_until(self, edition, purchased, until):
        """SP513: shipping records are kept until the purchase + 6 months."""
        o = order(purchased_at=purchased, latest_delivery=None, shipments=[])

        decision = chargeback(
            o,
            bank(filed=purchased + dt.timedelta(days=20)),
            now=purchased + dt.timedelta(days=21),
            policy=POLICIES[edition],
        )

        assert (until, ("ship date", "shipping method", "tracking number")) == (
            decision.records_until,
            decision.records_missing,
        )
        assert Code.SP513 in decision.codes

    @pytest.mark.parametrize(
        ("now", "required"),
        [
            (la(2026, 8, 2, 10), ("ship date", "shipping method", "tracking number")),
            (la(2026, 8, 2, 10, 0, 0, 1), ()),
        ],
        ids=["kept-through-the-last-instant", "no-longer-required-after"],
    )
    def test_records_required(self, now, required):
        """The records are required until the purchase + 6 months, inclusive."""
        decision = chargeback(order(), bank(), now=now)

        assert required == decision.records_required

    def test_records_complete(self):
        """A tracked shipment with a carrier and ship time leaves nothing missing."""
        decision = chargeback(order(), bank(), now=NOW)

        assert ((), False) == (decision.records_missing, Code.SP513 in decision.codes)


class TestTrackingAndSignature:
    @pytest.mark.parametrize(
        ("marketplace", "total", "signed", "flagged"),
        [
            (US, Money("749.99", "USD"), False, False),
            (US, Money("750.00", "USD"), False, True),
            (US, Money("750.00", "USD"), True, False),
            (UK, Money("800.00", "GBP"), False, True),
            (UK, Money("749.99", "GBP"), False, False),
        ],
        ids=[
            "just-under-750",
            "750-exactly-needs-a-signature",
            "750-signed",
            "gbp-over-threshold-in-marketplace-currency",
            "gbp-under-threshold",
        ],
    )
    @pytest.mark.parametrize("edition", ["current", "seed"])
    def test_high_value(self, edition, marketplace, total, signed, flagged):
        """SP803: at or above 750.00 in the marketplace's currency, delivery needs a signature."""
        shipment = attrs.evolve(TRACKED, signature_confirmation=signed)

        decision = chargeback(
            order(marketplace_id=marketplace, total=total, shipments=[shipment]),
            bank(),
            now=NOW,
            policy=POLICIES[edition],
        )

        assert flagged is (Code.SP803 in decision.risk_factors)

    @pytest.mark.parametrize(
        ("total", "reason"),
        [(Money("900.00", "EUR"), "in EUR"), (None, "unknown")],
        ids=["other-currency", "no-total"],
    )
    def test_signature_not_judged(self, total, reason):
        """A total in another currency than the marketplace's, or none, cannot be compared."""
        decision = chargeback(order(total=total), bank(), now=NOW)

        assert [Code.SP803] == [n.code for n in decision.not_judged]
        assert reason in decision.not_judged[0].reason
        assert Code.SP803 not in decision.codes

    @pytest.mark.parametrize(
        ("shipments", "flagged"),
        [([TRACKED], False), ([attrs.evolve(TRACKED, tracking_number=None)], True), ([], True)],
        ids=["tracked", "untracked", "no-shipment"],
    )
    def test_tracking(self, shipments, flagged):
        """SP803: every seller-fulfilled package needs tracking."""
        decision = chargeback(order(shipments=shipments), bank(), now=NOW)

        assert flagged is (Code.SP803 in decision.codes)

    def test_with_parameters_moves_the_threshold(self):
        """A higher high_value_threshold stops flagging an unsigned 800.00 order."""
        o = order(total=Money("800.00", "USD"))
        policy = CURRENT.with_parameters(high_value_threshold="1000.00")

        assert Code.SP803 in chargeback(o, bank(), now=NOW).codes
        assert Code.SP803 not in chargeback(o, bank(), now=NOW, policy=policy).codes

    def test_toml_moves_the_outcome(self, tmp_path):
        """A policy file's chargeback_outcome_window moves outcome_by."""
        path = tmp_path / "policy.toml"
        path.write_text('[parameters]\nchargeback_outcome_window = "120d"\n')

        decision = chargeback(order(), bank(), now=NOW, policy=Policy.from_toml(path))

        assert la(2026, 6, 20, 9) == decision.outcome_by

    def test_bad_threshold_names_the_parameter(self):
        """A threshold that is not an amount is refused with the parameter's name."""
        with pytest.raises(InvalidPolicyError, match="high_value_threshold") as info:
            CURRENT.with_parameters(high_value_threshold=750)

        assert "high_value_threshold" == info.value.field


class TestAskBuyerToCancel:
    @pytest.mark.parametrize(
        ("edition", "body", "severities"),
        [
            ("current", ASK_TO_CANCEL, [Severity.INFO, Severity.ERROR]),
            ("current", WE_CANCELLED, [Severity.INFO]),
            ("seed", ASK_TO_CANCEL, []),
        ],
        ids=["current-asks-buyer", "current-says-cancelled", "seed-has-no-sp805"],
    )
    def test_message_asking_to_cancel(self, edition, body, severities):
        """SP805: a seller message asking the buyer to cancel (SP123) is an error in current policy."""
        events = [OUT_OF_STOCK, seller_message(body, la(2026, 2, 3, 9))]

        advice = cancellation_advice(
            order(shipments=[]), events=events, now=NOW, policy=POLICIES[edition]
        )
        decision = chargeback(
            order(shipments=[]), bank(), events=events, now=NOW, policy=POLICIES[edition]
        )

        assert severities == [f.severity for f in advice.findings]
        assert list(advice.findings) == [f for f in decision.findings if f.code == "SP805"]
        if Severity.ERROR in severities:
            assert "SP123" in advice.by_severity("error")[0].message

    def test_open_problem_advises_cancelling(self):
        """An out-of-stock order not yet cancelled: the seller must cancel it (advice, info)."""
        advice = cancellation_advice(order(shipments=[]), events=[OUT_OF_STOCK], now=NOW)

        assert (True, 0, None) == (
            advice.seller_must_cancel,
            advice.problem.index,
            advice.cancelled,
        )
        assert advice.ok
        assert "never ask the buyer to cancel" in advice.findings[0].message

    @pytest.mark.parametrize(("by", "codes"), [("seller", set()), ("buyer", {Code.SP805})])
    def test_cancelled(self, by, codes):
        """A seller cancellation settles it; a buyer cancellation after the problem is a warning."""
        cancelled = Cancellation(order_id=ID, at=la(2026, 2, 4), by=by)

        advice = cancellation_advice(order(shipments=[]), events=[OUT_OF_STOCK, cancelled], now=NOW)

        assert (False, 1) == (advice.seller_must_cancel, advice.cancelled.index)
        assert codes == set(advice.codes)
        assert all(f.severity is Severity.WARNING for f in advice.findings)

    def test_nothing_to_cancel(self):
        """An order without an out-of-stock problem needs no cancellation."""
        advice = cancellation_advice(order(), now=NOW)

        assert (False, None, ()) == (advice.seller_must_cancel, advice.problem, advice.findings)
        assert str(advice).startswith("ok: nothing to cancel")

    def test_sp123_disabled_still_found(self):
        """SP805 still finds the request when the policy switches SP123 off."""
        events = [OUT_OF_STOCK, seller_message(ASK_TO_CANCEL, la(2026, 2, 3, 9))]

        advice = cancellation_advice(
            order(), events=events, now=NOW, policy=CURRENT.disable("SP123")
        )

        assert not advice.ok


class TestText:
    def test_str(self):
        """str() names who is liable, the dates and the risk factors."""
        text = str(chargeback(order(shipments=[]), bank(), now=NOW))

        assert text.startswith(
            "seller liable: chargeback (not received) on order 111-0000000-0000001"
        )
        assert "answer by 2026-02-27T17:00:00+00:00" in text
        assert "outcome by: 2026-05-21T16:00:00+00:00" in text
        assert "risk factors: SP803" in text
        assert (
            "keep records until 2026-08-02T17:00:00+00:00 (ship date, shipping method, tracking number)"
            in text
        )


def chargebacks_of(o: Order, draw) -> Claim:
    filed = o.purchased_at + draw(
        st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=120))
    )
    return attrs.evolve(
        draw(s.claims()), order_id=o.order_id, kind="chargeback", filed_at=filed, decided_at=None
    )


class TestProperties:
    @given(s.timelines(), st.data(), st.sampled_from(["current", "seed"]))
    def test_json_round_trip(self, timeline, data, edition):
        """Chargeback decisions and cancellation advice survive to_json/from_json unchanged."""
        o, events = timeline
        c = chargebacks_of(o, data.draw)
        now = c.filed_at + data.draw(
            st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=120))
        )

        decision = chargeback(o, c, events=events, now=now, policy=POLICIES[edition])
        advice = cancellation_advice(o, events=events, now=now, policy=POLICIES[edition])

        assert decision == sellerpolicy.from_json(
            ChargebackDecision, sellerpolicy.to_json(decision)
        )
        assert advice == sellerpolicy.from_json(CancellationAdvice, sellerpolicy.to_json(advice))

    @given(s.timelines(), st.data())
    def test_response_due_whoever_is_liable(self, timeline, data):
        """The answer is due filed_at + 7 d whatever the reason, the order and the events."""
        o, events = timeline
        c = chargebacks_of(o, data.draw)

        decision = chargeback(o, c, events=events, now=c.filed_at)

        assert (
            CURRENT.parameters.chargeback_response.after(c.filed_at, o.marketplace)
            == decision.response_due
        )
        assert (decision.liable is Liability.AMAZON) is (
            c.reason is ClaimReason.UNAUTHORIZED and Code.SP802 not in decision.risk_factors
        )


class TestBadInput:
    @pytest.mark.parametrize(
        ("claim", "kwargs", "error", "field"),
        [
            ("a claim", {}, InvalidTypeError, "claim"),
            (
                Claim(order_id=ID, kind="a_to_z", reason="not_received", filed_at=FILED),
                {},
                InvalidValueError,
                "claim.kind",
            ),
            (
                Claim(
                    order_id="999-0000000-0000000",
                    kind="chargeback",
                    reason="other",
                    filed_at=FILED,
                ),
                {},
                InvalidValueError,
                "claim.order_id",
            ),
            (bank(filed=la(2026, 1, 1)), {}, InvalidValueError, "claim.filed_at"),
            (bank(filed=la(2026, 3, 1)), {}, InvalidValueError, "claim.filed_at"),
            (bank(), {"now": dt.datetime(2026, 3, 1)}, InvalidValueError, "now"),  # noqa: DTZ001 - the point
            (bank(), {"now": la(2026, 1, 1)}, InvalidValueError, "now"),
            (
                bank(),
                {"events": [Refund(order_id="999-0000000-0000000", at=FILED)]},
                InvalidValueError,
                "events[0].order_id",
            ),
            (bank(), {"policy": "seed"}, InvalidTypeError, "policy"),
        ],
        ids=[
            "claim-not-a-claim",
            "a-to-z-claim",
            "claim-of-another-order",
            "claim-before-purchase",
            "claim-after-now",
            "naive-now",
            "now-before-purchase",
            "event-of-another-order",
            "policy-not-a-policy",
        ],
    )
    def test_error_names_the_field(self, claim, kwargs, error, field):
        """Bad arguments raise our error, naming the field."""
        arguments = {"now": NOW} | kwargs

        with pytest.raises(error) as info:
            chargeback(order(), claim, **arguments)

        assert field == info.value.field

    def test_kind_message(self):
        """An A-to-z claim passed to chargeback() names claim.kind and the right function."""
        claim = Claim(order_id=ID, kind="a_to_z", reason="not_received", filed_at=FILED)

        with pytest.raises(InvalidValueError, match=r"claim\.kind is 'a_to_z'.*a_to_z\(\)"):
            chargeback(order(), claim, now=NOW)

    def test_order_id_message(self):
        """A chargeback of another order names both order ids."""
        claim = bank()
        other = attrs.evolve(claim, order_id="999-0000000-0000000")

        with pytest.raises(
            InvalidValueError,
            match=r"claim\.order_id is '999-0000000-0000000'.*'111-0000000-0000001'",
        ):
            chargeback(order(), other, now=NOW)

    def test_advice_naive_now(self):
        """cancellation_advice names now when it is naive."""
        with pytest.raises(InvalidValueError) as info:
            cancellation_advice(order(), now=dt.datetime(2026, 3, 1))  # noqa: DTZ001 - the point

        assert "now" == info.value.field
