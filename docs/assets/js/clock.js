// Detention clock (<!-- pravo:clock -->, pravo/markers/clock.py): shows when each time limit on the
// page runs out, as a clock time and a date. The limits are in the page already (from data/laws/);
// this script only adds them to the time the reader enters. It sends nothing and stores nothing.
//
// Times are wall-clock times: "taken at 22:30" plus 3 hours is "01:30" whatever time zone the phone
// is set to, so the arithmetic is done on UTC fields that stand for the local wall clock (no
// daylight-saving jump can shift a result).
(function () {
  "use strict";
  var root = document.querySelector("[data-pravo-clock]");
  if (!root) return;
  var form = root.querySelector("[data-clock-form]");
  var choice = root.querySelector("[data-clock-country-choice]");
  var taken = root.querySelector("[data-clock-taken]");
  var decision = root.querySelector("[data-clock-decision]");
  var blocks = Array.prototype.slice.call(root.querySelectorAll("[data-clock-country]"));
  var months = root.dataset.months.split(",");
  var weekdays = root.dataset.weekdays.split(",");  // Monday first

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // "2026-03-31T22:30" -> a Date whose UTC fields are that wall-clock time; null if not a time.
  function parseTime(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || "");
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])) : null;
  }

  function parseDay(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  }

  // A month later than 31 January is the last day of February, not 3 March.
  function addMonths(d, n) {
    var r = new Date(d.getTime());
    var day = r.getUTCDate();
    r.setUTCDate(1);
    r.setUTCMonth(r.getUTCMonth() + n);
    var last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
    r.setUTCDate(Math.min(day, last));
    return r;
  }

  function add(d, value, unit) {
    if (unit === "hours") return new Date(d.getTime() + value * 3600000);
    if (unit === "days") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + value,
                                                  d.getUTCHours(), d.getUTCMinutes()));
    if (unit === "months") return addMonths(d, value);
    return null;
  }

  function weekday(d) { return weekdays[(d.getUTCDay() + 6) % 7]; }

  function dayText(d) {
    return weekday(d) + " " + d.getUTCDate() + " " + months[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  function isoDay(d) { return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); }

  function write(slot, words, stamp, text, after) {
    slot.textContent = " — " + words + " ";
    var time = document.createElement("time");
    time.setAttribute("datetime", stamp);
    time.textContent = text;
    slot.appendChild(time);
    if (after) slot.appendChild(document.createTextNode(" (" + after + ")"));
    slot.hidden = false;
  }

  function fill(slot, start, end) {
    var value = Number(slot.dataset.value), unit = slot.dataset.unit;
    if (!start) { slot.hidden = true; return; }
    var result = add(start, value, unit);
    if (!result) { slot.hidden = true; return; }
    if (slot.dataset.from === "taken") {
      var clock = pad(result.getUTCHours()) + ":" + pad(result.getUTCMinutes());
      write(slot, root.dataset.until, isoDay(result) + "T" + clock, clock + ", " + dayText(result));
      return;
    }
    // A deadline in days: the day of the decision plus the limit. Only where the law says so
    // (data-working-days) does a Saturday or Sunday move to the Monday after it.
    var moved = "";
    if (slot.hasAttribute("data-working-days")) {
      var wd = result.getUTCDay();
      if (wd === 6 || wd === 0) {
        result = new Date(result.getTime() + (wd === 6 ? 2 : 1) * 86400000);
        moved = root.dataset.moved;
      }
    }
    write(slot, root.dataset.lastDay, isoDay(result), dayText(result), moved);
  }

  function update() {
    var country = choice.value;
    blocks.forEach(function (block) { block.hidden = country !== "" && block.dataset.clockCountry !== country; });
    var start = parseTime(taken.value), day = parseDay(decision.value);
    root.querySelectorAll("[data-clock-at]").forEach(function (slot) {
      fill(slot, slot.dataset.from === "taken" ? start : day, null);
    });
  }

  // Default: now, as the phone's own clock shows it.
  var now = new Date();
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  taken.value = today + "T" + pad(now.getHours()) + ":" + pad(now.getMinutes());
  decision.value = today;
  if (root.dataset.country) choice.value = root.dataset.country;

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.hidden = false;
  update();
})();
