// Labels of process states, learnt from what the server sends as the app
// goes: each ticket's state and state_label (in lists and on the ticket
// page). The queue filter offers these states beside those its queues name.
// Kept for the browser tab (sessionStorage), per language, as the server
// words them in the caller's language.
import { currentLanguage } from './i18n';
import type { Ticket } from './api/types';

interface Known {
  states: Record<string, string>;
}

const kStorageKey = 'helpdesk.process-labels';
let known: Known | null = null;
let knownLanguage = '';

function store(): Known {
  if (known && knownLanguage === currentLanguage()) return known;
  knownLanguage = currentLanguage();
  known = { states: {} };
  try {
    const saved = sessionStorage.getItem(`${kStorageKey}.${knownLanguage}`);
    const states = saved ? (JSON.parse(saved) as Partial<Known>).states : undefined;
    if (states && typeof states === 'object') known = { states };
  } catch {
    // No storage (private mode) or a damaged entry: start empty.
  }
  return known;
}

function save(): void {
  try {
    sessionStorage.setItem(`${kStorageKey}.${knownLanguage}`, JSON.stringify(store()));
  } catch {
    // Storage full or off: the labels last for this page only.
  }
}

/** Remembers the state labels of `tickets`. */
export function learnTickets(tickets: Iterable<Ticket>): void {
  const labels = store().states;
  let changed = false;
  for (const ticket of tickets) {
    if (ticket.state && ticket.state_label && labels[ticket.state] !== ticket.state_label) {
      labels[ticket.state] = ticket.state_label;
      changed = true;
    }
  }
  if (changed) save();
}

/** The states seen so far: [state id, label]. */
export function knownStates(): [string, string][] {
  return Object.entries(store().states);
}
