// Small DOM helpers. Every text goes through textContent, never innerHTML,
// so data from the server can never inject markup.

/**
 * @typedef {string | number | Node | null | undefined | false} Child
 * @typedef {Child | Children[]} Children
 * @typedef {Record<string, unknown>} Attrs
 */

/**
 * Creates an element. `attrs` keys: `class`, `for`, `dataset` (object),
 * `on<event>` (listener), booleans (set when true), anything else as an
 * attribute. Children may be nested arrays; null/false/undefined are skipped.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...Children} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    setAttr(el, key, value);
  }
  append(el, children);
  return el;
}

/**
 * @param {HTMLElement} el
 * @param {string} key
 * @param {unknown} value
 */
function setAttr(el, key, value) {
  if (value === undefined || value === null || value === false) return;
  if (key === 'class') {
    el.className = String(value);
  } else if (key === 'for') {
    el.setAttribute('for', String(value));
  } else if (key === 'dataset') {
    Object.assign(el.dataset, value);
  } else if (key.startsWith('on') && typeof value === 'function') {
    el.addEventListener(key.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
  } else if (key === 'value' && 'value' in el) {
    /** @type {HTMLInputElement} */ (el).value = String(value);
  } else if (value === true) {
    el.setAttribute(key, '');
  } else {
    el.setAttribute(key, String(value));
  }
}

/**
 * @param {ParentNode} parent
 * @param {Children[]} children
 */
export function append(parent, children) {
  const flat = /** @type {Child[]} */ (/** @type {unknown[]} */ (children).flat(Infinity));
  for (const child of flat) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces the content of `parent` with `children`.
 * @param {ParentNode} parent
 * @param {...Children} children
 */
export function replace(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

let idCounter = 0;

/**
 * A document-unique id for pairing labels, hints and errors.
 * @param {string} prefix
 */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * Announces `text` to screen readers through the polite live region.
 * @param {string} text
 */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes repeated messages audible.
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}
