// CAR-T Companion: the few DOM helpers every page (the on-call console, the patient app) uses. Values from the server are
// always set as text, never as HTML.
(function () {
  'use strict';

  function byId(id) { return document.getElementById(id); }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  window.CartPage = { byId: byId, el: el, clear: clear };
}());
