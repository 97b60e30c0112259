"""Where the fact base (``seeds/``) and the bundled scenarios (``scenarios/``) are found.

In a source checkout they sit at the top of the repository; an installed wheel carries them
as ``sim/_data/``. Both layouts are supported so that ``pip install .`` and ``pip install -e .``
behave the same.
"""

from __future__ import annotations

from pathlib import Path

from sim.errors import Text

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"sahelsim's {name}/ folder is missing from this installation")


def seeds_dir() -> Path:
    """The folder of the cited fact base."""
    return _data_dir("seeds")


def scenarios_dir() -> Path:
    """The folder of the bundled scenarios (lessons in its ``lessons/`` subfolder)."""
    return _data_dir("scenarios")


def shipped_posterior() -> Path:
    """Where the posterior the project ships is (``sahelsim calibrate`` makes it; may be absent)."""
    return _PACKAGE / "data" / "posterior.csv"


def install_command(extra: str) -> str:
    """The command that installs the optional dependencies ``extra`` names, for this install.

    From a source checkout (the README's ``pip install -e .``), the package is not on the
    registry: ``pip install 'sahelsim[...]'`` would find nothing there.
    """
    if (_PACKAGE.parent / "pyproject.toml").is_file():
        # A phrase, said in the language of the message it is part of.
        return Text(
            "{command} (from the top folder of your sahelsim checkout)",
            command=f"pip install -e '.[{extra}]'",
        )
    return f"pip install 'sahelsim[{extra}]'"
