/* dates.js: the page's date rules, PURE (partial dates as ISO day ranges `date_from`..`date_to`). */
CG.dates = (function () {
  "use strict";

  // A partial date counts when any day of it falls in the range (as queries/when.py overlaps).
  function datePasses(info, f) {
    if (!f.from && !f.to) return Boolean(info.date_from) || f.undated;
    if (!info.date_from) return f.undated;
    return !(f.from && info.date_to < f.from) && !(f.to && info.date_from > f.to);
  }

  // Earliest first; undated last.
  function compareDates(a, b) {
    return String((a || {}).date_from || "9999").localeCompare(String((b || {}).date_from || "9999"));
  }

  return { datePasses: datePasses, compareDates: compareDates };
})();
