// Text to pass on (<!-- pravo:share -->): Copy puts the box's text on the clipboard; Share opens
// the system share sheet, shown only where the browser has one. Nothing is sent or stored:
// the text is already on the page, and the buttons only hand it to the phone.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-pravo-share]");
  Array.prototype.forEach.call(boxes, function (box) {
    var field = box.querySelector(".pravo-share__text");
    var status = box.querySelector("[data-status]");
    var copy = box.querySelector("[data-action=copy]");
    var share = box.querySelector("[data-action=share]");
    if (!field || !status || !copy || !share) return;
    var say = function (text) { status.textContent = text; };

    // Without the clipboard API (an old browser, or a page opened from a file), select the text and
    // let the browser copy the selection.
    var fallback = function () {
      field.focus();
      field.select();
      field.setSelectionRange(0, field.value.length);
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      return done ? Promise.resolve() : Promise.reject(new Error("copy"));
    };
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(field.value).catch(fallback)
        : fallback();
      copied.then(function () { say(box.dataset.copied); }, function () {
        field.select();
        say(box.dataset.failed);
      });
    });

    if (typeof navigator.share === "function") {
      share.hidden = false;
      share.addEventListener("click", function () {
        say("");
        // Only the text: no title, no address — the reader's phone may be checked.
        navigator.share({ text: field.value }).catch(function () { /* closed by the reader */ });
      });
    }
  });
})();
