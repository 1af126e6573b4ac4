// The agents' desk in the API: the caller's queues with their counts,
// presence on a ticket (the collision warning) and saved views. Staff only;
// the views never call these for customers.
import { api, apiUrl } from '../api';
import { asSent } from '../api/types';
import type { Presence, Queue, SavedView } from '../api/types';

/** The caller's queues, in the order the desk shows them, labelled in their language. */
export async function queues(): Promise<Queue[]> {
  const { data } = await api.send('get', '/api/v1/queues');
  return asSent(data.items);
}

/** Says the caller has ticket `id` open (typing or not); answers who else has. */
export async function announcePresence(id: number, typing: boolean): Promise<Presence> {
  const path = '/api/v1/tickets/{id}/presence';
  return asSent((await api.send('put', path, { params: { id }, json: { typing } })).data);
}

/** Says the caller closed ticket `id`. A gone session is no reason to sign in again here. */
export async function leavePresence(id: number): Promise<void> {
  await api.send('delete', '/api/v1/tickets/{id}/presence', { params: { id }, quiet401: true });
}

/**
 * The same as leavePresence while the page itself goes away (pagehide): a
 * keepalive request outlives the page.
 */
export function leavePresenceOnUnload(id: number): void {
  void fetch(apiUrl('/api/v1/tickets/{id}/presence', { id }), {
    method: 'DELETE',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': api.csrfToken, Accept: 'application/json' },
  }).catch(() => {});
}

/** The caller's saved views, by name. */
export async function savedViews(): Promise<SavedView[]> {
  return asSent((await api.send('get', '/api/v1/me/views')).data.items);
}

/**
 * Saves the list `query` (a query string of GET /api/v1/tickets) as `name`.
 * A name taken or too long is a 422 naming `name`.
 */
export async function saveView(name: string, query: string): Promise<SavedView> {
  return asSent((await api.send('post', '/api/v1/me/views', { json: { name, query } })).data);
}

export async function deleteView(id: number): Promise<void> {
  await api.send('delete', '/api/v1/me/views/{id}', { params: { id } });
}
