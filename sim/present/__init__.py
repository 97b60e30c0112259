"""Presentation layer: figures, narrative, report, command line and teaching app."""
