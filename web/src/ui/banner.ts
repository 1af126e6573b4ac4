// The page-wide message area under the header: errors that belong to no
// field, and notices such as "the ticket changed, reloaded".
import { h, replace } from '../dom';
import { t } from '../i18n';

/**
 * Shows `text` in the banner. `keep`: survive the next page change (for
 * messages shown just before a redirect).
 */
export function showBanner(
  text: string,
  kind: 'error' | 'info' | 'success' = 'error',
  options: { keep?: boolean } = {},
): void {
  const region = document.getElementById('banner');
  if (!region) return;
  const dismiss = h(
    'button',
    {
      type: 'button',
      class: 'banner-close',
      'aria-label': t('common.dismiss'),
      onclick: () => clearBanner(),
    },
    '×',
  );
  replace(region, h('div', { class: `banner banner-${kind}` }, h('p', null, text), dismiss));
  if (options.keep) region.dataset.keep = 'true';
  else delete region.dataset.keep;
}

/**
 * Removes the message. On a page change (`navigation`) a message shown with
 * `keep` stays once.
 */
export function clearBanner(options: { navigation?: boolean } = {}): void {
  const region = document.getElementById('banner');
  if (!region) return;
  if (options.navigation && region.dataset.keep) {
    delete region.dataset.keep;
    return;
  }
  region.replaceChildren();
}
