// The home page's search: every name of every thing, from the index written with the site.
(function () {
  "use strict";
  var index = JSON.parse(document.getElementById("data").textContent);
  var box = document.getElementById("q");
  var out = document.getElementById("results");
  function fold(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var entries = index.map(function (e) {
    return { name: e[0], kind: e[1], href: e[2], key: fold(e[0]) };
  });
  function search() {
    while (out.firstChild) { out.removeChild(out.firstChild); }
    var q = fold(box.value.trim());
    if (q.length < 2) { return; }
    var seen = {};
    entries.filter(function (e) { return e.key.indexOf(q) >= 0; }).slice(0, 50)
      .forEach(function (e) {
        if (seen[e.href + e.name]) { return; }
        seen[e.href + e.name] = true;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = e.href;
        a.textContent = e.name;
        var kind = document.createElement("span");
        kind.className = "muted";
        kind.textContent = " " + e.kind;
        li.appendChild(a);
        li.appendChild(kind);
        out.appendChild(li);
      });
  }
  box.addEventListener("input", search);
})();
