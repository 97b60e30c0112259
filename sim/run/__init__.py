"""Run layer: replicates, seeds, executors and the results bundle."""
