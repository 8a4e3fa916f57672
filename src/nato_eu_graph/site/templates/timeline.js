// The timeline page: vis-timeline over the items written with the site (no network),
// filters by group, a day cursor that lists what held on that day, links to pages.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var items = new vis.DataSet(data.items);
  var groups = new vis.DataSet(data.groups.map(function (g) {
    return { id: g.id, content: g.content, kind: g.kind, visible: true };
  }));
  var container = document.getElementById("timeline");
  var timeline = new vis.Timeline(container, items, groups, {
    stack: true, zoomable: true, orientation: "top", maxHeight: 640,
    tooltip: { followMouse: true }, xss: { disabled: false }
  });
  timeline.on("click", function (props) {
    if (props.item === null || props.item === undefined) { return; }
    var item = items.get(props.item);
    if (item && item.href) { window.location.href = item.href; }
  });
  // Filters: one box per kind of group (organisations, posts, series, documents).
  var filters = document.getElementById("filters");
  var kinds = {};
  data.groups.forEach(function (g) { kinds[g.kind] = true; });
  Object.keys(kinds).sort().forEach(function (kind) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true;
    box.addEventListener("change", function () {
      groups.forEach(function (g) {
        if (g.kind === kind) { groups.update({ id: g.id, visible: box.checked }); }
      });
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + kind));
    filters.appendChild(label);
  });
  // The day cursor: a custom time bar and the list of what held on that day.
  var day = document.getElementById("day");
  var list = document.getElementById("on-day");
  var held = document.getElementById("held");
  var bar = null;
  function show(value) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!value) { held.textContent = ""; return; }
    if (bar === null) { bar = timeline.addCustomTime(value, "day"); }
    else { timeline.setCustomTime(value, "day"); }
    var hits = items.get({ filter: function (i) {
      var end = i.end || i.start;
      return i.start <= value && value <= end;
    } });
    held.textContent = hits.length + " held on " + value;
    hits.forEach(function (i) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = i.href || "#";
      a.textContent = i.text;  // the plain text: never markup
      li.appendChild(a);
      list.appendChild(li);
    });
  }
  day.addEventListener("change", function () { show(day.value); });
})();
