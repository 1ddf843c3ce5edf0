/* The site's search (lessonkit.search), the part loaded with every page: it waits for the reader.
 *
 * When the reader starts a search (the search field's first focus, key press or input, or the
 * header's search button on a small screen), it opens the search box and loads the rest from the
 * site's search/ folder: engine.js, which searches and shows the results, and search.css. Nothing
 * else of the search is loaded before. Until the engine runs, Enter does not submit the form.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-lk-search-form]");
  if (!form || typeof Promise === "undefined" || typeof URL === "undefined") return;
  var input = form.querySelector("input");
  var output = form.parentNode.querySelector(".md-search__output");
  var toggle = document.getElementById("__search");
  var root = new URL((form.getAttribute("data-lk-root") || ".").replace(/\/*$/, "/"), document.baseURI);
  var started = false;

  function start() {
    if (started) return;
    started = true;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("search/search.css", root).href;
    document.head.appendChild(style);
    var engine = document.createElement("script");
    engine.src = new URL("search/engine.js", root).href;
    document.head.appendChild(engine);
  }

  function open() {
    start();
    if (output) output.hidden = false;
    if (toggle && !toggle.checked) toggle.click();
  }

  input.addEventListener("focus", open);
  input.addEventListener("keydown", start);
  input.addEventListener("input", open);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (output) output.hidden = !toggle.checked;
      if (toggle.checked && document.activeElement !== input) input.focus();
    });
  }
})();
