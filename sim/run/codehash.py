"""A fingerprint of the code and facts that make a run's bytes, for resuming safely.

An interrupted run resumes only with the code that began it: the package's version is not
bumped at every change of the model's behaviour, so a run begun before a change and finished
after it would mix replicates of two models in one folder with no word said. The fingerprint
is the SHA-256 of the model, scenario, analysis and run code and of the fact base; any change
to them refuses a resume (a refactoring that moved no byte too, which costs a rerun, not a
wrong result).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from sim.resources import seeds_dir

_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = ("model", "scenario", "analysis", "run")


@cache
def code_sha256() -> str:
    """SHA-256 over the files that decide a run's outputs, by relative path and content."""
    digest = hashlib.sha256()
    seeds = seeds_dir()
    files = [(_PACKAGE, p) for part in _CODE for p in sorted((_PACKAGE / part).rglob("*.py"))]
    files += [(seeds, p) for p in sorted(seeds.rglob("*.yaml"))]
    for root, path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
