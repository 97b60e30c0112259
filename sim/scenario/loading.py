"""Loading a scenario: read it, resolve ``extends:`` and ``--set``, validate, freeze.

``load_scenario("niger-2023-intervention", ["parameters.honour_base_rate=0.5"])`` returns one
frozen :class:`~sim.scenario.schema.Scenario` in which nothing is inherited or overridden any
more, or raises :class:`~sim.errors.ScenarioError` listing *every* problem, each located in the
file (or the ``--set``) the offending value came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sim.errors import (
    InputError,
    Joined,
    Location,
    Named,
    Problem,
    SahelsimError,
    ScenarioError,
    Text,
    did_you_mean,
    nearest,
    one_of,
)
from sim.resources import scenarios_dir
from sim.scenario.facts import FactBase, fact_base
from sim.scenario.references import KEYED, check_references
from sim.scenario.schema import (
    Attack,
    Coup,
    Deployment,
    InlineActor,
    InlinePact,
    PactChange,
    Request,
    Scenario,
    ThirdPartyForce,
    Threat,
    fights_as_guerrillas,
)
from sim.scenario.validation import problems_from_validation
from sim.scenario.vocabulary import ActorKind, AttackScale, CasusFoederis, Obliged
from sim.scenario.yamlfile import NOT_REGULAR, LocatedDocument, Path_, parse_yaml, read_yaml

MAX_EXTENDS = 16
"""Longest chain of ``extends:`` followed before giving up."""


@dataclass
class MergedDocument:
    """A scenario document after ``extends:`` and ``--set``, remembering each value's origin.

    ``layers`` runs from the most basic file to the last ``--set``; a value's origin is the
    last layer that wrote it.
    """

    data: dict[str, Any]
    name: str
    layers: list[LocatedDocument] = field(default_factory=list)

    def origin(self, path: Path_, *, key: bool = False) -> Location | None:
        """Where the value (or with ``key``, the key) at ``path`` was last written.

        Falls back to the nearest written ancestor.
        """
        probe = tuple(path)
        if key:
            for layer in reversed(self.layers):
                if probe in layer.keys:
                    return layer.keys[probe]
        while True:
            for layer in reversed(self.layers):
                if probe in layer.values:
                    return layer.values[probe]
            if not probe:
                return None
            probe = probe[:-1]

    def as_document(self) -> LocatedDocument:
        """The merged data as one located document (positions from the top layer)."""
        top = self.layers[-1] if self.layers else LocatedDocument(self.data, self.name)
        return LocatedDocument(self.data, self.name, top.values, top.keys)


HISTORY = "history"
"""The folder of ``scenarios/`` holding one scenario per historical episode."""

HELD_OUT = "held-out"
"""The folder of ``scenarios/`` holding the held-out episodes: scored, never fitted."""


def episode_path(name: str) -> Path | None:
    """The file of the episode of scenarios/history/ or held-out/ called ``name``, if any."""
    for folder in (HISTORY, HELD_OUT):
        candidate = scenarios_dir() / folder / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    return None


def bundled_path(name: str) -> Path | None:
    """The file of a bundled scenario or lesson called ``name``, if there is one."""
    root = scenarios_dir()
    for candidate in (root / f"{name}.yaml", root / "lessons" / f"{name}.yaml"):
        if candidate.is_file():
            return candidate
    return None


def bundled_names() -> list[str]:
    """Names of the bundled scenarios, then the lessons."""
    root = scenarios_dir()
    names = sorted(p.stem for p in root.glob("*.yaml"))
    names += sorted(p.stem for p in (root / "lessons").glob("*.yaml"))
    return names


def locate(source: str | Path) -> tuple[Path, str]:
    """Find a scenario given as a path or a bundled name; return its path and display name."""
    text = str(source)
    path = Path(text)
    if path.suffix in {".yaml", ".yml"} or path.exists() or "/" in text:
        return path, text
    # A historical episode is found by its name too, as the backtest finds it.
    found = bundled_path(text) or episode_path(text)
    if found is None:
        names = bundled_names()
        episodes = sorted(
            p.stem
            for folder in (HISTORY, HELD_OUT)
            for p in (scenarios_dir() / folder).glob("*.yaml")
        )
        guess = nearest(text, [*names, *episodes])  # "liberia-199" is an episode's slip
        message = Text(
            "{name}: no such file and no bundled scenario of that name (nor an episode of "
            "scenarios/{history}/ or {held_out}/); expected a path to a YAML file or {choices}",
            name=text,
            history=HISTORY,
            held_out=HELD_OUT,
            choices=one_of(names),
        )
        raise InputError(did_you_mean(message, guess))
    return found, f"scenarios/{found.relative_to(scenarios_dir())}"


def load_scenario(
    source: str | Path,
    overrides: Sequence[str] = (),
    *,
    facts: FactBase | None = None,
) -> Scenario:
    """Load, resolve and validate a scenario (a path or a bundled name).

    Large files are first read fast, without positions; if anything is wrong the files are
    read again with positions so that every problem is located.
    """
    facts = facts or fact_base()
    try:
        return validate_document(resolve_document(source, overrides, fast=True), facts)
    except ScenarioError:
        return validate_document(resolve_document(source, overrides), facts)


def resolve_document(
    source: str | Path, overrides: Sequence[str] = (), *, fast: bool = False
) -> MergedDocument:
    """Read a scenario and everything it extends, then apply ``--set`` overrides."""
    path, name = locate(source)
    layers = _read_chain(path, name, fast)
    data: dict[str, Any] = {}
    for layer in layers:
        kept = {k: v for k, v in data.items() if k not in REPLACED_WHOLE or k not in layer.data}
        kept.pop(NOT_INHERITED, None)
        data = _merge(_retitled(kept, layer.data), layer.data)
    data.pop("extends", None)
    merged = MergedDocument(data, name, layers)
    for text in overrides:
        apply_override(merged, text)
    return merged


def validate_document(merged: MergedDocument, facts: FactBase) -> Scenario:
    """Validate a merged document against the schema and the fact base."""
    doc = merged.as_document()
    problems: list[Problem] = []
    scenario = None
    try:
        scenario = Scenario.model_validate(merged.data)
    except ValidationError as exc:
        found = problems_from_validation(exc, doc, model=Scenario, origin=merged.origin)
        problems += [_dropped_french(merged, p) for p in found]
    for path, message, value, expected, suggestion in check_references(merged.data, facts):
        is_key = len(path) == 2 and path[0] in KEYED
        where = merged.origin(path, key=is_key) or doc.where(path)
        dotted = ".".join(str(p) for p in path)
        problems.append(Problem(where, dotted, message, value, expected, suggestion))
    if problems:
        raise ScenarioError(_dedupe(problems))
    assert scenario is not None
    remember_names(scenario, facts)
    return scenario


def _dropped_french(merged: MergedDocument, problem: Problem) -> Problem:
    """A French text found missing because a later layer rewrote its English says so.

    A variant (or a ``--set``) that renames an inline actor drops the parent's ``name_fr``,
    written for the old name (``_merge``), and the schema then asks for one: the user is told
    why the parent's does not count.
    """
    french = problem.path.rpartition(".")[2]
    template = getattr(problem.message, "template", "")
    if not french.endswith("_fr") or template != "missing required field {field!r}":
        return problem
    path = tuple(problem.path.split("."))
    if not any(path in layer.keys for layer in merged.layers):
        return problem
    expected = Text(
        "a {french} for the new {text}: the one written for the old {text} was dropped with it",
        french=french,
        text=french.removesuffix("_fr"),
    )
    return replace(problem, expected=expected)


def remember_names(scenario: Scenario, facts: FactBase | None = None) -> None:
    """Let the stories and figures of this process name what ``scenario`` defines itself.

    Loading a file does it; so must code that rebuilds a scenario from a results bundle's
    ``scenario.yaml`` (``sahelsim report`` in a fresh process), or a reader's Boko Haram, ``BH``,
    is told by its id, with troops for fighters. A file's own Cameroon or Boko Haram is named as
    the fact base names them, in every process, whatever else was loaded
    (references.ADDED_LATER).
    """
    facts = facts or fact_base()
    _INLINE_PACTS.update(
        (p, pact) for p, pact in scenario.pacts.items() if isinstance(pact, InlinePact)
    )
    _INLINE_ACTORS.update(
        (a, entry)
        for a, entry in scenario.actors.items()
        if isinstance(entry, InlineActor) and a not in facts.actor_ids
    )
    # The kind of every actor the file defines, its own Boko Haram (a rebel army, say) too
    _INLINE_KINDS.update(
        (a, entry.kind) for a, entry in scenario.actors.items() if isinstance(entry, InlineActor)
    )


# What the scenarios loaded in this process define themselves, for the story to name: if two
# scenarios define the same id, the last one loaded names it.
_INLINE_ACTORS: dict[str, InlineActor] = {}
_INLINE_KINDS: dict[str, ActorKind] = {}
_INLINE_PACTS: dict[str, InlinePact] = {}


def inline_pact_name_fr(pact_id: str) -> str | None:
    """The French name of a pact a scenario loaded in this process defines, if it gives one."""
    pact = _INLINE_PACTS.get(pact_id)
    return pact.name_fr if pact is not None else None


def fights_with_fighters(actor_id: str) -> bool:
    """Whether ``actor_id``'s forces are fighters, not troops: a belligerent or an armed group.

    One a scenario loaded in this process defines, or one of the fact base's armed groups.
    """
    kind = _INLINE_KINDS.get(actor_id)
    if kind is not None:
        return kind in (ActorKind.BELLIGERENT, ActorKind.ARMED_GROUP)
    return actor_id in fact_base().armed_groups


def is_armed_group(actor_id: str) -> bool:
    """Whether ``actor_id`` is an armed group: one a loaded scenario defines, or the fact base's.

    A file's own definition wins over the fact base's, even of an id the fact base has (a
    reader's Boko Haram written as a rebel army is one).
    """
    kind = _INLINE_KINDS.get(actor_id)
    if kind is not None:
        return kind is ActorKind.ARMED_GROUP
    return actor_id in fact_base().armed_groups


def inline_capitals() -> dict[str, tuple[float, float]]:
    """(lon, lat) of the capital of each state a scenario loaded in this process defines.

    The map draws its arrows between capitals: a file's own state, given one, is drawn like
    the fact base's (one the fact base has keeps the fact base's, as its name does).
    """
    return {
        a: (entry.capital.lon, entry.capital.lat)
        for a, entry in _INLINE_ACTORS.items()
        if entry.kind is ActorKind.STATE and entry.capital is not None
    }


def inline_actor_name(actor_id: str) -> tuple[str, str] | None:
    """The English and French names of an actor a scenario loaded in this process defines.

    None for any other id.
    """
    entry = _INLINE_ACTORS.get(actor_id)
    return (entry.name, entry.name_fr) if entry is not None else None


def _dedupe(problems: list[Problem]) -> list[Problem]:
    # An id that is both malformed and unknown is one mistake: the "unknown" message, which
    # lists the ids and suggests the nearest, says it best.
    unknown = {p.path for p in problems if p.message.startswith("unknown actor")}
    problems = [p for p in problems if not (p.path in unknown and p.message == "not a valid id")]
    seen, out = set(), []
    for p in problems:
        key = (p.location, p.path, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _read_chain(path: Path, name: str, fast: bool = False) -> list[LocatedDocument]:
    """The file and its ``extends:`` ancestors, most basic first."""
    chain: list[LocatedDocument] = []
    seen: list[Path] = []
    while True:
        doc = read_yaml(path, name=name, fast=fast)
        if not isinstance(doc.data, dict):
            raise ScenarioError(
                [
                    Problem(
                        doc.where(()),
                        "",
                        Text("a scenario must be a mapping of fields"),
                        type(doc.data).__name__,
                        Text("keys such as title, start, actors"),
                    )
                ]
            )
        chain.append(doc)
        seen.append(path.resolve())
        parent = doc.data.get("extends")
        if parent is None:
            break
        where = doc.where(("extends",))
        if not isinstance(parent, str) or not parent.strip():
            raise ScenarioError(
                [
                    Problem(
                        where,
                        "extends",
                        Text("wrong value"),
                        parent,
                        Text("a bundled scenario's name or a relative path"),
                    )
                ]
            )
        path, name = _parent_path(parent, path, where)
        if path.resolve() in seen:
            cycle = " -> ".join(p.name for p in [*seen, path.resolve()])
            raise ScenarioError(
                [
                    Problem(
                        where,
                        "extends",
                        Text("extends itself in a cycle ({cycle})", cycle=cycle),
                        parent,
                        Text("a chain that ends in a scenario without extends"),
                    )
                ]
            )
        if len(chain) >= MAX_EXTENDS:
            raise ScenarioError(
                [
                    Problem(
                        where,
                        "extends",
                        Text("more than {most} levels of extends", most=MAX_EXTENDS),
                        parent,
                    )
                ]
            )
    return list(reversed(chain))


def _parent_path(parent: str, child: Path, where: Location) -> tuple[Path, str]:
    if parent.endswith((".yaml", ".yml")) or "/" in parent:
        target = child.parent / parent
        if not target.is_file():
            raise ScenarioError(
                [
                    Problem(
                        where,
                        "extends",
                        NOT_REGULAR if target.exists() else Text("file not found"),
                        parent,
                        Text("a path relative to the extending file"),
                    )
                ]
            )
        return target, str(Path(where.file).parent / parent) if where.file else parent
    bundled = bundled_path(parent)
    if bundled is None:
        names = bundled_names()
        raise ScenarioError(
            [
                Problem(
                    where,
                    "extends",
                    Text("no bundled scenario of that name"),
                    parent,
                    one_of(names),
                    nearest(parent, names),
                )
            ]
        )
    return bundled, f"scenarios/{bundled.relative_to(scenarios_dir())}"


NOT_INHERITED = "observed"
"""A top-level section a variant never takes from its parent: what happened in an episode is that
episode's record, and a variant of it (a counterfactual) did not happen."""

REPLACED_WHOLE = frozenset({"teaching"})
"""Top-level sections that a variant restates whole rather than merges: teaching notes (and their
translation) are written for one scenario, and half of a parent's would mislead."""


def _merge(base: Any, over: Any) -> Any:
    """Deep-merge mappings; anything else in ``over`` replaces what ``base`` had.

    A text and its French travel together: where ``over`` rewrites a text (``note``, ``title``,
    ``name``...) and not its ``_fr``, the French ``base`` gave for the old text is dropped.
    """
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = _merge(base.get(key), value) if key in base else value
            if f"{key}_fr" in base and f"{key}_fr" not in over:
                del out[f"{key}_fr"]
        return out
    return over


def _retitled(inherited: dict, layer: dict) -> dict:
    """``inherited`` without its teaching notes' French title if ``layer`` retitles the scenario.

    A variant's own title (or French title) names it in French, not its parent's notes.
    """
    notes = inherited.get("teaching")
    retitled = "title" in layer or "title_fr" in layer
    if not retitled or "teaching" in layer or not isinstance(notes, dict):
        return inherited
    french = notes.get("fr")
    if not isinstance(french, dict) or "title" not in french:
        return inherited
    untitled = {k: v for k, v in french.items() if k != "title"}
    return {**inherited, "teaching": {**notes, "fr": untitled}}


class FlaggedOverride(str):
    """A ``PATH=VALUE`` given under a flag other than ``--set``, which messages name.

    ``compare --set-b`` changes B alone; a mistake in it is said to be in ``--set-b``.
    """

    def __new__(cls, text: str, flag: str) -> FlaggedOverride:
        """The override ``text``, remembering the ``flag`` it was given under."""
        override = super().__new__(cls, text)
        override.flag = flag
        return override


def apply_override(merged: MergedDocument, text: str) -> None:
    """Apply one ``--set PATH=VALUE`` to a merged document.

    ``VALUE`` is read as YAML (``0.5``, ``strict``, ``false``, ``[NGA, SEN]``, ``2023-09-01``).
    Mappings on the way are created; a path through a value that is not a mapping is an error.
    """
    label = f"{getattr(text, 'flag', '--set')} {text}"
    path_text, sep, value_text = text.partition("=")
    path_text = path_text.strip()
    if not sep or not path_text:
        raise InputError(
            Text("{label}: expected PATH=VALUE, e.g. parameters.honour_base_rate=0.5", label=label)
        )
    parts: list[str | int] = [p for p in path_text.split(".")]
    if any(not p for p in parts):
        raise InputError(
            Text(
                "{label}: empty part in the path {path!r}; expected names joined by dots",
                label=label,
                path=path_text,
            )
        )
    try:
        value = parse_yaml(value_text.encode() if value_text.strip() else b"null", label).data
    except ScenarioError as exc:
        raise InputError(
            Text(
                "{label}: the value is not valid YAML ({why})",
                label=label,
                why=exc.problems[0].message,
            )
        ) from None
    node: Any = merged.data
    _refuse_switching_no_event(merged.data, parts, label)
    created: list[Path_] = []  # mappings this --set brings into being: it is to blame for them
    for i, part in enumerate(parts[:-1]):
        if isinstance(node, dict):
            if node.get(part) is None:
                node[part] = {}
                created.append(tuple(parts[: i + 1]))
            node = node[part]
        elif isinstance(node, list) and str(part).isdigit() and int(part) < len(node):
            parts[i] = int(part)
            node = node[int(part)]
        else:
            where = ".".join(str(p) for p in parts[:i]) or Text("(document)")
            raise InputError(
                Text(
                    "{label}: cannot go inside {where}, which holds {node!r}",
                    label=label,
                    where=where,
                    node=node,
                )
            )
    last = parts[-1]
    if isinstance(node, dict):
        node[last] = value
        _forget_french(merged, tuple(parts), node)
    elif isinstance(node, list) and str(last).isdigit() and int(last) < len(node):
        parts[-1] = int(last)
        node[int(last)] = value
    else:
        where = ".".join(str(p) for p in parts[:-1]) or Text("(document)")
        raise InputError(
            Text(
                "{label}: cannot set a key inside {where}, which holds {node!r}",
                label=label,
                where=where,
                node=node,
            )
        )
    layer = LocatedDocument(value, label)
    origin = Location(label)
    for path in created:
        layer.values[path] = origin
        layer.keys[path] = origin
    layer.keys[tuple(parts)] = origin
    layer.values[tuple(parts)] = origin
    _mark_below(layer, tuple(parts), value, origin)
    merged.layers.append(layer)


def _refuse_switching_no_event(document: Any, parts: list[str | int], label: str) -> None:
    """Refuse ``--set events.NAME.enabled=...`` when the scenario has no event ``NAME``.

    Switching an event on or off means one of the file's; a misspelt name would otherwise
    create an event with nothing but the switch, refused for its missing ``kind``.
    """
    if len(parts) != 3 or parts[0] != "events" or parts[2] != "enabled":
        return
    events = document.get("events") if isinstance(document, dict) else None
    names = list(events) if isinstance(events, dict) else []
    if parts[1] in names:
        return
    raise InputError(
        did_you_mean(
            Text(
                "{label}: the scenario has no event {name!r} to switch on or off; its events: "
                "{events}",
                label=label,
                name=parts[1],
                events=", ".join(sorted(names)) if names else Text("(no event)"),
            ),
            nearest(str(parts[1]), names),
        )
    )


def _forget_french(merged: MergedDocument, path: Path_, node: dict) -> None:
    """Drop the French of a text that ``--set`` just rewrote, as a variant's rewrite does.

    ``--set title=...`` drops ``title_fr`` and the teaching notes' French title too (``_merge``,
    ``_retitled``); a French the user set by an earlier ``--set`` is theirs, and stays.
    """
    key = path[-1]
    french = f"{key}_fr"
    if not isinstance(key, str) or french not in node:
        return
    written = next(
        (layer.file for layer in reversed(merged.layers) if (*path[:-1], french) in layer.keys),
        "",
    )
    if written.startswith("--"):  # a --set or --set-b layer, named after its flag
        return
    del node[french]
    if path == ("title",):
        merged.data.update(_retitled(merged.data, {"title": node["title"]}))


def _mark_below(layer: LocatedDocument, path: Path_, value: Any, origin: Location) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            layer.values[(*path, key)] = origin
            _mark_below(layer, (*path, key), child, origin)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            layer.values[(*path, i)] = origin
            _mark_below(layer, (*path, i), child, origin)


@dataclass(frozen=True)
class Checked:
    """One scenario source checked: its title if it is valid, else every problem found.

    Attributes:
        source: the path or bundled name as given.
        title: the scenario's title; ``None`` when it is invalid.
        problems: one line per problem, each located (empty when valid), each a
            :class:`~sim.errors.Text` (English as a string) to be said in the user's language.
        notes: what validating notes of a valid scenario (:data:`NOTES`), each a Text too.
        title_fr: the scenario's title in French (its English title when it has none).
    """

    source: str
    title: str | None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    title_fr: str | None = None

    def title_in(self, lang: str) -> str | None:
        """The title in ``lang``: in French its French title, when it has one."""
        return self.title_fr if lang == "fr" else self.title


def check_sources(sources: Iterable[str], overrides: Sequence[str] = ()) -> Iterator[Checked]:
    """Load each source with the overrides and say what is wrong, one source at a time.

    A source that cannot be read or resolved at all (a missing file, an unknown bundled name)
    is one problem; an invalid one lists every problem, as :func:`load_scenario` finds them.
    """
    for source in sources:
        try:
            scenario = load_scenario(source, overrides)
        except ScenarioError as exc:
            yield Checked(source, None, tuple(p.text() for p in exc.problems))
        except SahelsimError as exc:
            yield Checked(source, None, (exc.message,))
        else:
            notes = tuple(note for noting in NOTES for note in noting(scenario))
            yield Checked(source, scenario.title, notes=notes, title_fr=scenario.title_in("fr"))


FIGURE_YEARS = 8
"""A state's armed-forces figure this many years or more from a scenario's start is noted."""


def distant_figures(scenario: Scenario, facts: FactBase | None = None) -> list[str]:
    """The states and armed groups whose forces the scenario reads from a figure far from its start.

    And a fact-base group formed after the start (ISWAP, August 2016), whose fighters the run
    would count before it existed; and a group's figure from before another split from it
    (Boko Haram's of 2015, before ISWAP), which counts both.

    The fact base gives a state the latest figure not after the start's year (the oldest before
    its series), and some series are short (seeds/README.md, Gaps): Mali reads its 2025 figure
    in 2012, Senegal its 2008 figure in 2023. Validating says so, with the override that sets a
    figure of the time; a state whose forces the scenario sets is not noted. An inline actor's
    figure is the scenario's own, with its year, and is noted on the same rule.
    """
    facts = facts or fact_base()
    notes = []
    for actor_id, entry in scenario.actors.items():
        if isinstance(entry, InlineActor):  # the scenario's own cited figure: its year is given
            gap = abs(entry.forces.year - scenario.start.year)
            if gap >= FIGURE_YEARS:
                notes.append(
                    Text(
                        "{name}'s ({actor}) forces are the scenario's own {year} figure "
                        "({value:,.0f}), {gap} years from its start ({start}); check "
                        "actors.{actor}.forces",
                        name=Named(entry.name, actor_id),
                        actor=actor_id,
                        year=entry.forces.year,
                        value=entry.forces.value,
                        gap=gap,
                        start=scenario.start.year,
                    )
                )
            continue
        group = facts.armed_groups.get(actor_id)
        if group is not None and group.formed is not None and scenario.start < group.formed.date:
            notes.append(
                Text(
                    "{name} ({actor}) was formed on {formed} (the fact base), after the "
                    "scenario's start ({start}): the run counts a group that did not yet exist",
                    name=Named(group.name, actor_id),
                    actor=actor_id,
                    formed=group.formed.date,
                    start=scenario.start,
                )
            )
        if getattr(entry, "forces", None) is not None:
            continue
        if actor_id in facts.states:
            name, what = facts.states[actor_id].name, Text("armed forces")
            figure = facts.states[actor_id].forces_on(scenario.start)
        elif group is not None:
            name, what, figure = group.name, Text("fighters"), group.fighters_on(scenario.start)
        else:
            continue
        split = [
            g
            for g in facts.armed_groups.values()
            if g.split_from == actor_id
            and g.formed is not None
            and figure.year < g.formed.date.year
            and g.formed.date <= scenario.start
        ]
        for other in split:  # the figure counts a group that has since split off
            notes.append(
                Text(
                    "{name}'s ({actor}) {what} are the fact base's {year} figure ({value:,.0f}), "
                    "from before {other} ({other_id}) split from it on {split}: it counts both; "
                    "set actors.{actor}.forces to a figure of the time if you have one",
                    name=Named(name, actor_id),
                    actor=actor_id,
                    what=what,
                    year=figure.year,
                    value=figure.value,
                    other=Named(other.name, other.id),
                    other_id=other.id,
                    split=other.formed.date,
                )
            )
        gap = abs(figure.year - scenario.start.year)
        if gap >= FIGURE_YEARS and not split:
            notes.append(
                Text(
                    "{name}'s ({actor}) {what} are the fact base's {year} figure ({value:,.0f}), "
                    "{gap} years from the scenario's start ({start}); set actors.{actor}.forces "
                    "to a figure of the time if you have one",
                    name=Named(name, actor_id),
                    actor=actor_id,
                    what=what,
                    year=figure.year,
                    value=figure.value,
                    gap=gap,
                    start=scenario.start.year,
                )
            )
    return notes


def absent_members(scenario: Scenario, facts: FactBase | None = None) -> list[str]:
    """Organisations whose pacts are in play but whose members the scenario partly leaves out.

    A body's vote is cast by its members that are actors of the scenario, and only those can
    pledge or send forces in its name (docs/model.md §7.4): a crisis written with four of
    ECOWAS's fifteen members has the Authority vote with four. That may be what the writer
    means (the others stayed out of it), but a reader who wrote crises by hand did not expect
    it: validating says so, with the members left out. The count is of the fact base's
    memberships on the start day: a suspension or a membership the scenario schedules is not in
    it.
    """
    facts = facts or fact_base()
    bodies: dict[str, list[str]] = {}
    for pact_id, pact in scenario.pacts_in_play(facts).items():
        named = {pact.parties.organisation, *(c.body for c in pact.clauses)}
        for org in sorted(o for o in named if o in facts.organisations):
            bodies.setdefault(org, []).append(pact_id)
    notes = []
    for org, pacts in bodies.items():
        members = facts.organisations[org].active_members(scenario.start)
        missing = [m for m in members if m not in scenario.actors]
        if not missing:
            continue
        present = len(members) - len(missing)
        are = Text("is an actor") if present == 1 else Text("are actors")
        notes.append(
            Text(
                "{org} decides under pacts in play ({pacts}): {present} of its {members} members "
                "in good standing on {start} {are} of the scenario, and only they vote and can "
                "send forces in its name; add the others under actors: to count them ({missing})",
                org=Named(org, org),
                pacts=", ".join(pacts),
                present=present,
                members=len(members),
                start=scenario.start.isoformat(),
                are=are,
                missing=", ".join(missing),
            )
        )
    return notes


def later_pacts(scenario: Scenario, facts: FactBase | None = None) -> list[str]:
    """The pacts in play that come into force during the run, by their date in the fact base.

    A pact covers a war under way from the day it comes into force, not from the war's first
    day (docs/model.md §7.3): a writer who starts a crisis before the Liptako-Gourma Charter (16
    September 2023) should know its clauses come into play only then. A pact the scenario signs
    by a ``pact_signed`` event on or before that date is in force from the event, which says so
    already; a signing after it (after a suspension) leaves the date to note.
    """
    facts = facts or fact_base()
    end = scenario.start + dt.timedelta(days=scenario.days)
    signed: dict[str, dt.date] = {}  # each pact's first signing the scenario schedules
    for _, event in scenario.active_events():
        if isinstance(event, PactChange) and event.kind == "pact_signed":
            signed.setdefault(event.pact, event.date)
    return [
        Text(
            "{pact} comes into force on {date}, within the run: a war under way that day is "
            "covered by it from that day, not from the war's first day (docs/model.md §7.3)",
            pact=pact_id,
            date=pact.starts().isoformat(),
        )
        for pact_id, pact in scenario.pacts_in_play(facts).items()
        if scenario.start < pact.starts() <= end
        and signed.get(pact_id, dt.date.max) > pact.starts()
    ]


def _kind(scenario: Scenario, facts: FactBase, actor_id: str) -> ActorKind | None:
    """What an actor of the scenario is: as it defines it inline, else as the fact base has it."""
    entry = scenario.actors.get(actor_id)
    return entry.kind if isinstance(entry, InlineActor) else facts.kind_of(actor_id)


def answering_pacts(
    scenario: Scenario, facts: FactBase | None = None
) -> dict[str, dict[str, set[str]]]:
    """The fact base's pacts, in force during the run, that would answer the crisis, left out.

    Only the pacts a scenario names are in play (docs/scenarios.md), so a crisis written with
    some of them leaves the others out without a word: a reader who wrote Niger's answer to the
    raids of December 2019 named the G5 Sahel's pacts and not the United States' status-of-forces
    agreement with Niger, then scored the United States' support as observed. Validating names
    each pact left out with a clause that an event of the file would bring into play (a coup
    brings in clauses on unconstitutional changes, an armed group's strike those on rebellion, a
    state's attack or threat those on aggression, a strike on forces abroad those on such
    strikes; a request, those on aggression or rebellion), for a state it protects, and that
    obliges an actor of the file other than that state and the event's authors (a clause that
    names its ``adversaries``, one of them among the authors). Membership of an
    organisation is read on the event's day. A scenario that means to leave a pact out says why
    under ``pacts_left_out:`` (or writes ``{enabled: false}``), and is not noted.
    """
    facts = facts or fact_base()
    rebels = (ActorKind.ARMED_GROUP, ActorKind.BELLIGERENT)  # not a state or a body
    aggression = {CasusFoederis.AGGRESSION, CasusFoederis.AGGRESSION_BETWEEN_MEMBERS}
    rebellion = {CasusFoederis.ARMED_REBELLION}
    # (day, the state concerned, the casus foederis the event could raise, the event's authors)
    concerns: list[tuple[dt.date, str, set[CasusFoederis], set[str | None]]] = []
    for _, event in scenario.active_events():
        if isinstance(event, Attack):
            authors = {event.by, *event.contributors}
            if event.host is not None:
                abroad = {CasusFoederis.ATTACK_ON_FORCES_ABROAD}
                concerns.append((event.date, event.target, abroad, authors))
                concerns.append((event.date, event.host, aggression, authors))
                continue
            kinds = rebellion if _kind(scenario, facts, event.by) in rebels else aggression
            if event.scale is AttackScale.COUP_ATTEMPT:
                kinds = kinds | {CasusFoederis.UNCONSTITUTIONAL_CHANGE}
            concerns.append((event.date, event.target, kinds, authors))
        elif isinstance(event, Threat):
            concerns.append((event.date, event.target, aggression, {event.by, *event.contributors}))
        elif isinstance(event, Coup):
            change = {CasusFoederis.UNCONSTITUTIONAL_CHANGE}
            concerns.append((event.date, event.state, change, {event.by}))
        elif isinstance(event, Request):
            concerns.append((event.date, event.by, aggression | rebellion, {event.against}))
    left: dict[str, dict[str, set[str]]] = {}
    for pact_id, pact in facts.pacts.items():
        if pact_id in scenario.pacts or pact_id in scenario.pacts_left_out:
            continue
        answers: dict[str, set[str]] = {}  # each state protected: the actors obliged toward it
        for day, state, kinds, authors in concerns:
            if pact.starts() > day or (pact.ended is not None and pact.ended <= day):
                continue
            if pact.parties.organisation is not None:
                bound = facts.organisations[pact.parties.organisation].active_members(day)
            else:
                bound = pact.parties.states or []
            present = [a for a in bound if a in scenario.actors]
            if state not in present:
                continue
            for clause in pact.clauses:
                if clause.casus_foederis not in kinds:
                    continue
                if clause.beneficiaries and state not in clause.beneficiaries:
                    continue
                if clause.adversaries and not authors & set(clause.adversaries):
                    continue
                obliged = clause.obliged_states if clause.obliged is Obliged.NAMED else present
                helpers = {a for a in obliged if a in present and a != state} - authors
                if helpers:
                    answers.setdefault(state, set()).update(helpers)
        if answers:
            left[pact_id] = answers
    return left


def pacts_left_out(scenario: Scenario, facts: FactBase | None = None) -> list[str]:
    """The notes ``validate`` gives on the fact base's pacts a scenario left out.

    A pact left out that would answer the crisis (:func:`answering_pacts`) is named with the
    actors it obliges; one both put in play and left out is named as both.
    """
    facts = facts or fact_base()
    left = [
        Text(
            "{pact} ({who})",
            pact=pact_id,
            who=Joined(
                "; ",
                (
                    Text("{helpers} for {state}", helpers=", ".join(sorted(h)), state=s)
                    for s, h in answers.items()
                ),
            ),
        )
        for pact_id, answers in answering_pacts(scenario, facts).items()
    ]
    in_play = scenario.pacts_in_play(facts)
    named = [pact_id for pact_id in scenario.pacts_left_out if pact_id in in_play]
    both = (
        [
            Text(
                "pacts_left_out names {named}, also put in play under pacts:; the run uses it, "
                "and the reason given for leaving it out does not apply",
                named=", ".join(named),
            )
        ]
        if named
        else []
    )
    if not left:
        return both
    return [
        *both,
        Text(
            "pacts of the fact base left out could answer an event of the file (a clause on what "
            "it brings into play, in force that day): {left}; add those that bore on the crisis "
            "under pacts:, and those that did not under pacts_left_out: with the reason",
            left=Joined("; ", left),
        ),
    ]


def absent_adversaries(scenario: Scenario, facts: FactBase | None = None) -> list[str]:
    """Clauses in play that name adversaries none of which is an actor of the file.

    Such a clause can never come into play: a file whose Boko Haram is its own ``BH`` and whose
    task force names ``adversaries: [JAS]`` has a pact that answers nothing.
    """
    facts = facts or fact_base()
    return [
        Text(
            "pacts.{pact} {article} names adversaries ({adversaries}) none of which is an actor "
            "of this scenario: the clause can never come into play",
            pact=pact_id,
            article=clause.article,
            adversaries=", ".join(clause.adversaries),
        )
        for pact_id, pact in scenario.pacts_in_play(facts).items()
        for clause in pact.clauses
        if clause.adversaries and not set(clause.adversaries) & set(scenario.actors)
    ]


def shadowed_actors(scenario: Scenario, facts: FactBase | None = None) -> list[str]:
    """The actors the file defines inline with an id the fact base also has.

    The file's definition is the one the run uses (its forces, regime, where it fights); the
    story names it as the fact base does. A file written before the fact base had Cameroon, Boko
    Haram or ISWAP defined them itself, and keeps its meaning; a writer who meant the fact base's
    actor leaves out ``kind`` and sets overrides.
    """
    facts = facts or fact_base()
    return [
        Text(
            "actors.{actor} is defined in the file and is also the fact base's {name}: the run "
            "uses the file's definition (the story names it as the fact base does); leave out "
            "kind (and the fields of a definition) to use the fact base's, with overrides",
            actor=actor_id,
            name=Named(facts.name_of(actor_id), actor_id),
        )
        for actor_id, entry in scenario.actors.items()
        if isinstance(entry, InlineActor) and actor_id in facts.actor_ids
    ]


def guerrillas(scenario: Scenario) -> list[str]:
    """The rebel armies that will fight their state as guerrillas, and how to say otherwise.

    A rebel army with no ``backers``, not a faction and not a band that rose in the capital
    fights the state it rose in as guerrillas while it is the weaker side (docs/model.md §7.6):
    the army's numbers do not find it. A writer who leaves ``backers`` out because the sources
    were unsure changes how the war is fought; validating says so.
    """
    notes = []
    for actor_id, entry in scenario.actors.items():
        if not isinstance(entry, InlineActor) or entry.kind is not ActorKind.BELLIGERENT:
            continue
        if not fights_as_guerrillas(
            faction=entry.faction_of,
            backers=entry.backers,
            rose_in_capital=entry.rose_in_capital,
            in_the_open=entry.in_the_open,
        ):
            continue
        name = entry.name[:1].upper() + entry.name[1:]
        notes.append(
            Text(
                "{name} ({actor}) has no backer and is no faction: in a war against {state} it "
                "fights as guerrillas while it is the weaker side (docs/model.md §7.6); write its "
                "backers: if a state armed it, rose_in_capital: true for a band that rose in the "
                "capital, or in_the_open: true if the record shows it fighting in the open "
                "(columns, a front)",
                name=Named(name, actor_id),
                actor=actor_id,
                state=entry.in_,
            )
        )
    return notes


def unsaid_escapes(scenario: Scenario) -> list[str]:
    """Strikes that count who struck but not who got away, where the count alone does nothing.

    The body of fighters a victim pursues is those who got away (``escaped``), else all who
    struck (docs/model.md §7.11): at or above ``pursuit_threshold`` (1 by default), a count of
    those who struck changes nothing, and a suicide bombing written ``fighters: 1`` is weighed
    for force. Validating says how to write a strike that left no one.
    """
    threshold = scenario.parameters.pursuit_threshold
    return [
        Text(
            "events.{event}: counts who struck (fighters: {fighters}) but not who got away: at "
            "pursuit_threshold {threshold:g} it is weighed for force as a strike no source "
            "counts; if every striker was killed or taken where they struck (a suicide bombing, "
            "a siege ended by assault), write escaped: 0 (docs/model.md §7.11)",
            event=name,
            fighters=event.fighters,
            threshold=threshold,
        )
        for name, event in scenario.active_events()
        if isinstance(event, Attack)
        and event.scale is AttackScale.INCIDENT
        and event.escaped is None
        and event.fighters is not None
        and event.left_in_field >= threshold  # the count alone polices nothing
    ]


def no_mediators(scenario: Scenario, facts: FactBase | None = None) -> list[str]:
    """The wars no state of the scenario could bring to a ceasefire, each standing in it.

    Only a state of the scenario that fights in no war under way, backs neither side of this one
    and strikes neither on its own can broker a ceasefire in it (docs/model.md §7.8, rule 5). A
    reader who wrote four rebellions by hand wrote two with the government, the rebels and
    their allies only: neither war could end in talks. Each war an invasion starts is looked
    at in turn. Its fighters are its attacker and target, the contributors and defenders the
    event names and every belligerent sworn to fight beside one of them; the backers of each
    fighter back it, and a party whose ``third_party_force`` event strikes a fighter to the end
    of the run strikes it (one with an ``until`` may mediate once it stops). A state fighting
    another invasion of the scenario can mediate only once that war is over, which the note
    says. A rebel army at war that invades another state carries that war there: attacks on
    the day its war began are part of it from the first day, later ones bring in a state that
    could have brokered it until then. A war an organisation starts is not noted: its members'
    part is the run's.
    """
    facts = facts or fact_base()
    inline = {a: e for a, e in scenario.actors.items() if isinstance(e, InlineActor)}

    def fighters(event: Attack) -> set[str]:
        side = {event.by, event.target, *event.contributors, *event.defenders}
        while more := {a for a, e in inline.items() if side.intersection(e.fights_beside)} - side:
            side |= more
        return side

    states = {a for a in scenario.actors if _kind(scenario, facts, a) is ActorKind.STATE}
    events = scenario.active_events()
    by_name = dict(events)
    strikes = [
        (e.party, e.target)
        for _, e in events
        if isinstance(e, ThirdPartyForce) and e.party is not None and e.until is None
    ]

    wars: dict[str, set[str]] = {}
    carried: dict[str, str] = {}  # each belligerent's first war: it carries that war on
    for name, event in events:  # in date order
        if not isinstance(event, Attack) or event.scale is not AttackScale.INVASION:
            continue
        if event.by not in scenario.actors:
            continue
        # One army, one war (SahelModel.carry_war): only when every attacker is already in it.
        parties = {event.by, *event.contributors}
        firsts = {carried.get(a) for a in parties}
        first = firsts.pop() if len(firsts) == 1 else None
        if first is not None:
            if by_name[first].date == event.date:  # the same war from its first day
                wars[first] |= fighters(event)
            # later, the state it attacks joins a war others could broker until then
            continue
        wars[name] = fighters(event)
        for party in (event.by, event.target):
            if _kind(scenario, facts, party) is ActorKind.BELLIGERENT:
                carried.setdefault(party, name)
    rule = Text(
        "a mediator fights in no war, backs neither side and strikes neither (docs/model.md "
        "§7.8, rule 5); if a state mediated, add it under actors:"
    )
    notes = []
    for name, fighting in wars.items():
        event = by_name[name]
        engaged = fighting | {b for a in fighting if a in inline for b in inline[a].backers}
        engaged |= {party for party, target in strikes if target in fighting}
        outside = states - engaged
        elsewhere = sorted(
            other for other, side in wars.items() if other != name and outside & side
        )
        if outside and not outside - set().union(*(wars[other] for other in elsewhere)):
            notes.append(
                Text(
                    "the only states of the scenario standing outside the war events.{event} "
                    "starts ({by} against {target}) fight {others}, so none can broker a "
                    "ceasefire in it while that war goes on: {rule}",
                    event=name,
                    by=event.by,
                    target=event.target,
                    others=", ".join(f"events.{other}" for other in elsewhere),
                    rule=rule,
                )
            )
        elif not outside:
            notes.append(
                Text(
                    "no state of the scenario stands outside the war events.{event} starts ({by} "
                    "against {target}), so none can broker a ceasefire in it: {rule}",
                    event=name,
                    by=event.by,
                    target=event.target,
                    rule=rule,
                )
            )
    return notes


FRENCH_ARTICLES = ("le ", "la ", "les ", "l'")
"""How a French name the stories can contract begins: its article, in lower case."""


def bare_french_names(scenario: Scenario) -> list[str]:
    """The actors the scenario defines whose French name the stories cannot put in a sentence.

    Names are written as they read inside a sentence, and the stories in French put them after
    prepositions, contracting the article as French does (« aux côtés du Portugal »): a name
    written without its article reads « aux côtés de Portugal », and one whose article has a
    capital or a curly apostrophe (« Le Portugal », « l’Algérie ») is not contracted at all. A
    reader who wrote crises by hand wrote Portugal's and Sudan's without. Some names take no
    article (a country such as Israël, an acronym such as AQMI), so it is a note, not an error.
    """
    notes = []
    named_by_facts = set(fact_base().actor_ids)  # a file's own Cameroon: named as the facts do
    for actor_id, entry in scenario.actors.items():
        if not isinstance(entry, InlineActor) or entry.name_fr.startswith(FRENCH_ARTICLES):
            continue
        if actor_id in named_by_facts:
            continue
        written = entry.name_fr.replace("’", "'")
        if written.lower().startswith(FRENCH_ARTICLES):
            fixed = written[:1].lower() + written[1:]
            notes.append(
                Text(
                    "actors.{actor}.name_fr ({name!r}) begins with its article: write it in lower "
                    "case, with a straight apostrophe ({fixed!r}), so that the stories in French "
                    "can contract it after a preposition (du, au, de l')",
                    actor=actor_id,
                    name=entry.name_fr,
                    fixed=fixed,
                )
            )
            continue
        notes.append(
            Text(
                "actors.{actor}.name_fr ({name!r}) has no article: names are written as they read "
                "inside a sentence, and the stories in French put them after prepositions; write "
                "the article if the name takes one (le Portugal, la Libye, l'Algérie, les Comores)",
                actor=actor_id,
                name=entry.name_fr,
            )
        )
    return notes


def twice_deployed(scenario: Scenario, facts: FactBase | None = None) -> list[str]:
    """Scheduled deployments that repeat a posting the fact base already dates to that day.

    The fact base's postings arrive on their own (docs/model.md §5): a scenario that schedules
    the same arrival sends the forces twice.
    """
    facts = facts or fact_base()
    notes = []
    for name, event in scenario.active_events():
        if not isinstance(event, Deployment) or event.power not in facts.powers:
            continue
        for posting in facts.powers[event.power].deployments:
            if posting.host == event.host and posting.arrived == event.date:
                notes.append(
                    Text(
                        "deployment {event} ({date}): the fact base already has {power}'s "
                        "{posting} arriving in {host} that day, so its forces arrive twice; drop "
                        "the event, or set the power's forces",
                        event=name,
                        date=event.date,
                        power=event.power,
                        posting=posting.label,
                        host=event.host,
                    )
                )
    return notes


def idle_requests(scenario: Scenario, facts: FactBase | None = None) -> list[str]:
    """Requests for help that nothing the scenario schedules gives anything to help against.

    A request is answered on its date, against whoever fights the state that asks then
    (docs/model.md §7.1). Without an attack on that state on or before the date, an armed
    group of the scenario operating in it, or a strike on its soil by an armed group or rebels,
    only a war the run itself starts can give it an object: validating says so, since a request
    dated before its war is a likely slip.
    """
    facts = facts or fact_base()
    events = scenario.active_events()
    notes = []
    for name, event in events:
        if not isinstance(event, Request):
            continue
        fighting = {
            who
            for _, e in events
            if isinstance(e, Attack)
            and e.scale is not AttackScale.INCIDENT  # an invasion or a coup attempt
            and e.target == event.by
            and e.date <= event.date
            for who in (e.by, *e.contributors)
        }
        fighting |= {
            a for a, entry in scenario.actors.items() if event.by in _fights_in(a, entry, facts)
        }
        # Armed groups and rebels that struck it on its soil, short of war: help may be asked
        # against them, where they fight or not (docs/model.md §7.1, ``request``).
        fighting |= {
            e.by
            for _, e in events
            if isinstance(e, Attack)
            and e.scale is AttackScale.INCIDENT
            and e.target == event.by
            and e.host is None
            and e.date <= event.date
            and _kind(scenario, facts, e.by) in (ActorKind.ARMED_GROUP, ActorKind.BELLIGERENT)
        }
        if event.against in fighting or (event.against is None and fighting):
            continue
        strikes = [
            e
            for _, e in events
            if isinstance(e, Attack)
            and e.scale is AttackScale.INCIDENT
            and e.target == event.by
            and e.date <= event.date
            and (event.against is None or event.against in (e.by, *e.contributors))
        ]
        by_state = any(e.host is None for e in strikes)  # rebels' strikes there count above
        abroad = any(e.host is not None for e in strikes)
        if event.against:
            why = Text(
                "{against} is not scheduled to invade {state} on or before that day and is no "
                "armed group operating in it",
                against=event.against,
                state=event.by,
            )
        else:
            why = Text(
                "no invasion of {state} is scheduled on or before that day and no armed group of "
                "the scenario operates in it",
                state=event.by,
            )
        if by_state:  # a state's strike short of war starts none: the help is for a war
            why = Text("{why} (an incident by a state starts no war)", why=why)
        elif abroad:  # and a strike on its forces abroad is help it asks where they stand
            why = Text(
                "{why} (a strike on its forces abroad gives nothing to help against at home)",
                why=why,
            )
        notes.append(
            Text(
                "request {event} ({date}): {why}, so it finds nothing to help against unless the "
                "run starts a war by then",
                event=name,
                date=event.date,
                why=why,
            )
        )
    return notes


def _fights_in(actor_id: str, entry: object, facts: FactBase) -> list[str]:
    """The states an armed group of the scenario operates in: the fact base's, or its own."""
    if isinstance(entry, InlineActor):
        return list(entry.operates_in)
    if actor_id in facts.armed_groups:
        return list(facts.armed_groups[actor_id].operates_in.countries)
    return []


NOTES = (
    distant_figures,
    idle_requests,
    twice_deployed,
    absent_members,
    guerrillas,
    unsaid_escapes,
    no_mediators,
    later_pacts,
    pacts_left_out,
    absent_adversaries,
    shadowed_actors,
    bare_french_names,
)
"""What validating notes of a valid scenario, in this order: each takes the scenario and
returns its notes, each a :class:`~sim.errors.Text` (its French is in
:mod:`sim.present.error_words`; ``tests/test_french_errors.py`` fails on a note written as an
English f-string)."""
