"""The lecturer's guide and its French version: the same guide, and numbers that are reproduced.

docs/teaching.fr.md is docs/teaching.md for a French-speaking colleague. The first tests hold
the two together, so that one is not updated without the other: the same sections in the same
order, and in each section the same commands and the same numbers (written the French way in
French: "20 000", "0,2"). The French one is typeset the French way (no-break spaces before
: ; ? ! and inside « »).

The last tests run again each command the guides name for a number they quote, and check the
number in both guides against what the command prints, or writes into the bundle it makes: a
teacher found shares in the guide that its own commands did not print.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO

GUIDES = {"en": REPO / "docs" / "teaching.md", "fr": REPO / "docs" / "teaching.fr.md"}
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
CODE = re.compile(r"`([^`]+)`")
HEADING = re.compile(r"^(#{1,6}) ", re.M)
COMMAND_STARTS = ("sahelsim", "--", "python", "pip", "mkdir", "sudo")
PLACEHOLDERS = {"DOSSIER": "FOLDER", "FICHIER": "FILE", "LEÇON": "LESSON", "ADRESSE": "ADDRESS"}
PLACEHOLDERS["CHEMIN"] = "PATH"
"""The French guide names the values a reader supplies in French."""


def text(lang: str) -> str:
    return GUIDES[lang].read_text(encoding="utf-8")


def sections(document: str) -> list[tuple[int, str]]:
    """(heading level, the section's text with its heading) for each heading, in order."""
    # A '#' inside a fenced block is a shell comment, not a heading.
    masked = FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), document)
    starts = [m.start() for m in HEADING.finditer(masked)] + [len(document)]
    return [
        (len(HEADING.match(masked, a).group(1)), document[a:b])
        for a, b in itertools.pairwise(starts)
    ]


def commands(section: str) -> Counter:
    """The commands a section gives, in code blocks or inline, without `--lang fr`."""
    found = []
    for block in FENCE.findall(section):
        for line in block.replace("\\\n", " ").splitlines():
            found.append(re.sub(r"\s+#.*$", "", line).strip())
    found += [" ".join(c.split()) for c in CODE.findall(FENCE.sub("", section))]
    out = Counter()
    for command in found:
        if command.startswith(COMMAND_STARTS):
            for french, english in PLACEHOLDERS.items():
                command = command.replace(french, english)
            out[command.replace(" --lang fr", "")] += 1
    return out


def prose(section: str) -> str:
    """A section's text without its code, with its no-break spaces as plain spaces."""
    plain = CODE.sub(" ", FENCE.sub(" ", section))
    return " ".join(plain.replace("\u00a0", " ").replace("\u202f", " ").split())


def numbers(section: str) -> Counter:
    """The numbers of a section's prose, read the same way in either language."""
    plain = prose(section)
    plain = re.sub(r"\b[1-9]\d{0,2}(?:[, ]\d{3})+\b", lambda m: re.sub("[, ]", "", m[0]), plain)
    plain = re.sub(r"(?<=\d),(?=\d)", ".", plain)  # 0,57
    return Counter(re.findall(r"\d+(?:\.\d+)?", plain))


def test_the_french_guide_has_the_english_one_s_sections_in_the_same_order():
    english, french = sections(text("en")), sections(text("fr"))
    assert [level for level, _ in french] == [level for level, _ in english]
    assert len(english) >= 9


def test_each_section_gives_the_same_commands_in_both_guides():
    for (_, english), (_, french) in zip(sections(text("en")), sections(text("fr")), strict=True):
        heading = english.splitlines()[0]
        assert commands(french) == commands(english), heading
    assert sum(commands(text("en")).values()) >= 30


def test_each_section_quotes_the_same_numbers_in_both_guides():
    for (_, english), (_, french) in zip(sections(text("en")), sections(text("fr")), strict=True):
        heading = english.splitlines()[0]
        assert numbers(french) == numbers(english), heading


def test_the_comparison_sees_a_guide_updated_alone():
    english = "## Plan\n\nECOWAS attacks in 15 % and 54 % of 400 (`sahelsim run x -n 400`).\n"
    french = "## Plan\n\nLa CEDEAO attaque dans 15 % et 53 % de 400 (`sahelsim run x -n 400 --lang fr`).\n"
    assert commands(english) == commands(french)
    assert numbers(english) != numbers(french)
    assert numbers("20,000 and 0.2 and 0.002") == numbers("20\u202f000 et 0,2 et 0,002")


def test_the_french_guide_is_typeset_the_french_way():
    plain = CODE.sub("", FENCE.sub("", text("fr")))
    plain = re.sub(r"\]\([^)]*\)", "]", plain)  # a link's target is an address
    # an English example, kept as English writes it
    plain = plain.replace("«\u202f…: 0.75\u202f»", "")
    bad = re.findall(
        r".{0,20}(?:[^\u00a0\u202f][:;?!»](?=[\s*,.)]|$)|«[^\u202f]).{0,10}", plain, re.M
    )
    assert not bad, bad
    assert not re.findall(r"\d \d{3}\b|\d %", plain)  # 20 000 and 15 %: a no-break space
    assert "’" not in plain or "'" not in plain  # one apostrophe, not two kinds


def test_each_guide_links_to_the_other_and_the_readme_to_both():
    assert "](teaching.fr.md)" in text("en") and "](teaching.md)" in text("fr")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    in_class = readme.split("## In class", 1)[1].split("\n## ", 1)[0]
    assert "(docs/teaching.md)" in in_class and "(docs/teaching.fr.md)" in in_class


def test_the_no_pact_scenario_s_notes_give_niger_s_army_as_lesson_1_does():
    """niger-2023-no-pact's notes set 40,000 "with the gendarmerie" against "the army alone"
    and gave the pledge "one in five" where Lesson 1 says one in seven: 20,000 and 40,000 are
    two estimates of Niger's army (seeds/states.yaml), and the shares are the guide's."""
    from sim.scenario.facts import fact_base
    from sim.scenario.loading import load_scenario

    [point] = [p for p in fact_base().states["NER"].active_forces if p.year == 2023]
    notes = load_scenario("niger-2023-no-pact").teaching
    english = " ".join(notes.things_to_notice)
    french = " ".join(notes.fr.things_to_notice).replace("\u202f", " ")
    assert f"{point.value:,.0f}" in english and f"{point.low:,.0f}" in english
    assert f"{point.value:,.0f}".replace(",", " ") in french
    assert f"{point.low:,.0f}".replace(",", " ") in french
    assert "gendarmerie" not in english + french and "alone (Lesson 1)" not in english
    [with_it] = re.findall(r"about one replicate in (\w+) with it", prose(text("en")))
    [avec_lui] = re.findall(r"une réplication sur (\w+) avec lui", prose(text("fr")))
    assert f"one in {with_it} with the pledge" in english
    assert f"une sur {avec_lui} avec l'engagement" in french


# ------------------------------------------------------------------ the numbers, reproduced


def quoted(*phrases: str) -> None:
    """Each phrase, by language, is in that language's guide (spaces read as plain)."""
    for lang, phrase in phrases:
        assert phrase in prose(text(lang)) or phrase in " ".join(text(lang).split()), (
            f"docs/{GUIDES[lang].name} should say: {phrase}"
        )


def named(command: str) -> None:
    """The guides name the command (the French one may add --lang fr)."""
    for lang in GUIDES:
        words = " ".join(text(lang).split())
        assert command in words or command in words.replace(" --lang fr", ""), (lang, command)


def row(printed: str, label: str) -> list[str]:
    """The cells of a printed table's row, after its label ("15%" read as "15 %")."""
    [line] = [x for x in printed.splitlines() if x.startswith(label)]
    cells = re.split(r"\s{2,}", line[len(label) :].strip())
    return [re.sub(r"(\d)%", r"\1 %", c).replace("-", "−") for c in cells]


def _fr(value: str) -> str:
    return value.replace(".", ",")


def events(bundle: Path, kind: str) -> list[dict]:
    with open(bundle / "events.jsonl", encoding="utf-8") as handle:
        return [r for r in map(json.loads, handle) if r["kind"] == kind]


def summary(bundle: Path) -> list[dict]:
    with open(bundle / "summary.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(autouse=True)
def _unwrapped(monkeypatch):
    """Each row of a printed table on one line, as when it is written to a file."""
    monkeypatch.delenv("COLUMNS", raising=False)


def ran(sahelsim, tmp_path, command: str):
    """Run a command the guides name, into a bundle of its own, without drawing figures."""
    named(command)
    words = command.split()[1:]
    if words[0] in ("run", "compare"):
        words += ["--no-figures", "--out", str(tmp_path / "bundle")]
    result = sahelsim(*words)
    assert result.status == 0, result.err
    return result.out, tmp_path / "bundle"


@pytest.mark.slow
def test_lesson_1_with_and_without_the_pledge_at_20000(sahelsim, tmp_path):
    out, bundle = ran(
        sahelsim,
        tmp_path,
        "sahelsim compare lesson-1-does-the-pledge-deter niger-2023-no-pact "
        "--set actors.NER.forces=20000 -n 400",
    )
    a, b, d, interval = row(out, "ECOWAS attacks")
    low, high = interval.replace(" %", "").split(" to ")
    quoted(
        ("en", f"{a} and {b} of 400, a difference of {d.rstrip(' %')} points, {low} to {high}"),
        ("fr", f"{a} et {b} de 400, une différence de {d.rstrip(' %')} points, de {low} à {high}"),
    )
    gave_in = [len(events(bundle / side, "conceded")) for side in "ab"]
    quoted(
        ("en", f"concedes in {gave_in[0]} of the 400 replicates against {gave_in[1]} without"),
        ("fr", f"cède dans {gave_in[0]} des 400 réplications, contre {gave_in[1]} sans lui"),
    )


@pytest.mark.slow
def test_lesson_1_s_comparison_at_the_fact_base_s_40000(sahelsim, tmp_path):
    out, bundle = ran(
        sahelsim, tmp_path, "sahelsim compare niger-2023-base niger-2023-no-pact -n 400"
    )
    a, b, d, interval = row(out, "ECOWAS attacks")
    low, high = interval.replace(" %", "").split(" to ")
    attacks = [sum(r["ecowas_attacked"] == "true" for r in summary(bundle / s)) for s in "ab"]
    d = d.rstrip(" %")
    quoted(
        (
            "en",
            f"attacks in {attacks[0]} of 400 replicates with the pledge and in {attacks[1]} without "
            f"(the command prints {a} and {b}, a difference of {d} points, {low} to {high}",
        ),
        (
            "fr",
            f"attaque dans {attacks[0]} des 400 réplications avec l'engagement et dans {attacks[1]} "
            f"sans lui (la commande affiche {a} et {b}, une différence de {_fr(d)} point, de {low} à "
            f"{high}",
        ),
    )


def test_lesson_1_s_seeds_without_and_with_a_war(sahelsim, tmp_path):
    own, _ = ran(
        sahelsim, tmp_path, "sahelsim explain lesson-1-does-the-pledge-deter --seed 20230810"
    )
    assert "ECOWAS stood down" in own and "War broke out" not in own
    quoted(
        ("en", "On the lesson's own seed (20230810) ECOWAS stands down"),
        ("fr", "Sur la graine de la leçon (20230810), la CEDEAO renonce"),
    )
    war, _ = ran(sahelsim, tmp_path, "sahelsim explain lesson-1-does-the-pledge-deter --seed 22")
    assert "24 Aug 2023 — ECOWAS decided to attack Niger." in war
    assert "Mali entered the war on Niger's side" in war
    assert "Burkina Faso entered the war on Niger's side" in war
    [ended] = re.findall(
        r"(\d+ \w+ 2023) — The war between ECOWAS and Niger ended after (\d+) days", war
    )
    assert ended[0] == "12 Sep 2023" and "brokered a ceasefire" in war
    quoted(
        ("en", "type 22 in *Seed* and press Reset: ECOWAS attacks on 24 August"),
        ("en", f"a ceasefire brokered on 12 September ends it after {ended[1]} days"),
        (
            "fr",
            "saisissez 22 dans *Graine* et appuyez sur *Réinitialiser* : la CEDEAO attaque le 24 août",
        ),
        ("fr", f"obtenu par médiation le 12 septembre y met fin au bout de {ended[1]} jours"),
    )


def test_lesson_3_s_seed_with_an_article_5_obligation(sahelsim, tmp_path):
    story, _ = ran(
        sahelsim,
        tmp_path,
        "sahelsim explain lesson-3-cost-of-war-for-counter-insurgency --seed 5 "
        "--set parameters.rebellion_threshold=1.2",
    )
    assert "4 Nov 2023 — The war between ECOWAS and Niger ended" in story
    assert "18 May 2024 — Armed rebellion in Niger" in story
    for state in ("Mali", "Burkina Faso"):
        assert (
            "19 May 2024 — The armed rebellion of JNIM and Islamic State Sahel in Niger brought "
            f"Art. 5 of the Liptako-Gourma Charter (Alliance of Sahel States) into play: {state} "
            "was obliged"
        ) in story
    quoted(
        ("en", "the war ends on 4 November 2023, on 18 May 2024 the armed groups in Niger pass 1.2"),
        ("fr", "la guerre prend fin le 4 novembre 2023, le 18 mai 2024 les groupes armés du Niger "
               "dépassent 1,2"),
    )  # fmt: skip


@pytest.mark.slow
def test_lesson_3_s_rebellions_come_after_the_war(sahelsim, tmp_path):
    _, bundle = ran(
        sahelsim,
        tmp_path,
        "sahelsim run lesson-3-cost-of-war-for-counter-insurgency "
        "--set parameters.rebellion_threshold=1.2 -n 100",
    )
    rebellions = sum(r["rebellion"] == "true" for r in summary(bundle))
    ended, declared = {}, {}  # the day each replicate's first war ended, its first rebellion
    for record in events(bundle, "war_ended"):
        ended.setdefault(record["replicate"], record["day"])
    for record in events(bundle, "rebellion"):
        declared.setdefault(record["replicate"], record["day"])
    assert len(declared) == rebellions
    assert all(r in ended and day > ended[r] for r, day in declared.items())  # after the war
    quoted(
        ("en", f"declared* gives {rebellions} %"),
        ("en", f"the {rebellions} of 100"),
        ("fr", f"*Une rébellion armée est déclarée* affiche {rebellions} %"),
        ("fr", f"les {rebellions} sur 100"),
    )


@pytest.mark.slow
def test_lesson_5_s_answers(sahelsim, tmp_path):
    out, bundle = ran(sahelsim, tmp_path, "sahelsim run lesson-5-asked-not-bound")
    share, interval = row(out, "A request for help is granted")[:2]
    low, high = interval.split(" to ")
    answers = Counter(r["response"] for r in events(bundle, "response") if r["actor"] == "FRA")
    votes = sum(r["response"] == "honoured" for r in events(bundle, "vote"))
    rows = summary(bundle)
    ongoing = sum(r["first_war_outcome"] == "ongoing" for r in rows)
    won = [r for r in rows if r["first_war_outcome"] != "ongoing"]
    with_france = sum(r["request_granted"] == "true" for r in won)
    assert {r["first_war_outcome"] for r in won} <= {"defenders_won"}
    quoted(
        ("en", f"{share} ({low} to {high}), {answers['honoured']} of 200"),
        ("en", f"non-military help ({answers['partial']} replicates) or declines "
               f"({answers['abstained']})"),
        ("en", f"in {votes} of the 200"),
        ("en", f"in {ongoing} replicates of 200, and the government wins in the other {len(won)} "
               f"(in {with_france} of them with France)"),
        ("fr", f"{share} (de {low} à {high}), {answers['honoured']} sur 200"),
        ("fr", f"aide non militaire ({answers['partial']} réplications) ou refuse "
               f"({answers['abstained']})"),
        ("fr", f"dans {votes} des 200"),
        ("fr", f"dans {ongoing} réplications sur 200, et le gouvernement l'emporte dans les "
               f"{len(won)} autres (dont {with_france} avec la France)"),
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(
    ("change", "en", "fr"),
    [
        ("parameters.invitation_base_rate=0.33", "France comes in {}", "la France vient dans {}"),
        ("parameters.affinity_weight=0", "it comes in {}", "elle vient dans {}"),
        ("commitment=strict", "(`--set commitment=strict`, {})", "(`--set commitment=strict`, {})"),
    ],
)
def test_lesson_5_s_variants(sahelsim, tmp_path, change, en, fr):
    out, _ = ran(sahelsim, tmp_path, f"sahelsim run lesson-5-asked-not-bound --set {change}")
    share = row(out, "A request for help is granted")[0]
    quoted(("en", en.format(share)), ("fr", fr.format(share)))


@pytest.mark.slow
def test_lesson_6_s_numbers(sahelsim, tmp_path):
    out, _ = ran(
        sahelsim,
        tmp_path,
        "sahelsim compare lesson-6-half-of-coups-fail lesson-6-half-of-coups-fail "
        "--set-b events.benin-asks-nigeria.enabled=false",
    )
    a, b, d, interval = row(out, "An attempted coup succeeds")
    low, high = interval.replace(" %", "").split(" to ")
    d = d.rstrip(" %")
    quoted(
        ("en", f"{a} of 200 replicates; without the request, {b}"),
        ("en", f"a difference of {d} points, {low} to {high}"),
        ("fr", f"{a} de 200 réplications ; sans la demande, {b}"),
        ("fr", f"une différence de {d} points, de {low} à {high}"),
    )
    (tmp_path / "resolve").mkdir()
    out, _ = ran(
        sahelsim,
        tmp_path / "resolve",
        "sahelsim run lesson-6-half-of-coups-fail --set actors.NGA.resolve=0",
    )
    comes = row(out, "A request for help is granted")[0]
    succeeds = row(out, "An attempted coup succeeds")[0]
    quoted(
        ("en", f"still comes in {comes} and the coup succeeds in {succeeds}"),
        ("fr", f"vient encore dans {comes} et le coup d'État réussit dans {succeeds}"),
    )
