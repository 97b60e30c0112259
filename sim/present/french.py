"""How French is written wherever sahelsim speaks it: its spacing, and the French of units.

French puts a no-break space before ":" and a thin one before ";", "?", "!" and inside « », and
a thin no-break space in a number's thousands and before its percent sign: :func:`typeset` sets
them in a text. The classroom app's words, the class pages', the errors' and the help's all read
them here: a module of its own, which imports nothing of sahelsim, so that the command line's
errors and the app share it without one importing the other.
"""

from __future__ import annotations

import re

UNITS_FR = {
    "probability": "probabilité",
    "share": "part",
    "log-odds": "logit",  # the narrative's word too
    "ratio": "rapport",
    "log-ratio": "log-rapport",
    "days": "jours",
    "fighters": "combattants",
    "dead": "morts",
    "per day": "par jour",
    "sd": "écart-type",
    "factor": "facteur",
    "personnel": "personnel",
    "0-1": "0-1",
    "z": "z",  # a standard normal score: the symbol is the same in French
    "z per share": "z par part",
    "z per year": "z par an",
}


FRENCH_SPACE = re.compile(r"\s*([:;?!»])|(«)\s*")
NARROW = "\u202f"  # the thin no-break space French puts before ; ? ! (and inside « »)
NO_BREAK = "\u00a0"  # the no-break space French puts before :
FRENCH_NUMBER = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|%)")
"""A plain space in a French number's thousands ("18 064") or before its percent sign.

Numbers the code writes already carry a thin no-break space (:mod:`sim.numbers`); those of
text written by hand (a scenario's or a lesson's notes: "20 000 soldats") get one here."""


ENGLISH_QUOTED = re.compile(r"(?<=\(en anglais\) : « ).*?(?= »)")
"""An English text quoted in a French one (a scenario's note, in :mod:`sim.present.catalogue`'s
``note`` message): it keeps English spacing."""
_KEPT = re.compile("\ue000(\\d+)\ue001")  # where a quoted English text waits to be put back


def typeset(text: str, lang: str) -> str:
    """``text`` with French spacing in French; English as it is.

    A no-break space before ":", a thin one before ";", "?", "!" and inside guillemets, so
    that no mark starts a line. Clock times and addresses ("12:30", "http://") keep their colon.
    English quoted in French (a scenario's note "(en anglais)") keeps its own spacing.
    """
    if lang != "fr":
        return text
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"\ue000{len(kept) - 1}\ue001"  # private-use marks no rule below touches

    french = _french_spacing(ENGLISH_QUOTED.sub(keep, text))
    return _KEPT.sub(lambda m: kept[int(m.group(1))], french)


def _french_spacing(text: str) -> str:
    """French spacing of marks and numbers in ``text`` (see :func:`typeset`)."""

    def space(match: re.Match) -> str:
        mark, opening = match.group(1), match.group(2)
        if opening:
            return opening + NARROW
        before = match.string[match.start() - 1] if match.start() > 0 else ""
        after = match.string[match.end()] if match.end() < len(match.string) else ""
        if mark == ":" and ((before.isdigit() and after.isdigit()) or after == "/"):
            return match.group(0)
        return (NO_BREAK if mark == ":" else NARROW) + mark

    # A number never breaks across lines: "18 064" and "6,1 %" keep a thin no-break space.
    return FRENCH_NUMBER.sub(NARROW, FRENCH_SPACE.sub(space, text))
