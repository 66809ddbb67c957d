/* dom.js: small DOM helpers that put text only into the page (textContent, never markup), and safe links. */
CG.dom = (function () {
  "use strict";

  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function append(parent, ...children) {
    children.forEach((c) => parent.append(typeof c === "string" ? document.createTextNode(c) : c));
    return parent;
  }

  // The address itself for http(s) addresses, else null: no javascript:, data: or relative links.
  function safeHttpUrl(value) {
    if (typeof value !== "string" || !/^https?:\/\//i.test(value)) return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  function externalLink(url, text) {
    const href = safeHttpUrl(url);
    if (!href) return el("span", null, text);
    const a = el("a", "cg-external", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  return { $: $, el: el, append: append, safeHttpUrl: safeHttpUrl, externalLink: externalLink };
})();
