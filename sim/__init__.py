"""sahelsim: mutual-defence scenarios in the Sahel as seeded agent-based ensembles.

Layers, each importing only the ones before it: ``sim.scenario`` (schema, loading, the fact
base), ``sim.model`` (the Mesa model and its pact engine), then running, analysis and
presentation. Outputs are for teaching and exploration, not forecasts.
"""

__version__ = "0.1.0"
