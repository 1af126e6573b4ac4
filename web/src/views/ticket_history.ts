// The ticket's history (GET /tickets/{id}/events) as a timeline: who did
// what and when, in words. The server words each event for its reader
// (field_label, old_label, new_label: transitions, states, process fields,
// options, people, groups); the app words what it has its own words for
// (statuses, criticalities, categories, tiers, dates) and falls back to an
// id's words only where the server sent no label. Customers see only what
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
import type { Category, Group, Ticket, TicketEvent } from '../api/types';

/** What turns ids in events into words. */
export interface Names {
  cats: Category[];
  grps: Group[];
  people: Map<number, Card>;
  staff: boolean;
  ticket: Ticket;
}

/** The kinds a customer's history shows. */
const kCustomerKinds = new Set([
  'created',
  'replied',
  'status_changed',
  'feedback_given',
  'attachment_added',
]);

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

/** The server's words for a value, else the id's words ("—" for none). */
function worded(label: string | null, id: string): string {
  if (label) return label;
  return id ? humanize(id) : '—';
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
        ? t('history.assigned', { name: e.new_label ?? person(names, e.new) })
        : t('history.unassigned');
    case 'group_changed':
      return t('history.groupChanged', {
        from: e.old_label ?? groupName(names.grps, e.old),
        to: e.new_label ?? groupName(names.grps, e.new),
      });
    case 'feedback_given':
      return t('history.feedback', { rating: e.new });
    case 'attachment_added':
      return t('history.attached', { name: e.new });
    case 'field_changed':
      return describeField(e, names);
    case 'transition_fired':
      return t('history.transition', {
        action: worded(e.field_label, e.field),
        to: worded(e.new_label, e.new),
      });
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
  // Without the server's words: the app's own for the ticket's fields, the
  // notation of the user's language for dates, the raw value otherwise.
  let show = (v: string): string => v || '—';
  let label = e.field_label ?? humanize(e.field);
  if (e.field === 'criticality') {
    show = criticalityLabel;
    label = t('ticket.criticality');
  } else if (e.field === 'category') {
    show = (v) => categoryLabel(names.cats, v);
    label = t('ticket.category');
  } else if (e.field === 'tier') {
    show = (v) => (v ? `L${v}` : '—');
    label = t('ticket.tier');
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(e.new || e.old)) {
    show = (v) => (v ? formatCalendarDate(v, 'date') : '—');
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(e.new || e.old)) {
    show = (v) => (v ? formatDate(v) : '—');
  } else if (e.new === 'true' || e.new === 'false') {
    show = (v) => (v === 'true' ? t('common.yes') : v === 'false' ? t('common.no') : '—');
  }
  const to = e.new_label ?? show(e.new);
  if (!e.old) return t('history.fieldSet', { field: label, to });
  return t('history.fieldChanged', { field: label, from: e.old_label ?? show(e.old), to });
}

/**
 * The user ids a timeline names without the server's words (actors, and
 * assignees the server left unlabelled), to fetch their cards.
 */
export function peopleInEvents(events: TicketEvent[]): number[] {
  const ids: number[] = [];
  const add = (value: string, label: string | null): void => {
    const n = Number(value);
    if (!label && value && Number.isSafeInteger(n) && n > 0) ids.push(n);
  };
  for (const e of events) {
    if (e.actor_id !== null && e.actor_id !== undefined) ids.push(e.actor_id);
    if (e.kind === 'assigned') {
      add(e.old, e.old_label);
      add(e.new, e.new_label);
    }
  }
  return ids;
}
