"""What the commands say around their work is in French under --lang fr, and says it truly.

The notes around the tables (a replicate that failed, a precision reached, an interruption,
two scenarios that differ besides their settings, where a sensitivity analysis wrote) are
the lecturer's and the analyst's too: no English word is left in them, and the command a
failure note gives replays the replicate that failed.
"""

from __future__ import annotations

import re
import shlex

from sim.present import terminal

PLACEHOLDER = re.compile(r"\{[^}]*\}")
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")


def _words(text: str) -> set[str]:
    """The words of a text, leaving out paths, file names and options (scenario.yaml, --set)."""
    prose = " ".join(t for t in text.split() if not re.search(r"[./=]|^-", t))
    return {w.lower() for w in WORD.findall(PLACEHOLDER.sub(" ", prose))}


def _french() -> list[str]:
    """The French of the notes and of the reports printed beside them."""
    from sim.analysis import sensitivity
    from sim.present import console, sweep_figures

    catalogues = (terminal.WORDS, sensitivity.WORDS, console.TEXT, sweep_figures.WORDS)
    return [t for c in catalogues for t in c["fr"].values() if isinstance(t, str)]


def english_only() -> set[str]:
    """Words of the English notes that no French text here uses (options and files aside)."""
    english = set().union(*map(_words, terminal.WORDS["en"].values()))
    return english - set().union(*map(_words, _french()))


def english_left(text: str) -> set[str]:
    return _words(text) & english_only()


def test_every_note_is_written_in_both_languages():
    assert terminal.WORDS["en"].keys() == terminal.WORDS["fr"].keys()
    for key, english in terminal.WORDS["en"].items():
        assert set(PLACEHOLDER.findall(english)) == set(
            PLACEHOLDER.findall(terminal.WORDS["fr"][key])
        ), key
    # the check below has words to look for: the notes' own
    assert {"replicates", "failed", "interrupted", "sensitivity"} <= english_only()


def test_a_sweep_whose_replicate_fails_says_so_in_french_and_how_to_replay_that_point(
    tmp_path, monkeypatch, sahelsim
):
    from sim.run import replicate, sweep

    real = sweep.run_one
    failed = []

    def fragile(scenario, seed):  # a (simulated) bug hit only at the high value, on odd seeds
        if scenario.parameters.honour_base_rate > 0.5 and seed % 2:
            failed.append((seed, scenario.parameters.model_dump()))
            raise ZeroDivisionError("simulated failure")
        return real(scenario, seed)

    monkeypatch.setattr(sweep, "run_one", fragile)
    out = tmp_path / "s"
    args = ["sweep", "gambia-2017", "--param", "parameters.honour_base_rate=0.2:0.8:2"]
    result = sahelsim(*args, "-n", "4", "--seed", "3", "--no-figures", "--lang", "fr",
                      "--out", str(out))  # fmt: skip
    assert result.status == 0, result.err
    note = next(line for line in result.err.splitlines() if "en échec" in line)
    assert english_left(result.err + result.out) == set()
    assert failed and note.startswith(f"{len(failed)} réplication(s) en échec")
    replay = shlex.split(note.split("pour en rejouer une : ")[1])
    assert replay[:3] == ["sahelsim", "explain", str(out / "scenario.yaml")]
    assert replay[-2:] == ["--lang", "fr"]

    replayed = []

    def spy(scenario, seed, **kwargs):
        replayed.append((seed, scenario.parameters.model_dump()))
        return real(scenario, seed, **kwargs)

    monkeypatch.setattr(sweep, "run_one", real)
    monkeypatch.setattr(replicate, "run_one", spy)
    told = sahelsim(*replay[1:])
    assert told.status == 0 and "Gambie" in told.out  # the command runs, and tells it in French
    # the replicate that failed first, with the point's value and nothing drawn in its place
    assert replayed == failed[:1]


def test_a_failed_replicate_of_single_values_is_replayed_with_single_values(
    tmp_path, monkeypatch, sahelsim
):
    from sim.run import executors

    real = executors.run_one

    def fragile(scenario, seed):
        if seed % 2:
            raise ZeroDivisionError("simulated failure")
        return real(scenario, seed)

    monkeypatch.setattr(executors, "run_one", fragile)
    for source, option in (("point", ["--parameters", "point"]), ("posterior", [])):
        out = tmp_path / source
        ran = sahelsim("run", "gambia-2017", "-n", "4", "--seed", "3", "--parameters", source,
                       "--no-figures", "--out", str(out))  # fmt: skip
        said = " ".join(ran.out.split())
        replay = shlex.split(said.split("rerun one with: ")[1].split(" outcome ")[0])  # the table
        seed = replay.index("--seed")
        assert replay[seed + 2 :] == option  # explain draws from the shipped posterior itself


def test_french_notes_of_compare_precision_and_sensitivity_leave_no_english(tmp_path, sahelsim):
    compared = sahelsim("compare", "niger-2023-base", "gambia-2017", "-n", "2", "--no-figures",
                        "--lang", "fr", "--out", str(tmp_path / "c"))  # fmt: skip
    assert compared.status == 0
    assert "remarque : A et B commencent à des dates différentes" in compared.err
    assert "seulement dans B : GMB" in compared.err
    assert english_left(compared.err) == set()
    itself = sahelsim("compare", "gambia-2017", "gambia-2017", "-n", "2", "--no-figures",
                      "--lang", "fr", "--out", str(tmp_path / "i"))  # fmt: skip
    assert "A et B sont le même scénario" in itself.err and english_left(itself.err) == set()

    precise = sahelsim("run", "gambia-2017", "-n", "120", "--precision", "0.2", "--no-figures",
                       "--lang", "fr", "--out", str(tmp_path / "p"))  # fmt: skip
    assert precise.status == 0
    said = " ".join((precise.err + precise.out).split())  # a narrow terminal wraps it
    assert "Précision ±0,2 : atteinte après 100 réplications" in said
    assert english_left(said) == set()

    sample = sahelsim("sensitivity", "gambia-2017", "--param", "kill_rate", "--param",
                      "honour_base_rate", "--n", "2", "-n", "2", "--lang", "fr",
                      "--out", str(tmp_path / "m"))  # fmt: skip
    assert sample.status == 0
    said = sample.out.splitlines()[-1]
    assert said.startswith("Sensibilité : ") and english_left(sample.out) == set()
    assert "figures/" in said and (tmp_path / "m" / "figures").is_dir()
    still = sahelsim("sensitivity", "gambia-2017", "--param", "kill_rate", "--n", "2", "-n", "2",
                     "--outcome", "ecowas_attacked", "--out", str(tmp_path / "z"))  # fmt: skip
    said = still.out.splitlines()[-1]  # nothing varied, nothing drawn: no figures/ named
    assert said.startswith("Sensitivity: ") and "figures/" not in said
    assert not (tmp_path / "z" / "figures").exists()
    assert "« La Gambie, janvier 2017" in (tmp_path / "m" / "summary.txt").read_text()
