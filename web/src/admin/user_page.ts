// #/admin/users/{id}: one user. Their details (./user_form.ts); access:
// disable or enable them (PATCH {disabled}; their sessions and tokens stop
// at once) and send a password reset link, shown here too; and an API
// token for an integration, shown once with a warning. The last active
// administrator cannot be disabled: the server's 409 shows by the button.
import { h, replace, uid, announce } from '../dom';
import { ApiError } from '../api';
import { roleLabel } from '../format';
import { t } from '../i18n';
import { href } from '../router';
import type { Location } from '../router';
import {
  field,
  formErrorSlot,
  isBusy,
  onSubmit,
  setBusy,
  showError,
  clearErrors,
} from '../ui/form';
import { adminHeader } from './admin_frame';
import { companies, issueToken, resetPassword, updateUser, user } from './people_api';
import type { AdminUser } from './people_api';
import { copyBox, showResult, stateBadge, userState } from './people_fields';
import { profileCard } from './user_form';
import { supportLinks } from './support_fields';

export async function userView(root: HTMLElement, location: Location): Promise<void> {
  const id = Number(location.params.id);
  let person: AdminUser;
  try {
    if (!Number.isInteger(id) || id < 1) throw new ApiError(404, {});
    person = await user(id);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    replace(
      root,
      adminHeader({ section: 'users', title: t('account.title'), deeper: true }),
      h(
        'div',
        { class: 'card empty' },
        h('p', null, t('account.unknown', { id: location.params.id ?? '' })),
        h('a', { class: 'button', href: href('/admin/users') }, t('account.allUsers')),
      ),
    );
    return;
  }
  const all = await companies();
  const lead = h('span');
  const header = adminHeader({ section: 'users', title: person.name, lead, deeper: true });
  const heading = header[1]?.querySelector('h1') ?? null;
  const access = accessCard(person, (next) => show(next));
  const show = (next: AdminUser): void => {
    person = next;
    if (heading) heading.textContent = next.name || next.email;
    document.title = t('title.page', { title: next.name || next.email });
    replace(lead, next.email, ' · ', roleLabel(next.role), ' · ', stateBadge(next));
    access.update(next);
  };
  replace(
    root,
    header,
    h('p', null, h('a', { href: href('/admin/users') }, t('account.allUsers'))),
    h(
      'div',
      { class: 'people-columns' },
      profileCard(person, all, show),
      h(
        'div',
        null,
        access.element,
        tokenCard(person),
        person.role === 'customer' ? supportCard(person) : null,
      ),
    ),
  );
  show(person);
}

const kStateText = {
  active: 'account.state.active',
  disabled: 'account.state.disabled',
  invited: 'account.state.invited',
} as const;

/** Disable or enable, and the password reset link. */
function accessCard(
  initial: AdminUser,
  onChanged: (user: AdminUser) => void,
): { element: HTMLElement; update: (user: AdminUser) => void } {
  let person = initial;
  const state = h('p');
  const toggle = h('button', { type: 'button', class: 'button' });
  const toggleError = uid('disabled-error');
  toggle.setAttribute('aria-describedby', toggleError);
  const reset = h('button', { type: 'submit', class: 'button' }, t('account.reset'));
  const result = h('div', { class: 'account-result' });
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    state,
    h(
      'div',
      { class: 'field', dataset: { field: 'disabled' } },
      toggle,
      h('p', { class: 'field-error', id: toggleError, role: 'alert', hidden: true }),
    ),
    h('div', { class: 'form-actions' }, reset),
    formErrorSlot(),
  );
  const update = (next: AdminUser): void => {
    person = next;
    state.textContent = t(kStateText[userState(next)]);
    toggle.textContent = next.disabled ? t('account.enable') : t('account.disable');
  };
  toggle.addEventListener('click', async () => {
    if (isBusy(toggle)) return;
    clearErrors(form);
    const disabling = !person.disabled;
    setBusy(toggle, true, t('common.saving'));
    try {
      const next = await updateUser(person.id, { disabled: disabling });
      setBusy(toggle, false);
      onChanged(next);
      announce(disabling ? t('account.disabledNow') : t('account.enabledNow'));
    } catch (error) {
      setBusy(toggle, false);
      showError(form, error);
    }
  });
  onSubmit(form, reset, t('common.sending'), async () => {
    const sent = await resetPassword(person.id);
    setBusy(reset, false);
    const titleId = uid('reset');
    showResult(
      result,
      h(
        'section',
        { class: 'stack', 'aria-labelledby': titleId },
        h('h3', { id: titleId, tabindex: -1 }, t('account.resetSent', { email: sent.user.email })),
        h('p', null, t('account.resetText')),
        copyBox(t('account.resetLink'), `${window.location.origin}${sent.link}`),
      ),
      t('account.resetSent', { email: sent.user.email }),
    );
  });
  update(initial);
  const titleId = uid('access');
  return {
    element: h(
      'section',
      { class: 'card', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, t('account.access')),
      form,
      result,
    ),
    update,
  };
}

/** A customer's licences and special-request coupons, on their own pages. */
function supportCard(person: AdminUser): HTMLElement {
  const titleId = uid('support');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, t('support.title')),
    h('p', { class: 'field-hint' }, t('support.customerLead')),
    supportLinks(person.email, person.name || person.email),
  );
}

/** A bearer token for an integration acting as the user, shown once. */
function tokenCard(person: AdminUser): HTMLElement {
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'off', maxlength: 200 });
  const submit = h('button', { type: 'submit', class: 'button' }, t('account.issue'));
  const result = h('div', { class: 'account-result' });
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field({ label: t('account.tokenName'), control: name, hint: t('account.tokenNameHint') }),
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(
    form,
    submit,
    t('common.working'),
    async () => {
      replace(result);
      const label = name.value.trim();
      const token = await issueToken(person.id, label);
      setBusy(submit, false);
      name.value = '';
      const titleId = uid('token');
      showResult(
        result,
        h(
          'section',
          { class: 'stack', 'aria-labelledby': titleId },
          h('h3', { id: titleId, tabindex: -1 }, t('account.tokenIssued', { name: label })),
          h('p', { class: 'once-warning' }, t('account.tokenOnce')),
          copyBox(t('account.token'), token),
        ),
        t('account.tokenIssued', { name: label }),
      );
    },
    [['name', t('account.tokenNameMissing')]],
  );
  const titleId = uid('tokens');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, t('account.tokens')),
    h('p', { class: 'field-hint' }, t('account.tokensLead')),
    form,
    result,
  );
}
