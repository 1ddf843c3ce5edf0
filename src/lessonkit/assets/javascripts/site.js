/* Accessibility repairs of the theme's markup, applied once the page is parsed.
 * - With navigation.indexes, a level's menu is labelled by an element that holds only an icon, so screen
 *   readers announce several unnamed "navigation" landmarks: name each after its section link.
 * - The search dialog has no name: give it the search field's (already translated) placeholder. */
(function () {
  "use strict";
  function repair() {
    var navs = document.querySelectorAll("nav[aria-labelledby]");
    for (var i = 0; i < navs.length; i++) {
      var label = document.getElementById(navs[i].getAttribute("aria-labelledby"));
      if (!label || label.textContent.trim()) continue;
      var link = label.parentElement && label.parentElement.querySelector("a");
      if (link && link.textContent.trim()) {
        navs[i].setAttribute("aria-label", link.textContent.trim());
        navs[i].removeAttribute("aria-labelledby");
      }
    }
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.getAttribute("aria-label")) {
      var input = search.querySelector("input");
      if (input && input.placeholder) search.setAttribute("aria-label", input.placeholder);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", repair);
  else repair();
})();
