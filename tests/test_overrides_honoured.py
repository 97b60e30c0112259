"""Every actor override either changes the run or is refused with a located error.

Two small wars: an armed group (JNIM) invades a state (Mali), and an outside power (France)
invades Niger, whose Liptako-Gourma allies (Mali among them) owe it help. Runs are compared with
pledges kept as written and with behavioural decisions. Each accepted override is set on the actor of each kind
and must change the records or the series of at least one of a few seeds; each refused one
must stop `sahelsim validate` with exit status 2, naming the file, line, column and path.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sim.model.world import build_world
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.parameters import ACTOR_PARAMETERS
from sim.scenario.vocabulary import ActorKind, Regime

WAR = """\
title: Override probe
start: 2023-10-01
days: 240
actors:
  NER:{NER}
  MLI:{MLI}
  BFA:
  FRA:{FRA}
  JNIM:{JNIM}
pacts:
  liptako-gourma-charter:
events:
  france-invades:
    kind: attack
    date: 2023-10-02
    by: FRA
    target: NER
  jnim-invades:
    kind: attack
    date: 2023-10-02
    by: JNIM
    target: MLI
"""

CHANGED = {  # an override value far from the default or fact-base value
    "forces": 9000,
    "deployable_share": 0.9,
    "effectiveness": 3.0,
    "resolve": 0.05,
    "casualty_tolerance": 0.02,
    "regime": "transitional",
}
ACTOR_OF_KIND = {ActorKind.STATE: "MLI", ActorKind.POWER: "FRA", ActorKind.ARMED_GROUP: "JNIM"}
REFUSED = {
    (ActorKind.POWER, "regime"),
    (ActorKind.POWER, "deployable_share"),
    (ActorKind.ARMED_GROUP, "regime"),
}
OVERRIDES = [*ACTOR_PARAMETERS, "regime"]
SEEDS = range(4)


BASE = {"NER": {}, "MLI": {}, "FRA": {"forces": 20000}, "JNIM": {"forces": 60000}}
"""Attackers strong enough for the wars to last weeks (France breaks first, then JNIM)."""
STRONG_JNIM = {**BASE, "JNIM": {"forces": 150000, "effectiveness": 2.5}}
"""JNIM strong enough that Mali breaks first, so that Mali's own terms decide."""


def _base(kind: ActorKind | None) -> dict:
    return STRONG_JNIM if kind is ActorKind.STATE else BASE


def _text(actor: str | None = None, key: str | None = None, value=None, base=BASE) -> str:
    fills = {a: dict(v) for a, v in base.items()}
    if actor is not None:
        fills[actor][key] = value
    flow = {
        a: (" {" + ", ".join(f"{k}: {v}" for k, v in f.items()) + "}") if f else ""
        for a, f in fills.items()
    }
    return WAR.format(**flow)


def _write(write, actor: str | None = None, key: str | None = None, value=None, base=BASE) -> str:
    return write(_text(actor, key, value, base))


def _fingerprint(path):
    """Records and force series of a few seeds, pledges kept as written and behavioural."""
    runs = [
        run_one(load_scenario(path, commitment), seed)
        for commitment in (["commitment=strict"], ["commitment=behavioural"])
        for seed in SEEDS
    ]
    return [(r.records, r.series.forces) for r in runs]


def _same(a, b) -> bool:
    return all(ra == rb and np.array_equal(fa, fb) for (ra, fa), (rb, fb) in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def baselines(tmp_path_factory):
    out = {}
    for name, base in (("base", BASE), ("strong", STRONG_JNIM)):
        path = tmp_path_factory.mktemp("probe") / f"{name}.yaml"
        path.write_text(_text(base=base))
        out[id(base)] = _fingerprint(path)
    return out


@pytest.mark.parametrize("key", OVERRIDES)
@pytest.mark.parametrize("kind", list(ACTOR_OF_KIND), ids=lambda k: k.value)
def test_each_override_on_each_kind_changes_the_run_or_is_refused(
    kind, key, write, sahelsim, baselines
):
    actor = ACTOR_OF_KIND[kind]
    path = _write(write, actor, key, CHANGED[key], _base(kind))
    baseline = baselines[id(_base(kind))]
    if (kind, key) in REFUSED:
        result = sahelsim("validate", str(path))
        assert result.status == 2
        line = next(ln for ln in result.out.splitlines() if f"actors.{actor}.{key}:" in ln)
        assert line.startswith(f"{path}:")
        assert f"{actor} is {kind.meaning}" in line and "expected no " + key in line
        return
    assert not _same(_fingerprint(path), baseline), f"{actor}.{key} ignored"


def test_forces_on_a_power_scales_its_deployments_present_on_the_start_date(write):
    scenario = load_scenario(_write(write, "FRA", "forces", 3000))
    spec = build_world(scenario, fact_base()).actors["FRA"]
    strengths = {(d.host, d.arrived, d.left): d.strength for d in spec.deployments}
    assert spec.forces == 3000
    # France had 1,500 in Niger on 1 Oct 2023, the only host among the actors: doubled.
    assert strengths[("NER", dt.date(2014, 8, 1), dt.date(2023, 12, 22))] == 3000
    # Mali is an actor too, but France had left it in Aug 2022: its figure is kept.
    assert strengths[("MLI", dt.date(2014, 8, 1), dt.date(2022, 8, 15))] == 2400


def test_forces_on_a_power_with_nothing_deployed_on_the_start_date_is_refused(write, sahelsim):
    path = write(
        WAR.format(NER="", MLI="", FRA="", JNIM="")
        .replace("start: 2023-10-01", "start: 2024-01-10")
        .replace("date: 2023-10-02", "date: 2024-01-12")
        .replace("  FRA:", "  FRA: {forces: 900}")
    )
    result = sahelsim("validate", str(path))
    assert result.status == 2
    assert f"{path}:8:17: actors.FRA.forces: FRA has no forces of known strength" in result.out


def test_a_state_s_regime_and_forces_are_those_in_force_on_the_start_date():
    facts = fact_base()
    nga, mli = facts.states["NGA"], facts.states["MLI"]
    assert nga.regime_on(dt.date(1995, 1, 1)) is Regime.MILITARY  # Abacha
    assert nga.regime_on(dt.date(2000, 1, 1)) is Regime.CIVILIAN
    assert mli.regime_on(dt.date(2020, 10, 1)) is Regime.TRANSITIONAL  # Bah N'Daw
    assert mli.regime_on(dt.date(2021, 6, 1)) is Regime.MILITARY
    assert facts.states["TGO"].regime_on(dt.date(2005, 2, 10)) is Regime.MILITARY
    assert facts.states["GIN"].regime_on(dt.date(2009, 6, 1)) is Regime.MILITARY
    assert facts.states["NER"].regime_on(dt.date(2010, 6, 1)) is Regime.MILITARY
    assert facts.states["BFA"].regime_on(dt.date(2015, 6, 1)) is Regime.TRANSITIONAL
    assert facts.states["BFA"].regime_on(dt.date(1990, 7, 14)) is Regime.MILITARY  # Compaore
    assert facts.states["LBR"].regime_on(dt.date(1990, 7, 14)) is Regime.CIVILIAN  # Doe, elected
    assert facts.states["NGA"].regime_on(dt.date(1990, 7, 14)) is Regime.MILITARY  # Babangida
    assert mli.forces_on(dt.date(1995, 1, 1)) is mli.forces_series[0]  # before: the oldest


def test_a_start_before_a_state_s_known_regimes_needs_the_regime_set(write, sahelsim):
    text = WAR.format(NER="", MLI="", FRA="", JNIM="").replace(
        "start: 2023-10-01", "start: 1986-03-01"
    )
    text = text.replace("date: 2023-10-02", "date: 1986-03-02").replace("  FRA:\n", "")
    text = text.replace("    by: FRA\n", "    by: BFA\n")
    result = sahelsim("validate", str(write(text)))
    assert result.status == 2
    assert "actors.BFA: the fact base knows BFA's regime only from 1987-10-15" in result.out
    fixed = text.replace("  NER:\n", "  NER: {regime: military}\n")
    fixed = fixed.replace("  MLI:\n", "  MLI: {regime: military}\n")
    fixed = fixed.replace("  BFA:\n", "  BFA: {regime: military}\n")
    assert load_scenario(write(fixed, "fixed.yaml")).actors["BFA"].regime is Regime.MILITARY
