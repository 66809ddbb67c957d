/* list.js: the list of shown nodes: the canvas as text, and the way to every node by keyboard. */
CG.list = function (app) {
  "use strict";

  const { $, el, append } = CG.dom;
  const { data, model, state } = app;
  const LIST_LIMIT = 300;
  const listOrder = data.nodes.slice().sort((a, b) => model.typeOrder[a.type] - model.typeOrder[b.type] ||
    (a.type === "claim" ? model.byDate(a.id, b.id) : 0) || a.name.localeCompare(b.name));
  const listText = new Map(app.searchIndex.map((entry) => [entry.node.id, entry.names + "\n" + entry.text]));

  function listItem(n) {
    const button = el("button", "cg-list-item", n.name);
    button.type = "button";
    button.dataset.node = n.id;
    const what = n.type === "claim" ? n.info.kind + (n.info.date_text ? ", " + n.info.date_text : "") : n.type;
    append(button, el("span", "cg-type", " " + what + (state.context.has(n.id) ? ", context" : "")));
    if (n.id === state.current) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => {
      if (document.body.classList.contains("cg-drawer-open")) app.toggleDrawer(false);
      app.select(n.id, { focus: true });
    });
    return append(el("li"), button);
  }

  function renderList() {
    const q = CG.search.fold($("cg-list-filter").value).trim();
    const shown = listOrder.filter((n) => !state.hidden.has(n.id) && (!q || listText.get(n.id).includes(q)));
    const ul = $("cg-list-items");
    ul.replaceChildren(...shown.slice(0, LIST_LIMIT).map(listItem));
    if (shown.length > LIST_LIMIT) append(ul, el("li", "cg-none", (shown.length - LIST_LIMIT) + " more: narrow the filter"));
    if (!shown.length) append(ul, el("li", "cg-none", "Nothing shown matches"));
    $("cg-list-count").textContent = "(" + shown.length + ")";
  }

  function markListed(id) {
    $("cg-list-items").querySelectorAll("button[aria-current]").forEach((b) => b.removeAttribute("aria-current"));
    const button = id && $("cg-list-items").querySelector('button[data-node="' + CSS.escape(id) + '"]');
    if (button) button.setAttribute("aria-current", "true");
  }

  const listedNodes = () => [...$("cg-list-items").querySelectorAll("button")].map((b) => b.dataset.node);
  $("cg-list-filter").addEventListener("input", renderList);

  return { renderList: renderList, markListed: markListed, listedNodes: listedNodes };
};
