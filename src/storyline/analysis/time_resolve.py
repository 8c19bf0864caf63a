"""Resolving parsed date expressions to ISO values: pure date arithmetic, no spaCy.

Every relative expression needs an anchor: the publication date for deictic words ("next
week", "yesterday", "on Wednesday"), the previous date in the text for anaphoric ones ("the next
day", "two days later"). Where the words leave a choice open (a weekday, a month without a
year) the clause's tense decides: past tense looks back from the anchor, future looks ahead,
and without a tense the nearest occurrence wins. An anchor known only to the month (an
estimated publication date) still resolves month- and year-level expressions; finer results
are coarsened to that month and marked approximate, which is honest about what is known.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from .time_grammar import DateExpression
from .time_lexicon import time_lexicon

GRANULARITY_ORDER = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Anchor:
    """The date an expression is resolved against."""
    day: date
    precision: str = "day"         # "day", or "month" when only the month is known
    label: str = "published"       # recorded in DateMention.anchor
    exact: bool = True             # False for an estimate: results become approximate


@dataclass(frozen=True)
class Resolution:
    value: str | None
    granularity: str
    type: str
    end_value: str | None = None
    anchor: str | None = None
    first: date | None = None      # first and last day covered, for anaphora and tests
    last: date | None = None

    @property
    def resolved(self) -> bool:
        return self.value is not None


def unresolved(granularity: str = "day") -> Resolution:
    return Resolution(None, granularity, "unresolved", anchor="none")


# ---------------------------------------------------------------- calendar helpers

def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    ny, nm = add_months(year, month, 1)
    return first, date(ny, nm, 1) - timedelta(days=1)


def shift(day: date, unit: str, n: int) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=n)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * n)
    months = {"month": n, "year": 12 * n, "decade": 120 * n}[unit]
    y, m = add_months(day.year, day.month, months)
    return date(y, m, min(day.day, month_bounds(y, m)[1].day))


def iso_week(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def period(unit: str, day: date) -> Resolution:
    """The calendar unit (day/week/month/year) containing ``day``."""
    if unit == "day":
        return Resolution(day.isoformat(), "day", "exact", first=day, last=day)
    if unit in ("week", "fortnight"):
        monday = day - timedelta(days=day.weekday())
        return Resolution(iso_week(day), "week", "exact", first=monday, last=monday + timedelta(6))
    if unit == "month":
        first, last = month_bounds(day.year, day.month)
        return Resolution(f"{day.year:04d}-{day.month:02d}", "month", "exact", first=first, last=last)
    return Resolution(f"{day.year:04d}", "year", "exact", first=date(day.year, 1, 1),
                      last=date(day.year, 12, 31))


def range_of(first: Resolution, last: Resolution, kind: str = "range") -> Resolution:
    return Resolution(first.value, first.granularity, kind, end_value=last.value,
                      first=first.first, last=last.last)


def pick_by_tense(options: list[tuple[date, date]], anchor: date, tense: str | None) -> int:
    """Index of the occurrence the tense points to: past → latest not after the anchor,
    future → earliest not before it, otherwise the nearest."""
    def distance(o):
        return 0 if o[0] <= anchor <= o[1] else min(abs((o[0] - anchor).days), abs((o[1] - anchor).days))
    idx = range(len(options))
    if tense == "past":
        ok = [i for i in idx if options[i][0] <= anchor]
        if ok:
            return max(ok, key=lambda i: options[i][0])
    if tense == "future":
        ok = [i for i in idx if options[i][1] >= anchor]
        if ok:
            return min(ok, key=lambda i: options[i][0])
    return min(idx, key=lambda i: (distance(options[i]), -options[i][0].toordinal()))


# ---------------------------------------------------------------- the resolver

def needs_anchor(expr: DateExpression) -> bool:
    """Whether the expression can be resolved from its own words."""
    if expr.kind == "calendar":
        return expr.year is None
    if expr.kind in ("decade",):
        return False
    if expr.kind == "season":
        return expr.year is None
    return True


def resolve(expr: DateExpression, publication: Anchor | None, previous: Resolution | None = None,
            tense: str | None = None) -> Resolution:
    """Resolve one expression. ``previous`` is the last resolved date before it in the text."""
    try:
        if expr.kind == "anaphoric":
            return _anaphoric(expr, publication, previous)
        if not needs_anchor(expr):
            return _mark(_absolute(expr, None, tense), expr, None)
        if publication is None:
            return unresolved(_natural_granularity(expr))
        return _mark(_relative(expr, publication, tense), expr, publication)
    except (ValueError, OverflowError, KeyError):
        return unresolved(_natural_granularity(expr))


def _natural_granularity(expr: DateExpression) -> str:
    if expr.kind in ("deictic", "weekday") or expr.day:
        return "day"
    if expr.unit in GRANULARITY_ORDER:
        return expr.unit
    return "month" if expr.month else "year"


def _mark(res: Resolution, expr: DateExpression, anchor: Anchor | None) -> Resolution:
    """Apply what the words and the anchor say about certainty."""
    if not res.resolved:
        return res
    if anchor is not None:
        res = replace(res, anchor=anchor.label)
        if anchor.precision == "month" and res.granularity in ("day", "week"):
            res = replace(period("month", res.first or anchor.day), type="approximate",
                          anchor=anchor.label)
        if not anchor.exact and res.type == "exact":
            res = replace(res, type="approximate")
    if expr.approximate and res.type == "exact":
        res = replace(res, type="approximate")
    return res


def _absolute(expr: DateExpression, anchor: Anchor | None, tense: str | None) -> Resolution:
    if expr.kind == "decade":
        lo, hi = expr.year, expr.end_year or expr.year + 9
        if expr.part:
            a, b = time_lexicon().period_parts.get(expr.part, (0.0, 1.0))
            lo, hi = expr.year + round(a * (hi - lo)), expr.year + round(b * (hi - lo))
        return range_of(period("year", date(lo, 1, 1)), period("year", date(hi, 1, 1)),
                        "approximate" if expr.part else "range")
    if expr.kind == "season":
        return _season(expr.year, expr.month)
    if expr.day and expr.month:
        first = period("day", date(expr.year, expr.month, expr.day))
        if expr.end_day:
            return range_of(first, period("day", date(expr.year, expr.month, expr.end_day)))
        return first
    if expr.month:
        return period("month", date(expr.year, expr.month, 1))
    res = period("year", date(expr.year, 1, 1))
    if expr.end_year:
        return range_of(res, period("year", date(expr.end_year, 1, 1)))
    return res


def _season(year: int, first_month: int) -> Resolution:
    lex = time_lexicon()
    start, end = next(v for v in lex.seasons.values() if v[0] == first_month)
    ey, em = add_months(year, start, (end - start) % 12)
    return replace(range_of(period("month", date(year, start, 1)), period("month", date(ey, em, 1))),
                   type="approximate")


def _relative(expr: DateExpression, anchor: Anchor, tense: str | None) -> Resolution:
    a = anchor.day
    kind = expr.kind
    if kind == "calendar":
        return _calendar_without_year(expr, a, tense)
    if kind == "season":
        if expr.unit == "year":  # this/last/next summer
            year = a.year + expr.offset
            if expr.offset < 0 and expr.month < a.month:
                year += 1
            if expr.offset > 0 and expr.month > a.month:
                year -= 1
        else:
            year = a.year
        return _season(year, expr.month)
    if kind == "deictic":
        return period("day", a + timedelta(days=expr.offset))
    if kind == "weekday":
        return _weekday(expr, a, tense)
    if kind == "unit":
        return _calendar_unit(expr, a, tense)
    if kind == "ago":
        res = period(expr.unit if expr.unit in GRANULARITY_ORDER else "week",
                     shift(a, expr.unit, expr.offset))
        if expr.unit == "decade":
            res = period("year", shift(a, "decade", expr.offset))
        return replace(res, type="approximate") if expr.approximate else res
    if kind == "span":
        other = shift(a, expr.unit, expr.offset)
        lo, hi = (other, a) if expr.offset < 0 else (a, other)
        return replace(range_of(period("day", lo), period("day", hi)),
                       type="approximate" if expr.approximate else "range")
    return unresolved()


def _calendar_without_year(expr: DateExpression, a: date, tense: str | None) -> Resolution:
    if expr.unit == "year" and expr.month:       # "May of last year", "June 16 of last year"
        return _absolute(replace(expr, year=a.year + expr.offset, unit=None), None, tense)
    if expr.unit == "named" and expr.month:      # "last September", "next March"
        year = a.year
        if expr.offset < 0 and expr.month >= a.month:
            year -= 1
        elif expr.offset > 0 and expr.month <= a.month:
            year += 1
        return period("month", date(year, expr.month, 1))
    years = [a.year - 1, a.year, a.year + 1]
    if expr.day:
        options, kept = [], []
        for y in years:
            try:
                d = date(y, expr.month, expr.day)
                last = d if not expr.end_day else date(y, expr.month, expr.end_day)
            except ValueError:  # no such day that year ("June 31", "February 29" of 2023)
                continue
            if expr.weekday is not None and d.weekday() != expr.weekday:
                continue
            options.append((d, last))
            kept.append(y)
        if not options:
            if expr.weekday is not None:  # the weekday fits no nearby year: trust day and month
                return _calendar_without_year(replace(expr, weekday=None), a, tense)
            return unresolved()  # the day exists in no nearby year: not a date
        year = kept[pick_by_tense(options, a, tense)]
    else:
        options = [month_bounds(y, expr.month) for y in years]
        year = years[pick_by_tense(options, a, tense)]
    return _absolute(replace(expr, year=year), None, tense)


def _weekday(expr: DateExpression, a: date, tense: str | None) -> Resolution:
    back = (a.weekday() - expr.weekday) % 7         # days since the last such weekday (0 = today)
    ahead = (expr.weekday - a.weekday()) % 7
    if expr.unit == "week":                         # "this Wednesday": the anchor's week
        return period("day", a - timedelta(days=a.weekday()) + timedelta(days=expr.weekday))
    if expr.offset < 0:
        return period("day", a - timedelta(days=back or 7))
    if expr.offset > 0:
        return period("day", a + timedelta(days=ahead or 7))
    if tense == "past":
        delta = -back
    elif tense == "future":
        delta = ahead
    else:
        delta = -back if back <= ahead else ahead
    return period("day", a + timedelta(days=delta))


def _calendar_unit(expr: DateExpression, a: date, tense: str | None) -> Resolution:
    unit = expr.unit
    if unit == "weekend":
        in_weekend = a.weekday() >= 5
        before = a - timedelta(days=(a.weekday() - 5) % 7)   # Saturday on or before the anchor
        after = a + timedelta(days=(5 - a.weekday()) % 7)    # Saturday on or after it
        if expr.offset < 0:
            saturday = before - timedelta(weeks=1) if in_weekend else before
        elif expr.offset > 0:
            saturday = before + timedelta(weeks=1) if in_weekend else after
        else:
            saturday = before if (in_weekend or tense == "past") else after
        return range_of(period("day", saturday), period("day", saturday + timedelta(days=1)))
    if unit == "decade":
        start = (a.year // 10 + expr.offset) * 10
        return range_of(period("year", date(start, 1, 1)), period("year", date(start + 9, 1, 1)))
    res = period(unit, shift(a, unit, expr.offset))
    return replace(res, type="approximate") if (expr.part or expr.partial) else res


def _anaphoric(expr: DateExpression, publication: Anchor | None,
               previous: Resolution | None) -> Resolution:
    """'the next day', 'two days later', 'that week': relative to the previous date in the text,
    else (less surely) to the publication date."""
    if previous is not None and previous.resolved and previous.first is not None:
        base, base_gran, label, exact = previous.first, previous.granularity, "previous date", previous.type == "exact"
        if previous.end_value and previous.last is not None:
            base = previous.last if expr.offset > 0 else previous.first
    elif publication is not None:
        base, base_gran, label, exact = publication.day, publication.precision, "published (no earlier date)", False
    else:
        return unresolved(expr.unit if expr.unit in GRANULARITY_ORDER else "day")
    unit = expr.unit if expr.unit in GRANULARITY_ORDER else "week"
    if expr.offset == 0 and previous is not None and previous.resolved:
        return replace(previous, anchor=label)
    res = period(unit, shift(base, expr.unit, expr.offset))
    coarse = GRANULARITY_ORDER.index(base_gran) > GRANULARITY_ORDER.index(unit)
    if coarse:  # "the next day" after "late May": only the coarser period is known
        res = period(base_gran if base_gran != "week" else "week", shift(base, expr.unit, expr.offset))
    if coarse or not exact or expr.approximate:
        res = replace(res, type="approximate")
    return replace(res, anchor=label)
