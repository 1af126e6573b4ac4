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
import { personName } from '../directory';
import { t } from '../i18n';
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
  const ticket = ctx.ticket;
  const finished = ticket.status === 'resolved' || ticket.status === 'closed';
  // On a business process the status follows its transitions (the process
  // panel offers them); a PATCH of the status would be refused.
  const onProcess = Boolean(ticket.state);
  const buttons: HTMLButtonElement[] = [];
  if (!onProcess && ticket.status !== 'closed') {
    buttons.push(
      actionButton(t('actions.close'), t('actions.closing'), () => ctx.patch({ status: 'closed' })),
    );
  }
  if (!onProcess && finished) {
    buttons.push(
      actionButton(t('actions.reopen'), t('actions.reopening'), () =>
        ctx.patch({ status: 'open' }),
      ),
    );
  }
  return h(
    'div',
    { class: 'actions stack' },
    h('div', { class: 'button-row' }, buttons),
    ticket.status === 'closed' || onProcess
      ? null
      : h('p', { class: 'field-hint' }, t('actions.closeHint')),
    feedbackButton({
      ticketId: ticket.id,
      label: t('actions.feedback'),
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
  const ticket = ctx.ticket;
  const currentGroup = ctx.grps.find((g) => g.id === ticket.group_id)?.slug ?? '';
  const select = (name: string, options: [string, string][], value: string): HTMLSelectElement =>
    h(
      'select',
      { name },
      options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
    );
  const save = h('button', { type: 'submit', class: 'button primary' }, t('actions.save'));
  const form = h(
    'form',
    { class: 'staff-actions stack', novalidate: true, 'aria-label': t('actions.formLabel') },
    // On a business process the status follows its transitions.
    ticket.state
      ? null
      : field({
          label: t('ticket.status'),
          control: select(
            'status',
            kStatuses.map((s) => [s, statusLabel(s)]),
            ticket.status,
          ),
        }),
    field({
      label: t('ticket.criticality'),
      control: select(
        'criticality',
        kCriticalities.map((c) => [c, criticalityLabel(c)]),
        ticket.criticality,
      ),
    }),
    field({
      label: t('ticket.category'),
      control: select(
        'category',
        [['', t('common.notChosen')], ...ctx.cats.map((c): [string, string] => [c.slug, c.label])],
        ticket.category,
      ),
    }),
    // On a business process the transitions alone move the group and tier.
    ticket.state
      ? null
      : field({
          label: t('ticket.group'),
          control: select(
            'group',
            [['', t('common.none')], ...ctx.grps.map((g): [string, string] => [g.slug, g.name])],
            currentGroup,
          ),
        }),
    ticket.state
      ? null
      : field({
          label: t('ticket.tier'),
          control: select(
            'tier',
            [
              ['1', 'L1'],
              ['2', 'L2'],
              ['3', 'L3'],
            ],
            String(ticket.tier),
          ),
        }),
    h('div', { class: 'form-actions' }, save),
  );
  // Unsaved edits survive a redraw caused by someone else's change.
  const markDirty = (): void => {
    form.dataset.dirty = 'true';
  };
  form.addEventListener('input', markDirty);
  form.addEventListener('change', markDirty);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const changes: TicketPatch = {};
    const status = valueOf(form, 'status');
    if (!ticket.state && status !== ticket.status && isStatus(status)) changes.status = status;
    const criticality = valueOf(form, 'criticality');
    if (criticality !== ticket.criticality && isCriticality(criticality)) {
      changes.criticality = criticality;
    }
    if (valueOf(form, 'category') !== ticket.category) changes.category = valueOf(form, 'category');
    if (!ticket.state) {
      if (valueOf(form, 'group') !== currentGroup) changes.group = valueOf(form, 'group');
      const tier = Number(valueOf(form, 'tier'));
      if (tier !== ticket.tier) changes.tier = tier;
    }
    if (!Object.keys(changes).length || isBusy(save)) return;
    setBusy(save, true, t('common.saving'));
    if (!(await ctx.patch(changes, form))) setBusy(save, false);
  });
  return h('div', { class: 'actions stack' }, assigneeControls(ctx), form);
}

function assigneeControls(ctx: ActionContext): HTMLElement {
  const ticket = ctx.ticket;
  const assignee = ticket.assignee_id ? personName(ctx.people, ticket.assignee_id) : null;
  const buttons: HTMLButtonElement[] = [];
  if (ticket.assignee_id !== ctx.me.id) {
    buttons.push(
      actionButton(t('actions.assignMe'), t('actions.assigning'), () =>
        ctx.patch({ assignee_id: ctx.me.id }),
      ),
    );
  }
  if (ticket.assignee_id) {
    buttons.push(
      actionButton(t('actions.unassign'), t('actions.unassigning'), () =>
        ctx.patch({ assignee_id: null }),
      ),
    );
  }
  return h(
    'div',
    { class: 'assignee' },
    h(
      'p',
      null,
      t('actions.assigneeLabel'),
      ' ',
      assignee ? h('strong', null, assignee) : h('span', { class: 'muted' }, t('actions.nobody')),
    ),
    h('div', { class: 'button-row' }, buttons),
  );
}
