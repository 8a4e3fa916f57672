"""Where the ontology, curated data and named queries live.

An installed wheel carries them inside the package (``nato_eu_graph/_resources``); a source
checkout keeps them at the top of the repository. Both are looked up here, so nothing
else needs to know which case it is in.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_NAMES = ("ontology", "data", "queries")


def _root() -> Path:
    bundled = _PACKAGE / "_resources"
    if (bundled / "ontology").is_dir():
        return bundled
    checkout = _PACKAGE.parent.parent
    if (checkout / "ontology").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout
    raise FileNotFoundError(
        f"nato-eu-graph resources not found in {bundled} or {checkout}; reinstall the package"
    )


def resource_dir(name: str) -> Path:
    """Return the folder ``ontology``, ``data`` or ``queries``."""
    if name not in _NAMES:
        raise ValueError(f"unknown resource folder {name!r}; expected one of {_NAMES}")
    return _root() / name


def ontology_dir() -> Path:
    return resource_dir("ontology")


def shapes_dir() -> Path:
    return resource_dir("ontology") / "shapes"


def data_dir() -> Path:
    return resource_dir("data")


def queries_dir() -> Path:
    return resource_dir("queries")
