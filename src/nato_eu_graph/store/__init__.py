"""Where the graph lives: the store protocol, the embedded Oxigraph store, remote SPARQL
endpoints, opening either one, what a store holds, and serving a store over HTTP.

Depends only on the shared top-level modules (errors, namespaces, files, resources).
"""
