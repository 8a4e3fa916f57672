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
  // Filters: a list per kind (organisations, posts, series, documents), a box per group;
  // the kind's own box ticks or clears all of its groups.
  var filters = document.getElementById("filters");
  var kinds = {};
  data.groups.forEach(function (g) { (kinds[g.kind] = kinds[g.kind] || []).push(g); });
  function box(text, checked, onchange) {
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "checkbox"; input.checked = checked;
    input.addEventListener("change", function () { onchange(input.checked); });
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + text));
    return { label: label, input: input };
  }
  function plain(html) {  // group names arrive escaped for vis-timeline: show them as text
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    return doc.body.textContent;
  }
  Object.keys(kinds).sort().forEach(function (kind) {
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    var members = [];
    var all = box(kind, true, function (on) {
      members.forEach(function (m) { m.input.checked = on; groups.update({ id: m.id, visible: on }); });
    });
    legend.appendChild(all.label);
    fieldset.appendChild(legend);
    kinds[kind].forEach(function (g) {
      var one = box(plain(g.content), true, function (on) { groups.update({ id: g.id, visible: on }); });
      one.id = g.id;
      members.push(one);
      fieldset.appendChild(one.label);
    });
    filters.appendChild(fieldset);
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
