"""A noun counted by a number agrees with it: "1 soldier", "2 troops", "0 militaire".

One rule decides everywhere (:func:`sim.numbers.takes_singular`): English takes the singular
for 1 alone, French for any count below 2, 0 included. A newcomer read "the equivalent of 1
troops" in a story; the story, ``explain``, the run's summary and its report all write their
counts through the rule.
"""

from __future__ import annotations

import re

import pytest

from sim.numbers import counted, takes_singular

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("count", "english", "french"),
    [
        (0, "0 replicates", "0 réplication"),
        (1, "1 replicate", "1 réplication"),
        (2, "2 replicates", "2 réplications"),
        (18064, "18,064 replicates", f"18{NNBSP}064 réplications"),
    ],
)
def test_one_rule_for_every_count(count, english, french):
    assert counted(count, "replicate", "replicates", "en") == english
    assert counted(count, "réplication", "réplications", "fr") == french


def test_french_keeps_the_singular_below_two_and_english_for_one_alone():
    assert [takes_singular(x, "fr") for x in (0, 0.5, 1, 1.5, 2, 3)] == [1, 1, 1, 1, 0, 0]
    assert [takes_singular(x, "en") for x in (0, 0.5, 1, 1.5, 2, 3)] == [0, 0, 1, 0, 0, 0]


LENT = re.compile(r"(?:the equivalent of|l'équivalent de) ([^ ]+ \w+)")
STORY = (
    "explain", "aes-insurgency", "--seed", "0", "--parameters", "point",
    "--set", "parameters.non_military_lending_share=0.0002",
    "--set", "parameters.support_lending_share=0.0002",
)  # fmt: skip
"""A story in which the partners of Burkina Faso lend it 1, 2 and 0 troops' worth of help."""


@pytest.mark.parametrize(
    ("lang", "lent", "rebels"),
    [
        ("en", ["1 soldier", "2 troops", "0 troops"], "grew there to 6,359 fighters"),
        (
            "fr",
            ["1 militaire", "2 militaires", "0 militaire"],
            f"désormais 6{NNBSP}359 combattants",
        ),
    ],
)
def test_the_story_counts_soldiers_and_fighters_in_good_grammar(sahelsim, lang, lent, rebels):
    told = sahelsim(*STORY, "--lang", lang)
    assert told.status == 0, told.err
    assert LENT.findall(told.out) == lent
    assert rebels in told.out


@pytest.mark.parametrize(
    ("lang", "head", "meta"),
    [
        ("en", ": 1 replicate, root seed 2", "1 replicate · root seed 2 · "),
        ("fr", " : 1 réplication, graine 2", "1 réplication · graine 2 · "),
    ],
)
def test_a_run_of_one_replicate_says_one_replicate_in_its_summary_and_report(
    sahelsim, tmp_path, lang, head, meta
):
    out = tmp_path / "one"
    ran = sahelsim(
        "run", "gambia-2017", "-n", "1", "--seed", "2", "--out", str(out), "--lang", lang
    )
    assert ran.status == 0, ran.err
    assert head in " ".join(ran.out.split())  # the terminal may fold the line
    assert f'<p class="meta">{meta}' in (out / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "Every point ran the same replicate seed (common", "the same 3 replicate seeds"),
        ("fr", "calculé avec la même graine de réplication (nombres", "les mêmes 3 graines de"),
    ],
)
def test_a_sweep_of_one_replicate_per_point_says_the_same_seed(sahelsim, tmp_path, lang, one, many):
    """With -n 1 the sweep's footer read "the same 1 replicate seeds"; one point left out of
    the table was "1 more points"."""
    import io
    import json

    from rich.console import Console

    from sim.analysis.sensitivity import is_share
    from sim.present.sweep_figures import print_sweep

    def footer(n: str) -> str:
        out = tmp_path / f"{lang}{n}"
        ran = sahelsim("sweep", "gambia-2017", "--param", "parameters.honour_base_rate=0:1:2",
                       "-n", n, "--seed", "1", "--no-figures", "--lang", lang, "--out", str(out))  # fmt: skip
        assert ran.status == 0, ran.err
        return " ".join(ran.out.split())

    assert one in footer("1")
    assert many in footer("3")
    out = tmp_path / f"{lang}3"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    shares = {c: is_share(out / "results.csv", c) for c in manifest["outcomes"]}
    console = Console(width=300, record=True, file=io.StringIO())
    print_sweep(out, manifest, shares, lang=lang, console=console, limit=1)
    more = {"en": "... and 1 more point in means.csv", "fr": "... et 1 autre point dans"}
    assert more[lang] in console.export_text()
