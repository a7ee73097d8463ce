// Quick exit: hide the page at once, replace this history entry, go somewhere neutral.
// Without JavaScript the button is still a plain link to the same place.
(function () {
  "use strict";
  // Inside someone else's frame the quick exit would only leave the frame, and the page around
  // it could be a look-alike: show nothing (hosts with _headers refuse framing outright).
  if (window.top !== window.self) {
    document.documentElement.hidden = true;
    return;
  }
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

  // Shift pressed and released on its own three times within two seconds, as GOV.UK's "Exit this
  // page" does it. A Shift held while another key is pressed (a capital letter: «МВД», "Hello")
  // is typing, not a signal: it starts the count again.
  var presses = [];
  var shiftAlone = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      shiftAlone = !event.repeat;
    } else {
      shiftAlone = false;
      presses = [];
    }
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
