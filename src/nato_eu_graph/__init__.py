"""nato-eu-graph: a knowledge graph of NATO-EU institutional relationships."""

__version__ = "0.1.0"
