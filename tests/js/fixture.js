// A small hand-built page data object, shaped like graph/render.py's page_data: three claims, two sides.
//
//   red-spox (red, member of red-gov) made c-accuse: an accusation of blue-gov, about the town, 2017-10-06
//   blue-gov (blue) made c-deny: denies c-accuse, dated only "2017"; and c-undated: a statement with no date
//   paper (no side) reports c-accuse
"use strict";

const node = (id, type, name, side, info) => ({ id, type, name, label: name, side, x: 0, y: 0, colour: "#888888",
                                                info: Object.assign({ id }, info) });

function pageData() {
  const nodes = [
    node("red-gov", "actor", "Red government", "red", { aliases: [] }),
    node("blue-gov", "actor", "Blue government", "blue", { aliases: [] }),
    node("red-spox", "actor", "Red spokesperson", "red", { aliases: ["Ivanov"] }),
    node("paper", "source", "The Paper", null, { title: "The Paper" }),
    node("town", "place", "The Town", null, { aliases: ["Tánf"] }),
    node("c-accuse", "claim", "Red accuses Blue", "red",
         { kind: "accusation", date_from: "2017-10-06", date_to: "2017-10-06", text: "Ivanov said Blue shelled the town." }),
    node("c-deny", "claim", "Blue denies", "blue",
         { kind: "denial", date_from: "2017-01-01", date_to: "2017-12-31", text: "Blue denied shelling anything." }),
    node("c-undated", "claim", "Town shelled", "blue", { kind: "statement", text: "Someone shelled the town." }),
  ];
  const at = Object.fromEntries(nodes.map((n, i) => [n.id, i]));
  const edge = (from, to, relation) => [at[from], at[to], relation];
  const relation = (id, response, stance) => ({ id, colour: "#555555", dashes: false, width: 1, text: id, meaning: "",
                                               response, stance });
  return {
    title: "fixture", embedded: true, timeline: null,
    sides: [{ id: "red", name: "Red", colour: "#0072B2" }, { id: "blue", name: "Blue", colour: "#E69F00" }],
    relations: [relation("made", false, false), relation("accuses", false, false), relation("concerns", false, false),
                relation("denies", true, false), relation("reports", false, false), relation("member_of", false, false)],
    nodeTypes: ["actor", "claim", "proposition", "evidence", "source", "place"],
    nodes: nodes,
    edges: [edge("red-spox", "red-gov", "member_of"), edge("red-spox", "c-accuse", "made"),
            edge("c-accuse", "blue-gov", "accuses"), edge("c-accuse", "town", "concerns"),
            edge("blue-gov", "c-deny", "made"), edge("c-deny", "c-accuse", "denies"),
            edge("paper", "c-accuse", "reports"), edge("blue-gov", "c-undated", "made")],
    filters: {
      selects: {
        actor: { "red-gov": [], "blue-gov": [at["c-deny"], at["c-undated"]], "red-spox": [at["c-accuse"]] },
        members: { "red-gov": [at["c-accuse"]], "blue-gov": [at["c-deny"], at["c-undated"]], "red-spox": [at["c-accuse"]] },
        side: { red: [at["c-accuse"]], blue: [at["c-deny"], at["c-undated"]] },
        kind: { accusation: [at["c-accuse"]], denial: [at["c-deny"]], statement: [at["c-undated"]] },
        place: { town: [at["c-accuse"]] },
      },
      context: ["denies", "accuses"],
    },
  };
}

// The filter state with everything shown; `changes` overrides parts of it.
function filterState(data, changes = {}) {
  const on = (values) => ({ all: values.length, on: new Set(values) });
  return Object.assign({
    sides: on(["red", "blue", ""]), kinds: on(["accusation", "denial", "statement"]),
    relations: on(data.relations.map((r) => r.id)), actor: "", place: "", from: "", to: "", undated: true, members: false,
  }, changes);
}

module.exports = { pageData, filterState };
