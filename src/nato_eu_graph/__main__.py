"""``python -m nato_eu_graph`` runs the command line."""

from .cli import entry

entry()
