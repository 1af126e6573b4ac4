// What the licence, partner and coupon pages share: choosing a holder (a
// customer by e-mail or a company by name, as the API takes them), a
// holder in a table cell, a state as a badge of words, and the search
// filter (`q` and `state`) kept in the page's address.
import { h, uid } from '../dom';
import type { Children } from '../dom';
import { ApiError } from '../api';
import { formatDate } from '../format';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { href } from '../router';
import { field, valueOf } from '../ui/form';
import type { Company } from './people_api';
import { companySelect } from './people_fields';
import type { Holder } from './support_api';

/** Whose a new licence, partner status or coupon is, as the API's body names it. */
export type HolderChoice = { user: string } | { company: string };

export interface HolderFields {
  element: HTMLElement;
  /** The holder chosen; throws a problem naming the empty field. */
  read: () => HolderChoice;
  reset: () => void;
}

/**
 * "A customer" (their e-mail, field `user`) or "A company" (a select of the
 * companies, field `company`); only the chosen one shows.
 */
export function holderFields(all: Company[]): HolderFields {
  const name = uid('holder-kind');
  const radio = (value: 'user' | 'company', label: string): HTMLElement => {
    const id = uid('holder');
    return h(
      'div',
      { class: 'checkbox-field' },
      h('input', { type: 'radio', name, value, id, checked: value === 'user' }),
      h('label', { for: id }, label),
    );
  };
  const user = field({
    label: t('holder.email'),
    hint: t('holder.emailHint'),
    control: h('input', { type: 'email', name: 'user', autocomplete: 'off', maxlength: 254 }),
  });
  const company = field({
    label: t('holder.company'),
    control: companySelect('company', all, {
      by: 'name',
      value: '',
      none: t('holder.chooseCompany'),
    }),
  });
  const kinds = h(
    'fieldset',
    { class: 'holder-kind' },
    h('legend', null, t('holder.whose')),
    radio('user', t('holder.customer')),
    radio('company', t('holder.aCompany')),
  );
  const element = h('div', { class: 'holder-fields' }, kinds, user, company);
  const kind = (): 'user' | 'company' =>
    kinds.querySelector<HTMLInputElement>('input:checked')?.value === 'company'
      ? 'company'
      : 'user';
  const show = (): void => {
    user.hidden = kind() !== 'user';
    company.hidden = kind() !== 'company';
  };
  kinds.addEventListener('change', show);
  show();
  const read = (): HolderChoice => {
    const form = element.closest('form');
    if (!form) throw new Error('the holder fields are outside a form');
    if (kind() === 'company') {
      const chosen = valueOf(form, 'company');
      if (!chosen)
        throw new ApiError(422, { detail: t('holder.companyMissing'), field: 'company' });
      return { company: chosen };
    }
    const email = valueOf(form, 'user').trim();
    if (!email) throw new ApiError(422, { detail: t('holder.emailMissing'), field: 'user' });
    return { user: email };
  };
  const reset = (): void => {
    const first = kinds.querySelector<HTMLInputElement>('input[value="user"]');
    if (first) first.checked = true;
    show();
  };
  return { element, read, reset };
}

/** The holder chosen in words: the customer's e-mail or the company's name. */
export function holderWords(choice: HolderChoice): string {
  return 'user' in choice ? choice.user : choice.company;
}

/** The holder's name and e-mail (a user, linked to their page) or the company's name. */
export function holderCell(holder: Holder): Children {
  if (holder.kind === 'company') {
    return [
      h('span', { class: 'holder-name' }, holder.name),
      h('span', { class: 'tag holder-kind-tag' }, t('holder.companyTag')),
    ];
  }
  return [
    h('a', { href: href(`/admin/users/${holder.id}`) }, holder.name || holder.email || ''),
    holder.email ? h('span', { class: 'people-email cell-note' }, holder.email) : null,
  ];
}

/** "Revoked on 7 Dec 2026: reason" under the badge of a revoked licence or coupon. */
export function revokedNote(item: {
  revoked_at: string | null;
  revoke_reason: string;
}): Node | null {
  if (!item.revoked_at) return null;
  return h(
    'span',
    { class: 'revoked-note' },
    t('support.revokedOn', {
      date: formatDate(item.revoked_at, 'date'),
      reason: item.revoke_reason,
    }),
  );
}

/** A state as a badge of words; its colour only helps the eye. */
export function stateBadge(state: string, keys: Record<string, PlainKey>): HTMLElement {
  const key = keys[state];
  return h('span', { class: `badge support-${state}` }, key ? t(key) : state);
}

/** What the search of a licence or coupon list holds: the text and a state ("" for all). */
export interface SearchFilter {
  q: string;
  state: string;
}

export function searchFrom(query: URLSearchParams, states: readonly string[]): SearchFilter {
  const state = query.get('state') ?? '';
  return { q: query.get('q') ?? '', state: states.includes(state) ? state : '' };
}

/** The page's address for `filter` (empty members left out). */
function searchAddress(path: string, filter: SearchFilter): string {
  const query = Object.entries(filter).filter(([, value]) => value !== '');
  return href(path, Object.fromEntries(query));
}

/**
 * The search form of the list at `path`: the text (`q`) and the state, a
 * select whose first option (`allStates`) is every state. Submitting, or
 * choosing a state, reads the form into `filter`, puts it in the page's
 * address and calls `onApply`.
 */
export function searchForm(spec: {
  filter: SearchFilter;
  path: string;
  title: string;
  qLabel: string;
  qHint: string;
  allStates: string;
  states: { value: string; label: string }[];
  onApply: () => void;
}): HTMLFormElement {
  const q = h('input', {
    type: 'search',
    name: 'q',
    value: spec.filter.q,
    autocomplete: 'off',
    maxlength: 200,
  });
  const state = h(
    'select',
    { name: 'state' },
    [{ value: '', label: spec.allStates }, ...spec.states].map((s) =>
      h('option', { value: s.value, selected: s.value === spec.filter.state }, s.label),
    ),
  );
  const titleId = uid('search');
  const form = h(
    'form',
    { class: 'people-filter', role: 'search', 'aria-labelledby': titleId, novalidate: true },
    h('h2', { id: titleId, class: 'visually-hidden' }, spec.title),
    field({ label: spec.qLabel, control: q, hint: spec.qHint }),
    field({ label: t('support.state'), control: state }),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button' }, t('users.filter.search')),
    ),
  );
  const apply = (): void => {
    Object.assign(spec.filter, { q: q.value.trim(), state: state.value });
    history.replaceState(null, '', searchAddress(spec.path, spec.filter));
    spec.onApply();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  state.addEventListener('change', apply);
  return form;
}

/**
 * Links to the licences and coupons of a customer or company, found by
 * `q` (their e-mail or the company's name); `name` words them.
 */
export function supportLinks(q: string, name: string): HTMLElement {
  return h(
    'ul',
    { class: 'support-links' },
    h(
      'li',
      null,
      h('a', { href: href('/admin/licences', { q }) }, t('support.licencesOf', { name })),
    ),
    h(
      'li',
      null,
      h('a', { href: href('/admin/coupons', { q }) }, t('support.couponsOf', { name })),
    ),
  );
}
