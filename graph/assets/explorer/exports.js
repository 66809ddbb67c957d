/* exports.js: the current view (what the filters show, as coloured now) as SVG or PNG, and the buttons that save it. */
CG.exports = function (app) {
  "use strict";

  const { $, el, append } = CG.dom;
  const { data, model, state, api } = app;
  const SVG_NS = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.entries(attrs).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v)); });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function svgShape(n, style, body) {
    const colour = style.color || {};
    const fill = colour.background || "#ccc", stroke = colour.border || "#555";
    const dashes = app.nodeDashes(n.id) || [];  // the declared dashes, not the solid lines a zoomed-out canvas draws
    const common = { fill: fill, stroke: stroke, "stroke-width": style.borderWidth || 1.5,
                     "stroke-dasharray": dashes.length ? dashes.join(" ") : null };
    const w = body.shape.width || 20, h = body.shape.height || 20, r = (style.size || 10);
    const kind = data.shapes[n.type] || "dot";
    if (kind === "box") return svgEl("rect", Object.assign({ x: n.x - w / 2, y: n.y - h / 2, width: w, height: h, rx: 3 }, common));
    if (kind === "square") return svgEl("rect", Object.assign({ x: n.x - r, y: n.y - r, width: 2 * r, height: 2 * r }, common));
    const corners = { triangle: [[0, -1.1], [1, 0.8], [-1, 0.8]], diamond: [[0, -1.2], [1.2, 0], [0, 1.2], [-1.2, 0]],
                      hexagon: [[-0.5, -0.87], [0.5, -0.87], [1, 0], [0.5, 0.87], [-0.5, 0.87], [-1, 0]] }[kind];
    if (corners) return svgEl("polygon", Object.assign({ points: corners.map(([x, y]) => (n.x + x * r) + "," + (n.y + y * r)).join(" ") }, common));
    return svgEl("circle", Object.assign({ cx: n.x, cy: n.y, r: r }, common));
  }

  function exportSvg() {
    // what the canvas draws, where it draws it (the overview draws some nodes only, at places of its own)
    const drawnAt = (n) => { const s = api.nodes.get(n.id); return s ? Object.assign({}, n, { x: s.x, y: s.y }) : null; };
    const shown = data.nodes.filter((n) => !state.hidden.has(n.id)).map(drawnAt).filter(Boolean);
    const placed = new Map(shown.map((n) => [n.id, n]));
    const bodies = api.network.body.nodes;
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    shown.forEach((n) => {
      left = Math.min(left, n.x - 90); right = Math.max(right, n.x + 90); top = Math.min(top, n.y - 40); bottom = Math.max(bottom, n.y + 40);
    });
    if (!shown.length) [left, top, right, bottom] = [0, 0, 100, 100];
    const svg = svgEl("svg", { xmlns: SVG_NS, viewBox: [left, top, right - left, bottom - top].join(" "),
                               width: Math.round(right - left), height: Math.round(bottom - top), "font-family": CG.style.FONT });
    append(svg, svgEl("title", {}, data.title), svgEl("rect", { x: left, y: top, width: right - left, height: bottom - top, fill: "#fff" }));
    const edgesGroup = append(svg, svgEl("g", { "stroke-linecap": "round" })).lastChild;
    model.edgeList.forEach((e) => {
      const style = state.hiddenEdges.has(e.id) ? null : api.edges.get(e.id);
      const a = placed.get(e.from), b = placed.get(e.to);
      if (!style || !a || !b) return;
      const colour = (style.color || {}).color || "#999";
      append(edgesGroup, svgEl("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour, "stroke-width": style.width || 1,
                                         "stroke-dasharray": Array.isArray(app.edgeDashes(e.id)) ? app.edgeDashes(e.id).join(" ") : null,
                                         "data-relation": e.relation }));
    });
    shown.forEach((n) => {
      const style = api.nodes.get(n.id), body = bodies[n.id];
      const g = append(svg, svgEl("g", { "data-node": n.id })).lastChild;
      append(g, svgShape(n, style, body));
      const lines = String(n.label || "").split("\n");
      const size = ((style.font || {}).size) || 14;
      const below = data.shapes[n.type] !== "box";
      const y0 = below ? n.y + (style.size || 10) + size : n.y - ((lines.length - 1) * size) / 2 + size / 3;
      const text = svgEl("text", { "text-anchor": "middle", "font-size": size, fill: (style.font || {}).color || "#222" });
      lines.forEach((line, i) => append(text, svgEl("tspan", { x: n.x, y: y0 + i * size * 1.1 }, line)));
      append(g, text);
    });
    if (app.decorateSvg) app.decorateSvg(svg, svgEl, shown);  // the analysis's words on the nodes (verdicts.js)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }

  function exportPng() {
    const source = $("cg-network").querySelector("canvas");
    const canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    return canvas.toDataURL("image/png");
  }

  function download(name, href) {
    const a = el("a");
    a.href = href;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  }

  const fileName = (ext) => (String(data.title).replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "claims") + "." + ext;
  $("cg-export-svg").addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([exportSvg()], { type: "image/svg+xml" }));
    download(fileName("svg"), url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  $("cg-export-png").addEventListener("click", () => download(fileName("png"), exportPng()));

  return { exportSvg: exportSvg, exportPng: exportPng };
};
