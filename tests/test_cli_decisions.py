"""`sellerpolicy feedback|solicitation|obligations|a-to-z|chargeback|return`: decisions from JSON."""

import json

import pytest

import sellerpolicy

from .cli_run import run

ORDER = {
    "order_id": "113-0000000-0000001",
    "marketplace_id": "ATVPDKIKX0DER",
    "purchased_at": "2026-03-01T10:00:00+00:00",
    "fulfillment_channel": "MFN",
    "latest_delivery": "2026-03-05T10:00:00+00:00",
    "earliest_delivery": "2026-03-03T10:00:00+00:00",
    "items": [{"asin": "B000000001", "price": {"amount": "20.00", "currency": "USD"}}],
}
INQUIRY = {
    "type": "message",
    "body": "Where is my parcel?",
    "kind": "inquiry",
    "sender": "buyer",
    "order_id": ORDER["order_id"],
    "sent_at": "2026-03-02T10:00:00+00:00",
}
CLAIM = {
    "order_id": ORDER["order_id"],
    "kind": "chargeback",
    "reason": "not_received",
    "filed_at": "2026-03-20T10:00:00+00:00",
}
REQUEST = {
    "order_id": ORDER["order_id"],
    "requested_at": "2026-03-10T10:00:00+00:00",
    "reason": "defective",
}
NOW = "2026-03-25T10:00:00+00:00"


CASES = [
    ("obligations", {"order": ORDER, "events": [INQUIRY], "now": NOW}, "SP501", 1),
    ("solicitation", {"order": ORDER, "now": NOW}, None, 0),
    ("a-to-z", {"order": ORDER, "events": [INQUIRY], "now": NOW}, "SP602", 0),
    ("chargeback", {"order": ORDER, "claim": CLAIM, "now": NOW}, "SP801", 0),
    ("return", {"order": ORDER, "request": REQUEST, "now": NOW}, "SP703", 0),
    (
        "feedback",
        {"order_id": "1", "rating": 1, "left_at": NOW, "comment": "call me on 555 123 4567"},
        "SP304",
        0,
    ),
]


class TestDecisionCommands:
    @pytest.mark.parametrize(
        ("command", "record", "code", "status"), CASES, ids=[c[0] for c in CASES]
    )
    def test_text_and_json(self, tmp_path, command, record, code, status):
        """Each command decides from a JSON record and prints the decision, in text or JSON."""
        path = tmp_path / "record.json"
        path.write_text(json.dumps(record), encoding="utf-8")

        text = run(command, str(path))
        data = run(command, str(path), "--format", "json")

        typed = dict(record, type="feedback" if command == "feedback" else "timeline")
        if command != "feedback":
            typed["decision"] = command.replace("-", "_")
        expected = sellerpolicy.decide(typed)
        assert status == text.returncode, text.stderr
        assert str(expected) + "\n" == text.stdout
        assert expected.to_dict() == json.loads(data.stdout)
        if code is not None:  # a solicitation with no finding answers with its dates alone
            assert code in {f["code"] for f in json.loads(data.stdout)["findings"]}

    def test_stdin(self):
        """- reads the record from standard input."""
        record = {"order": ORDER, "events": [INQUIRY], "now": NOW}

        result = run("obligations", "-", stdin=json.dumps(record))

        assert "overdue" in result.stdout

    @pytest.mark.parametrize(
        ("record", "message"),
        [
            ("not json", "not JSON"),
            ("[1, 2]", "JSON object"),
            (json.dumps({"order": ORDER, "now": "2026-03-25T10:00:00"}), "now"),
            (json.dumps({"order": ORDER, "now": NOW, "claim": CLAIM}), "claim"),
        ],
        ids=["not-json", "not-object", "naive-now", "claim-not-read"],
    )
    def test_bad_records_are_usage_errors(self, record, message):
        """A malformed record exits 2 with a message naming what is wrong."""
        result = run("obligations", "-", stdin=record)

        assert 2 == result.returncode
        assert message in result.stderr
