import json

import pytest

pytest.importorskip("dask", reason="the dask extra is not installed")
pytest.importorskip("distributed", reason="the dask extra is not installed")

import dask.bag as db
from distributed import Client, LocalCluster

from sellerpolicy import Policy
from sellerpolicy._batch import check_many
from sellerpolicy.dask import check_bag, check_jsonl, check_partition
from sellerpolicy.exceptions import InvalidTypeError

LINES = [
    '{"body": "Leave us a 5 star review at shop.com"}',
    '{"id": "m-2", "body": "Your parcel shipped today.", "kind": "confirm_delivery"}',
    "{broken",
    "",
    '{"body": "x", "sent_at": "2026-01-01T00:00:00"}',
    '{"order_id": "111-1111111-1111111", "rating": 1, "left_at": "2026-01-20T00:00:00Z", "comment": "Arrived broken"}',
    (
        '{"type": "timeline", "order": {"order_id": "111-1111111-1111111", "marketplace_id": "ATVPDKIKX0DER", '
        '"purchased_at": "2026-01-01T10:00:00Z", "fulfillment_channel": "MFN"}, "now": "2026-03-01T00:00:00Z"}'
    ),
] * 5


@pytest.fixture(scope="module")
def client():
    """A two-process Dask cluster on this machine, on the loopback interface only."""
    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            host="127.0.0.1",
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.mark.usefixtures("client")
class TestCheckBag:
    def test_same_results_as_check_many(self, client):
        """A bag of lines over several partitions, on two worker processes, gives check_many's results."""
        bag = db.from_sequence(LINES, npartitions=4)

        results = check_bag(bag).compute()

        assert list(check_many(LINES)) == results
        assert 2 == len(client.scheduler_info()["workers"])

    def test_policy_reaches_workers(self):
        """A policy travels to the workers: a rule it disables does not fire there."""
        bag = db.from_sequence(LINES[:1] * 6, npartitions=3)
        policy = Policy.current().disable("SP101")

        results = check_bag(bag, policy=policy).compute()

        assert list(check_many(LINES[:1] * 6, policy=policy)) == results
        assert all("SP101" not in {f["code"] for f in r["result"]["findings"]} for r in results)

    def test_parsed_records(self):
        """A bag of parsed records (as a data frame's to_bag gives) is checked like its lines."""
        records = [json.loads(line) for line in LINES if line.startswith('{"')]

        results = check_bag(db.from_sequence(records, npartitions=3)).compute()

        assert list(check_many(records)) == results

    def test_jsonl_files(self, tmp_path):
        """JSON Lines files read where Dask reads them are numbered by line across the files."""
        (tmp_path / "a.jsonl").write_text("\n".join(LINES[:7]) + "\n", encoding="utf-8")
        (tmp_path / "b.jsonl").write_text("\n".join(LINES[7:]) + "\n", encoding="utf-8")

        results = check_jsonl(str(tmp_path / "*.jsonl")).compute()

        assert list(check_many(LINES)) == results

    def test_empty_bag(self):
        """An empty bag gives no results."""
        assert [] == check_bag(db.from_sequence([], npartitions=1)).compute()

    def test_check_partition(self):
        """check_partition checks one partition in this process, numbered from start."""
        results = check_partition(LINES[:3], start=10)

        assert [10, 11, 12] == [r["line"] for r in results]

    def test_bad_arguments(self):
        """A bag that is no Dask bag, or a policy that is no Policy, is refused."""
        with pytest.raises(InvalidTypeError, match=r"dask\.bag\.Bag"):
            check_bag(LINES)  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="Policy"):
            check_bag(db.from_sequence(LINES), policy="seed")  # type: ignore[arg-type]


class TestParquetAndSpark:
    """The two recipes of the batch how-to beyond JSON Lines, run as written (Spark's contract)."""

    RECORDS = (
        {"id": "p-1", "body": "Leave us a 5 star review at shop.com", "kind": "review_request"},
        {"id": "p-2", "body": "Your parcel shipped today.", "kind": "confirm_delivery"},
        {"id": "p-3", "body": "Call 555 123 4567 for a discount", "kind": None},
    )

    @pytest.mark.usefixtures("client")
    def test_parquet_through_a_data_frame(self, tmp_path):
        """`check_bag(dd.read_parquet(path).to_bag(format="dict"))` checks each row; None is absent."""
        pd = pytest.importorskip("pandas")
        pytest.importorskip("pyarrow", reason="Parquet needs pyarrow (the test extra has it)")
        import dask.dataframe as dd

        path = tmp_path / "messages.parquet"
        pd.DataFrame(list(self.RECORDS)).to_parquet(path)

        results = check_bag(dd.read_parquet(str(path)).to_bag(format="dict")).compute()
        plain = [{k: v for k, v in r.items() if v is not None} for r in self.RECORDS]

        assert ["p-1", "p-2", "p-3"] == [r["id"] for r in results]
        assert [r["result"] for r in check_many(plain)] == [r["result"] for r in results]
        assert {"SP101", "SP107"} <= {f["code"] for f in results[0]["result"]["findings"]}

    def test_spark_map_in_pandas_function(self):
        """The how-to's mapInPandas function, fed frames of JSON lines as Spark feeds it."""
        pd = pytest.importorskip("pandas")

        def check(frames):  # as docs/how-to/batch.md writes it
            for frame in frames:
                results = check_partition(frame["value"].tolist())
                yield pd.DataFrame({"result": [json.dumps(r) for r in results]})

        lines = [json.dumps(r) for r in self.RECORDS] + ["{broken"]
        frames = [pd.DataFrame({"value": lines[:2]}), pd.DataFrame({"value": lines[2:]})]

        out = [json.loads(v) for frame in check(iter(frames)) for v in frame["result"]]

        assert 4 == len(out)
        assert ["p-1", "p-2", "p-3"] == [r.get("id") for r in out[:3]]
        assert "error" in out[3]
