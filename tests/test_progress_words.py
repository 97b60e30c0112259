"""The time a run says it will take reads as a person writes it, in both languages."""

from __future__ import annotations

import pytest

from sim.present.progress import duration


@pytest.mark.parametrize(
    ("seconds", "english"),
    [
        (0.25, "250 ms"),
        (0.0995, "100 ms"),
        (0.0042, "4.2 ms"),
        (12.3, "12 s"),
        (3700, "1 h 02 min"),
    ],
)
def test_a_duration_is_never_written_in_e_notation(seconds, english):
    """A newcomer read "2.5e+02 ms per replicate" in a run's time estimate."""
    assert duration(seconds) == english
    assert "e+" not in duration(seconds, "fr") and "e-" not in duration(seconds, "fr")
