/* Body map: the picture above the body_regions checkboxes ticks and unticks them.
   The checkboxes stay the source of truth (they are what the form sends), so the map only ever
   reads them and flips them; it never keeps state of its own. No libraries, no inline script. */
(function () {
  "use strict";

  // The stylesheet shows the map only under html.js-enabled (map.js may have set it already).
  document.documentElement.classList.add("js-enabled");

  function setUp(map) {
    const status = map.querySelector("[data-body-map-status]");
    const shapes = Array.from(map.querySelectorAll(".region[data-region]"));
    const checkboxes = new Map();
    let pending = 0;

    shapes.forEach(function (shape) {
      const code = shape.getAttribute("data-region");
      const checkbox = document.getElementById("answer-" + code);
      if (checkbox && checkbox.type === "checkbox") {
        checkboxes.set(code, checkbox);
      } else {
        // An editor removed this option: a shape that ticks nothing must not look clickable.
        shape.classList.add("region--unavailable");
        shape.removeAttribute("role");
        shape.removeAttribute("tabindex");
        shape.removeAttribute("aria-pressed");
        shape.setAttribute("aria-hidden", "true");
      }
    });

    function render(code) {
      const checked = checkboxes.get(code).checked;
      shapes.forEach(function (shape) {
        if (shape.getAttribute("data-region") !== code) return;
        shape.classList.toggle("region--selected", checked);
        if (shape.hasAttribute("aria-pressed")) shape.setAttribute("aria-pressed", String(checked));
      });
    }

    function renderAll() {
      checkboxes.forEach(function (checkbox, code) { render(code); });
    }

    function announce(shape, checked) {
      const button = shape.hasAttribute("aria-label")
        ? shape
        : map.querySelector('[role="button"][data-region="' + shape.getAttribute("data-region") + '"]');
      const name = button ? button.getAttribute("aria-label") : shape.getAttribute("data-region");
      const template = map.getAttribute(checked ? "data-selected-text" : "data-removed-text") || "{region}";
      // Clear first so that the same message twice in a row is still read out; a quick second
      // tap replaces the first message rather than queueing behind it.
      window.clearTimeout(pending);
      status.textContent = "";
      pending = window.setTimeout(function () {
        status.textContent = template.replace("{region}", name);
      }, 50);
    }

    function toggle(shape) {
      const code = shape.getAttribute("data-region");
      const checkbox = checkboxes.get(code);
      if (!checkbox || checkbox.disabled) return;
      checkbox.checked = !checkbox.checked;
      // Let other scripts (and our own listener below) hear about it as if the box was clicked.
      checkbox.dispatchEvent(new Event("input", { bubbles: true }));
      checkbox.dispatchEvent(new Event("change", { bubbles: true }));
      render(code);
      announce(shape, checkbox.checked);
    }

    function shapeFrom(event) {
      const shape = event.target.closest ? event.target.closest(".region[data-region]") : null;
      return shape && map.contains(shape) && checkboxes.has(shape.getAttribute("data-region"))
        ? shape
        : null;
    }

    // A click is a completed tap or press on the same shape: a finger that scrolls or drags
    // across the figure never fires one, so nothing is ticked by accident.
    map.addEventListener("click", function (event) {
      const shape = shapeFrom(event);
      if (shape) toggle(shape);
    });

    // Buttons toggle on Enter (key down) and Space (key up, as native buttons do); Space must
    // not scroll the page.
    map.addEventListener("keydown", function (event) {
      const shape = shapeFrom(event);
      if (!shape) return;
      if (event.key === "Enter") {
        event.preventDefault();
        if (!event.repeat) toggle(shape);
      } else if (event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
      }
    });
    map.addEventListener("keyup", function (event) {
      const shape = shapeFrom(event);
      if (shape && (event.key === " " || event.key === "Spacebar")) {
        event.preventDefault();
        toggle(shape);
      }
    });

    // Ticking or unticking a box in the list updates the picture.
    document.addEventListener("change", function (event) {
      const target = event.target;
      if (!target || target.type !== "checkbox") return;
      checkboxes.forEach(function (checkbox, code) {
        if (checkbox === target) render(code);
      });
    });
    // A form reset, or a page restored from the back/forward cache, may change boxes silently.
    document.addEventListener("reset", function () { window.setTimeout(renderAll, 0); });
    window.addEventListener("pageshow", renderAll);

    renderAll();
  }

  function start() {
    document.querySelectorAll("[data-body-map]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
