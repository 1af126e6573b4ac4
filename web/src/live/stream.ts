// The one live connection of the app: GET /api/v1/events, Server-Sent
// Events, kept open while someone is signed in. Views subscribe to the
// ticket events it brings (a new ticket, a reply, a state change) instead
// of polling. A broken stream is reopened with a growing delay (1 s, 2 s,
// 4 s … 30 s) from the last event received, so nothing in between is lost;
// `event: reset` (too long a gap to replay) tells the views to reload.
import type { TicketEvent } from '../api/types';

type EventListener = (event: TicketEvent) => void;

const kMinDelayMs = 1000;
const kMaxDelayMs = 30_000;

const eventListeners = new Set<EventListener>();
const resetListeners = new Set<() => void>();

let source: EventSource | null = null;
let running = false;
let lastId = 0;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
/** Asked after repeated failures: false when the session has ended. */
let checkSession: () => Promise<boolean> = async () => true;

/** Subscribes to every ticket event the user may read; returns the unsubscribe. */
export function onTicketEvent(listener: EventListener): () => void {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

/** Subscribes to "reload what you show" (a gap too long to replay). */
export function onLiveReset(listener: () => void): () => void {
  resetListeners.add(listener);
  return () => resetListeners.delete(listener);
}

/**
 * Opens the stream unless it is open. `sessionAlive` is asked after a few
 * failed attempts in a row; when it answers false the stream stops.
 */
export function startLive(sessionAlive?: () => Promise<boolean>): void {
  if (sessionAlive) checkSession = sessionAlive;
  if (running) return;
  running = true;
  failures = 0;
  lastId = 0;
  window.addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', onVisible);
  connect();
}

/** Closes the stream (signing out); listeners stay for the next sign-in. */
export function stopLive(): void {
  running = false;
  window.removeEventListener('online', reconnectNow);
  document.removeEventListener('visibilitychange', onVisible);
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  source?.close();
  source = null;
}

function connect(): void {
  retryTimer = null;
  if (!running) return;
  // A first connection hears only what happens from now on; a reconnection
  // is first sent what it missed.
  const url = lastId ? `/api/v1/events?after=${lastId}` : '/api/v1/events';
  const stream = new EventSource(url, { withCredentials: true });
  source = stream;
  stream.onopen = () => {
    failures = 0;
  };
  stream.onmessage = (message: MessageEvent<string>) => {
    let event: TicketEvent;
    try {
      event = JSON.parse(message.data) as TicketEvent;
    } catch {
      return; // not an event of the document; ignore it
    }
    if (typeof event.id === 'number' && event.id > lastId) lastId = event.id;
    for (const listener of [...eventListeners]) listener(event);
  };
  stream.addEventListener('reset', (message) => {
    const id = Number((message as MessageEvent<string>).lastEventId);
    if (Number.isSafeInteger(id) && id > lastId) lastId = id;
    for (const listener of [...resetListeners]) listener();
  });
  // The browser would retry on its own, but not after an error status and
  // not with a growing delay: close and reopen it ourselves.
  stream.onerror = () => {
    stream.close();
    if (source !== stream || !running) return;
    source = null;
    failures += 1;
    void scheduleRetry();
  };
}

async function scheduleRetry(): Promise<void> {
  if (failures >= 3 && !(await checkSession().catch(() => true))) {
    stopLive();
    return;
  }
  if (!running || retryTimer) return;
  const delay = Math.min(kMaxDelayMs, kMinDelayMs * 2 ** Math.min(failures - 1, 5));
  const jitter = Math.random() * 0.2 * delay;
  retryTimer = setTimeout(connect, delay + jitter);
}

/** Back online or back on the tab: try at once instead of waiting out the delay. */
function reconnectNow(): void {
  if (!running || source) return;
  if (retryTimer) clearTimeout(retryTimer);
  failures = 0;
  connect();
}

function onVisible(): void {
  if (document.visibilityState === 'visible') reconnectNow();
}
