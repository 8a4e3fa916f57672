"""IRIs the library itself needs: our namespaces and the reused ones, as plain strings.

Plain strings keep this module free of rdflib and pyoxigraph, so anything may import it.
"""

from __future__ import annotations

BASE = "https://w3id.org/nato-eu-graph/"
NEG = BASE + "ontology#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
META_GRAPH = GRAPH + "meta"
STAGING_GRAPHS = GRAPH + "staging/"  # a large remote write's steps (store/staged.py)
# ?g is one of the graphs nato-eu-graph writes with facts (not metadata, not staging): an
# endpoint's own graphs (Virtuoso keeps several) and other datasets are not counted.
DATA_GRAPHS = (
    f'FILTER(STRSTARTS(STR(?g), "{GRAPH}") && ?g != <{META_GRAPH}> '
    f'&& !STRSTARTS(STR(?g), "{STAGING_GRAPHS}"))'
)
FILE = BASE + "file/"
AGENT = BASE + "agent/"
ONTOLOGY_IRI = BASE + "ontology"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
VANN = "http://purl.org/vocab/vann/"
WD = "http://www.wikidata.org/entity/"

PREFIXES: dict[str, str] = {
    "neg": NEG,
    "id": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "dct": DCT,
    "foaf": FOAF,
    "org": ORG,
    "prov": PROV,
    "schema": SCHEMA,
    "vann": VANN,
    "wd": WD,
}


def compact(iri: str) -> str:
    """Shorten an IRI with the first matching prefix, for messages and tables."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        return f"{best}:{iri[len(PREFIXES[best]) :]}"
    return iri
