(function () {
  // The search box of every page: a substring search over PARSTATS_SEARCH (set above by the
  // build), with and without diacritics. fold() is parstats.publishing.search.fold.
  var entries = typeof PARSTATS_SEARCH === "undefined" ? [] : PARSTATS_SEARCH;
  var form = document.getElementById("search");
  var input = document.getElementById("search-input");
  var out = document.getElementById("search-results");
  if (!form || !input || !out) return;
  function fold(s) {
    return s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = entries.map(function (e) {
    return { where: fold(e[2] + " " + e[3]), text: fold(e[4]), raw: e[4].toLowerCase() };
  });
  function count(hay, needle) {
    var n = 0, i = hay.indexOf(needle);
    while (i >= 0 && n < 50) { n++; i = hay.indexOf(needle, i + needle.length); }
    return n;
  }
  function search(query) {
    var q = fold(query).trim().replace(/\s+/g, " ");
    if (!q) return [];
    var terms = q.split(" ");
    var exact = query.toLowerCase().trim();
    var hits = [];
    folded.forEach(function (f, i) {
      var all = f.where + " " + f.text;
      for (var t = 0; t < terms.length; t++) if (all.indexOf(terms[t]) < 0) return;
      var score = 0;
      terms.forEach(function (t) { score += count(all, t); });
      if (f.where.indexOf(q) >= 0) score += 20;
      if (f.text.indexOf(q) >= 0) score += 10;
      if (exact && f.raw.indexOf(exact) >= 0) score += 5;
      hits.push({ i: i, score: score, at: f.text.indexOf(f.text.indexOf(q) >= 0 ? q : terms[0]), len: f.text.indexOf(q) >= 0 ? q.length : terms[0].length });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return hits;
  }
  function snippet(hit) {
    var text = entries[hit.i][4];
    var p = document.createElement("p");
    if (hit.at < 0 || fold(text).length !== text.length) {
      p.textContent = text.slice(0, 160) + (text.length > 160 ? "…" : "");
      return p;
    }
    var start = Math.max(0, hit.at - 60), end = Math.min(text.length, hit.at + hit.len + 100);
    p.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(start, hit.at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(hit.at, hit.at + hit.len);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(hit.at + hit.len, end) + (end < text.length ? "…" : "")));
    return p;
  }
  function show() {
    var query = input.value;
    out.textContent = "";
    if (!query.trim()) { out.hidden = true; return; }
    var hits = search(query);
    out.hidden = false;
    var status = document.createElement("p");
    status.className = "search-status";
    status.textContent = hits.length ? hits.length + " kết quả cho “" + query.trim() + "”" +
      (hits.length > 30 ? " (hiện 30 kết quả đầu)" : "") : "Không tìm thấy kết quả cho “" + query.trim() + "”";
    out.appendChild(status);
    var list = document.createElement("ol");
    hits.slice(0, 30).forEach(function (hit) {
      var e = entries[hit.i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e[0] + (e[1] ? "#" + e[1] : "");
      a.textContent = e[2] + (e[3] && e[3] !== e[2] ? " › " + e[3] : "");
      li.appendChild(a);
      li.appendChild(snippet(hit));
      list.appendChild(li);
    });
    if (hits.length) out.appendChild(list);
  }
  form.hidden = false;
  form.addEventListener("submit", function (ev) { ev.preventDefault(); show(); });
  input.addEventListener("input", show);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { input.value = ""; show(); }
  });
})();
