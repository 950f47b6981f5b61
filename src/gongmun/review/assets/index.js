// gongmun review index: filter rows by text, sort by any column. No framework.
(function () {
  "use strict";
  var table = document.getElementById("docs");
  var filter = document.getElementById("filter");
  var count = document.getElementById("shown");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);

  function apply() {
    var words = (filter ? filter.value : "").toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) n++;
    });
    if (count) count.textContent = String(n);
  }
  if (filter) filter.addEventListener("input", apply);

  function value(row, col, numeric) {
    var cell = row.cells[col];
    var v = cell ? cell.getAttribute("data-v") || cell.textContent : "";
    return numeric ? Number(v) || 0 : v;
  }

  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "num";
      var up = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = value(a, col, numeric), y = value(b, col, numeric);
        var c = numeric ? x - y : String(x).localeCompare(String(y), "ko");
        return up ? c : -c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  // index.html?q=plan&sort=-amounts opens filtered and sorted (a link to share).
  var params = {};
  location.search.replace(/[?&]([^=&]+)=([^&]*)/g, function (_, k, v) {
    params[k] = decodeURIComponent(v.replace(/\+/g, " "));
  });
  if (filter && params.q) filter.value = params.q;
  if (params.sort) {
    var down = params.sort.charAt(0) === "-";
    var name = down ? params.sort.slice(1) : params.sort;
    Array.prototype.forEach.call(heads, function (th) {
      var button = th.querySelector("button");
      if (button && button.textContent === name) {
        button.click();
        if (down) button.click();
      }
    });
  }
  apply();
})();
