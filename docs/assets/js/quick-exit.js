// Quick exit: hide the page at once, replace this history entry, go somewhere neutral.
// Without JavaScript the button is still a plain link to the same place.
(function () {
  "use strict";
  var button = document.querySelector("[data-pravo-exit]");
  if (!button) return;
  var target = button.href;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.hidden = true;
    document.title = "";
    window.location.replace(target);
  }

  button.addEventListener("click", leave);

  // Shift pressed three times within two seconds, as on GOV.UK's "Exit this page".
  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
