"""Analysis layer: pure functions over run records and results bundles."""
