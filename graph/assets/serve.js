/* claimgraph serve: reload the page after each rebuild of the data, keeping the view.
 *
 * Only pages served by `claimgraph serve` carry this script. It asks the server, in a long poll, whether a
 * build newer than this page's (window.claimgraphBuild) exists, and if so reloads. Before reloading (and
 * whenever the page is left) it saves the explorer's view in sessionStorage: the selected node, the filters,
 * the search text and the zoom; the explorer restores it on its first draw (window.claimgraphPendingView).
 * A page listing problems saves nothing, so fixing the data brings back the view from before they appeared.
 */
(function () {
  "use strict";
  const KEY = "claimgraph-serve-view:" + location.pathname;
  const build = window.claimgraphBuild;

  try {
    const saved = sessionStorage.getItem(KEY);
    if (saved) window.claimgraphPendingView = JSON.parse(saved);
  } catch {
    /* storage can be disabled: the page still reloads, with the default view */
  }

  function save() {
    const api = window.claimgraph;
    if (!api || !api.ready || typeof api.viewState !== "function") return;
    try { sessionStorage.setItem(KEY, JSON.stringify(api.viewState())); } catch { /* see above */ }
  }

  window.addEventListener("pagehide", save);

  async function watch() {
    for (;;) {
      try {
        const response = await fetch("/__claimgraph/build?after=" + build, { cache: "no-store" });
        const answer = await response.json();
        if (answer.build !== build) {
          save();
          location.reload();
          return;
        }
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1000));  // the server is restarting or stopped
      }
    }
  }
  watch();
})();
