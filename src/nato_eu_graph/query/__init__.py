"""Asking the graph: the catalogue of named queries, running queries with typed
parameters, formatting answers, and the competency report.

Depends on ingest/ (name resolution, serialisation), store/ and the shared modules.
"""
