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
from functools import cache, lru_cache

import numpy as np


class Concern(IntEnum):
    """The model's concerns, each with its own stream (values are part of the seed: never reuse)."""

    INTENT = 1
    DECISION = 2
    COMBAT = 3
    INSURGENCY = 4
    TERMINATION = 5
    MESA = 6


@cache
def _text_key(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _key(part: int | str) -> int:
    return part if isinstance(part, int) else _text_key(part)


def stream(seed: int, concern: Concern, *keys: int | str) -> np.random.Generator:
    """A generator for one concern (and optionally one keyed thing) of one replicate."""
    sequence = np.random.SeedSequence(entropy=seed, spawn_key=(int(concern), *map(_key, keys)))
    return np.random.Generator(np.random.PCG64(sequence))


_MASK = (1 << 64) - 1


def _splitmix64(x: int) -> int:
    """One round of SplitMix64 (Steele, Lea & Flood 2014), a strong 64-bit mixing function."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


@lru_cache(maxsize=256)
def _keyed_head(seed: int, concern: int) -> int:
    """The hash of a seed and a concern: the part of a keyed draw shared by all its keys."""
    return _splitmix64(_splitmix64(seed & _MASK) ^ (concern & _MASK))


def keyed_uniform(seed: int, concern: Concern, *keys: int | str) -> float:
    """One uniform number in [0, 1) that depends only on the seed, the concern and the keys.

    A counter-based draw: the seed and keys are hashed with SplitMix64, so a draw costs a
    microsecond and no state, and the same keys always give the same number.
    """
    h = _keyed_head(seed, int(concern))  # the same for every draw of a concern: cached
    for part in keys:
        h = _splitmix64(h ^ (_key(part) & _MASK))
    return (h >> 11) / float(1 << 53)
