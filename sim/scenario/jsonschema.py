"""The JSON Schema of scenario files, for editors and other tools.

It is pydantic's schema of :class:`~sim.scenario.schema.Scenario` with one change: a file
that ``extends:`` another may leave out what it inherits, so ``start`` and ``actors`` are
required only of files without ``extends``.
"""

from __future__ import annotations

from typing import Any

from sim.scenario.schema import Scenario

SCHEMA_ID = "https://github.com/sahelsim/sahelsim/blob/main/docs/scenario.schema.json"


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file as written by hand."""
    schema = Scenario.model_json_schema()
    required = [r for r in schema.pop("required", []) if r != "title"]
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "sahelsim scenario",
        "required": ["title"],
        "if": {"not": {"required": ["extends"]}},
        "then": {"required": required},
    }
    return out
