// One ticket: what the customer reported, the conversation and the reply
// form, the SLA clock, the details, the process with its diagram (and, for
// staff, what is proposed for L1's classification), the actions the viewer
// may take and the history. The page keeps itself current: live events of
// the ticket redraw it, and the SLA clock is read again every minute. When
// the ticket leaves the viewer's sight (a transition handed it on: the
// server answers 404), the page says so and goes back to the list. Keys:
// j and k open the next and previous ticket of the list it was opened
// from, r and n start a reply or an internal note, t the process's next
// step.
import { h, replace, announce } from '../dom';
import { api, ApiError } from '../api';
import { currentUser, isStaff } from '../session';
import { navigate } from '../router';
import { ticketNumber } from '../format';
import { categories, groups, levels, userCards } from '../directory';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { onLiveReset, onTicketEvent } from '../live/stream';
import { debounce, every } from '../live/timing';
import { showBanner } from '../ui/banner';
import { showError } from '../ui/form';
import { customerDeadline } from '../ui/sla';
import { messageList, replyForm } from './ticket_conversation';
import { historyTimeline, peopleInEvents } from './ticket_history';
import { customerActions, staffActions } from './ticket_actions';
import { processPanel } from './ticket_process';
import { diagramCard } from './ticket_diagram';
import { ticketShortcuts } from './ticket_keys';
import { slaPanel } from './ticket_sla';
import { watchPresence } from '../desk/presence';
import { details, header, notFound, reported } from './ticket_parts';
import { learnTickets } from '../process_labels';
import type { Children } from '../dom';
import type { Card } from '../directory';
import type { Location } from '../router';
import type {
  Category,
  Group,
  L1Hint,
  Level,
  Message,
  Ticket,
  TicketEvent,
  TicketPatch,
  Transition,
  TransitionFields,
  User,
} from '../api/types';

/** The parts of the page that a refresh redraws. */
interface Regions {
  header: HTMLElement;
  reported: HTMLElement;
  messages: HTMLElement;
  sla: HTMLElement;
  details: HTMLElement;
  process: HTMLElement;
  actions: HTMLElement;
  history: HTMLElement;
  diagram: ReturnType<typeof diagramCard>;
}

/** What the last refresh loaded. */
interface State {
  ticket: Ticket;
  etag: string;
  cats: Category[];
  grps: Group[];
  lvls: Level[];
  people: Map<number, Card>;
  messages: Message[];
  events: TicketEvent[];
  transitions: Transition[];
  /** What is proposed to L1 for the ticket's classification; staff only, null when nothing. */
  hint: L1Hint | null;
}

export type Refresh = (what?: { messages?: boolean }) => Promise<void>;
/** Sends `changes` with If-Match; true when done (or reloaded after a 412). */
export type Patch = (changes: TicketPatch, form?: HTMLFormElement) => Promise<boolean>;
/**
 * Fires a transition with If-Match. Resolves true when done; false when the
 * page reloaded instead (the ticket changed meanwhile, or left the viewer's
 * sight). Throws the server's refusal for the form to show.
 */
export type Fire = (
  transition: string,
  fields: TransitionFields,
  comment: string,
) => Promise<boolean>;

/** The server no longer shows the ticket to the viewer. */
class Gone extends Error {}

export async function ticketView(
  root: HTMLElement,
  location: Location,
): Promise<void | (() => void)> {
  const id = Number(location.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) {
    replace(root, notFound());
    return;
  }
  const me = currentUser();
  // The route lets only signed-in users here.
  if (!me) throw new Error(t('ticket.signIn'));
  const staff = isStaff(me);
  const regions: Regions = {
    header: h('div', { class: 'ticket-header' }),
    reported: h('div'),
    messages: h('div', { class: 'conversation', 'aria-busy': 'true' }),
    sla: h('div'),
    details: h('div'),
    process: h('div'),
    actions: h('div'),
    history: h('div'),
    diagram: diagramCard(),
  };
  // Set by the first refresh, which completes before anything else reads it.
  let state!: State;
  /** True once the ticket left the viewer's sight or the page was left: no more requests. */
  let stopped = false;
  /** Own changes in flight: their own refresh follows, live events wait. */
  let acting = 0;
  /** Until then, live events of one's own change are not read again (its refresh did). */
  let quietUntil = 0;
  const ownChangeDone = (): void => {
    quietUntil = Date.now() + 3000;
  };
  let stops: (() => void)[] = [];
  const stop = (): void => {
    stopped = true;
    regions.diagram.destroy();
    for (const fn of stops) fn();
    stops = [];
  };

  /** Reads the ticket; throws Gone on 404, so nothing else is asked for it. */
  const readTicket = async (): Promise<{ ticket: Ticket; etag: string }> => {
    try {
      return await api.ticket(id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw new Gone();
      throw error;
    }
  };

  const refresh = async (what: { messages?: boolean } = { messages: true }): Promise<void> => {
    if (stopped) return;
    // The ticket first: when it is out of sight, its parts would all be 404.
    const { ticket, etag } = await readTicket();
    const [messages, events, cats, grps, transitions, lvls, hint] = await Promise.all([
      what.messages || !state ? api.messages(id) : Promise.resolve(state.messages),
      api.events(id),
      categories(),
      groups(),
      api.transitions(id),
      // The level's calendar in words; the page does without it.
      levels().catch((): Level[] => []),
      // The proposal for L1 (never asked for customers); the page does without it.
      staff ? api.l1Hint(id).catch((): L1Hint | null => null) : Promise.resolve(null),
    ]);
    const people = await userCards([
      ticket.initiator_id,
      ticket.assignee_id,
      ...messages.map((m) => m.author_id),
      ...peopleInEvents(events),
    ]);
    if (stopped) return;
    learnTickets([ticket]);
    const messagesChanged = !state || Boolean(what.messages);
    state = { ticket, etag, cats, grps, lvls, people, messages, events, transitions, hint };
    render(regions, state, {
      me,
      staff,
      messagesChanged,
      patch,
      refresh: refreshSafely,
      onFeedback,
      fire,
    });
  };

  /** The ticket left the viewer's sight: say so and go back to the list. */
  const leave = (): void => {
    if (stopped) return;
    stop();
    document.querySelector<HTMLDialogElement>('dialog.dialog[open]')?.close();
    showBanner(t('ticket.movedOn'), 'info', { keep: true });
    navigate(staff ? '/queue' : '/tickets', { replace: true });
  };

  const refreshSafely: Refresh = async (what = { messages: true }) => {
    try {
      await refresh(what);
    } catch (error) {
      if (error instanceof Gone) leave();
      else showError(null, error);
    }
  };

  const fire: Fire = async (transition, fields, comment) => {
    acting += 1;
    try {
      await api.fireTransition(id, transition, fields, comment, state.etag);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        await refreshSafely();
        showBanner(t('ticket.changedMeanwhile'), 'info');
        return false;
      }
      if (error instanceof ApiError && error.status === 404) {
        leave();
        return false;
      }
      throw error;
    } finally {
      acting -= 1;
    }
    announce(t('ticket.movedOnAnnounce'));
    await refreshSafely();
    ownChangeDone();
    return !stopped;
  };

  // Feedback changes only the history; the thanks note stays where it is.
  const onFeedback = async (): Promise<void> => {
    try {
      const events = await api.events(id);
      for (const [key, card] of await userCards(peopleInEvents(events))) {
        state.people.set(key, card);
      }
      state.events = events;
      replace(regions.history, historyTimeline(events, historyNames(state, staff)));
    } catch (error) {
      showError(null, error);
    }
  };

  const patch: Patch = async (changes, form) => {
    acting += 1;
    try {
      await api.patchTicket(id, changes, state.etag);
      markSaved(regions.actions);
      await refresh();
      ownChangeDone();
      announce(t('ticket.updated'));
      return true;
    } catch (error) {
      if (error instanceof Gone) {
        leave();
        return true;
      }
      if (error instanceof ApiError && error.status === 412) {
        showBanner(t('ticket.changedMeanwhile'), 'info');
        markSaved(regions.actions);
        await refreshSafely({ messages: true });
        return true;
      }
      showError(form ?? null, error);
      return false;
    } finally {
      acting -= 1;
    }
  };

  try {
    await refresh();
  } catch (error) {
    regions.diagram.destroy();
    if (error instanceof Gone) {
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
      ownChangeDone();
      document.getElementById(`message-${message.id}`)?.scrollIntoView({ block: 'nearest' });
    },
  });
  replace(root, layout(regions, reply, staff));
  // Staff: who else has the ticket open, above the reply box (never asked for customers).
  const presence = staff ? watchPresence(id, reply) : null;

  // Live: events of this ticket redraw it (a burst of them once).
  const live = debounce(400, () => {
    if (stopped) return;
    if (acting) live();
    else void refreshSafely({ messages: true });
  });
  // Every minute the SLA clock as the server counts it now; a changed
  // ticket is drawn anew.
  const tick = async (): Promise<void> => {
    if (stopped || acting) return;
    try {
      const { ticket, etag } = await readTicket();
      if (stopped) return;
      if (ticket.version !== state.ticket.version) {
        await refresh({ messages: true });
        return;
      }
      state = { ...state, ticket, etag };
      drawSla(regions, state, staff);
    } catch (error) {
      if (error instanceof Gone) leave();
      // Otherwise keep what is shown; the next minute tries again.
    }
  };
  stops = [
    onTicketEvent((event) => {
      if (event.ticket_id !== id) return;
      if (event.actor_id === me.id && Date.now() < quietUntil) return;
      live();
    }),
    onLiveReset(live),
    every(60_000, () => void tick()),
    live.cancel,
    ticketShortcuts({ id, staff, reply, process: regions.process }),
    () => presence?.stop(),
  ];
  return stop;
}

/** Lets the next redraw replace the forms of `region` (their edits are saved or void). */
function markSaved(region: HTMLElement): void {
  for (const form of region.querySelectorAll<HTMLFormElement>('form[data-dirty]')) {
    delete form.dataset.dirty;
  }
}

function layout(regions: Regions, reply: HTMLFormElement, staff: boolean): Children {
  const card = (key: PlainKey, idName: string, body: HTMLElement, focusable = false): HTMLElement =>
    h(
      'section',
      { class: 'card', 'aria-labelledby': idName },
      h('h2', { id: idName, tabindex: focusable ? -1 : undefined }, t(key)),
      body,
    );
  return [
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
          h('h2', { id: 'conversation-title' }, t('ticket.conversation')),
          regions.messages,
        ),
        card(staff ? 'ticket.replyOrNote' : 'ticket.reply', 'reply-title', reply),
        regions.diagram.element,
      ),
      h(
        'aside',
        { class: 'ticket-side', 'aria-label': t('ticket.sideLabel') },
        staff ? card('ticket.sla', 'sla-title', regions.sla) : null,
        card('ticket.details', 'details-title', regions.details),
        card('ticket.process', 'process-title', regions.process),
        card('ticket.actions', 'actions-title', regions.actions, true),
        card('ticket.history', 'history-title', regions.history),
      ),
    ),
  ];
}

/**
 * Fills the regions from the loaded state; keeps keyboard focus on the page
 * when the focused control was replaced, and keeps a staff form that has
 * unsaved changes.
 */
function render(
  regions: Regions,
  state: State,
  extra: {
    me: User;
    staff: boolean;
    messagesChanged: boolean;
    patch: Patch;
    refresh: Refresh;
    onFeedback: () => void;
    fire: Fire;
  },
): void {
  const { ticket, cats, grps, lvls, people, messages, events, transitions, hint } = state;
  const { me, staff, messagesChanged, patch, refresh, onFeedback, fire } = extra;
  const hadFocusInActions = regions.actions.contains(document.activeElement);
  const hadFocusInHeader = regions.header.contains(document.activeElement);
  replace(
    regions.header,
    header(ticket, staff, () => refresh({ messages: true })),
  );
  replace(regions.reported, reported(ticket, staff));
  // A feedback form being filled in stays; the next redraw brings the news.
  if (messagesChanged && !regions.messages.querySelector('form[data-dirty]')) {
    replace(regions.messages, messageList(messages, { ticket, me, staff, people, onFeedback }));
    regions.messages.removeAttribute('aria-busy');
  }
  drawSla(regions, state, staff);
  replace(regions.details, details(ticket, staff, { cats, grps, lvls, people }));
  const showDiagram = regions.diagram.show;
  replace(
    regions.process,
    processPanel({ ticket, transitions, fire, staff, cats, showDiagram, hint }),
  );
  regions.diagram.update(ticket, transitions);
  const dirty = regions.actions.querySelector('form[data-dirty]');
  if (!dirty) {
    const ctx = { ticket, me, cats, grps, people, patch, onFeedback };
    replace(regions.actions, staff ? staffActions(ctx) : customerActions(ctx));
  }
  replace(regions.history, historyTimeline(events, historyNames(state, staff)));
  document.title = t('title.page', { title: `${ticketNumber(ticket)} ${ticket.subject}` });
  if (hadFocusInActions && !regions.actions.contains(document.activeElement)) {
    document.getElementById('actions-title')?.focus();
  }
  if (hadFocusInHeader && !regions.header.contains(document.activeElement)) {
    regions.header.querySelector<HTMLElement>('[data-refresh]')?.focus();
  }
}

function historyNames(state: State, staff: boolean): Parameters<typeof historyTimeline>[1] {
  return {
    cats: state.cats,
    grps: state.grps,
    people: state.people,
    staff,
    ticket: state.ticket,
  };
}

/** The SLA card (staff) or the deadline line under the title (customers). */
function drawSla(regions: Regions, state: State, staff: boolean): void {
  if (staff) {
    slaPanel(regions.sla, state.ticket, state.lvls);
    return;
  }
  const slot = regions.header.querySelector<HTMLElement>('[data-deadline]');
  if (slot) slot.textContent = customerDeadline(state.ticket) ?? '';
}
