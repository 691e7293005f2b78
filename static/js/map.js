/* MAP question pages: small enhancements only. Every page works the same without this file. */
(function () {
  "use strict";

  document.documentElement.classList.add("js-enabled");

  // GOV.UK error summary: move focus to it, so keyboard and screen-reader users hear it first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    // A summary link moves focus to its field, not just scrolls to it.
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      var group = field.closest("fieldset") || field;
      group.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  // "None of these" clears the other boxes and the other boxes clear it, as the server expects.
  document.querySelectorAll("[data-exclusive-group]").forEach(function (group) {
    var boxes = Array.prototype.slice.call(group.querySelectorAll("input[type=checkbox]"));
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (!box.checked) return;
        var exclusive = box.hasAttribute("data-exclusive");
        boxes.forEach(function (other) {
          if (other !== box && other.hasAttribute("data-exclusive") !== exclusive) {
            other.checked = false;
            other.dispatchEvent(new Event("change", { bubbles: true }));
          }
        });
      });
    });
  });
})();
