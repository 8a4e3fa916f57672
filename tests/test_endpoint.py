"""The SPARQL endpoint (issue 7): `serve`, and the commands through `--endpoint`.

Real `oxigraph serve` processes are started by `nato-eu-graph serve` on 127.0.0.1 at a
free port, and always stopped. A plain client here speaks only the SPARQL 1.1 Protocol
(urllib POSTs); the rest compares answers through the endpoint with the embedded store.
Nothing leaves 127.0.0.1 (the stub tests at the end use a local http.server).
"""

from __future__ import annotations

import base64
import contextlib
import json
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from nato_eu_graph.errors import GraphError, QueryError, StoreError
from nato_eu_graph.query.catalog import get
from nato_eu_graph.query.execute import run_named
from nato_eu_graph.store.embedded import EmbeddedStore
from nato_eu_graph.store.remote import RemoteStore, query_form

from .competency_cases import CASES, COMMON_2021, Case
from .conftest import REPO, cli_path, run_cli
from .test_competency import check, pick

MEETING = REPO / "tests" / "fixtures" / "load" / "meeting.yaml"
PLAIN = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def serve_argv(*args: str) -> list[str]:
    return [cli_path(), "serve", *args]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def post(url: str, text: str, content_type: str, accept: str = "*/*") -> tuple[int, bytes]:
    """A plain SPARQL 1.1 Protocol client: direct POST, nothing else."""
    request = urllib.request.Request(
        url,
        data=text.encode(),
        method="POST",
        headers={"Content-Type": content_type, "Accept": accept},
    )
    try:
        with PLAIN.open(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def ask(url: str, text: str) -> bool:
    status, body = post(url, text, "application/sparql-query", "application/sparql-results+json")
    assert status == 200, body
    return bool(json.loads(body)["boolean"])


@dataclass
class Served:
    proc: subprocess.Popen[str]
    base: str

    @property
    def endpoint(self) -> str:
        return self.base + "/sparql"

    def stop(self) -> int:
        """Ctrl-C, as a user would; then the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


@contextmanager
def serving(store: Path, *options: str) -> Iterator[Served]:
    port = free_port()
    argv = serve_argv("--store", str(store), "--port", str(port), "--timeout", "30", *options)
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    served = Served(proc, f"http://127.0.0.1:{port}")
    try:
        _wait_ready(served)
        yield served
    finally:
        served.stop()


def _wait_ready(served: Served, within: float = 30.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if served.proc.poll() is not None:
            raise AssertionError(f"serve exited: {served.proc.communicate()}")
        try:
            if ask(served.endpoint, "ASK {}"):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("serve did not answer in time")


def one_line_error(proc: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit code 1, an `Error:` line and a hint, no traceback."""
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith("Error: "), proc.stderr
    assert len(lines) <= 2 and all(line.startswith(("Error: ", "hint: ")) for line in lines)
    for fragment in fragments:
        assert fragment in proc.stderr, proc.stderr


def without_times(export: str) -> list[str]:
    """An export minus the build timestamps (provenance and the dataset's dct:modified),
    which differ between two builds."""
    stamps = ("generatedAtTime", "<http://purl.org/dc/terms/modified>")
    return [line for line in export.splitlines() if not any(s in line for s in stamps)]


# ---------------------------------------------------------------------- serve, read-only


def test_serve_answers_a_plain_client_and_refuses_updates(store_copy: Path) -> None:
    text = (REPO / "queries" / "common-members.rq").read_text(encoding="utf-8")
    text = text.replace("?date", '"2021-11-16"^^xsd:date')
    with serving(store_copy) as served:
        status, body = post(
            served.endpoint, text, "application/sparql-query", "application/sparql-results+json"
        )
        assert status == 200, body
        names = [row["name"]["value"] for row in json.loads(body)["results"]["bindings"]]
        assert names == COMMON_2021

        insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:a> <urn:test:b> <urn:test:c> } }"
        status, body = post(served.endpoint, insert, "application/sparql-update")
        assert status == 403, body
        assert not ask(served.endpoint, "ASK { <urn:test:a> ?p ?o }")

        # The CLI's writes are refused the same way, in one line.
        one_line_error(
            run_cli("load", str(MEETING), "--endpoint", served.endpoint), "refused the update"
        )
        # The server holds a reader's lock: embedded readers still work beside it, an
        # embedded writer is refused in one line that points at --endpoint.
        read = run_cli(
            "query", "common-members", "--as-of", "2021-11-16", "--store", str(store_copy)
        )
        assert read.returncode == 0 and read.stdout.count("\n") == 22, read.stderr
        one_line_error(
            run_cli("load", str(MEETING), "--wait", "0", "--store", str(store_copy)),
            "in use by another process",
            "--endpoint",
        )
        page = urllib.request.urlopen(served.base + "/", timeout=10).read().decode()
        assert "yasgui.min.js" in page and "http" not in page.split("<script>")[0].lower()

        assert served.stop() == 0  # Ctrl-C: a clean stop
        _, err = served.proc.communicate()
        assert "stopped" in err and "Traceback" not in err
    with pytest.raises(OSError):
        post(served.endpoint, "ASK {}", "application/sparql-query")  # the server is gone
    assert run_cli("info", "--store", str(store_copy)).returncode == 0  # and the store free


def test_serve_without_a_store_says_so(tmp_path: Path) -> None:
    proc = subprocess.run(
        serve_argv("--store", str(tmp_path / "none"), "--port", str(free_port())),
        capture_output=True,
        text=True,
        timeout=30,
    )
    one_line_error(proc, "no store at", "nato-eu-graph build")


# YASGUI (Oxigraph's bundled UI) fetches prefix.cc's prefix list when it opens, for
# autocompletion; offline that request fails and nothing else depends on it.
KNOWN_OUTSIDE = {"http://prefix.cc/popular/all.file.json"}


@pytest.mark.browser
@pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed"
)
def test_query_ui_works_offline(store_copy: Path) -> None:
    from chromium import FLAGS, Browser  # benchmarks/chromium.py, on the path (conftest)

    # The browser tests' chromium has no network at all; here 127.0.0.1 must stay reachable.
    flags = [
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
        if f.startswith("--host-resolver-rules")
        else f
        for f in FLAGS
    ]
    with serving(store_copy) as served:
        browser = Browser(flags=flags)
        try:
            browser.page("Page.navigate", {"url": served.base + "/"})
            browser.wait_for("!!document.querySelector('.CodeMirror')", 20)
            query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
            _, body = post(served.endpoint, query, "application/sparql-query")
            count = json.loads(body)["results"]["bindings"][0]["n"]["value"]
            browser.evaluate(
                f"document.querySelector('.CodeMirror').CodeMirror.setValue({json.dumps(query)})"
            )
            browser.evaluate("document.querySelector('.yasqe_queryButton').click()")
            shown = "(document.querySelector('.yasr') || {}).innerText || ''"
            browser.wait_for(f"{shown}.includes('\"{count}\"')", 20)
            outside = {u for u in browser.requested_urls() if not u.startswith(served.base)}
        finally:
            browser.close()
    assert outside <= KNOWN_OUTSIDE, outside


# ---------------------------------------------------------------------- --endpoint parity


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A separate, empty, writable server, then `build --endpoint` into it."""
    with serving(tmp_path_factory.mktemp("endpoint") / "store", "--writable") as served:
        build = run_cli("build", "--endpoint", served.endpoint, check=True)
        assert "0 replaced, 0 unchanged, 0 removed" in build.stdout
        yield served


def _same(a: list[dict[str, str | None]], b: list[dict[str, str | None]], case: Case) -> None:
    def key(row: dict[str, str | None]) -> str:
        return json.dumps(row, sort_keys=True)

    if case.ordered:
        assert a == b, case.id
    else:
        assert sorted(a, key=key) == sorted(b, key=key), case.id


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.id}-{c.query}")
def test_competency_answers_through_endpoint(
    writable: Served, built_store: EmbeddedStore, case: Case
) -> None:
    remote = run_named(RemoteStore.connect(writable.endpoint), get(case.query), case.params)
    embedded = run_named(built_store, get(case.query), case.params)
    check(pick(remote.values(), case), case)
    _same(remote.values(), embedded.values(), case)


def test_commands_through_endpoint_match_the_store(writable: Served, store_copy: Path) -> None:
    url, store = writable.endpoint, str(store_copy)
    rebuild = run_cli("build", "--endpoint", url, check=True)
    assert "0 added, 0 replaced," in rebuild.stdout and "0 removed" in rebuild.stdout

    def both(*args: str) -> tuple[str, str]:
        remote = run_cli(*args, "--endpoint", url, check=True).stdout
        return remote, run_cli(*args, "--store", store, check=True).stdout

    for args in (
        ("query", "common-members", "--as-of", "2021-11-16", "--format", "csv"),
        ("query", "members-on-date", "-p", "org=EU", "-p", "date=2020-01-31", "--format", "json"),
    ):
        remote, embedded = both(*args)
        assert remote == embedded
    graph = (
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g "
        "{ ?s a <http://www.w3.org/ns/org#Membership> ; ?p ?o } }"
    )
    remote, embedded = both("query", "--sparql", graph, "--format", "ntriples")
    assert sorted(remote.splitlines()) == sorted(embedded.splitlines()) != []
    remote, embedded = both("info")
    assert remote.splitlines()[0] == f"store: {url}"
    assert remote.splitlines()[1:] == embedded.splitlines()[1:]
    remote, embedded = both("export")
    assert without_times(remote) == without_times(embedded)
    assert both("batches") == ("no loaded batches\n", "no loaded batches\n")


def test_load_unload_round_trip_through_endpoint(writable: Served) -> None:
    url = writable.endpoint
    before = run_cli("export", "--endpoint", url, check=True).stdout
    loaded = run_cli("load", str(MEETING), "--endpoint", url, check=True).stdout
    triples = int(loaded.split()[1])  # "added N triples from ..."
    listed = json.loads(run_cli("batches", "--format", "json", "--endpoint", url).stdout)
    assert [b["triples"] for b in listed] == [triples] != [0]
    again = run_cli("load", str(MEETING), "--endpoint", url, check=True).stdout
    assert again.startswith("unchanged")  # the checksum is found through the endpoint
    assert ask(
        url, "ASK { <https://w3id.org/nato-eu-graph/id/meeting/test-ims-eums-2032-03-03> ?p ?o }"
    )
    run_cli("unload", listed[0]["id"], "--endpoint", url, check=True)
    assert run_cli("export", "--endpoint", url, check=True).stdout == before


# ---------------------------------------------------------------------- errors


def test_wrong_url_and_dead_server_fail_in_one_line(writable: Served) -> None:
    one_line_error(
        run_cli("info", "--endpoint", writable.base + "/nothing"), "no SPARQL endpoint", "404"
    )
    dead = f"http://127.0.0.1:{free_port()}/sparql"
    one_line_error(run_cli("query", "common-members", "--endpoint", dead), "connection refused")
    one_line_error(run_cli("info", "--endpoint", "ftp://127.0.0.1/x"), "not an http(s) URL")
    one_line_error(
        run_cli("info", "--endpoint", "http://u:secret@127.0.0.1:9/sparql"), "credentials"
    )
    one_line_error(
        run_cli(
            "query",
            "--sparql",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "--endpoint",
            writable.endpoint,
            env={"NATO_EU_GRAPH_ENDPOINT_TIMEOUT": "soon"},
        ),
        "not a number of seconds",
    )


def test_query_form_reads_past_the_prologue() -> None:
    assert query_form("PREFIX a: <http://x#> # c\nBASE <http://y/>\n construct {}") == "CONSTRUCT"
    assert query_form("prefix : <urn:x>\nASK {}") == "ASK"
    assert query_form("# SELECT\nDESCRIBE <urn:x>") == "DESCRIBE"
    assert query_form("WITH <g> DELETE {}") is None


# ---------------------------------------------------------------------- HTTP details (stub)


class _Stub(BaseHTTPRequestHandler):
    """Records each request; answers what the test put in ``replies`` for its path."""

    seen: ClassVar[list[dict[str, Any]]] = []
    replies: ClassVar[dict[str, tuple[int, dict[str, str], bytes, float]]] = {}

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.seen.append(
            {"path": self.path, "headers": dict(self.headers), "body": self.rfile.read(length)}
        )
        status, headers, body, delay = self.replies[self.path]
        time.sleep(delay)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client gave up
            self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def stub() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    _Stub.seen, _Stub.replies = [], {}
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


JSON_TRUE = (200, {"Content-Type": "application/sparql-results+json"}, b'{"boolean":true}', 0.0)


def test_redirects_are_not_followed(stub: str) -> None:
    _Stub.replies["/sparql"] = (302, {"Location": "http://192.0.2.1/sparql"}, b"", 0.0)
    with pytest.raises(StoreError, match=r"redirects to http://192\.0\.2\.1/sparql"):
        RemoteStore(stub + "/sparql").query("ASK {}")
    assert [r["path"] for r in _Stub.seen] == ["/sparql"]


def test_credentials_come_from_the_environment(stub: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _Stub.replies["/q"] = JSON_TRUE
    _Stub.replies["/u"] = (204, {}, b"", 0.0)
    monkeypatch.setenv("NATO_EU_GRAPH_ENDPOINT_USER", "ana")
    monkeypatch.setenv("NATO_EU_GRAPH_ENDPOINT_PASSWORD", "pw")
    monkeypatch.setenv("NATO_EU_GRAPH_UPDATE_ENDPOINT", stub + "/u")
    remote = RemoteStore.connect(stub + "/q")
    assert bool(remote.query("ASK {}"))
    remote.update("CLEAR SILENT GRAPH <urn:x>")
    basic = "Basic " + base64.b64encode(b"ana:pw").decode()
    assert [r["headers"]["Authorization"] for r in _Stub.seen] == [basic, basic]
    assert _Stub.seen[0]["headers"]["Content-Type"].startswith("application/sparql-query")
    assert _Stub.seen[1]["headers"]["Content-Type"].startswith("application/sparql-update")
    assert _Stub.seen[1]["body"] == b"CLEAR SILENT GRAPH <urn:x>"

    monkeypatch.delenv("NATO_EU_GRAPH_ENDPOINT_USER")
    monkeypatch.setenv("NATO_EU_GRAPH_ENDPOINT_TOKEN", "t0k")
    RemoteStore.connect(stub + "/q").query("ASK {}")
    assert _Stub.seen[-1]["headers"]["Authorization"] == "Bearer t0k"


def test_a_silent_server_times_out(stub: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _Stub.replies["/slow"] = (*JSON_TRUE[:3], 2.0)
    monkeypatch.setenv("NATO_EU_GRAPH_ENDPOINT_TIMEOUT", "0.3")
    with pytest.raises(QueryError, match="no answer from"):
        RemoteStore.connect(stub + "/slow").query("ASK {}")


def test_http_errors_become_typed_errors(stub: str) -> None:
    _Stub.replies["/bad"] = (400, {"Content-Type": "text/plain"}, b"Parse error at 1:5\n", 0.0)
    _Stub.replies["/auth"] = (401, {"Content-Type": "text/plain"}, b"no", 0.0)
    _Stub.replies["/boom"] = (500, {"Content-Type": "text/html"}, b"<h1>Oops</h1>", 0.0)
    cases: list[tuple[str, type[GraphError], str]] = [
        ("/bad", QueryError, "Parse error at 1:5"),
        ("/auth", StoreError, "401"),
        ("/boom", StoreError, "Oops"),
    ]
    for path, kind, text in cases:
        with pytest.raises(kind, match=text):
            RemoteStore(stub + path).query("ASK {}")
