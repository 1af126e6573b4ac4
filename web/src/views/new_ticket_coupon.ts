// The last part of a customer's new-ticket form: a special-request coupon
// (DOMAIN.md §2). What a coupon gives is said in the words of the special
// level's targets and calendar (GET /api/v1/levels), never a fixed "one
// hour"; the customer's own unused coupons (GET /api/v1/me/coupons) are
// offered with a button each. The code goes out as the ticket's `coupon`,
// and a coupon the server refuses (unknown, used, expired, not theirs) is
// explained under this field, as the server words it.
import { h, announce } from '../dom';
import { api } from '../api';
import { formatDate } from '../format';
import { t } from '../i18n';
import { levels } from '../directory';
import { field } from '../ui/form';
import { kSpecialLevel, specialPromise } from '../levels';
import type { Coupon } from '../api/types';

/** A coupon that may still be used now. */
export function usable(coupon: Coupon, now = Date.now()): boolean {
  return !coupon.used_at && new Date(coupon.expires_at).getTime() > now;
}

/** The coupon fieldset; the promise and the offers fill in as they arrive. */
export function couponFieldset(): HTMLFieldSetElement {
  const input = h('input', {
    type: 'text',
    name: 'coupon',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 100,
  });
  const promise = h('span', { class: 'coupon-promise' });
  const offers = h('div', { class: 'coupon-offers', hidden: true });
  const fieldset = h(
    'fieldset',
    { class: 'guided special-request' },
    h('legend', null, t('coupon.legend')),
    field({
      label: t('coupon.label'),
      control: input,
      hint: h('span', null, promise, ' ', t('coupon.hint')),
      optional: true,
    }),
    offers,
  );
  void fillPromise(promise);
  void fillOffers(offers, input);
  return fieldset;
}

async function fillPromise(slot: HTMLElement): Promise<void> {
  try {
    const special = (await levels()).find((level) => level.id === kSpecialLevel);
    if (special) slot.textContent = specialPromise(special);
  } catch {
    // The field works without the explanation.
  }
}

async function fillOffers(slot: HTMLElement, input: HTMLInputElement): Promise<void> {
  let mine: Coupon[];
  try {
    mine = (await api.myCoupons()).filter((coupon) => usable(coupon));
  } catch {
    return; // the code can still be typed
  }
  if (!mine.length) return;
  slot.hidden = false;
  slot.append(
    h('p', { class: 'coupon-offers-title' }, t('coupon.yours', { count: mine.length })),
    h(
      'ul',
      { class: 'coupon-list' },
      mine.map((coupon) => {
        const until = formatDate(coupon.expires_at, 'date');
        const use = h(
          'button',
          { type: 'button', class: 'button small' },
          t('coupon.use', { code: coupon.code }),
        );
        use.addEventListener('click', () => {
          input.value = coupon.code;
          // Like typing: the form's submission starts anew with this code.
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.focus();
          announce(t('coupon.chosen', { code: coupon.code }));
        });
        return h(
          'li',
          null,
          use,
          h('span', { class: 'field-hint' }, t('coupon.validUntil', { date: until })),
        );
      }),
    ),
  );
}
