// Small DOM helpers. Every text goes through textContent, never innerHTML,
// so data from the server can never inject markup.

export type Child = string | number | Node | null | undefined | false;
/** Children may nest in arrays to any depth. */
export type Children = Child | readonly Children[];
/** See h(): values are strings, numbers, booleans, listeners or a dataset object. */
export type Attrs = Record<string, unknown>;

/**
 * Creates an element. `attrs` keys: `class`, `for`, `dataset` (object),
 * `on<event>` (listener), booleans (set when true), anything else as an
 * attribute. Children may be nested arrays; null/false/undefined are skipped.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Children[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    setAttr(el, key, value);
  }
  append(el, children);
  return el;
}

function setAttr(el: HTMLElement, key: string, value: unknown): void {
  if (value === undefined || value === null || value === false) return;
  if (key === 'class') {
    el.className = String(value);
  } else if (key === 'for') {
    el.setAttribute('for', String(value));
  } else if (key === 'dataset') {
    Object.assign(el.dataset, value);
  } else if (key.startsWith('on') && typeof value === 'function') {
    el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
  } else if (key === 'value' && 'value' in el) {
    (el as HTMLInputElement).value = String(value);
  } else if (value === true) {
    el.setAttribute(key, '');
  } else {
    el.setAttribute(key, String(value));
  }
}

export function append(parent: ParentNode, children: readonly Children[]): void {
  // Flattened as unknown[]: the compiler cannot follow flat() down a recursive type.
  for (const child of (children as unknown[]).flat(Infinity) as Child[]) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of `parent` with `children`. */
export function replace(parent: ParentNode, ...children: Children[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** An element of the page frame in index.html, which always has it. */
export function frameElement(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el;
}

let idCounter = 0;

/** A document-unique id for pairing labels, hints and errors. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Announces `text` to screen readers through the polite live region. */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes repeated messages audible.
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}
