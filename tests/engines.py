"""Servers the tests start themselves, each on free loopback ports with its own folder and
configuration (no system service), stopped afterwards: Debian's Virtuoso 7 (``virtuoso-t``)
and nginx as the reverse proxy that guards a writable ``serve`` (docs/scaling.md).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t")
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
PLAIN = urllib.request.build_opener(urllib.request.ProxyHandler({}))
# Virtuoso's administrator, as a fresh database has it; the tests' server is theirs alone.
ADMIN = ("dba", "dba")

INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 600
"""


@dataclass
class Virtuoso:
    proc: subprocess.Popen[bytes]
    base: str
    folder: Path

    @property
    def endpoint(self) -> str:
        """The open endpoint: queries only."""
        return self.base + "/sparql"

    @property
    def update_endpoint(self) -> str:
        """The authenticated endpoint (HTTP Digest), which takes updates."""
        return self.base + "/sparql-auth"

    def env(self) -> dict[str, str]:
        """What a user sets to write to it through `--endpoint`."""
        return {
            "NATO_EU_GRAPH_UPDATE_ENDPOINT": self.update_endpoint,
            "NATO_EU_GRAPH_ENDPOINT_USER": ADMIN[0],
            "NATO_EU_GRAPH_ENDPOINT_PASSWORD": ADMIN[1],
        }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def virtuoso(folder: Path, within: float = 120.0) -> Iterator[Virtuoso]:
    """A fresh Virtuoso serving SPARQL at 127.0.0.1 on a free port."""
    assert VIRTUOSO, "virtuoso-t is not installed (apt-get install virtuoso-opensource)"
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(db=folder, sql_port=sql_port, http_port=http_port))
    log = (folder / "stdout.txt").open("wb")
    argv = [VIRTUOSO, "+foreground", "+configfile", str(ini)]
    proc = subprocess.Popen(argv, cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    server = Virtuoso(proc, f"http://127.0.0.1:{http_port}", folder)
    try:
        _wait_ready(server, within)
        yield server
    finally:
        _stop(proc)
        log.close()


def _wait_ready(server: Virtuoso, within: float) -> None:
    deadline = time.monotonic() + within
    query = urllib.parse.urlencode({"query": "ASK {}"}).encode()
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            log = (server.folder / "virtuoso.log").read_text(errors="replace")[-2000:]
            raise AssertionError(f"virtuoso-t exited ({server.proc.returncode}): {log}")
        request = urllib.request.Request(server.endpoint, data=query, method="POST")
        try:
            with PLAIN.open(request, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"Virtuoso did not answer within {within:g} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # Virtuoso checkpoints and exits
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# The configuration of docs/scaling.md ("A guarded server"), with the tests' paths.
NGINX_CONF = """{user}worker_processes 1;
error_log {root}/error.log;
pid {root}/nginx.pid;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {root}/body;
  proxy_temp_path {root}/proxy;
  fastcgi_temp_path {root}/fastcgi;
  uwsgi_temp_path {root}/uwsgi;
  scgi_temp_path {root}/scgi;
  client_max_body_size 256m;
  server {{
    listen 127.0.0.1:{port};
    # reads: open
    location = /query {{ proxy_pass http://127.0.0.1:{upstream}; }}
    # writes: only with a writer's password
    location = /update {{
      auth_basic "nato-eu-graph writers";
      auth_basic_user_file {root}/writers;
      proxy_pass http://127.0.0.1:{upstream};
    }}
    # the rest (the UI, /sparql, /store): GET open, anything else a writer's
    location / {{
      limit_except GET HEAD {{
        auth_basic "nato-eu-graph writers";
        auth_basic_user_file {root}/writers;
      }}
      proxy_pass http://127.0.0.1:{upstream};
    }}
  }}
}}
"""


@contextmanager
def nginx_proxy(folder: Path, upstream: int, writers: dict[str, str]) -> Iterator[str]:
    """nginx in front of a server on 127.0.0.1:``upstream``; yields its base URL."""
    assert NGINX, "nginx is not installed (apt-get install nginx-light)"
    folder.mkdir(parents=True, exist_ok=True)
    # {PLAIN} passwords: fine for a test; docs/scaling.md makes hashed ones
    lines = "".join(f"{user}:{{PLAIN}}{password}\n" for user, password in writers.items())
    (folder / "writers").write_text(lines, encoding="utf-8")
    port = free_port()
    conf = folder / "nginx.conf"
    # As root, nginx's workers would run as nobody, who cannot enter pytest's 0700 folders.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    conf.write_text(NGINX_CONF.format(user=user, root=folder, port=port, upstream=upstream))
    argv = [NGINX, "-c", str(conf), "-p", str(folder), "-g", "daemon off;"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"nginx exited: {proc.stderr.read() if proc.stderr else ''}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError("nginx did not listen within 30 s") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.send_signal(signal.SIGQUIT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
