/* Small conveniences on top of pages that work without JavaScript:
   "Use my location" fills coordinates from the browser, and "Print this page" opens the
   print dialog. The sort and distance selects wait for their "Update" button: a select
   that reloads the page as it changes moves keyboard users away mid-choice (WCAG 3.2.2). */
(function () {
  "use strict";

  var button = document.querySelector(".locate-button");
  if (button && "geolocation" in navigator) {
    var form = button.form;
    var status = form.querySelector(".locate-status");
    var near = form.querySelector("#near");
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.dataset.locating;
      navigator.geolocation.getCurrentPosition(function (position) {
        ["lat", "lng"].forEach(function (name) {
          var input = form.querySelector("input[name=" + name + "]");
          if (!input) {
            input = document.createElement("input");
            input.type = "hidden";
            input.name = name;
            form.appendChild(input);
          }
          var value = name === "lat" ? position.coords.latitude : position.coords.longitude;
          input.value = value.toFixed(5);
        });
        near.value = button.dataset.label;
        form.submit();
      }, function () {
        status.textContent = button.dataset.failed;
      }, { timeout: 10000, maximumAge: 600000 });
    });
    /* Typing a place replaces a location found earlier. */
    near.addEventListener("input", function () {
      form.querySelectorAll("input[name=lat], input[name=lng]").forEach(function (input) {
        input.remove();
      });
    });
  }

  document.querySelectorAll(".print-link").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      window.print();
    });
  });
})();
