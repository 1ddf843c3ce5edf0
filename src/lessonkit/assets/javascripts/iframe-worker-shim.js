/*
 * lessonkit — Web Worker stand-in for sites opened from file:// (our own code).
 *
 * Why: the site must work from a USB stick. Chromium refuses `new Worker()`
 * on file:// pages (SecurityError), and Material for MkDocs then hides its
 * search box. Material's `offline` plugin accepts a polyfill from
 * `extra.polyfills` if its URL contains "iframe-worker" (else it adds one from
 * a public CDN, which the site must never load) — this file is that polyfill.
 *
 * How: under file:// `window.Worker` becomes FrameWorker, which runs the
 * worker script in a hidden iframe. A srcdoc iframe inherits the page's
 * origin, so the page may reach into it (a file:// iframe would not be
 * same-origin in Chromium). Inside the iframe we provide the worker globals
 * Material's search worker uses:
 *   - postMessage(data)          -> "message" event on the FrameWorker
 *   - onmessage / addEventListener("message") <- FrameWorker#postMessage
 *   - importScripts(...urls)     -> <script> tags loaded strictly in order;
 *     returns a Promise because a page cannot load a script synchronously.
 *     Material's worker awaits it (`yield importScripts(...)`), so the
 *     language files (lunr.vi, lunr.multi, ...) are in place before use.
 *     URLs are resolved against the worker script's URL, as in a real worker.
 * Messages posted before the worker script has run are queued. Data is
 * copied with structuredClone, as across a real worker boundary.
 *
 * We deliberately do NOT define a global named `IFrameWorker`: without it,
 * Material's worker takes its normal path and asks for "../lunr/...", which
 * our importScripts resolves correctly. (Its IFrameWorker path finds that
 * folder with `src.split("/worker")`, which breaks when the site is copied
 * under a directory whose name starts with "worker".)
 *
 * Under http(s) nothing is touched: real workers work there. No eval, and no
 * other hosts: the only URLs loaded are the ones the page itself asks for.
 */
(function () {
  "use strict";

  var protocol = window.location.protocol;
  if (protocol === "http:" || protocol === "https:") return;
  if (window.Worker && window.Worker.lessonkitShim) return; // included twice

  var NativeWorker = window.Worker;

  // Copy a message into `realm` (a window), as postMessage would.
  function copyInto(realm, data, transfer) {
    if (typeof realm.structuredClone !== "function") return data;
    return transfer && transfer.length
      ? realm.structuredClone(data, { transfer: transfer })
      : realm.structuredClone(data);
  }

  // Accept both postMessage(data, [transfer]) and postMessage(data, {transfer}).
  function transferList(arg) {
    if (!arg) return null;
    return Array.isArray(arg) ? arg : arg.transfer || null;
  }

  function later(fn) {
    window.setTimeout(fn, 0);
  }

  // Append a classic <script> to `doc`; settles when it has run or failed.
  function loadScript(doc, src) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.async = false;
      script.onload = function () { resolve(); };
      script.onerror = function () {
        reject(new Error("Failed to load script: " + src));
      };
      script.src = src;
      (doc.head || doc.documentElement).appendChild(script);
    });
  }

  class FrameWorker extends EventTarget {
    constructor(url, options) {
      super();
      if (options && options.type === "module") {
        // Module scripts are fetched with CORS, which file:// does not have.
        throw new DOMException("Module workers are not supported here",
          "NotSupportedError");
      }
      this.onmessage = null;
      this.onmessageerror = null;
      this.onerror = null;
      this._url = new URL(String(url), document.baseURI).href;
      this._queue = [];      // messages waiting for the worker script to run
      this._win = null;      // the iframe's window, once the script has run
      this._imports = 0;     // importScripts calls still loading
      this._held = [];       // messages held back while they load
      this._closed = false;

      var self = this;
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.tabIndex = -1;
      frame.setAttribute("aria-hidden", "true");
      frame.title = "worker";
      frame.srcdoc = "<!doctype html><html><head><meta charset=\"utf-8\">" +
        "</head><body></body></html>";
      // Globals set before the srcdoc document loads would be lost with the
      // initial about:blank document, so wait for "load".
      frame.addEventListener("load", function () {
        self._boot(frame.contentWindow, options);
      }, { once: true });
      this._frame = frame;
      (document.body || document.documentElement).appendChild(frame);
    }

    postMessage(data, transfer) {
      if (this._closed) return;
      // Copy now: later changes by the page are not seen, and uncloneable
      // data throws here, as with a real worker.
      var list = transferList(transfer);
      if (this._win) this._deliver(copyInto(this._win, data, list));
      else this._queue.push(copyInto(window, data, list));
    }

    terminate() {
      this._closed = true;
      this._queue = [];
      this._win = null;
      var frame = this._frame;
      if (frame.parentNode) frame.parentNode.removeChild(frame);
    }

    // Also call the on<type> property, as a real Worker does.
    dispatchEvent(event) {
      var result = super.dispatchEvent(event);
      var handler = this["on" + event.type];
      if (typeof handler === "function") handler.call(this, event);
      return result;
    }

    // Install the worker globals in the (empty) iframe, then run the script.
    _boot(win, options) {
      if (this._closed) return;
      var self = this;
      var doc = win.document;
      var base = this._url;

      // Worker -> page, asynchronously like a real worker.
      win.postMessage = function (data, transfer) {
        if (self._closed) return;
        var copy = copyInto(window, data, transferList(transfer));
        later(function () {
          if (!self._closed) {
            self.dispatchEvent(new MessageEvent("message", { data: copy }));
          }
        });
      };

      // Each script runs after the previous one; the Promise settles when
      // all have run (and rejects if one fails to load).
      // A real importScripts blocks the worker, so no message is handled
      // before the scripts have run; ours is a Promise, so messages that
      // arrive meanwhile are held back until every import has settled
      // (otherwise a search typed while the index loads finds nothing).
      win.importScripts = function () {
        var urls = Array.prototype.map.call(arguments, function (u) {
          return new URL(String(u), base).href;
        });
        self._imports += 1;
        var done = urls.reduce(function (chain, src) {
          return chain.then(function () { return loadScript(doc, src); });
        }, Promise.resolve());
        function settle() {
          self._imports -= 1;
          if (self._imports === 0) self._release();
        }
        done.then(settle, settle);
        return done;
      };

      win.close = function () { self.terminate(); };
      if (options && options.name) win.name = String(options.name);

      // Uncaught errors in the worker surface on the Worker object.
      win.addEventListener("error", function (ev) {
        self._error(ev.message, ev.filename, ev.lineno, ev.colno, ev.error);
      });

      loadScript(doc, base).then(function () {
        if (self._closed) return;
        self._win = win;
        var queued = self._queue;
        self._queue = [];
        queued.forEach(function (data) { self._deliver(copyInto(win, data)); });
      }, function () {
        self._error("Failed to load worker script: " + base, base, 0, 0, null);
      });
    }

    // Page -> worker: a "message" event on the iframe's window reaches both
    // `onmessage` and addEventListener("message") inside the worker script.
    // `data` is already a copy made in the iframe's realm.
    _deliver(data) {
      var self = this;
      var win = this._win;
      if (this._imports > 0) {
        this._held.push(data);
        return;
      }
      later(function () {
        if (!self._closed) {
          win.dispatchEvent(new win.MessageEvent("message", { data: data }));
        }
      });
    }

    // Deliver the messages held back while scripts were loading, in order.
    _release() {
      var held = this._held;
      this._held = [];
      for (var i = 0; i < held.length && this._imports === 0; i++) this._deliver(held[i]);
      if (i < held.length) this._held = held.slice(i).concat(this._held);
    }

    _error(message, filename, lineno, colno, error) {
      var self = this;
      later(function () {
        if (self._closed) return;
        self.dispatchEvent(new ErrorEvent("error", {
          message: message, filename: filename, lineno: lineno, colno: colno,
          error: error
        }));
      });
    }
  }
  FrameWorker.lessonkitShim = true;

  if (protocol === "file:" || typeof NativeWorker !== "function") {
    window.Worker = FrameWorker;
  } else {
    // Other schemes (app web views, ...): a real worker when the browser
    // allows one, the iframe when constructing it throws.
    var Worker = function Worker(url, options) {
      try {
        return new NativeWorker(url, options);
      } catch (err) {
        return new FrameWorker(url, options);
      }
    };
    Worker.lessonkitShim = true;
    window.Worker = Worker;
  }
})();
