"""Choose the store a command works on: a SPARQL endpoint when one is named, else the
embedded Oxigraph store (``--store``, ``$NATO_EU_GRAPH_STORE``, or the per-user default)."""

from __future__ import annotations

import os

from .embedded import EmbeddedStore, resolve_store_path
from .protocol import GraphStore

ENV_ENDPOINT = "NATO_EU_GRAPH_ENDPOINT"


def open_graph(
    store: str | None = None,
    endpoint: str | None = None,
    *,
    create: bool = False,
    wait: float = 0.0,
    read_only: bool = False,
) -> GraphStore:
    """``--endpoint`` (or ``$NATO_EU_GRAPH_ENDPOINT``) wins over the embedded store.

    ``read_only`` is for commands that only read: the embedded store is then shared with
    other readers (a server's read-only endpoint decides that for itself)."""
    url = endpoint or (None if store else os.environ.get(ENV_ENDPOINT))
    if url:
        from .remote import RemoteStore  # HTTP client code only for remote work

        return RemoteStore.connect(url)
    return EmbeddedStore.open(
        resolve_store_path(store), create=create, wait=wait, read_only=read_only
    )
