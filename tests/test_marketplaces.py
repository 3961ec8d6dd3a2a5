import datetime as dt

import pytest

from sellerpolicy import MARKETPLACES, Marketplace, add_business_days, is_business_day
from sellerpolicy.exceptions import InvalidValueError

US = Marketplace.get("ATVPDKIKX0DER")
DE = Marketplace.get("A1PA6795UKMFR9")


class TestMarketplace:
    @pytest.mark.parametrize(
        ("mid", "currency", "zone"),
        [
            ("ATVPDKIKX0DER", "USD", "America/Los_Angeles"),
            ("A1F83G8C2ARO7P", "GBP", "Europe/London"),
            ("A1PA6795UKMFR9", "EUR", "Europe/Berlin"),
            ("A13V1IB3VIYZZH", "EUR", "Europe/Paris"),
            ("A1RKKUPIHCS9HS", "EUR", "Europe/Madrid"),
            ("APJ6JRA9NG5V4", "EUR", "Europe/Rome"),
            ("A2EUQ1WTGCTBG2", "CAD", "America/Los_Angeles"),
        ],
    )
    def test_policy_marketplaces(self, mid, currency, zone):
        """The marketplaces POLICY.md names know their currency and time zone."""
        market = MARKETPLACES[mid]

        assert (currency, zone) == (market.currency, market.time_zone)

    def test_unknown(self):
        """An unknown id is a clear error listing the known ones."""
        with pytest.raises(InvalidValueError, match="unknown marketplace_id='NOPE'"):
            Marketplace.get("NOPE")

    def test_holidays(self):
        """Public holidays come from the country's calendar."""
        assert US.is_holiday(dt.date(2026, 7, 4))
        assert DE.is_holiday(dt.date(2026, 10, 3))
        assert not US.is_holiday(dt.date(2026, 10, 3))


class TestBusinessDays:
    def test_weekend_skipped(self):
        """Friday + 2 business days is Tuesday."""
        friday = dt.datetime(2026, 3, 6, 10, tzinfo=US.tz)

        assert dt.date(2026, 3, 10) == add_business_days(friday, 2, US).date()

    def test_holiday_skipped(self):
        """Thanksgiving does not count as a business day in the US."""
        wednesday = dt.datetime(2026, 11, 25, 10, tzinfo=US.tz)

        assert dt.date(2026, 11, 30) == add_business_days(wednesday, 2, US).date()
        assert not is_business_day(dt.date(2026, 11, 26), US)

    def test_counts_in_marketplace_zone(self):
        """Days are counted in the marketplace's time zone, not UTC."""
        late_friday_utc = dt.datetime(2026, 3, 7, 3, tzinfo=dt.UTC)  # Friday evening in California

        assert dt.date(2026, 3, 9) == add_business_days(late_friday_utc, 1, US).date()

    def test_naive(self):
        """A naive start is refused."""
        with pytest.raises(InvalidValueError):
            add_business_days(dt.datetime(2026, 3, 6), 1, US)  # noqa: DTZ001

    def test_negative(self):
        """Negative day counts are refused."""
        with pytest.raises(InvalidValueError):
            add_business_days(dt.datetime(2026, 3, 6, tzinfo=dt.UTC), -1, US)
