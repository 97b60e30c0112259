"""Defaults and bounds that every layer reads, each declared once here.

The command line builds its options from these before it loads anything heavy, so this module
imports nothing; the schema, the run plans, the classroom app, the benchmarks and the docs read
the same values.
"""

from __future__ import annotations

FLAGSHIP = "niger-2023-intervention"
"""The scenario ``sahelsim run`` and ``sahelsim explain`` use when none is named."""

FIRST_LESSON = "lesson-1-does-the-pledge-deter"
"""The lesson the classroom app opens when none is named (``sahelsim teach``)."""

MAX_SEED = 2**63 - 1
"""Largest root or replicate seed: replicate seeds are 63-bit, so every seed fits a signed int64."""
