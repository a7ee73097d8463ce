// Navigation menu by keyboard. Material opens its drawer and sections with <label>s for hidden
// checkboxes, which its bundle.js (not loaded here) makes keyboard-operable. On narrow screens
// (phones, or a laptop at 200 % zoom) this does the same: the menu and section labels become
// buttons (Enter or Space), Escape closes the menu, and links in closed, off-screen panels
// are taken out of the Tab order (inert) so focus never disappears. Without JavaScript the
// labels still open the menu by tap or click.
(function () {
  "use strict";
  var button = document.querySelector("[data-pravo-menu]");
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!button || !drawer || !sidebar) return;
  var narrow = window.matchMedia("(max-width: 76.1875em)"); // Material's drawer breakpoint
  var sections = Array.prototype.slice.call(sidebar.querySelectorAll("label.md-nav__link[for^='__nav']"));
  var backs = Array.prototype.slice.call(sidebar.querySelectorAll("label.md-nav__title[for^='__nav']"));

  function toggleOf(label) { return document.getElementById(label.htmlFor); }
  function panelOf(toggle) { return toggle.parentElement.querySelector(":scope > nav.md-nav"); }
  function firstIn(element) { return element.querySelector("a[href], [role='button'][tabindex='0']"); }
  function titleOf(label) {
    var link = label.parentElement.querySelector("a.md-nav__link");
    return (link ? link.textContent : label.textContent).trim();
  }

  function asButton(label, name, on) {
    if (on) {
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      label.setAttribute("aria-label", name);
      label.setAttribute("aria-expanded", String(toggleOf(label).checked));
    } else {
      ["role", "aria-label", "aria-expanded"].forEach(function (a) { label.removeAttribute(a); });
      label.removeAttribute("tabindex"); // tabindex="" is not valid HTML
    }
  }

  // Closed panels are off-screen on narrow screens: nothing in them may take focus.
  function update() {
    var small = narrow.matches;
    sidebar.inert = small && !drawer.checked;
    button.setAttribute("aria-expanded", String(drawer.checked));
    sections.forEach(function (label) {
      asButton(label, button.dataset.textSection.replace("{title}", titleOf(label)), small);
      var panel = panelOf(toggleOf(label));
      if (panel) panel.inert = small && !toggleOf(label).checked;
    });
    backs.forEach(function (label) { asButton(label, button.dataset.textBack, small); });
  }

  function flip(label) {
    var toggle = toggleOf(label);
    toggle.checked = !toggle.checked;
    update();
    if (toggle === drawer) {
      var target = drawer.checked ? firstIn(sidebar) : button;
      if (target) target.focus();
      return;
    }
    var panel = panelOf(toggle);
    if (toggle.checked && panel) {
      var inside = firstIn(panel);
      if (inside) inside.focus();
    } else {
      var opener = sidebar.querySelector("label.md-nav__link[for='" + toggle.id + "']");
      if (opener) opener.focus();
    }
  }

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  // Its name is the hidden text inside (overrides/partials/header.html): HTML forbids aria-label
  // on a label tied to a checkbox.

  document.addEventListener("keydown", function (event) {
    var label = event.target.closest && event.target.closest("label[role='button']");
    if (label && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      flip(label);
    } else if (event.key === "Escape" && drawer.checked && narrow.matches) {
      flip(button);
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("md-toggle")) update();
  });
  if (narrow.addEventListener) narrow.addEventListener("change", update);
  update();
})();
