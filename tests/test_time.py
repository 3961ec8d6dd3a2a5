import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellerpolicy import Marketplace
from sellerpolicy._time import Duration, TimeUnit, end_of_local_day
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

US = Marketplace.get("ATVPDKIKX0DER")
DE = Marketplace.get("A1PA6795UKMFR9")
LA = US.tz


def la(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LA)  # type: ignore[misc]


class TestParse:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("24h", Duration(24, TimeUnit.HOURS)),
            ("2bd", Duration(2, TimeUnit.BUSINESS_DAYS)),
            ("30d", Duration(30, TimeUnit.DAYS)),
            ("6mo", Duration(6, TimeUnit.MONTHS)),
            (" 7 d ", Duration(7, TimeUnit.DAYS)),
        ],
        ids=["hours", "business-days", "days", "months", "spaces"],
    )
    def test_units(self, text, expected):
        """Durations are read with their unit, as POLICY.md writes them."""
        assert expected == Duration.parse(text)

    @pytest.mark.parametrize(
        "bad", ["24", 24, "3w", "h", "-2d", "1.5d", None, "9999999d"], ids=repr
    )
    def test_without_unit_refused(self, bad):
        """A number without a unit, an unknown unit or a non-string is a clear error."""
        with pytest.raises(InvalidValueError, match="duration") as info:
            Duration.parse(bad, "reply_to_buyer")

        assert "reply_to_buyer" == info.value.field

    def test_str_round_trips(self):
        """str() writes what parse() reads."""
        for text in ("24h", "2bd", "30d", "6mo"):
            assert text == str(Duration.parse(text))


class TestAfter:
    @pytest.mark.parametrize(
        ("duration", "start", "expected"),
        [
            # hours are elapsed time: across the spring-forward night 24h is 25 wall-clock hours
            ("24h", la(2026, 3, 7, 10), la(2026, 3, 8, 11)),
            # days keep the local wall-clock time across DST (§13)
            ("1d", la(2026, 3, 7, 10), la(2026, 3, 8, 10)),
            ("30d", la(2026, 10, 15, 10), la(2026, 11, 14, 10)),
            # business days skip the weekend
            ("2bd", la(2026, 3, 6, 10), la(2026, 3, 10, 10)),
            # and Thanksgiving, 2026-11-26, is not a business day
            ("2bd", la(2026, 11, 25, 10), la(2026, 11, 30, 10)),
            # a start on a weekend counts from that date: Monday is day 1
            ("1bd", la(2026, 3, 7, 10), la(2026, 3, 9, 10)),
            # months keep the local day, clamped to the month's end
            ("6mo", la(2026, 8, 31, 9), la(2027, 2, 28, 9)),
            ("1mo", la(2028, 1, 31, 9), la(2028, 2, 29, 9)),
            ("0d", la(2026, 3, 1, 0), la(2026, 3, 1, 0)),
        ],
        ids=[
            "hours-elapsed-over-dst",
            "day-keeps-wall-time-over-dst",
            "30-days-over-fall-back",
            "business-days-over-weekend",
            "business-days-over-thanksgiving",
            "weekend-start",
            "month-end-clamped",
            "leap-february",
            "zero",
        ],
    )
    def test_counting(self, duration, start, expected):
        """Windows are counted as POLICY.md §13 says, in the marketplace's zone."""
        assert expected == Duration.parse(duration).after(start, US)

    def test_counted_in_marketplace_zone(self):
        """A UTC instant is counted in the marketplace's own calendar."""
        friday_evening_la = dt.datetime(2026, 3, 7, 3, tzinfo=dt.UTC)

        due = Duration.parse("1bd").after(friday_evening_la, US)

        assert la(2026, 3, 9, 19) == due

    def test_german_holiday(self):
        """German Unity Day (Oct 3, 2025 a Friday) is not a business day in DE."""
        thursday = dt.datetime(2025, 10, 2, 10, tzinfo=DE.tz)

        assert dt.date(2025, 10, 7) == Duration.parse("2bd").after(thursday, DE).date()

    def test_naive_start_refused(self):
        """A naive start is an error naming the argument."""
        with pytest.raises(InvalidValueError, match="timezone-aware") as info:
            Duration.parse("1d").after(dt.datetime(2026, 1, 1), US)  # noqa: DTZ001

        assert "start" == info.value.field

    @given(
        # hypothesis bounds are naive by design; the test attaches UTC
        st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1)),  # noqa: DTZ001
        st.sampled_from(["24h", "3d", "2bd", "1mo"]),
    )
    def test_never_before_start(self, start, duration):
        """A window never ends before it starts."""
        aware = start.replace(tzinfo=dt.UTC)

        assert Duration.parse(duration).after(aware, US) >= aware

    def test_end_of_local_day(self):
        """A named date ends at the last instant of that day in the marketplace's zone."""
        end = end_of_local_day(dt.date(2027, 1, 31), US)

        assert la(2027, 1, 31, 23, 59, 59, 999_999) == end


class TestBusinessDayArguments:
    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"days": 1.5}, InvalidTypeError, "days"),
            ({"days": 10**7}, InvalidValueError, "days"),
            ({"days": -1}, InvalidValueError, "days"),
            ({"days": True}, InvalidTypeError, "days"),
            ({"start": "2026-03-01"}, InvalidTypeError, "start"),
            ({"start": dt.datetime(2026, 3, 1)}, InvalidValueError, "start"),  # noqa: DTZ001
            ({"marketplace": "ATVPDKIKX0DER"}, InvalidTypeError, "marketplace"),
        ],
        ids=["fractional", "huge", "negative", "bool", "string-start", "naive", "marketplace-id"],
    )
    def test_bad_arguments(self, kwargs, error, field):
        """add_business_days refuses bad arguments with an error naming the argument."""
        from sellerpolicy import add_business_days

        args = {"start": la(2026, 3, 2), "days": 1, "marketplace": US, **kwargs}
        with pytest.raises(error) as info:
            add_business_days(args["start"], args["days"], args["marketplace"])

        assert field == info.value.field
