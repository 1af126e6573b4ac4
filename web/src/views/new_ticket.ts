// The new-ticket form. It guides the customer to give what support needs
// (DOMAIN.md §1): sources already searched, steps, expected and actual
// result with screenshots and the full error text, only relevant data.
import { h, replace } from '../dom';
import { api, encodeBody, newIdempotencyKey } from '../api';
import { navigate } from '../router';
import { categories } from '../directory';
import { isStaff } from '../session';
import { kCriticalities, criticalityLabel, isCriticality } from '../format';
import { field, showError, valueOf, onSubmit } from '../ui/form';
import { filePicker, acceptPastedFiles } from '../ui/files';
import type { EncodedBody } from '../api';
import type { NewTicket } from '../api/types';

interface Guided {
  name: 'sources_searched' | 'steps' | 'expected' | 'actual';
  label: string;
  hint: string;
  placeholder?: string;
}

const kGuided: Guided[] = [
  {
    name: 'sources_searched',
    label: 'Where have you already looked?',
    hint: 'Documentation pages, FAQ entries or forum threads you have read, so we do not send you the same links.',
  },
  {
    name: 'steps',
    label: 'Steps that led to the problem',
    hint: 'What you did, one step per line, so we can reproduce it.',
    placeholder: '1. Opened …\n2. Pressed …\n3. …',
  },
  {
    name: 'expected',
    label: 'What did you expect to happen?',
    hint: 'Normal behaviour is often taken for a bug; telling us what you expected helps us tell them apart.',
  },
  {
    name: 'actual',
    label: 'What happened instead?',
    hint: 'Paste the full error text or code exactly as shown, and attach screenshots below.',
  },
];

export async function newTicketView(root: HTMLElement): Promise<void> {
  const categoryHint = h(
    'span',
    { 'aria-live': 'polite' },
    'Choose the closest topic; it routes your ticket to the right team.',
  );
  const category = h('select', { name: 'category' }, h('option', { value: '' }, 'Choose a topic…'));
  const picker = filePicker();
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Send to support');
  const form = h(
    'form',
    { class: 'stack ticket-form', novalidate: true },
    isStaff()
      ? field({
          label: 'On behalf of',
          control: h('input', { type: 'email', name: 'on_behalf_of', autocomplete: 'off' }),
          hint: 'For a request taken by phone or chat: the customer’s e-mail. Leave empty to open the ticket yourself.',
          optional: true,
        })
      : null,
    field({
      label: 'Subject',
      control: h('input', {
        type: 'text',
        name: 'subject',
        required: true,
        maxlength: 300,
        autocomplete: 'off',
      }),
      hint: 'One line that names the problem, e.g. “Export to CSV loses Cyrillic names”.',
    }),
    field({ label: 'Topic', control: category, hint: categoryHint, optional: true }),
    isStaff() ? criticalityField() : null,
    field({
      label: 'Describe the problem',
      control: h('textarea', { name: 'body', rows: 6, required: true }),
    }),
    h(
      'fieldset',
      { class: 'guided' },
      h('legend', null, 'Help us answer faster'),
      h(
        'p',
        { class: 'field-hint' },
        'Each of these is optional, but together they save a round of questions.',
      ),
      kGuided.map((g) =>
        field({
          label: g.label,
          control: h('textarea', { name: g.name, rows: 3, placeholder: g.placeholder }),
          hint: g.hint,
          optional: true,
        }),
      ),
      picker.element,
    ),
    h(
      'p',
      { class: 'notice' },
      'Include only data that is relevant to the problem. Never send passwords or full licence keys.',
    ),
    h(
      'div',
      { class: 'form-actions' },
      submit,
      h('a', { class: 'button subtle', href: '#/tickets' }, 'Cancel'),
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
        h('h1', { id: 'page-title', tabindex: -1 }, 'New ticket'),
        h(
          'p',
          { class: 'lead' },
          'Tell us what went wrong. The more precisely you describe it, the sooner we can help.',
        ),
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

  onSubmit(form, submit, 'Sending…', async () => {
    encoded ??= await encodeBody(ticketFields(form), picker.files());
    const ticket = await api.createTicket(encoded, idempotencyKey);
    navigate(`/tickets/${ticket.id}`);
  });
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
  const criticality = valueOf(form, 'criticality');
  if (isCriticality(criticality)) fields.criticality = criticality;
  return fields;
}

/** Staff set the criticality when they register a request. */
function criticalityField(): HTMLDivElement {
  const select = h(
    'select',
    { name: 'criticality' },
    h('option', { value: '' }, 'Default (normal)'),
    kCriticalities.map((c) => h('option', { value: c }, criticalityLabel(c))),
  );
  return field({ label: 'Criticality', control: select, optional: true });
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
