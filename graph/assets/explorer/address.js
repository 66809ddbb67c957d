/* address.js: a view <-> the address's #fragment, PURE.
 *
 * The address holds the view: "#<node id>" for a selection alone, else parameters
 * (node, hide-sides, hide-kinds, hide-links, actor, members, place, from, to, undated, day, open, all, x, y, zoom).
 * A view: { selected, unchecked: { fieldset id: [values] }, values: { control id: value }, undated, members,
 * day (the date slider's day, an ISO "YYYY-MM-DD", or null for now), expanded (the ids of the propositions the
 * overview of a large graph has expanded), everything (its "Show everything"), position: {x, y}, scale }.
 * A selected proposition is expanded by selecting it, so "open" leaves it out: "#<id>" stays the usual address.
 */
CG.address = (function () {
  "use strict";

  const HIDE_KEYS = { "cg-filter-sides": "hide-sides", "cg-filter-kinds": "hide-kinds", "cg-filter-relations": "hide-links" };
  const VALUE_KEYS = { "cg-filter-actor": "actor", "cg-filter-place": "place", "cg-date-from": "from", "cg-date-to": "to" };
  const NO_SIDE = "none";  // the "no side" checkbox's value is "", which a list in the address cannot hold
  const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;  // what the slider's day must look like

  // `moved`: the view was panned or zoomed, so its position and zoom belong in the address.
  function formatFragment(view, moved) {
    const p = new URLSearchParams();
    if (view.selected) p.set("node", view.selected);
    Object.entries(HIDE_KEYS).forEach(([id, key]) => {
      if (view.unchecked[id].length) p.set(key, view.unchecked[id].map((v) => v || NO_SIDE).join(","));
    });
    Object.entries(VALUE_KEYS).forEach(([id, key]) => { if (view.values[id]) p.set(key, view.values[id]); });
    if (view.members) p.set("members", "1");
    if (!view.undated) p.set("undated", "0");
    if (view.day) p.set("day", view.day);
    const open = (view.expanded || []).filter((id) => id !== view.selected);
    if (open.length && !view.everything) p.set("open", open.join(","));
    if (view.everything) p.set("all", "1");
    if (moved) {
      p.set("x", Math.round(view.position.x));
      p.set("y", Math.round(view.position.y));
      p.set("zoom", view.scale.toFixed(3));
    }
    const keys = [...p.keys()];
    if (!keys.length) return "";
    return keys.length === 1 && view.selected ? "#" + encodeURIComponent(view.selected) : "#" + p.toString();
  }

  // The view a fragment describes, or null when it cannot be read.
  function parseFragment(hash) {
    const text = hash.replace(/^#/, "");
    const view = { selected: null, unchecked: {}, values: {}, undated: true, members: false, day: null, expanded: [],
                   everything: false };
    Object.keys(HIDE_KEYS).forEach((id) => { view.unchecked[id] = []; });
    Object.keys(VALUE_KEYS).forEach((id) => { view.values[id] = ""; });
    if (!text.includes("=")) {
      try { view.selected = decodeURIComponent(text) || null; } catch { return null; }
      return view;
    }
    const p = new URLSearchParams(text);
    view.selected = p.get("node");
    Object.entries(HIDE_KEYS).forEach(([id, key]) => {
      view.unchecked[id] = (p.get(key) || "").split(",").filter(Boolean).map((v) => (v === NO_SIDE ? "" : v));
    });
    Object.entries(VALUE_KEYS).forEach(([id, key]) => { view.values[id] = p.get(key) || ""; });
    view.members = p.get("members") === "1";
    view.undated = p.get("undated") !== "0";
    view.day = ISO_DAY.test(p.get("day") || "") ? p.get("day") : null;
    view.everything = p.get("all") === "1";
    view.expanded = view.everything ? [] : (p.get("open") || "").split(",").filter(Boolean);
    const [x, y, zoom] = ["x", "y", "zoom"].map((k) => Number(p.get(k)));
    if (p.has("zoom") && [x, y, zoom].every(Number.isFinite) && zoom > 0) {
      view.position = { x: x, y: y };
      view.scale = zoom;
    }
    return view;
  }

  return { formatFragment: formatFragment, parseFragment: parseFragment };
})();
