"""The HTML report is one self-contained file: it asks the network for nothing."""

from __future__ import annotations

import csv
import html
import re
from collections import Counter
from html.parser import HTMLParser

import pytest
import yaml


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.loads: list[
            tuple[str, str, str]
        ] = []  # (tag, attribute, value) that a browser would fetch
        self.tags: list[str] = []
        self.csp = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        for attribute in ("src", "srcset", "data", "poster"):
            if attrs.get(attribute):
                self.loads.append((tag, attribute, attrs[attribute]))
        if tag == "link" and attrs.get("href"):
            self.loads.append((tag, "href", attrs["href"]))
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = attrs.get("content", "")


@pytest.fixture(scope="module")
def report_html(tmp_path_factory):
    from sim.cli import main

    out = tmp_path_factory.mktemp("report") / "run"
    main(["run", "gambia-2017", "-n", "20", "--seed", "2", "--out", str(out), "-q"])
    return out, (out / "report.html").read_text(encoding="utf-8")


def test_the_report_loads_nothing_from_the_network(report_html):
    _, text = report_html
    parser = _Collector()
    parser.feed(text)
    assert parser.loads, "the figures should be embedded"
    assert all(value.startswith("data:image/png;base64,") for _, _, value in parser.loads)
    assert "script" not in parser.tags
    assert "default-src 'none'" in parser.csp
    assert not re.search(r"url\(\s*['\"]?https?:", text)  # no remote fonts or images in CSS
    assert "@import" not in text


def test_the_report_holds_the_scenario_its_notes_outcomes_figures_and_a_story(report_html):
    _, text = report_html
    assert "The Gambia, January 2017" in text
    assert "Teaching notes" in text and "Things to try" in text
    assert "ECOWAS attacks" in text and "95 % interval" in text
    assert text.count("<img") >= 3
    assert "The story of one replicate" in text
    assert "not a forecast" in text.lower()
    assert "sahelsim run scenario.yaml --seed" in text


def test_the_report_says_how_the_parameters_were_chosen(report_html, tmp_path, sahelsim):
    # Drawn from the shipped posterior (the default): how many of its sets these replicates
    # ran, and the share of the commonest, read from the bundle's own parameters.csv.
    out, text = report_html
    with (out / "parameters.csv").open(encoding="utf-8", newline="") as f:
        sets = Counter(row["set"] for row in csv.DictReader(f))
    top = round(100 * max(sets.values()) / sum(sets.values()))
    said = html.unescape(text)
    assert "weighted sets of the posterior shipped with sahelsim" in said
    assert (
        f"the 20 replicates ran {len(sets)} different sets of values, the commonest in {top}%"
        in said
    )
    # Single values: the report says the estimates leave that uncertainty out.
    point = tmp_path / "point"
    assert sahelsim("run", "gambia-2017", "-n", "2", "--seed", "2", "--parameters", "point",
                    "-q", "--out", str(point)).status == 0  # fmt: skip
    said = html.unescape((point / "report.html").read_text(encoding="utf-8"))
    assert "every replicate ran with the same single values" in said
    assert "weighted sets" not in said
    # Drawn, but the scenario fixes every value the posterior draws: no set is said to vary.
    from sim.scenario.calibration import FREE_PARAMETERS
    from sim.scenario.parameters import PARAMETERS

    fixed = tmp_path / "fixed"
    sets_ = [f"parameters.{p.name}={PARAMETERS[p.name].default}" for p in FREE_PARAMETERS]
    args = [a for s in sets_ for a in ("--set", s)]
    assert sahelsim("run", "gambia-2017", "-n", "4", "--seed", "2", *args, "-q",
                    "--out", str(fixed)).status == 0  # fmt: skip
    said = html.unescape((fixed / "report.html").read_text(encoding="utf-8"))
    assert "the scenario fixes each one the posterior draws" in said
    assert "different sets" not in said


def test_report_command_rewrites_the_report_in_french(report_html, sahelsim):
    out, _ = report_html
    result = sahelsim("report", str(out), "--lang", "fr")
    assert result.status == 0
    text = html.unescape((out / "report.html").read_text(encoding="utf-8"))
    assert "Ce n'est pas une prévision" in text and "Notes pédagogiques" in text
    # the scenario's own notes and title, in French, not the English ones under French headings
    assert "La Gambie, janvier 2017" in text and "Combien de jours" in text
    assert "Prédire avant de lancer\u00a0:</strong>" in text  # French spacing before the colon
    assert "How many days" not in text
    assert "jeux pondérés de la loi a posteriori livrée avec sahelsim" in text
    english = yaml.safe_load((out / "scenario.yaml").read_text(encoding="utf-8"))["description"]
    assert english.split(".")[0] not in text, "the author's English description is not quoted"


@pytest.mark.parametrize("lang, colon", [("en", ":"), ("fr", "\u00a0:")])
def test_the_sources_give_each_year_once_and_french_punctuation(report_html, lang, colon):
    """A title dated by its author ("... (Feb 2017)") was followed by "(2017)" again; in French
    the colon the list adds took no space before it. The titles themselves stay as published."""
    from sim.present.report import build_report

    out, _ = report_html
    text = html.unescape(build_report(out, lang=lang))
    sources = text[text.index("<h2>Sources</h2>") :]
    assert f"West African force in Gambia to be scaled down (Feb 2017){colon} <a" in sources
    assert f"ECOWAS military intervention in The Gambia (ECOMIG) (2017){colon} <a" in sources
    assert "2017) (2017)" not in sources


@pytest.mark.parametrize("name", ["missing", "empty"])
def test_report_on_something_that_is_not_a_bundle_exits_2(tmp_path, sahelsim, name):
    target = tmp_path / name
    if name == "empty":
        target.mkdir()
    result = sahelsim("report", str(target))
    assert result.status == 2
    assert "results bundle" in result.err and "Traceback" not in result.err


def test_a_report_drawn_in_a_fresh_process_names_what_the_scenario_defines(tmp_path, sahelsim):
    """`sahelsim report` in a process that never loaded the scenario file names a reader's own
    rebel army as the file does, with fighters, not by its id with troops."""
    from conftest import start_sahelsim

    from sim.resources import scenarios_dir as bundled

    out = tmp_path / "liberia"
    scenario = str(bundled() / "history" / "liberia-1990.yaml")
    ran = sahelsim("run", scenario, "-n", "2", "--seed", "1", "--out", str(out), "--no-figures")
    assert ran.status == 0, ran.err
    process = start_sahelsim("report", str(out), capture=True)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    story = (out / "report.html").read_text(encoding="utf-8")
    assert "War broke out: the NPFL attacked Liberia with" in story
    assert "War broke out: NPFL" not in story and "Liberia with 5,000 troops" not in story


def test_replicates_that_drew_the_same_set_are_not_said_fixed_by_the_scenario(tmp_path, sahelsim):
    """Two replicates of gambia-2017 on seed 1 draw one set of the posterior by chance; the
    summary said the scenario fixed each value, which gambia-2017 does not."""
    out = tmp_path / "g"
    ran = sahelsim(
        "run", "gambia-2017", "-n", "2", "--seed", "1", "--no-figures", "--out", str(out)
    )
    assert ran.status == 0, ran.err
    said = " ".join(ran.out.split())
    assert "the 2 replicates all drew the same set (more replicates draw others)" in said
    assert "the scenario fixes" not in said


def test_one_replicate_is_not_called_many(tmp_path, sahelsim):
    """One replicate drew one set: not "the 1 replicates all drew the same set"; and with
    every drawn value fixed by the scenario, the line says so whatever the count."""
    from sim.run.posterior import default_posterior

    def line(*flags: str) -> str:
        out = tmp_path / str(len(list(tmp_path.iterdir())))
        ran = sahelsim("run", "gambia-2017", "-n", "1", "--seed", "1", "--no-figures",
                       "--out", str(out), *flags)  # fmt: skip
        assert ran.status == 0, ran.err
        return " ".join(ran.out.split())

    assert "the one replicate ran one set of values, drawn from" in line()
    posterior = default_posterior()
    fixing = [
        f for name, value in posterior.draw(1).items()
        for f in ("--set", f"parameters.{name}={value!r}")
    ]  # fmt: skip
    assert "the scenario fixes each one the posterior draws" in line(*fixing)


def test_a_french_report_rewritten_stays_french(tmp_path, sahelsim):
    """`sahelsim report` on a bundle run in French turned its report English, silently."""
    out = tmp_path / "fr"
    ran = sahelsim("run", "gambia-2017", "-n", "2", "--seed", "1", "--lang", "fr", "-q",
                   "--out", str(out))  # fmt: skip
    assert ran.status == 0, ran.err
    assert sahelsim("report", str(out)).status == 0
    text = (out / "report.html").read_text(encoding="utf-8")
    assert text.startswith('<!doctype html><html lang="fr">') and "Notes pédagogiques" in text
    assert sahelsim("report", str(out), "--lang", "en").status == 0  # asked for: English
    assert '<html lang="en">' in (out / "report.html").read_text(encoding="utf-8")
    assert sahelsim("report", str(out)).status == 0  # and now it stays English
    assert '<html lang="en">' in (out / "report.html").read_text(encoding="utf-8")


def test_the_report_drawn_later_is_in_the_language_of_the_run(tmp_path, sahelsim):
    """A French run with --no-figures has no report yet: `report` draws it in French."""
    out = tmp_path / "later"
    ran = sahelsim("run", "gambia-2017", "-n", "2", "--seed", "1", "--lang=fr", "--no-figures",
                   "-q", "--out", str(out))  # fmt: skip
    assert ran.status == 0 and not (out / "report.html").exists()
    assert sahelsim("report", str(out)).status == 0
    assert '<html lang="fr">' in (out / "report.html").read_text(encoding="utf-8")
