"""Finding date expressions in text: a small grammar built from the time lexicon.

Each pattern recognises one form of date ("6 June", "late May", "next week", "the next day",
"two weeks ago" …) and turns a match into a :class:`DateExpression`, a parse that says *what*
the words mean (calendar fields, an offset, a part of a period) without resolving it: resolution
needs an anchor date and belongs to :mod:`time_resolve`. Overlapping matches are settled
longest-first, which keeps spans tight ("6 June", not "on 6 June") and never yields two
overlapping mentions. Durations ("two-day", "for three years"), ages and anniversaries are not
dates and have no pattern here.

The grammar runs over the raw text (no free-text guessing by dateparser, which reads "and we" as
a Wednesday); ambiguous words (the month "May" against the modal verb, bare years against
numbers) are checked against spaCy's tags and DATE entities by the caller via
``DateExpression.needs_support``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from .time_lexicon import TimeLexicon, time_lexicon

YEAR = r"(?:1[6-9]|20)\d\d(?!\d)"
DAY = r"[0-3]?\d(?:st|nd|rd|th)?(?!\d)"


@dataclass(frozen=True)
class DateExpression:
    """A recognised date expression, parsed but not yet resolved.

    ``kind`` says how it is anchored: ``calendar`` (names its own fields; needs an anchor only
    for a missing year), ``deictic`` (today/yesterday), ``weekday``, ``unit`` (this/next/last
    week|month|year|weekend), ``ago`` (n units before/after the publication date), ``anaphoric``
    (relative to the previous date in the text: "the next day", "two days later"), ``span``
    (a stretch reaching to the anchor: "the past six months", "in the coming days"),
    ``decade`` and ``season``.
    """
    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    end_year: int | None = None
    end_day: int | None = None
    unit: str | None = None
    offset: int = 0
    part: str | None = None          # early / mid / late … (a key of period_parts)
    partial: int = 0                 # -1 "earlier this month", +1 "later this year"
    approximate: bool = False
    needs_support: bool = False      # accept only if the parser agrees (NER DATE / context word)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def _number(word: str, lex: TimeLexicon) -> int | None:
    word = _fold(word)
    return int(word) if word.isdigit() else lex.numbers.get(word)


def _part(raw: str | None) -> str | None:
    """'the end of' → 'end of', 'mid-' → 'mid'."""
    if not raw:
        return None
    raw = _fold(raw).rstrip("-").strip()
    return raw[4:] if raw.startswith("the ") else raw


def _unit(word: str, lex: TimeLexicon) -> str:
    return lex.units.get(_fold(word), "day")


@dataclass(frozen=True)
class _Pattern:
    name: str
    regex: re.Pattern
    build: Callable[[re.Match, TimeLexicon], dict | None]


def _patterns(lex: TimeLexicon) -> list[_Pattern]:
    months = lex.alternation(lex.full_months)
    any_month = "|".join(sorted([re.escape(m) for m in lex.full_months]
                                + [re.escape(a) + r"\.?" for a in lex.months
                                   if a not in lex.full_months], key=len, reverse=True))
    weekdays = lex.alternation(lex.weekdays)
    numbers = lex.alternation(lex.numbers)
    parts = lex.alternation(lex.period_parts)
    deictic = lex.alternation(lex.deictic_days)
    cal_rel = lex.alternation(lex.calendar_offsets)
    day_parts = lex.alternation(lex.day_parts)
    seasons = lex.alternation(lex.seasons)
    units_sg = "day|week|month|year|weekend|decade|fortnight"
    units_pl = "days|weeks|months|years|decades"
    m = lambda g: lex.months[_fold(g).rstrip(".")]  # noqa: E731

    def iso(x, _):
        return dict(kind="calendar", year=int(x["y"]), month=int(x["m"]), day=int(x["d"]))

    def day_month(x, _):
        day, day2 = int(re.match(r"\d+", x["d"]).group()), x["d2"]
        return dict(kind="calendar", day=day, month=m(x["m"]),
                    year=int(x["y"]) if x["y"] else None,
                    end_day=int(re.match(r"\d+", day2).group()) if day2 else None,
                    weekday=lex.weekdays[_fold(x["wd"])] if x["wd"] else None,
                    unit="year" if x.get("rel") else None,
                    offset=lex.calendar_offsets.get(_fold(x.get("rel") or ""), 0))

    def month_year(x, _):
        year = int(x["y"]) if x["y"] else None
        if year and x["rel2"]:
            return None
        rel = x["rel"] or x["rel2"]
        bare = not (year or x["p"] or rel)
        # "May of last year" shifts the year; "last September" is the latest September before
        return dict(kind="calendar", month=m(x["m"]), year=year, part=_part(x["p"]),
                    approximate=bool(x["p"]), offset=lex.calendar_offsets.get(_fold(rel or ""), 0),
                    needs_support=bare, unit="year" if x["rel"] else ("named" if x["rel2"] else None))

    def part_year(x, _):
        return dict(kind="calendar", year=int(x["y"]), part=_part(x["p"]), approximate=True)

    def year_range(x, _):
        return dict(kind="calendar", year=int(x["y"]), end_year=int(x["y2"]))

    def year(x, _):
        return dict(kind="calendar", year=int(x["y"]), needs_support=True)

    def decade(x, _):
        y = int(x["y"])
        span = 100 if y % 100 == 0 and y < 2000 else 10   # "the 1800s" is a century
        return dict(kind="decade", year=y, end_year=y + span - 1, part=_part(x["p"]),
                    approximate=bool(x["p"]))

    def deictic_day(x, _):
        return dict(kind="deictic", offset=lex.deictic_days[_fold(x["w"])], unit="day")

    def weekday(x, _):
        rel = _fold(x["rel"] or "")
        return dict(kind="weekday", weekday=lex.weekdays[_fold(x["wd"])],
                    offset={"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0),
                    part=rel if rel in ("early", "late") else None,
                    unit="week" if rel == "this" else None)

    def unit(x, _):
        u = _unit(x["u"], lex)
        off = lex.calendar_offsets[_fold(x["rel"])]
        if x["the"]:
            if off == 0:
                return None  # "the current year" — rare; leave it
            if _fold(x["rel"]) == "previous":   # "the previous year": before the last date named
                return dict(kind="anaphoric", unit=u, offset=-1)
            return dict(kind="span", unit=u, offset=off)  # "the past month": a stretch
        return dict(kind="unit", unit=u, offset=off, part=_part(x["p"]),
                    partial=lex.partial_relatives.get(_fold(x["pr"] or ""), 0),
                    approximate=bool(x["p"] or x["pr"]))

    def end_of_the_unit(x, _):
        return dict(kind="unit", unit=_unit(x["u"], lex), offset=0, part=_fold(x["p"]) + " of",
                    approximate=True)

    def ago(x, _):
        n = _number(x["n"], lex)
        if n is None:
            return None
        direction = _fold(x["dir"])
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        vague = _fold(x["n"]) in lex.vague_numbers or bool(x["approx"])
        kind = "ago" if direction in ("ago", "from now") else "anaphoric"
        return dict(kind=kind, unit=_unit(x["u"], lex), offset=sign * n, approximate=vague)

    def anaphoric(x, _):
        u = _fold(x["u"])
        return dict(kind="anaphoric", unit="day" if u in lex.day_parts else _unit(u, lex),
                    offset=lex.anaphoric_offsets[_fold(x["rel"])])

    def day_before_after(x, _):
        return dict(kind="anaphoric", unit=_unit(x["u"], lex),
                    offset=-1 if _fold(x["dir"]) in ("before", "earlier") else 1)

    def span(x, _):
        q = _fold(x["q"] or "")
        n = _number(q, lex) if q else None
        rel = _fold(x["rel"])
        sign = -1 if rel in ("past", "last", "previous", "recent") else 1
        return dict(kind="span", unit=_unit(x["u"], lex), offset=sign * (n or 3),
                    approximate=n is None or q in lex.vague_numbers)

    def season(x, _):
        if not (x["rel"] or x["y"]):
            return None  # "fall" and "spring" are verbs too
        return dict(kind="season", month=lex.seasons[_fold(x["s"])][0],
                    year=int(x["y"]) if x["y"] else None, part=_part(x["p"]),
                    offset=lex.calendar_offsets.get(_fold(x["rel"] or ""), 0) if x["rel"] else 0,
                    unit="year" if x["rel"] else None, approximate=True)

    of_rel_year = r"\s+(?:of\s+)?(?P<rel>this|last|next)\s+year"   # "June 16 of last year"
    no_noun_after = r"(?!\s+(?:the|a|an|his|her|its|their|this|that|[a-z]+ing)\b)"
    table = [
        ("iso", rf"\b(?P<y>\d{{4}})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", iso),
        ("day_month", rf"\b(?:(?P<wd>{weekdays}),?\s+)?(?:the\s+)?(?P<d>{DAY})"
                      rf"(?:\s*[-–]\s*(?P<d2>{DAY}))?\s+(?:of\s+)?(?P<m>{any_month})(?![a-z])"
                      rf"(?:,?\s+(?P<y>{YEAR})|{of_rel_year})?", day_month),
        ("month_day", rf"\b(?:(?P<wd>{weekdays}),?\s+)?(?P<m>{any_month})(?![a-z])\s+(?P<d>{DAY})"
                      rf"(?:\s*[-–]\s*(?P<d2>{DAY}))?(?!\s*%)(?:,?\s+(?P<y>{YEAR})|{of_rel_year})?", day_month),
        ("month_year", rf"\b(?:(?P<p>{parts})[\s-]+)?(?:(?P<rel2>last|next|this|past)\s+)?(?P<m>{months})(?![a-z])"
                       rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR})|\s+(?:of\s+)?(?P<rel>this|last|next)\s+year)?",
         month_year),
        ("part_year", rf"\b(?:the\s+)?(?P<p>{parts})[\s-]+(?P<y>{YEAR})", part_year),
        ("year_range", rf"\b(?P<y>{YEAR})\s*(?:-|–|to|through)\s*(?P<y2>{YEAR})", year_range),
        ("year_between", rf"(?<=between\s)(?P<y>{YEAR})\s+and\s+(?P<y2>{YEAR})", year_range),
        ("year", rf"(?<![\d,.$£€#/-])\b(?P<y>{YEAR})(?![,.]\d|-year|\s*%|\s*percent)", year),
        ("decade", rf"\b(?:(?P<p>early|mid|late)[\s-]+)?(?P<y>(?:1[0-9]|20)\d0)'?s\b", decade),
        ("deictic", rf"\b(?P<w>{deictic})\b", deictic_day),
        ("weekday", rf"\b(?:(?P<rel>last|next|this|coming|past|early|late)\s+)?(?P<wd>{weekdays})"
                    rf"(?:\s+(?:{day_parts}))?\b", weekday),
        ("unit", rf"\b(?:(?P<p>{parts})[\s-]+|(?P<pr>earlier|later)\s+)?(?P<the>the\s+)?"
                 rf"(?P<rel>{cal_rel})\s+(?P<u>week|month|year|weekend|decade)\b", unit),
        ("end_of_the_unit", rf"\b(?:the\s+)?(?P<p>beginning|start|middle|end)\s+of\s+the\s+"
                            rf"(?P<u>week|month|year)\b", end_of_the_unit),
        ("ago", rf"\b(?P<approx>(?:more\s+than|less\s+than|about|nearly|almost|some|around|"
                rf"roughly|over|just|only)\s+)?(?P<n>\d+|{numbers})\s+(?P<u>{units_pl}|{units_sg})"
                rf"\s+(?P<dir>ago|from\s+now|earlier|later)\b", ago),
        ("anaphoric", rf"\b(?:the|that)\s+(?P<rel>next|following|previous|preceding|same)\s+"
                      rf"(?P<u>day|week|month|year|{day_parts})\b|\bthat\s+(?P<u2>day|week|month|year)\b",
         lambda x, lx: anaphoric({"rel": x["rel"] or "that", "u": x["u"] or x["u2"]}, lx)),
        ("day_before_after", rf"\bthe\s+(?P<u>day|week|month|year)\s+(?P<dir>before|after|earlier|later)\b"
                             + no_noun_after, day_before_after),
        ("span", rf"\b(?:the\s+)?(?P<rel>coming|next|past|last|previous|recent)\s+"
                 rf"(?P<q>(?:few|several|couple\s+of|\d+|{numbers})\s+)?(?P<u>{units_pl})\b", span),
        ("season", rf"\b(?:(?P<p>early|mid|late)[\s-]+)?(?:(?P<rel>this|last|next|past|coming)\s+)?"
                   rf"(?P<s>{seasons})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b", season),
    ]
    return [_Pattern(name, re.compile(rx, re.IGNORECASE), build) for name, rx, build in table]


@lru_cache(maxsize=1)
def _compiled() -> tuple[_Pattern, ...]:
    return tuple(_patterns(time_lexicon()))


def _candidates(text: str) -> Iterator[DateExpression]:
    lex = time_lexicon()
    for pattern in _compiled():
        for match in pattern.regex.finditer(text):
            fields = pattern.build(match.groupdict(), lex)
            if not fields or not _plausible(fields):
                continue
            start, end = match.span()
            yield DateExpression(start=start, end=end, text=text[start:end], **fields)


def _plausible(f: dict) -> bool:
    day, month = f.get("day"), f.get("month")
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None and not 1 <= day <= 31:
        return False
    end_day = f.get("end_day")
    if end_day is not None and (day is None or end_day <= day):
        return False
    end_year = f.get("end_year")
    return end_year is None or end_year > f.get("year", 0)


def _month_capitalised(expr: DateExpression) -> bool:
    """Month names are capitalised in English; lower-case 'may'/'march' are a verb or a noun."""
    lex = time_lexicon()
    for word in re.findall(r"[A-Za-z]+", expr.text):
        if word.lower() in lex.months and word.lower() not in lex.weekdays:
            return word[0].isupper()
    return True


def find_date_expressions(text: str) -> list[DateExpression]:
    """All date expressions in ``text``, non-overlapping, longest match first, in text order."""
    chosen: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    for expr in sorted(_candidates(text), key=lambda e: (-(e.end - e.start), e.start)):
        if expr.kind == "calendar" and expr.month and not _month_capitalised(expr):
            continue
        if any(expr.start < e and s < expr.end for s, e in taken):
            continue
        chosen.append(expr)
        taken.append((expr.start, expr.end))
    return sorted(chosen, key=lambda e: e.start)
