/* verdicts.js: the analysis on the page, for the day app.state.day (null: the analysis day, data.analysis.asOf).
 *
 * Proposition hubs take their status's border (data.statuses, from graph/vocabulary.py) and say it in words under
 * their label; every claim carries a badge per proposition it takes a stance on (the stance's glyph and that
 * proposition's status); the Open questions list and the details panel's analysis sections follow the day.
 * Python decided every status, strength, why and origin (graph/page_analysis.py); CG.analysis reads the status on a
 * day from its history, and strength, why and origins are always those of the analysis day (the panel says so).
 * app.refreshAnalysis() redraws all of it; the date slider calls it after setting app.state.day.
 *
 * window.claimgraph gains, for tests and the console: refreshAnalysis(), showAnalysisOn(day) (what the slider does),
 * badges() (claim id -> badge texts), hubStatuses() (proposition id -> status line), openQuestions() (ids, in order).
 */
CG.verdicts = function (app) {
  "use strict";

  const { $, el, append } = CG.dom;
  const { data, model, state, api } = app;
  const analysis = data.analysis;
  const { statusOn, onRecord, openOn } = CG.analysis;
  const { isAnalysisDay, statusText, rolesOn, rolesText, positionsOn, fromOrigin } = CG.standing;
  const { FONT, hubStyle } = CG.style;
  const propositionAt = new Map(analysis.propositions.map((p) => [p.node, p]));  // node index -> its entry
  const indexOf = new Map(data.nodes.map((n, i) => [n.id, i]));
  const styleOf = (status) => data.statuses[status] || data.statuses[CG.analysis.NOT_YET];
  const day = () => state.day || null;
  // Below this zoom the badges' 10 px text would be drawn under 4 px: noise, not words.
  const BADGE_MIN_SCALE = 0.4;
  let badges = new Map();  // claim id -> [{ text, colour }], one per stance, for the day shown
  let hubLines = new Map();  // proposition id -> { text, colour, restyled: its status if not the analysis day's }

  // --- the canvas: hub styles, and words drawn over the nodes ---------------------------------------

  // Each hub's status line, and its status when that differs from the analysis day's, which CG.style drew it in.
  // Hubs are not restyled through vis-network: at thousands of nodes one DataSet update takes seconds, so a hub
  // whose status on the day differs gets its hexagon redrawn over the node by drawHubs, frame by frame.
  function collectHubs(when) {
    hubLines = new Map();
    analysis.propositions.forEach((p) => {
      const n = data.nodes[p.node];
      if (n.type !== "proposition") return;  // a claim standing for its own proposition shows it on its badge
      const found = statusOn(analysis, p, when);
      hubLines.set(n.id, { text: statusText(found), colour: styleOf(found.status).colour,
                           restyled: found.status !== p.status ? found.status : null });
    });
  }

  function collectBadges(when) {
    badges = new Map();
    Object.entries(analysis.claims).forEach(([index, claim]) => {
      if (!onRecord(analysis, claim, when)) return;
      const shown = positionsOn(analysis, (i) => propositionAt.get(i), claim, when).map((at) => ({
        text: (data.stances[at.role] || { icon: "?" }).icon + " " + (at.status || ""), colour: styleOf(at.status).colour,
      }));
      if (shown.length) badges.set(data.nodes[index].id, shown);
    });
  }

  // The canvas area in view, in canvas units, so a big graph draws only the words on screen.
  function viewBox() {
    const canvas = $("cg-network").getBoundingClientRect();
    const a = api.network.DOMtoCanvas({ x: 0, y: 0 }), b = api.network.DOMtoCanvas({ x: canvas.width, y: canvas.height });
    return { left: a.x - 200, top: a.y - 60, right: b.x + 200, bottom: b.y + 60 };
  }

  const inView = (box, view) => box.right > view.left && box.left < view.right && box.bottom > view.top && box.top < view.bottom;

  function drawWords(ctx) {
    if (api.network.getScale() < BADGE_MIN_SCALE) return;
    const view = viewBox();
    ctx.save();
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    hubLines.forEach((line, id) => { if (line.restyled) drawHub(ctx, id, line.restyled, view); });
    hubLines.forEach((line, id) => drawHubLine(ctx, id, line, view));
    badges.forEach((shown, id) => drawBadges(ctx, id, shown, view));
    ctx.restore();
  }

  // The hexagon vis-network draws (radius: the node's size), in the style of the status it had on the day.
  function drawHub(ctx, id, status, view) {
    const body = api.network.body.nodes[id];
    if (state.hidden.has(id) || !body || !inView(api.network.getBoundingBox(id), view)) return;
    const style = hubStyle(data, status);
    const r = body.options.size || 10;
    ctx.globalAlpha = state.dimmedNodes.has(id) ? 0.25 : 1;
    ctx.beginPath();
    ctx.moveTo(body.x + r, body.y);
    for (let i = 1; i < 6; i++) ctx.lineTo(body.x + r * Math.cos(Math.PI / 3 * i), body.y + r * Math.sin(Math.PI / 3 * i));
    ctx.closePath();
    ctx.fillStyle = style.color.background;
    ctx.fill();
    ctx.setLineDash((state.dashesShown && style.shapeProperties.borderDashes) || []);
    ctx.lineWidth = style.borderWidth;
    ctx.strokeStyle = state.current === id ? "#111" : style.color.border;
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // Where a dot-like node's label ends, once drawn (vis-network's bounding box may leave out its last line).
  function labelBottom(id, box) {
    const label = (api.network.body.nodes[id] || {}).labelModule;
    const bottom = label && label.size && label.size.height ? label.size.top + label.size.height : box.bottom;
    return Math.max(bottom, box.bottom);
  }

  function drawHubLine(ctx, id, line, view) {
    if (state.hidden.has(id) || !api.network.body.nodes[id]) return;  // hidden, or not drawn (the overview)
    const box = api.network.getBoundingBox(id);
    if (!inView(box, view)) return;
    ctx.globalAlpha = state.dimmedNodes.has(id) ? 0.25 : 1;
    ctx.font = "bold 10px " + FONT;
    ctx.textAlign = "center";
    const x = (box.left + box.right) / 2, y = labelBottom(id, box) + 6;
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 3;
    ctx.strokeText(line.text, x, y);
    ctx.fillStyle = line.colour;
    ctx.fillText(line.text, x, y);
  }

  // One pill per stance on the box's top edge, from its right corner leftwards: white words on the status colour.
  function drawBadges(ctx, id, shown, view) {
    if (state.hidden.has(id) || !api.network.body.nodes[id]) return;  // hidden, or not drawn (the overview)
    const box = api.network.getBoundingBox(id);
    if (!inView(box, view)) return;
    ctx.globalAlpha = state.dimmedNodes.has(id) ? 0.2 : 1;
    ctx.font = "bold 10px " + FONT;
    ctx.textAlign = "left";
    let right = box.right - 4;
    shown.slice().reverse().forEach((badge) => {
      const width = ctx.measureText(badge.text).width + 8;
      ctx.fillStyle = badge.colour;
      ctx.beginPath();
      ctx.roundRect(right - width, box.top - 7, width, 13, 6);
      ctx.fill();
      ctx.fillStyle = "#ffffff";
      ctx.fillText(badge.text, right - width + 4, box.top - 0.5);
      right -= width + 3;
    });
  }

  // The same words in an SVG of the view (exports.js), where the canvas draws them: status lines and badges.
  let measure = null;

  function decorateSvg(svg, svgEl, shown) {
    measure = measure || document.createElement("canvas").getContext("2d");
    measure.font = "bold 10px " + FONT;
    const group = svgEl("g", { "font-size": 10, "font-weight": "bold", "data-analysis": "words" });
    let lowest = -Infinity;
    shown.forEach((n) => {
      const box = api.network.getBoundingBox(n.id);
      const line = hubLines.get(n.id);
      if (line) {
        const y = labelBottom(n.id, box) + 9.5;
        lowest = Math.max(lowest, y + 4);
        group.append(svgEl("text", { x: (box.left + box.right) / 2, y: y, "text-anchor": "middle",
                                     fill: line.colour, stroke: "#fff", "stroke-width": 3, "paint-order": "stroke" }, line.text));
      }
      let right = box.right - 4;
      (badges.get(n.id) || []).slice().reverse().forEach((badge) => {
        const width = measure.measureText(badge.text).width + 8;
        group.append(svgEl("rect", { x: right - width, y: box.top - 7, width: width, height: 13, rx: 6, fill: badge.colour }),
                     svgEl("text", { x: right - width + 4, y: box.top + 3, fill: "#fff" }, badge.text));
        right -= width + 3;
      });
    });
    svg.append(group);
    reachDown(svg, lowest);
  }

  // A status line under the lowest hub may fall below the picture exports.js framed: lower its bottom edge.
  function reachDown(svg, lowest) {
    const [left, top, width, height] = svg.getAttribute("viewBox").split(" ").map(Number);
    if (!(lowest > top + height)) return;
    const taller = lowest - top;
    svg.setAttribute("viewBox", [left, top, width, taller].join(" "));
    svg.setAttribute("height", String(Math.round(taller)));
    const background = svg.querySelector("rect");
    if (background) background.setAttribute("height", String(taller));
  }

  // --- Open questions -----------------------------------------------------------------------------

  function statusBadge(status) {
    const badge = el("span", "cg-status", status);
    badge.style.background = styleOf(status).colour;
    return badge;
  }

  function openItem(index, when) {
    const p = propositionAt.get(index), n = data.nodes[index];
    const found = statusOn(analysis, p, when);
    const button = el("button", "cg-open-item");
    button.type = "button";
    button.dataset.node = n.id;
    const since = found.since ? " since " + found.since + (isAnalysisDay(analysis, when) ? " (" + p.days + " days)" : "") : "";
    append(button, el("span", "cg-open-name", n.name),
           append(el("span", "cg-open-status"), statusBadge(found.status), since),
           el("span", "cg-open-roles", rolesText(rolesOn(analysis, p, when))));
    button.addEventListener("click", () => {
      if (document.body.classList.contains("cg-drawer-open")) app.toggleDrawer(false);
      app.select(n.id, { focus: true });
    });
    return append(el("li"), button);
  }

  const OPEN_LIMIT = 200;  // a long list is read by its oldest questions; the rest are a search or a filter away

  function renderOpen(when) {
    const open = openOn(analysis, when);
    const ul = $("cg-open-items");
    ul.replaceChildren(...open.slice(0, OPEN_LIMIT).map((index) => openItem(index, when)));
    if (open.length > OPEN_LIMIT) append(ul, el("li", "cg-none", (open.length - OPEN_LIMIT) + " more, younger"));
    if (!open.length) append(ul, el("li", "cg-none", "None: nothing stands unanswered or disputed"));
    $("cg-open-count").textContent = "(" + open.length + ")";
    $("cg-open-day").textContent = isAnalysisDay(analysis, when)
      ? "Unanswered or disputed as of " + analysis.asOf + ", oldest first" : "Unanswered or disputed on " + when;
  }

  // --- the details panel's analysis -----------------------------------------------------------------

  function field(block, label, ...value) {
    append(block, append(el("p"), el("strong", null, label + ": "), ...value));
  }

  function links(indices, withdrawn) {
    const span = el("span");
    indices.forEach((i, k) => {
      if (k) append(span, ", ");
      append(span, app.nodeLink(data.nodes[i].id));
      if (withdrawn && withdrawn.includes(i)) append(span, " (withdrawn)");
    });
    return span;
  }

  function asOfNote(block, when, what) {
    if (!isAnalysisDay(analysis, when)) {
      append(block, el("p", "cg-note cg-as-of", what + " as of " + analysis.asOf + ", the analysis day, not " + when + "."));
    }
  }

  function strengthAndWhy(block, strength, why) {
    if (strength !== null && strength !== undefined) {
      field(block, "Strength", String(strength) + " (0 to 1: how the recorded argument stands, not a probability)");
    }
    if (why) append(block, el("p", "cg-why", why));
  }

  function propositionBlock(block, p, when, implicit) {
    const found = statusOn(analysis, p, when);
    const days = isAnalysisDay(analysis, when) && found.since ? " (" + p.days + " days)" : "";
    field(block, "Status", statusBadge(found.status), found.since ? " since " + found.since + days : "",
          isAnalysisDay(analysis, when) ? "" : " on " + when);
    const roles = rolesOn(analysis, p, when);
    const withdrawn = CG.analysis.withdrawnOn(analysis, p, when);
    Object.keys(roles).forEach((role) => {
      const label = { asserts: "Asserted by", denies: "Denied by", qualifies: "Qualified by", concedes: "Conceded by",
                      retracts: "Retracted by", endorses: "Endorsed by" }[role] || role;
      field(block, label, links(roles[role], withdrawn));
    });
    if (p.evidenceFor.length) field(block, "Evidence cited for it", links(p.evidenceFor));
    if (p.evidenceAgainst.length) field(block, "Evidence cited against it", links(p.evidenceAgainst));
    if (implicit) return;  // the claim's own strength and why follow
    strengthAndWhy(block, p.strength, p.why);
    asOfNote(block, when, "Strength and why are");
  }

  function claimBlock(block, claim, when) {
    const at = positionsOn(analysis, (i) => propositionAt.get(i), claim, when);
    if (at.length) {
      const ul = el("ul", "cg-positions");
      at.forEach((position) => {
        append(ul, append(el("li"), el("span", "cg-stance-icon", (data.stances[position.role] || { icon: "" }).icon),
                          " " + position.role + " ", app.nodeLink(data.nodes[position.node].id), ": ",
                          statusBadge(position.status), position.since ? " since " + position.since : ""));
      });
      append(block, el("h3", null, "Where it stands"), ul);
    }
    strengthAndWhy(block, claim.strength, claim.why);
    originsSection(block, claim);
    asOfNote(block, when, "Strength, why and origins are");
  }

  function nameOrId(id) {
    return indexOf.has(id) ? app.nodeLink(id) : el("span", null, id);
  }

  // "origin ← relay ← speaker ← document": each report's path back, from the origin to the document that has it.
  function originsSection(block, claim) {
    if (!claim.origins.length) return;
    const ul = el("ul", "cg-origins");
    claim.origins.forEach(([origin, routes]) => {
      const li = append(el("li"), el("strong", null, "Origin "), nameOrId(origin));
      const paths = el("ul");
      routes.forEach(([route, chains]) => {
        append(paths, append(el("li", "cg-route"), el("span", "cg-note", route)));
        chains.forEach((chain) => {
          const path = append(el("li", "cg-report-path"));
          fromOrigin(chain).forEach((id, k) => append(path, ...(k ? [" \u2190 ", nameOrId(id)] : [nameOrId(id)])));
          append(paths, path);
        });
      });
      append(ul, append(li, paths));
    });
    append(block, el("h3", null, "Independent origins (" + claim.origins.length + ")"), ul);
  }

  function analysisBlock(n) {
    const index = indexOf.get(n.id), when = day();
    const p = propositionAt.get(index), claim = analysis.claims[index];
    if (!p && !claim) return null;
    app.loadExplanations();  // main.js: the why and origins, parsed the first time they are needed
    const block = el("section", "cg-analysis");
    block.setAttribute("aria-label", "The analysis");
    if (p) propositionBlock(block, p, when, Boolean(claim));
    if (claim && !onRecord(analysis, claim, when)) {
      append(block, el("p", "cg-note", "Not yet said on " + when + (claim.onRecord ? ": on record from " + claim.onRecord : ": undated") + "."));
    } else if (claim) {
      claimBlock(block, claim, when);
    }
    return block;
  }

  // The hover preview says how the node stands too: a hub's status line, a claim's badges.
  const showBasePreview = app.preview;

  function preview(params) {
    showBasePreview(params);
    const words = hubLines.has(params.node) ? [hubLines.get(params.node).text] : (badges.get(params.node) || []).map((b) => b.text);
    const box = $("cg-preview");
    if (words.length) box.insertBefore(el("div", "cg-preview-status", words.join(" \u00b7 ")), box.children[2] || null);
  }

  const showBaseDetails = app.showDetails;

  function showDetails(n) {
    showBaseDetails(n);
    const block = analysisBlock(n);
    const headline = $("cg-details").querySelector(".cg-meta");
    if (block && headline) headline.after(block);
  }

  // --- redrawing for a day ----------------------------------------------------------------------

  // Everything but the canvas's words, which the next frame draws from `badges` and `hubLines`; true if a hub changed.
  function showDay(when) {
    collectHubs(when);
    collectBadges(when);
    renderOpen(when);
    if (state.current && !$("cg-details").hidden && model.byId.has(state.current)) showDetails(model.byId.get(state.current));
  }

  function refreshAnalysis() {
    showDay(day());
    // one frame, when the browser next paints: a synchronous redraw of thousands of nodes would hold the page
    if (api.network) api.network.body.emitter.emit("_requestRedraw");
  }

  const startCanvas = app.start;

  function start() {
    startCanvas();
    api.network.on("afterDrawing", drawWords);
    showDay(day());  // before the first draw, which draws the words too
  }

  Object.assign(api, {
    refreshAnalysis: refreshAnalysis,
    // what the slider does, for tests and the console: show the analysis on `when` (null: the analysis day)
    showAnalysisOn: (when) => { state.day = when || null; refreshAnalysis(); },
    badges: () => Object.fromEntries([...badges].map(([id, shown]) => [id, shown.map((b) => b.text)])),
    hubStatuses: () => Object.fromEntries([...hubLines].map(([id, line]) => [id, line.text])),
    hubsRestyled: () => Object.fromEntries([...hubLines].filter(([, line]) => line.restyled).map(([id, line]) => [id, line.restyled])),
    openQuestions: () => [...$("cg-open-items").querySelectorAll("button")].map((b) => b.dataset.node),
  });

  return { start: start, preview: preview, showDetails: showDetails, refreshAnalysis: refreshAnalysis,
           decorateSvg: decorateSvg };
};
