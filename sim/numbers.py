"""How a number is written in English and in French: the one place that decides it.

French groups thousands with a thin no-break space and puts one before the percent sign
("18 064", "6,1 %", the form of the Imprimerie nationale and of Unicode's CLDR), so that a
number never breaks across lines in a report, a table or the classroom's story. Every layer
writes numbers through here (the analysis's sentences as much as the presentation's tables),
so nothing imports above it.
"""

from __future__ import annotations

import math
import re

THIN_NO_BREAK = "\u202f"
"""The French thousands separator, and the space before "%"."""

_PERCENT = re.compile(r"(?<=\d) ?%")


def localised(text: str, lang: str) -> str:
    """A number written the English way ("1,234.5", "50%"), the French way in French.

    "1,234.5" becomes "1 234,5" and "50%" becomes "50 %" (thin no-break spaces); English is
    returned as it is. ``text`` is a number, with its sign and unit at most: every comma and
    point in it is taken for a number's.
    """
    # ``lang`` may be a plain code or sim.scenario.vocabulary.Lang, which is not imported here
    if getattr(lang, "value", lang) != "fr":
        return text
    text = text.replace(",", THIN_NO_BREAK).replace(".", ",")
    return _PERCENT.sub(THIN_NO_BREAK + "%", text)


_UNGROUPED = re.compile(r"(?<![\d.,])\d{4,}")  # a whole part of 4 digits or more, not grouped


def grouped(text: str) -> str:
    """A number written without grouping ("10000", "−12345.5"), grouped the English way.

    "10,000", "−12,345.5": matplotlib and ``format(x, "g")`` write none, so French would read
    "10000" where its text writes "10 000". Decimals and exponents are left as they are.
    """
    return _UNGROUPED.sub(lambda m: f"{int(m[0]):,}", text)


def significant(value: float, digits: int, lang: str) -> str:
    """``value`` to ``digits`` significant digits, grouped and never in exponent form.

    "12,300" and "0.125" (English), "12 300" and "0,125" (French), where ``format(x, ".3g")``
    writes "1.23e+04".
    """
    if value == 0 or not math.isfinite(value):
        return localised(f"{value:g}", lang)
    rounded = float(f"{value:.{digits}g}")
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(rounded))))
    text = f"{rounded:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return localised(text, lang)


def percent_sign(lang: str) -> str:
    """What follows a share's digits: "%" in English, a thin no-break space and "%" in French.

    For a formatter that writes the digits itself (matplotlib's ``PercentFormatter``).
    """
    return THIN_NO_BREAK + "%" if getattr(lang, "value", lang) == "fr" else "%"


def takes_singular(count: float, lang: str) -> bool:
    """Whether a noun counted by ``count``, as the text writes it, takes the singular.

    The one rule for every counted noun: English takes it for 1 alone ("1 soldier", "0 days",
    "1.5 days"); French for any count below 2 ("0 jour", "1 militaire", "1,5 point"), as the
    Académie française has it.
    """
    if getattr(lang, "value", lang) == "fr":
        return abs(count) < 2
    return abs(count) == 1


def counted(count: int, one: str, other: str, lang: str) -> str:
    """A whole count and its noun, agreeing: "1 replicate", "1,000 replicates", "0 réplication".

    ``one`` and ``other`` are the noun in the singular and the plural (:func:`takes_singular`
    chooses); the count is grouped the language's way ("1 000" in French).
    """
    return f"{localised(f'{count:,}', lang)} {one if takes_singular(count, lang) else other}"


def decimals_shown(value: float, decimals: int = 0, most: int = 3) -> int:
    """The fewest decimals, from ``decimals`` up to ``most``, at which ``value`` is not shown 0.

    An interval on a difference of shares from 0.21 to 3.4 points excludes no change; written
    "0 to 3" it seems to include it. A value that is truly 0 keeps ``decimals``.
    """
    while value != 0 and round(abs(value), decimals) == 0 and decimals < most:
        decimals += 1
    return decimals
