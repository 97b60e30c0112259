"""Model layer: the Mesa model, its agents, the pact engine and the dynamics."""
