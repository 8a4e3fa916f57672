"""Open generated views in Debian's headless chromium, with no network, and watch them.

The browser is driven over the DevTools protocol with a small standard-library websocket
client (below), so the test needs no extra package. It checks that the drawing happens,
that nodes land on the canvas, that hovering shows plain-text tooltips, that no request
leaves the page, and that a hostile label never runs as script.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import CHROMIUM, Browser  # benchmarks/chromium.py, on the path (conftest)

pytestmark = pytest.mark.browser

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium "
    "(apt-get install -y chromium); CI installs it and runs this test",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    b = Browser()
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, built_store: Any) -> dict[str, Path]:
    from nato_eu_graph.views.draw import write_html
    from nato_eu_graph.views.project import view_graph

    from .test_views import hostile_graph

    folder = tmp_path_factory.mktemp("pages")
    meeting = view_graph(
        built_store, "network", as_of="2021-11-16", focus="id:meeting/ims-eums-2021-11-16"
    )
    write_html(meeting, folder / "meeting.html", heading="Meeting of 2021-11-16")
    write_html(hostile_graph(), folder / "hostile.html", heading="<img src=x onerror=alert(1)>")
    return {"meeting": folder / "meeting.html", "hostile": folder / "hostile.html"}


def _node_points(browser: Browser) -> list[dict[str, Any]]:
    """Each node's id, tooltip text and position in page (CSS pixel) coordinates."""
    return list(
        browser.evaluate(
            """(function () {
              var v = window.negView, box = document.getElementById('network')
                .getBoundingClientRect(), pos = v.network.getPositions();
              return v.nodesView.get().map(function (n) {
                var p = v.network.canvasToDOM(pos[n.id]);
                return {id: n.id, tip: n.tip, label: n.label,
                        x: box.left + p.x, y: box.top + p.y};
              });
            })()"""
        )
    )


def _inked_pixels(browser: Browser) -> int:
    return int(
        browser.evaluate(
            """(function () {
              var c = document.querySelector('#network canvas');
              var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
              for (var i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
              return n;
            })()"""
        )
    )


def _hover_shows(browser: Browser, point: dict[str, Any]) -> str:
    browser.hover(point["x"] + 1, point["y"] + 1)
    browser.hover(point["x"], point["y"])
    return str(
        browser.wait_for(
            """(function () {
              var t = document.querySelector('div.vis-tooltip');
              if (!t || t.style.visibility !== 'visible') return '';
              // innerText turns the newlines into <br>; anything else would be markup.
              if (t.querySelectorAll(':not(br)').length) return 'MARKUP: ' + t.innerHTML;
              return t.innerText;
            })()""",
            timeout=5,
        )
    )


@needs_chromium
def test_view_draws_offline_with_tooltips(browser: Browser, pages: dict[str, Path]) -> None:
    browser.open(pages["meeting"])
    browser.wait_for("document.body.getAttribute('data-settled') === '1'")
    browser.wait_for("document.body.getAttribute('data-drawn') === '1'")
    points = _node_points(browser)
    # every node of the page's data lands on the canvas: the data says how many
    data = re.search(
        r'<script id="graph-data" type="application/json">(.*?)</script>',
        pages["meeting"].read_text(encoding="utf-8"),
        re.S,
    )
    assert data and len(points) == len(json.loads(data.group(1))["nodes"]) > 30
    width, height = browser.evaluate("[innerWidth, innerHeight]")
    inside = [p for p in points if 0 <= p["x"] <= width and 0 <= p["y"] <= height]
    assert len(inside) == len(points), "fit() should bring every node into the window"
    assert _inked_pixels(browser) > 5000
    for point in sorted(points, key=lambda p: p["label"])[:3]:
        assert _hover_shows(browser, point) == point["tip"]
    assert browser.evaluate("window.__csp") == []
    urls = browser.requested_urls()
    assert urls and all(u.startswith(("file://", "data:")) for u in urls), urls


@needs_chromium
def test_hostile_labels_stay_inert(browser: Browser, pages: dict[str, Path]) -> None:
    browser.events.clear()
    browser.open(pages["hostile"])
    browser.wait_for("document.body.getAttribute('data-drawn') === '1'")
    assert browser.evaluate("document.title") == "<img src=x onerror=alert(1)>"
    assert browser.evaluate("document.querySelector('h1').textContent").startswith("<img")
    assert browser.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    # The search box lists matches as text too.
    browser.evaluate(
        "var s = document.getElementById('search'); s.value = 'img';"
        "s.dispatchEvent(new Event('input'))"
    )
    assert "<img" in browser.evaluate("document.getElementById('hits').textContent")
    for point in _node_points(browser):
        shown = _hover_shows(browser, point)
        assert shown == point["tip"]
        assert browser.evaluate("document.querySelectorAll('img, iframe').length") == 0
    assert browser.evaluate("window.__pwned") is None
    assert browser.evaluate("window.__csp") == []
    urls = browser.requested_urls()
    assert all(u.startswith(("file://", "data:")) for u in urls), urls
    assert not any(u.endswith("/x") for u in urls)
