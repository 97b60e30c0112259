"""A comparison of two paired bundles in the terminal: the table of differences and sentences.

The differences are :func:`sim.analysis.compare.compare_bundles`'; the files and figures of a
comparison are :func:`sim.present.outputs.write_comparison`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sim.analysis.compare import Difference, sentence
from sim.model.outcome_registry import Estimator


def comparison_table(differences: Sequence[Difference]) -> Table:
    """Each key outcome in A and B, the paired difference B - A and its 95 % interval."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("outcome", "A", "B", "B - A", "95 % interval"):
        table.add_column(column, overflow="fold")  # fold long names rather than cut them
    for d in differences:
        percent = d.outcome.estimator is Estimator.PROPORTION
        show = (lambda v: f"{v:.0%}") if percent else (lambda v: f"{v:,.2f}")
        diff = d.difference
        table.add_row(
            d.outcome.label(),
            show(d.a),
            show(d.b),
            show(diff.value),
            f"{show(diff.low)} to {show(diff.high)}" if diff.n > 1 else "-",
        )
    return table


def print_comparison(
    differences: Sequence[Difference],
    name_b: str,
    out: Path,
    *,
    drawn: bool = True,
    console: Console | None = None,
) -> None:
    """The comparison's table, a sentence per yes/no outcome, and where the files are."""
    report = console or Console(highlight=False)
    report.print(comparison_table(differences))
    for d in differences:
        if d.outcome.estimator is Estimator.PROPORTION:
            report.print(sentence(d, name_b))
    report.print("Paired on common random numbers. Not a forecast.", style="italic")
    report.print(f"Comparison: {out} (a/, b/, comparison.csv{', figures/' if drawn else ''})")
