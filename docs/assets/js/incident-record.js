// Incident record: turns the form on this page into plain text to copy or print.
// It sends nothing and stores nothing: no fetch, no storage, no cookies. What is typed
// lives only in this open page; "Clear" wipes it, and so does closing the tab.
(function () {
  "use strict";
  var root = document.querySelector("[data-pravo-incident]");
  if (!root) return;
  var form = root.querySelector("form");
  var result = root.querySelector("[data-result]");
  var output = root.querySelector("#incident-text");
  var status = root.querySelector("[data-status]");
  var printed = root.querySelector("[data-print]"); // the same text, laid out for paper
  root.hidden = false; // without JavaScript the form stays hidden and the checklist is the page

  function indent(text) {
    return text.replace(/\r\n?/g, "\n").trim().split("\n").join("\n  ");
  }

  function makeText() {
    var neutral = root.querySelector("[data-neutral]").checked;
    var lines = [neutral ? root.dataset.neutralTitle : root.dataset.title, ""];
    var filled = 0;
    root.querySelectorAll("[data-field]").forEach(function (field) {
      var value = field.value.trim();
      if (!value) return;
      filled += 1;
      lines.push(field.dataset.label + ": " + indent(value));
    });
    if (!filled) return "";
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    lines.push("", root.dataset.written + ": " + now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" +
      pad(now.getDate()) + " " + pad(now.getHours()) + ":" + pad(now.getMinutes()));
    return lines.join("\n");
  }

  function say(message) { status.textContent = message; }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (!button) return;
    var action = button.dataset.action;
    if (action === "make") {
      var text = makeText();
      output.value = text;
      printed.textContent = text;
      result.hidden = !text;
      say(text ? "" : root.dataset.empty);
      if (text) output.focus();
    } else if (action === "clear") {
      form.reset();
      output.value = "";
      printed.textContent = "";
      result.hidden = true;
      say("");
    } else if (action === "copy") {
      output.select();
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(output.value)
        : Promise.resolve(document.execCommand("copy"));
      copied.then(function () { say(root.dataset.copied); }, function () { say(""); });
    } else if (action === "print") {
      // Print only the record: the print stylesheet hides the rest of the page.
      document.documentElement.classList.add("pravo-printing-record");
      window.print();
      document.documentElement.classList.remove("pravo-printing-record");
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
