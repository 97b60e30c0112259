"""sahelsim: mutual-defence scenarios in the Sahel as seeded agent-based ensembles.

Layers, each importing only the ones before it: ``sim.scenario`` (schema, loading, the fact
base), ``sim.model`` (the Mesa model and its pact engine), then running, analysis, presentation
and the command line (docs/architecture.md; ``lint-imports`` checks them). This module holds
only the version and imports nothing, so that every layer may read it. Outputs are for teaching
and exploration, not forecasts.
"""

__version__ = "0.1.0"
