"""Partial, approximate and uncertain dates, written the EDTF way (ISO 8601-2).

A claim is dated only as precisely as its source allows:

>>> d = PartialDate.parse("2017-10~")
>>> d.precision, d.approximate, d.uncertain
('month', True, False)
>>> str(d), d.earliest.isoformat(), d.latest.isoformat()
('2017-10~', '2017-10-01', '2017-10-31')

``?`` marks an uncertain date (the source may be wrong or ambiguous), ``~`` an
approximate one ("earlier this month"), ``%`` both. Checks that compare dates
(a reply before what it answers, a claim after the document reporting it) allow
such a date to be off by one unit of its precision, a week for a day:

>>> d.possible[0].isoformat(), d.possible[1].isoformat()
('2017-09-01', '2017-11-30')

A standing position ("has long blamed") is dated by an EDTF interval, either
end of which may be open (``..``):

>>> held = parse_when("2018-05-24/2018-05-25")
>>> str(held), held.made_latest.isoformat(), held.latest.isoformat()
('2018-05-24/2018-05-25', '2018-05-24', '2018-05-25')
>>> parse_when("../2019").describe()
'until 2019'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .errors import InvalidValue
from .text import SPACES

Precision = Literal["year", "month", "day"]

PATTERN = r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%]?)$"
"""The written form of a date; ASCII digits only, as in JSON Schema (whose ``\\d`` means 0-9)."""
_PATTERN = re.compile(PATTERN)

DAY_MARGIN = dt.timedelta(days=7)
"""How far a day-precise date marked ``~`` or ``?`` may be off; month and year dates may be off
by a month or a year."""


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date known to the year, month or day, possibly approximate or uncertain."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @staticmethod
    def parse(text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` with an optional ``?``, ``~`` or ``%``.

        >>> PartialDate.parse("2017-02-30")
        Traceback (most recent call last):
        ...
        ValueError: 2017-02-30 is not a real date: February 2017 has 28 days
        """
        return _parse_cached(text.strip(SPACES))

    @property
    def precision(self) -> Precision:
        """How much of the date is known: ``'year'``, ``'month'`` or ``'day'``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def earliest(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    @property
    def made_latest(self) -> dt.date:
        """The last day by which a claim with this date was certainly made (for a single date, :attr:`latest`)."""
        return self.latest

    @property
    def vague(self) -> bool:
        """True when the date is marked approximate (``~``), uncertain (``?``) or both (``%``)."""
        return self.approximate or self.uncertain

    @property
    def possible(self) -> tuple[dt.date, dt.date]:
        """The first and last day the date can mean, allowing for its mark: a date marked ``~``,
        ``?`` or ``%`` may be off by a week, a month or a year (day, month or year precision).

        >>> [day.isoformat() for day in PartialDate.parse("2017-10-06~").possible]
        ['2017-09-29', '2017-10-13']
        >>> [day.isoformat() for day in PartialDate.parse("2017?").possible]
        ['2016-01-01', '2018-12-31']
        """
        earliest, latest = self.earliest, self.latest
        if not self.vague:
            return earliest, latest
        if self.precision == "day":
            return _clamped(earliest, -DAY_MARGIN), _clamped(latest, DAY_MARGIN)
        if self.precision == "month":
            before = _clamped(earliest, -dt.timedelta(days=1)).replace(day=1)
            after = _clamped(latest, dt.timedelta(days=1))
            return before, after.replace(day=calendar.monthrange(after.year, after.month)[1])
        return dt.date(max(self.year - 1, 1), 1, 1), dt.date(min(self.year + 1, 9999), 12, 31)

    @property
    def exact(self) -> bool:
        """True for a day-precise date that is neither approximate nor uncertain."""
        return self.precision == "day" and not (self.approximate or self.uncertain)

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Order by earliest possible day, then the more precise date first."""
        return (self.earliest, self.latest)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            return text + "%"
        if self.approximate:
            return text + "~"
        return text + "?" if self.uncertain else text

    def describe(self) -> str:
        """A phrase for people: ``'about October 2017'``, ``'6 October 2017 (uncertain)'``.

        >>> PartialDate.parse("2017-10-06?").describe()
        '6 October 2017 (uncertain)'
        """
        if self.day is not None:
            text = f"{self.day} {calendar.month_name[self.month or 1]} {self.year}"
        elif self.month is not None:
            text = f"{calendar.month_name[self.month]} {self.year}"
        else:
            text = str(self.year)
        if self.approximate:
            text = "about " + text
        return text + " (uncertain)" if self.uncertain else text


def _clamped(day: dt.date, delta: dt.timedelta) -> dt.date:
    try:
        return day + delta
    except OverflowError:
        return dt.date.max if delta > dt.timedelta(0) else dt.date.min


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> PartialDate:
    match = _PATTERN.match(text)
    if not match:
        _refuse_other_digits(text)
        raise ValueError(
            f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, "
            "optionally followed by ~ (approximate), ? (uncertain) or % (both)"
        )
    year_s, month_s, day_s, mark = match.groups()
    year = int(year_s)
    if year == 0:
        raise ValueError(f"{text} is not a real date: there is no year 0")
    month = int(month_s) if month_s else None
    day = int(day_s) if day_s else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text} is not a real date: there is no month {month}")
    if month is not None and day is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise ValueError(
                f"{text.rstrip('?~%')} is not a real date: {calendar.month_name[month]} {year} has {days} days"
            )
    return PartialDate(year, month, day, approximate=mark in "~%" and mark != "", uncertain=mark in "?%" and mark != "")


_OPEN = ".."


@dataclass(frozen=True)
class DateInterval:
    """A span of time, as EDTF writes it: ``start/end``, either end open (``..``) but not both.

    A claim dated by an interval is a standing position, held from ``start``
    to ``end``: it counts as made from its start on.
    """

    start: PartialDate | None
    end: PartialDate | None

    @staticmethod
    def parse(text: str) -> DateInterval:
        """Parse ``START/END``; each end is a date as :meth:`PartialDate.parse` reads it, or ``..``.

        >>> DateInterval.parse("2018-06/2018-05")
        Traceback (most recent call last):
        ...
        ValueError: the interval 2018-06/2018-05 ends before it starts
        """
        first, _, second = text.strip().partition("/")
        start = None if first.strip() in (_OPEN, "") else PartialDate.parse(first)
        end = None if second.strip() in (_OPEN, "") else PartialDate.parse(second)
        if start is None and end is None:
            raise ValueError(f"the interval {text.strip()} has no start and no end; give at least one date")
        if start is not None and end is not None and end.latest < start.earliest:
            raise ValueError(f"the interval {text.strip()} ends before it starts")
        return DateInterval(start, end)

    @property
    def _known(self) -> PartialDate:
        return self.start or self.end  # type: ignore[return-value]  # parse guarantees one end

    @property
    def year(self) -> int:
        """The year of the known start (or of the end when the start is open)."""
        return self._known.year

    @property
    def month(self) -> int | None:
        """The month of the known start (or end), if known."""
        return self._known.month

    @property
    def day(self) -> int | None:
        """The day of the known start (or end), if known."""
        return self._known.day

    @property
    def precision(self) -> Precision:
        """The precision of the known start (or end)."""
        return self._known.precision

    @property
    def approximate(self) -> bool:
        """True when either end is approximate."""
        return any(d is not None and d.approximate for d in (self.start, self.end))

    @property
    def uncertain(self) -> bool:
        """True when either end is uncertain."""
        return any(d is not None and d.uncertain for d in (self.start, self.end))

    @property
    def earliest(self) -> dt.date:
        """The first day of the span (the earliest day there is, for an open start)."""
        return self.start.earliest if self.start else dt.date.min

    @property
    def latest(self) -> dt.date:
        """The last day of the span (the latest day there is, for an open end)."""
        return self.end.latest if self.end else dt.date.max

    @property
    def made_latest(self) -> dt.date:
        """The position was certainly taken by the last day its start can mean (or, open-started, its end)."""
        return self._known.latest

    @property
    def vague(self) -> bool:
        """True when either end is marked approximate or uncertain."""
        return self.approximate or self.uncertain

    @property
    def possible(self) -> tuple[dt.date, dt.date]:
        """When the position can have been taken, allowing for the marks of its start (or, open-started, its end)."""
        return self._known.possible

    @property
    def exact(self) -> bool:
        """An interval is never one exact day."""
        return False

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Order by the start, then the shorter span first."""
        return (self.earliest, self.latest)

    def __str__(self) -> str:
        return f"{self.start or _OPEN}/{self.end or _OPEN}"

    def describe(self) -> str:
        """``'from May 2018 to June 2018'``, ``'from 2015 on'``, ``'until 2019'``."""
        if self.start is None:
            return f"until {self._known.describe()}"
        if self.end is None:
            return f"from {self.start.describe()} on"
        return f"from {self.start.describe()} to {self.end.describe()}"


When = PartialDate | DateInterval
"""A claim's date: one partial date, or an interval for a standing position."""


def parse_when(text: str) -> When:
    """A date or an interval, as written in a claims file.

    >>> parse_when("2017-10~"), parse_when("2015/..").describe()
    (PartialDate(year=2017, month=10, day=None, approximate=True, uncertain=False), 'from 2015 on')
    """
    return DateInterval.parse(text) if "/" in text else PartialDate.parse(text)


def _refuse_other_digits(text: str) -> None:
    """Refuse a date written in other digits (Arabic-Indic, fullwidth, ...) with the 0-9 form as the fix."""
    if not any(not char.isascii() and unicodedata.decimal(char, None) is not None for char in text):
        return
    ascii_form = "".join(str(unicodedata.decimal(char, "")) or char for char in text)
    hint = f"write dates with the digits 0-9: try {ascii_form!r}"
    if not _PATTERN.match(ascii_form):
        hint = "write dates with the digits 0-9, as YYYY, YYYY-MM or YYYY-MM-DD"
    raise InvalidValue(f"{text!r} is not a date: its digits are not 0-9", hint)
