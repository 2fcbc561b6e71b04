// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Move focus to an error summary (after a full load or an htmx swap), so screen readers hear it.
  function focusErrors(root) {
    var summary = (root || document).querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () { focusErrors(document); });
  document.addEventListener("htmx:afterSwap", function (event) { focusErrors(event.detail.target); });
})();
