// What the viewer may do with a ticket. Customers: close, reopen a resolved
// or closed ticket, rate it. Staff: status, criticality, category, group,
// tier and assignee. Every change is a PATCH with If-Match.
import { h } from '../dom.js';
import { kStatuses, kCriticalities, statusLabel, criticalityLabel } from '../format.js';
import { field, clearErrors, setBusy, isBusy, valueOf } from '../ui/form.js';
import { feedbackButton } from './feedback.js';

/**
 * @typedef {{
 *   ticket: import('../api.js').Ticket,
 *   me: import('../api.js').User,
 *   cats: import('../api.js').Category[],
 *   grps: import('../api.js').Group[],
 *   people: Map<number, import('../api.js').UserCard>,
 *   patch: (changes: Record<string, unknown>, form?: HTMLFormElement) => Promise<boolean>,
 *   onFeedback: () => void,
 * }} ActionContext
 */

/** @param {ActionContext} ctx */
export function customerActions(ctx) {
  const t = ctx.ticket;
  const finished = t.status === 'resolved' || t.status === 'closed';
  // On a business process the status follows its transitions (the process
  // panel offers them); a PATCH of the status would be refused.
  const onProcess = Boolean(t.state);
  const buttons = [];
  if (!onProcess && t.status !== 'closed') {
    buttons.push(actionButton('Close ticket', 'Closing…', () => ctx.patch({ status: 'closed' })));
  }
  if (!onProcess && finished) {
    buttons.push(actionButton('Reopen ticket', 'Reopening…', () => ctx.patch({ status: 'open' })));
  }
  return h(
    'div',
    { class: 'actions stack' },
    h('div', { class: 'button-row' }, buttons),
    t.status === 'closed' || onProcess
      ? null
      : h(
          'p',
          { class: 'field-hint' },
          'Close the ticket when your problem is solved. A new reply reopens it.',
        ),
    feedbackButton({
      ticketId: t.id,
      label: 'Leave feedback on this ticket',
      onSent: ctx.onFeedback,
    }),
  );
}

/**
 * @param {string} label
 * @param {string} busyLabel
 * @param {() => Promise<boolean>} run
 */
function actionButton(label, busyLabel, run) {
  const button = /** @type {HTMLButtonElement} */ (
    h('button', { type: 'button', class: 'button' }, label)
  );
  button.addEventListener('click', async () => {
    if (isBusy(button)) return;
    setBusy(button, true, busyLabel);
    const done = await run();
    if (!done) setBusy(button, false);
  });
  return button;
}

/** @param {ActionContext} ctx */
export function staffActions(ctx) {
  const t = ctx.ticket;
  const currentGroup = ctx.grps.find((g) => g.id === t.group_id)?.slug ?? '';
  const select = (
    /** @type {string} */ name,
    /** @type {[string, string][]} */ options,
    /** @type {string} */ value,
  ) =>
    h(
      'select',
      { name },
      options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
    );
  const save = /** @type {HTMLButtonElement} */ (
    h('button', { type: 'submit', class: 'button primary' }, 'Save changes')
  );
  const form = /** @type {HTMLFormElement} */ (
    h(
      'form',
      { class: 'staff-actions stack', novalidate: true, 'aria-label': 'Change the ticket' },
      // On a business process the status follows its transitions.
      t.state
        ? null
        : field({
            label: 'Status',
            control: select(
              'status',
              kStatuses.map((s) => [s, statusLabel(s)]),
              t.status,
            ),
          }),
      field({
        label: 'Criticality',
        control: select(
          'criticality',
          kCriticalities.map((c) => [c, criticalityLabel(c)]),
          t.criticality,
        ),
      }),
      field({
        label: 'Category',
        control: select(
          'category',
          [
            ['', 'Not chosen'],
            ...ctx.cats.map((c) => /** @type {[string, string]} */ ([c.slug, c.label])),
          ],
          t.category,
        ),
      }),
      field({
        label: 'Group',
        control: select(
          'group',
          [
            ['', 'None'],
            ...ctx.grps.map((g) => /** @type {[string, string]} */ ([g.slug, g.name])),
          ],
          currentGroup,
        ),
      }),
      field({
        label: 'Tier',
        control: select(
          'tier',
          [
            ['1', 'L1'],
            ['2', 'L2'],
            ['3', 'L3'],
          ],
          String(t.tier),
        ),
      }),
      h('div', { class: 'form-actions' }, save),
    )
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    /** @type {Record<string, unknown>} */
    const changes = {};
    if (!t.state && valueOf(form, 'status') !== t.status) changes.status = valueOf(form, 'status');
    if (valueOf(form, 'criticality') !== t.criticality)
      changes.criticality = valueOf(form, 'criticality');
    if (valueOf(form, 'category') !== t.category) changes.category = valueOf(form, 'category');
    if (valueOf(form, 'group') !== currentGroup) changes.group = valueOf(form, 'group');
    if (Number(valueOf(form, 'tier')) !== t.tier) changes.tier = Number(valueOf(form, 'tier'));
    if (!Object.keys(changes).length || isBusy(save)) return;
    setBusy(save, true, 'Saving…');
    if (!(await ctx.patch(changes, form))) setBusy(save, false);
  });
  return h('div', { class: 'actions stack' }, assigneeControls(ctx), form);
}

/** @param {ActionContext} ctx */
function assigneeControls(ctx) {
  const t = ctx.ticket;
  const assignee = t.assignee_id
    ? (ctx.people.get(t.assignee_id)?.name ?? `User ${t.assignee_id}`)
    : null;
  const buttons = [];
  if (t.assignee_id !== ctx.me.id) {
    buttons.push(
      actionButton('Assign to me', 'Assigning…', () => ctx.patch({ assignee_id: ctx.me.id })),
    );
  }
  if (t.assignee_id) {
    buttons.push(actionButton('Unassign', 'Unassigning…', () => ctx.patch({ assignee_id: null })));
  }
  return h(
    'div',
    { class: 'assignee' },
    h(
      'p',
      null,
      'Assignee: ',
      assignee ? h('strong', null, assignee) : h('span', { class: 'muted' }, 'nobody'),
    ),
    h('div', { class: 'button-row' }, buttons),
  );
}
