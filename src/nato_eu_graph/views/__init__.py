"""Drawing the graph: CONSTRUCT views projected into networkx, offline HTML views, the
default view set, and graph analysis (paths, centrality).

Depends on query/, ingest/, store/ and the shared modules; never on extract/ or cli/.
"""
