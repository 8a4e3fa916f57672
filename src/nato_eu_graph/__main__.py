"""``python -m nato_eu_graph`` runs the command line."""

from .cli.main import entry

entry()
