/* Vietnamese for the site's search (lunr), our own: replaces the theme's lunr.vi.
 *
 * Pupils often type without diacritics on a phone ("nguoi lon tin cay"). Every word is therefore
 * indexed and searched in a folded form: accents removed and "đ" read as "d", so "cay", "cây" and
 * "cậy" all find "tin cậy". Loaded by the theme's search worker (importScripts) after lunr and
 * lunr.stemmer.support; lunr.multi then adds the functions below to both pipelines, before English. */
(function (root) {
  "use strict";
  var lunr = root.lunr;
  if (!lunr) return;

  var COMBINING = /[\u0300-\u036f]/g;

  function fold(text) {
    return text.normalize("NFD").replace(COMBINING, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  lunr.vi = function () {
    this.pipeline.reset();
    this.pipeline.add(lunr.vi.trimmer, lunr.vi.stemmer);
    if (this.searchPipeline) {
      this.searchPipeline.reset();
      this.searchPipeline.add(lunr.vi.stemmer);
    }
  };
  // Latin letters with every Vietnamese accent, and the combining marks of decomposed text.
  lunr.vi.wordCharacters = "\\w\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F";
  lunr.vi.trimmer = lunr.trimmerSupport.generateTrimmer(lunr.vi.wordCharacters);
  lunr.Pipeline.registerFunction(lunr.vi.trimmer, "trimmer-vi");
  lunr.vi.stemmer = function (token) {
    return token.update(fold);
  };
  lunr.Pipeline.registerFunction(lunr.vi.stemmer, "stemmer-vi");
  lunr.vi.fold = fold;
})(typeof self !== "undefined" ? self : this);
