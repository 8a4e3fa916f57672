"""What ``extract`` needs to know from the graph: its names, and a few facts that help
read a release (who held which post when, which body a post is in, when documents were
issued, which meetings are recorded, who publishes which web site)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from ..ingest.resolve import Resolver
from ..ingest.sheet import KINDS
from ..namespaces import DCT, ID, NEG, ORG, SCHEMA
from ..store.protocol import GraphStore
from .names import NameIndex


@dataclass
class Knowledge:
    index: NameIndex
    post_body: dict[str, str] = field(default_factory=dict)
    tenures: list[tuple[str, str, date | None, date | None]] = field(default_factory=list)
    issued: dict[str, date] = field(default_factory=dict)
    meetings: list[tuple[str, date, str]] = field(default_factory=list)  # iri, day, series
    publishers: dict[str, list[str]] = field(default_factory=dict)  # web host -> publishers
    doc_types: dict[str, str] = field(default_factory=dict)  # document -> its type
    doc_ordinals: dict[str, int] = field(default_factory=dict)
    counterparts: dict[str, str] = field(default_factory=dict)  # post -> counterpart post
    parent: dict[str, str] = field(default_factory=dict)  # body -> the body it is part of
    site_body: dict[str, str] = field(default_factory=dict)  # site -> the body it houses

    @property
    def resolver(self) -> Resolver:
        return self.index.resolver

    @classmethod
    def from_store(cls, store: GraphStore) -> Knowledge:
        resolver = Resolver.from_store(store)
        knowledge = cls(NameIndex(resolver, label_keys(resolver)))
        for r in store.query(f"SELECT ?p ?o WHERE {{ ?p <{ORG}postIn> ?o }}"):
            knowledge.post_body[r["p"].value] = r["o"].value
        for r in store.query(
            f"""SELECT ?person ?post ?start ?end ?seen WHERE {{
                  ?t a <{NEG}Tenure> ; <{ORG}member> ?person ; <{NEG}post> ?post .
                  OPTIONAL {{ ?t <{SCHEMA}startDate> ?start }}
                  OPTIONAL {{ ?t <{SCHEMA}endDate> ?end }}
                  OPTIONAL {{ ?t <{NEG}attestedOn> ?seen }} }}"""
        ):
            start = _day(r["start"]) or _day(r["seen"])
            knowledge.tenures.append((r["person"].value, r["post"].value, start, _day(r["end"])))
        for r in store.query(f"SELECT ?d ?i WHERE {{ ?d <{DCT}issued> ?i }}"):
            day = _day(r["i"])
            if day:
                knowledge.issued[r["d"].value] = day
        for r in store.query(
            f"""SELECT ?m ?d ?s WHERE {{ ?m a <{NEG}Meeting> ; <{SCHEMA}startDate> ?d .
                  OPTIONAL {{ ?m <{SCHEMA}superEvent> ?s }} }}"""
        ):
            day = _day(r["d"])
            if day:
                knowledge.meetings.append((r["m"].value, day, r["s"].value if r["s"] else ""))
        knowledge.publishers = _publishers(store)
        for r in store.query(
            f"""SELECT ?d ?t ?n WHERE {{ ?d <{DCT}type> ?t .
                  OPTIONAL {{ ?d <{NEG}ordinal> ?n }} }}"""
        ):
            knowledge.doc_types[r["d"].value] = r["t"].value
            if r["n"] is not None:
                knowledge.doc_ordinals[r["d"].value] = int(r["n"].value)
        for r in store.query(f"SELECT ?a ?b WHERE {{ ?a <{ORG}subOrganizationOf> ?b }}"):
            knowledge.parent.setdefault(r["a"].value, r["b"].value)
        for r in store.query(f"SELECT ?b ?s WHERE {{ ?b <{ORG}hasSite> ?s }}"):
            knowledge.site_body.setdefault(r["s"].value, r["b"].value)
        for r in store.query(f"SELECT ?a ?b WHERE {{ ?a <{NEG}counterpart> ?b }}"):
            knowledge.counterparts[r["a"].value] = r["b"].value
            knowledge.counterparts[r["b"].value] = r["a"].value
        return knowledge

    # -- facts

    def posts_held(self, person: str, day: date) -> list[str]:
        """The posts ``person`` held on ``day``, by the graph's tenures."""
        return sorted(
            {
                post
                for who, post, start, end in self.tenures
                if who == person and start and start <= day and (end is None or end >= day)
            }
        )

    def holder_on(self, post: str, day: date | None) -> str | None:
        """The one person who held ``post`` on ``day``, by the graph's tenures."""
        if day is None:
            return None
        who = {
            person
            for person, p, start, end in self.tenures
            if p == post and start and start <= day and (end is None or end >= day)
        }
        return who.pop() if len(who) == 1 else None

    def root(self, body: str) -> str:
        """The body at the top of ``body``'s hierarchy (NATO, the EU), or itself."""
        seen = {body}
        while body in self.parent and self.parent[body] not in seen:
            body = self.parent[body]
            seen.add(body)
        return body

    def report_numbered(self, n: int) -> str | None:
        """The progress report with number ``n``."""
        hits = [
            d
            for d, k in self.doc_ordinals.items()
            if k == n and self.doc_types.get(d, "").endswith("/progress-report")
        ]
        return hits[0] if len(hits) == 1 else None

    def head_post(self, body: str) -> str | None:
        """The one post at the head of a body (not a deputy's)."""
        posts = [
            p
            for p, b in self.post_body.items()
            if b == body and not self.label(p).lower().startswith("deputy")
        ]
        return posts[0] if len(posts) == 1 else None

    def proposal_sets(self) -> list[str]:
        return sorted(d for d, t in self.doc_types.items() if t.endswith("/proposal-set"))

    def is_proposal_set(self, iri: str) -> bool:
        return self.doc_types.get(iri, "").endswith("/proposal-set")

    def recorded_meetings(self, day: date, series: str | None) -> list[str]:
        return [m for m, d, s in self.meetings if d == day and (not series or s == series)]

    def publisher_for(self, url: str) -> str | None:
        hits = self.publishers.get(_host(url), [])
        return Counter(hits).most_common(1)[0][0] if hits else None

    # -- names to write

    def name_for(self, iri: str, slot: str) -> str:
        """A name that ``load`` resolves to ``iri`` in a slot of kind ``slot``: its label
        when that label is unambiguous there, else its prefixed id."""
        entity = self.resolver.entities.get(iri)
        if entity and self.resolver.lookup(entity.label, types=KINDS[slot]) == [iri]:
            return entity.label
        return "id:" + iri.removeprefix(ID) if iri.startswith(ID) else iri

    def label(self, iri: str) -> str:
        entity = self.resolver.entities.get(iri)
        return entity.label if entity else iri


def label_keys(resolver: Resolver) -> list[str]:
    """Every label the resolver knows, folded."""
    return resolver.names()


def _day(term: object) -> date | None:
    value = getattr(term, "value", None)
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")


def _publishers(store: GraphStore) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for r in store.query(
        f"SELECT ?s ?p WHERE {{ ?s a <{NEG}Source> ; <{DCT}publisher> ?p . FILTER(isIRI(?s)) }}"
    ):
        out[_host(r["s"].value)].append(r["p"].value)
    return dict(out)
