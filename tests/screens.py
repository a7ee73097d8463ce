"""What the layout tests measure in a real browser: where the quick exit is, what lies under it,
what is in the first screen, how large a tap target is. Plain functions over a Playwright page."""
from __future__ import annotations

# Browser zoom makes the CSS viewport smaller and each CSS pixel larger: 200 % on a 360×740 phone
# lays the page out in 180×370 CSS px, 200 % on a 1280×800 laptop in 640×400.
CONTEXTS = {
    "phone": dict(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True),
    "phone-zoom-200": dict(viewport={"width": 180, "height": 370}, device_scale_factor=4, is_mobile=True,
                           has_touch=True),
    "laptop-zoom-200": dict(viewport={"width": 640, "height": 400}, device_scale_factor=2),
    "tablet": dict(viewport={"width": 1024, "height": 768}, device_scale_factor=2, has_touch=True),
    "laptop": dict(viewport={"width": 1280, "height": 800}),
}

# Where the exit is and whether the reader can see and tap it: inside the visual viewport (what a
# phone shows, which is not the layout viewport once a page is too wide), with nothing on top of it.
EXIT_STATE = """() => {
  const link = document.querySelector('[data-pravo-exit]');
  const r = link.getBoundingClientRect();
  const vv = window.visualViewport;
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {box: [r.left, r.top, r.right, r.bottom], view: [vv.offsetLeft, vv.offsetTop, vv.width, vv.height],
          page: document.documentElement.scrollWidth, onTop: !!hit && link.contains(hit)};
}"""


def exit_problem(page, what: str) -> str | None:
    """None if the quick exit is wholly on screen, uncovered, and the page is no wider than the screen."""
    state = page.evaluate(EXIT_STATE)
    left, top, right, bottom = state["box"]
    x, y, width, height = state["view"]
    if state["page"] > width + 1:
        return f"{what}: the page is {state['page']} px wide on a {width:.0f} px screen"
    if left < x - 0.5 or top < y - 0.5 or right > x + width + 0.5 or bottom > y + height + 0.5:
        return f"{what}: the quick exit is at {[round(v) for v in state['box']]}, off the {width:.0f}×{height:.0f} screen"
    if not state["onTop"]:
        return f"{what}: something lies over the quick exit"
    return None


# Text a reader reads or taps. Each inline element is measured line by line (getClientRects).
TEXT = ("p, li, td, th, dt, dd, summary, h1, h2, h3, h4, h5, h6, button, a, label, legend, figcaption, pre, "
        "input, textarea, .admonition-title, .md-copyright")

# A closed drawer, search or fold keeps its boxes where they would be, out of sight.
CLOSED = """const closed = e => (e.closest('.md-sidebar--primary') && !document.getElementById('__drawer').checked
                      && innerWidth < 1220) || (e.closest('.md-search') && !document.getElementById('__search').checked)
                      || !!e.closest('details:not([open]) > :not(summary)');"""

# The part of a box its scrolling ancestors (the table of contents, a table) leave in sight.
CLIP = """const clip = (e, r) => {
  let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const c = a.getBoundingClientRect();
    [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
  }
  return {left, top, right, bottom, width: right - left, height: bottom - top};
};"""

# Visible text boxes that intersect the quick exit's reserved area (the band on a narrow screen,
# the button itself on a wide one).
TEXT_UNDER_EXIT = """(selector) => {
  CLOSED
  const bar = document.querySelector('.pravo-exitbar').getBoundingClientRect();
  const hits = [];
  for (const e of document.querySelectorAll(selector)) {
    if (e.closest('.pravo-exitbar, [hidden]') || closed(e)) continue;
    if (!(e.textContent || e.value || '').trim()) continue;  // a backdrop or an empty cell holds no text
    const style = getComputedStyle(e);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    for (const line of e.getClientRects()) {
      const r = clip(e, line);
      if (r.width < 1 || r.height < 1) continue;
      if (r.right > 0 && r.left < innerWidth && r.bottom > bar.top + 1 && r.top < bar.bottom - 1
          && r.right > bar.left + 1 && r.left < bar.right - 1) {
        hits.push(e.tagName.toLowerCase() + ': ' + (e.textContent || e.value || '').trim().slice(0, 40));
        break;
      }
    }
  }
  return hits;
}""".replace("CLOSED", CLOSED + CLIP)

# On a narrow screen the band must hide what is under it entirely: full width and opaque, so no
# line is half covered and half readable beside the button.
BAND = """() => {
  const bar = document.querySelector('.pravo-exitbar');
  const r = bar.getBoundingClientRect();
  const colour = getComputedStyle(bar).backgroundColor;
  const alpha = colour.startsWith('rgba') ? parseFloat(colour.split(',')[3]) : 1;
  return {full: r.left <= 0.5 && r.right >= document.documentElement.clientWidth - 0.5, alpha,
          narrow: document.documentElement.clientWidth < 960};
}"""


def scroll_to(page, fraction: float) -> None:
    page.evaluate("(f) => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f)", fraction)
    page.wait_for_timeout(50)


def text_under_exit(page, scope: str = "") -> list[str]:
    """Text under the quick exit; `scope` limits it to a part (the open menu, the search results)."""
    return page.evaluate(TEXT_UNDER_EXIT, f"{scope} :is({TEXT})" if scope else TEXT)


# The reading area of the first screen: below the header, above the quick exit's band.
FIRST_SCREEN = """(selector) => {
  const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const bar = document.querySelector('.pravo-exitbar').getBoundingClientRect();
  const bottom = bar.left <= 0.5 ? bar.top : innerHeight;
  // "first:" picks the first match only (step 1 of a page is the first list's first item).
  const matches = selector.startsWith('first:') ? [document.querySelector(selector.slice(6))].filter(Boolean)
                                                 : [...document.querySelectorAll(selector)];
  return matches.map(e => {
    const r = e.getBoundingClientRect();
    return {text: e.textContent.trim().slice(0, 40), top: r.top, bottom: r.bottom, inside: r.height > 0 && r.top >= top - 0.5 && r.bottom <= bottom + 0.5};
  });
}"""


def first_screen(page, selector: str) -> list[dict]:
    page.evaluate("() => window.scrollTo(0, 0)")
    return page.evaluate(FIRST_SCREEN, selector)


# Tap targets (WCAG 2.2, 2.5.8): every visible control or link, except a link inside a sentence
# (2.5.8's "inline" exception: its size is set by the line of text around it). A link is inside
# a sentence when its paragraph, item or cell holds more text than the link itself.
SMALL_TARGETS = """(minimum) => {
  CLOSED
  const inSentence = e => {
    if (e.tagName !== 'A') return false;
    const block = e.parentElement.closest('p, li, td, th, dd, dt, figcaption, blockquote, sup, .md-copyright');
    if (!block) return false;
    return block.textContent.replace(/\\s+/g, ' ').trim().length - e.textContent.trim().length > 3;
  };
  const small = [];
  for (const e of document.querySelectorAll('a[href], button, summary, label[for], input:not([type=hidden]), select, textarea')) {
    if (e.closest('[hidden]') || closed(e) || inSentence(e)) continue;
    const style = getComputedStyle(e);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const r = e.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.left >= innerWidth) continue;
    if (r.width < minimum - 0.5 || r.height < minimum - 0.5) {
      small.push(`${e.tagName.toLowerCase()}.${typeof e.className === 'string' ? e.className.split(' ')[0] : ''} «${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}» ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return small;
}""".replace("CLOSED", CLOSED)


def sizes(page, selector: str) -> list[tuple[str, float, float]]:
    return [(e["text"], e["w"], e["h"]) for e in page.evaluate(
        """(s) => [...document.querySelectorAll(s)].filter(e => e.getBoundingClientRect().width > 0).map(e => {
             const r = e.getBoundingClientRect(); return {text: e.textContent.trim().slice(0, 30), w: r.width, h: r.height};
           })""", selector)]
