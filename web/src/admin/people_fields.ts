// What the people pages share: the roles in order, the selects of role,
// company and language, the time-zone field, a user's status in words, and
// the box that shows a link or token once with a Copy button.
import { h, uid, announce } from '../dom';
import { roleLabel } from '../format';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import type { Role } from '../api/types';
import type { AdminUser, Company } from './people_api';

// Typed by the document's enum, so a role added there fails to compile here.
const kRoleOrder = {
  customer: 0,
  l1_operator: 1,
  incident_manager: 2,
  tester: 3,
  it_operator: 4,
  developer: 5,
  rfc_board: 6,
  integrator: 7,
  administrator: 8,
} satisfies Record<Role, number>;

/** Every role, customers first, in the order selects list them. */
export const kRoles = Object.keys(kRoleOrder) as Role[];
/** The roles of staff (everyone but customers): who may be in a group. */
export const kStaffRoles = kRoles.filter((role) => role !== 'customer');

export function isRole(value: string): value is Role {
  return Object.hasOwn(kRoleOrder, value);
}

/** A select of the roles; `any` adds a first option for every role (value ""). */
export function roleSelect(name: string, value: string, any?: string): HTMLSelectElement {
  return h(
    'select',
    { name },
    any ? h('option', { value: '' }, any) : null,
    kRoles.map((role) => h('option', { value: role, selected: role === value }, roleLabel(role))),
  );
}

/**
 * A select of the companies. `by` says what the options carry: the name
 * (what invitations and changes send) or the id (the list's filter).
 * `none` is the first option's text (value "").
 */
export function companySelect(
  name: string,
  all: Company[],
  spec: { by: 'name' | 'id'; value: string; none: string },
): HTMLSelectElement {
  return h(
    'select',
    { name },
    h('option', { value: '' }, spec.none),
    all.map((company) => {
      const value = spec.by === 'id' ? String(company.id) : company.name;
      return h('option', { value, selected: value === spec.value }, company.name);
    }),
  );
}

export type StoredLanguage = AdminUser['language'];

/** The languages a profile may store, each named in itself; "" is the help desk's default. */
const kLanguages: { value: StoredLanguage; label: string }[] = [
  { value: 'ru', label: 'Русский' },
  { value: 'en', label: 'English' },
];

export function languageSelect(name: string, value: string): HTMLSelectElement {
  return h(
    'select',
    { name },
    h('option', { value: '' }, t('people.languageDefault')),
    kLanguages.map((l) =>
      h('option', { value: l.value, lang: l.value, selected: l.value === value }, l.label),
    ),
  );
}

/** The stored language a select shows ("" for the default). */
export function languageOf(select: HTMLSelectElement): StoredLanguage {
  return kLanguages.find((l) => l.value === select.value)?.value ?? '';
}

/** Every zone the browser knows, or a short list where it cannot say. */
function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? ['Europe/Moscow', 'UTC'];
  } catch {
    return ['Europe/Moscow', 'UTC'];
  }
}

/**
 * A text field for an IANA time zone with the browser's zones to pick from
 * (its datalist is returned beside it; "" is the help desk's default).
 */
export function timeZoneInput(name: string, value: string): [HTMLInputElement, HTMLElement] {
  const list = uid('zones');
  const input = h('input', {
    type: 'text',
    name,
    list,
    value,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  return [
    input,
    h(
      'datalist',
      { id: list },
      timeZones().map((zone) => h('option', { value: zone })),
    ),
  ];
}

type UserState = 'active' | 'disabled' | 'invited';

const kStateKeys: Record<UserState, PlainKey> = {
  active: 'people.status.active',
  disabled: 'people.status.disabled',
  invited: 'people.status.invited',
};

/** Disabled, or invited and without a password yet, or active. */
export function userState(user: AdminUser): UserState {
  if (user.disabled) return 'disabled';
  return user.has_password ? 'active' : 'invited';
}

/** The user's status as a badge of words (its colour only helps the eye). */
export function stateBadge(user: AdminUser): HTMLSpanElement {
  const state = userState(user);
  return h('span', { class: `badge user-${state}` }, t(kStateKeys[state]));
}

/**
 * A value shown once to be passed on (a password link, a token): a
 * read-only field labelled `label` and a Copy button, which says whether it
 * copied. The field is selected on focus, so Ctrl+C works where the
 * clipboard is out of reach.
 */
export function copyBox(label: string, value: string): HTMLElement {
  const id = uid('copy');
  const input = h('input', {
    type: 'text',
    id,
    value,
    readonly: true,
    spellcheck: 'false',
    class: 'copy-value',
  });
  input.addEventListener('focus', () => input.select());
  const said = h('span', { class: 'form-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'button small' }, t('people.copy'));
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value);
      said.textContent = t('people.copied');
    } catch {
      input.focus();
      said.textContent = t('people.copyByHand');
    }
  });
  return h(
    'div',
    { class: 'field copy-box' },
    h('label', { for: id }, label),
    h('div', { class: 'copy-row' }, input, button),
    said,
  );
}

/** The parts of adminHeader with `action` (a button or link) beside the page's heading. */
export function withAction(header: HTMLElement[], action: HTMLElement): HTMLElement[] {
  header[header.length - 1]?.append(action);
  return header;
}

/**
 * Shows `content` in `slot` (the result of an action) and moves focus to
 * its heading (tabindex -1), which screen readers then read; without one,
 * `words` are announced instead.
 */
export function showResult(slot: HTMLElement, content: HTMLElement, words: string): void {
  slot.replaceChildren(content);
  const heading = content.querySelector<HTMLElement>('[tabindex="-1"]');
  if (heading) heading.focus();
  else announce(words);
}

/** "Anna Petrova (L1 operator)", or "User 12" for an id the staff list lacks. */
export function personName(id: number, people: Map<number, AdminUser>): string {
  const person = people.get(id);
  if (!person) return t('common.userN', { id });
  const role = roleLabel(person.role);
  return person.disabled
    ? t('groups.personDisabled', { name: person.name, role })
    : t('groups.person', { name: person.name, role });
}
