// The ticket list a person last looked at: its address, the request that
// fills it, the tickets loaded in their order and the cursor of the next
// page. A ticket opened from it can then show the next or previous one
// (the j and k shortcuts), reading the next page when it runs out. Kept in
// sessionStorage, so it survives a reload but stays with the browser tab.
import { api } from './api';

export type ListRequest = Omit<Parameters<typeof api.listTickets>[0], 'cursor' | 'limit'>;

export interface ListContext {
  /** The list's address, e.g. "/queue?status=new,open&sort=due". */
  path: string;
  request: ListRequest;
  ids: number[];
  cursor: string | null;
}

const kStorageKey = 'helpdesk.list';
const kPageSize = 100;

/** Remembers the list on screen (called whenever its rows change). */
export function rememberList(context: ListContext): void {
  try {
    sessionStorage.setItem(kStorageKey, JSON.stringify(context));
  } catch {
    // Storage full or refused: moving through the list is a convenience.
  }
}

/** The list last looked at in this tab, or null. */
export function lastList(): ListContext | null {
  try {
    const raw = sessionStorage.getItem(kStorageKey);
    if (!raw) return null;
    const value = JSON.parse(raw) as ListContext;
    return Array.isArray(value.ids) && typeof value.path === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Forgets the list (on signing out). */
export function forgetList(): void {
  try {
    sessionStorage.removeItem(kStorageKey);
  } catch {
    // Nothing kept.
  }
}

/**
 * The ticket after (`step` 1) or before (-1) ticket `id` in the last list:
 * its id; 'end' at either end of the list; 'none' when the ticket is not in
 * it (or there is no list). Reads the list's next page when needed.
 */
export async function neighbour(id: number, step: 1 | -1): Promise<number | 'end' | 'none'> {
  const context = lastList();
  if (!context) return 'none';
  const index = context.ids.indexOf(id);
  if (index < 0) return 'none';
  const there = context.ids[index + step];
  if (there !== undefined) return there;
  if (step < 0 || !context.cursor) return 'end';
  const page = await api.listTickets({
    ...context.request,
    cursor: context.cursor,
    limit: kPageSize,
  });
  const known = new Set(context.ids);
  const added = page.items.map((ticket) => ticket.id).filter((x) => !known.has(x));
  const next = { ...context, ids: context.ids.concat(added), cursor: page.next_cursor };
  rememberList(next);
  return added[0] ?? 'end';
}
