/* style.js: colours and vis-network styles of nodes and links, and the network's options (no DOM). */
CG.style = (function () {
  "use strict";

  const FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';

  // rgb() of a #rrggbb colour mixed with `white` (0..1) of white.
  function mix(hex, white) {
    const n = parseInt(hex.slice(1), 16);
    const channel = (shift) => Math.round(((n >> shift) & 255) * (1 - white) + 255 * white);
    return "rgb(" + channel(16) + "," + channel(8) + "," + channel(0) + ")";
  }

  function darken(hex, amount) {
    const n = parseInt(hex.slice(1), 16);
    const channel = (shift) => Math.round(((n >> shift) & 255) * (1 - amount));
    return "rgb(" + channel(16) + "," + channel(8) + "," + channel(0) + ")";
  }

  function nodeStyle(data, n) {
    const style = { id: n.id, label: n.label, x: n.x, y: n.y, shape: data.shapes[n.type] || "dot" };
    const c = n.colour;
    if (n.type === "claim") {
      // the fill is the claimant's side, the border the claim's kind (colour and dashes from the vocabulary)
      const k = data.kinds[n.info.kind] || "#555555";
      style.color = { background: mix(c, 0.8), border: k,
                      highlight: { background: mix(c, 0.6), border: "#111" }, hover: { background: mix(c, 0.7), border: k } };
      style.shapeProperties = { borderDashes: data.kindBorders[n.info.kind] || false };
      style.borderWidth = 2.5;
      style.borderWidthSelected = 3.5;
      style.margin = 6;
      style.font = { color: "#1a1a1a" };
    } else if (n.type === "source") {
      style.size = 10;
      style.color = { background: mix(c, 0.55), border: darken(c, 0.3), highlight: { background: mix(c, 0.4), border: "#111" },
                      hover: { background: mix(c, 0.4), border: "#111" } };
      style.borderWidth = 2;
      style.font = { color: "#333", size: 13, strokeWidth: 3, strokeColor: "#ffffff" };
    } else if (n.type === "actor") {
      style.size = 12;
      style.color = { background: c, border: darken(c, 0.3), highlight: { background: c, border: "#111" },
                      hover: { background: c, border: "#111" } };
      style.borderWidth = 1.5;
      style.font = { color: "#222", strokeWidth: 3, strokeColor: "#ffffff" };
    } else if (n.type === "proposition" && data.analysis) {
      style.size = 10;
      Object.assign(style, hubStyle(data, statusOnAnalysisDay(data, n.id)));
    } else {
      style.size = 10;
      style.color = { background: "#7a7a7a", border: "#555", highlight: { background: "#555", border: "#111" } };
      style.font = { color: "#555", size: 12, strokeWidth: 3, strokeColor: "#ffffff" };
    }
    return style;
  }

  // A proposition hub: its status's colour (data.statuses, from the vocabulary) as border and tint, and dashes.
  function hubStyle(data, status) {
    const s = data.statuses[status] || { colour: "#767676", dashes: false };
    return { borderWidth: 3, shapeProperties: { borderDashes: s.dashes || false },
             color: { background: mix(s.colour, 0.78), border: s.colour,
                      highlight: { background: mix(s.colour, 0.6), border: "#111" },
                      hover: { background: mix(s.colour, 0.6), border: s.colour } },
             font: { color: "#333", size: 12, strokeWidth: 3, strokeColor: "#ffffff" } };
  }

  const analysisStatuses = new WeakMap();  // page data -> Map(proposition id -> its status on the analysis day)

  function statusOnAnalysisDay(data, id) {
    if (!analysisStatuses.has(data)) {
      analysisStatuses.set(data, new Map(data.analysis.propositions.map((p) => [data.nodes[p.node].id, p.status])));
    }
    return analysisStatuses.get(data).get(id);
  }

  function edgeStyle(data, model, e) {
    const r = model.relationById.get(e.relation) || { colour: "#999", dashes: false, width: 1 };
    const style = { id: e.id, from: e.from, to: e.to, width: r.width, dashes: r.dashes,
                    color: { color: r.colour, highlight: r.colour, hover: r.colour, inherit: false } };
    if (data.timeline) style.smooth = rowArc(model.byId.get(e.from), model.byId.get(e.to));
    return style;
  }

  // A timeline link between two nodes of one row would run straight through the nodes between them and read
  // as a chain: it arcs over them instead, about ARC_RISE canvas pixels high whatever its length.
  const ARC_RISE = 22;

  function rowArc(from, to) {
    const dx = to.x - from.x;
    if (Math.abs(to.y - from.y) > 20 || Math.abs(dx) < 60) return undefined;
    // vis-network bows curvedCW links to the left of their direction: upwards for one that runs rightwards
    return { enabled: true, type: dx > 0 ? "curvedCW" : "curvedCCW",
             roundness: Math.min(0.6, ARC_RISE / (0.39 * Math.abs(dx))) };
  }

  // Below this zoom a dash of a dashed link or border is a pixel or two and cannot be seen. vis-network draws dashes
  // in canvas units, so a zoomed-out view spent most of its first draw on thousands of sub-pixel dashes: the canvas
  // draws dashed links and borders solid below it (canvas.js) and the SVG export keeps their real dashes.
  const DASHES_MIN_SCALE = 0.4;

  // Whether dashes are drawn at zoom `scale`.
  // >>> dashesVisible(0.39) -> false; dashesVisible(0.4) -> true
  const dashesVisible = (scale) => scale >= DASHES_MIN_SCALE;

  const SOLID_NODE = { shapeProperties: { borderDashes: false } };
  const SOLID_EDGE = { dashes: false };

  const DIM_NODE = { color: { background: "#f1f1f1", border: "#e0e0e0",
                              highlight: { background: "#f1f1f1", border: "#e0e0e0" } },
                     font: { color: "#c9c9c9", strokeWidth: 0 } };
  const CONTEXT_NODE = { color: { background: "#f4f4f4", border: "#8a8a8a",
                                  highlight: { background: "#e8e8e8", border: "#111" } },
                         font: { color: "#595959", strokeWidth: 0 } };
  const DIM_EDGE = { color: { color: "#ececec", highlight: "#ececec", hover: "#ececec", inherit: false } };

  function networkOptions(data) {
    const big = data.nodes.length > 1500;
    return {
      autoResize: true,
      physics: { enabled: false },
      layout: { randomSeed: 7, improvedLayout: false },
      interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false,
                     selectConnectedEdges: false, tooltipDelay: 3600000 },
      nodes: { font: { face: FONT, size: 14 }, shapeProperties: { interpolation: false } },
      edges: { arrows: { to: { enabled: true, scaleFactor: 0.55 } }, selectionWidth: 1, hoverWidth: 0.5,
               smooth: big ? false : { enabled: true, type: "continuous", roundness: 0.15 } },
    };
  }

  return { FONT: FONT, mix: mix, darken: darken, nodeStyle: nodeStyle, hubStyle: hubStyle, edgeStyle: edgeStyle,
           networkOptions: networkOptions, DASHES_MIN_SCALE: DASHES_MIN_SCALE, dashesVisible: dashesVisible,
           SOLID_NODE: SOLID_NODE, SOLID_EDGE: SOLID_EDGE,
           DIM_NODE: DIM_NODE, CONTEXT_NODE: CONTEXT_NODE, DIM_EDGE: DIM_EDGE };
})();
