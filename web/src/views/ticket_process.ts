// The ticket's business process: where it is, what the viewer should do now
// (the state's instructions for their role), the diagram, and the
// transitions the viewer may fire, each a button or a small form with the
// fields it asks for. Firing sends If-Match like a PATCH.
import { h } from '../dom';
import { apiUrl } from '../api';
import { field, clearErrors, setBusy, isBusy, showError, valueOf } from '../ui/form';
import type { Ticket, Transition, TransitionField, TransitionFields } from '../api/types';
import type { Fire } from './ticket';

interface ProcessContext {
  ticket: Ticket;
  transitions: Transition[];
  fire: Fire;
}

export function processPanel(ctx: ProcessContext): HTMLElement {
  const t = ctx.ticket;
  if (!t.state) return h('p', { class: 'field-hint' }, 'This ticket runs on no process.');
  const diagram = apiUrl('/api/v1/tickets/{id}/process.svg', { id: t.id });
  return h(
    'div',
    { class: 'process stack' },
    h(
      'p',
      null,
      h('strong', null, t.state_label || t.state),
      t.final ? h('span', { class: 'field-hint' }, ' (final)') : null,
    ),
    t.instructions ? h('p', { class: 'process-instructions' }, t.instructions) : null,
    h('a', { href: diagram, target: '_blank', rel: 'noopener' }, 'Show the process diagram'),
    ctx.transitions.length
      ? h(
          'div',
          { class: 'stack' },
          ctx.transitions.map((tr) => transitionForm(tr, ctx)),
        )
      : h('p', { class: 'field-hint' }, 'Nothing for you to do on this ticket now.'),
  );
}

function transitionForm(tr: Transition, ctx: ProcessContext): HTMLFormElement {
  const controls = tr.fields.map((f) =>
    field({ label: f.label, name: `fields.${f.name}`, control: control(f), optional: !f.required }),
  );
  const button = h('button', { type: 'submit', class: 'button' }, tr.label);
  const form = h(
    'form',
    { class: 'transition stack', dataset: { transition: tr.id } },
    controls,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(button)) return;
    clearErrors(form);
    const values: TransitionFields = {};
    for (const f of tr.fields) {
      const value = valueOf(form, f.name);
      if (value !== '') values[f.name] = value;
    }
    setBusy(button, true);
    try {
      await ctx.fire(tr.id, values, form);
    } catch (error) {
      showError(form, error);
    } finally {
      setBusy(button, false);
    }
  });
  return form;
}

/** The <input type> of a field type; others are a text input. */
const kInputTypes: Partial<Record<TransitionField['type'], string>> = {
  date: 'date',
  datetime: 'datetime-local',
  integer: 'number',
  number: 'number',
  user: 'number',
};

function control(f: TransitionField): HTMLElement {
  if (f.type === 'enum') {
    return h(
      'select',
      { name: f.name, required: f.required },
      h('option', { value: '' }, '—'),
      (f.options ?? []).map((o) => h('option', { value: o }, o.replaceAll('_', ' '))),
    );
  }
  if (f.type === 'text') return h('textarea', { name: f.name, required: f.required, rows: 3 });
  if (f.type === 'boolean') {
    return h(
      'select',
      { name: f.name },
      h('option', { value: 'true' }, 'yes'),
      h('option', { value: 'false' }, 'no'),
    );
  }
  const type = kInputTypes[f.type] ?? 'text';
  // Any decimal for a number; integer and user fields step by one.
  return h('input', {
    name: f.name,
    type,
    required: f.required,
    step: f.type === 'number' && 'any',
  });
}
