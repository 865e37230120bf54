/* The referral list page: "Copy link" puts the share link on the clipboard (the button
   only appears when the browser can do it; the link stays on the page to select). */
(function () {
  "use strict";

  document.querySelectorAll(".copy-link").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    var status = button.parentNode.querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copy).then(function () {
        status.textContent = button.dataset.copied;
      }, function () {
        status.textContent = button.dataset.failed;
      });
    });
  });
})();
