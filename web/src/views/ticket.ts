// One ticket: what the customer reported, the conversation and the reply
// form, the details, the actions the viewer may take and the history.
import { h, replace, announce } from '../dom';
import { api, ApiError } from '../api';
import { currentUser, isStaff } from '../session';
import { href } from '../router';
import { levelLabel, channelLabel, timeElement, ticketNumber } from '../format';
import { categories, groups, userCards, categoryLabel, groupName } from '../directory';
import { statusBadge, criticalityBadge } from '../ui/badges';
import { showBanner } from '../ui/banner';
import { showError } from '../ui/form';
import { messageList, replyForm } from './ticket_conversation';
import { historyTimeline, peopleInEvents } from './ticket_history';
import { customerActions, staffActions } from './ticket_actions';
import { processPanel } from './ticket_process';
import type { Children } from '../dom';
import type { Card } from '../directory';
import type { Location } from '../router';
import type {
  Category,
  Group,
  Message,
  Ticket,
  TicketEvent,
  TicketPatch,
  TransitionFields,
  User,
} from '../api/types';

/** The parts of the page that a refresh redraws. */
interface Regions {
  header: HTMLElement;
  reported: HTMLElement;
  messages: HTMLElement;
  details: HTMLElement;
  process: HTMLElement;
  actions: HTMLElement;
  history: HTMLElement;
}

/** What the last refresh loaded. */
interface State {
  ticket: Ticket;
  etag: string;
  cats: Category[];
  grps: Group[];
  people: Map<number, Card>;
}

export type Refresh = (what?: { messages?: boolean }) => Promise<void>;
/** Sends `changes` with If-Match; true when done (or reloaded after a 412). */
export type Patch = (changes: TicketPatch, form?: HTMLFormElement) => Promise<boolean>;
/** Fires a transition with If-Match; true when done. */
export type Fire = (
  transition: string,
  fields: TransitionFields,
  form: HTMLFormElement,
) => Promise<boolean>;

const kReported: ['sources_searched' | 'steps' | 'expected' | 'actual', string][] = [
  ['sources_searched', 'Already searched'],
  ['steps', 'Steps that led to the problem'],
  ['expected', 'Expected'],
  ['actual', 'What happened instead'],
];

export async function ticketView(root: HTMLElement, location: Location): Promise<void> {
  const id = Number(location.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) {
    replace(root, notFound());
    return;
  }
  const me = currentUser();
  // The route lets only signed-in users here.
  if (!me) throw new Error('Sign in to see this ticket.');
  const staff = isStaff(me);
  const regions: Regions = {
    header: h('div', { class: 'ticket-header' }),
    reported: h('div'),
    messages: h('div', { class: 'conversation', 'aria-busy': 'true' }),
    details: h('div'),
    process: h('div'),
    actions: h('div'),
    history: h('div'),
  };
  // Set by the first refresh, which completes before anything else reads it.
  let state!: State;

  const refresh = async (what: { messages?: boolean } = { messages: true }): Promise<void> => {
    const [{ ticket, etag }, messages, events, cats, grps, transitions] = await Promise.all([
      api.ticket(id),
      what.messages ? api.messages(id) : Promise.resolve(null),
      api.events(id),
      categories(),
      groups(),
      api.transitions(id),
    ]);
    const people = await userCards([
      ticket.initiator_id,
      ticket.assignee_id,
      ...(messages ?? []).map((m) => m.author_id),
      ...peopleInEvents(events),
    ]);
    state = { ticket, etag, cats, grps, people };
    render(regions, state, {
      me,
      staff,
      messages,
      events,
      patch,
      refresh: refreshSafely,
      onFeedback,
    });
    replace(regions.process, processPanel({ ticket, transitions, fire }));
  };
  const fire: Fire = async (transition, fields) => {
    await api.fireTransition(id, transition, fields, state.etag);
    await refresh();
    announce('Ticket moved on');
    return true;
  };
  // Feedback changes only the history; the thanks note stays where it is.
  const onFeedback = async (): Promise<void> => {
    try {
      const events = await api.events(id);
      for (const [key, card] of await userCards(peopleInEvents(events))) {
        state.people.set(key, card);
      }
      const names = { cats: state.cats, grps: state.grps, people: state.people };
      replace(regions.history, historyTimeline(events, names));
    } catch (error) {
      showError(null, error);
    }
  };
  const refreshSafely: Refresh = async (what = { messages: true }) => {
    try {
      await refresh(what);
    } catch (error) {
      showError(null, error);
    }
  };

  const patch: Patch = async (changes, form) => {
    try {
      await api.patchTicket(id, changes, state.etag);
      await refresh();
      announce('Ticket updated');
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        showBanner(
          'Someone else changed this ticket in the meantime. It has been reloaded with their changes; check them and apply yours again.',
          'info',
        );
        await refreshSafely({ messages: true });
        return true;
      }
      showError(form ?? null, error);
      return false;
    }
  };

  try {
    await refresh();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      replace(root, notFound());
      return;
    }
    throw error;
  }
  const reply = replyForm({
    ticket: () => state.ticket,
    staff,
    onPosted: async (message) => {
      await refreshSafely({ messages: true });
      document.getElementById(`message-${message.id}`)?.scrollIntoView({ block: 'nearest' });
    },
  });
  replace(
    root,
    regions.header,
    h(
      'div',
      { class: 'ticket-layout' },
      h(
        'div',
        { class: 'ticket-main' },
        regions.reported,
        h(
          'section',
          { 'aria-labelledby': 'conversation-title' },
          h('h2', { id: 'conversation-title' }, 'Conversation'),
          regions.messages,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'reply-title' },
          h('h2', { id: 'reply-title' }, staff ? 'Reply or add a note' : 'Reply'),
          reply,
        ),
      ),
      h(
        'aside',
        { class: 'ticket-side', 'aria-label': 'Ticket details' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'details-title' },
          h('h2', { id: 'details-title' }, 'Details'),
          regions.details,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'process-title' },
          h('h2', { id: 'process-title' }, 'Process'),
          regions.process,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'actions-title' },
          h('h2', { id: 'actions-title', tabindex: -1 }, 'Actions'),
          regions.actions,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'history-title' },
          h('h2', { id: 'history-title' }, 'History'),
          regions.history,
        ),
      ),
    ),
  );
}

/**
 * Fills the regions from the loaded state; keeps keyboard focus on the page
 * when the focused control was replaced. `messages` null keeps the shown ones.
 */
function render(
  regions: Regions,
  state: State,
  extra: {
    me: User;
    staff: boolean;
    messages: Message[] | null;
    events: TicketEvent[];
    patch: Patch;
    refresh: Refresh;
    onFeedback: () => void;
  },
): void {
  const { ticket, cats, grps, people } = state;
  const { me, staff, messages, events, patch, refresh, onFeedback } = extra;
  const hadFocusInActions = regions.actions.contains(document.activeElement);
  const hadFocusInHeader = regions.header.contains(document.activeElement);
  const names = { cats, grps, people };
  replace(
    regions.header,
    header(ticket, staff, () => refresh({ messages: true })),
  );
  replace(regions.reported, reported(ticket, staff));
  if (messages) {
    replace(regions.messages, messageList(messages, { ticket, me, staff, people, onFeedback }));
    regions.messages.removeAttribute('aria-busy');
  }
  replace(regions.details, details(ticket, staff, cats, grps, people));
  const ctx = {
    ticket,
    me,
    cats,
    grps,
    people,
    patch,
    onFeedback,
  };
  replace(regions.actions, staff ? staffActions(ctx) : customerActions(ctx));
  replace(regions.history, historyTimeline(events, names));
  document.title = `${ticketNumber(ticket)} ${ticket.subject} · Help desk`;
  if (hadFocusInActions && !regions.actions.contains(document.activeElement)) {
    document.getElementById('actions-title')?.focus();
  }
  if (hadFocusInHeader && !regions.header.contains(document.activeElement)) {
    regions.header.querySelector<HTMLElement>('[data-refresh]')?.focus();
  }
}

function header(ticket: Ticket, staff: boolean, onRefresh: () => void): HTMLElement[] {
  return [
    h(
      'a',
      { class: 'back-link', href: href(staff ? '/queue' : '/tickets') },
      staff ? '← Queue' : '← All my tickets',
    ),
    h(
      'div',
      { class: 'page-header' },
      h(
        'div',
        null,
        h(
          'h1',
          { id: 'page-title', tabindex: -1 },
          h('span', { class: 'ticket-number' }, ticketNumber(ticket)),
          ' ',
          ticket.subject,
        ),
        h(
          'p',
          { class: 'badges' },
          statusBadge(ticket.status),
          staff ? criticalityBadge(ticket.criticality) : null,
        ),
      ),
      h(
        'button',
        { type: 'button', class: 'button subtle', onclick: onRefresh, dataset: { refresh: '' } },
        'Refresh',
      ),
    ),
  ];
}

function reported(ticket: Ticket, staff: boolean): HTMLElement | null {
  const filled = kReported.filter(([key]) => (ticket[key] ?? '').trim());
  if (!filled.length) return null;
  return h(
    'section',
    { class: 'card reported', 'aria-labelledby': 'reported-title' },
    h('h2', { id: 'reported-title' }, staff ? 'Reported by the customer' : 'What you told us'),
    h(
      'dl',
      null,
      filled.map(([key, label]) => [h('dt', null, label), h('dd', null, ticket[key])]),
    ),
  );
}

function details(
  ticket: Ticket,
  staff: boolean,
  cats: Category[],
  grps: Group[],
  people: Map<number, Card>,
): HTMLElement {
  const name = (id: number | null): string =>
    id ? (people.get(id)?.name ?? `User ${id}`) : 'Nobody yet';
  // [label, value]; null for a row the viewer does not get.
  const rows: ([string, Children] | null)[] = [
    ['Status', statusBadge(ticket.status)],
    ['Category', categoryLabel(cats, ticket.category)],
    ['Support level', levelLabel(ticket.level)],
    staff ? ['Criticality', criticalityBadge(ticket.criticality)] : null,
    ['Group', groupName(grps, ticket.group_id)],
    staff ? ['Tier', `L${ticket.tier}`] : null,
    ['Assignee', name(ticket.assignee_id)],
    ['Requester', name(ticket.initiator_id)],
    ['Channel', channelLabel(ticket.channel)],
    ['Created', timeElement(ticket.created_at)],
    ['Updated', timeElement(ticket.updated_at)],
  ];
  return h(
    'dl',
    { class: 'details' },
    rows
      .filter((row) => row !== null)
      .map(([label, value]) => h('div', null, h('dt', null, label), h('dd', null, value))),
  );
}

function notFound(): HTMLElement {
  return h(
    'div',
    { class: 'card empty' },
    h('h1', { id: 'page-title', tabindex: -1 }, 'Ticket not found'),
    h('p', null, 'This ticket does not exist, or you may not see it.'),
    h('a', { class: 'button', href: '#/' }, 'Back to the list'),
  );
}
