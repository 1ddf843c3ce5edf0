// lessonkit preview only (never in a built site): reload the page when the preview's site changes.
(function () {
  "use strict";
  var script = document.currentScript;
  var epoch = script ? script.getAttribute("data-lk-epoch") : null;
  if (!epoch) return;
  function ask() {
    fetch("/__lessonkit/epoch?since=" + encodeURIComponent(epoch), { cache: "no-store" })
      .then(function (answer) {
        if (!answer.ok) throw new Error(String(answer.status));
        return answer.text();
      })
      .then(function (now) {
        if (now.trim() !== epoch) location.reload();
        else ask();
      })
      .catch(function () {
        setTimeout(ask, 500); // the preview restarts, or is busy: ask again
      });
  }
  ask();
})();
