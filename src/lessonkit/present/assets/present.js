/* lessonkit projector view: one screen at a time, a countdown per step, teacher notes on demand, and the
   whole-class quiz (show answer, hands counted per letter, the hardest questions). Works on the HTML of
   theme/lessonkit/present.html, which the build writes complete: this script shows, hides, fills in and
   moves what is there, and makes no markup of its own. Every string it says comes from the page
   (data-lk-strings). Nothing is fetched and nothing leaves the browser: the screen, the counts and the
   timers are kept in localStorage so that a reload loses nothing. Plain ES5 for old school computers,
   no library, no eval. The answer cards page only uses its print button. */
(function () {
  'use strict';

  var PREFIX = 'lk-present:';
  var root = document.documentElement;
  var KEYS = { 32: ' ', 27: 'Escape', 33: 'PageUp', 34: 'PageDown', 35: 'End', 36: 'Home', 37: 'ArrowLeft',
    39: 'ArrowRight', 66: 'b', 70: 'f', 78: 'n', 190: '.' };

  function toArray(list) { return Array.prototype.slice.call(list || []); }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, name) { return has(values, name) ? values[name] : all; });
  }
  // Writing the same text again would make screen readers repeat a live region: only write changes.
  function setText(el, text) { if (el && el.textContent !== text) el.textContent = text; }
  function clean(text) { return String(text || '').replace(/\s+/g, ' ').trim(); }
  function hiddenWithin(el, stop) {
    for (var e = el; e && e !== stop; e = e.parentNode) if (e.hidden) return true;
    return false;
  }
  function keyOf(event) { return event.key || KEYS[event.keyCode] || ''; }
  function isTyping(el) {
    var tag = el && el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || !!(el && el.isContentEditable);
  }
  function isControl(el) {
    var tag = el && el.tagName;
    return isTyping(el) || tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY';
  }

  // localStorage may be missing, blocked (throws on access), full or hold anything at all: every use is
  // guarded, and the page simply works without keeping its state.
  function storage() {
    try { return window.localStorage || null; } catch (e) { return null; }
  }
  function load(key) {
    try {
      var data = JSON.parse(storage().getItem(key));
      return data && typeof data === 'object' && data.v === 1 ? data : null;
    } catch (e) { return null; }
  }
  function store(key, data) {
    try { storage().setItem(key, JSON.stringify(data)); } catch (e) { /* full or blocked: nothing kept */ }
  }

  function readStrings(el) {
    var given = null;
    try { given = JSON.parse(el.getAttribute('data-lk-strings')); } catch (e) { return null; }
    if (!given || typeof given !== 'object' || given instanceof Array) return null;
    for (var k in given) if (has(given, k) && typeof given[k] !== 'string') return null;
    return given;
  }

  // -- the deck ------------------------------------------------------------------------------------

  function initDeck(deck, S) {
    function T(key, values) { return fill(has(S, key) ? S[key] : '', values || {}); }
    var part = function (selector, within) { return (within || deck).querySelector(selector); };
    var screens = toArray(deck.querySelectorAll('[data-lk-screen]'));
    var m = screens.length;
    var pos = part('[data-lk-pos]');
    var announcer = part('[data-lk-announce]');
    var prev = part('[data-lk-prev]');
    var next = part('[data-lk-next]');
    var menuToggle = part('[data-lk-menu-toggle]');
    var menu = part('[data-lk-menu]');
    var blankScreen = part('[data-lk-blank-screen]');
    var soundBox = part('[data-lk-sound]');
    var main = part('main') || deck;
    var key = PREFIX + (deck.getAttribute('data-lk-key') || location.pathname);
    var saved = load(key) || {};
    var state = { v: 1, s: 0, c: {}, a: {}, t: {}, snd: !!saved.snd };
    var current = -1;
    var blanked = false;
    var reader = null; // set by initRead: stops a reading when the screen changes
    if (!m || !pos || !prev || !next) return;

    function save() { store(key, state); }
    function announce(text) {
      // Toggle a trailing space so that the same text said twice is announced twice.
      if (announcer) announcer.textContent = announcer.textContent === text ? text + '\u00a0' : text;
    }

    // -- notes: one button for the current screen's notes ---------------------------------------------
    var notesToggle = part('[data-lk-notes-toggle]');
    var controls = part('.lk-controls');
    function notesOf(screen) { return screen ? part('[data-lk-notes]', screen) : null; }
    function setNotes(screen, open) {
      var panel = notesOf(screen);
      if (!panel) return;
      panel.hidden = !open;
      if (open && controls) panel.style.bottom = controls.offsetHeight + 'px'; // just above the controls
      if (notesToggle && screen === screens[current]) notesToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    function toggleNotes() {
      var panel = notesOf(screens[current]);
      if (panel) setNotes(screens[current], panel.hidden);
    }
    if (notesToggle) notesToggle.addEventListener('click', toggleNotes);

    // -- moving between screens ------------------------------------------------------------------------
    function go(index, quiet) {
      index = Math.max(0, Math.min(m - 1, index));
      if (index === current) return;
      var focused = document.activeElement;
      var old = screens[current];
      if (old) setNotes(old, false);
      setMenu(false);
      if (reader) reader.stop();
      screens.forEach(function (screen, i) { screen.hidden = i !== index; });
      current = index;
      var screen = screens[index];
      setText(pos, (index + 1) + ' / ' + m);
      var panel = notesOf(screen);
      if (notesToggle) {
        notesToggle.hidden = !panel;
        notesToggle.setAttribute('aria-expanded', 'false');
        if (panel) notesToggle.setAttribute('aria-controls', panel.id);
        else notesToggle.removeAttribute('aria-controls');
      }
      prev.setAttribute('aria-disabled', index === 0 ? 'true' : 'false');
      next.setAttribute('aria-disabled', index === m - 1 ? 'true' : 'false');
      if (screen.hasAttribute('data-lk-summary')) renderSummary();
      if (!quiet) announce(T('announce', { n: index + 1, m: m, title: screen.getAttribute('data-lk-title') || '' }));
      // Focus left on the screen that was hidden goes to the new screen's heading.
      if (old && focused && old.contains(focused)) {
        var heading = part('h2', screen);
        if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
      }
      screen.scrollTop = 0;
      if (main.scrollTo) main.scrollTop = 0;
      toArray(menu ? menu.querySelectorAll('[data-lk-go]') : []).forEach(function (a) {
        if (a.getAttribute('data-lk-go') === String(index + 1)) a.setAttribute('aria-current', 'step');
        else a.removeAttribute('aria-current');
      });
      state.s = index;
      save();
      try { history.replaceState(null, '', '#' + screen.id); } catch (e) { /* file:// in some browsers */ }
    }
    function move(by) { go(current + by); }

    prev.addEventListener('click', function () { move(-1); });
    next.addEventListener('click', function () { move(1); });

    // -- the list of screens, and the tools in it --------------------------------------------------
    function setMenu(open) {
      if (!menu || !menuToggle) return;
      menu.hidden = !open;
      menuToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    if (menu && menuToggle) {
      menuToggle.addEventListener('click', function () {
        var open = menu.hidden;
        setMenu(open);
        var here = part('[aria-current]', menu) || part('a', menu);
        if (open && here) here.focus();
      });
      toArray(menu.querySelectorAll('[data-lk-go]')).forEach(function (a) {
        a.addEventListener('click', function (event) {
          event.preventDefault();
          setMenu(false);
          go(parseInt(a.getAttribute('data-lk-go'), 10) - 1);
          menuToggle.focus();
        });
      });
    }

    function setBlank(on) {
      if (!blankScreen) return;
      blanked = on;
      blankScreen.hidden = !on;
    }
    var blankButton = part('[data-lk-blank]');
    if (blankButton) blankButton.addEventListener('click', function () { setMenu(false); setBlank(true); });
    if (blankScreen) blankScreen.addEventListener('click', function () { setBlank(false); });

    var fullButton = part('[data-lk-fullscreen]');
    var request = root.requestFullscreen || root.webkitRequestFullscreen;
    var exit = document.exitFullscreen || document.webkitExitFullscreen;
    var fullEnabled = document.fullscreenEnabled || document.webkitFullscreenEnabled;
    function isFull() { return !!(document.fullscreenElement || document.webkitFullscreenElement); }
    function toggleFull() {
      if (!request || !fullEnabled) return;
      try {
        var done = isFull() ? exit.call(document) : request.call(root);
        if (done && done['catch']) done['catch'](function () { /* refused: stay as we are */ });
      } catch (e) { /* refused */ }
    }
    if (fullButton && request && fullEnabled) {
      fullButton.hidden = false;
      fullButton.addEventListener('click', toggleFull);
      var onFull = function () { fullButton.setAttribute('aria-pressed', isFull() ? 'true' : 'false'); };
      document.addEventListener('fullscreenchange', onFull);
      document.addEventListener('webkitfullscreenchange', onFull);
    }

    // -- countdowns ------------------------------------------------------------------------------------
    var audio = null;
    function sound() {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!audio && Context) { try { audio = new Context(); } catch (e) { audio = null; } }
      return audio;
    }
    function ring() {
      var ctx = state.snd && sound();
      if (!ctx) return;
      try {
        for (var i = 0; i < 3; i += 1) {
          var osc = ctx.createOscillator();
          var gain = ctx.createGain();
          var at = ctx.currentTime + i * 0.4;
          osc.frequency.value = 880;
          gain.gain.setValueAtTime(0.25, at);
          gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3);
          osc.connect(gain);
          gain.connect(ctx.destination);
          osc.start(at);
          osc.stop(at + 0.32);
        }
      } catch (e) { /* no sound */ }
    }
    if (soundBox) {
      soundBox.checked = state.snd;
      soundBox.addEventListener('change', function () {
        state.snd = soundBox.checked;
        if (state.snd) sound(); // made on the teacher's click, so the browser lets it play later
        save();
      });
    }

    function pad(n) { return n < 10 ? '0' + n : String(n); }
    function format(seconds) {
      var s = Math.max(0, Math.ceil(seconds - 0.001));
      return Math.floor(s / 60) + ':' + pad(s % 60);
    }
    var ticking = null;
    var timers = [];
    screens.forEach(function (screen) {
      var el = part('[data-lk-timer]', screen);
      if (!el) return;
      var total = parseInt(el.getAttribute('data-lk-seconds'), 10);
      var t = { screen: screen, el: el, total: total, left: total, end: 0, time: part('[data-lk-time]', el),
        toggle: part('[data-lk-timer-toggle]', el), reset: part('[data-lk-timer-reset]', el) };
      if (!(total > 0) || !t.time || !t.toggle || !t.reset) return;
      timers.push(t);
      t.toggle.addEventListener('click', function () { (t.end ? pause : start)(t); });
      t.reset.addEventListener('click', function () { t.end = 0; t.left = t.total; draw(t); keep(t); });
    });
    function draw(t) {
      setText(t.time, format(t.left));
      setText(t.toggle, T(t.end ? 'pause' : 'start'));
      t.el.className = 'lk-timer' + (t.end ? ' is-running' : '') + (t.left <= 0 ? ' is-up' : '');
    }
    function keep(t) {
      state.t[t.screen.id] = { l: Math.round(t.left * 1000) / 1000, e: t.end, n: t.total };
      save();
    }
    function start(t) {
      if (t.left <= 0) t.left = t.total;
      t.end = Date.now() + t.left * 1000;
      if (state.snd) sound();
      draw(t);
      keep(t);
      if (!ticking) ticking = setInterval(tick, 200);
    }
    function pause(t) {
      t.left = Math.max(0, (t.end - Date.now()) / 1000);
      t.end = 0;
      draw(t);
      keep(t);
    }
    function tick() {
      var now = Date.now();
      var running = 0;
      timers.forEach(function (t) {
        if (!t.end) return;
        t.left = Math.max(0, (t.end - now) / 1000);
        if (t.left <= 0) {
          t.end = 0;
          keep(t);
          if (t.screen === screens[current]) announce(T('time_up'));
          ring();
        } else {
          running += 1;
        }
        draw(t);
      });
      if (!running && ticking) { clearInterval(ticking); ticking = null; }
    }

    // -- the whole-class quiz ----------------------------------------------------------------------
    var questions = [];
    screens.forEach(function (screen) {
      if (!screen.hasAttribute('data-lk-question')) return;
      var right = (screen.getAttribute('data-lk-answer') || '').split(/\s+/).filter(Boolean);
      var q = { screen: screen, key: screen.getAttribute('data-lk-key') || screen.id,
        show: part('[data-lk-show]', screen), hide: part('[data-lk-hide]', screen),
        tallyToggle: part('[data-lk-tally-toggle]', screen), explanation: part('[data-lk-explanation]', screen),
        options: toArray(screen.querySelectorAll('[data-lk-option]')).map(function (li, i) {
          return { li: li, right: right.indexOf(String(i + 1)) >= 0, mark: part('[data-lk-mark]', li),
            feedback: part('[data-lk-feedback]', li), tally: part('[data-lk-tally]', li),
            input: part('[data-lk-count]', li), bar: part('[data-lk-bar]', li), barText: part('[data-lk-bar-text]', li) };
        }) };
      if (!q.show || !q.hide || !right.length || !q.options.length) return;
      questions.push(q);
      q.show.addEventListener('click', function () {
        reveal(q, true);
        q.hide.focus();
      });
      q.hide.addEventListener('click', function () {
        reveal(q, false);
        q.show.focus();
      });
      if (q.tallyToggle) {
        q.tallyToggle.addEventListener('click', function () {
          var open = q.tallyToggle.getAttribute('aria-expanded') !== 'true';
          setTally(q, open);
          if (open && q.options[0].input) q.options[0].input.focus();
        });
      }
      q.options.forEach(function (o) {
        if (!o.input) return;
        o.input.addEventListener('input', function () { counted(q); });
      });
    });

    function reveal(q, on) {
      q.options.forEach(function (o) {
        if (on && o.right) o.li.setAttribute('data-correct', 'true');
        else o.li.removeAttribute('data-correct');
        o.li.className = 'lk-opt' + (on ? (o.right ? ' is-right' : ' is-other') : '');
        if (o.mark) o.mark.hidden = !(on && o.right);
        if (o.feedback) o.feedback.hidden = !on;
      });
      if (q.explanation) q.explanation.hidden = !on;
      q.show.hidden = on;
      q.hide.hidden = !on;
      if (on) state.a[q.key] = 1;
      else delete state.a[q.key];
      save();
    }

    function setTally(q, open) {
      if (!q.tallyToggle) return;
      q.tallyToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      q.options.forEach(function (o) { if (o.tally) o.tally.hidden = !open; });
    }

    function countsOf(q) {
      return q.options.map(function (o) {
        var n = o.input ? parseInt(o.input.value, 10) : 0;
        return n > 0 ? Math.min(n, 999) : 0;
      });
    }
    function drawBars(q) {
      var counts = countsOf(q);
      var most = Math.max.apply(null, counts.concat([0]));
      q.options.forEach(function (o, i) {
        if (o.bar) o.bar.style.width = most ? Math.round((100 * counts[i]) / most) + '%' : '0';
        setText(o.barText, counts[i] || (most && o.input && o.input.value !== '') ? T('tally_count', { count: counts[i] }) : '');
      });
    }
    function counted(q) {
      var counts = countsOf(q);
      if (counts.some(function (n) { return n > 0; })) state.c[q.key] = counts;
      else delete state.c[q.key];
      drawBars(q);
      save();
    }

    var summary = part('[data-lk-summary]');
    function renderSummary() {
      if (!summary) return;
      var list = part('[data-lk-hard]', summary);
      var items = toArray(summary.querySelectorAll('[data-lk-hard-item]'));
      var seen = [];
      questions.forEach(function (q, order) {
        var counts = state.c[q.key];
        if (!counts) return;
        var total = 0;
        var right = 0;
        counts.forEach(function (n, i) { total += n; if (q.options[i] && q.options[i].right) right += n; });
        if (total > 0) seen.push({ key: q.key, order: order, right: right, total: total, share: right / total });
      });
      var hard = seen.filter(function (h) { return h.share < 1; });
      hard.sort(function (a, b) { return a.share - b.share || a.order - b.order; });
      hard = hard.slice(0, 3);
      part('[data-lk-summary-empty]', summary).hidden = seen.length > 0;
      part('[data-lk-summary-intro]', summary).hidden = !hard.length;
      part('[data-lk-summary-all]', summary).hidden = !(seen.length && !hard.length);
      items.forEach(function (li) { li.hidden = true; });
      hard.forEach(function (h) {
        var li = items.filter(function (item) { return item.getAttribute('data-lk-hard-item') === h.key; })[0];
        if (!li) return;
        setText(part('[data-lk-hard-score]', li),
          T('summary_item', { percent: Math.round(100 * h.share), right: h.right, total: h.total }));
        li.hidden = false;
        if (list) list.appendChild(li); // hardest first
      });
    }
    var clear = summary && part('[data-lk-tally-clear]', summary);
    if (clear) {
      clear.addEventListener('click', function () {
        state.c = {};
        questions.forEach(function (q) {
          q.options.forEach(function (o) { if (o.input) o.input.value = ''; });
          drawBars(q);
        });
        renderSummary();
        save();
      });
    }

    // -- keys, clickers and touch ------------------------------------------------------------------
    document.addEventListener('keydown', function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      var k = keyOf(event);
      var target = event.target;
      var typing = isTyping(target);
      if (blanked) {
        if (k && k !== 'Shift' && k !== 'Control' && k !== 'Alt' && k !== 'Meta') {
          setBlank(false);
          event.preventDefault();
        }
        return;
      }
      var handled = true;
      if (k === 'Escape') {
        if (menu && !menu.hidden) { setMenu(false); menuToggle.focus(); }
        else setNotes(screens[current], false);
      } else if (k === 'PageDown' || (!typing && k === 'ArrowRight') ||
                 ((k === ' ' || k === 'Spacebar') && !isControl(target))) {
        move(1);
      } else if (k === 'PageUp' || (!typing && k === 'ArrowLeft')) {
        move(-1);
      } else if (!typing && k === 'Home') {
        go(0);
      } else if (!typing && k === 'End') {
        go(m - 1);
      } else if (!typing && (k === 'n' || k === 'N')) {
        toggleNotes();
      } else if (!typing && (k === 'b' || k === 'B' || k === '.')) {
        setBlank(true);
      } else if (!typing && (k === 'f' || k === 'F')) {
        toggleFull();
      } else {
        handled = false;
      }
      if (handled) event.preventDefault();
    });

    var touch = null;
    main.addEventListener('touchstart', function (event) {
      var t = event.touches[0];
      touch = event.touches.length === 1 && !isTyping(event.target) ? { x: t.clientX, y: t.clientY } : null;
    }, { passive: true });
    main.addEventListener('touchend', function (event) {
      var t = event.changedTouches[0];
      if (!touch || !t) return;
      var dx = t.clientX - touch.x;
      var dy = t.clientY - touch.y;
      touch = null;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 1.5 * Math.abs(dy)) move(dx < 0 ? 1 : -1);
    });

    // -- start: what was kept, then the screen the address names or the one left last time -------
    root.className += ' lk-js';
    var counts = saved.c && typeof saved.c === 'object' ? saved.c : {};
    var answered = saved.a && typeof saved.a === 'object' ? saved.a : {};
    questions.forEach(function (q) {
      var c = counts[q.key];
      if (c instanceof Array && c.length === q.options.length) {
        q.options.forEach(function (o, i) {
          var v = parseInt(c[i], 10);
          if (o.input && v > 0) o.input.value = String(Math.min(v, 999));
        });
        state.c[q.key] = countsOf(q);
        setTally(q, true);
      }
      drawBars(q);
      reveal(q, answered[q.key] === 1);
    });
    var kept = saved.t && typeof saved.t === 'object' ? saved.t : {};
    timers.forEach(function (t) {
      var k = kept[t.screen.id];
      if (k && k.n === t.total && typeof k.l === 'number' && k.l >= 0 && k.l <= t.total) {
        t.left = k.l;
        if (typeof k.e === 'number' && k.e > 0) {
          t.end = k.e;
          t.left = Math.max(0, (k.e - Date.now()) / 1000);
          if (!t.left) t.end = 0;
        }
        state.t[t.screen.id] = { l: t.left, e: t.end, n: t.total };
      }
      draw(t);
      if (t.end && !ticking) ticking = setInterval(tick, 200);
    });
    var named = /^#lk-s-(\d+)$/.exec(location.hash || '');
    var first = named ? parseInt(named[1], 10) - 1 : (typeof saved.s === 'number' ? saved.s : 0);
    go(first >= 0 && first < m ? first : 0, true);
    reader = initRead(deck);
    root.setAttribute('data-lk-present', 'ready'); // tests wait for this
  }

  // -- read aloud ----------------------------------------------------------------------------------

  // Each screen with text has a hidden button[data-lk-read], shown only where the browser has a voice
  // for the page's language (<html lang>), as on the pupils' pages. It reads what its screen shows
  // of the parts marked data-lk-say, line by line (an option with its letter: "A. …"); pressing it
  // again, or another one, stops.
  function initRead(scope) {
    var synth = window.speechSynthesis;
    var Utterance = window.SpeechSynthesisUtterance;
    var buttons = toArray(scope.querySelectorAll('button[data-lk-read]'));
    var norm = function (tag) { return String(tag || '').toLowerCase().replace(/_/g, '-'); };
    var lang = norm(root.getAttribute('lang'));
    var base = lang.split('-')[0];
    var exact = lang.indexOf('-') > 0 ? lang : base === 'vi' ? 'vi-vn' : base;
    var voice = null;
    var reading = null;
    var run = 0;
    if (!synth || typeof Utterance !== 'function' || !base || !buttons.length) return null;

    function pickVoice() {
      var best = null;
      var bestScore = -1;
      var voices = [];
      try { voices = toArray(synth.getVoices() || []); } catch (e) { /* no voices */ }
      voices.forEach(function (v) {
        var tag = norm(v.lang);
        if (tag.split('-')[0] !== base) return;
        var points = (tag === exact ? 4 : 0) + (v.localService ? 2 : 0) + (v['default'] ? 1 : 0);
        if (points > bestScore) { best = v; bestScore = points; }
      });
      return best;
    }
    function update() {
      voice = pickVoice();
      buttons.forEach(function (b) { b.hidden = !voice; });
      if (!voice && reading) stop();
    }
    function stop() {
      run += 1;
      if (reading) {
        reading.button.setAttribute('aria-pressed', 'false');
        reading = null;
      }
      try { synth.cancel(); } catch (e) { /* nothing to stop */ }
    }
    function screenOf(el) {
      for (var e = el; e; e = e.parentNode) if (e.hasAttribute && e.hasAttribute('data-lk-screen')) return e;
      return null;
    }
    function read(button) {
      var again = reading && reading.button === button;
      stop();
      if (again || !voice) return;
      var screen = screenOf(button);
      if (!screen) return;
      var lines = [];
      toArray(screen.querySelectorAll('[data-lk-say]')).forEach(function (el) {
        if (hiddenWithin(el, screen)) return;
        var text = String(el.innerText || el.textContent || '');
        // An option is said with its letter, on one line: "A. …".
        var letter = el.getAttribute('data-lk-letter');
        lines = lines.concat(letter ? [letter + '. ' + clean(text)] : text.split('\n'));
      });
      lines = lines.map(clean).filter(Boolean);
      if (!lines.length) return;
      var mine = run;
      reading = { button: button, utterances: [] };
      button.setAttribute('aria-pressed', 'true');
      lines.forEach(function (text, i) {
        var u = new Utterance(text);
        u.lang = String(voice.lang).replace(/_/g, '-');
        u.voice = voice;
        if (i === lines.length - 1) u.onend = u.onerror = function () { if (mine === run) stop(); };
        reading.utterances.push(u);
        synth.speak(u);
      });
    }
    buttons.forEach(function (b) { b.addEventListener('click', function () { read(b); }); });
    if (synth.addEventListener) synth.addEventListener('voiceschanged', update);
    else synth.onvoiceschanged = update;
    window.addEventListener('pagehide', stop);
    update();
    return { stop: stop };
  }

  function init() {
    if (document.lkPresent) return; // script included twice
    document.lkPresent = true;
    toArray(document.querySelectorAll('[data-lk-print]')).forEach(function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
    var deck = document.querySelector('[data-lk-deck]');
    var S = deck && readStrings(deck);
    if (deck && S) initDeck(deck, S);
    else root.className += ' lk-js';
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
