"""The bundled scenarios and lessons, with their titles, for ``sahelsim list`` and the app."""

from __future__ import annotations

from dataclasses import dataclass

from sim.errors import ScenarioError
from sim.scenario.facts import fact_base
from sim.scenario.loading import bundled_names, locate, resolve_document, validate_document


@dataclass(frozen=True)
class Entry:
    """One bundled scenario: its name, title and the first sentence of its description."""

    name: str
    title: str
    summary: str
    lesson: bool
    invalid: bool = False  # a draft that does not validate, listed as far as it reads


def catalogue(lang: str = "en") -> list[Entry]:
    """Bundled scenarios, then lessons, each resolved through its ``extends:`` chain.

    In French (``lang`` "fr"), each one's French title and the first sentence of its French
    description (every bundled scenario gives both).
    """
    entries = []
    for name in bundled_names():
        try:
            merged = resolve_document(name)
            scenario = validate_document(merged, fact_base())
        except ScenarioError:  # a draft in the folder: listed as far as it reads, the others still
            title, description = _as_written(name, lang)
            invalid = True
        else:
            title = scenario.title_in(lang)
            description = (lang == "fr" and scenario.description_fr) or scenario.description
            invalid = False
        description = " ".join(description.split())
        summary = description.split(". ")[0].rstrip(".") + "." if description else ""
        entries.append(
            Entry(name, title, summary, locate(name)[0].parent.name == "lessons", invalid)
        )
    return entries


def _as_written(name: str, lang: str) -> tuple[str, str]:
    """The title and description of a bundled file that does not validate, as far as they read."""
    try:
        data = resolve_document(name).data
    except ScenarioError:  # not even YAML
        return name, ""

    def text(key: str) -> str:
        value = (lang == "fr" and data.get(f"{key}_fr")) or data.get(key)
        return value if isinstance(value, str) else ""

    return text("title") or name, text("description")
