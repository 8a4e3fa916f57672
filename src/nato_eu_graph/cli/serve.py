"""The ``serve`` command: the store as a SPARQL endpoint (library in store/serve.py)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add ``serve`` to the group."""
    from .main import store_option

    @group.command()
    @store_option
    @click.option(
        "--host",
        default="127.0.0.1",
        show_default=True,
        help="Address to listen on. Anything but loopback lets other machines query.",
    )
    @click.option(
        "--port",
        default=7878,
        show_default=True,
        type=click.IntRange(1, 65535),
        help="The TCP port to listen on.",
    )
    @click.option(
        "--timeout",
        default=60,
        show_default=True,
        type=click.IntRange(min=1),
        metavar="SECONDS",
        help="Cancel a query that runs longer than this.",
    )
    @click.option(
        "--writable",
        is_flag=True,
        help="Accept SPARQL updates (needed for build/load/unload --endpoint). Only on "
        "loopback, unless --behind-proxy.",
    )
    @click.option(
        "--behind-proxy",
        is_flag=True,
        help="Allow --writable on an address other machines reach: only where a reverse "
        "proxy that authenticates writers stands in front (docs/scaling.md).",
    )
    def serve(
        store_path: str | None,
        host: str,
        port: int,
        timeout: int,
        writable: bool,
        behind_proxy: bool,
    ) -> None:
        """Serve the store over the SPARQL 1.1 Protocol, with a query UI in the browser.

        Runs the Oxigraph server on the store: queries (and, with --writable, updates)
        at http://HOST:PORT/sparql, the query UI at http://HOST:PORT/. Queries see the
        union of all graphs. While it runs no other process may write to the store (a
        read-only server still lets other commands read it); write through --endpoint.
        Ctrl-C stops it.
        """
        from ..store.embedded import resolve_store_path
        from ..store.serve import ServeOptions, check_exposure
        from ..store.serve import serve as run_serve

        opts = ServeOptions(
            resolve_store_path(store_path), host, port, timeout, writable, behind_proxy
        )
        check_exposure(opts)  # before any warning: refused is refused
        if not opts.loopback:
            click.echo(
                f"warning: listening on {host}: anyone who can reach it can query the graph"
                + (" (and change it, unless they go through the proxy)" if writable else ""),
                err=True,
            )

        def ready(_server: object) -> None:
            mode = "read-write" if writable else "read-only"
            click.echo(f"serving {opts.store} ({mode}) at {opts.endpoint}")
            click.echo(f"query UI: {opts.base_url}/  (Ctrl-C stops)")

        run_serve(opts, on_ready=ready, log=lambda line: click.echo(line, err=True))
        click.echo("stopped", err=True)

    # serve publishes a store directory; the --endpoint that store_option adds is not for it
    serve.params = [p for p in serve.params if p.name != "endpoint"]
