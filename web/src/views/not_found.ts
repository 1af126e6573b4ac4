// The page for an unknown address.
import { h, replace } from '../dom';
import { t } from '../i18n';

export function notFoundView(root: HTMLElement): void {
  replace(
    root,
    h(
      'div',
      { class: 'card empty' },
      h('h1', { id: 'page-title', tabindex: -1 }, t('notFound.title')),
      h('p', null, t('notFound.text')),
      h('a', { class: 'button', href: '#/' }, t('notFound.home')),
    ),
  );
}
