(function () {
  "use strict";
  // parstats serve: send the chosen or dropped files, show each one's progress, then its row.
  var main = document.getElementById("noi-dung");
  var maxFiles = Number(main.getAttribute("data-max-files"));
  var maxBytes = Number(main.getAttribute("data-max-bytes"));
  var maxMb = main.getAttribute("data-max-mb");
  var input = document.getElementById("chon-tep");
  var zone = document.getElementById("vung-tha");
  var status = document.getElementById("thong-bao");
  var alertBox = document.getElementById("loi");
  var body = document.querySelector("#ket-qua tbody");
  var session = "";
  var order = 0;
  var rowsByNumber = {};
  var STATUSES = ["consistent", "inconsistent", "unverifiable"];

  function say(text) { status.textContent = text; }
  function fail(text) { alertBox.textContent = text; alertBox.hidden = !text; }

  function cell(row, cls) {
    var td = document.createElement("td");
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }
  function newRow(name) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-order", String(order++));
    cell(tr).textContent = name;
    var p = cell(tr, "progress");
    p.innerHTML = '<progress max="100" value="0"></progress> <span class="state">Chờ tải lên</span>';
    p.querySelector("progress").setAttribute("aria-label", "Tiến trình: " + name);
    for (var i = 0; i < 4; i++) { cell(tr, "num"); }
    cell(tr, "err");
    cell(tr, "link");
    body.appendChild(tr);
    document.getElementById("khung-bang").hidden = false;
    document.getElementById("chua-co").hidden = true;
    return tr;
  }
  function setState(tr, text, percent) {
    var p = tr.cells[1];
    p.querySelector(".state").textContent = text;
    var bar = p.querySelector("progress");
    if (bar) {
      if (percent === null) { bar.removeAttribute("value"); } else { bar.value = percent; }
    }
    p.setAttribute("data-sort", text);
  }
  function number(td, value, bad) {
    td.textContent = value === null || value === undefined ? "" : String(value);
    if (value !== null && value !== undefined) { td.setAttribute("data-sort", String(value)); }
    if (bad && value) { td.classList.add("bad"); }
  }
  function fill(tr, r) {
    tr.setAttribute("data-code", r.code || "");
    var p = tr.cells[1];
    p.textContent = r.error ? "Lỗi" : "Xong";
    p.setAttribute("data-sort", p.textContent);
    number(tr.cells[2], r.claims);
    STATUSES.forEach(function (s, i) { number(tr.cells[3 + i], r[s], s === "inconsistent"); });
    var err = tr.cells[6];
    err.textContent = "";
    if (r.error) {
      tr.classList.add("error");
      err.textContent = r.error;
      if (r.detail) {
        var more = document.createElement("details");
        var title = document.createElement("summary");
        title.textContent = "Chi tiết kỹ thuật";
        var d = document.createElement("span");
        d.className = "detail";
        d.textContent = r.detail;
        more.appendChild(title);
        more.appendChild(d);
        err.appendChild(more);
      }
    }
    var link = tr.cells[7];
    link.textContent = "";
    if (r.page) {
      var a = document.createElement("a");
      a.href = r.page;
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = "Xem báo cáo chú giải ↗";
      var hint = document.createElement("span");
      hint.className = "sr-only";
      hint.textContent = " của " + r.source + " (mở trong thẻ mới)";
      a.appendChild(hint);
      link.appendChild(a);
    }
  }
  function downloads(sid) {
    var base = "/ket-qua/" + encodeURIComponent(sid) + "/";
    document.getElementById("tai-csv").href = base + "ket-qua.csv";
    document.getElementById("tai-jsonl").href = base + "ket-qua.jsonl";
    document.getElementById("tai-zip").href = base + "bao-cao-chu-giai.zip";
    document.getElementById("xem-muc-luc").href = base + "index.html";
    document.getElementById("tai-ve").hidden = false;
  }

  function send(files) {
    fail("");
    files = Array.prototype.slice.call(files);
    if (!files.length) { return; }
    var total = files.reduce(function (s, f) { return s + f.size; }, 0);
    if (files.length > maxFiles) {
      fail("Quá nhiều tệp: mỗi lần tải lên được tối đa " + maxFiles + " tệp (kể cả các tệp trong tệp .zip); lần này có " + files.length + " tệp. Hãy chia thành nhiều lần.");
      return;
    }
    if (total > maxBytes) {
      fail("Tải lên quá lớn: mỗi lần tải lên được tối đa " + maxMb + " MB. Hãy chia thành nhiều lần hoặc bớt tệp.");
      return;
    }
    var pending = files.map(function (f) { return newRow(f.name); });
    var starts = [], at = 0;
    files.forEach(function (f) { starts.push(at); at += f.size; });
    var form = new FormData();
    files.forEach(function (f) { form.append("tep", f, f.name); });
    form.append("phien", session);
    var xhr = new XMLHttpRequest();
    var seen = 0, open = 0;
    say("Đang tải lên " + files.length + " tệp…");
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) { return; }
      var loaded = e.loaded / e.total * at;
      pending.forEach(function (tr, i) {
        var size = files[i].size || 1;
        var pct = Math.max(0, Math.min(100, Math.round((loaded - starts[i]) / size * 100)));
        if (tr.parentNode) { setState(tr, pct >= 100 ? "Đã tải lên, đang chờ kiểm tra" : "Đang tải lên " + pct + "%", pct); }
      });
    };
    function lines() {
      var text = xhr.responseText;
      var end = text.lastIndexOf("\n");
      if (end < seen) { return; }
      text.slice(seen, end).split("\n").forEach(function (line) {
        if (line) { handle(JSON.parse(line)); }
      });
      seen = end + 1;
    }
    function handle(msg) {
      if (msg.type === "batch") {
        session = msg.session;
        var byUpload = {};
        msg.rows.forEach(function (r) { (byUpload[r.upload] = byUpload[r.upload] || []).push(r); });
        pending.forEach(function (tr, i) {
          var rows = byUpload[i] || [];
          rows.forEach(function (r, k) {
            var row = (k === 0 && rows.length === 1 && r.source === files[i].name) ? tr : newRow(r.source);
            if (row !== tr) { body.insertBefore(row, tr); }
            setState(row, "Đang kiểm tra…", null);
            rowsByNumber[r.row] = row;
            open++;
          });
          if (!rows.length || rowsByNumber[rows[0].row] !== tr) { tr.parentNode.removeChild(tr); }
        });
        say("Đang kiểm tra " + open + " tệp…");
      } else if (msg.type === "result") {
        var tr = rowsByNumber[msg.row];
        if (tr) { fill(tr, msg); }
        open--;
        say(open > 0 ? "Đã xong " + msg.source + "; còn " + open + " tệp đang kiểm tra…" : "Đã xong " + msg.source + ".");
      } else if (msg.type === "done") {
        downloads(msg.session);
        say("Đã kiểm tra xong. Bảng có " + body.rows.length + " tệp; tải kết quả về ở cuối bảng.");
      }
    }
    xhr.onprogress = function () { if (xhr.status === 200) { lines(); } };
    xhr.onload = function () {
      if (xhr.status === 200) { lines(); return; }
      var message = "Không tải lên được (mã lỗi " + xhr.status + ").";
      try { message = JSON.parse(xhr.responseText).error || message; } catch (err) { /* not JSON */ }
      fail(message);
      say("");
      pending.forEach(function (tr) { if (tr.parentNode) { tr.parentNode.removeChild(tr); } });
      if (!body.rows.length) { document.getElementById("khung-bang").hidden = true; document.getElementById("chua-co").hidden = false; }
    };
    xhr.onerror = function () {
      fail("Mất kết nối với máy chủ parstats serve: hãy kiểm tra rằng lệnh còn chạy rồi thử lại.");
      pending.forEach(function (tr) { if (tr.parentNode && !tr.classList.contains("error")) { setState(tr, "Lỗi kết nối", 0); } });
    };
    xhr.open("POST", "/api/kiem-tra");
    xhr.send(form);
  }

  input.addEventListener("change", function () { send(input.files); input.value = ""; });
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) { if (e.dataTransfer) { send(e.dataTransfer.files); } });
  // a file dropped elsewhere on the page must not replace the page by the file
  window.addEventListener("dragover", function (e) { e.preventDefault(); });
  window.addEventListener("drop", function (e) { e.preventDefault(); });
})();
