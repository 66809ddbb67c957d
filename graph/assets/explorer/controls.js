/* controls.js: the filter controls: built from the data, read as a filter state, and saved and set as a view. */
CG.controls = function (app) {
  "use strict";

  const { $, el, append } = CG.dom;
  const { data, model, state, api } = app;
  const CHECKBOX_FILTERS = ["cg-filter-sides", "cg-filter-kinds", "cg-filter-relations"];
  const VALUE_FILTERS = ["cg-filter-actor", "cg-filter-place", "cg-date-from", "cg-date-to", "cg-search"];

  const filterState = () => ({
    sides: checkedValues("cg-filter-sides"), kinds: checkedValues("cg-filter-kinds"),
    relations: checkedValues("cg-filter-relations"), actor: $("cg-filter-actor").value,
    place: $("cg-filter-place").value, from: $("cg-date-from").value, to: $("cg-date-to").value,
    undated: $("cg-undated").checked, members: $("cg-members").checked, day: state.day,
  });

  function checkedValues(fieldsetId) {
    const all = [...$(fieldsetId).querySelectorAll("input[type=checkbox]")];
    return { all: all.length, on: new Set(all.filter((c) => c.checked).map((c) => c.value)) };
  }

  function checkbox(fieldsetId, value, text, colour) {
    const input = el("input");
    input.type = "checkbox";
    input.value = value;
    input.checked = true;
    input.addEventListener("change", () => app.applyFilters());
    const label = append(el("label"), input);
    if (colour) { const swatch = el("span", "cg-swatch"); swatch.style.background = colour; append(label, swatch); }
    append($(fieldsetId), append(label, text));
  }

  function option(selectId, value, text) {
    const o = el("option", null, text);
    o.value = value;
    append($(selectId), o);
  }

  function buildFilters() {
    data.sides.forEach((s) => checkbox("cg-filter-sides", s.id, s.name, s.colour));
    checkbox("cg-filter-sides", "", "no side", data.noSideColour);
    const kinds = Object.keys(data.filters.selects.kind).sort();
    kinds.forEach((k) => checkbox("cg-filter-kinds", k, k, data.kinds[k]));
    const present = new Set(model.edgeList.map((e) => e.relation));
    data.relations.filter((r) => present.has(r.id)).forEach((r) => checkbox("cg-filter-relations", r.id, r.text));
    const sorted = (type) => data.nodes.filter((n) => n.type === type).sort((a, b) => a.name.localeCompare(b.name));
    sorted("actor").forEach((n) => option("cg-filter-actor", n.id, n.name));
    sorted("place").forEach((n) => option("cg-filter-place", n.id, n.name));
    ["cg-filter-actor", "cg-members", "cg-filter-place", "cg-date-from", "cg-date-to", "cg-undated"].forEach((id) =>
      $(id).addEventListener("change", () => app.applyFilters()));
  }

  function resetControls() {
    $("cg-filters").querySelectorAll("input[type=checkbox]").forEach((c) => { c.checked = true; });
    $("cg-members").checked = false;
    ["cg-filter-actor", "cg-filter-place", "cg-date-from", "cg-date-to"].forEach((id) => { $(id).value = ""; });
    app.showDay(null);
  }

  // --- the view, kept across reloads by `claimgraph serve` (assets/serve.js) and in the address -------------

  function viewState() {
    const unchecked = {};
    CHECKBOX_FILTERS.forEach((id) => {
      unchecked[id] = [...$(id).querySelectorAll("input[type=checkbox]")].filter((c) => !c.checked).map((c) => c.value);
    });
    const values = {};
    VALUE_FILTERS.forEach((id) => { values[id] = $(id).value; });
    return { selected: state.current, unchecked: unchecked, values: values, undated: $("cg-undated").checked,
             members: $("cg-members").checked, day: state.day, position: api.network.getViewPosition(), scale: api.network.getScale(),
             ...app.overviewView() };
  }

  // Sets the controls a view names; only known controls, so a crafted address cannot reach others.
  function setControls(view) {
    Object.entries(view.unchecked || {}).forEach(([id, values]) => {
      const off = new Set(values);
      if (CHECKBOX_FILTERS.includes(id)) $(id).querySelectorAll("input[type=checkbox]").forEach((c) => { c.checked = !off.has(c.value); });
    });
    Object.entries(view.values || {}).forEach(([id, value]) => { if (VALUE_FILTERS.includes(id)) $(id).value = String(value); });
    $("cg-undated").checked = view.undated !== false;
    $("cg-members").checked = view.members === true;
    app.showDay(typeof view.day === "string" ? view.day : null);
  }

  return { filterState: filterState, buildFilters: buildFilters, resetControls: resetControls, viewState: viewState,
           setControls: setControls };
};
