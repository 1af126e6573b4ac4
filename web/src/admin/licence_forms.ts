// Adding and renewing licences. "Add a licence" sends the holder (a
// customer's e-mail or a company's name), edition, support, activation day
// and whether it is limited to POST /api/v1/admin/licences; a licence of an
// edition the holder has already is renewed instead (the answer says
// which). "Renew" on a row asks for the new activation day and sends it to
// POST /api/v1/admin/licences/{id}/renew. Either way a coupon is issued
// with the licence, and its code is shown to pass on. A refusal shows
// under the field the server names, in its words.
import { h, uid } from '../dom';
import { formatCalendarDate, formatDate } from '../format';
import { t, timeZone } from '../i18n';
import type { PlainKey } from '../i18n';
import { openDialog } from '../ui/dialog';
import { dateInput } from '../ui/date_input';
import type { DateField } from '../ui/date_input';
import { ApiError } from '../api';
import { field, formErrorSlot, onSubmit, valueOf } from '../ui/form';
import { addForm } from './add_and_edit';
import { titledCard } from './admin_frame';
import type { Company } from './people_api';
import { copyBox, showResult } from './people_fields';
import { holderFields, holderWords } from './support_fields';
import { addLicence, renewLicence } from './support_api';
import type { Licence, LicenceIssued, NewLicence } from './support_api';

type Support = NonNullable<NewLicence['support']>;

/** The support kinds in the order the select lists them. */
export const kSupportKeys: Record<Support, PlainKey> = {
  standard: 'licences.support.standard',
  operative: 'licences.support.operative',
  vip: 'licences.support.vip',
};

/** "Business, VIP support" */
export function licenceName(licence: Pick<Licence, 'edition' | 'support'>): string {
  return t('licences.name', {
    edition: licence.edition,
    support: t(kSupportKeys[licence.support]),
  });
}

/** Today in the viewer's time zone, as YYYY-MM-DD. */
function today(): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The activation day typed; a problem under the field when it is empty or unreadable. */
function activationDay(date: DateField): string {
  const reading = date.read();
  if ('value' in reading) return reading.value;
  const detail = 'error' in reading ? reading.error : t('licences.activatedMissing');
  throw new ApiError(422, { detail, field: 'activated' });
}

/**
 * What was issued: the licence in words and its coupon's code, to pass on.
 * `holder` names whose it is (the answer does not).
 */
function issuedResult(
  issued: LicenceIssued,
  holder: string,
): { content: HTMLElement; words: string } {
  const { licence, coupon } = issued;
  const words = t(issued.renewed ? 'licences.renewedTitle' : 'licences.addedTitle', {
    licence: licenceName(licence),
    holder,
  });
  const titleId = uid('issued');
  const content = h(
    'section',
    { class: 'stack', 'aria-labelledby': titleId },
    h('h3', { id: titleId, tabindex: -1 }, words),
    h(
      'p',
      null,
      licence.expires
        ? t('licences.validUntil', { date: formatCalendarDate(licence.expires, 'date') })
        : t('licences.noExpiry'),
    ),
    copyBox(t('licences.couponCode'), coupon.code),
    h(
      'p',
      { class: 'field-hint' },
      t('licences.couponText', { date: formatDate(coupon.expires_at, 'date') }),
    ),
  );
  return { content, words };
}

function supportSelect(): HTMLSelectElement {
  return h(
    'select',
    { name: 'support' },
    (Object.keys(kSupportKeys) as Support[]).map((value) => {
      const words = t(kSupportKeys[value]);
      return h('option', { value }, words.charAt(0).toLocaleUpperCase() + words.slice(1));
    }),
  );
}

/** The form that adds (or renews) a licence; `onIssued` lists it anew. */
export function addLicenceCard(all: Company[], onIssued: () => Promise<void>): HTMLElement {
  const holder = holderFields(all);
  const activated = dateInput({ name: 'activated', value: today() });
  const firstDay = activated.input.value;
  const limitedId = uid('limited');
  const result = h('div', { class: 'account-result' });
  const form = addForm({
    submitLabel: t('licences.add'),
    fields: [
      holder.element,
      field({
        label: t('licences.edition'),
        hint: t('licences.editionHint'),
        control: h('input', { type: 'text', name: 'edition', autocomplete: 'off', maxlength: 100 }),
      }),
      field({ label: t('licences.support'), control: supportSelect() }),
      field({ label: t('licences.activated'), control: activated.input, hint: activated.hint }),
      h(
        'div',
        { class: 'checkbox-field' },
        h('input', { type: 'checkbox', name: 'limited', id: limitedId }),
        h('label', { for: limitedId }, t('licences.limitedHint')),
      ),
    ],
    required: [['edition', t('licences.editionMissing')]],
    add: async (form) => {
      result.replaceChildren();
      const chosen = holder.read();
      const body: NewLicence = {
        ...chosen,
        edition: valueOf(form, 'edition').trim(),
        support: valueOf(form, 'support') as Support,
        activated: activationDay(activated),
        limited: form.querySelector<HTMLInputElement>('input[name="limited"]')?.checked ?? false,
      };
      return { issued: await addLicence(body), chosen };
    },
    onAdded: async ({ issued, chosen }) => {
      holder.reset();
      // form.reset() empties the day, which is set as a value, not as the default.
      activated.input.value = firstDay;
      activated.input.dispatchEvent(new Event('input'));
      await onIssued();
      const { content, words } = issuedResult(issued, holderWords(chosen));
      showResult(result, content, words);
    },
  });
  return titledCard(t('licences.addTitle'), [
    h('p', { class: 'field-hint' }, t('licences.addLead')),
    form,
    result,
  ]);
}

/** Asks for the new activation day of `licence` and renews it; `onRenewed` after. */
export function openRenewDialog(licence: Licence, onRenewed: () => Promise<void>): void {
  const activated = dateInput({ name: 'activated', value: today() });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('licences.renew'));
  const result = h('div', { class: 'account-result' });
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h('p', null, t('licences.renewLead')),
    field({ label: t('licences.activated'), control: activated.input, hint: activated.hint }),
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit),
  );
  openDialog({
    title: t('licences.renewTitle', {
      licence: licenceName(licence),
      holder: licence.holder.name,
    }),
    body: [form, result],
  });
  onSubmit(form, submit, t('common.saving'), async () => {
    const issued = await renewLicence(licence.id, activationDay(activated));
    form.remove();
    await onRenewed();
    const { content, words } = issuedResult(issued, licence.holder.email || licence.holder.name);
    showResult(result, content, words);
  });
}
