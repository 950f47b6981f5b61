// gongmun review page: show a record's fields on hover or keyboard focus. No framework.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var shown = null;

  function markOf(node) {
    return node && node.closest ? node.closest("mark.r[id]") : null;
  }

  function fillTables(box) {
    var refs = box.querySelectorAll(".cellref");
    for (var i = 0; i < refs.length; i++) {
      var ref = refs[i];
      var table = document.getElementById("table-" + ref.getAttribute("data-table"));
      if (!table) continue;
      var copy = table.cloneNode(true);
      copy.removeAttribute("id");
      var cell = copy.querySelector(
        '[data-row="' + ref.getAttribute("data-row") + '"][data-col="' + ref.getAttribute("data-col") + '"]'
      );
      if (cell) cell.classList.add("hit");
      ref.textContent = "";
      ref.appendChild(copy);
    }
  }

  function show(mark) {
    var source = document.getElementById("tip-" + mark.id);
    if (!tip || !source) return;
    if (shown) unmark(shown);
    tip.textContent = "";
    var head = document.createElement("p");
    head.className = "tip-head";
    head.textContent = mark.getAttribute("data-kind") + " " + mark.getAttribute("data-index") + ": " + mark.textContent;
    tip.appendChild(head);
    var body = source.cloneNode(true);
    body.removeAttribute("id");
    fillTables(body);
    tip.appendChild(body);
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var view = document.documentElement;
    var left = Math.max(4, Math.min(box.left, view.clientWidth - tip.offsetWidth - 8));
    // Below the record, or above it when it would not fit below (a long table).
    var below = box.bottom + 6;
    var top = below + tip.offsetHeight > view.clientHeight && box.top - 6 - tip.offsetHeight >= 0
      ? box.top - 6 - tip.offsetHeight
      : below;
    tip.style.left = window.scrollX + left + "px";
    tip.style.top = window.scrollY + top + "px";
    var item = document.getElementById("li-" + mark.id);
    if (item) item.classList.add("on");
    mark.setAttribute("aria-describedby", "tip");
    shown = mark;
  }

  function unmark(mark) {
    var item = document.getElementById("li-" + mark.id);
    if (item) item.classList.remove("on");
    mark.removeAttribute("aria-describedby");
  }

  function hide() {
    if (!shown) return;
    unmark(shown);
    shown = null;
    if (tip) tip.hidden = true;
  }

  document.addEventListener("mouseover", function (e) {
    var mark = markOf(e.target);
    if (mark) show(mark);
  });
  document.addEventListener("mouseout", function (e) {
    var to = e.relatedTarget;
    if (markOf(e.target) && !markOf(to) && !(tip && tip.contains(to)) && document.activeElement !== shown) hide();
  });
  document.addEventListener("focusin", function (e) {
    var mark = markOf(e.target);
    if (mark) show(mark);
  });
  document.addEventListener("focusout", function (e) {
    if (markOf(e.target)) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });

  function open(id, scroll) {
    var mark = id ? document.getElementById(id) : null;
    if (mark && mark.matches("mark.r")) {
      mark.focus({ preventScroll: !scroll });
      show(mark);
    }
  }
  // #amount-3 (a link from the side list, another sheet or a bookmark) focuses that
  // record; ?show=amount-3 shows its fields without scrolling (for screenshots).
  window.addEventListener("hashchange", function () {
    open(decodeURIComponent(location.hash.slice(1)), true);
  });
  var asked = /[?&]show=([^&#]+)/.exec(location.search);
  open(asked ? decodeURIComponent(asked[1]) : decodeURIComponent(location.hash.slice(1)), !asked);
})();
