/* Leave this site quickly (the pattern of GOV.UK's "Exit this page"): the button, or
   Shift pressed three times on its own, blanks the page at once and replaces it in the
   history with a neutral site, so Back does not bring it back. Not Escape: that key
   closes dialogs and stops page loads, and people press it without meaning to leave.
   Without JavaScript the button is a plain link to the same site. */
(function () {
  "use strict";

  var box = document.querySelector("[data-exit-page]");
  if (!box) { return; }
  var button = box.querySelector(".exit-page-button");
  var status = box.querySelector("[data-exit-status]");
  var presses = 0;
  var lastWasModified = false;
  var timer = null;
  var WINDOW_MS = 5000;

  function leave() {
    document.documentElement.classList.add("exit-page-leaving");
    var curtain = document.createElement("div");
    curtain.className = "exit-page-curtain";
    curtain.setAttribute("role", "alert");
    document.body.appendChild(curtain);
    curtain.textContent = box.dataset.leaving;
    window.location.replace(button.href);
  }

  function reset(announce) {
    presses = 0;
    if (timer) { window.clearTimeout(timer); timer = null; }
    status.textContent = announce ? box.dataset.timedOut : "";
  }

  button.addEventListener("click", function (event) {
    event.preventDefault();
    leave();
  });

  /* Shift used as a modifier (Shift+A) sends a keyup for A with shiftKey set, then one for
     Shift: that Shift is not counted. */
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastWasModified) {
      presses += 1;
      if (timer) { window.clearTimeout(timer); }
      if (presses >= 3) {
        reset(false);
        leave();
      } else {
        status.textContent = presses === 1 ? box.dataset.pressedOne : box.dataset.pressedTwo;
        timer = window.setTimeout(function () { reset(true); }, WINDOW_MS);
      }
    } else if (presses) {
      reset(false);
    }
    lastWasModified = event.shiftKey;
  }, true);

  /* A page restored from the back-forward cache comes back usable, not blank. */
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("exit-page-leaving");
    document.querySelectorAll(".exit-page-curtain").forEach(function (curtain) {
      curtain.remove();
    });
    reset(false);
  });
})();
