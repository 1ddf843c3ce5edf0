/* The site's search (lessonkit.search): pages of the page's own language, found as the reader types.
 *
 * Only search.js (assets/lessonkit/) comes with each page. When the reader starts a search (the field's
 * first focus, key press or input, or the header's search button on a small screen), it opens the
 * search box and loads this script (the site's search/engine.js), search.css and, at the same time, the
 * first file of the page language's index; until this script runs, its stand-in lkSearch keeps what
 * arrives, and Enter does not submit the form. The search field (theme partial search.html) says its
 * language and the way to the site root. This script loads search/<lang>/index.js (unless search.js
 * did), then the shards of the words typed (t/<key>.js) and the titles of the pages it shows
 * (d/<n>.js). Each file calls lkSearch(lang, name, data), so it loads the same way from file:// (where
 * fetch fails) as over HTTP, under script-src 'self', with nothing evaluated.
 * lessonkit/search/index.py writes the files and documents their format.
 *
 * Words are read as index.py reads them (lessonkit/search/text.py): runs of letters and digits after
 * NFC and lowercasing, folded by NFD, dropping combining marks, reading "đ" as "d". So "nguoi lon tin
 * cay" finds "người lớn tin cậy". Every word of the query must be in a section; the last letters typed
 * may be the start of a word. A query word typed with diacritics ranks the sections that write it the
 * same way first ("cậy" before "cây"), then the score computed at build time decides.
 *
 * Keyboard: Down from the field goes to the results, Up and Down move between them, Enter in the field
 * opens the first one, Escape closes the search. The number of pages found is announced (role=status).
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-lk-search-form]");
  var early = window.lkSearch;  // search.js's stand-in: the files that came before this script ran
  if (!form || (early && !early.early)) return;

  var FORMAT = 1;
  var ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var HALF = 32;
  var PREFIX_WEIGHT = 0.5;   // a word the query word only begins counts half
  var PAGES_SHOWN = 10;      // pages per batch of results
  var SECTIONS_SHOWN = 3;    // matching sections listed under a page
  var WORD = /[\p{L}\p{N}]+/gu;
  var MARKS = /[\u0300-\u036f]/g;
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < ALPHABET.length; d++) DIGIT[ALPHABET.charCodeAt(d)] = d;

  var input = form.querySelector("input");
  var search = form.closest("[data-lk-search]") || form.parentNode;
  var output = search.querySelector(".md-search__output");
  var status = search.querySelector("[role=status]");
  var list = search.querySelector("ol");
  var more = search.querySelector(".lk-search-more");
  var toggle = document.getElementById("__search");
  var lang = form.getAttribute("data-lk-lang") || document.documentElement.lang || "vi";
  var strings = { idle: status.textContent.trim() };
  ["loading", "none", "one", "other", "failed"].forEach(function (name) {
    strings[name] = form.getAttribute("data-lk-" + name) || "";
  });
  var root = new URL((form.getAttribute("data-lk-root") || ".").replace(/\/*$/, "/"), document.baseURI);
  var folder = new URL("search/" + lang + "/", root);

  // -- words --------------------------------------------------------------------------------------

  function fold(word) {
    return word.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(WORD) || [];
  }

  function letters(text) {
    return Array.from(text);
  }

  // The shards that hold every word beginning with `key` (a folded word typed): its first two letters,
  // or three when that shard was cut (see index.py); for a one-letter key, only the word itself.
  function shardsOf(key) {
    var chars = letters(key), two = chars.slice(0, 2).join("");
    if (chars.length < 2) return meta.shards[key] ? [key] : [];
    if (!meta.cut[two]) return meta.shards[two] ? [two] : [];
    if (chars.length > 2) {
      var three = chars.slice(0, 3).join("");
      return meta.shards[three] ? [three] : [];
    }
    return meta.cut[two];
  }

  function shardFile(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    var hex = "";
    new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return "_" + hex;
  }

  // The query's words: each once, with its folded key and whether it was typed with diacritics.
  function parse(query) {
    var seen = {};
    return words(query).reduce(function (terms, raw) {
      var key = fold(raw);
      if (!seen[raw]) {
        seen[raw] = true;
        terms.push({ raw: raw, key: key, marked: key !== raw, short: letters(key).length < 2 });
      }
      return terms;
    }, []);
  }

  // -- files --------------------------------------------------------------------------------------

  var waiting = {};   // "<lang>/<name>" -> resolve, for files on their way
  var arrived = {};   // "<lang>/<name>" -> data that came before anyone waited for it
  var loads = {};     // name -> Promise of its data

  // Called by every file of the index. Its `words` and `fold` read text as the index does.
  window.lkSearch = function (fileLang, name, data) {
    var id = fileLang + "/" + name;
    if (waiting[id]) {
      waiting[id](data);
      delete waiting[id];
    } else {
      arrived[id] = data;
    }
  };
  window.lkSearch.words = words;
  window.lkSearch.fold = fold;
  var started = early ? early.started : {};
  if (early) early.calls.forEach(function (call) { window.lkSearch.apply(null, call); });

  // The data of search/<lang>/<file>.js, which names itself `name`; search.js may have asked for it.
  function load(name, file) {
    if (!loads[name]) {
      loads[name] = new Promise(function (resolve, reject) {
        var id = lang + "/" + name;
        if (id in arrived) return resolve(arrived[id]);
        var script = started[id];
        delete started[id];
        waiting[id] = resolve;
        function done() {
          script.remove();
          if (waiting[id]) {
            delete waiting[id];
            delete loads[name];
            reject(new Error("lessonkit search: no data in " + script.src));
          }
        }
        if (script && script.lkDone) return done();
        if (!script) {
          script = document.createElement("script");
          script.async = true;
          script.src = new URL(file + ".js", folder).href;
          document.head.appendChild(script);
        }
        script.addEventListener("load", done);
        script.addEventListener("error", done);
      });
    }
    return loads[name];
  }

  function decode(text, pairs) {
    // Varints (base 32, lowest digit first, digits >= 32 continue); with `pairs`, each is followed by
    // a one-character score. Returns [numbers, scores]; numbers are running sums of the deltas.
    var numbers = [], scores = [], value = 0, shift = 1, total = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit >= HALF) {
        value += (digit - HALF) * shift;
        shift *= HALF;
        continue;
      }
      total += value + digit * shift;
      numbers.push(total);
      value = 0;
      shift = 1;
      if (pairs) scores.push(DIGIT[text.charCodeAt(++i)]);
    }
    return [numbers, scores];
  }

  var meta = null;

  function index() {
    return load("index", "index").then(function (data) {
      if (meta) return meta;
      if (!data || data.format !== FORMAT) throw new Error("lessonkit search: unknown index format");
      var counts = decode(data.sections, false)[0].map(function (n, i, all) { return i ? n - all[i - 1] : n; });
      var first = new Int32Array(counts.length + 1);
      for (var i = 0; i < counts.length; i++) first[i + 1] = first[i] + counts[i];
      var pageOf = new Int32Array(first[counts.length]);
      for (var p = 0; p < counts.length; p++) pageOf.fill(p, first[p], first[p + 1]);
      var shards = {}, cut = {};
      data.shards.forEach(function (key) {
        shards[key] = true;
        var chars = letters(key);
        if (chars.length === 3) (cut[chars[0] + chars[1]] = cut[chars[0] + chars[1]] || []).push(key);
      });
      Object.keys(cut).forEach(function (two) { if (shards[two]) cut[two].push(two); });
      meta = { first: first, pageOf: pageOf, sections: pageOf.length, chunk: data.chunk, scale: data.scale,
               shards: shards, cut: cut, prepared: {} };
      return meta;
    });
  }

  function shard(key) {
    return load("t/" + key, "t/" + shardFile(key)).then(function (terms) {
      if (!meta.prepared[key]) meta.prepared[key] = { terms: terms, sorted: Object.keys(terms).sort() };
      return meta.prepared[key];
    });
  }

  function records(pages) {
    var chunks = {};
    pages.forEach(function (p) { chunks[Math.floor(p / meta.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      return load("d/" + c, "d/" + c).then(function (data) { return [Number(c), data]; });
    })).then(function (loaded) {
      var byPage = {};
      loaded.forEach(function (pair) {
        pair[1].forEach(function (record, i) { byPage[pair[0] * meta.chunk + i] = record; });
      });
      return byPage;
    });
  }

  // -- ranking ------------------------------------------------------------------------------------

  // The words of a shard that `term` finds: itself, and (for two letters or more) the words it begins.
  function candidates(prepared, term) {
    if (term.short) return prepared.terms[term.key] ? [term.key] : [];
    var sorted = prepared.sorted, low = 0, high = sorted.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (sorted[mid] < term.key) low = mid + 1;
      else high = mid;
    }
    var found = [];
    for (var i = low; i < sorted.length && sorted[i].lastIndexOf(term.key, 0) === 0; i++) found.push(sorted[i]);
    return found;
  }

  // Sections holding every word, best first: [[section, exact words, score], …].
  function rank(terms, prepared) {
    var n = meta.sections, scale = meta.scale;
    var total = new Float64Array(n), hits = new Uint8Array(n), exact = new Uint8Array(n);
    var best = new Float64Array(n), same = new Uint8Array(n);
    terms.forEach(function (term) {
      best.fill(0);
      same.fill(0);
      shardsOf(term.key).forEach(function (key) { candidates(prepared[key], term).forEach(function (word) {
        var entry = prepared[key].terms[word];
        var weight = word === term.key ? 1 : PREFIX_WEIGHT;
        var postings = decode(entry[0], true), docs = postings[0], codes = postings[1];
        for (var i = 0; i < docs.length; i++) {
          var value = weight * scale[codes[i]];
          if (value > best[docs[i]]) best[docs[i]] = value;
        }
        if (!term.marked) return;
        for (var j = 1; j < entry.length; j += 2) {
          if (entry[j].lastIndexOf(term.raw, 0) !== 0) continue;
          var written = entry[j + 1] ? decode(entry[j + 1], false)[0] : docs;
          for (var k = 0; k < written.length; k++) same[written[k]] = 1;
        }
      }); });
      for (var s = 0; s < n; s++) {
        if (best[s] > 0) {
          total[s] += best[s];
          hits[s] += 1;
          exact[s] += same[s];
        }
      }
    });
    var found = [];
    for (var s = 0; s < n; s++) if (hits[s] === terms.length) found.push([s, exact[s], total[s]]);
    return found.sort(function (a, b) { return b[1] - a[1] || b[2] - a[2] || a[0] - b[0]; });
  }

  // Pages in the order of their best section: [[page, [section, …]], …].
  function group(sections) {
    var order = [], byPage = {};
    sections.forEach(function (hit) {
      var page = meta.pageOf[hit[0]];
      if (!byPage[page]) {
        byPage[page] = [];
        order.push(page);
      }
      byPage[page].push(hit[0] - meta.first[page]);
    });
    return order.map(function (page) { return [page, byPage[page]]; });
  }

  // The result of `query`; null if `stale()` says a newer query came while its files were loading.
  function find(query, stale) {
    var terms = parse(query);
    if (!terms.length) return Promise.resolve({ query: query, terms: terms, pages: [] });
    return index().then(function () {
      var keys = {}, missing = false;
      terms.forEach(function (term) {
        var found = shardsOf(term.key);
        if (!found.length) missing = true;
        found.forEach(function (key) { keys[key] = true; });
      });
      if (missing) return { query: query, terms: terms, pages: [] };
      return Promise.all(Object.keys(keys).map(function (key) {
        return shard(key).then(function (prepared) { return [key, prepared]; });
      })).then(function (loaded) {
        if (stale()) return null;
        var prepared = {};
        loaded.forEach(function (pair) { prepared[pair[0]] = pair[1]; });
        return { query: query, terms: terms, pages: group(rank(terms, prepared)) };
      });
    });
  }

  // -- results ------------------------------------------------------------------------------------

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function count(n) {
    if (n === 0) return strings.none || "";
    return n === 1 ? strings.one || "1" : (strings.other || "{n}").replace("{n}", String(n));
  }

  var folded = new Map();  // word shown -> its folded form, for the highlighting

  // `text` with the words the query finds in <mark>.
  function marked(tag, text, terms) {
    var el = document.createElement(tag), at = 0, match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var key = folded.get(match[0]);
      if (key === undefined) folded.set(match[0], key = fold(match[0]));
      var hit = terms.some(function (t) { return t.short ? key === t.key : key.lastIndexOf(t.key, 0) === 0; });
      if (!hit) continue;
      el.appendChild(document.createTextNode(text.slice(at, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = match[0];
      el.appendChild(mark);
      at = match.index + match[0].length;
    }
    el.appendChild(document.createTextNode(text.slice(at)));
    return el;
  }

  function link(href, heading, tag, snippet, terms, page) {
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = href;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset" + (page ? " md-search-result__article--document" : "");
    article.appendChild(marked(tag, heading, terms));
    if (snippet) article.appendChild(marked("p", snippet, terms));
    a.appendChild(article);
    return a;
  }

  function item(record, sections, terms) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var url = new URL(record[0], root).href;
    li.appendChild(link(url, record[1], "h1", record[2], terms, true));
    sections.filter(function (s) { return s > 0; }).slice(0, SECTIONS_SHOWN).forEach(function (s) {
      var at = 3 * (s - 1), rest = record[3];
      li.appendChild(link(url + "#" + rest[at], rest[at + 1], "h2", rest[at + 2], terms, false));
    });
    return li;
  }

  var shown = null;

  function render(result, from) {
    var batch = result.pages.slice(from, from + PAGES_SHOWN);
    return records(batch.map(function (p) { return p[0]; })).then(function (byPage) {
      if (shown !== result || wanted !== null) return false;  // a newer query is on its way
      if (from === 0) list.textContent = "";
      batch.forEach(function (p) { list.appendChild(item(byPage[p[0]], p[1], result.terms)); });
      list.setAttribute("data-lk-query", result.query);
      result.next = from + batch.length;
      more.hidden = result.next >= result.pages.length;
      return true;
    });
  }

  function show(result) {
    shown = result;
    if (!result.terms.length) {
      list.textContent = "";
      list.setAttribute("data-lk-query", result.query);
      more.hidden = true;
      say(strings.idle || "");
      return Promise.resolve();
    }
    return render(result, 0).then(function (done) {
      if (done) say(count(result.pages.length));
    });
  }

  function failed(err) {
    list.textContent = "";
    more.hidden = true;
    say(strings.failed || "");
    if (window.console) console.warn(err);
  }

  // One search at a time; keys pressed meanwhile only change the query run next.
  var wanted = null, busy = false;

  function schedule() {
    wanted = input.value;
    if (!busy) run();
  }

  function run() {
    var query = wanted;
    wanted = null;
    busy = true;
    var stale = function () { return wanted !== null; };
    find(query, stale)
      .then(function (result) { return result && !stale() ? show(result) : null; })
      .catch(failed)
      .then(function () {
        busy = false;
        if (wanted !== null) run();
      });
  }

  // -- the field ----------------------------------------------------------------------------------

  var started = false;

  function start() {
    if (started) return;
    started = true;
    if (!meta) say(strings.loading || "");
    index().then(function () {
      if (!input.value) say(strings.idle || "");
    }, failed);
  }

  function open() {
    output.hidden = false;
    if (toggle && !toggle.checked) toggle.click();
  }

  function close() {
    if (toggle && toggle.checked) toggle.click();
    output.hidden = true;
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length) {
      event.preventDefault();
      links()[0].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
      input.blur();
    }
  });
  input.addEventListener("input", function () {
    open();
    schedule();
  });
  form.addEventListener("submit", function () {
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      schedule();
      input.focus();
    }, 0);
  });
  list.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
    }
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) close();
  });
  more.querySelector("button").addEventListener("click", function () {
    // A second press while the next batch loads (a slow phone) must not add that batch twice.
    if (shown && !shown.adding && shown.next < shown.pages.length) {
      var result = shown, focusAt = links().length;
      result.adding = true;
      render(result, result.next).then(function (done) {
        result.adding = false;
        if (!done) return;  // a newer query took over: leave the focus where the reader is typing
        var next = links()[focusAt];
        if (next) next.focus();
      }, function (err) {
        result.adding = false;
        if (shown === result) failed(err);  // a late failure must not wipe a newer query's results
      });
    }
  });
  // The reader has started a search (search.js loaded this script for it).
  start();
  if (input.value) schedule();
})();
