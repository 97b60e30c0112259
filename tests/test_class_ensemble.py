"""The debrief against the model's own runs from the class's start (issue 16).

The shares the projector shows are counted from plain unplayed runs of the scenario, on the
replicate seeds ``sahelsim run --seed SEED`` spawns from the class's seed: counting those runs'
records directly gives the same numbers.
"""

from __future__ import annotations

import pytest
from conftest import class_seed

from sim.model.players import Choice, QuestionKind
from sim.model.records import RecordKind
from sim.present.classroom.ensemble import Decision, model_ensemble
from sim.present.classroom.session import ClassSession
from sim.present.classroom.views import class_view
from sim.run.plan import replicate_seeds
from sim.run.posterior import drawn_by_default
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

SCENARIO = "niger-2023-base"
SEED = class_seed()  # a world where ECOWAS is asked (conftest.py)
RUNS = 60
ECOWAS_ATTACKS = Decision("ECOWAS", QuestionKind.ATTACK, "NER")
NIGER_CONCEDES = Decision("NER", QuestionKind.CONCESSION, "ECOWAS")


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_shares_are_counted_from_the_plain_unplayed_runs(tmp_path):
    # Without the AES pact, against the lower estimate of Niger's army (20,000, as in Lesson 1),
    # ECOWAS attacks in some runs and not in others: shares worth counting (at the fact base's
    # 40,000 the fitted ECOWAS holds back in almost every run).
    tempted = tmp_path / "tempted.yaml"
    tempted.write_text("extends: niger-2023-no-pact\nactors:\n  NER:\n    forces: 20000\n")
    scenario = str(tempted)
    root = class_seed(scenario)
    session = ClassSession(scenario, seed=root, code="KT4R2M", ensemble_runs=RUNS)
    counts = session.ensemble.result()
    loaded = load_scenario(scenario)
    attacked = conceded = 0
    for seed in replicate_seeds(root, RUNS):
        records = run_one(drawn_by_default(loaded, seed), seed).records
        attacked += any(
            r.kind is RecordKind.ATTACK_DECIDED and r.actor == "ECOWAS" for r in records
        )
        conceded += any(r.kind is RecordKind.CONCEDED and r.actor == "NER" for r in records)
    assert counts.runs == RUNS
    assert counts.made(ECOWAS_ATTACKS, Choice.ATTACK) == attacked
    assert counts.made(NIGER_CONCEDES, Choice.CONCEDE) == conceded
    # Niger faces the threat in every run; ECOWAS in every run where Niger had not given in by
    # its deadline (one that gives in later does so after ECOWAS's choice on the deadline), and
    # there it attacks or does not
    assert counts.faced(NIGER_CONCEDES) == RUNS
    faced = counts.faced(ECOWAS_ATTACKS)
    assert RUNS - conceded <= faced <= RUNS
    assert counts.made(ECOWAS_ATTACKS, Choice.STAND_DOWN) == faced - attacked
    assert 0 < attacked < faced  # the comparison says something


def test_the_debrief_tells_how_often_the_models_states_chose_as_the_class():
    clock = Clock()
    session = ClassSession(
        SCENARIO, seed=SEED, clock=clock, code="KT4R2M", ensemble_runs=RUNS, timeout=30
    )
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    session.step(400)
    assert class_view(session, "en")["comparison"] is None  # not before the end
    session.decide(awa.token, session.ask_for(awa).id, "stand_down")
    while not session.worlds[0].finished:
        clock.now += 60
        session.tick()
        session.step(400)
    counts = session.ensemble.result()
    faced = counts.faced(ECOWAS_ATTACKS)
    share = round(100 * counts.made(ECOWAS_ATTACKS, Choice.STAND_DOWN) / faced)
    [line] = class_view(session, "en")["worlds"][0]["debrief"]["ensemble"]["lines"]
    assert line == (
        "ECOWAS (Authority of Heads of State) — its use of force against Niger: your class's choice: "
        f"no attack. The model made the same choice in {share}% of the {faced} runs where it "
        "faced it."
    )
    [french] = class_view(session, "fr")["worlds"][0]["debrief"]["ensemble"]["lines"]
    assert french.startswith(
        "CEDEAO (Conférence des chefs d'État) — son recours à la force contre le Niger"
    )
    assert f"dans {share}\u202f% des {faced} réplications" in french  # never split from its %
    # and the worlds side by side: no war where ECOWAS stood down
    [column] = class_view(session, "en")["comparison"]["columns"]
    assert column["choices"] == ["ECOWAS (Authority of Heads of State): no attack"]
    assert (column["war"], column["model"]) == ("No war", "0 of 1")


def test_states_more_inclined_to_honour_honour_in_more_of_the_models_runs():
    mali = Decision("MLI", QuestionKind.OBLIGATION, "NER", "liptako-gourma-charter:art6")
    honoured = {}
    for rate in (0.2, 0.9):
        loaded = load_scenario("niger-2023-intervention", [f"parameters.honour_base_rate={rate}"])
        counts = model_ensemble(loaded, SEED, ["MLI"], runs=20)
        assert counts.faced(mali) == 20, counts.counts.keys()
        honoured[rate] = counts.made(mali, Choice.HONOUR)
    assert honoured[0.9] > honoured[0.2]


def test_counting_that_fails_says_so_instead_of_counting_for_ever():
    from sim.present.classroom.ensemble import Background

    counting = Background(None, 1, ["NER"], runs=2)  # no scenario: the counting fails
    counting.start()
    counting._thread.join(timeout=60)
    assert counting.failed and not counting.ready


def test_a_posterior_given_for_a_class_run_on_single_values_is_refused(tmp_path):
    from sim.errors import InputError
    from sim.present.classroom.runfile import ClassRun

    run = ClassRun("niger-2023-base", 1, 1, {}, {"source": "point"})
    assert run.posterior() is None
    with pytest.raises(InputError, match="single values"):
        run.posterior(tmp_path / "posterior.csv")
