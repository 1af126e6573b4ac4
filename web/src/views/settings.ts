// The signed-in person's settings: name, the language and time zone of the
// app and of their mail, and which kinds of mail they receive. One PATCH /me
// saves them all; a new language or zone applies at once, without a reload.
// Customers also see their support level and coupons (./settings_level.ts).
import { h, replace, uid, announce } from '../dom';
import { api, ApiError } from '../api';
import { isStaff, setSession } from '../session';
import { browserLanguage, browserTimeZone, isTimeZone, t } from '../i18n';
import type { PlainKey } from '../i18n';
import { field, valueOf, onSubmit, setBusy } from '../ui/form';
import { supportCards } from './settings_level';
import type { MeInfo, ProfilePatch } from '../api/types';

interface MailKind {
  kind: MeInfo['profile']['mail_off'][number];
  label: PlainKey;
}

const kCustomerMail: MailKind[] = [
  { kind: 'ticket_created', label: 'settings.mail.ticket_created' },
  { kind: 'reply', label: 'settings.mail.reply' },
  { kind: 'info_requested', label: 'settings.mail.info_requested' },
  { kind: 'resolved', label: 'settings.mail.resolved' },
  { kind: 'closed', label: 'settings.mail.closed' },
];

const kStaffMail: MailKind[] = [
  { kind: 'sla_warning', label: 'settings.mail.sla_warning' },
  { kind: 'sla_breach', label: 'settings.mail.sla_breach' },
  { kind: 'process', label: 'settings.mail.process' },
];

type Language = NonNullable<ProfilePatch['language']>;

/** The languages on offer, each named in itself; "" follows the browser. */
const kLanguages: { value: Language; label: string }[] = [
  { value: 'ru', label: 'Русский' },
  { value: 'en', label: 'English' },
];

/** The language chosen in the select, if it is one the API takes. */
function languageOf(select: HTMLSelectElement): Language | undefined {
  if (select.value === '') return '';
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

/** Every zone the browser knows, or a short list where it cannot say. */
function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? kTimeZones;
  } catch {
    return kTimeZones;
  }
}

/** Set when saving redraws the page (a new language or zone): the new page says "saved". */
let justSaved = false;

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
  const browserName = kLanguages.find((l) => l.value === browserLanguage())?.label ?? '';
  const language = h(
    'select',
    { name: 'language' },
    h('option', { value: '' }, t('settings.languageBrowser', { language: browserName })),
    kLanguages.map((l) => h('option', { value: l.value, lang: l.value }, l.label)),
  );
  const zonesId = uid('zones');
  const timeZone = h('input', {
    type: 'text',
    name: 'time_zone',
    list: zonesId,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: browserTimeZone(),
  });
  const choices = kinds.map((k) => ({
    ...k,
    box: h('input', { type: 'checkbox', name: 'mail_on', value: k.kind, id: uid('mail') }),
  }));
  const boxes = choices.map((c) => c.box);
  const status = h('span', { class: 'form-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('settings.save'));
  const zoneHint = h('span');
  const form = h(
    'form',
    { class: 'stack settings-form', novalidate: true },
    field({ label: t('settings.name'), control: name }),
    field({ label: t('settings.language'), control: language, hint: t('settings.languageHint') }),
    field({ label: t('settings.timeZone'), control: timeZone, hint: zoneHint }),
    h(
      'datalist',
      { id: zonesId },
      timeZones().map((z) => h('option', { value: z })),
    ),
    mailFieldset(choices),
    h('div', { class: 'form-actions' }, submit, status),
  );

  /** Shows the values as stored ("" for a default). */
  const fill = (info: MeInfo): void => {
    name.value = info.user.name;
    language.value = info.user.language ?? '';
    timeZone.value = info.user.time_zone ?? '';
    zoneHint.textContent = t('settings.timeZoneHint', {
      device: browserTimeZone(),
      mail: info.profile.time_zone,
    });
    for (const box of boxes) box.checked = !info.profile.mail_off.includes(box.value);
  };
  fill(saved);
  form.addEventListener('input', () => {
    status.textContent = '';
  });

  onSubmit(
    form,
    submit,
    t('common.saving'),
    async () => {
      status.textContent = '';
      const newName = valueOf(form, 'name').trim();
      const zone = timeZone.value.trim();
      if (zone && !isTimeZone(zone)) {
        throw new ApiError(422, { detail: t('settings.zoneUnknown'), field: 'time_zone' });
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
      if (chosenLanguage !== undefined && chosenLanguage !== (saved.user.language ?? '')) {
        patch.language = chosenLanguage;
      }
      if (zone !== (saved.user.time_zone ?? '')) patch.time_zone = zone;

      saved = await api.updateProfile(patch);
      // A new language or zone redraws the page through the session's listeners.
      justSaved = true;
      setSession({ user: saved.user, csrf_token: saved.csrf_token ?? api.csrfToken });
      if (!root.isConnected) return;
      justSaved = false;
      fill(saved);
      setBusy(submit, false);
      status.textContent = t('settings.saved');
      announce(t('settings.saved'));
    },
    [['name', t('settings.nameMissing')]],
  );

  replace(
    root,
    h(
      'div',
      { class: 'page-header' },
      h(
        'div',
        null,
        h('h1', { id: 'page-title', tabindex: -1 }, t('settings.title')),
        h('p', { class: 'lead' }, t('settings.lead', { email: saved.user.email })),
      ),
    ),
    h('div', { class: 'card' }, form),
    isStaff(saved.user) ? null : supportCards(saved.level),
  );
  if (justSaved) {
    justSaved = false;
    status.textContent = t('settings.saved');
    announce(t('settings.saved'));
  }
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
    h('legend', null, t('settings.mailLegend')),
    h('p', { class: 'field-hint', id: hintId }, t('settings.mailHint')),
    h(
      'div',
      { class: 'checkbox-list' },
      choices.map((c) =>
        h('div', { class: 'checkbox-field' }, c.box, h('label', { for: c.box.id }, t(c.label))),
      ),
    ),
    h('p', { class: 'field-error', id: uid('mail-error'), hidden: true }),
  );
}
