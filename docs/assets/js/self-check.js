// Self-check "Is this trafficking?": asks about age, act, means and purpose one at a time,
// then shows the section of this page that explains the result. It sends nothing and
// stores nothing: the answers live only in this open page. Without JavaScript the questions
// stay hidden and the page itself is the explanation.
(function () {
  "use strict";
  var root = document.querySelector("[data-pravo-selfcheck]");
  if (!root) return;
  var questions = Array.prototype.slice.call(root.querySelectorAll("[data-question]"));
  var result = root.querySelector("[data-result]");
  var resultBody = root.querySelector("[data-result-body]");
  var answers = {};

  // The Palermo Protocol's test (art. 3): for an adult, act AND means AND purpose;
  // for a child (under 18), act AND purpose — the means do not matter.
  function outcome(a) {
    var yes = function (k) { return a[k] === "yes"; };
    var no = function (k) { return a[k] === "no"; };
    if (yes("age")) {
      if (yes("act") && yes("purpose")) return "child-trafficking";
      if (no("act") || no("purpose")) return "child-other";
      return "unclear";
    }
    if (yes("act") && yes("means") && yes("purpose")) return "trafficking";
    if (!no("age") && yes("act") && yes("purpose")) return "unclear"; // a child's case needs no means
    if (no("act") || no("means") || no("purpose")) {
      return yes("means") || yes("purpose") ? "other-harm" : "not-trafficking";
    }
    return "unclear";
  }

  // The explanation of a result is its heading on this page and everything up to the next heading.
  function explanation(name) {
    var heading = document.getElementById("outcome-" + name);
    var parts = [];
    if (!heading) return parts;
    var title = document.createElement("p");
    title.className = "pravo-selfcheck__outcome";
    title.textContent = heading.textContent.replace(/¶$/, "").trim();
    parts.push(title);
    for (var node = heading.nextElementSibling; node && !/^H[1-4]$/.test(node.tagName); node = node.nextElementSibling) {
      var copy = node.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      parts.push(copy);
    }
    return parts;
  }

  function show(index) {
    questions.forEach(function (q, i) { q.hidden = i > index; });
  }

  function finish() {
    var name = outcome(answers);
    resultBody.textContent = "";
    explanation(name).forEach(function (part) { resultBody.appendChild(part); });
    result.dataset.outcome = name;
    result.hidden = false;
    root.querySelector("#selfcheck-result").focus();
  }

  function answer(question, value) {
    var name = question.dataset.question;
    answers[name] = value;
    question.querySelectorAll("[data-answer]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.answer === value));
    });
    var index = questions.indexOf(question);
    if (index < questions.length - 1 && Object.keys(answers).length <= index + 1) {
      show(index + 1);
      questions[index + 1].querySelector("legend").focus();
    } else if (Object.keys(answers).length === questions.length) {
      finish();
    }
  }

  function restart() {
    answers = {};
    questions.forEach(function (q) {
      q.querySelectorAll("[data-answer]").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    });
    result.hidden = true;
    resultBody.textContent = "";
    delete result.dataset.outcome;
    show(0);
    questions[0].querySelector("legend").focus();
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.answer) answer(button.closest("[data-question]"), button.dataset.answer);
    else if (button.dataset.action === "restart") restart();
  });

  root.hidden = false;
  show(0);
})();
