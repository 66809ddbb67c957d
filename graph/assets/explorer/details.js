/* details.js: the details panel of a node or link, and the hover preview; every string from the data as text. */
CG.details = function (app) {
  "use strict";

  const { $, el, append, externalLink } = CG.dom;
  const { data, model, api } = app;
  const { byId, sideById, relationById, outgoing, incoming, byDate } = model;
  const KIND_COLOURS = data.kinds;

  function nodeLink(id) {
    const node = byId.get(id);
    if (!node) return el("span", null, id);  // left out of a filtered subgraph: nothing to go to
    const a = el("a", "cg-node-link", node.name);
    a.href = "#" + encodeURIComponent(id);
    a.dataset.node = id;
    a.addEventListener("click", (event) => { event.preventDefault(); app.select(id, { focus: true }); });
    return a;
  }

  function joinNodes(ids, separator) {
    const span = el("span");
    ids.forEach((id, i) => { if (i) append(span, separator || ", "); append(span, nodeLink(id)); });
    return span;
  }

  // --- hover previews and edge explanations ---------------------------------------------------------

  function preview(params) {
    const n = byId.get(params.node);
    const box = $("cg-preview");
    const what = n.type === "claim" ? n.info.kind + (n.info.date_text ? ", " + n.info.date_text : "") : n.type;
    const text = String(n.info.text || n.info.statement || n.info.description || "");
    box.replaceChildren(el("strong", null, n.name), el("div", "cg-type", what));
    if (text) append(box, el("div", null, text.length > 160 ? text.slice(0, 157) + "…" : text));
    box.hidden = false;
    const stage = $("cg-network").getBoundingClientRect();
    const { x, y } = params.pointer.DOM;
    box.style.left = Math.max(4, Math.min(x + 14, stage.width - box.offsetWidth - 4)) + "px";
    box.style.top = Math.max(4, Math.min(y + 14, stage.height - box.offsetHeight - 4)) + "px";
  }

  function hidePreview() {
    $("cg-preview").hidden = true;
  }

  function closeButton() {
    const close = el("button", "cg-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", app.clearSelection);
    return close;
  }

  function explainEdge(edgeId) {
    const e = model.edgeList[edgeId];
    const relation = relationById.get(e.relation) || { text: e.relation, meaning: "" };
    const panel = $("cg-details");
    panel.hidden = false;
    panel.replaceChildren(closeButton(), el("h2", "cg-name", relation.text.split(" (")[0]));
    append(panel, append(el("p", "cg-edge-ends"), nodeLink(e.from), " → ", nodeLink(e.to)));
    if (relation.meaning) append(panel, el("p", "cg-text", relation.meaning));
    field(panel, "Confidence", e.extra.confidence);
    field(panel, "Through", (e.extra.via || []).length ? joinNodes(e.extra.via, " → ") : null);
    field(panel, "Translated", e.extra.translated ? "yes" : null);
    field(panel, "Inferred", e.extra.inferred ? "yes: not stated in the records, worked out from them" : null);
    if (e.extra.note) section(panel, "Note", el("p", "cg-note", e.extra.note));
    api.network.selectEdges([edgeId]);
  }

  // A node the filters hide is not shown by surprise: the panel says so and offers to clear the filters.
  function offerHidden(id) {
    const panel = $("cg-details");
    panel.hidden = false;
    const show = el("button", "cg-show-hidden", "Clear the filters and show it");
    show.type = "button";
    show.addEventListener("click", () => { app.resetFilters(); app.select(id, { focus: true }); });
    const keep = el("button", "cg-keep-filters", "Keep the filters");
    keep.type = "button";
    keep.addEventListener("click", hideDetails);
    panel.replaceChildren(el("h2", null, byId.get(id).name), el("p", null, "The filters hide this " + byId.get(id).type + "."),
                          append(el("p", "cg-offer"), show, " ", keep));
    show.focus();
  }

  function showMatches(text, matches) {
    const panel = $("cg-details");
    panel.hidden = false;
    panel.replaceChildren(el("h2", null, matches.length + " matches for “" + text.trim() + "”"));
    append(panel, list(matches.slice(0, 200), (n) => [nodeLink(n.id), el("span", "cg-type", " " + n.type)]));
  }

  // --- details panel -----------------------------------------------------------------------------

  function hideDetails() {
    const panel = $("cg-details");
    panel.replaceChildren();
    panel.hidden = true;
  }

  function showDetails(n) {
    const panel = $("cg-details");
    panel.replaceChildren();
    panel.hidden = false;
    append(panel, closeButton(), el("h2", "cg-name", n.name), headline(n));
    const builders = {
      claim: claimDetails, actor: actorDetails, source: sourceDetails, place: placeDetails,
      proposition: propositionDetails, evidence: evidenceDetails,
    };
    (builders[n.type] || genericDetails)(n, panel);
    append(panel, el("p", "cg-note", "id: " + n.id));
    panel.scrollTop = 0;
  }

  function headline(n) {
    const p = el("p", "cg-meta");
    const badge = el("span", "cg-badge", n.type === "claim" ? n.info.kind : n.type);
    badge.style.background = n.type === "claim" ? (KIND_COLOURS[n.info.kind] || "#777") : "#777";
    append(p, badge);
    const side = n.side ? sideById.get(n.side) : null;
    if (side) {
      const swatch = el("span", "cg-swatch");
      swatch.style.background = side.colour;
      append(p, swatch, " " + side.name);
    }
    if (n.type === "actor" && n.info.kind) append(p, " · " + n.info.kind.replace(/-/g, " "));
    if (n.info.draft) append(p, " · ", el("strong", "cg-draft", "draft: not yet checked by a curator"));
    return p;
  }

  /* A quote with its editorial marks shown as marks: [insertions] and elisions in their own style. */
  function quoteBlock(text, parts) {
    const block = el("blockquote", "cg-quote", parts ? "" : text);
    (parts || []).forEach(([kind, words], i) => {
      if (i) append(block, " ");
      if (kind === "words") append(block, words);
      else {
        const mark = el("span", "cg-" + kind, words);
        mark.title = kind === "insertion" ? "editorial insertion: not the speaker's words" : "words left out";
        append(block, mark);
      }
    });
    return block;
  }

  function section(panel, title, ...content) {
    append(panel, el("h3", null, title), ...content);
  }

  function field(panel, label, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    const p = el("p");
    append(p, el("strong", null, label + ": "), value instanceof Node ? value : String(value));
    append(panel, p);
  }

  function list(items, render) {
    const ul = el("ul");
    items.forEach((item) => append(ul, append(el("li"), ...[].concat(render(item)))));
    return ul;
  }

  function claimDetails(n, panel) {
    const info = n.info;
    if (info.date_text) field(panel, "Date", info.date_text + (info.date ? " (" + info.date + ")" : ""));
    else field(panel, "Date", "not dated");
    if (info.date_note) append(panel, el("p", "cg-note", info.date_note));
    field(panel, "Claimant", info.claimant ? nodeLink(info.claimant) : null);
    const targets = outgoing.get(n.id).filter((e) => e.relation === "accuses" || e.relation === "targets");
    field(panel, info.kind === "accusation" ? "Accuses" : "Addressed to", targets.length ? joinNodes(targets.map((e) => e.to)) : null);
    section(panel, "What was claimed", el("p", "cg-text", info.text));
    const quotes = info.quotes || (info.quote ? [info.quote] : []);
    if (quotes.length) section(panel, "In their words", ...quotes.map((q, i) => quoteBlock(q, (info.quote_parts || [])[i])));
    field(panel, "Places", (info.places || []).length ? joinNodes(info.places) : null);
    field(panel, "Basis", info.basis ? info.basis.replace(/-/g, " ") : null);
    field(panel, "Credibility", info.credibility);
    field(panel, "Tags", (info.tags || []).join(", "));
    reportsSection(n, panel);
    responsesSection(n, panel);
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function reportsSection(n, panel) {
    const reports = n.info.reports || [];
    if (!reports.length) return;
    section(panel, "Reported in", list(reports, (report) => chain(n, report)));
  }

  function chain(n, report) {
    const parts = [];
    if (n.info.claimant) parts.push(nodeLink(n.info.claimant));
    (report.via || []).forEach((actor) => parts.push(" → ", nodeLink(actor)));
    parts.push(" → ", nodeLink(report.source));
    const source = byId.get(report.source);
    if (source) {
      const info = source.info;
      if (info.publisher) parts.push(" (", nodeLink(info.publisher), info.published_text ? ", " + info.published_text : "", ")");
      else if (info.published_text) parts.push(" (" + info.published_text + ")");
      if (info.url) parts.push(" ", externalLink(info.url, "open source ↗"));
    }
    if (report.note) parts.push(el("div", "cg-note", report.note));
    return append(el("span", "cg-chain"), ...parts);
  }

  const typeOf = (id) => (byId.get(id) || {}).type;

  function responsesSection(n, panel) {
    const stances = outgoing.get(n.id).filter((e) => model.stances.has(e.relation) && typeOf(e.to) === "proposition");
    if (stances.length) section(panel, "On what is at issue", list(stances, (e) => [e.relation + " ", nodeLink(e.to)]));
    const grounds = outgoing.get(n.id).filter((e) => e.relation === "rests_on" || e.relation === "cites");
    if (grounds.length) section(panel, "Grounds", list(grounds, (e) => [relationById.get(e.relation).text.split(" (")[0] + " ", nodeLink(e.to)]));
    const answers = outgoing.get(n.id).filter((e) => model.responses.has(e.relation) && typeOf(e.to) === "claim");
    const answeredBy = incoming.get(n.id).filter((e) => model.responses.has(e.relation) && typeOf(e.from) === "claim");
    if (answers.length) section(panel, "Answers", list(answers, (e) => [e.relation + " ", nodeLink(e.to), dateSuffix(e.to)]));
    if (answeredBy.length) {
      answeredBy.sort((a, b) => byDate(a.from, b.from));
      section(panel, "Answered by", list(answeredBy, (e) => [nodeLink(e.from), dateSuffix(e.from), " " + e.relation + " this"]));
    }
  }

  function dateSuffix(id) {
    const info = (byId.get(id) || {}).info || {};
    return info.date_text ? " (" + info.date_text + ")" : "";
  }

  function claimList(edges, end) {
    const ids = [...new Set(edges.map((e) => e[end]))].sort(byDate);
    return list(ids, (id) => [nodeLink(id), dateSuffix(id)]);
  }

  function actorDetails(n, panel) {
    const info = n.info;
    field(panel, "Also called", (info.aliases || []).join("; "));
    if (info.description) append(panel, el("p", "cg-text", info.description));
    field(panel, "Member of", (info.member_of || []).length ? joinNodes(info.member_of) : null);
    const members = incoming.get(n.id).filter((e) => e.relation === "member_of").map((e) => e.from);
    field(panel, "Members", members.length ? joinNodes(members) : null);
    field(panel, "Reliability", info.reliability);
    const groups = [
      ["Claims made", outgoing.get(n.id).filter((e) => e.relation === "made"), "to"],
      ["Accused in", incoming.get(n.id).filter((e) => e.relation === "accuses"), "from"],
      ["Addressed in", incoming.get(n.id).filter((e) => e.relation === "targets"), "from"],
      ["Relayed", outgoing.get(n.id).filter((e) => e.relation === "relays"), "to"],
      ["Published", incoming.get(n.id).filter((e) => e.relation === "published_by"), "from"],
    ];
    groups.forEach(([title, edges, end]) => { if (edges.length) section(panel, title, claimList(edges, end)); });
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function sourceDetails(n, panel) {
    const info = n.info;
    field(panel, "Publisher", info.publisher ? nodeLink(info.publisher) : null);
    field(panel, "Published", info.published_text);
    if (info.date_note) append(panel, el("p", "cg-note", info.date_note));
    field(panel, "Language", info.language);
    if (info.url) field(panel, "Link", externalLink(info.url, info.url));
    field(panel, "Archived text", info.archive);
    const reported = outgoing.get(n.id).filter((e) => e.relation === "reports");
    if (reported.length) section(panel, "Claims reported", claimList(reported, "to"));
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function placeDetails(n, panel) {
    field(panel, "Also called", (n.info.aliases || []).join("; "));
    if (n.info.description) append(panel, el("p", "cg-text", n.info.description));
    const claims = incoming.get(n.id).filter((e) => e.relation === "concerns");
    if (claims.length) section(panel, "Claims about it", claimList(claims, "from"));
  }

  function propositionDetails(n, panel) {
    const info = n.info;
    section(panel, "What is at issue", el("p", "cg-text", info.statement));
    field(panel, "Implicates", (info.implicates || []).length ? joinNodes(info.implicates) : null);
    field(panel, "Places", (info.places || []).length ? joinNodes(info.places) : null);
    const stances = incoming.get(n.id).filter((e) => model.stances.has(e.relation));
    stances.sort((a, b) => byDate(a.from, b.from));
    if (stances.length) section(panel, "Claims on it", list(stances, (e) => [nodeLink(e.from), dateSuffix(e.from), " " + e.relation + " it"]));
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function evidenceDetails(n, panel) {
    const info = n.info;
    field(panel, "Kind", info.kind);
    if (info.description) append(panel, el("p", "cg-text", info.description));
    field(panel, "Date", info.date_text);
    field(panel, "By", (info.by || []).length ? joinNodes(info.by) : null);
    field(panel, "Places", (info.places || []).length ? joinNodes(info.places) : null);
    if (info.url) field(panel, "Link", externalLink(info.url, info.url));
    const citing = incoming.get(n.id).filter((e) => ["cites", "rests_on", "said_at"].includes(e.relation));
    if (citing.length) section(panel, "Claims citing, resting on or made at it", list(citing, (e) => [nodeLink(e.from), " " + relationById.get(e.relation).text.split(" (")[0]]));
    const reported = incoming.get(n.id).filter((e) => e.relation === "reports");
    field(panel, "Reported in", reported.length ? joinNodes(reported.map((e) => e.from)) : null);
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function genericDetails(n, panel) {
    Object.keys(n.info).forEach((key) => field(panel, key, JSON.stringify(n.info[key])));
  }

  return { nodeLink: nodeLink, preview: preview, hidePreview: hidePreview, explainEdge: explainEdge, offerHidden: offerHidden,
           showMatches: showMatches, showDetails: showDetails, hideDetails: hideDetails };
};
