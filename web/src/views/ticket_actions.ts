// What the viewer may do with a ticket. Customers: close, reopen a resolved
// or closed ticket, rate it. Staff: status, criticality, category, group,
// tier and assignee. Every change is a PATCH with If-Match.
import { h } from '../dom';
import {
  kStatuses,
  kCriticalities,
  statusLabel,
  criticalityLabel,
  isCriticality,
  isStatus,
} from '../format';
import { field, clearErrors, setBusy, isBusy, valueOf } from '../ui/form';
import { feedbackButton } from './feedback';
import type { Card } from '../directory';
import type { Category, Group, Ticket, TicketPatch, User } from '../api/types';
import type { Patch } from './ticket';

interface ActionContext {
  ticket: Ticket;
  me: User;
  cats: Category[];
  grps: Group[];
  people: Map<number, Card>;
  patch: Patch;
  onFeedback: () => void;
}

export function customerActions(ctx: ActionContext): HTMLElement {
  const t = ctx.ticket;
  const finished = t.status === 'resolved' || t.status === 'closed';
  // On a business process the status follows its transitions (the process
  // panel offers them); a PATCH of the status would be refused.
  const onProcess = Boolean(t.state);
  const buttons: HTMLButtonElement[] = [];
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

/** A button that runs `run` once at a time; busy until it is done. */
function actionButton(
  label: string,
  busyLabel: string,
  run: () => Promise<boolean>,
): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'button' }, label);
  button.addEventListener('click', async () => {
    if (isBusy(button)) return;
    setBusy(button, true, busyLabel);
    const done = await run();
    if (!done) setBusy(button, false);
  });
  return button;
}

export function staffActions(ctx: ActionContext): HTMLElement {
  const t = ctx.ticket;
  const currentGroup = ctx.grps.find((g) => g.id === t.group_id)?.slug ?? '';
  const select = (name: string, options: [string, string][], value: string): HTMLSelectElement =>
    h(
      'select',
      { name },
      options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
    );
  const save = h('button', { type: 'submit', class: 'button primary' }, 'Save changes');
  const form = h(
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
        [['', 'Not chosen'], ...ctx.cats.map((c): [string, string] => [c.slug, c.label])],
        t.category,
      ),
    }),
    field({
      label: 'Group',
      control: select(
        'group',
        [['', 'None'], ...ctx.grps.map((g): [string, string] => [g.slug, g.name])],
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
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const changes: TicketPatch = {};
    const status = valueOf(form, 'status');
    if (!t.state && status !== t.status && isStatus(status)) changes.status = status;
    const criticality = valueOf(form, 'criticality');
    if (criticality !== t.criticality && isCriticality(criticality)) {
      changes.criticality = criticality;
    }
    if (valueOf(form, 'category') !== t.category) changes.category = valueOf(form, 'category');
    if (valueOf(form, 'group') !== currentGroup) changes.group = valueOf(form, 'group');
    if (Number(valueOf(form, 'tier')) !== t.tier) changes.tier = Number(valueOf(form, 'tier'));
    if (!Object.keys(changes).length || isBusy(save)) return;
    setBusy(save, true, 'Saving…');
    if (!(await ctx.patch(changes, form))) setBusy(save, false);
  });
  return h('div', { class: 'actions stack' }, assigneeControls(ctx), form);
}

function assigneeControls(ctx: ActionContext): HTMLElement {
  const t = ctx.ticket;
  const assignee = t.assignee_id
    ? (ctx.people.get(t.assignee_id)?.name ?? `User ${t.assignee_id}`)
    : null;
  const buttons: HTMLButtonElement[] = [];
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
