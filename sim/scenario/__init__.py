"""Scenario layer: the format, its loading and validation, and the cited fact base."""
