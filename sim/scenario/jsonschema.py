"""The JSON Schema of scenario files, for editors and other tools.

It is pydantic's schema of :class:`~sim.scenario.schema.Scenario`, in two forms chosen by
``if``/``then``/``else``: a file without ``extends:`` must be complete, while a file that
extends another may write any part partially (``events: {x: {enabled: false}}``), since it is
merged over its parent before the full check.
"""

from __future__ import annotations

import copy
from typing import Any

from sim.scenario.schema import Scenario

SCHEMA_ID = "https://github.com/sahelsim/sahelsim/blob/main/docs/scenario.schema.json"
_DEFS = "#/$defs/"


def _relaxed(node: Any) -> Any:
    """The same schema with nothing required, unions made lenient and refs to partial defs."""
    if isinstance(node, list):
        return [_relaxed(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "required" or key == "discriminator":
            continue
        if key == "$ref" and isinstance(value, str) and value.startswith(_DEFS):
            out[key] = _DEFS + "Partial" + value[len(_DEFS) :]
        elif key == "oneOf":
            out["anyOf"] = _relaxed(value)
        else:
            out[key] = _relaxed(value)
    return out


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file as written by hand."""
    full = copy.deepcopy(Scenario.model_json_schema())
    defs = full.pop("$defs", {})
    description = full.pop("description", "")
    full.pop("title", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "sahelsim scenario",
        "description": description,
        "type": "object",
        "$defs": {**defs, **{f"Partial{name}": _relaxed(d) for name, d in defs.items()}},
        "if": {"required": ["extends"]},
        "then": {**_relaxed(full), "required": ["title", "extends"]},
        "else": full,
    }
