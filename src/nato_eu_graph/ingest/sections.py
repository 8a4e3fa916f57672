"""One handler per fact-sheet section: what each entry of a section becomes in RDF.

Declaring handlers run first, so that facts may refer to things the sheet introduces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

from ..errors import ParseError
from ..namespaces import DCT, FOAF, ID, NEG, ORG, RDF, SCHEMA, SKOS, XSD
from .sheet import Reader, Sheet, lit, mint, node
from .sheet_yaml import Mapping

SECTIONS = (
    "source",
    "sources",
    "organisations",
    "people",
    "posts",
    "tenures",
    "memberships",
    "meetings",
    "documents",
    "adoptions",
    "recognitions",
    "topics",
    "places",
)


def read_sheet(r: Reader, doc: Any) -> Sheet:
    if not isinstance(doc, Mapping):
        raise ParseError(
            "a fact sheet is a YAML mapping of sections",
            file=r.sheet.file,
            hint="start with e.g. 'meetings:' or 'tenures:'",
        )
    for key in doc:
        if key not in SECTIONS:
            raise r.fail(
                f"unknown section {key!r}",
                doc.key_lines[key],
                hint="sections: " + ", ".join(SECTIONS),
            )
    r.default_source = r.text(doc, "source")
    # Declarations first, so that facts may refer to things the sheet itself introduces.
    for key, handler in _DECLARING:
        for entry in _entries(r, doc, key):
            handler(r, entry)
    for key, handler in _FACTS:
        for entry in _entries(r, doc, key):
            handler(r, entry)
    return r.sheet


def _entries(r: Reader, doc: Mapping, key: str) -> list[Mapping]:
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise r.fail(f"'{key}' must be a list of entries ('- field: value')", doc.key_lines[key])
    return value


def _source(r: Reader, m: Mapping) -> None:
    url = r.text(m, "url", required=True) or ""
    if not re.fullmatch(r"https?://\S+", url):
        raise r.fail(f"'url': {url!r} is not a web address", m.line)
    if url in r.resolver.sources:
        return  # described already: the graph keeps its one description
    s = r.sheet
    s.add(url, RDF + "type", node(NEG + "Source"), m.line)
    s.add(url, DCT + "title", lit(r.text(m, "title", required=True) or "", lang="en"), m.line)
    publisher = r.ref(m, "publisher", "publisher", required=True)
    s.add(url, DCT + "publisher", node(publisher or ""), m.line)
    issued = r.date(m, "issued")
    if issued:
        s.add(url, DCT + "issued", issued, m.line)
    s.declared.setdefault(url, m.line)


ORGANISATION_TYPES = {
    "body": ORG + "Organization",
    "formal": ORG + "FormalOrganization",
    "publisher": FOAF + "Organization",
}


def _organisation(r: Reader, m: Mapping) -> None:
    kind = r.text(m, "type") or "body"
    if kind not in ORGANISATION_TYPES:
        raise r.fail(
            f"'type': {kind!r} is not an organisation type",
            m.key_lines["type"],
            hint="use body, formal or publisher",
        )
    rdf_type = ORGANISATION_TYPES[kind]
    iri = r.declare(m, "publisher" if kind == "publisher" else "organisation", [rdf_type])
    r.labels(iri, m, [rdf_type])


def _organisation_facts(r: Reader, m: Mapping) -> None:
    kind = r.text(m, "type") or "body"
    iri = _declared_iri(m, "publisher" if kind == "publisher" else "organisation")
    for parent in r.refs(m, "part_of", "organisation"):
        r.sheet.add(iri, ORG + "subOrganizationOf", node(parent), m.line)
    body_type = r.concept(m, "body_type", "body_type")
    if body_type:
        r.sheet.add(iri, ORG + "classification", node(body_type), m.line)
    for site in r.refs(m, "sites", "place"):
        r.sheet.add(iri, ORG + "hasSite", node(site), m.line)
    if m.get("source") or r.default_source:
        r.cite(iri, m)


def _person(r: Reader, m: Mapping) -> None:
    iri = r.declare(m, "person", [FOAF + "Person"])
    name = r.text(m, "name", required=True) or ""
    r.sheet.add(iri, FOAF + "name", lit(name), m.line)
    r.labels(iri, m, [FOAF + "Person"], key="name")
    rank = r.text(m, "rank")
    if rank:
        r.sheet.add(iri, NEG + "rank", lit(rank), m.line)


def _person_facts(r: Reader, m: Mapping) -> None:
    iri = _declared_iri(m, "person")
    nationality = r.ref(m, "nationality", "state")
    if nationality:
        r.sheet.add(iri, SCHEMA + "nationality", node(nationality), m.line)


def _post_facts(r: Reader, m: Mapping) -> None:
    iri = _declared_iri(m, "post")
    body = r.ref(m, "in", "organisation", required=True)
    r.sheet.add(iri, ORG + "postIn", node(body or ""), m.line)
    role = r.concept(m, "role", "post_role")
    if role:
        r.sheet.add(iri, ORG + "role", node(role), m.line)


def _topic(r: Reader, m: Mapping) -> None:
    iri = r.declare(m, "topic", [SKOS + "Concept"])
    r.sheet.add(iri, SKOS + "inScheme", node(NEG + "Topics"), m.line)
    r.labels(iri, m, [SKOS + "Concept"])


def _place(r: Reader, m: Mapping) -> None:
    kind = r.text(m, "type") or "place"
    rdf_type = ORG + "Site" if kind == "site" else SCHEMA + "Place"
    iri = r.declare(m, "site" if kind == "site" else "place", [rdf_type])
    r.labels(iri, m, [rdf_type])


def _place_facts(r: Reader, m: Mapping) -> None:
    kind = r.text(m, "type") or "place"
    iri = _declared_iri(m, "site" if kind == "site" else "place")
    within = r.ref(m, "in", "place")
    if within:
        r.sheet.add(iri, SCHEMA + "containedInPlace", node(within), m.line)


def _declared_iri(m: Mapping, kind: str) -> str:
    slug = str(m.get("id", "")).removeprefix("id:").removeprefix(ID)
    return ID + (slug if "/" in slug else f"{kind}/{slug}")


def tenure(r: Reader, m: Mapping) -> None:
    person = r.ref(m, "person", "person", required=True) or ""
    post = r.ref(m, "post", "post", required=True) or ""
    start, end, seen = r.date(m, "start"), r.date(m, "end"), r.date(m, "attested")
    if start is None and seen is None:
        raise r.fail("a tenure needs 'start' (or 'attested' when the start is unknown)", m.line)
    iri = mint("tenure", person, post, _v(start), _v(seen))
    s = r.sheet
    s.add(iri, RDF + "type", node(NEG + "Tenure"), m.line)
    s.add(iri, ORG + "member", node(person), m.line)
    s.add(iri, NEG + "post", node(post), m.line)
    _dates(r, iri, m, start, end)
    if seen:
        s.add(iri, NEG + "attestedOn", seen, m.line)
    r.cite(iri, m)


def membership(r: Reader, m: Mapping) -> None:
    state = r.ref(m, "state", "state", required=True) or ""
    org = r.ref(m, "organisation", "organisation", required=True) or ""
    start = r.date(m, "start", required=True)
    iri = mint("membership", state, org, _v(start))
    s = r.sheet
    s.add(iri, RDF + "type", node(ORG + "Membership"), m.line)
    s.add(iri, ORG + "member", node(state), m.line)
    s.add(iri, ORG + "organization", node(org), m.line)
    _dates(r, iri, m, start, r.date(m, "end"))
    r.cite(iri, m)


def _dates(
    r: Reader, iri: str, m: Mapping, start: ox.Literal | None, end: ox.Literal | None
) -> None:
    if start:
        r.sheet.add(iri, SCHEMA + "startDate", start, m.line)
    if end:
        r.sheet.add(iri, SCHEMA + "endDate", end, m.line)
    if start and end and end.value < start.value:
        raise r.fail(
            f"the end {end.value} is before the start {start.value}",
            m.key_lines.get("end", m.line),
            hint="end dates are the last day",
        )


def _v(term: ox.Literal | None) -> str:
    return term.value if term else ""


def _meeting_facts(r: Reader, m: Mapping) -> None:
    iri = _declared_iri(m, "meeting")
    s = r.sheet
    s.add(iri, SCHEMA + "startDate", r.date(m, "date", required=True) or lit(""), m.line)
    end = r.date(m, "end")
    if end:
        s.add(iri, SCHEMA + "endDate", end, m.line)
    for key, prop, kind in (
        ("place", SCHEMA + "location", "place"),
        ("series", SCHEMA + "superEvent", "series"),
    ):
        target = r.ref(m, key, kind)
        if target:
            s.add(iri, prop, node(target), m.line)
    for subject in r.refs(m, "about", "subject"):
        s.add(iri, SCHEMA + "about", node(subject), m.line)
    ordinal = r.text(m, "ordinal")
    if ordinal:
        if not ordinal.isdigit() or int(ordinal) < 1:
            raise r.fail(
                f"'ordinal': {ordinal!r} is not a positive whole number", m.key_lines["ordinal"]
            )
        s.add(iri, NEG + "ordinal", lit(str(int(ordinal)), XSD + "positiveInteger"), m.line)
    planned = r.text(m, "next_planned")
    if planned:
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", planned):
            raise r.fail(
                f"'next_planned': {planned!r} is not a month",
                m.key_lines["next_planned"],
                hint="write it as YYYY-MM",
            )
        s.add(iri, NEG + "nextMeetingPlanned", lit(planned, XSD + "gYearMonth"), m.line)
    r.cite(iri, m)
    for p in _entries(r, m, "participants"):
        _participation(r, iri, m, p)


def _participation(r: Reader, meeting: str, parent: Mapping, m: Mapping) -> None:
    who = r.ref(m, "who", "agent", required=True) or ""
    role = r.concept(m, "role", "role", required=True) or ""
    iri = mint("participation", meeting, who, role)
    s = r.sheet
    s.add(iri, RDF + "type", node(NEG + "Participation"), m.line)
    s.add(iri, NEG + "meeting", node(meeting), m.line)
    s.add(iri, NEG + "participant", node(who), m.line)
    s.add(iri, NEG + "role", node(role), m.line)
    for key, prop, kind in (
        ("capacity", NEG + "inCapacityOf", "post"),
        ("on_behalf_of", NEG + "onBehalfOf", "agent"),
        ("representing", NEG + "representing", "organisation"),
    ):
        target = r.ref(m, key, kind)
        if target:
            s.add(iri, prop, node(target), m.line)
    for subject in r.refs(m, "about", "subject"):
        s.add(iri, SCHEMA + "about", node(subject), m.line)
    if not m.get("source"):
        m["source"] = parent.get("source")
    r.cite(iri, m)


def _document_facts(r: Reader, m: Mapping) -> None:
    iri = _declared_iri(m, "document")
    s = r.sheet
    s.add(
        iri, DCT + "title", lit(r.text(m, "title") or r.text(m, "label") or "", lang="en"), m.line
    )
    issued = r.date(m, "issued")
    if issued:
        s.add(iri, DCT + "issued", issued, m.line)
    kind = r.concept(m, "type", "document_type", required=True)
    s.add(iri, DCT + "type", node(kind or ""), m.line)
    for key, prop, k in (
        ("creators", DCT + "creator", "agent"),
        ("signatories", NEG + "signatory", "person"),
        ("replaces", DCT + "replaces", "document"),
        ("implements", NEG + "implements", "document"),
        ("reports_on", NEG + "reportsOn", "document"),
        ("references", DCT + "references", "document"),
        ("about", SCHEMA + "about", "subject"),
    ):
        for target in r.refs(m, key, k):
            s.add(iri, prop, node(target), m.line)
    _report_facts(r, iri, m)
    r.cite(iri, m)
    for a in _entries(r, m, "adoptions"):
        _adoption(r, iri, m, a)


def _report_facts(r: Reader, iri: str, m: Mapping) -> None:
    """A report's number in its series and the months it covers."""
    ordinal = r.text(m, "ordinal")
    if ordinal:
        if not ordinal.isdigit() or int(ordinal) < 1:
            raise r.fail(
                f"'ordinal': {ordinal!r} is not a positive whole number", m.key_lines["ordinal"]
            )
        r.sheet.add(iri, NEG + "ordinal", lit(str(int(ordinal)), XSD + "positiveInteger"), m.line)
    for key, prop in (("covers_from", NEG + "coversFrom"), ("covers_to", NEG + "coversTo")):
        month = r.text(m, key)
        if month is None:
            continue
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
            raise r.fail(
                f"{key!r}: {month!r} is not a month", m.key_lines[key], hint="write it as YYYY-MM"
            )
        r.sheet.add(iri, prop, lit(month, XSD + "gYearMonth"), m.line)


def _adoption_entry(r: Reader, m: Mapping) -> None:
    """A top-level adoption: a body endorsing, approving or receiving a document the graph
    (or this sheet) knows."""
    document = r.ref(m, "document", "document", required=True) or ""
    _adoption(r, document, m, m)


def _adoption(r: Reader, document: str, parent: Mapping, m: Mapping) -> None:
    by = r.ref(m, "by", "agent", required=True) or ""
    kind = r.concept(m, "kind", "adoption_kind", required=True) or ""
    day = r.date(m, "date", required=True)
    iri = mint("adoption", document, by, kind, _v(day))
    s = r.sheet
    s.add(iri, RDF + "type", node(NEG + "Adoption"), m.line)
    s.add(iri, NEG + "document", node(document), m.line)
    s.add(iri, NEG + "adoptedBy", node(by), m.line)
    s.add(iri, NEG + "adoptionKind", node(kind), m.line)
    s.add(iri, SCHEMA + "startDate", day or lit(""), m.line)
    at = r.ref(m, "at", "meeting")
    if at:
        s.add(iri, NEG + "adoptedAt", node(at), m.line)
    if not m.get("source"):
        m["source"] = parent.get("source")
    r.cite(iri, m)


def _recognition(r: Reader, m: Mapping) -> None:
    domain = r.concept(m, "domain", "domain", required=True) or ""
    by = r.ref(m, "by", "agent", required=True) or ""
    day = r.date(m, "date")
    iri = mint("recognition", domain, by, _v(day))
    s = r.sheet
    s.add(iri, RDF + "type", node(NEG + "DomainRecognition"), m.line)
    s.add(iri, NEG + "domain", node(domain), m.line)
    s.add(iri, NEG + "recognisedBy", node(by), m.line)
    if day:
        s.add(iri, SCHEMA + "startDate", day, m.line)
    at = r.ref(m, "at", "meeting")
    if at:
        s.add(iri, NEG + "recognisedAt", node(at), m.line)
    r.cite(iri, m)


Handler = Callable[[Reader, Mapping], None]


def _declares(kind: str, rdf_type: str) -> Handler:
    """The declaring step of a section whose things have just a type and labels."""

    def declare(r: Reader, m: Mapping) -> None:
        iri = r.declare(m, kind, [rdf_type])
        r.labels(iri, m, [rdf_type])

    return declare


_post = _declares("post", ORG + "Post")
_meeting = _declares("meeting", NEG + "Meeting")
_document = _declares("document", NEG + "StrategicDocument")
_DECLARING: list[tuple[str, Handler]] = [
    ("organisations", _organisation),
    ("people", _person),
    ("posts", _post),
    ("topics", _topic),
    ("places", _place),
    ("meetings", _meeting),
    ("documents", _document),
]
_FACTS: list[tuple[str, Handler]] = [
    ("sources", _source),
    ("organisations", _organisation_facts),
    ("people", _person_facts),
    ("posts", _post_facts),
    ("places", _place_facts),
    ("tenures", tenure),
    ("memberships", membership),
    ("meetings", _meeting_facts),
    ("documents", _document_facts),
    ("adoptions", _adoption_entry),
    ("recognitions", _recognition),
]
