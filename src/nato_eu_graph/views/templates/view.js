// The page's own script: reads the JSON data, draws it with vis-network, and wires the
// legend, filters, search and details panel. Every text from the data goes into the
// page through textContent or as a plain-text vis-network tooltip, never as markup.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var meta = data.meta;
  var hiddenClasses = new Set();
  var hiddenRelations = new Set();
  var asOf = "";

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // vis-network shows a string title with innerText: plain text whatever it holds.
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    n.title = n.tip;
    return n;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    e.title = e.tip;
    return e;
  }));

  function edgeHolds(e, day) {
    if (e.date && e.date > day) return false;
    if (e.start && e.start > day) return false;
    if (e.end && e.end < day) return false;
    if (!e.start && e.attested && e.attested.indexOf(day) < 0) return false;
    return true;
  }

  var nodesView = new vis.DataView(nodes, {
    filter: function (n) {
      return !hiddenClasses.has(n.cls) && (!asOf || !n.date || n.date <= asOf);
    }
  });
  var edgesView = new vis.DataView(edges, {
    filter: function (e) {
      return !hiddenRelations.has(e.rel) && (!asOf || edgeHolds(e, asOf));
    }
  });

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, meta.options);

  network.once("afterDrawing", function () {
    window.__negFirstDraw = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });
  if (meta.physics) {
    // Settle once, then hold still so hovering and reading are calm.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      document.body.setAttribute("data-settled", "1");
    });
  } else {
    document.body.setAttribute("data-settled", "1");
  }

  function refresh() {
    nodesView.refresh();
    edgesView.refresh();
    showCount();
  }

  function showCount() {
    document.getElementById("count").textContent =
      nodesView.length + " of " + nodes.length + " nodes, " +
      edgesView.length + " of " + edges.length + " edges shown";
  }

  function toggleRow(text, name, count, swatch, hidden) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () {
      if (box.checked) hidden.delete(name); else hidden.add(name);
      refresh();
    });
    var label = el("label");
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", text));
    label.appendChild(el("span", count, "count"));
    var item = el("li");
    item.appendChild(label);
    return item;
  }

  function buildLegend() {
    var classes = document.getElementById("classes");
    meta.legend.classes.forEach(function (c) {
      var swatch = el("span", null, "swatch");
      swatch.style.background = c.color;
      if (c.shape === "square" || c.shape === "diamond") swatch.style.borderRadius = "0";
      classes.appendChild(toggleRow(c.name, c.name, c.count, swatch, hiddenClasses));
    });
    var relations = document.getElementById("relations");
    meta.legend.relations.forEach(function (r) {
      var line = el("span", null, "line");
      line.style.borderTopColor = r.color;
      line.style.borderTopStyle = r.dashes ? "dashed" : "solid";
      relations.appendChild(toggleRow(r.label, r.key, r.count, line, hiddenRelations));
    });
  }

  function buildDateFilter() {
    var input = document.getElementById("asof");
    input.addEventListener("change", function () {
      asOf = input.value || "";
      refresh();
    });
    document.getElementById("asof-clear").addEventListener("click", function () {
      input.value = "";
      asOf = "";
      refresh();
    });
  }

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showDetails(id);
  }

  function buildSearch() {
    var input = document.getElementById("search");
    var hits = document.getElementById("hits");
    var folded = data.nodes.map(function (n) { return [fold(n.label), n.id, n.label]; });
    function search() {
      while (hits.firstChild) hits.removeChild(hits.firstChild);
      var q = fold(input.value.trim());
      if (!q) return [];
      var found = folded.filter(function (f) { return f[0].indexOf(q) >= 0; }).slice(0, 30);
      found.forEach(function (f) {
        var button = el("button", f[2]);
        button.type = "button";
        button.addEventListener("click", function () { select(f[1]); });
        var item = el("li");
        item.appendChild(button);
        hits.appendChild(item);
      });
      if (!found.length) hits.appendChild(el("li", "no match"));
      return found;
    }
    input.addEventListener("input", search);
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var found = search();
      if (found.length) select(found[0][1]);
    });
  }

  function showDetails(id) {
    var node = nodes.get(id);
    var panel = document.getElementById("details");
    panel.textContent = node ? node.tip : "";
  }

  network.on("click", function (params) {
    if (params.nodes.length) showDetails(params.nodes[0]);
  });

  buildLegend();
  buildDateFilter();
  buildSearch();
  showCount();
  window.negView = { network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView };
})();
