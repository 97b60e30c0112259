"""Result files written as work finishes, which survive a kill at any moment.

A writer appends to files in ``.partial/`` and, after each finished piece of work, saves a
checkpoint: how much is done and how long each file then was. The checkpoint is written to a
temporary file and renamed over the old one, so it is always whole. Resuming cuts every file back
to its checkpointed length and goes on from there; whatever had been written after the
checkpoint is written again, identically, so a resumed folder has the bytes of an uninterrupted
one.

When the work is done, :func:`publish` writes the manifest into ``.partial/`` (again by
renaming) and only then moves the finished files out. A kill during those moves leaves a whole
manifest behind, and :func:`finish_publish` completes them. Work stopped with Ctrl-C is published
as copies (its manifest says ``interrupted``) and ``.partial/`` is kept, so it can be finished
later with ``--resume`` like work that was killed.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sim.errors import InputError, Joined, Text
from sim.run.files import write_whole, written_whole

CHANGED = {
    "version": Text("the version of sahelsim"),
    "code_sha256": Text("the model's code or fact base"),
    "kind": Text("the kind of analysis"),
    "scenario_sha256": Text("the scenario (its file or --set)"),
    "root_seed": "--seed",
    "replicates": "--replicates",
    "precision": "--precision",
    "series_sample": "--series",
    "all_series": "--series",
    "posterior_sha256": "--posterior",
    "episodes": "--episodes",
    "robustness": "--robustness",
    "parameters": "--param",
    "design": "--sample",
    "points_sha256": Text("the design's points (--param, --n)"),
}
"""What the user changed, in their words, for each part of a run's identity that differs."""


def changed_words(
    keys: list[str], before: dict[str, Any], now: dict[str, Any]
) -> dict[str, object]:
    """The fields ``changed`` and ``was`` of a refusal to resume.

    What changed, in the user's words, and the earlier values worth giving (`` (it had --seed
    7)``, or nothing), each as the user could type it. ``now`` is what the resumption would have.
    """
    labels: list[object] = []
    values: list[object] = []
    for key in keys:
        if key == "posterior_sha256":
            label, value = _parameters_words(before.get(key), now.get(key))
            labels.append(label)
            values.append(value)
            continue
        labels.append(CHANGED.get(key, key))
        value = _earlier(key, before)
        if value is not None:
            values.append(value)
    labels = list(dict.fromkeys(labels))
    was = Text(" (it had {values})", values=Joined(", ", values)) if values else ""
    return {"changed": Joined(", ", labels), "was": was}


def _earlier(key: str, before: dict[str, Any]) -> object:
    """What the work had for ``key``, as options the user could type; None if not worth giving.

    Hashes are not (no one types them), nor an episode list (the folder's plan keeps it, and
    ``--resume`` without ``--episodes`` takes it).
    """
    value = before.get(key)
    if key == "root_seed":
        return f"--seed {value}"
    if key == "replicates":
        precision = before.get("precision")
        if precision is None:
            return f"--replicates {value}"
        # An adaptive run's replicates are its cap, which the user may never have typed.
        return Text(
            "--replicates {replicates}, the cap of its --precision {precision}",
            replicates=value,
            precision=precision,
        )
    if key == "precision":
        return Text("no --precision") if value is None else f"--precision {value}"
    if key == "all_series":
        return "--series all" if value else "--series sample"
    if key == "robustness":
        return "--robustness" if value else Text("no --robustness")
    return None


def _parameters_words(before: str | None, now: str | None) -> tuple[str, object]:
    """The flag that changed the parameters a replicate runs with, and what the work had.

    No posterior hash means single values: between those and a posterior the user changed
    ``--parameters``; between two posteriors, ``--posterior`` (a file's content, not its path).
    """
    if before is None:
        return "--parameters", "--parameters point"
    if now is None:
        return "--parameters", "--parameters posterior"
    return "--posterior", Text("a --posterior of sha256 {sha256}", sha256=before)


PARTIAL = ".partial"
PLAN = "plan.json"
CHECKPOINT = "checkpoint.json"
MANIFEST = "manifest.json"


def _write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that the file is either the old one or the new one."""
    write_whole(path, text)


def saved(partial: Path) -> bool:
    """Whether ``partial`` holds a checkpoint (if not, a kill came before any work was done)."""
    return (partial / CHECKPOINT).is_file()


def begin(partial: Path, identity: dict[str, Any]) -> None:
    """Start a resumable folder: ``identity`` is what a resumption must match."""
    partial.mkdir(parents=True, exist_ok=True)
    _write_whole(partial / PLAN, json.dumps(identity, indent=1))


def save(partial: Path, state: dict[str, Any], files: dict[str, IO]) -> None:
    """Record ``state`` and each open file's length, after flushing them."""
    for handle in files.values():
        handle.flush()
    lengths = {key: handle.tell() for key, handle in files.items()}
    _write_whole(partial / CHECKPOINT, json.dumps({**state, "bytes": lengths}))


def roll_back(partial: Path, files: dict[str, IO]) -> dict[str, Any]:
    """Cut open files back to the saved checkpoint and return its state (without the lengths).

    Ctrl-C can land in the middle of adding a piece of work: after some of its rows were written
    but before the checkpoint counted them. The checkpoint on disk is always whole, so it is the
    truth; what was written after it goes, and the published files agree with the count.
    """
    state = json.loads((partial / CHECKPOINT).read_text(encoding="utf-8"))
    lengths = state.pop("bytes")
    for key, handle in files.items():
        handle.flush()
        handle.truncate(lengths[key])
    return state


@dataclass(frozen=True)
class Resumption:
    """What stopped work must have been started with, and what its saved state must hold."""

    identity: dict[str, Any]
    """What the resumption would start with; every key must match the work's plan."""
    files: dict[str, str]
    """File key -> file name in ``.partial/``, as saved by :func:`save`."""
    expected: object
    """What the user must repeat, for the message (``the same scenario, --seed...``)."""
    lists: tuple[str, ...] = ("failed",)
    """Keys of the saved state that must hold lists (besides ``completed``, a count)."""
    most: int | None = None
    """The largest ``completed`` the plan allows."""


@dataclass(frozen=True)
class Checked:
    """Stopped work found resumable by :func:`check_saved`: what :func:`restore` goes on from."""

    state: dict[str, Any]
    """The saved state, without the lengths."""
    lengths: dict[str, int]
    """Each file's length at the checkpoint, by its key."""
    files: dict[str, str]
    """File key -> file name in ``.partial/``."""


@dataclass(frozen=True)
class Found:
    """What ``--resume`` found in a folder, checked against what the command would run.

    Checked once, before the command says what it will run; the work goes on from this.
    """

    finished: dict | None = None
    """The manifest of finished work made by the same command: nothing is left to run."""
    stopped: Checked | None = None
    """Stopped work to go on from. With neither, the work starts afresh."""


def check_saved(out: Path, resumption: Resumption) -> Checked:
    """Check that the stopped work in ``out`` can go on as ``resumption``; change nothing.

    Args:
        out: the folder given with ``--out``.
        resumption: what the work must have been started with, and what its state must hold.

    Raises:
        InputError: a missing or damaged plan or checkpoint (the message names the file and
            what is wrong), a different identity, or a file shorter than its checkpoint.
    """
    partial = out / PARTIAL
    started = _read_object(out, partial / PLAN)
    state = _read_object(out, partial / CHECKPOINT)
    refuse_changed(out, started, resumption.identity, resumption.expected)
    names, most = resumption.files, resumption.most
    lengths = state.pop("bytes", None)
    checked = partial / CHECKPOINT
    if not isinstance(lengths, dict):
        raise damaged(
            out, checked, Text("no file lengths (its 'bytes' is missing or not an object)")
        )
    for key, name in names.items():
        length = lengths.get(key)
        if type(length) is not int or length < 0:
            raise damaged(
                out,
                checked,
                Text(
                    "the length of {name} is {length!r}; expected a whole number >= 0",
                    name=name,
                    length=length,
                ),
            )
    completed = state.get("completed")
    if type(completed) is not int or not 0 <= completed <= (completed if most is None else most):
        upto = "" if most is None else Text(" and at most {most}, the work planned", most=most)
        raise damaged(
            out,
            checked,
            Text(
                "'completed' is {completed!r}; expected a whole number >= 0{upto}",
                completed=completed,
                upto=upto,
            ),
        )
    for key in resumption.lists:
        if not isinstance(state.get(key), list):
            raise damaged(
                out,
                checked,
                Text("{key!r} is {value!r}; expected a list", key=key, value=state.get(key)),
            )
    for entry in state.get("failed", []):
        if not (
            isinstance(entry, dict)
            and {"replicate", "seed"} <= entry.keys()
            and all(type(v) is int for v in entry.values())
        ):
            raise damaged(
                out,
                checked,
                Text("a failed replicate is {entry!r}; expected its numbers by name", entry=entry),
            )
    for key, name in names.items():
        path = partial / name
        if not path.exists() or path.stat().st_size < lengths[key]:
            raise damaged(
                out,
                path,
                Text(
                    "shorter than the {length} bytes its checkpoint recorded", length=lengths[key]
                ),
            )
    return Checked(state, {key: lengths[key] for key in names}, dict(names))


def restore(out: Path, checked: Checked) -> dict[str, Any]:
    """Cut the files of stopped work, :func:`check_saved` first, back to its checkpoint.

    Returns:
        The saved state (without the lengths).
    """
    partial = out / PARTIAL
    for key, name in checked.files.items():
        os.truncate(partial / name, checked.lengths[key])  # drop what came after the checkpoint
    return checked.state


def damaged(out: Path, path: Path, what: Text) -> InputError:
    """The error for stopped work whose saved state cannot be trusted: what, and how to go on."""
    return InputError(
        Text(
            "--resume: {path} is damaged: {what}; the stopped work cannot be resumed. To start "
            "afresh, remove {out} (or choose another --out) and run the same command without "
            "--resume",
            path=path,
            what=what,
            out=out,
        )
    )


def _read_object(out: Path, path: Path) -> dict[str, Any]:
    """A JSON object from a file of saved state, or the error that says what is wrong with it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise damaged(out, path, Text("the file is missing")) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise damaged(out, path, Text("unreadable ({reason})", reason=reason)) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        what = (
            Text("empty")
            if not text.strip()
            else Text("not whole JSON ({why}, line {line})", why=exc.msg, line=exc.lineno)
        )
        raise damaged(out, path, what) from None
    if not isinstance(value, dict):
        raise damaged(
            out,
            path,
            Text("it holds a JSON {kind}; expected an object", kind=type(value).__name__),
        )
    return value


def publish(
    partial: Path, out: Path, files: list[str], manifest: dict, *, keep: bool = False
) -> dict:
    """Write the manifest, then move every finished file from ``partial`` into ``out``.

    With ``keep`` (work stopped part-way), copy them instead and keep ``partial`` resumable.
    """
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    if keep:
        for name in files:
            with written_whole(out / name) as temporary:
                shutil.copyfile(partial / name, temporary)
        _write_whole(out / MANIFEST, text)
        return manifest
    _write_whole(partial / MANIFEST, text)
    _move_out(partial, out, files)
    return manifest


def _move_out(partial: Path, out: Path, files: list[str]) -> None:
    for name in files:
        if (partial / name).exists():  # after a kill, some may have moved already
            os.replace(partial / name, out / name)
    if (partial / MANIFEST).exists():
        os.replace(partial / MANIFEST, out / MANIFEST)  # last: its presence means complete
    shutil.rmtree(partial, ignore_errors=True)


def finish_publish(out: Path) -> bool:
    """Complete a :func:`publish` that a kill cut short; return whether ``out`` is complete.

    Work published part-way (stopped with Ctrl-C) whose ``.partial/`` still holds its
    checkpoint is not complete: it can be resumed.

    Raises:
        InputError: the manifest found is damaged.
    """
    partial = out / PARTIAL
    manifest = next((p for p in (partial / MANIFEST, out / MANIFEST) if p.is_file()), None)
    if manifest is None:
        return False
    record = _read_object(out, manifest)
    if manifest.parent == out and saved(partial) and _interrupted(record):
        return False
    if partial.exists():
        files = record.get("files", [])
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise damaged(out, manifest, Text("its 'files' is not a list of file names"))
        _move_out(partial, out, files)
    return True


def _interrupted(manifest: dict) -> bool:
    replicates = manifest.get("replicates")
    return isinstance(replicates, dict) and bool(replicates.get("interrupted"))


def _saved_number(
    out: Path, in_plan: tuple[str, ...], in_manifest: tuple[str, ...], kind: type = int
) -> Any:
    """A number (of ``kind``) the stopped work's plan, else the finished work's manifest, records."""
    for path, keys in ((out / PARTIAL / PLAN, in_plan), (out / MANIFEST, in_manifest)):
        try:
            value: Any = json.loads(path.read_text(encoding="utf-8"))
            for key in keys:
                value = value[key]
            return kind(value)
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return None


def saved_root_seed(out: Path) -> int | None:
    """The root seed that stopped or finished work in ``out`` ran with, if it says."""
    return _saved_number(out, ("root_seed",), ("seeds", "root"))


def saved_replicates(out: Path) -> int | None:
    """The number of replicates stopped or finished work in ``out`` was planned with, if it says."""
    return _saved_number(out, ("replicates",), ("replicates", "planned"))


def saved_precision(out: Path) -> float | None:
    """The precision an adaptive run in ``out``, stopped or finished, ran to; None if not one."""
    return _saved_number(out, ("precision",), ("replicates", "precision"), float)


def load_manifest(out: Path) -> dict:
    """The manifest of a complete folder.

    Raises:
        InputError: it is missing, unreadable or not a JSON object (the message says which).
    """
    return _read_object(out, out / MANIFEST)


def note_drawn(out: Path, paths: list[Path]) -> None:
    """Say in ``out``'s manifest which drawn files (figures, report) exist, whole.

    Called with an empty list before drawing starts and with every file drawn so far after each
    one, so the manifest never names a figure a kill or a full disk kept from being written.
    """
    manifest = load_manifest(out)
    manifest["drawn"] = [path.relative_to(out).as_posix() for path in paths]
    write_whole(out / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")


def refuse_changed(
    out: Path, before: dict[str, Any], now: dict[str, Any], expected: object = None
) -> None:
    """Refuse going on with the work in ``out`` if any key of ``now`` differs in ``before``.

    ``before`` is what the work was started with (or finished with), ``now`` what the command
    would go on with; the message names the flags the user changed. ``expected`` is what the
    resumption of stopped work must repeat; without it, the work is finished, and only the same
    command leaves it alone.

    Raises:
        InputError: some key differs.
    """
    changed = [key for key in now if before.get(key) != now[key]]
    if not changed:
        return
    words = changed_words(changed, before, now)
    if expected is None:
        raise InputError(
            Text(
                "--resume: {out} is complete but was made with other settings (changed: "
                "{changed}){was}; expected the same command as the finished work",
                out=out,
                **words,
            )
        )
    raise InputError(
        Text(
            "--resume: {out} was started with other settings (changed: {changed}){was}; "
            "expected {expected} as the interrupted run",
            out=out,
            expected=expected,
            **words,
        )
    )
