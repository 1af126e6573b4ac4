// The signed-in user's notifications (GET /api/v1/notifications): the newest
// page and the number unread, kept current while signed in. The live stream
// carries ticket events, not notifications, so the list is read again after
// the events that queue notifications (SLA warnings and breaches, process
// transitions and votes, assignments) and once a minute besides.
import { api } from '../api';
import { onTicketEvent } from '../live/stream';
import { debounce, every } from '../live/timing';
import type { Notification } from '../api/types';

const kPageSize = 20;
const kNotifyingKinds = new Set([
  'sla_warning',
  'sla_breached',
  'transition_fired',
  'vote_cast',
  'assigned',
  'created',
  'replied',
  'status_changed',
]);

export interface NotificationState {
  items: Notification[];
  unread: number;
  nextCursor: string | null;
  /** False until the first page arrived. */
  loaded: boolean;
}

const state: NotificationState = { items: [], unread: 0, nextCursor: null, loaded: false };
const listeners = new Set<() => void>();
let stops: (() => void)[] = [];
let generation = 0;

export function notificationState(): Readonly<NotificationState> {
  return state;
}

export function onNotificationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const listener of [...listeners]) listener();
}

/** Reads the newest page again; keeps what was shown when that fails. */
export async function reloadNotifications(): Promise<void> {
  const mine = generation;
  try {
    const page = await api.notifications(null, Math.max(kPageSize, state.items.length));
    if (mine !== generation) return; // signed out meanwhile
    state.items = page.items;
    state.unread = page.unread;
    state.nextCursor = page.next_cursor;
    state.loaded = true;
    changed();
  } catch {
    // The bell keeps its last count; the next round tries again.
  }
}

export async function loadMoreNotifications(): Promise<void> {
  if (!state.nextCursor) return;
  const mine = generation;
  const page = await api.notifications(state.nextCursor, kPageSize);
  if (mine !== generation) return;
  const known = new Set(state.items.map((n) => n.id));
  state.items = state.items.concat(page.items.filter((n) => !known.has(n.id)));
  state.unread = page.unread;
  state.nextCursor = page.next_cursor;
  changed();
}

export async function markNotificationRead(id: number): Promise<void> {
  const item = state.items.find((n) => n.id === id);
  if (item?.read) return;
  const unread = await api.markNotificationRead(id);
  if (item) {
    item.read = true;
    item.read_at = new Date().toISOString();
  }
  state.unread = unread;
  changed();
}

export function startNotifications(): void {
  if (stops.length) return;
  generation += 1;
  const soon = debounce(3000, () => void reloadNotifications());
  stops = [
    onTicketEvent((event) => {
      if (kNotifyingKinds.has(event.kind)) soon();
    }),
    every(60_000, () => void reloadNotifications()),
    soon.cancel,
  ];
  void reloadNotifications();
}

export function stopNotifications(): void {
  generation += 1;
  for (const stop of stops) stop();
  stops = [];
  state.items = [];
  state.unread = 0;
  state.nextCursor = null;
  state.loaded = false;
  changed();
}
