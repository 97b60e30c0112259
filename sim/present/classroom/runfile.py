"""A class's run on disk: what one world's players chose, enough to tell its story again.

A world's run is a pure function of its scenario, its seed and its players' answers (questions
left to the timer are the model's own rule, as in any run): ``sahelsim explain --class-run FILE``
runs the model again with the answers and tells the same story, played decisions included. The
file also keeps the records of the days the class ran, as the projector told them, and telling
the run again checks it against them: a newer sahelsim whose rules differ would tell another
story, and says so instead. The file names no student.

The parameters are part of the run: the class's worlds run with the set the seed draws from the
shipped posterior (or the scenario's single values when none is shipped), so the file records
which: ``{"source": "posterior", "sha256": ...}`` or ``{"source": "point"}``. Told again with
another posterior, the story would silently be another one; it is refused instead.

Format (version 2; version 1 files, without ``parameters``, are still read and told with the
parameters the command line asks for)::

    {"sahelsim_class_run": 2, "scenario": "niger-2023-base", "seed": 3, "world": 1,
     "parameters": {"source": "posterior", "sha256": "9f2c..."},
     "sahelsim": "0.1.0", "days_run": 60,
     "answers": [{"series": "attack:ecowas-threat", "day": 14, "role": "ECOWAS",
                  "choice": "attack"}, ...],
     "records": [{"day": 0, "kind": "coup", "actor": "NER", ...}, ...]}
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sim import __version__
from sim.errors import InputError, Text
from sim.model.players import Choice, Players, Question
from sim.model.records import Record
from sim.present.classroom.worlds import held_over
from sim.run.options import ParameterSource
from sim.run.posterior import Posterior, posterior_for

FORMAT = "sahelsim_class_run"
VERSION = 2
READS = (1, 2)


@dataclass(frozen=True)
class ClassRun:
    """One world of a class: its scenario, seed and the choices its players made.

    Attributes:
        answers: the choice for each question answered, by its series and day, with the role
            that answered it.
        parameters: where the run's parameters came from: ``{"source": "point"}`` or
            ``{"source": "posterior", "sha256": ...}`` (``None`` in a version 1 file).
        records: what happened in the class's world up to ``days_run``, as the projector told
            it (each record as a line of a bundle's events.jsonl, without replicate and date);
            telling the run again checks it against them.
        version: the sahelsim the class played with.
    """

    scenario: str
    seed: int
    world: int
    answers: dict[tuple[str, int], tuple[str, Choice]]
    parameters: dict[str, str] | None = None
    records: list[dict] | None = None
    days_run: int | None = None
    version: str | None = None

    def players(self) -> Players:
        """Deciders that give the class's answers again (the model's own rule elsewhere)."""
        return {role: self.decide for role, _ in self.answers.values()}

    def decide(self, question: Question) -> Choice | None:
        """The class's answer to ``question``, or ``None`` (the model's own rule)."""
        answer = self.answers.get(question.key)
        return None if answer is None else answer[1]

    def given(self) -> set[tuple[str, int]]:
        """The answers a player gave, not those a daily choice held for a week after it."""
        held = held_over({key: choice for key, (_, choice) in self.answers.items()})
        return set(self.answers) - held

    def check(self, told: list[Record]) -> None:
        """Make sure ``told``, the run told again, is the run the class played.

        Raises:
            InputError: the records differ (the model's rules have changed since the class).
        """
        if self.records is None or self.days_run is None:
            return
        again = [plain(r.row()) for r in told if r.day <= self.days_run]
        if again == self.records:
            return
        differs = next(
            (i for i, (a, b) in enumerate(zip(again, self.records, strict=False)) if a != b),
            min(len(again), len(self.records)),
        )
        day = (self.records if differs < len(self.records) else again)[differs]["day"]
        if self.version and self.version != __version__:
            why = Text(
                "the class played with sahelsim {played} and this is sahelsim {this}, whose rules "
                "differ: tell it with the version it was played with",
                played=self.version,
                this=__version__,
            )
        else:
            why = Text(
                "the model or the scenario {scenario} has changed since the class",
                scenario=self.scenario,
            )
        raise InputError(
            Text(
                "told again, the run differs from the class's records from day {day} on: {why}",
                day=day,
                why=why,
            )
        )

    def posterior(self, path: Path | None = None) -> Posterior | None:
        """The posterior the class drew its parameters from (``None``: single values).

        Args:
            path: the posterior file to tell the run with (default: the one shipped).

        Raises:
            InputError: the file has no record of its parameters, or the posterior at hand is
                not the one the class ran with.
        """
        if self.parameters is None:
            raise InputError(Text("a version 1 class run has no record of its parameters"))
        if self.parameters.get("source") == ParameterSource.POINT.value:
            if path is not None:
                raise InputError(
                    Text(
                        "the class ran with the scenario's single values, not a posterior: "
                        "--posterior {path} does not apply",
                        path=path,
                    )
                )
            return None
        posterior = posterior_for(ParameterSource.POSTERIOR, path)
        if posterior.sha256 != self.parameters.get("sha256"):
            raise InputError(
                Text(
                    "the class ran with another posterior (sha256 {ran}) than {source} (sha256 "
                    "{sha256}); pass the one it ran with as --posterior FILE",
                    ran=self.parameters.get("sha256"),
                    source=posterior.source,
                    sha256=posterior.sha256,
                )
            )
        return posterior


def plain(row: dict) -> dict:
    """A record's row as JSON gives it back (tuples as lists), to compare with a file's."""
    return json.loads(json.dumps(row, ensure_ascii=False, default=str))


def parameters_of(posterior: Posterior | None) -> dict[str, str]:
    """What a class run records of the parameters its worlds run with."""
    if posterior is None:
        return {"source": ParameterSource.POINT.value}
    return {"source": ParameterSource.POSTERIOR.value, "sha256": posterior.sha256}


def write_class_run(path: Path, run: ClassRun) -> Path:
    """Write ``run`` to ``path`` atomically (a reader never sees half a file)."""
    data = {
        FORMAT: VERSION,
        "scenario": run.scenario,
        "seed": run.seed,
        "world": run.world,
        "parameters": run.parameters,
        "sahelsim": run.version,
        "days_run": run.days_run,
        "answers": [
            {"series": series, "day": day, "role": role, "choice": choice.value}
            for (series, day), (role, choice) in sorted(run.answers.items())
        ],
        "records": run.records,
    }
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    os.replace(tmp, path)
    return path


def read_class_run(path: Path) -> ClassRun:
    """Read a class run written by :func:`write_class_run`.

    Raises:
        InputError: the file is missing, is not JSON, or is not a class run.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(Text("--class-run {path}: no such file", path=path)) from None
    except (OSError, ValueError) as exc:
        raise InputError(
            Text("--class-run {path}: not a class run file ({reason})", path=path, reason=exc)
        ) from None
    if not isinstance(data, dict) or data.get(FORMAT) not in READS:
        raise InputError(
            Text(
                "--class-run {path}: not a class run file (expected a JSON object with "
                '"{key}": {version}, as `sahelsim teach --class --save` writes)',
                path=path,
                key=FORMAT,
                version=VERSION,
            )
        )
    try:
        answers = {
            (str(a["series"]), int(a["day"])): (str(a["role"]), Choice(a["choice"]))
            for a in data["answers"]
        }
        parameters = None
        if data[FORMAT] >= 2:
            parameters = {str(k): str(v) for k, v in data["parameters"].items()}
            if parameters.get("source") not in {s.value for s in ParameterSource}:
                raise ValueError(f"parameters: unknown source {parameters.get('source')!r}")
        records = data.get("records")
        if records is not None and not all(isinstance(r, dict) and "day" in r for r in records):
            raise ValueError("records: each must be an object with its day")
        days_run = data.get("days_run")
        return ClassRun(
            str(data["scenario"]),
            int(data["seed"]),
            int(data["world"]),
            answers,
            parameters,
            records,
            None if days_run is None else int(days_run),
            data.get("sahelsim"),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(
            Text(
                "--class-run {path}: a field is missing or wrong ({reason})", path=path, reason=exc
            )
        ) from None
