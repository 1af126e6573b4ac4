// The ticket's history (GET /tickets/{id}/events) as a timeline: who did
// what and when, in words. Values read as labels, never as ids: statuses,
// criticalities, categories, groups, people, the process's states, fields
// and choices where the app knows their labels. Customers see only what
// concerns them: their ticket's creation, replies, status changes,
// attachments and feedback; support's internal steps stay out.
import { h } from '../dom';
import { t } from '../i18n';
import {
  criticalityLabel,
  formatCalendarDate,
  formatDate,
  humanize,
  statusLabel,
  timeElement,
} from '../format';
import { categoryLabel, groupName, personName } from '../directory';
import type { Card } from '../directory';
import { fieldInfo, stateLabel, transitionLabel } from '../process_labels';
import type { Category, Group, Role, Ticket, TicketEvent, Transition } from '../api/types';

/** What turns ids in events into words. */
export interface Names {
  cats: Category[];
  grps: Group[];
  people: Map<number, Card>;
  staff: boolean;
  ticket: Ticket;
  /** The transitions on offer now: the labels of fields and choices the app knows. */
  transitions: Transition[];
}

/** The kinds a customer's history shows. */
const kCustomerKinds = new Set([
  'created',
  'replied',
  'status_changed',
  'feedback_given',
  'attachment_added',
]);

const kRoles: readonly Role[] = [
  'customer',
  'l1_operator',
  'incident_manager',
  'tester',
  'it_operator',
  'developer',
  'rfc_board',
  'integrator',
  'administrator',
];

export function historyTimeline(events: TicketEvent[], names: Names): HTMLElement {
  const shown = names.staff ? events : events.filter((e) => kCustomerKinds.has(e.kind));
  if (!shown.length) return h('p', { class: 'muted' }, t('history.empty'));
  return h(
    'ol',
    { class: 'timeline' },
    shown.map((e) =>
      h(
        'li',
        { class: `timeline-item kind-${e.kind}` },
        h('p', null, describe(e, names)),
        h('p', { class: 'timeline-meta' }, actorName(e, names), ' · ', timeElement(e.at)),
      ),
    ),
  );
}

function actorName(e: TicketEvent, names: Names): string {
  if (e.actor_id === null || e.actor_id === undefined) return t('history.system');
  if (!names.staff && e.actor_id === names.ticket.initiator_id) return t('history.you');
  if (!names.staff) {
    const card = names.people.get(e.actor_id);
    if (card && card.role !== 'customer' && card.role !== '') return t('history.support');
  }
  return personName(names.people, e.actor_id);
}

function person(names: Names, id: string): string {
  if (!id) return t('history.nobody');
  const n = Number(id);
  return Number.isSafeInteger(n) ? personName(names.people, n) : id;
}

type FieldDef = Pick<Transition['fields'][number], 'label' | 'type' | 'options' | 'option_labels'>;

/** What the app knows of the field `name`: from the transitions on offer, or seen before. */
function fieldDef(names: Pick<Names, 'transitions'>, name: string): FieldDef | undefined {
  for (const tr of names.transitions) {
    const found = tr.fields.find((f) => f.name === name);
    if (found) return found;
  }
  return fieldInfo(name);
}

/** True for a process field that holds a person: typed so, or named after a role. */
function isPersonField(names: Pick<Names, 'transitions'>, name: string): boolean {
  const def = fieldDef(names, name);
  return def ? def.type === 'user' : (kRoles as readonly string[]).includes(name);
}

/** A process state in words: the ticket's own label for its current state, else the id's words. */
function stateName(names: Names, id: string): string {
  if (!id) return '—';
  if (id === names.ticket.state && names.ticket.state_label) return names.ticket.state_label;
  return stateLabel(id) ?? humanize(id);
}

/** What happened, in words; who did it is shown under it. */
export function describe(e: TicketEvent, names: Names): string {
  switch (e.kind) {
    case 'created':
      return t('history.created');
    case 'replied':
      return t('history.replied');
    case 'note_added':
      return t('history.noteAdded');
    case 'status_changed':
      return t('history.statusChanged', {
        from: statusLabel(e.old, { customer: !names.staff }),
        to: statusLabel(e.new, { customer: !names.staff }),
      });
    case 'assigned':
      return e.new
        ? t('history.assigned', { name: person(names, e.new) })
        : t('history.unassigned');
    case 'group_changed':
      return t('history.groupChanged', {
        from: groupName(names.grps, e.old),
        to: groupName(names.grps, e.new),
      });
    case 'feedback_given':
      return t('history.feedback', { rating: e.new });
    case 'attachment_added':
      return t('history.attached', { name: e.new });
    case 'field_changed':
      return describeField(e, names);
    case 'transition_fired': {
      const known = names.transitions.find((tr) => tr.id === e.field);
      return t('history.transition', {
        action: known?.label ?? transitionLabel(e.field) ?? humanize(e.field),
        to: stateName(names, e.new),
      });
    }
    case 'vote_cast':
      return e.new === 'reject' ? t('history.voteReject') : t('history.voteApprove');
    case 'sla_warning':
      return t('history.slaWarning');
    case 'sla_breached':
      return t('history.slaBreached');
    case 'process_migrated':
      return t('history.migrated');
    default:
      return e.field ? t('history.changedField', { field: humanize(e.field) }) : humanize(e.kind);
  }
}

function describeField(e: TicketEvent, names: Names): string {
  const def = fieldDef(names, e.field);
  let show = (v: string): string => v || '—';
  let label = def?.label || humanize(e.field);
  if (e.field === 'criticality') {
    show = criticalityLabel;
    label = t('ticket.criticality');
  } else if (e.field === 'category') {
    show = (v) => categoryLabel(names.cats, v);
    label = t('ticket.category');
  } else if (e.field === 'tier') {
    show = (v) => (v ? `L${v}` : '—');
    label = t('ticket.tier');
  } else if (isPersonField(names, e.field)) {
    show = (v) => person(names, v);
  } else if (def?.type === 'enum') {
    const options = def.options ?? [];
    show = (v) => (v ? (def.option_labels?.[options.indexOf(v)] ?? humanize(v)) : '—');
  } else if (def?.type === 'boolean') {
    show = (v) => (v === 'true' ? t('common.yes') : v === 'false' ? t('common.no') : '—');
  } else if (def?.type === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(e.new)) {
    show = (v) => (v ? formatCalendarDate(v, 'date') : '—');
  } else if (def?.type === 'datetime' || /^\d{4}-\d{2}-\d{2}T/.test(e.new)) {
    show = (v) => (v ? formatDate(v) : '—');
  }
  if (!e.old) return t('history.fieldSet', { field: label, to: show(e.new) });
  return t('history.fieldChanged', { field: label, from: show(e.old), to: show(e.new) });
}

/** The user ids a timeline names (actors, assignees, people fields), to fetch their cards. */
export function peopleInEvents(events: TicketEvent[], transitions: Transition[] = []): number[] {
  const ids: number[] = [];
  const add = (value: string): void => {
    const n = Number(value);
    if (value && Number.isSafeInteger(n) && n > 0) ids.push(n);
  };
  for (const e of events) {
    if (e.actor_id !== null && e.actor_id !== undefined) ids.push(e.actor_id);
    if (
      e.kind === 'assigned' ||
      (e.kind === 'field_changed' && isPersonField({ transitions }, e.field))
    ) {
      add(e.old);
      add(e.new);
    }
  }
  return ids;
}
