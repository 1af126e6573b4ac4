// The page for an unknown address.
import { h, replace } from '../dom';

export function notFoundView(root: HTMLElement): void {
  replace(
    root,
    h(
      'div',
      { class: 'card empty' },
      h('h1', { id: 'page-title', tabindex: -1 }, 'Page not found'),
      h('p', null, 'There is nothing at this address.'),
      h('a', { class: 'button', href: '#/' }, 'Go to the start page'),
    ),
  );
}
