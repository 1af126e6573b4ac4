// The ticket's history (GET /tickets/{id}/events) as a timeline: who did
// what and when, old → new in words.
import { h } from '../dom';
import { statusLabel, criticalityLabel, timeElement } from '../format';
import { categoryLabel, groupName } from '../directory';
import type { Card } from '../directory';
import type { Category, Group, TicketEvent } from '../api/types';

/** What turns ids in events into names. */
export interface Names {
  cats: Category[];
  grps: Group[];
  people: Map<number, Card>;
}

export function historyTimeline(events: TicketEvent[], names: Names): HTMLElement {
  if (!events.length) return h('p', { class: 'muted' }, 'No history yet.');
  return h(
    'ol',
    { class: 'timeline' },
    events.map((e) =>
      h(
        'li',
        { class: `timeline-item kind-${e.kind}` },
        h('p', null, h('strong', null, actorName(e, names)), ' ', describe(e, names)),
        timeElement(e.at),
      ),
    ),
  );
}

function actorName(e: TicketEvent, names: Names): string {
  if (e.actor_id === null || e.actor_id === undefined) return 'System';
  return names.people.get(e.actor_id)?.name ?? `User ${e.actor_id}`;
}

function personName(names: Names, id: string): string {
  if (!id) return 'nobody';
  return names.people.get(Number(id))?.name ?? `user ${id}`;
}

/** The sentence after the actor's name. */
export function describe(e: TicketEvent, names: Names): string {
  switch (e.kind) {
    case 'created':
      return 'created the ticket';
    case 'replied':
      return 'replied';
    case 'note_added':
      return 'added an internal note';
    case 'status_changed':
      return `changed the status from ${statusLabel(e.old)} to ${statusLabel(e.new)}`;
    case 'assigned':
      return e.new ? `assigned the ticket to ${personName(names, e.new)}` : 'unassigned the ticket';
    case 'group_changed':
      return `moved the ticket from ${groupName(names.grps, e.old)} to ${groupName(names.grps, e.new)}`;
    case 'feedback_given':
      return `left feedback: ${e.new} of 5`;
    case 'attachment_added':
      return `attached ${e.new}`;
    case 'field_changed':
      return describeField(e, names);
    default:
      return e.field ? `changed ${e.field}` : e.kind.replace(/_/g, ' ');
  }
}

function describeField(e: TicketEvent, names: Names): string {
  let show = (v: string): string => v || '—';
  if (e.field === 'criticality') show = criticalityLabel;
  if (e.field === 'category') show = (v) => categoryLabel(names.cats, v);
  if (e.field === 'tier') show = (v) => (v ? `L${v}` : '—');
  return `changed ${e.field} from ${show(e.old)} to ${show(e.new)}`;
}

/** The user ids a timeline names (actors and assignees), to fetch their cards. */
export function peopleInEvents(events: TicketEvent[]): number[] {
  const ids: number[] = [];
  for (const e of events) {
    if (e.actor_id !== null && e.actor_id !== undefined) ids.push(e.actor_id);
    if (e.kind === 'assigned') {
      if (e.old) ids.push(Number(e.old));
      if (e.new) ids.push(Number(e.new));
    }
  }
  return ids;
}
