// What the administration and the report pages share: the navigation
// between a part's sections above each page's heading, the heading itself
// (`#page-title`) with its lead, and the index of the sections as cards.
import { h } from '../dom';
import type { Children } from '../dom';
import { href } from '../router';

/** One link of a section navigation. `current`: 'page', 'true' (a page inside it) or none. */
export interface SectionLink {
  path: string;
  label: string;
  current?: 'page' | 'true';
}

/** The navigation between a part's sections, named `label` for screen readers. */
export function sectionNav(label: string, links: SectionLink[]): HTMLElement {
  return h(
    'nav',
    { class: 'section-nav', 'aria-label': label },
    h(
      'ul',
      null,
      links.map((link) =>
        h('li', null, h('a', { href: href(link.path), 'aria-current': link.current }, link.label)),
      ),
    ),
  );
}

/** The page's heading (`#page-title`), its lead when there is one, and an action beside them. */
export function pageHeading(spec: {
  title: string;
  lead?: Children;
  action?: Children;
}): HTMLElement {
  return h(
    'div',
    { class: 'page-header' },
    h(
      'div',
      null,
      h('h1', { id: 'page-title', tabindex: -1 }, spec.title),
      spec.lead ? h('p', { class: 'lead' }, spec.lead) : null,
    ),
    spec.action ?? null,
  );
}

/** The index of a part's sections: a card for each, its title linked, with a line on it. */
export function sectionCards(
  cards: { path: string; title: string; text: string }[],
): HTMLUListElement {
  return h(
    'ul',
    { class: 'section-cards' },
    cards.map((card) =>
      h(
        'li',
        { class: 'card section-card' },
        h('h2', null, h('a', { href: href(card.path) }, card.title)),
        h('p', null, card.text),
      ),
    ),
  );
}
