"""Allow ``python -m sim``; say how to install, not a traceback, when run outside the venv."""

import sys

try:
    from sim.cli import main
except ModuleNotFoundError as exc:  # e.g. the system Python, without the package's dependencies
    sys.stderr.write(
        f"sahelsim: this Python ({sys.executable}) lacks the module {exc.name!r} that sahelsim "
        "needs. Install the package in a virtual environment and run it from there:\n"
        "  python3 -m venv .venv && .venv/bin/pip install -e .\n"
        "  .venv/bin/sahelsim --help      (or: source .venv/bin/activate, then sahelsim --help)\n"
    )
    sys.exit(1)

if __name__ == "__main__":
    main()
