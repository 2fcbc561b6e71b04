// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // Move focus to an error summary (after a full load or an htmx swap), so screen readers hear it.
  function focusErrors(root) {
    var summary = (root || document).querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  }
  // A table wider than its wrap: show the "schuif opzij" cue and let the keyboard scroll it.
  function markScrollers() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.toggleAttribute("data-schuift", scrolls);
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabel");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { focusErrors(document); markScrollers(); });
  document.addEventListener("htmx:afterSwap", function (event) { focusErrors(event.detail.target); markScrollers(); });
  window.addEventListener("resize", markScrollers);
})();
