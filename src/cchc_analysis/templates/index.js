// Sort the ranking table by the clicked column (numbers by data-sort, text in Vietnamese order)
// and filter it by region.
(function () {
  var table = document.getElementById("ranking");
  var heads = table.tHead.rows[0].cells;
  function key(row, i, type) {
    var cell = row.cells[i], raw = cell.getAttribute("data-sort");
    if (raw === null) raw = cell.textContent.trim();
    if (type === "num") return raw === "" ? null : parseFloat(raw);
    return raw;
  }
  function sortBy(i) {
    var th = heads[i], type = th.getAttribute("data-type");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.sort(function (a, b) {
      var x = key(a, i, type), y = key(b, i, type);
      if (x === null) return 1;
      if (y === null) return -1;
      var c = type === "num" ? x - y : x.localeCompare(y, "vi");
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
    for (var j = 0; j < heads.length; j++) heads[j].setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(heads, function (th, i) {
    th.addEventListener("click", function () { sortBy(i); });
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(i); });
  });
  var select = document.getElementById("region-filter"), shown = document.getElementById("shown");
  function filter() {
    var region = select.value, count = 0, rows = table.tBodies[0].rows;
    for (var k = 0; k < rows.length; k++) {
      var show = !region || rows[k].getAttribute("data-region") === region;
      rows[k].hidden = !show;
      if (show) count++;
    }
    shown.textContent = shown.getAttribute("data-template").replace("{shown}", count);
  }
  select.addEventListener("change", filter);
  filter();
})();
