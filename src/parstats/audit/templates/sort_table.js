(function () {
  "use strict";
  // Sort a table.sortable by the column whose header button is pressed: numbers by their
  // data-sort value, text in Vietnamese order; a cell without a value sorts last.
  function key(cell) {
    if (!cell) { return null; }
    var v = cell.getAttribute("data-sort");
    if (v === null) { v = cell.textContent.trim(); }
    if (v === "") { return null; }
    return v;
  }
  function sortBy(button) {
    var th = button.closest("th");
    var table = th.closest("table");
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.hasAttribute("data-numeric");
    var order = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var heads = th.parentNode.children;
    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", order);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sign = order === "ascending" ? 1 : -1;
    rows.sort(function (a, b) {
      var x = key(a.cells[col]), y = key(b.cells[col]);
      if (x === null || y === null) { return (x === null) - (y === null); }
      var d = numeric ? Number(x) - Number(y) : x.localeCompare(y, "vi");
      return d * sign || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("table.sortable th button.sort");
    if (button) { sortBy(button); }
  });
})();
