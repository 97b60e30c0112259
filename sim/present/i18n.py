"""Words in two languages: messages, names with their articles, dates and numbers.

Everything a reader sees in the narrative goes through here: :func:`t` looks a message up in
:data:`sim.present.catalogue.MESSAGES`; :func:`actor_name`, :func:`actor_phrase` and
:func:`phrase_forms` name actors with the right article and French contractions ("du Mali",
"aux États-Unis"); :func:`date_text`, :func:`percent`, :func:`number` and :func:`decimal`
write dates and numbers the way each language does. No locale module is used, so the text
does not depend on the machine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from sim.numbers import localised, takes_singular
from sim.present.catalogue import (
    EN_ARTICLES,
    FR_ARTICLES,
    MESSAGES,
    MONTHS,
    SHORT_NAMES,
)
from sim.scenario.facts import FormerName, fact_base
from sim.scenario.loading import inline_actor_name
from sim.scenario.vocabulary import Lang

VOWELS = "aeiouyàâäéèêëîïôöùûüœ"  # French elides "de" before these: "d'Oman"

_AS_OF: ContextVar[dt.date | None] = ContextVar("as_of", default=None)
"""The day names are given for: a story of 1974 says Upper Volta, not Burkina Faso."""


@contextmanager
def names_as_of(day: dt.date) -> Iterator[None]:
    """Within the block, states are named as they were on ``day`` (their former names)."""
    token = _AS_OF.set(day)
    try:
        yield
    finally:
        _AS_OF.reset(token)


def _former(actor_id: str) -> FormerName | None:
    """The state's former name in force on the day names are given for, if any."""
    day = _AS_OF.get()
    state = fact_base().states.get(actor_id) if day is not None else None
    return state.former_name_on(day) if state is not None else None


class UnknownMessageError(KeyError):
    """A message id that the catalogue does not hold."""

    def __str__(self) -> str:
        # KeyError quotes its argument; this error's argument is a sentence.
        return str(self.args[0]) if self.args else ""


def as_lang(lang: str | Lang) -> Lang:
    """The :class:`Lang` for ``lang``.

    Raises:
        ValueError: ``lang`` is not a language of the catalogue.
    """
    try:
        return Lang(str(lang).lower())
    except ValueError:
        known = ", ".join(v.value for v in Lang)
        raise ValueError(f"unknown language {lang!r}; use one of: {known}") from None


def has_message(msg_id: str) -> bool:
    """Whether the catalogue holds ``msg_id``."""
    return msg_id in MESSAGES


def t(msg_id: str, lang: str | Lang, **values: object) -> str:
    """The message ``msg_id`` in ``lang``, with ``values`` filled in.

    Values a template does not use are ignored, so callers can pass a role's every form.

    Raises:
        UnknownMessageError: the catalogue has no message ``msg_id``.
        KeyError: the template needs a value that was not given.
    """
    entry = MESSAGES.get(msg_id)
    if entry is None:
        raise UnknownMessageError(f"no message {msg_id!r} in the narrative catalogue")
    template = entry[as_lang(lang).value]
    try:
        return template.format(**values)
    except KeyError as exc:
        raise KeyError(f"message {msg_id!r} needs the value {exc.args[0]!r}") from None


def actor_name(actor_id: str, lang: str | Lang) -> str:
    """An actor's or organisation's name, without article ("Mali", "Côte d'Ivoire").

    Organisations and armed groups take their short names ("ECOWAS", "CEDEAO", "JNIM"); other
    ids take the fact base's ``name`` or ``name_fr``; an unknown id is returned as it is.
    """
    lang = as_lang(lang)
    if actor_id in SHORT_NAMES:
        return SHORT_NAMES[actor_id][lang.value]
    former = _former(actor_id)
    if former is not None:
        return former.name_fr if lang is Lang.FR else former.name
    facts = fact_base()
    for table in (facts.states, facts.powers, facts.armed_groups, facts.organisations):
        if actor_id in table:
            entry = table[actor_id]
            return entry.name_fr if lang is Lang.FR else entry.name
    inline = inline_actor_name(actor_id)  # an actor a loaded scenario defines itself
    if inline is not None:
        return inline[1] if lang is Lang.FR else inline[0]
    return actor_id


def actor_phrase(actor_id: str, lang: str | Lang) -> str:
    """An actor's name with its article, in lower case ("le Mali", "l'Algérie", "the AES")."""
    lang = as_lang(lang)
    articles = FR_ARTICLES if lang is Lang.FR else EN_ARTICLES
    article = articles.get(actor_id, "")
    former = _former(actor_id)
    if former is not None:  # its own article: "la Haute-Volta", where "le Burkina Faso"
        article = former.article_fr if lang is Lang.FR else ""
    return with_article(article, actor_name(actor_id, lang))


def with_article(article: str, name: str) -> str:
    """``name`` after ``article`` ("l'" joins without a space; "" leaves the name bare)."""
    if not article:
        return name
    if name.lower().startswith(f"{article.lower()} "):  # a name written with its article
        return article + name[len(article) :]
    if article.endswith("'") and name.lower().startswith(article.lower()):  # "l'État ..."
        return article + name[len(article) :]
    return f"{article}{name}" if article.endswith("'") else f"{article} {name}"


def is_plural(phrase: str, lang: str | Lang) -> bool:
    """Whether a French noun phrase takes a plural verb ("les États-Unis")."""
    return as_lang(lang) is Lang.FR and phrase.startswith("les ")


def capitalise(text: str) -> str:
    """``text`` with its first letter in upper case (the rest untouched)."""
    return text[:1].upper() + text[1:]


def french_de(phrase: str) -> str:
    """``de`` before a French noun phrase, contracted: "du Mali", "des États-Unis", "d'AES"."""
    if phrase.startswith("le "):
        return "du " + phrase[3:]
    if phrase.startswith("les "):
        return "des " + phrase[4:]
    if phrase[:1].lower() in VOWELS and not phrase.startswith(("la ", "l'")):
        return "d'" + phrase
    return "de " + phrase


def french_a(phrase: str) -> str:
    """``à`` before a French noun phrase, contracted: "au Mali", "aux États-Unis"."""
    if phrase.startswith("le "):
        return "au " + phrase[3:]
    if phrase.startswith("les "):
        return "aux " + phrase[4:]
    return "à " + phrase


def french_in(phrase: str) -> str:
    """The French for "in" a country: "au Mali", "en Algérie", "en Côte d'Ivoire"."""
    if phrase.startswith("la "):
        return "en " + phrase[3:]
    if phrase.startswith("l'"):
        return "en " + phrase[2:]
    return french_a(phrase)


def possessive(phrase: str) -> str:
    """The English possessive: "Mali's", "the United States'"."""
    return phrase + ("'" if phrase.endswith("s") else "'s")


def join_list(items: Sequence[str], lang: str | Lang) -> str:
    """``a, b and c`` / ``a, b et c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t("list.and", lang) + items[-1]


def phrase_forms(
    key: str, phrases: Sequence[str], lang: str | Lang, *, plural: bool | None = None
) -> dict[str, str]:
    """Every form of a role for the catalogue's templates (see :mod:`sim.present.catalogue`).

    Args:
        key: the role's placeholder name, e.g. ``actor``.
        phrases: the noun phrases filling the role (several are joined with "and"/"et", and
            French repeats the preposition before each: "du Mali et de l'Algérie").
        lang: the language.
        plural: whether a French verb after the role is plural; by default, when there are
            several phrases or the one phrase is plural.

    Returns:
        ``{key}``, ``{Key}``, ``{key_de}``, ``{key_a}``, ``{key_en}``, ``{key_poss}`` and
        ``{key_nt}``.
    """
    lang = as_lang(lang)
    phrases = list(phrases)
    if plural is None:
        plural = len(phrases) > 1 or any(is_plural(p, lang) for p in phrases)
    base = join_list(phrases, lang)
    if lang is Lang.FR:
        de = join_list([french_de(p) for p in phrases], lang)
        a = join_list([french_a(p) for p in phrases], lang)
        place = join_list([french_in(p) for p in phrases], lang)
        poss = base
    else:
        de = a = place = base
        poss = possessive(base)
    return {
        key: base,
        capitalise(key): capitalise(base),
        f"{key}_de": de,
        f"{key}_a": a,
        f"{key}_en": place,
        f"{key}_poss": poss,
        f"{key}_nt": "nt" if plural and lang is Lang.FR else "",
    }


def actor_forms(key: str, actor_ids: str | Sequence[str], lang: str | Lang) -> dict[str, str]:
    """:func:`phrase_forms` for one actor id or several."""
    ids = [actor_ids] if isinstance(actor_ids, str) else list(actor_ids)
    return phrase_forms(key, [actor_phrase(a, lang) for a in ids], lang)


def date_text(date: dt.date, lang: str | Lang) -> str:
    """``25 Aug 2023`` / ``25 août 2023`` (and ``1er janv. 2024``)."""
    lang = as_lang(lang)
    month = MONTHS[lang.value][date.month - 1]
    day = "1er" if lang is Lang.FR and date.day == 1 else str(date.day)
    return f"{day} {month} {date.year}"


def counted(n: float, noun: str, lang: str | Lang) -> str:
    """A count and the catalogue's noun ``noun``, agreeing: "1 soldier", "2 troops", "0 jour".

    The catalogue gives the noun as ``NOUN.one`` and ``NOUN.other`` (a template of ``{n}``);
    :func:`sim.numbers.takes_singular` chooses, the one rule for every counted noun.
    """
    whole = round(n)  # the count as written decides: 0.6 troops read "1 soldier"
    return agreeing(noun, whole, lang, n=number(whole, lang))


def agreeing(msg_id: str, by: float, lang: str | Lang, **values: object) -> str:
    """The message ``msg_id.one`` or ``msg_id.other``, as a count of ``by`` takes it."""
    lang = as_lang(lang)
    return t(f"{msg_id}.{'one' if takes_singular(by, lang) else 'other'}", lang, **values)


def days(n: int, lang: str | Lang) -> str:
    """A count of days: "1 day", "8 days"; in French, "0 jour" too (the singular below 2)."""
    return counted(n, "days", lang)


def number(value: float, lang: str | Lang) -> str:
    """A whole number with thousands grouped: ``35,000`` / ``35 000`` (a thin no-break space)."""
    return localised(f"{round(value):,}", as_lang(lang))


def decimal(value: float, lang: str | Lang, digits: int = 2, *, signed: bool = False) -> str:
    """A decimal number: ``0.47`` / ``0,47``; ``signed`` writes ``+1.00`` and ``−0.62``."""
    rounded = round(value, digits) + 0.0  # "+ 0.0": a tiny negative reads 0.00, not -0.00
    text = localised(f"{abs(value) if signed else rounded:.{digits}f}", as_lang(lang))
    if signed:
        text = ("−" if value < 0 and float(f"{abs(value):.{digits}f}") > 0 else "+") + text
    return text


def short_decimal(value: float, lang: str | Lang) -> str:
    """A decimal number without trailing zeros: ``1.5`` / ``1,5``."""
    return localised(f"{value:g}", as_lang(lang))


def share(p: float, lang: str | Lang) -> str:
    """A share as a percentage precise enough to read: ``78%``, ``5.2%``, ``0.07%``."""
    return percent(p, lang, 0 if p >= 0.1 else 1 if p >= 0.01 else 2)


def percent(p: float, lang: str | Lang, decimals: int = 0, *, signed: bool = False) -> str:
    """A share as a percentage: ``78%`` / ``78 %`` (``signed``: ``+6.6%``, ``−0.4 %``).

    French puts a thin no-break space before the sign (:mod:`sim.numbers`).
    """
    lang = as_lang(lang)
    return localised(f"{decimal(100 * p, Lang.EN, decimals, signed=signed)}%", lang)


def some_not_all(p: float, show: Callable[[float], str]) -> str:
    """A share of the replicates shown by ``show``, never rounded to none or all if neither.

    "< 1 %" for a share rounding to 0 %, "> 99 %" for one rounding to 100 %. 1 replicate in 200 is not none: a reader told that 0 % means "no way for it to happen"
    (README) would take it so.
    """
    shown = show(p)
    if 0 < p < 1 and shown == show(0.0):
        return f"< {show(0.01)}"
    if 0 < p < 1 and shown == show(1.0):
        return f"> {show(0.99)}"
    return shown


NOT_IN_PLAY = {"en": "n/a", "fr": "s.o."}
"""What a table shows for an outcome the scenario cannot produce ("sans objet" in French)."""

GIVEN_A_WAR = {"en": "{label}, given a war", "fr": "{label}, quand il y a une guerre"}
"""The label of an outcome counted only over the replicates with a war."""


def not_in_play(lang: str | Lang) -> str:
    """The value ("n/a" in English) of an outcome the scenario cannot produce."""
    return NOT_IN_PLAY[as_lang(lang).value]
