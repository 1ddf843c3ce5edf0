/* Accessibility repairs of the theme's markup, applied once the page is parsed.
 * - With navigation.indexes, a level's menu is labelled by an element that holds only an icon, so screen
 *   readers announce several unnamed "navigation" landmarks: name each after its section link.
 * (The search box is the site's own partial, which names its form and field itself.) */
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
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", repair);
  else repair();
})();
