"""Named random streams, so that variants of a scenario share their random numbers.

Each concern (the threatener's daily intent, decisions on obligations, combat noise, insurgent
noise) draws from its own stream derived from the replicate seed and the concern's name, and
draws that belong to one thing (one obligation, one war) are keyed by that thing rather than
taken in sequence. So two scenarios run on the same seed (common random numbers) see the same
numbers wherever they share structure: removing a pact changes only the draws that the pact's
own obligations would have used. This follows Starsim's common-random-number design.
"""

from __future__ import annotations

import zlib
from enum import IntEnum

import numpy as np


class Concern(IntEnum):
    """The model's concerns, each with its own stream (values are part of the seed: never reuse)."""

    INTENT = 1
    DECISION = 2
    COMBAT = 3
    INSURGENCY = 4
    TERMINATION = 5
    MESA = 6


def _key(part: int | str) -> int:
    return part if isinstance(part, int) else zlib.crc32(part.encode("utf-8"))


def stream(seed: int, concern: Concern, *keys: int | str) -> np.random.Generator:
    """A generator for one concern (and optionally one keyed thing) of one replicate."""
    sequence = np.random.SeedSequence(entropy=seed, spawn_key=(int(concern), *map(_key, keys)))
    return np.random.Generator(np.random.PCG64(sequence))


def keyed_uniform(seed: int, concern: Concern, *keys: int | str) -> float:
    """One uniform number in [0, 1) that depends only on the seed, the concern and the keys."""
    sequence = np.random.SeedSequence(entropy=seed, spawn_key=(int(concern), *map(_key, keys)))
    return float(sequence.generate_state(1, np.uint64)[0] >> np.uint64(11)) / float(1 << 53)
