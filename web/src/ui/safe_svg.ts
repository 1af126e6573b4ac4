// SVG from the server, made safe to put into the page. The text is parsed
// as image/svg+xml (never as HTML), and everything that could run code,
// load something or style the page is dropped before it is imported:
// scripts, foreign objects, styles, animations that could rewrite links,
// event-handler and style attributes, and links that leave the document.

const kSvg = 'http://www.w3.org/2000/svg';

/** Elements dropped with their content. */
const kDropped = new Set([
  'script',
  'foreignobject',
  'style',
  'iframe',
  'image',
  'animate',
  'animatemotion',
  'animatetransform',
  'set',
  'discard',
  'handler',
  'listener',
]);

/**
 * The `<svg>` of `text`, sanitised and imported into this document; null
 * when the text is not an SVG document.
 */
export function safeSvg(text: string): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (parsed.getElementsByTagName('parsererror').length) return null;
  if (root.namespaceURI !== kSvg || root.localName !== 'svg') return null;
  for (const el of [...root.querySelectorAll('*')]) {
    if (!el.isConnected) continue; // inside an element dropped already
    if (el.namespaceURI !== kSvg || kDropped.has(el.localName.toLowerCase())) {
      el.remove();
    } else if (el.localName === 'a') {
      el.replaceWith(...el.childNodes); // keep what a link wraps, not the link
    }
  }
  for (const el of [root, ...root.querySelectorAll('*')]) cleanAttributes(el);
  const svg = document.importNode(root, true);
  return svg instanceof SVGSVGElement ? svg : null;
}

function cleanAttributes(el: Element): void {
  for (const attr of [...el.attributes]) {
    const name = attr.localName.toLowerCase();
    const external = name === 'href' && !attr.value.trim().startsWith('#');
    if (name.startsWith('on') || name === 'style' || external) {
      el.removeAttributeNode(attr);
    }
  }
}
