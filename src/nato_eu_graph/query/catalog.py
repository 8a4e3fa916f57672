"""The catalogue of named queries: ``.rq`` files in queries/ with a metadata header.

A header is a block of comment lines at the top of the file::

    # title: States in both NATO and the EU
    # description: Member states of both organisations on a given day.
    # param: date xsd:date = today   the day to look at
    # param: org name                the organisation (any name the graph knows)
    # example: date=2021-11-16 org=NATO

``param`` lines give a variable name, a type, an optional default after ``=``, and a
description after two or more spaces; ``example`` gives parameter values that show the
query at work (``nato-eu-graph report`` runs every query with them). Views (CONSTRUCT
queries drawn as networks) live in queries/views/ and are catalogued the same way.

Parameters are bound in a ``VALUES`` block first in the outermost WHERE group. A line
``# parameters here`` inside a nested group (an OPTIONAL whose filter uses a parameter)
gets the same block: Virtuoso does not see the outer binding in such a filter.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ..errors import QueryError
from ..resources import queries_dir

PARAM_TYPES = ("xsd:date", "xsd:string", "xsd:integer", "xsd:boolean", "iri", "name")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\S+)"
    r"(?:\s*=\s*(?P<default>\S+))?(?:\s{2,}(?P<desc>.*))?$"
)
_EXAMPLE = re.compile(r"(\w+)=(.*?)(?=\s+\w+=|$)")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


# NamedTuples, not dataclasses: `query` defines them at each start and they are cheaper.
class Param(NamedTuple):
    name: str
    type: str
    default: str | None
    description: str

    @property
    def required(self) -> bool:
        return self.default is None


class NamedQuery(NamedTuple):
    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...] = ()
    kind: str = "query"  # "query" or "view"
    example: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(
            f"query {self.name!r} has no parameter {name!r}",
            hint=f"its parameters: {known}",
        )


def parse_header(path: Path, *, kind: str = "query") -> NamedQuery:
    """Read the metadata header of one ``.rq`` file."""
    meta: dict[str, str] = {}
    params: list[Param] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].strip().partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "param":
            params.append(_parse_param(value, path, number))
        elif key in ("title", "description", "example"):
            meta[key] = value
    if "title" not in meta:
        raise QueryError(
            f"{path}: the header has no '# title:' line",
            hint="start the file with '# title: ...' and '# description: ...'",
        )
    example = tuple((k, v.strip()) for k, v in _EXAMPLE.findall(meta.get("example", "")))
    return NamedQuery(
        path.stem, path, meta["title"], meta.get("description", ""), tuple(params), kind, example
    )


def _parse_param(text: str, path: Path, line: int) -> Param:
    match = _PARAM.match(text)
    if not match or match["type"] not in PARAM_TYPES:
        raise QueryError(
            f"{path}:{line}: bad parameter line {text!r}",
            hint=f"write 'NAME TYPE [= DEFAULT]  description' with TYPE one of {PARAM_TYPES}",
        )
    return Param(match["name"], match["type"], match["default"], (match["desc"] or "").strip())


@cache
def catalogue(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query and view, by name."""
    root = folder or queries_dir()
    found = {p.stem: parse_header(p) for p in sorted(root.glob("*.rq"))}
    views = root / "views"
    if views.is_dir():
        for p in sorted(views.glob("*.rq")):
            if p.stem in found:
                raise QueryError(f"{p}: a query named {p.stem!r} exists already")
            found[p.stem] = parse_header(p, kind="view")
    return found


def get(name: str) -> NamedQuery:
    """The named query or view ``name``. Only its own file is read when no other file has
    that name; the whole catalogue is read to explain a miss or a clash."""
    if _NAME.fullmatch(name):
        root = queries_dir()
        query, view = root / f"{name}.rq", root / "views" / f"{name}.rq"
        if query.is_file() != view.is_file():
            return parse_header(query) if query.is_file() else parse_header(view, kind="view")
    queries = catalogue()
    if name in queries:
        return queries[name]
    from difflib import get_close_matches

    close = get_close_matches(name, list(queries), n=3)
    hint = f"did you mean {', '.join(close)}?" if close else "list them with: nato-eu-graph queries"
    raise QueryError(f"no named query {name!r}", hint=hint)
