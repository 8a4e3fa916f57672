"""nato-eu-graph: a knowledge graph of NATO-EU institutional relationships."""

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # Lazy, so that `nato-eu-graph --help` does not pay for the query engine.
    if name in ("Graph", "Rows"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
