// "Invite a user": a modal dialog with the invitation's e-mail, name, role,
// company, language and time zone (POST /api/v1/admin/users). The person
// gets the link by mail; the dialog then says to whom it went and shows the
// same link (this help desk's address + `link`) with a Copy button, for
// when mail does not reach them. A refusal (an e-mail in use, an unknown
// zone) shows under the field the server names, in its words.
import { h, uid } from '../dom';
import { t } from '../i18n';
import { href } from '../router';
import { openDialog } from '../ui/dialog';
import { field, formErrorSlot, onSubmit, valueOf } from '../ui/form';
import { inviteUser } from './people_api';
import type { Company, NewUser, PasswordLink } from './people_api';
import {
  companySelect,
  copyBox,
  isRole,
  languageOf,
  languageSelect,
  roleSelect,
  showResult,
  timeZoneInput,
} from './people_fields';

/** Opens the invitation form; `onInvited` runs after each invitation (to list it). */
export function openInvitation(all: Company[], onInvited: () => void): void {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'off', maxlength: 254 });
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'off', maxlength: 200 });
  const role = roleSelect('role', 'customer');
  const company = companySelect('company', all, { by: 'name', value: '', none: t('common.none') });
  const language = languageSelect('language', '');
  const [zone, zones] = timeZoneInput('time_zone', '');
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('invite.submit'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field({ label: t('people.email'), control: email }),
    field({ label: t('people.name'), control: name, optional: true, hint: t('invite.nameHint') }),
    field({ label: t('people.role'), control: role }),
    field({ label: t('people.company'), control: company, hint: t('invite.companyHint') }),
    field({ label: t('people.language'), control: language, hint: t('invite.languageHint') }),
    field({
      label: t('people.timeZone'),
      control: zone,
      optional: true,
      hint: t('people.timeZoneHint'),
    }),
    zones,
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit),
  );
  const body = h('div', null, h('p', { class: 'field-hint' }, t('invite.lead')), form);
  const dialog = openDialog({ title: t('invite.title'), body });

  onSubmit(
    form,
    submit,
    t('common.sending'),
    async () => {
      const invitation: NewUser = {
        email: valueOf(form, 'email').trim(),
        role: isRole(role.value) ? role.value : 'customer',
        language: languageOf(language),
      };
      const chosenName = valueOf(form, 'name').trim();
      if (chosenName) invitation.name = chosenName;
      if (company.value) invitation.company = company.value;
      const chosenZone = valueOf(form, 'time_zone').trim();
      if (chosenZone) invitation.time_zone = chosenZone;
      const sent = await inviteUser(invitation);
      onInvited();
      const again = h('button', { type: 'button', class: 'button' }, t('invite.another'));
      again.addEventListener('click', () => {
        dialog.close();
        openInvitation(all, onInvited);
      });
      showResult(
        body,
        invitationSent(sent, again, dialog.close),
        t('invite.sent', { email: sent.user.email }),
      );
    },
    [['email', t('invite.emailMissing')]],
  );
}

function invitationSent(
  sent: PasswordLink,
  again: HTMLButtonElement,
  close: () => void,
): HTMLElement {
  const titleId = uid('invited');
  return h(
    'section',
    { class: 'stack invite-result', 'aria-labelledby': titleId },
    h('h3', { id: titleId, tabindex: -1 }, t('invite.sent', { email: sent.user.email })),
    h('p', null, t('invite.linkText')),
    copyBox(t('invite.link'), `${window.location.origin}${sent.link}`),
    h(
      'div',
      { class: 'form-actions' },
      h(
        'a',
        { class: 'button', href: href(`/admin/users/${sent.user.id}`), onclick: close },
        t('invite.open'),
      ),
      again,
    ),
  );
}
