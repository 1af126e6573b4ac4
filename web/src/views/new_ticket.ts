// The new-ticket form. It guides the customer to give what support needs
// (DOMAIN.md §1): sources already searched, steps, expected and actual
// result with screenshots and the full error text, only relevant data; and,
// last, a customer's special-request coupon (./new_ticket_coupon.ts).
import { h, replace } from '../dom';
import { api, encodeBody, newIdempotencyKey } from '../api';
import { navigate } from '../router';
import { categories } from '../directory';
import { isStaff } from '../session';
import { kCriticalities, criticalityLabel, isCriticality } from '../format';
import { field, showError, valueOf, onSubmit } from '../ui/form';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { filePicker, acceptPastedFiles } from '../ui/files';
import { couponFieldset } from './new_ticket_coupon';
import type { EncodedBody } from '../api';
import type { NewTicket } from '../api/types';

interface Guided {
  name: 'sources_searched' | 'steps' | 'expected' | 'actual';
  label: PlainKey;
  hint: PlainKey;
  placeholder?: PlainKey;
}

const kGuided: Guided[] = [
  { name: 'sources_searched', label: 'new.sources', hint: 'new.sourcesHint' },
  { name: 'steps', label: 'new.steps', hint: 'new.stepsHint', placeholder: 'new.stepsPlaceholder' },
  { name: 'expected', label: 'new.expected', hint: 'new.expectedHint' },
  { name: 'actual', label: 'new.actual', hint: 'new.actualHint' },
];

export async function newTicketView(root: HTMLElement): Promise<void> {
  const categoryHint = h('span', { 'aria-live': 'polite' }, t('new.topicHint'));
  const category = h(
    'select',
    { name: 'category' },
    h('option', { value: '' }, t('new.topicChoose')),
  );
  const picker = filePicker();
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('new.submit'));
  const form = h(
    'form',
    { class: 'stack ticket-form', novalidate: true },
    isStaff()
      ? field({
          label: t('new.onBehalf'),
          control: h('input', { type: 'email', name: 'on_behalf_of', autocomplete: 'off' }),
          hint: t('new.onBehalfHint'),
          optional: true,
        })
      : null,
    field({
      label: t('new.subject'),
      control: h('input', {
        type: 'text',
        name: 'subject',
        required: true,
        maxlength: 300,
        autocomplete: 'off',
      }),
      hint: t('new.subjectHint'),
    }),
    field({ label: t('new.topic'), control: category, hint: categoryHint, optional: true }),
    isStaff() ? criticalityField() : null,
    field({
      label: t('new.body'),
      control: h('textarea', { name: 'body', rows: 6, required: true }),
    }),
    h(
      'fieldset',
      { class: 'guided' },
      h('legend', null, t('new.guided')),
      h('p', { class: 'field-hint' }, t('new.guidedHint')),
      kGuided.map((g) =>
        field({
          label: t(g.label),
          control: h('textarea', {
            name: g.name,
            rows: 3,
            placeholder: g.placeholder ? t(g.placeholder) : undefined,
          }),
          hint: t(g.hint),
          optional: true,
        }),
      ),
      picker.element,
    ),
    isStaff() ? null : couponFieldset(),
    h('p', { class: 'notice' }, t('new.notice')),
    h(
      'div',
      { class: 'form-actions' },
      submit,
      h('a', { class: 'button subtle', href: '#/tickets' }, t('common.cancel')),
    ),
  );
  acceptPastedFiles(form, picker);

  replace(
    root,
    h(
      'div',
      { class: 'page-header' },
      h(
        'div',
        null,
        h('h1', { id: 'page-title', tabindex: -1 }, t('new.title')),
        h('p', { class: 'lead' }, t('new.lead')),
      ),
    ),
    h('div', { class: 'card' }, form),
  );

  void fillCategories(category, categoryHint);

  // One key per submission: a double click or a retry after a lost answer
  // reuses it, so the server never creates two tickets. Editing the form
  // afterwards makes it a new submission.
  let idempotencyKey = newIdempotencyKey();
  let encoded: EncodedBody | null = null;
  const newSubmission = (): void => {
    idempotencyKey = newIdempotencyKey();
    encoded = null;
  };
  form.addEventListener('input', newSubmission);
  picker.onChange(newSubmission);

  onSubmit(
    form,
    submit,
    t('common.sending'),
    async () => {
      encoded ??= await encodeBody(ticketFields(form), picker.files());
      const ticket = await api.createTicket(encoded, idempotencyKey);
      navigate(`/tickets/${ticket.id}`);
    },
    [
      ['subject', t('new.subjectMissing')],
      ['body', t('new.bodyMissing')],
    ],
  );
}

/** The ticket the form describes; optional fields left empty are left out. */
function ticketFields(form: HTMLFormElement): NewTicket {
  const fields: NewTicket = {
    subject: valueOf(form, 'subject').trim(),
    body: valueOf(form, 'body'),
  };
  const optional = ['category', 'on_behalf_of', ...kGuided.map((g) => g.name)] as const;
  for (const name of optional) {
    const value = valueOf(form, name);
    if (value.trim()) fields[name] = value;
  }
  const coupon = valueOf(form, 'coupon').trim();
  if (coupon) fields.coupon = coupon;
  const criticality = valueOf(form, 'criticality');
  if (isCriticality(criticality)) fields.criticality = criticality;
  return fields;
}

/** Staff set the criticality when they register a request. */
function criticalityField(): HTMLDivElement {
  const select = h(
    'select',
    { name: 'criticality' },
    h('option', { value: '' }, t('new.criticalityDefault')),
    kCriticalities.map((c) => h('option', { value: c }, criticalityLabel(c))),
  );
  return field({ label: t('ticket.criticality'), control: select, optional: true });
}

/**
 * Loads the categories and keeps the routing hint of the chosen one under
 * the select.
 */
async function fillCategories(select: HTMLSelectElement, hint: HTMLElement): Promise<void> {
  const defaultHint = hint.textContent;
  try {
    const list = await categories();
    for (const c of list) select.append(h('option', { value: c.slug }, c.label));
    select.addEventListener('change', () => {
      const chosen = list.find((c) => c.slug === select.value);
      hint.textContent = chosen?.hint || defaultHint;
    });
  } catch (error) {
    showError(null, error);
  }
}
