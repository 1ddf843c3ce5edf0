/* lessonkit quiz: checks answers in the browser, keeps the page score and saves progress.
   Works on the HTML described in ../README.md. Plain ES2017, no library, no network, no eval.
   Pupil-visible strings come from strings.py via the summary's data-lk-strings. */
(() => {
  'use strict';

  // Only for a page whose data-lk-strings is missing or corrupt. A test keeps it equal to strings.py.
  const FALLBACK = /*lk:fallback*/{
    "vi": {"check":"Kiểm tra","try_again":"Thử lại","show_answers":"Xem đáp án","choose_all":"Em hãy chọn tất cả các đáp án đúng.","mark_right":"Đúng","mark_wrong":"Chưa đúng","mark_answer":"Đáp án đúng","result_right":"Đúng rồi! Em làm tốt lắm.","result_partial":"Em chọn đúng rồi, nhưng vẫn còn đáp án đúng khác. Em hãy thử lại nhé.","result_wrong":"Chưa đúng. Em hãy đọc lời nhắn ở đáp án em chọn rồi thử lại nhé.","result_none":"Em chưa chọn câu trả lời nào. Em hãy chọn rồi bấm “{check}” nhé.","result_shown":"Đây là đáp án đúng. Em hãy đọc kỹ rồi thử lại khi em sẵn sàng nhé.","score":"Em đã làm đúng {n}/{m} câu.","complete_all":"Tuyệt vời! Em đã trả lời đúng tất cả các câu. Hãy nhớ những điều em vừa học để luôn giữ an toàn cho mình nhé.","complete_most":"Em làm tốt lắm! Em đã trả lời đúng phần lớn các câu. Em hãy đọc lại phần giải thích của những câu còn lại nhé.","complete_some":"Cảm ơn em đã cố gắng làm hết bài! Mỗi lần làm là một lần em học thêm điều mới. Em hãy đọc lại phần giải thích và làm lại khi em muốn nhé."},
    "en": {"check":"Check","try_again":"Try again","show_answers":"Show the answers","choose_all":"Choose all the right answers.","mark_right":"Right","mark_wrong":"Not right","mark_answer":"Right answer","result_right":"That's right! Well done.","result_partial":"What you chose is right, but there is another right answer too. Try again.","result_wrong":"Not quite. Read the note under your answer, then try again.","result_none":"You haven't chosen an answer yet. Choose one, then press “{check}”.","result_shown":"Here are the right answers. Read them carefully, then try again when you are ready.","score":"You have {n}/{m} questions right.","complete_all":"Excellent! You got every question right. Remember what you have learned, to keep yourself safe.","complete_most":"Well done! You got most of the questions right. Read the explanations of the others once more.","complete_some":"Thank you for finishing the quiz! Every try helps you learn something new. Read the explanations again and have another go whenever you like."}
  }/*lk:end*/;
  const PREFIX = 'lk-quiz:';
  const STATES = ['open', 'checked', 'shown'];
  const root = document.documentElement;

  const toArray = (list) => Array.prototype.slice.call(list);
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (all, name) => (has(values, name) ? values[name] : all));
  // Writing the same text again would make screen readers repeat a live region: only write changes.
  const setText = (el, text) => { if (el && el.textContent !== text) el.textContent = text; };

  function make(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function readStrings(summary) {
    const lang = ((summary && summary.closest('[lang]')) || root).getAttribute('lang') || '';
    const strings = Object.assign({}, /^en\b/i.test(lang) ? FALLBACK.en : FALLBACK.vi);
    let given = null;
    try {
      given = JSON.parse(summary ? summary.getAttribute('data-lk-strings') : 'null');
    } catch (e) { /* corrupt: keep the fallback */ }
    if (given && typeof given === 'object') {
      Object.keys(given).forEach((k) => { if (typeof given[k] === 'string') strings[k] = given[k]; });
    }
    return strings;
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

  function setMark(o, kind, S) {
    // The word is visible and read by screen readers; the symbol is decoration.
    o.mark.textContent = '';
    o.mark.hidden = !kind;
    o.li.classList.toggle('lk-option--right', kind === 'right' || kind === 'answer');
    o.li.classList.toggle('lk-option--wrong', kind === 'wrong');
    if (!kind) return;
    const icon = make('span', 'lk-mark__icon', kind === 'wrong' ? '✗' : '✓');
    icon.setAttribute('aria-hidden', 'true');
    o.mark.appendChild(icon);
    o.mark.appendChild(document.createTextNode(' ' + S['mark_' + kind]));
  }

  function setupQuestion(form, S, changed) {
    const fieldset = form.querySelector('fieldset');
    const actions = form.querySelector('.lk-question__actions');
    const result = form.querySelector('.lk-question__result');
    const inputs = toArray(form.querySelectorAll('.lk-option > input'));
    if (!fieldset || !actions || !result || !inputs.length) return null;

    const q = {
      id: form.id, key: form.getAttribute('data-lk-key') || '', state: 'open', right: false,
      multiple: form.getAttribute('data-lk-type') === 'multiple',
      fieldset: fieldset, result: result, explanation: form.querySelector('.lk-explanation'),
      options: inputs.map((input) => {
        const li = input.parentNode;
        const feedback = li.querySelector('.lk-feedback');
        const o = { li: li, input: input, correct: li.getAttribute('data-lk-correct') === 'true',
          feedback: feedback, mark: make('span', 'lk-mark') };
        const before = feedback && feedback.parentNode === li ? feedback : null; // else: at the end
        o.mark.id = input.id + '-mark';
        o.mark.hidden = true;
        li.insertBefore(o.mark, before);
        // The teacher's printed copy names the right options (shown by quiz.css in print only).
        if (o.correct && !li.querySelector('.lk-key')) {
          const key = make('span', 'lk-key', '✓ ' + S.mark_answer);
          key.hidden = true;
          li.insertBefore(key, o.mark);
        }
        return o;
      }),
    };
    if (!q.options.some((o) => o.correct)) return null;

    // Check boxes alone do not tell every pupil that several answers are wanted.
    if (q.multiple && !form.querySelector('.lk-question__hint')) {
      const hint = make('p', 'lk-question__hint', S.choose_all);
      hint.id = q.id + '-hint';
      const list = fieldset.querySelector('.lk-options');
      fieldset.insertBefore(hint, list && list.parentNode === fieldset ? list : null);
      fieldset.setAttribute('aria-describedby', hint.id);
    }

    const answer = form.querySelector('.lk-answer');
    if (answer) answer.hidden = true; // the no-JavaScript answer key; the script shows answers itself

    q.check = actions.querySelector('.lk-check');
    if (!q.check) {
      q.check = make('button', 'lk-check md-button md-button--primary', S.check);
      actions.appendChild(q.check);
    }
    q.retry = make('button', 'lk-retry md-button', S.try_again);
    q.show = make('button', 'lk-show md-button', S.show_answers);
    [q.retry, q.show].forEach((b) => { b.type = 'button'; b.hidden = true; actions.appendChild(b); });
    result.setAttribute('tabindex', '-1'); // so focus can move to the result after checking

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (q.state !== 'open') return;
      if (!chosen(q).length) {
        // Nothing chosen: say so, change nothing. Toggle a trailing space so a repeat is announced.
        const text = fill(S.result_none, { check: S.check });
        result.textContent = result.textContent === text ? text + '\u00a0' : text;
        return;
      }
      q.state = 'checked';
      render(q, S);
      changed();
      (q.right ? result : q.retry).focus();
    });
    form.addEventListener('change', () => {
      if (q.state !== 'open') return;
      setText(result, '');
      changed();
    });
    q.retry.addEventListener('click', () => {
      reset(q, S);
      changed();
      q.options[0].input.focus();
    });
    q.show.addEventListener('click', () => {
      q.state = 'shown';
      render(q, S);
      changed();
      result.focus();
    });
    return q;
  }

  const chosen = (q) => q.options.filter((o) => o.input.checked).map((o) => o.input.value);

  function reset(q, S) {
    q.options.forEach((o) => { o.input.checked = false; });
    q.state = 'open';
    render(q, S);
  }

  // Shows a question as its state says: open (answering), checked, or shown (answers revealed).
  function render(q, S) {
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
      setMark(o, kind, S);
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
    if (shown) text = S.result_shown;
    else if (q.right) text = S.result_right;
    else if (!open) text = q.multiple && allPickedRight ? S.result_partial : S.result_wrong;
    setText(q.result, text);
  }

  function init() {
    if (root.getAttribute('data-lk-quiz') === 'ready') return; // script included twice
    const summary = document.querySelector('[data-lk-summary]');
    const S = readStrings(summary);
    const pageKey = PREFIX + ((summary && summary.getAttribute('data-lk-page')) || location.pathname);
    const score = summary && summary.querySelector('[data-lk-score]');
    const complete = summary && summary.querySelector('[data-lk-complete]');
    const message = complete && complete.querySelector('[data-lk-complete-message]');
    const restart = summary && summary.querySelector('[data-lk-restart]');
    const questions = [];

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
      setText(score, fill(S.score, { n: n, m: m }));
      if (complete) complete.hidden = !done; // unhide first, so the message is announced
      let text = '';
      if (done) text = n === m ? S.complete_all : 2 * n > m ? S.complete_most : S.complete_some;
      setText(message, text);
    }

    function changed() {
      update();
      save();
    }

    toArray(document.querySelectorAll('form.lk-question')).forEach((form) => {
      const q = setupQuestion(form, S, changed);
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
      render(q, S);
    });

    if (message) message.setAttribute('aria-live', 'polite');
    if (restart) {
      restart.addEventListener('click', () => {
        questions.forEach((q) => reset(q, S));
        changed(); // nothing is left to save, so this removes the page's entry
        questions[0].options[0].input.focus();
      });
    }
    if (summary) summary.hidden = false;
    update();
    root.setAttribute('data-lk-quiz', 'ready'); // tests and the benchmark wait for this
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
