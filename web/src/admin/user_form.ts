// A user's details on their page: name, e-mail, role, company, language
// and time zone, saved with one PATCH /api/v1/admin/users/{id} that holds
// only the members changed (a company chosen away is sent as null). A
// refusal shows under the field it names, in the server's words: an e-mail
// in use, an unknown zone, or the last administrator losing the role (409).
import { h, uid } from '../dom';
import { t } from '../i18n';
import { field, formErrorSlot, onSubmit, setBusy, valueOf } from '../ui/form';
import { updateUser } from './people_api';
import type { AdminUser, Company, UserPatch } from './people_api';
import {
  companySelect,
  isRole,
  languageOf,
  languageSelect,
  roleSelect,
  timeZoneInput,
} from './people_fields';

/** The members of the form that differ from `saved`. */
function changes(form: HTMLFormElement, saved: AdminUser): UserPatch {
  const patch: UserPatch = {};
  const name = valueOf(form, 'name').trim();
  const email = valueOf(form, 'email').trim();
  const role = valueOf(form, 'role');
  const company = valueOf(form, 'company');
  const select = form.elements.namedItem('language');
  const language = select instanceof HTMLSelectElement ? languageOf(select) : saved.language;
  const zone = valueOf(form, 'time_zone').trim();
  if (name !== saved.name) patch.name = name;
  if (email !== saved.email) patch.email = email;
  if (isRole(role) && role !== saved.role) patch.role = role;
  if (company !== saved.company) patch.company = company || null;
  if (language !== saved.language) patch.language = language;
  if (zone !== saved.time_zone) patch.time_zone = zone;
  return patch;
}

/** The details card of `initial`; `onSaved` gets the user as the server answered. */
export function profileCard(
  initial: AdminUser,
  all: Company[],
  onSaved: (user: AdminUser) => void,
): HTMLElement {
  let saved = initial;
  const company = companySelect('company', all, {
    by: 'name',
    value: saved.company,
    none: t('common.none'),
  });
  if (saved.company && company.value !== saved.company) {
    company.append(h('option', { value: saved.company, selected: true }, saved.company));
  }
  const [zone, zones] = timeZoneInput('time_zone', saved.time_zone);
  const status = h('p', { class: 'form-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('account.save'));
  const form = h(
    'form',
    { class: 'stack people-form', novalidate: true },
    field({
      label: t('people.name'),
      control: h('input', { type: 'text', name: 'name', value: saved.name, maxlength: 200 }),
    }),
    field({
      label: t('people.email'),
      control: h('input', { type: 'email', name: 'email', value: saved.email, maxlength: 254 }),
    }),
    field({ label: t('people.role'), control: roleSelect('role', saved.role) }),
    field({ label: t('people.company'), control: company }),
    field({ label: t('people.language'), control: languageSelect('language', saved.language) }),
    field({
      label: t('people.timeZone'),
      control: zone,
      optional: true,
      hint: t('people.timeZoneHint'),
    }),
    zones,
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit, status),
  );
  form.addEventListener('input', () => {
    status.textContent = '';
  });
  onSubmit(
    form,
    submit,
    t('common.saving'),
    async () => {
      status.textContent = '';
      const patch = changes(form, saved);
      if (Object.keys(patch).length) {
        saved = await updateUser(saved.id, patch);
        onSaved(saved);
      }
      setBusy(submit, false);
      status.textContent = Object.keys(patch).length ? t('account.saved') : t('account.unchanged');
    },
    [
      ['name', t('account.nameMissing')],
      ['email', t('account.emailMissing')],
    ],
  );
  const titleId = uid('details');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, t('account.details')),
    form,
  );
}
