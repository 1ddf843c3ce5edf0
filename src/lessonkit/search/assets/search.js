/* Site search (lessonkit.search), the part on every page: when the reader starts a search, it opens
 * the box and loads search/engine.js, search/search.css and search/<lang>/index.js (see engine.js). */
(function () {
  "use strict";

  var form = document.querySelector("form[data-lk-search-form]");
  if (!form || typeof Promise === "undefined" || typeof URL === "undefined") return;
  var input = form.querySelector("input");
  var output = form.parentNode.querySelector(".md-search__output");
  var toggle = document.getElementById("__search");
  var root = new URL((form.getAttribute("data-lk-root") || ".").replace(/\/*$/, "/"), document.baseURI);
  var lang = form.getAttribute("data-lk-lang") || document.documentElement.lang || "vi";
  var started = false;

  function add(tag, attributes) {
    var el = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { el[name] = attributes[name]; });
    document.head.appendChild(el);
    return el;
  }

  function start() {
    if (started) return;
    started = true;
    var early = function () { early.calls.push(Array.prototype.slice.call(arguments)); };
    early.early = true;
    early.calls = [];
    early.started = {};
    window.lkSearch = window.lkSearch || early;
    add("link", { rel: "stylesheet", href: new URL("search/search.css", root).href });
    var index = add("script", { async: true, src: new URL("search/" + lang + "/index.js", root).href });
    var mark = function () { index.lkDone = true; };
    index.addEventListener("load", mark);
    index.addEventListener("error", mark);
    early.started[lang + "/index"] = index;
    add("script", { src: new URL("search/engine.js", root).href });
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
  /* The theme's keys: "/", "s" or "f" anywhere on the page (not while typing in a field) puts the cursor in
   * the search box, as on every Material site. */
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key !== "/" && event.key !== "s" && event.key !== "f") return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName || ""))) return;
    event.preventDefault();
    input.focus();
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (output) output.hidden = !toggle.checked;
      if (toggle.checked && document.activeElement !== input) input.focus();
    });
  }
})();
