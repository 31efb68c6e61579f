(function () {
  "use strict";
  var root = document.querySelector(".annot");
  if (!root) { return; }
  var doc = root.querySelector(".annot-doc");
  function panel(btn) { return document.getElementById(btn.getAttribute("aria-controls")); }
  function show(btn, open) {
    if (open === undefined) { open = btn.getAttribute("aria-expanded") !== "true"; }
    btn.setAttribute("aria-expanded", open ? "true" : "false");
    panel(btn).classList.toggle("open", open);
  }
  var blocks = doc ? doc.children : [];
  for (var i = 0; i < blocks.length; i++) {
    if (!blocks[i].querySelector(".mark.flag")) { blocks[i].classList.add("no-flag"); }
  }
  var only = document.getElementById("annot-only-flagged");
  if (only) {
    only.addEventListener("change", function () { root.classList.toggle("only-flagged", only.checked); });
  }
  root.addEventListener("click", function (e) {
    var btn = e.target.closest("button.mark");
    if (btn) { show(btn); return; }
    var link = e.target.closest("a.to-mark");
    if (link) {
      var mark = document.getElementById(link.getAttribute("data-mark"));
      if (!mark) { return; }
      e.preventDefault();
      show(mark, true);
      mark.scrollIntoView({block: "center"});
      mark.focus();
    }
  });
  root.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    var btn = e.target.closest("button.mark");
    if (btn && btn.getAttribute("aria-expanded") === "true") { show(btn, false); e.preventDefault(); }
  });
})();
