"""A radial layout for views too large for the browser's physics: each connected
component in rings around its best-connected node, components packed side by side, in
linear time and the same for the same graph.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx


SPACING = 70.0  # pixels between neighbouring nodes on a ring of the radial layout


def radial_layout(
    graph: nx.MultiDiGraph, spacing: float = SPACING
) -> dict[Any, tuple[float, float]]:
    """Positions in linear time: each component as rings around its best-connected node.

    A breadth-first tree from the hub gives each node a ring (its distance) and an angular
    wedge proportional to the leaves below it, so subtrees stay together; ring radii grow
    until neighbours on a ring are ``spacing`` apart. Components are packed in shelves,
    biggest first. Force-directed layouts cost O(n^2) per step without a spatial index;
    this costs one pass, and hub-and-spoke views (states around NATO and the EU, posts
    around bodies) read well as rings.
    """
    neighbours: dict[Any, set[Any]] = {n: set() for n in graph.nodes}
    for u, v in graph.edges():
        if u != v:
            neighbours[u].add(v)
            neighbours[v].add(u)
    placed = [_component_rings(c, neighbours, spacing) for c in _components(neighbours)]
    return _pack(placed, spacing)


def _components(neighbours: Mapping[Any, set[Any]]) -> list[list[Any]]:
    seen: set[Any] = set()
    found = []
    # Deterministic: start from the best-connected unseen node, ties by name.
    for start in sorted(neighbours, key=lambda n: (-len(neighbours[n]), str(n))):
        if start in seen:
            continue
        order, queue = [start], deque([start])
        seen.add(start)
        while queue:
            for nb in sorted(neighbours[queue.popleft()], key=str):
                if nb not in seen:
                    seen.add(nb)
                    order.append(nb)
                    queue.append(nb)
        found.append(order)
    return sorted(found, key=len, reverse=True)


def _component_rings(
    order: list[Any], neighbours: Mapping[Any, set[Any]], spacing: float
) -> tuple[float, dict[Any, tuple[float, float]]]:
    """One component laid out around ``order[0]``; returns (radius, positions)."""
    root = order[0]
    depth: dict[Any, int] = {root: 0}
    children: dict[Any, list[Any]] = {n: [] for n in order}
    for node in order:  # BFS order: parents come before children
        for nb in sorted(neighbours[node], key=str):
            if nb not in depth:
                depth[nb] = depth[node] + 1
                children[node].append(nb)
    leaves: dict[Any, int] = {}
    for node in reversed(order):
        leaves[node] = max(1, sum(leaves[c] for c in children[node]))
    radii = _ring_radii(depth, spacing)
    pos = {root: (0.0, 0.0)}
    wedges = {root: (0.0, 2 * math.pi)}
    for node in order:
        start, width = wedges[node]
        for child in children[node]:
            share = width * leaves[child] / leaves[node]
            wedges[child] = (start, share)
            angle = start + share / 2
            r = radii[depth[child]]
            pos[child] = (r * math.cos(angle), r * math.sin(angle))
            start += share
    return radii[-1] + spacing, pos


def _ring_radii(depth: Mapping[Any, int], spacing: float) -> list[float]:
    counts = [0] * (max(depth.values()) + 1)
    for d in depth.values():
        counts[d] += 1
    radii = [0.0]
    for d in range(1, len(counts)):
        around = counts[d] * spacing / (2 * math.pi)
        radii.append(max(radii[-1] + 2 * spacing, around))
    return radii


def _pack(
    placed: list[tuple[float, dict[Any, tuple[float, float]]]], spacing: float
) -> dict[Any, tuple[float, float]]:
    """Shelf packing of components (circles of known radius) into a roughly square area."""
    area = sum((2 * r) ** 2 for r, _ in placed)
    row_width = max(math.sqrt(area), 2 * placed[0][0]) if placed else 0.0
    out: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for radius, pos in placed:
        size = 2 * radius
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        cx, cy = x + radius, y + radius
        for node, (px, py) in pos.items():
            out[node] = (round(cx + px, 1), round(cy + py, 1))
        x += size + spacing
        row_height = max(row_height, size)
    return out
