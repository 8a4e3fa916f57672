"""``site -o DIR``: one static folder. Every internal link resolves, every page carries a
strict Content-Security-Policy and escapes what the data says (a hostile label is loaded
first), the Turtle and JSON-LD beside each page hold exactly the store's facts about that
thing, and the same store gives the same bytes.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rdflib
import rdflib.compare

from nato_eu_graph.errors import GraphError
from nato_eu_graph.ingest.load import load_files
from nato_eu_graph.namespaces import ID, META_GRAPH, NEG, ORG
from nato_eu_graph.query.catalog import get
from nato_eu_graph.query.coverage import as_text, coverage
from nato_eu_graph.query.execute import run_named
from nato_eu_graph.site import write as site_write
from nato_eu_graph.site.graph import FACT_CLASSES, page_path
from nato_eu_graph.site.write import write_site
from nato_eu_graph.store.embedded import EmbeddedStore

HOSTILE = "<img src=x onerror=window.__pwned=1>"
SHEET = f"""
source: https://example.org/hostile-source
sources:
  - url: https://example.org/hostile-source
    title: "<script>window.__pwned=2</script> a page"
    publisher: NATO
    issued: 2030-01-02
people:
  - id: person/hostile
    name: "{HOSTILE}"
tenures:
  - person: id:person/hostile
    post: DGIMS
    start: 2030-01-01
meetings:
  - id: meeting/hostile-2030
    label: "<svg onload=window.__pwned=3> meeting"
    date: 2030-01-02
    series: IMS–EUMS Directors General conference
    participants:
      - who: id:person/hostile
        role: host
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, template_store: Path) -> Path:
    root = tmp_path_factory.mktemp("site")
    store_dir = root / "store"
    shutil.copytree(template_store, store_dir)
    sheet = root / "hostile.yaml"
    sheet.write_text(SHEET, encoding="utf-8")
    store = EmbeddedStore.open(store_dir)
    try:
        load_files(store, [sheet])
        write_site(store, root / "site")
    finally:
        store.close()
    return root / "site"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self.csp = ""
        self._in_script = False
        self._type = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a["content"]
        if tag == "script":
            self._in_script, self._type = True, a.get("type", "")
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
            if self._type:  # data, not code
                self.scripts.pop()

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _parse(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    pages = {p: _parse(p) for p in site.rglob("*.html")}
    assert len(pages) > 900
    checked = 0
    for path, page in pages.items():
        for href in page.links:
            if re.match(r"[a-z]+:", href):  # cited pages and licences: out of the site
                assert href.startswith(("https://", "http://")), (path, href)
                continue
            target, _, anchor = href.partition("#")
            file = (path.parent / target).resolve() if target else path
            assert file.is_file(), f"{path.relative_to(site)} links to a missing {href}"
            if anchor and file.suffix == ".html":
                assert anchor in pages[file].ids, (
                    f"{path.relative_to(site)}: no #{anchor} in {target}"
                )
            checked += 1
    assert checked > 5000


def test_every_page_is_strict_and_names_its_scripts(site: Path) -> None:
    for path in [*site.glob("*.html"), *site.glob("queries/*.html"), *site.glob("id/*/*.html")]:
        page = _parse(path)
        assert "default-src 'none'" in page.csp and "unsafe" not in page.csp, path
        for code in page.scripts:
            digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in page.csp, path
        text = path.read_text(encoding="utf-8")
        assert "cdn" not in text.lower() or "cdn" in text.lower().split("<main>")[1], path


def test_hostile_names_stay_text(site: Path) -> None:
    person = site / page_path(ID + "person/hostile")
    text = person.read_text(encoding="utf-8")
    assert "<img src=x" not in text and "&lt;img src=x onerror" in text
    for path in site.rglob("*.html"):
        raw = path.read_text(encoding="utf-8")
        for bad in ("<img src=x", "<svg onload", "<script>window.__pwned"):
            assert bad not in raw, (path, bad)
    # The timeline's items carry it escaped, as vis-timeline writes contents as HTML.
    timeline = (site / "timeline.html").read_text(encoding="utf-8")
    assert "&amp;lt;img src=x" in timeline or "\\u0026lt;img src=x" in timeline


def _expected(store: EmbeddedStore, iri: str) -> rdflib.Graph:
    """The store's facts about ``iri``, asked afresh: its triples in both directions and
    those of the n-ary facts that link it."""
    facts = " ".join(f"<{c}>" for c in FACT_CLASSES)
    rows = store.query(
        f"""SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{
              {{ BIND(<{iri}> AS ?s) ?s ?p ?o }} UNION {{ BIND(<{iri}> AS ?o) ?s ?p ?o }}
              UNION {{ ?s a ?c . VALUES ?c {{ {facts} }} ?s ?x <{iri}> . ?s ?p ?o }}
            }} FILTER(?g != <{META_GRAPH}>) }}"""
    )
    g = rdflib.Graph()
    for r in rows:
        g.add(tuple(_rdflib(r[k]) for k in ("s", "p", "o")))  # type: ignore[arg-type]
    return g


def _rdflib(term: object) -> rdflib.term.Node:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


@pytest.mark.parametrize(
    "thing",
    [
        "person/jan-broeks",
        "person/hostile",
        "post/dgims",
        "organisation/nato",
        "state/finland",
        "meeting/ims-eums-2021-11-16",
        "meeting-series/ims-eums-dg-conference",
        "document/eu-nato-joint-declaration-2016",
        "cooperation-area/military-mobility",
        "domain/space",
        "site/nato-headquarters",
    ],
)
def test_rdf_beside_each_page_holds_the_stores_facts(site: Path, thing: str) -> None:
    iri = ID + thing
    stem = site / page_path(iri).removesuffix(".html")
    ttl = rdflib.Graph().parse(stem.with_suffix(".ttl"), format="turtle")
    jsonld = rdflib.Graph().parse(stem.with_suffix(".jsonld"), format="json-ld")
    assert rdflib.compare.isomorphic(ttl, jsonld)
    store = EmbeddedStore.open(site.parent / "store", read_only=True)
    try:
        expected = _expected(store, iri)
    finally:
        store.close()
    assert len(expected) > 3
    assert rdflib.compare.isomorphic(ttl, expected), thing


@pytest.mark.parametrize("name", ["sources", "who-was-who", "post-gaps", "facts-per-year"])
def test_query_pages_show_the_stores_answers(site: Path, name: str) -> None:
    """The pages are answered from a copy of the store in memory: the same rows, and the
    coverage report the store itself gives."""
    store = EmbeddedStore.open(site.parent / "store", read_only=True)
    try:
        q = get(name)
        rows = run_named(store, q, dict(q.example)).rows
        report = as_text(coverage(store), markdown=True)
    finally:
        store.close()
    text = (site / "queries" / f"{name}.html").read_text(encoding="utf-8")
    assert f"<h2>Answer ({len(rows)} rows)</h2>" in text
    shown = min(len(rows), 500)  # a page shows the first 500 rows and says how many more
    tables = (shown + 1 if rows else 0) + (len(q.params) + 1 if q.params else 0)
    assert text.count("<tr>") == tables
    cover = (site / "queries" / "coverage.html").read_text(encoding="utf-8")
    assert f"<pre>{html.escape(report, quote=True)}</pre>" in cover


def test_source_pages_list_what_they_state(site: Path) -> None:
    page = site / page_path("https://example.org/hostile-source")
    text = page.read_text(encoding="utf-8")
    assert "Facts it states" in text and "&lt;script&gt;" in text


def test_the_same_store_gives_the_same_bytes(
    built_store: EmbeddedStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    a = write_site(built_store, tmp_path / "a", views=False)
    b = write_site(built_store, tmp_path / "b", views=False)
    assert a.files == b.files > 2000
    for path in sorted((tmp_path / "a").rglob("*")):
        if path.is_file():
            twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
            assert twin.read_bytes() == path.read_bytes(), path


def test_a_site_replaces_the_old_one_whole(built_store: EmbeddedStore, tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "stale.html").write_text("old", encoding="utf-8")
    write_site(built_store, target, views=False)
    assert not (target / "stale.html").exists() and (target / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no half-written folder left
    assert NEG and ORG  # the namespaces the facts above use


def test_forked_workers_and_one_process_write_the_same_site(
    built_store: EmbeddedStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    forked = write_site(built_store, tmp_path / "forked", views=False)
    monkeypatch.setattr("os.cpu_count", lambda: 1)  # no workers: every page written here
    alone = write_site(built_store, tmp_path / "alone", views=False)
    assert (forked.pages, forked.files, forked.bytes) == (alone.pages, alone.files, alone.bytes)
    paths = sorted(p.relative_to(tmp_path / "alone") for p in (tmp_path / "alone").rglob("*"))
    assert paths == sorted(
        p.relative_to(tmp_path / "forked") for p in (tmp_path / "forked").rglob("*")
    )
    for rel_path in paths:
        if (tmp_path / "alone" / rel_path).is_file():
            a = (tmp_path / "alone" / rel_path).read_bytes()
            assert a == (tmp_path / "forked" / rel_path).read_bytes(), rel_path


def test_a_worker_that_cannot_write_leaves_the_old_site(
    built_store: EmbeddedStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    real = site_write._Files.write

    def full_disk(self: site_write._Files, rel_path: str, data: bytes) -> None:
        if rel_path.startswith("id/person/"):  # written by the forked workers
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, rel_path, data)

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setattr(site_write._Files, "write", full_disk)
    with pytest.raises(GraphError, match="No space left on device") as failed:
        write_site(built_store, target, views=False)
    assert failed.value.hint and "room" in failed.value.hint
    assert [p.name for p in target.iterdir()] == ["old.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # the half-written folder is gone


# ------------------------------------------------------------------------ in a browser

needs_chromium = pytest.mark.skipif(
    not shutil.which("chromium") and not Path("/usr/bin/chromium").exists(),
    reason="Debian's chromium is not installed (apt-get install -y chromium); CI runs this",
)


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from chromium import Browser  # benchmarks/chromium.py, on the path (conftest)

    b = Browser()
    try:
        yield b
    finally:
        b.close()


def _visit(browser, path: Path) -> None:  # type: ignore[no-untyped-def]
    browser.events.clear()
    browser.open(path)
    assert browser.evaluate("window.__csp") == [], path
    errors = [
        e
        for e in browser.events
        if e.get("method") == "Runtime.exceptionThrown"
        or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
    ]
    assert errors == [], (path, errors)
    urls = browser.requested_urls()
    assert all(u.startswith(("file://", "data:")) for u in urls), (path, urls)
    assert browser.evaluate("window.__pwned") is None, path


@pytest.mark.browser
@needs_chromium
def test_the_site_in_a_browser(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    one_of_each = sorted({p.parent: p for p in (site / "id").glob("*/*.html")}.values())
    sources = sorted((site / "source").glob("*.html"))[:1]
    for path in [site / "index.html", *one_of_each, *sources, site / "queries/who-was-who.html"]:
        _visit(browser, path)
        assert browser.evaluate("document.querySelector('h1').textContent"), path
    # Search: the hostile name is listed as text and nothing runs.
    _visit(browser, site / "index.html")
    browser.evaluate(
        "var q = document.getElementById('q'); q.value = 'onerror';"
        "q.dispatchEvent(new Event('input'))"
    )
    assert "<img src=x" in browser.evaluate("document.getElementById('results').textContent")
    assert browser.evaluate("document.querySelectorAll('main img, main svg').length") == 0
    # The timeline draws its items; the hostile one stays text, in its tooltip too.
    _visit(browser, site / "timeline.html")
    browser.wait_for("document.querySelectorAll('.vis-item').length > 100")
    assert browser.evaluate("document.querySelectorAll('.vis-item img, .vis-item svg').length") == 0
    titles = browser.evaluate(
        "Array.from(document.querySelectorAll('.vis-item')).map(e => e.textContent)"
    )
    assert any("<img src=x" in t for t in titles)
    # Filters: a box per series, post and organisation; the post boxes hide the tenures.
    labels = browser.evaluate(
        "Array.from(document.querySelectorAll('#filters label')).map(l => l.textContent.trim())"
    )
    assert {"organisation", "post", "series", "documents"} <= set(labels)
    assert "Director General of the NATO International Military Staff" in labels
    shown = browser.evaluate("document.querySelectorAll('.vis-group').length")
    browser.evaluate(
        "Array.from(document.querySelectorAll('#filters legend input'))"
        ".filter(i => i.parentNode.textContent.trim() === 'post')[0].click()"
    )
    assert browser.evaluate("document.querySelectorAll('.vis-group').length") < shown
    browser.evaluate(
        "var d = document.getElementById('day'); d.value = '2030-01-02';"
        "d.dispatchEvent(new Event('change'))"
    )
    listed = browser.evaluate("document.getElementById('on-day').textContent")
    assert "<svg onload=window.__pwned=3> meeting" in listed
    assert browser.evaluate("window.__pwned") is None
    # A person's page draws its tenures without script.
    _visit(browser, site / page_path(ID + "person/jan-broeks"))
    assert browser.evaluate("document.querySelectorAll('svg rect').length") >= 1


def test_citation_file_matches_the_package() -> None:
    import yaml

    from nato_eu_graph import __version__

    cff = yaml.safe_load((Path(__file__).parents[1] / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["version"] == __version__
    assert cff["references"][0]["license"] == "CC-BY-4.0"


def test_void_describes_the_dataset(site: Path) -> None:
    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    dataset = rdflib.URIRef("https://w3id.org/nato-eu-graph/dataset")
    triples = int(g.value(dataset, void.triples))
    assert triples > 6000
    classes = {
        g.value(p, void["class"]): int(g.value(p, void.entities))
        for p in g.objects(dataset, void.classPartition)
    }
    assert classes[rdflib.URIRef("http://xmlns.com/foaf/0.1/Person")] >= 84
    assert (dataset, rdflib.URIRef("http://purl.org/dc/terms/license"), None) in g
