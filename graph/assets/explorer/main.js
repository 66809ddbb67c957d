/* main.js: the claimgraph explorer's entry point: wires the modules, handles selection, filters, search, the
 * address and keys. It draws the graph with vis-network and builds every panel from the page's JSON data.
 *
 * Every string that comes from the claim records reaches the document through textContent or a
 * form control's value, never as markup; nodes and edges get no `title`, so vis-network never shows
 * a tooltip built from data. Links leave the page only for http(s) addresses.
 *
 * window.claimgraph exposes the state for tests, benchmarks and people poking around in the console:
 * { ready, readyAt (ms after navigation), data, network, nodes, edges, select(id), search(text), applyFilters(),
 *   reset(), visibleCounts(), viewState(), restoreView(view), setDay(day), day(), sliderDays(), statusesOn() }
 * (the last four from time.js, the date slider).
 */
(function () {
  "use strict";

  const { $, el, append } = CG.dom;
  const data = JSON.parse(document.getElementById("claimgraph-data").textContent);
  let model = null;  // the indexes (model.js), built in the next task: see "opening" at the end
  const api = { ready: false, data: data, network: null, nodes: null, edges: null };
  window.claimgraph = api;

  const state = { current: null, dimmedNodes: new Set(), dimmedEdges: new Set(), hidden: new Set(),
                  hiddenEdges: new Set(), linksOff: new Set(), baseNodes: new Map(), baseEdges: new Map(), context: new Set(),
                  edgeDashes: new Map(), dashesShown: true };
  // What every module shares: each adds its functions here, and calls the others' through it when they run.
  const app = { data: data, model: null, state: state, api: api, filters: null, searchIndex: null, inTurn: inTurn };
  const own = { select: select, clearSelection: clearSelection, applyFilters: applyFilters, resetFilters: resetFilters,
                writeAddress: writeAddress, onFirstDraw: onFirstDraw, toggleDrawer: toggleDrawer,
                loadExplanations: loadExplanations };

  function onFirstDraw() {
    $("cg-loading").hidden = true;
    const pending = data.embedded ? null : window.claimgraphPendingView;
    if (pending) restoreView(pending);
    else if (!fromHash()) updateCounts();
    api.ready = true;
    api.readyAt = performance.now();
    // the explanations when the page is next idle, so that the first details panel opens without parsing them
    if (window.requestIdleCallback) requestIdleCallback(loadExplanations, { timeout: 2000 }); else setTimeout(loadExplanations, 200);
  }

  // The why and origins only a details panel shows are shipped apart (graph/render.py): parsed once, after the first
  // draw or when first needed, so that no task parses all the page data at once.
  let explained = false;
  function loadExplanations() {
    if (explained) return;
    explained = true;
    CG.analysis.explain(data.analysis, JSON.parse($("claimgraph-explanations").textContent));
  }

  // --- selection ---------------------------------------------------------------------------------

  function select(id, options) {
    const opts = options || {};
    if (!model.byId.has(id) || !api.network) return false;
    if (state.hidden.has(id)) { app.offerHidden(id); return false; }
    app.bringIntoView(id);
    state.current = id;
    api.network.selectNodes([id], false);
    app.highlight(app.neighbourhood(id));
    app.showDetails(model.byId.get(id));
    app.markListed(id);
    if (opts.focus) app.focusOn([id]);
    writeAddress(true);
    return true;
  }

  function clearSelection() {
    state.current = null;
    api.network.unselectAll();
    app.highlight(null);
    app.hideDetails();
    app.markListed(null);
    writeAddress(true);
  }

  // --- the address bar: selections and filters add a history entry; panning and zooming replace the current one --

  const viewFragment = () => CG.address.formatFragment(app.viewState(), state.moved);

  function writeAddress(push) {
    if (data.embedded || state.restoring || !api.ready) return;
    const wanted = viewFragment();
    if (location.hash === wanted || (!wanted && !location.hash)) return;
    try {
      const url = wanted || location.pathname + location.search;
      if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    } catch {
      /* a page shown from srcdoc or a sandbox may not change its address: the view still works */
    }
  }

  function fromHash() {
    if (data.embedded || !api.network) return false;  // before the canvas is made, onFirstDraw reads the address
    const view = CG.address.parseFragment(location.hash);
    if (!view || location.hash === viewFragment()) return false;
    restoreView(view);
    return true;
  }

  window.addEventListener("popstate", fromHash);
  window.addEventListener("hashchange", fromHash);

  // Filters first (they decide what is shown), then the selection without moving the view, then the view.
  function restoreView(view) {
    state.restoring = true;
    try { applyView(view); } finally { state.restoring = false; }
  }

  // A large graph's overview (overview.js) is set before the selection, which may expand one more proposition.
  function applyView(view) {
    app.setControls(view);
    applyFilters();
    const moved = Boolean(view.position && Number.isFinite(view.scale));
    state.moved = moved;
    const selecting = view.selected && model.byId.has(view.selected) ? view.selected : null;
    if (state.current && state.current !== selecting) clearSelection();
    app.setOverview({ expanded: (view.expanded || []).concat(selecting ? [selecting] : []), everything: view.everything === true });
    if (selecting) select(selecting, { focus: !moved });
    if (moved) {
      api.network.moveTo({ position: { x: Number(view.position.x), y: Number(view.position.y) }, scale: view.scale, animation: false });
    }
  }

  // --- search ----------------------------------------------------------------------------------

  const search = (text) => (app.searchIndex ? CG.search.search(app.searchIndex, text, model.typeOrder) : []);

  function showSuggestions(matches) {
    const ul = $("cg-results");
    ul.replaceChildren();
    matches.slice(0, 12).forEach((n) => {
      const button = el("button", null, n.name);
      button.type = "button";
      append(button, el("span", "cg-type", (n.type === "claim" ? n.info.kind : n.type) + (state.hidden.has(n.id) ? " · hidden by the filters" : "")));
      button.addEventListener("click", () => { ul.hidden = true; select(n.id, { focus: true }); });
      append(ul, append(el("li"), button));
    });
    if (!matches.length) append(ul, el("li", "cg-none", "No match"));
    ul.hidden = !$("cg-search").value.trim();
  }

  function findAll(text) {
    const matches = search(text).filter((n) => !state.hidden.has(n.id));
    $("cg-results").hidden = true;
    if (matches.length === 1) return select(matches[0].id, { focus: true });
    if (!matches.length) { showSuggestions([]); return false; }
    const ids = app.reveal(matches.map((n) => n.id));
    state.current = null;
    api.network.selectNodes(ids, false);
    app.highlight({ ids: new Set(ids), edges: new Set() });
    app.focusOn(ids);
    app.showMatches(text, matches);
    return true;
  }

  $("cg-search-form").addEventListener("submit", (event) => { event.preventDefault(); findAll($("cg-search").value); });
  $("cg-search").addEventListener("input", () => showSuggestions(search($("cg-search").value)));
  $("cg-search").addEventListener("keydown", (event) => { if (event.key === "Escape") $("cg-results").hidden = true; });
  document.addEventListener("click", (event) => {
    if (!$("cg-search-form").contains(event.target)) $("cg-results").hidden = true;
  });

  // --- filters: the rule is in filters.js; this shows and hides what it decides -----------------------------

  // `options.push: false` replaces the address's history entry instead of adding one (a slider being dragged).
  // Only what changed is touched: the nodes and links whose visibility flipped, and the canvas in one update.
  // (By data.edges, not model.edgeList: the model is built in a later task, see "opening" below.)
  const shownBefore = { nodes: new Uint8Array(data.nodes.length).fill(1), edges: new Uint8Array(data.edges.length).fill(1),
                        relations: null };
  function applyFilters(options) {
    const f = app.filterState();
    const seen = app.filters.visibility(f);
    const hiddenNow = [];
    seen.shown.forEach((shown, i) => {
      if (shown === shownBefore.nodes[i]) return;
      const id = data.nodes[i].id;
      if (shown) state.hidden.delete(id); else state.hidden.add(id);
      hiddenNow.push({ id: id, hidden: !shown });
    });
    shownBefore.nodes = seen.shown;
    seen.edges.forEach((shown, k) => {
      if (shown === shownBefore.edges[k]) return;
      if (shown) state.hiddenEdges.delete(k); else state.hiddenEdges.add(k);
    });
    shownBefore.edges = seen.edges;
    const context = new Set();
    seen.context.forEach((c, i) => { if (c) context.add(data.nodes[i].id); });
    app.drawOnce(() => {
      const nodeUpdates = mergeUpdates(app.contextUpdates(context), hiddenNow);
      const edgeUpdates = linkUpdates(f);
      app.updateNodes(nodeUpdates);
      app.updateEdges(edgeUpdates);
      return app.dayApplied(f.day) || nodeUpdates.length || edgeUpdates.length;
    });
    if (state.current && state.hidden.has(state.current)) clearSelection();
    updateCounts();
    writeAddress(!options || options.push !== false);
  }

  // vis-network leaves out a link with a hidden end by itself, so the canvas hears only of links whose relation
  // was turned off or on: updating a link costs vis-network far more than a node, and a date step hides none.
  function linkUpdates(f) {
    const on = [...f.relations.on].sort().join("\n");
    if (on === shownBefore.relations) return [];
    shownBefore.relations = on;
    const updates = [];
    model.edgeList.forEach((e) => {
      const off = !f.relations.on.has(e.relation);
      if (off !== state.linksOff.has(e.id)) updates.push({ id: e.id, hidden: off });
      if (off) state.linksOff.add(e.id); else state.linksOff.delete(e.id);
    });
    return updates;
  }

  // One update per node: each DataSet update costs vis-network a pass over every node drawn.
  function mergeUpdates(...lists) {
    const byId = new Map();
    lists.forEach((list) => list.forEach((u) => byId.set(u.id, Object.assign(byId.get(u.id) || {}, u))));
    return [...byId.values()];
  }

  function resetFilters() {
    app.resetControls();
    applyFilters();
  }

  function updateCounts() {
    app.renderList();
    const counts = visibleCounts();
    const nodes = data.nodes.length, edges = model.edgeList.length;
    $("cg-counts").textContent = counts.nodes === nodes && counts.edges === edges
      ? nodes + " nodes, " + edges + " edges" : counts.nodes + " of " + nodes + " nodes, " + counts.edges + " of " + edges + " edges shown";
  }

  function visibleCounts() {
    return { nodes: data.nodes.length - state.hidden.size, edges: model.edgeList.length - state.hiddenEdges.size };
  }

  function reset() {
    state.moved = false;
    $("cg-search").value = "";
    $("cg-results").hidden = true;
    resetFilters();
    clearSelection();
    app.fitAll(true);
  }

  // --- keyboard: Escape closes what is open, arrows walk the suggestions ---------------------------

  function suggestionButtons() {
    return [...$("cg-results").querySelectorAll("button")];
  }

  $("cg-search").addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" || $("cg-results").hidden) return;
    const first = suggestionButtons()[0];
    if (first) { event.preventDefault(); first.focus(); }
  });

  $("cg-results").addEventListener("keydown", (event) => {
    const buttons = suggestionButtons();
    const at = buttons.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < buttons.length - 1) { event.preventDefault(); buttons[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? buttons[at - 1] : $("cg-search")).focus(); }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (!$("cg-results").hidden) {
      $("cg-results").hidden = true;
      $("cg-search").focus();
    } else if (document.body.classList.contains("cg-drawer-open")) {
      toggleDrawer(false);
    } else if (!$("cg-details").hidden) {
      const from = state.current;
      const inPanel = $("cg-details").contains(document.activeElement);
      clearSelection();
      const back = from && $("cg-list-items").querySelector('button[data-node="' + CSS.escape(from) + '"]');
      if (inPanel && back) back.focus();
    }
  });

  // On a narrow screen the filters are a drawer over the graph.
  function toggleDrawer(open) {
    document.body.classList.toggle("cg-drawer-open", open);
    $("cg-filters-toggle").setAttribute("aria-expanded", String(open));
    if (open) $("cg-filters").querySelector("input, select, button").focus();
    else $("cg-filters-toggle").focus();
  }
  $("cg-drawer-close").addEventListener("click", () => toggleDrawer(false));
  $("cg-filters-toggle").addEventListener("click", () => toggleDrawer(!document.body.classList.contains("cg-drawer-open")));

  // --- window.claimgraph -------------------------------------------------------------------------

  const exposed = () => ({
    search: search, applyFilters: applyFilters, reset: reset, select: (id) => select(id, { focus: true }),
    visibleCounts: visibleCounts, viewState: app.viewState, restoreView: restoreView, viewFragment: viewFragment,
    selectedClaims: () => [...app.filters.selectedClaims(app.filterState())].sort(),
    contextNodes: () => [...state.context].sort(), listedNodes: app.listedNodes, explainEdge: app.explainEdge,
    preview: (id) => { const pos = api.network.canvasToDOM(model.byId.get(id)); app.preview({ node: id, pointer: { DOM: pos } }); },
    exportSvg: app.exportSvg, exportPng: app.exportPng,
  });

  $("cg-reset").addEventListener("click", reset);

  // --- opening: each step in a task of its own ----------------------------------------------------------

  // Each step in a task of its own, in order. At 20,000 claims every step of opening the page takes a few hundred ms:
  // run in one task, they held the page for over a second.
  // A smaller page runs them all at once: there each takes a few ms, and the turns between tasks would cost more.
  const STEPS_FROM_NODES = 5000;
  function inTurn(steps) {
    if (data.nodes.length < STEPS_FROM_NODES) steps.forEach((step) => step());
    else if (steps.length) setTimeout(() => { steps[0](); inTurn(steps.slice(1)); }, 0);
  }

  inTurn([
    () => {
      model = CG.model.create(data);
      Object.assign(app, { model: model, filters: CG.filters.create(data, model) });
    },
    () => { app.searchIndex = CG.search.buildIndex(data.nodes); },
    () => Object.assign(app, CG.details(app), CG.canvas(app), CG.controls(app), CG.list(app)),
    () => Object.assign(app, CG.exports(app), CG.time(app), CG.overview(app)),
    () => {
      Object.assign(app, CG.verdicts(app));  // wraps start and showDetails: the analysis on the canvas and panel
      Object.assign(app, own);
      Object.assign(api, exposed());
      app.buildFilters();
    },
    () => app.styleAll(),  // canvas.js: every node's and link's look, before the canvas is made from them
    () => requestAnimationFrame(() => setTimeout(app.start, 0)),
  ]);
})();
