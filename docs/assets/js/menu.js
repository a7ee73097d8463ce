// Navigation menu by keyboard. Material opens its drawer and sections with <label>s for hidden
// checkboxes, which its bundle.js (not loaded here) makes keyboard-operable. A label cannot be a
// button (HTML and ARIA forbid role=button on it), so this script puts real <button>s in their
// place, with the same classes and content, that flip the same checkboxes: the menu button always,
// the section and "back" toggles on narrow screens (phones, or a laptop at 200 % zoom), where
// Material shows the menu as a drawer. Escape closes the menu, and links in closed, off-screen
// panels are taken out of the Tab order (inert) so focus never disappears. On a wide screen the
// sections are plain headings again. Without JavaScript the labels open the menu by tap or click.
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var menu = document.querySelector("[data-pravo-menu]");
  if (!menu || !drawer || !sidebar) return;
  var narrow = window.matchMedia("(max-width: 76.1875em)"); // Material's drawer breakpoint
  var textSection = menu.dataset.textSection, textBack = menu.dataset.textBack;

  // Swap a toggle between <label for=…> and <button data-toggle=…>, keeping its attributes
  // (class, id: Material's panels are aria-labelledby it) and its children.
  function swap(element, tag) {
    if (element.tagName.toLowerCase() === tag) return element;
    var other = document.createElement(tag);
    var target = element.tagName === "LABEL" ? element.htmlFor : element.getAttribute("data-toggle");
    Array.prototype.forEach.call(element.attributes, function (a) {
      if (["for", "data-toggle", "type", "aria-label", "aria-expanded"].indexOf(a.name) < 0) other.setAttribute(a.name, a.value);
    });
    if (tag === "button") {
      other.type = "button";
      other.setAttribute("data-toggle", target);
    } else {
      other.htmlFor = target;
    }
    while (element.firstChild) other.appendChild(element.firstChild);
    element.replaceWith(other);
    return other;
  }

  function toggleOf(control) { return document.getElementById(control.getAttribute("data-toggle") || control.htmlFor); }
  function panelOf(toggle) { return toggle.parentElement.querySelector(":scope > nav.md-nav"); }
  function firstIn(element) { return element.querySelector("a[href], button[data-toggle]"); }
  function titleOf(control) {
    var link = control.parentElement.querySelector("a.md-nav__link");
    return (link ? link.textContent : control.textContent).trim();
  }
  function sections() { return Array.prototype.slice.call(sidebar.querySelectorAll(".md-nav__link[for^='__nav'], .md-nav__link[data-toggle^='__nav']")); }
  function backs() { return Array.prototype.slice.call(sidebar.querySelectorAll(".md-nav__title[for^='__nav'], .md-nav__title[data-toggle^='__nav']")); }

  menu = swap(menu, "button");

  // Closed panels are off-screen on narrow screens: nothing in them may take focus.
  function update() {
    var small = narrow.matches;
    sidebar.inert = small && !drawer.checked;
    menu.setAttribute("aria-expanded", String(drawer.checked));
    sections().forEach(function (control) {
      var name = textSection.replace("{title}", titleOf(control));
      control = swap(control, small ? "button" : "label");
      if (small) {
        control.setAttribute("aria-label", name);
        control.setAttribute("aria-expanded", String(toggleOf(control).checked));
      }
      var panel = panelOf(toggleOf(control));
      if (panel) panel.inert = small && !toggleOf(control).checked;
    });
    backs().forEach(function (control) {
      control = swap(control, small ? "button" : "label");
      if (small) control.setAttribute("aria-label", textBack);
    });
  }

  function flip(control) {
    var toggle = toggleOf(control);
    toggle.checked = !toggle.checked;
    update();
    if (toggle === drawer) {
      var target = drawer.checked ? firstIn(sidebar) : menu;
      if (target) target.focus();
      return;
    }
    var panel = panelOf(toggle);
    if (toggle.checked && panel) {
      var inside = firstIn(panel);
      if (inside) inside.focus();
    } else {
      var opener = sidebar.querySelector(".md-nav__link[data-toggle='" + toggle.id + "']");
      if (opener) opener.focus();
    }
  }

  // A button flips its checkbox on click, Enter and Space alike.
  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest("button[data-toggle]");
    if (control && toggleOf(control)) flip(control);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked && narrow.matches) flip(menu);
  });
  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("md-toggle")) update();
  });
  if (narrow.addEventListener) narrow.addEventListener("change", update);
  update();
})();
