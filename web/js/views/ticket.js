// One ticket: what the customer reported, the conversation and the reply
// form, the details, the actions the viewer may take and the history.
import { h, replace, announce } from '../dom.js';
import { api, ApiError } from '../api.js';
import { currentUser, isStaff } from '../session.js';
import { href } from '../router.js';
import { levelLabel, channelLabel, timeElement, ticketNumber } from '../format.js';
import { categories, groups, userCards, categoryLabel, groupName } from '../directory.js';
import { statusBadge, criticalityBadge } from '../ui/badges.js';
import { showBanner } from '../ui/banner.js';
import { showError } from '../ui/form.js';
import { messageList, replyForm } from './ticket_conversation.js';
import { historyTimeline, peopleInEvents } from './ticket_history.js';
import { customerActions, staffActions } from './ticket_actions.js';
import { processPanel } from './ticket_process.js';

/**
 * @typedef {import('../api.js').Ticket} Ticket
 * @typedef {{header: HTMLElement, reported: HTMLElement, messages: HTMLElement,
 *   details: HTMLElement, process: HTMLElement, actions: HTMLElement,
 *   history: HTMLElement}} Regions
 * @typedef {{ticket: Ticket, etag: string, cats: import('../api.js').Category[],
 *   grps: import('../api.js').Group[], people: Map<number, import('../api.js').UserCard>}} State
 * @typedef {(what?: {messages?: boolean}) => Promise<void>} Refresh
 * @typedef {(changes: Record<string, unknown>, form?: HTMLFormElement) => Promise<boolean>} Patch
 */

/** @type {['sources_searched' | 'steps' | 'expected' | 'actual', string][]} */
const kReported = [
  ['sources_searched', 'Already searched'],
  ['steps', 'Steps that led to the problem'],
  ['expected', 'Expected'],
  ['actual', 'What happened instead'],
];

/**
 * @param {HTMLElement} root
 * @param {import('../router.js').Location} location
 */
export async function ticketView(root, location) {
  const id = Number(location.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) {
    replace(root, notFound());
    return;
  }
  const me = /** @type {import('../api.js').User} */ (currentUser());
  const staff = isStaff(me);
  const regions = {
    header: h('div', { class: 'ticket-header' }),
    reported: h('div'),
    messages: h('div', { class: 'conversation', 'aria-busy': 'true' }),
    details: h('div'),
    process: h('div'),
    actions: h('div'),
    history: h('div'),
  };
  /** @type {State} */
  const state = {
    ticket: /** @type {Ticket} */ (/** @type {unknown} */ (null)),
    etag: '',
    cats: [],
    grps: [],
    people: new Map(),
  };

  const refresh = async (/** @type {{messages?: boolean}} */ what = { messages: true }) => {
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
    Object.assign(state, { ticket, etag, cats, grps, people });
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
  /** @type {(transition: string, fields: Record<string, unknown>) => Promise<boolean>} */
  const fire = async (transition, fields) => {
    await api.fireTransition(id, transition, fields, state.etag);
    await refresh();
    announce('Ticket moved on');
    return true;
  };
  // Feedback changes only the history; the thanks note stays where it is.
  const onFeedback = async () => {
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
  /** @type {Refresh} */
  const refreshSafely = async (what = { messages: true }) => {
    try {
      await refresh(what);
    } catch (error) {
      showError(null, error);
    }
  };

  /** @type {Patch} */
  const patch = async (changes, form) => {
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
 * when the focused control was replaced.
 * @param {Regions} regions
 * @param {State} state
 * @param {{me: import('../api.js').User, staff: boolean,
 *   messages: import('../api.js').Message[] | null,
 *   events: import('../api.js').TicketEvent[], patch: Patch, refresh: Refresh,
 *   onFeedback: () => void}} extra
 */
function render(regions, state, extra) {
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
    /** @type {HTMLElement | null} */ (regions.header.querySelector('[data-refresh]'))?.focus();
  }
}

/** @param {Ticket} ticket @param {boolean} staff @param {() => void} onRefresh */
function header(ticket, staff, onRefresh) {
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

/** @param {import('../api.js').Ticket} ticket @param {boolean} staff */
function reported(ticket, staff) {
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

/**
 * @param {import('../api.js').Ticket} ticket
 * @param {boolean} staff
 * @param {import('../api.js').Category[]} cats
 * @param {import('../api.js').Group[]} grps
 * @param {Map<number, import('../api.js').UserCard>} people
 */
function details(ticket, staff, cats, grps, people) {
  const name = (/** @type {number | null} */ id) =>
    id ? (people.get(id)?.name ?? `User ${id}`) : 'Nobody yet';
  /** @type {[string, string | HTMLElement][]} */
  const rows = /** @type {any[]} */ ([
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
  ]).filter(Boolean);
  return h(
    'dl',
    { class: 'details' },
    rows.map(([label, value]) => h('div', null, h('dt', null, label), h('dd', null, value))),
  );
}

function notFound() {
  return h(
    'div',
    { class: 'card empty' },
    h('h1', { id: 'page-title', tabindex: -1 }, 'Ticket not found'),
    h('p', null, 'This ticket does not exist, or you may not see it.'),
    h('a', { class: 'button', href: '#/' }, 'Back to the list'),
  );
}
