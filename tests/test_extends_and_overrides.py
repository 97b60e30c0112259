"""`extends:` chains and `--set` overrides resolve into one frozen scenario, or say why not."""

from __future__ import annotations

import pytest
from conftest import MINIMAL
from pydantic import ValidationError

from sim.errors import InputError, ScenarioError
from sim.scenario.loading import load_scenario
from sim.scenario.schema import PactSwitch


def test_a_bundled_variant_inherits_everything_it_does_not_change():
    base = load_scenario("niger-2023-base")
    variant = load_scenario("niger-2023-no-pact")
    assert variant.actors == base.actors
    assert variant.events == base.events
    assert variant.start == base.start
    assert variant.title != base.title
    assert variant.pacts["liptako-gourma-charter"] == PactSwitch(enabled=False)
    assert base.pacts["liptako-gourma-charter"] is None


def test_a_chain_of_relative_extends(write):
    write(MINIMAL, "base.yaml")
    write("title: Middle\nextends: base.yaml\ndays: 60\n", "middle.yaml")
    top = write("title: Top\nextends: middle.yaml\nactors:\n  MLI:\n    resolve: 0.9\n", "top.yaml")
    scenario = load_scenario(top)
    assert scenario.title == "Top"
    assert scenario.days == 60
    assert scenario.actors["MLI"].resolve == 0.9
    assert set(scenario.actors) == {"NER", "MLI", "NGA"}  # mappings merge key by key
    assert scenario.extends is None  # nothing is inherited any more


def test_a_variant_s_teaching_notes_replace_its_parent_s_whole(write):
    inherits = load_scenario(write("title: Same notes\nextends: niger-2023-base\n", "a.yaml"))
    parent = load_scenario("niger-2023-base").teaching
    # all the notes, but not their French title: retitled, the variant is named by its own
    assert inherits.teaching.fr.title is None and inherits.french_title != parent.fr.title
    french = inherits.teaching.fr.model_copy(update={"title": parent.fr.title})
    assert inherits.teaching.model_copy(update={"fr": french}) == parent
    own = load_scenario(
        write(
            "title: Own notes\nextends: niger-2023-base\n"
            "teaching:\n  what_is_it: A class on Nigeria's choice.\n",
            "b.yaml",
        )
    )
    # no half-inherited notes: neither the parent's questions nor its French translation
    assert own.teaching.what_is_it == "A class on Nigeria's choice."
    assert own.teaching.predict is None and own.teaching.things_to_try == []
    assert own.teaching.fr is None
    assert own.teaching.in_language("fr").what_is_it == "A class on Nigeria's choice."


def test_extends_a_bundled_scenario_from_anywhere(write):
    path = write("title: Strict base\nextends: niger-2023-base\ncommitment: strict\n")
    assert load_scenario(path).commitment.value == "strict"


def test_a_cycle_is_an_error_that_names_the_chain(write):
    write("title: A\nextends: b.yaml\n", "a.yaml")
    path = write("title: B\nextends: a.yaml\n", "b.yaml")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert "extends itself in a cycle (b.yaml -> a.yaml -> b.yaml)" in str(caught.value)
    assert "a.yaml:2:10: extends:" in str(caught.value)


def test_a_missing_parent_is_located_at_the_extends_line(write):
    path = write("title: A\nextends: ../nowhere/base.yaml\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert f"{path}:2:10: extends: file not found; got '../nowhere/base.yaml'" in str(caught.value)


def test_an_unknown_bundled_parent_suggests_the_nearest(write):
    path = write("title: A\nextends: niger-2023-bas\n")
    with pytest.raises(ScenarioError, match="did you mean 'niger-2023-base'"):
        load_scenario(path)


def test_a_problem_inherited_from_a_parent_is_located_in_the_parent(write):
    parent = write(MINIMAL.replace("days: 30", "days: 5000"), "parent.yaml")
    child = write("title: Child\nextends: parent.yaml\n", "child.yaml")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(child)
    assert f"{parent}:3:7: days: wrong value; got 5000" in str(caught.value)


@pytest.mark.parametrize(
    ("override", "check"),
    [
        ("parameters.honour_base_rate=0.5", lambda s: s.parameters.honour_base_rate == 0.5),
        ("actors.NGA.resolve=0.3", lambda s: s.actors["NGA"].resolve == 0.3),
        ("commitment=strict", lambda s: s.commitment.value == "strict"),
        (
            "pacts.liptako-gourma-charter.enabled=false",
            lambda s: s.pacts["liptako-gourma-charter"].enabled is False,
        ),
        (
            "events.ecowas-threat.deadline=2023-09-01",
            lambda s: str(s.events["ecowas-threat"].deadline) == "2023-09-01",
        ),
        ("ensemble.replicates=50", lambda s: s.ensemble.replicates == 50),
    ],
)
def test_set_overrides_reach_any_value(override, check):
    assert check(load_scenario("niger-2023-base", [override]))


def test_an_override_that_breaks_the_scenario_is_blamed(write):
    with pytest.raises(ScenarioError) as caught:
        load_scenario("niger-2023-base", ["parameters.honour_base_rate=1.5"])
    assert (
        "--set parameters.honour_base_rate=1.5: parameters.honour_base_rate: wrong value; got 1.5; expected less than or equal to 1"
        in str(caught.value)
    )


def test_an_override_with_a_misspelt_path_suggests_the_key():
    with pytest.raises(ScenarioError) as caught:
        load_scenario("niger-2023-base", ["parameters.honour_rate=0.5"])
    assert (
        "--set parameters.honour_rate=0.5: parameters.honour_rate: unknown key 'honour_rate'"
        in str(caught.value)
    )
    assert "did you mean 'honour_base_rate'?" in str(caught.value)


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("commitment", "--set commitment: expected PATH=VALUE"),
        ("=3", "--set =3: expected PATH=VALUE"),
        ("parameters..x=3", "empty part in the path"),
        ("days.x=3", "--set days.x=3: cannot set a key inside days, which holds 365"),
        ("days.x.y=3", "--set days.x.y=3: cannot go inside days, which holds 365"),
        ("title=[unclosed", "the value is not valid YAML"),
    ],
)
def test_malformed_overrides_are_input_errors(override, message):
    with pytest.raises(InputError, match=None) as caught:
        load_scenario("niger-2023-base", [override])
    assert message in str(caught.value)


def test_set_on_the_command_line_exits_2_on_bad_values(sahelsim):
    result = sahelsim("validate", "niger-2023-base", "--set", "actors.NGA.resolve=high")
    assert result.status == 2
    assert (
        "--set actors.NGA.resolve=high: actors.NGA.resolve: wrong value; got 'high'" in result.out
    )


def test_the_resolved_scenario_is_frozen():
    scenario = load_scenario("niger-2023-base")
    with pytest.raises(ValidationError, match="frozen"):
        scenario.days = 10
