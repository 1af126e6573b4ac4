// Labels of a process's states, transitions, fields and choices, learnt from
// what the server sends as the app goes: a ticket's state_label (in lists
// and on the ticket page), the transitions on offer with their fields and
// option labels. History events carry only ids, so this is how the history
// names them in words. Kept for the browser tab (sessionStorage), per
// language, as the server words them in the caller's language.
import { currentLanguage } from './i18n';
import type { Ticket, Transition, TransitionField } from './api/types';

interface Known {
  states: Record<string, string>;
  transitions: Record<string, string>;
  fields: Record<string, Pick<TransitionField, 'label' | 'type' | 'options' | 'option_labels'>>;
}

const kStorageKey = 'helpdesk.process-labels';
let known: Known | null = null;
let knownLanguage = '';

function store(): Known {
  if (known && knownLanguage === currentLanguage()) return known;
  knownLanguage = currentLanguage();
  known = { states: {}, transitions: {}, fields: {} };
  try {
    const saved = sessionStorage.getItem(`${kStorageKey}.${knownLanguage}`);
    if (saved) known = { ...known, ...(JSON.parse(saved) as Partial<Known>) };
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

/** Remembers the labels of `transitions` and of the fields they ask for. */
export function learnTransitions(transitions: Transition[]): void {
  const data = store();
  for (const tr of transitions) {
    data.transitions[tr.id] = tr.label;
    for (const f of tr.fields) {
      data.fields[f.name] = {
        label: f.label,
        type: f.type,
        options: f.options,
        option_labels: f.option_labels,
      };
    }
  }
  if (transitions.length) save();
}

export function stateLabel(id: string): string | undefined {
  return store().states[id];
}

export function transitionLabel(id: string): string | undefined {
  return store().transitions[id];
}

export function fieldInfo(name: string): Known['fields'][string] | undefined {
  return store().fields[name];
}
