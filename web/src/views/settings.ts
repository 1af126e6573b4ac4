// The signed-in person's settings: name, the language and time zone of their
// mail, and which kinds of mail they receive. One PATCH /me saves them all.
import { h, replace, uid, announce } from '../dom';
import { api, ApiError } from '../api';
import { isStaff, setSession } from '../session';
import { field, valueOf, onSubmit, setBusy } from '../ui/form';
import type { MeInfo, ProfilePatch } from '../api/types';

interface MailKind {
  kind: MeInfo['profile']['mail_off'][number];
  label: string;
}

const kCustomerMail: MailKind[] = [
  { kind: 'ticket_created', label: 'Acknowledgement of a new ticket' },
  { kind: 'reply', label: 'Support’s replies' },
  { kind: 'info_requested', label: 'Requests for information' },
  { kind: 'resolved', label: 'Ticket resolved' },
  { kind: 'closed', label: 'Ticket closed' },
];

const kStaffMail: MailKind[] = [
  { kind: 'sla_warning', label: 'SLA warnings' },
  { kind: 'sla_breach', label: 'SLA breaches' },
  { kind: 'process', label: 'Process notifications' },
];

type Language = NonNullable<ProfilePatch['language']>;

const kLanguages: { value: Language; label: string }[] = [
  { value: 'ru', label: 'Русский' },
  { value: 'en', label: 'English' },
];

/** The language chosen in the select, if it is one the API takes. */
function languageOf(select: HTMLSelectElement): Language | undefined {
  return kLanguages.find((l) => l.value === select.value)?.value;
}

const kTimeZones = [
  'Europe/Moscow',
  'Europe/Kaliningrad',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Vladivostok',
  'Europe/London',
  'Europe/Berlin',
  'UTC',
  'America/New_York',
];

export async function settingsView(root: HTMLElement): Promise<void> {
  let saved = await api.profile();
  const kinds = isStaff(saved.user) ? kStaffMail : kCustomerMail;

  const name = h('input', {
    type: 'text',
    name: 'name',
    autocomplete: 'name',
    required: true,
    maxlength: 200,
  });
  const language = h(
    'select',
    { name: 'language' },
    kLanguages.map((l) => h('option', { value: l.value, lang: l.value }, l.label)),
  );
  const zonesId = uid('zones');
  const timeZone = h('input', {
    type: 'text',
    name: 'time_zone',
    list: zonesId,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const choices = kinds.map((k) => ({
    ...k,
    box: h('input', { type: 'checkbox', name: 'mail_on', value: k.kind, id: uid('mail') }),
  }));
  const boxes = choices.map((c) => c.box);
  const status = h('span', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Save settings');
  const form = h(
    'form',
    { class: 'stack settings-form', novalidate: true },
    field({ label: 'Your name', control: name }),
    field({
      label: 'Language of mail',
      control: language,
      hint: 'The language of the e-mails the help desk sends you.',
    }),
    field({
      label: 'Time zone',
      control: timeZone,
      hint: 'For the dates and times in your mail. Any IANA zone works, e.g. Asia/Omsk.',
    }),
    h(
      'datalist',
      { id: zonesId },
      kTimeZones.map((z) => h('option', { value: z })),
    ),
    mailFieldset(choices),
    h('div', { class: 'form-actions' }, submit, status),
  );

  /** Shows the values in force. */
  const fill = (info: MeInfo): void => {
    name.value = info.user.name;
    language.value = info.profile.language;
    timeZone.value = info.profile.time_zone;
    for (const box of boxes) box.checked = !info.profile.mail_off.includes(box.value);
  };
  fill(saved);
  form.addEventListener('input', () => {
    status.textContent = '';
  });

  onSubmit(form, submit, 'Saving…', async () => {
    status.textContent = '';
    const newName = valueOf(form, 'name').trim();
    if (!newName) {
      throw new ApiError(422, { detail: 'Please enter your name.', field: 'name' });
    }
    // Kinds this page does not show stay off as they were.
    const shown = kinds.map((k) => k.kind);
    const mailOff = [
      ...saved.profile.mail_off.filter((k) => !shown.includes(k)),
      ...boxes.filter((box) => !box.checked).map((box) => box.value),
    ];
    const patch: ProfilePatch = { name: newName, mail_off: mailOff };
    // Unchanged language and zone are left out, so a default stays a default.
    const chosenLanguage = languageOf(language);
    if (chosenLanguage && chosenLanguage !== saved.profile.language) {
      patch.language = chosenLanguage;
    }
    const zone = timeZone.value.trim();
    if (zone !== saved.profile.time_zone) patch.time_zone = zone;

    saved = await api.updateProfile(patch);
    setSession({ user: saved.user, csrf_token: saved.csrf_token ?? api.csrfToken });
    fill(saved);
    setBusy(submit, false);
    status.textContent = 'Settings saved.';
    announce('Settings saved');
  });

  replace(
    root,
    h(
      'div',
      { class: 'page-header' },
      h(
        'div',
        null,
        h('h1', { id: 'page-title', tabindex: -1 }, 'Settings'),
        h(
          'p',
          { class: 'lead' },
          `Signed in as ${saved.user.email}. Choose how the help desk writes to you.`,
        ),
      ),
    ),
    h('div', { class: 'card' }, form),
  );
}

/**
 * The checkboxes of the mail kinds; a checked box means the mail is sent.
 * Built as a `.field` named mail_off, so a server error about it shows here.
 */
function mailFieldset(choices: (MailKind & { box: HTMLInputElement })[]): HTMLFieldSetElement {
  const hintId = uid('mail-hint');
  return h(
    'fieldset',
    {
      class: 'field mail-kinds',
      dataset: { field: 'mail_off' },
      'aria-describedby': hintId,
    },
    h('legend', null, 'E-mail me about'),
    h(
      'p',
      { class: 'field-hint', id: hintId },
      'A checked box means we send that mail; uncheck what you do not want.',
    ),
    h(
      'div',
      { class: 'checkbox-list' },
      choices.map((c) =>
        h('div', { class: 'checkbox-field' }, c.box, h('label', { for: c.box.id }, c.label)),
      ),
    ),
    h('p', { class: 'field-error', id: uid('mail-error'), hidden: true }),
  );
}
