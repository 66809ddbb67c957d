/* search.js: finding nodes by name or text, PURE: fold, the index, rank and the ranked search. */
CG.search = (function () {
  "use strict";

  // Case and accents do not matter: "Al-Tanf" finds "al-tánf".
  const fold = (text) => String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  function buildIndex(nodes) {
    return nodes.map((n) => ({
      node: n,
      id: fold(n.id),
      name: fold(n.name),
      names: fold([n.id, n.name, n.label, n.info.name, n.info.title].concat(n.info.aliases || []).join("\n")),
      text: fold([n.info.text, n.info.quote, n.info.description, (n.info.tags || []).join(" ")].join("\n")),
    }));
  }

  // 0 exact id or name, 1 a name starting with a word, 2 any name or alias, 3 the text; -1 no match.
  function rank(entry, q) {
    if (entry.id === q || entry.name === q) return 0;
    if (entry.name.startsWith(q) || entry.name.includes(" " + q)) return 1;
    if (entry.names.includes(q)) return 2;
    return entry.text.includes(q) ? 3 : -1;
  }

  // Matching nodes, best rank first, then by node type (typeOrder: type -> position), then by name.
  function search(index, text, typeOrder) {
    const q = fold(text).trim();
    if (!q) return [];
    return index
      .map((entry) => ({ entry: entry, score: rank(entry, q) }))
      .filter((r) => r.score >= 0)
      .sort((a, b) => a.score - b.score || typeOrder[a.entry.node.type] - typeOrder[b.entry.node.type] ||
                      a.entry.node.name.localeCompare(b.entry.node.name))
      .map((r) => r.entry.node);
  }

  return { fold: fold, buildIndex: buildIndex, rank: rank, search: search };
})();
