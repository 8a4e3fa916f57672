"""The site's HTML: one page skeleton (strict Content-Security-Policy, the licence of the
data, a navigation bar), and the helpers that write values. Every text that comes from
the data goes through ``esc``; a page runs no script but those it names, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import posixpath
from functools import lru_cache
from importlib.resources import files

CSS = files(__package__).joinpath("templates", "site.css").read_text(encoding="utf-8")
LICENCE = (
    'Data: <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>'
    ", each fact from the public page it cites. Code: MIT."
)
NAV = [
    ("Home", "index.html"),
    ("Timeline", "timeline.html"),
    ("Queries", "queries/index.html"),
    ("Views", "views/index.html"),
    ("Ontology", "ontology.html"),
]


def esc(text: object) -> str:
    return _esc(str(text))


@lru_cache(maxsize=65536)  # the same names and labels are escaped on page after page
def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def sha(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@lru_cache(maxsize=65536)
def _folder(page: str) -> str:
    return posixpath.dirname(page)


def rel(page: str, target: str) -> str:
    """The link from the page at ``page`` to ``target`` (both relative to the site root):
    up to the root, then down (shorter within one folder)."""
    folder = _folder(page)
    if folder and target.startswith(folder + "/"):
        return target[len(folder) + 1 :]
    return "../" * page.count("/") + target


def page(
    path: str,
    title: str,
    body: str,
    *,
    scripts: tuple[str, ...] = (),
    styles: tuple[str, ...] = (),
    head: str = "",
    data: str = "",
) -> str:
    """A whole page. ``scripts`` and ``styles`` are inlined and admitted by hash; ``data``
    is a JSON text for ``<script type="application/json" id="data">`` (never run)."""
    for text in (*scripts, *styles, data):
        lowered = text.lower()
        if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
            raise ValueError("a script or style that cannot be inlined safely")
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src " + (" ".join(sha(s) for s in scripts) if scripts else "'none'"),
            "style-src " + " ".join(sha(s) for s in (CSS, *styles)),
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    nav = " · ".join(f'<a href="{esc(rel(path, href))}">{esc(name)}</a>' for name, href in NAV)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)} · nato-eu-graph</title>",
        f"<style>{CSS}</style>",
        *(f"<style>{s}</style>" for s in styles),
        head,
        "</head>",
        "<body>",
        f'<header><nav aria-label="site">{nav}</nav></header>',
        "<main>",
        body,
        "</main>",
        f"<footer><p>{LICENCE}</p></footer>",
    ]
    if data:
        parts.append(f'<script type="application/json" id="data">{data}</script>')
    parts += [f"<script>{s}</script>" for s in scripts]
    parts += ["</body>", "</html>", ""]
    return "\n".join(p for p in parts if p)


def link(path: str, target: str | None, text: str) -> str:
    if target is None:
        return esc(text)
    return f'<a href="{esc(rel(path, target))}">{esc(text)}</a>'


def external(url: str, text: str | None = None) -> str:
    """A link out of the site (a cited page): never followed by the site itself."""
    return f'<a href="{esc(url)}" rel="external noopener">{esc(text or url)}</a>'


def table(head: list[str], rows: list[list[str]]) -> str:
    """A table whose cells are HTML already (escaped by their makers)."""
    if not rows:
        return ""
    th = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def json_for_script(text: str) -> str:
    """JSON made safe to sit inside a script element."""
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
