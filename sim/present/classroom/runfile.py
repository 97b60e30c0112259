"""A class's run on disk: what one world's players chose, enough to tell its story again.

A world's run is a pure function of its scenario, its seed and its players' answers (questions
left to the timer are the model's own rule, as in any run), so a small JSON file replaces the
records: ``sahelsim explain --class-run FILE`` runs the model again with these answers and tells
the same story, played decisions included. The file names no student.

Format (version 1)::

    {"sahelsim_class_run": 1, "scenario": "niger-2023-base", "seed": 3, "world": 1,
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

FORMAT = "sahelsim_class_run"
VERSION = 1


@dataclass(frozen=True)
class ClassRun:
    """One world of a class: its scenario, seed and the choices its players made.

    Attributes:
        answers: the choice for each question answered, by its series and day, with the role
            that answered it.
    """

    scenario: str
    seed: int
    world: int
    answers: dict[tuple[str, int], tuple[str, Choice]]

    def players(self) -> Players:
        """Deciders that give the class's answers again (the model's own rule elsewhere)."""
        return {role: self.decide for role, _ in self.answers.values()}

    def decide(self, question: Question) -> Choice | None:
        """The class's answer to ``question``, or ``None`` (the model's own rule)."""
        answer = self.answers.get(question.key)
        return None if answer is None else answer[1]


def write_class_run(path: Path, run: ClassRun) -> Path:
    """Write ``run`` to ``path`` atomically (a reader never sees half a file)."""
    data = {
        FORMAT: VERSION,
        "scenario": run.scenario,
        "seed": run.seed,
        "world": run.world,
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
    if not isinstance(data, dict) or data.get(FORMAT) != VERSION:
        raise InputError(
            f"--class-run {path}: not a class run file (expected a JSON object with "
            f'"{FORMAT}": {VERSION}, as `sahelsim teach --class --save` writes)'
        )
    try:
        answers = {
            (str(a["series"]), int(a["day"])): (str(a["role"]), Choice(a["choice"]))
            for a in data["answers"]
        }
        return ClassRun(str(data["scenario"]), int(data["seed"]), int(data["world"]), answers)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"--class-run {path}: a field is missing or wrong ({exc})") from None
