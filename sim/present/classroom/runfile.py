"""A class's run on disk: what one world's players chose, enough to tell its story again.

A world's run is a pure function of its scenario, its seed and its players' answers (questions
left to the timer are the model's own rule, as in any run), so a small JSON file replaces the
records: ``sahelsim explain --class-run FILE`` runs the model again with these answers and tells
the same story, played decisions included. The file names no student.

The parameters are part of the run: the class's worlds run with the set the seed draws from the
shipped posterior (or the scenario's single values when none is shipped), so the file records
which: ``{"source": "posterior", "sha256": ...}`` or ``{"source": "point"}``. Told again with
another posterior, the story would silently be another one; it is refused instead.

Format (version 2; version 1 files, without ``parameters``, are still read and told with the
parameters the command line asks for)::

    {"sahelsim_class_run": 2, "scenario": "niger-2023-base", "seed": 3, "world": 1,
     "parameters": {"source": "posterior", "sha256": "9f2c..."},
     "answers": [{"series": "attack:ecowas-threat", "day": 14, "role": "ECOWAS",
                  "choice": "attack"}, ...]}
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sim.errors import InputError
from sim.model.players import Choice, Players, Question
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
    """

    scenario: str
    seed: int
    world: int
    answers: dict[tuple[str, int], tuple[str, Choice]]
    parameters: dict[str, str] | None = None

    def players(self) -> Players:
        """Deciders that give the class's answers again (the model's own rule elsewhere)."""
        return {role: self.decide for role, _ in self.answers.values()}

    def decide(self, question: Question) -> Choice | None:
        """The class's answer to ``question``, or ``None`` (the model's own rule)."""
        answer = self.answers.get(question.key)
        return None if answer is None else answer[1]

    def posterior(self, path: Path | None = None) -> Posterior | None:
        """The posterior the class drew its parameters from (``None``: single values).

        Args:
            path: the posterior file to tell the run with (default: the one shipped).

        Raises:
            InputError: the file has no record of its parameters, or the posterior at hand is
                not the one the class ran with.
        """
        if self.parameters is None:
            raise InputError("a version 1 class run has no record of its parameters")
        if self.parameters.get("source") == ParameterSource.POINT.value:
            return None
        posterior = posterior_for(ParameterSource.POSTERIOR, path)
        if posterior.sha256 != self.parameters.get("sha256"):
            raise InputError(
                f"the class ran with another posterior (sha256 {self.parameters.get('sha256')}) "
                f"than {posterior.source} (sha256 {posterior.sha256}); pass the one it ran with "
                "as --posterior FILE"
            )
        return posterior


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
        "answers": [
            {"series": series, "day": day, "role": role, "choice": choice.value}
            for (series, day), (role, choice) in sorted(run.answers.items())
        ],
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
        raise InputError(f"--class-run {path}: no such file") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"--class-run {path}: not a class run file ({exc})") from None
    if not isinstance(data, dict) or data.get(FORMAT) not in READS:
        raise InputError(
            f"--class-run {path}: not a class run file (expected a JSON object with "
            f'"{FORMAT}": {VERSION}, as `sahelsim teach --class --save` writes)'
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
        return ClassRun(
            str(data["scenario"]), int(data["seed"]), int(data["world"]), answers, parameters
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"--class-run {path}: a field is missing or wrong ({exc})") from None
