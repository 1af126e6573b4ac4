// The ticket's business process: where it is, what the viewer should do now
// (the state's instructions for their role), the diagram, and the
// transitions the viewer may fire, each a button or a small form with the
// fields it asks for. Firing sends If-Match like a PATCH.
import { h } from '../dom.js';
import { field, clearErrors, setBusy, isBusy, showError } from '../ui/form.js';

/**
 * @typedef {{
 *   ticket: import('../api.js').Ticket,
 *   transitions: import('../api.js').Transition[],
 *   fire: (transition: string, fields: Record<string, unknown>, form: HTMLFormElement)
 *     => Promise<boolean>,
 * }} ProcessContext
 */

/** @param {ProcessContext} ctx */
export function processPanel(ctx) {
  const t = ctx.ticket;
  if (!t.state) return h('p', { class: 'field-hint' }, 'This ticket runs on no process.');
  const diagram = `/api/v1/tickets/${t.id}/process.svg`;
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

/**
 * @param {import('../api.js').Transition} tr
 * @param {ProcessContext} ctx
 */
function transitionForm(tr, ctx) {
  const controls = tr.fields.map((f) => field({ label: f.label, name: `fields.${f.name}`,
    control: control(f), optional: !f.required }));
  const form = /** @type {HTMLFormElement} */ (
    h(
      'form',
      { class: 'transition stack', dataset: { transition: tr.id } },
      controls,
      h('button', { type: 'submit', class: 'button' }, tr.label),
    )
  );
  const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(button)) return;
    clearErrors(form);
    /** @type {Record<string, unknown>} */
    const values = {};
    for (const f of tr.fields) {
      const input = /** @type {HTMLInputElement | null} */ (form.elements.namedItem(f.name));
      if (input && input.value !== '') values[f.name] = input.value;
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

/** @param {import('../api.js').TransitionField} f */
function control(f) {
  if (f.type === 'enum') {
    return h(
      'select',
      { name: f.name, required: f.required },
      h('option', { value: '' }, '—'),
      (f.options ?? []).map((o) => h('option', { value: o }, o.replaceAll('_', ' '))),
    );
  }
  if (f.type === 'text') return h('textarea', { name: f.name, required: f.required, rows: 3 });
  const types = { date: 'date', datetime: 'datetime-local', integer: 'number', number: 'number',
    user: 'number' };
  const type = /** @type {Record<string, string>} */ (types)[f.type] ?? 'text';
  const attrs = { name: f.name, type, required: f.required };
  if (f.type === 'number') Object.assign(attrs, { step: 'any' });
  if (f.type === 'boolean') {
    return h('select', { name: f.name }, h('option', { value: 'true' }, 'yes'),
      h('option', { value: 'false' }, 'no'));
  }
  return h('input', attrs);
}
