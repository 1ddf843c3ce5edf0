/* lessonkit quiz: checks answers in the browser, keeps the page score, saves progress, and reads
   questions and pupils' blocks aloud. Works on the HTML described in ../README.md, which the build
   writes complete: this script shows, hides and fills in, and makes no markup of its own. Every
   string it says comes from the page (the summary's data-lk-strings); without them the quiz stays
   as it works without JavaScript. Plain ES2017, no library, no network, no eval. */
(() => {
  'use strict';

  const PREFIX = 'lk-quiz:';
  const STATES = ['open', 'checked', 'shown'];
  const root = document.documentElement;

  const toArray = (list) => Array.prototype.slice.call(list);
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (all, name) => (has(values, name) ? values[name] : all));
  // Writing the same text again would make screen readers repeat a live region: only write changes.
  const setText = (el, text) => { if (el && el.textContent !== text) el.textContent = text; };
  const clean = (text) => String(text || '').replace(/\s+/g, ' ').trim();
  // The text of an element as shown on screen (lines kept); nothing for a missing or hidden one.
  const shown = (el) => (el && !el.closest('[hidden]') ? el.innerText || el.textContent || '' : '');
  const said = (el) => clean(shown(el));

  // The strings the script says, from the page only: null unless they are a table of texts.
  function readStrings(summary) {
    let given = null;
    try { given = JSON.parse(summary.getAttribute('data-lk-strings')); } catch (e) { return null; }
    if (!given || typeof given !== 'object' || Array.isArray(given)) return null;
    return Object.keys(given).every((k) => typeof given[k] === 'string') ? given : null;
  }

  // localStorage may be missing, blocked (throws on access), full or hold anything at all:
  // every use is guarded, and the quiz simply works without saving.
  function storage() {
    try { return window.localStorage || null; } catch (e) { return null; }
  }
  function load(key) {
    try {
      const data = JSON.parse(storage().getItem(key));
      return data && typeof data.q === 'object' && data.q ? data.q : {};
    } catch (e) { return {}; }
  }
  function store(key, entries) {
    try {
      if (Object.keys(entries).length) storage().setItem(key, JSON.stringify({ v: 1, q: entries }));
      else storage().removeItem(key);
    } catch (e) { /* full or blocked: no saving */ }
  }

  // -- the quiz ------------------------------------------------------------------------------------

  function initQuiz(summary, S) {
    // A missing string is said as nothing, never as "undefined".
    const T = (key, values) => fill(has(S, key) ? S[key] : '', values || {});
    const pageKey = PREFIX + (summary.getAttribute('data-lk-page') || location.pathname);
    const score = summary.querySelector('[data-lk-score]');
    const complete = summary.querySelector('[data-lk-complete]');
    const message = complete && complete.querySelector('[data-lk-complete-message]');
    const restart = summary.querySelector('[data-lk-restart]');
    const questions = [];

    function setMark(o, kind) {
      // The word is visible and read by screen readers; the symbol is decoration (aria-hidden).
      o.mark.hidden = !kind;
      o.li.classList.toggle('lk-option--right', kind === 'right' || kind === 'answer');
      o.li.classList.toggle('lk-option--wrong', kind === 'wrong');
      setText(o.icon, kind ? (kind === 'wrong' ? '✗' : '✓') : '');
      setText(o.word, kind ? T('mark_' + kind) : '');
    }

    // Binds one question; a question that does not follow the contract stays as it works without
    // JavaScript (null).
    function setupQuestion(form) {
      const part = (selector) => form.querySelector(selector);
      const q = {
        id: form.id, key: form.getAttribute('data-lk-key') || '', state: 'open', right: false,
        multiple: form.getAttribute('data-lk-type') === 'multiple',
        fieldset: part('fieldset'), result: part('.lk-question__result'), explanation: part('.lk-explanation'),
        check: part('.lk-question__actions .lk-check'), retry: part('.lk-question__actions .lk-retry'),
        show: part('.lk-question__actions .lk-show'),
        options: toArray(form.querySelectorAll('.lk-option > input')).map((input) => {
          const li = input.parentNode;
          const mark = li.querySelector('.lk-mark');
          return { li: li, input: input, correct: li.getAttribute('data-lk-correct') === 'true',
            feedback: li.querySelector('.lk-feedback'), mark: mark,
            icon: mark && mark.querySelector('.lk-mark__icon'), word: mark && mark.querySelector('.lk-mark__word') };
        }),
      };
      if (!q.fieldset || !q.result || !q.check || !q.retry || !q.show || !q.options.some((o) => o.correct) ||
          q.options.some((o) => !o.icon || !o.word)) return null;

      const answer = part('.lk-answer');
      if (answer) answer.hidden = true; // the no-JavaScript answer key; the script shows answers itself

      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (q.state !== 'open') return;
        if (!chosen(q).length) {
          // Nothing chosen: say so, change nothing. Toggle a trailing space so a repeat is announced.
          const text = T('result_none');
          q.result.textContent = q.result.textContent === text ? text + '\u00a0' : text;
          return;
        }
        q.state = 'checked';
        render(q);
        changed();
        (q.right ? q.result : q.retry).focus();
      });
      form.addEventListener('change', () => {
        if (q.state !== 'open') return;
        setText(q.result, '');
        changed();
      });
      q.retry.addEventListener('click', () => {
        reset(q);
        changed();
        q.options[0].input.focus();
      });
      q.show.addEventListener('click', () => {
        q.state = 'shown';
        render(q);
        changed();
        q.result.focus();
      });
      return q;
    }

    const chosen = (q) => q.options.filter((o) => o.input.checked).map((o) => o.input.value);

    function reset(q) {
      q.options.forEach((o) => { o.input.checked = false; });
      q.state = 'open';
      render(q);
    }

    // Shows a question as its state says: open (answering), checked, or shown (answers revealed).
    function render(q) {
      const open = q.state === 'open';
      const shown = q.state === 'shown';
      const picked = q.options.filter((o) => o.input.checked);
      const missing = q.options.some((o) => o.correct && !o.input.checked);
      const allPickedRight = picked.every((o) => o.correct);
      q.right = q.state === 'checked' && allPickedRight && !missing;

      q.fieldset.disabled = !open; // no changes after checking, until "try again"
      q.options.forEach((o) => {
        const showFeedback = shown || (!open && o.input.checked);
        let kind = '';
        if (shown) kind = o.correct ? 'answer' : (o.input.checked ? 'wrong' : '');
        else if (showFeedback) kind = o.correct ? 'right' : 'wrong';
        setMark(o, kind);
        if (o.feedback) o.feedback.hidden = !showFeedback;
        // Describe the option by its mark and feedback only while they are visible.
        const described = [kind ? o.mark.id : '', showFeedback && o.feedback ? o.feedback.id : ''].filter(Boolean);
        if (described.length) o.input.setAttribute('aria-describedby', described.join(' '));
        else o.input.removeAttribute('aria-describedby');
      });
      if (q.explanation) q.explanation.hidden = open;
      q.check.hidden = !open;
      q.retry.hidden = open;
      q.show.hidden = q.state !== 'checked' || q.right;

      let text = '';
      if (shown) text = T('result_shown');
      else if (q.right) text = T('result_right');
      else if (!open) text = T(q.multiple && allPickedRight ? 'result_partial' : 'result_wrong');
      setText(q.result, text);
    }

    function save() {
      const entries = {};
      questions.forEach((q) => {
        const values = chosen(q);
        if (q.state !== 'open' || values.length) entries[q.id] = { k: q.key, c: values, s: q.state };
      });
      store(pageKey, entries);
    }

    function update() {
      const m = questions.length;
      const n = questions.filter((q) => q.right).length;
      const done = questions.every((q) => q.right || q.state === 'shown');
      setText(score, T('score', { n: n, m: m }));
      if (complete) complete.hidden = !done; // unhide first, so the message is announced
      let text = '';
      if (done) text = T(n === m ? 'complete_all' : 2 * n > m ? 'complete_most' : 'complete_some');
      setText(message, text);
    }

    function changed() {
      update();
      save();
    }

    toArray(document.querySelectorAll('form.lk-question')).forEach((form) => {
      const q = setupQuestion(form);
      if (q) questions.push(q);
    });
    if (!questions.length) return;

    // Restore saved progress; skip entries that are malformed or belong to a changed question.
    const saved = load(pageKey);
    questions.forEach((q) => {
      const e = has(saved, q.id) ? saved[q.id] : null;
      const values = q.options.map((o) => o.input.value);
      const valid = e && typeof e === 'object' && e.k === q.key && STATES.indexOf(e.s) >= 0 &&
        Array.isArray(e.c) && e.c.every((v) => values.indexOf(v) >= 0) && (q.multiple || e.c.length < 2);
      if (valid) {
        q.options.forEach((o) => { o.input.checked = e.c.indexOf(o.input.value) >= 0; });
        q.state = e.s === 'checked' && !e.c.length ? 'open' : e.s;
      }
      render(q);
    });

    if (restart) {
      restart.addEventListener('click', () => {
        questions.forEach(reset);
        changed(); // nothing is left to save, so this removes the page's entry
        questions[0].options[0].input.focus();
      });
    }
    summary.hidden = false;
    update();
    root.setAttribute('data-lk-quiz', 'ready'); // tests and the benchmark wait for this
  }

  // -- read aloud ----------------------------------------------------------------------------------

  // Each question and each pupils' block has a hidden button[data-lk-read]; it is shown only where
  // the browser has a voice for the page's language (<html lang>). A button reads its parent block.
  // One reading at a time: pressing the same button again, or another one, stops the reading.
  function initRead(S) {
    const synth = window.speechSynthesis;
    const Utterance = window.SpeechSynthesisUtterance;
    const buttons = toArray(document.querySelectorAll('button[data-lk-read]'));
    const norm = (tag) => String(tag || '').toLowerCase().replace(/_/g, '-');
    const lang = norm(root.getAttribute('lang'));
    const base = lang.split('-')[0];
    // The voice wanted first: one tagged as the page is (its region too, when the page has one).
    const exact = lang;
    const isQuestion = (button) => button.parentNode.classList.contains('lk-question');
    let voice = null;
    let reading = null; // { button, block, utterances }
    let run = 0; // counts readings: events of a reading that was stopped change nothing
    if (!synth || typeof Utterance !== 'function' || !base || !buttons.length) return;

    // The best voice for the page: exact region first, then one on the device, then the default.
    function pickVoice() {
      let best = null;
      let bestScore = -1;
      let voices = [];
      try { voices = toArray(synth.getVoices() || []); } catch (e) { /* no voices */ }
      voices.forEach((v) => {
        const tag = norm(v.lang);
        if (tag.split('-')[0] !== base) return;
        const points = (tag === exact ? 4 : 0) + (v.localService ? 2 : 0) + (v.default ? 1 : 0);
        if (points > bestScore) { best = v; bestScore = points; }
      });
      return best;
    }

    function update() {
      voice = pickVoice();
      // A question's options are said with its letter: that string comes from the page.
      buttons.forEach((b) => { b.hidden = !voice || (!S && isQuestion(b)); });
      if (!voice && reading) stop();
    }

    function stop() {
      run += 1;
      if (reading) {
        reading.button.setAttribute('aria-pressed', 'false');
        reading.block.classList.remove('lk-reading');
        reading = null;
      }
      try { synth.cancel(); } catch (e) { /* nothing to stop */ }
    }

    // A question as it is on screen: its text and hint; before checking, every option with its
    // letter; after, the result, then each option whose feedback shows, with its mark and feedback.
    function questionParts(form) {
      const options = toArray(form.querySelectorAll('.lk-option'));
      const told = options.filter((li) => said(li.querySelector('.lk-feedback')));
      const result = said(form.querySelector('.lk-question__result'));
      const parts = [said(form.querySelector('legend')), said(form.querySelector('.lk-question__hint'))];
      if (told.length) parts.push(result);
      (told.length ? told : options).forEach((li) => {
        const letter = String.fromCharCode(65 + options.indexOf(li));
        parts.push(fill((S && S.read_option) || '', { letter: letter, text: said(li.querySelector('label')) }));
        if (told.length) parts.push(said(li.querySelector('.lk-mark__word')), said(li.querySelector('.lk-feedback')));
      });
      if (!told.length) parts.push(result);
      parts.push(said(form.querySelector('.lk-explanation')));
      return parts;
    }

    // Any other block: what it shows, line by line, but its own button.
    function blockParts(block, button) {
      return toArray(block.children).filter((c) => c !== button).map(shown).join('\n').split('\n');
    }

    function read(button) {
      const again = reading && reading.button === button;
      stop();
      if (again || !voice) return;
      const block = button.parentNode;
      const parts = (isQuestion(button) ? questionParts(block) : blockParts(block, button)).map(clean).filter(Boolean);
      if (!parts.length) return;
      const mine = run;
      // The utterances are kept: some browsers drop the end event of one nothing refers to any more.
      reading = { button: button, block: block, utterances: [] };
      button.setAttribute('aria-pressed', 'true');
      block.classList.add('lk-reading');
      parts.forEach((text, i) => {
        const u = new Utterance(text);
        u.lang = String(voice.lang).replace(/_/g, '-');
        u.voice = voice;
        if (i === parts.length - 1) u.onend = u.onerror = () => { if (mine === run) stop(); };
        reading.utterances.push(u);
        synth.speak(u);
      });
    }

    buttons.forEach((b) => b.addEventListener('click', () => read(b)));
    // Some browsers have no voices yet when the page loads: they say so with voiceschanged.
    if (synth.addEventListener) synth.addEventListener('voiceschanged', update);
    else synth.onvoiceschanged = update;
    window.addEventListener('pagehide', stop);
    update();
  }

  function init() {
    if (document.lkQuiz) return; // script included twice
    document.lkQuiz = true;
    const summary = document.querySelector('[data-lk-summary]');
    const S = summary && readStrings(summary);
    if (S) initQuiz(summary, S);
    initRead(S);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
