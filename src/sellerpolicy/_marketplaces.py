"""Marketplaces: their time zone, currency, language and business-day calendar."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs
import holidays

from sellerpolicy import _checks
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["MARKETPLACES", "Marketplace", "add_business_days", "is_business_day"]


@attrs.frozen(kw_only=True)
class Marketplace:
    """An Amazon marketplace.

    Attributes:
        marketplace_id: The SP-API marketplace id, e.g. ``ATVPDKIKX0DER``.
        country: ISO 3166 country code; also selects the public-holiday calendar.
        domain: The storefront's domain, e.g. ``amazon.com``.
        time_zone: IANA time zone used for calendar days and business days.
        currency: ISO 4217 currency code.
        language: The buyer's default language (BCP 47 tag).
    """

    marketplace_id: str
    country: str
    domain: str
    time_zone: str
    currency: str
    language: str

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        """The marketplace's time zone."""
        return _zone(self.time_zone)

    @classmethod
    def get(cls, marketplace_id: str) -> Marketplace:
        """Look up a marketplace by its SP-API id.

        Raises:
            InvalidValueError: The id is not a known marketplace.
        """
        try:
            return MARKETPLACES[marketplace_id]
        except (KeyError, TypeError):
            known = ", ".join(sorted(MARKETPLACES))
            msg = f"unknown marketplace_id={marketplace_id!r}; known ids: {known}"
            raise InvalidValueError(msg, field="marketplace_id", value=marketplace_id) from None

    def is_holiday(self, day: dt.date) -> bool:
        """Whether ``day`` is a public holiday in this marketplace's country."""
        return day in _holidays(self.country, day.year)


def _m(*fields: str) -> Marketplace:
    mid, country, domain, tz, currency, language = fields
    return Marketplace(
        marketplace_id=mid,
        country=country,
        domain=domain,
        time_zone=tz,
        currency=currency,
        language=language,
    )


MARKETPLACES: Mapping[str, Marketplace] = MappingProxyType(
    {
        m.marketplace_id: m
        for m in (
            _m("ATVPDKIKX0DER", "US", "amazon.com", "America/Los_Angeles", "USD", "en-US"),
            _m("A2EUQ1WTGCTBG2", "CA", "amazon.ca", "America/Los_Angeles", "CAD", "en-CA"),
            _m("A1AM78C64UM0Y8", "MX", "amazon.com.mx", "America/Mexico_City", "MXN", "es-MX"),
            _m("A2Q3Y263D00KWC", "BR", "amazon.com.br", "America/Sao_Paulo", "BRL", "pt-BR"),
            _m("A1F83G8C2ARO7P", "GB", "amazon.co.uk", "Europe/London", "GBP", "en-GB"),
            _m("A1PA6795UKMFR9", "DE", "amazon.de", "Europe/Berlin", "EUR", "de-DE"),
            _m("A13V1IB3VIYZZH", "FR", "amazon.fr", "Europe/Paris", "EUR", "fr-FR"),
            _m("A1RKKUPIHCS9HS", "ES", "amazon.es", "Europe/Madrid", "EUR", "es-ES"),
            _m("APJ6JRA9NG5V4", "IT", "amazon.it", "Europe/Rome", "EUR", "it-IT"),
            _m("A1805IZSGTT6HS", "NL", "amazon.nl", "Europe/Amsterdam", "EUR", "nl-NL"),
            _m("A2NODRKZP88ZB9", "SE", "amazon.se", "Europe/Stockholm", "SEK", "sv-SE"),
            _m("A1C3SOZRARQ6R3", "PL", "amazon.pl", "Europe/Warsaw", "PLN", "pl-PL"),
            _m("AMEN7PMS3EDWL", "BE", "amazon.com.be", "Europe/Brussels", "EUR", "fr-BE"),
            _m("A33AVAJ2PDY3EV", "TR", "amazon.com.tr", "Europe/Istanbul", "TRY", "tr-TR"),
            _m("A2VIGQ35RCS4UG", "AE", "amazon.ae", "Asia/Dubai", "AED", "ar-AE"),
            _m("A17E79C6D8DWNP", "SA", "amazon.sa", "Asia/Riyadh", "SAR", "ar-SA"),
            _m("A21TJRUUN4KGV", "IN", "amazon.in", "Asia/Kolkata", "INR", "en-IN"),
            _m("A1VC38T7YXB528", "JP", "amazon.co.jp", "Asia/Tokyo", "JPY", "ja-JP"),
            _m("A39IBJ37TRP1C6", "AU", "amazon.com.au", "Australia/Sydney", "AUD", "en-AU"),
            _m("A19VAU5U5O7RUS", "SG", "amazon.sg", "Asia/Singapore", "SGD", "en-SG"),
        )
    }
)
"""Known marketplaces by SP-API id."""


@functools.cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


@functools.lru_cache(maxsize=256)
def _holidays(country: str, year: int) -> frozenset[dt.date]:
    # A frozen snapshot per (country, year): the holidays package builds its calendars lazily and
    # mutably, and a decision must not depend on what an earlier call happened to load.
    return frozenset(holidays.country_holidays(country, years=year).keys())


def _check_marketplace(marketplace: object) -> None:
    if not isinstance(marketplace, Marketplace):
        msg = f"marketplace must be a Marketplace (see Marketplace.get), got {marketplace!r}"
        raise InvalidTypeError(msg, field="marketplace", value=marketplace)


def is_business_day(day: dt.date, marketplace: Marketplace) -> bool:
    """Whether ``day`` is a weekday that is not a public holiday in ``marketplace``.

    A datetime is read as its date in the marketplace's zone.

    Raises:
        InvalidTypeError: ``day`` is not a date, or ``marketplace`` not a `Marketplace`.
    """
    if not isinstance(day, dt.date):
        raise InvalidTypeError(f"day must be a date, got {day!r}", field="day", value=day)
    _check_marketplace(marketplace)
    if isinstance(day, dt.datetime):
        day = day.astimezone(marketplace.tz).date() if day.tzinfo is not None else day.date()
    return day.weekday() < 5 and not marketplace.is_holiday(day)  # noqa: PLR2004 - Sat=5, Sun=6


def add_business_days(start: dt.datetime, days: int, marketplace: Marketplace) -> dt.datetime:
    """Add ``days`` business days to an aware datetime, counting in the marketplace's calendar.

    Business days are weekdays that are not public holidays of the marketplace's country
    (observed days included). The result is the same local time on the ``days``-th business day
    after ``start``'s local date, in the marketplace's zone; a start on a weekend or holiday
    counts from that date, so the next business day is day 1.

    Raises:
        InvalidTypeError: ``start`` is not a datetime, ``days`` not an int, or ``marketplace``
            not a `Marketplace`.
        InvalidValueError: ``start`` is naive, or ``days`` is negative or over `MAX_DAYS`.
    """
    _checks.aware_datetime(start, "start")
    _checks.integer(days, "days", minimum=0, maximum=_checks.MAX_DAYS)
    _check_marketplace(marketplace)
    local = start.astimezone(marketplace.tz)
    day = local.date()
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if is_business_day(day, marketplace):
            remaining -= 1
    return dt.datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=marketplace.tz)
