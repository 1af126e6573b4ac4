// Who is signed in. Keeps the user and hands the CSRF token to the API
// client; views read it, the header listens for changes.
import { api } from './api';
import type { SessionInfo, User } from './api/types';

let current: User | null = null;
const listeners = new Set<(user: User | null) => void>();

/** The signed-in user, or null. */
export function currentUser(): User | null {
  return current;
}

/** True for every role but customer. */
export function isStaff(user: User | null = current): boolean {
  return !!user && user.role !== 'customer';
}

/** Records a session answer of login, register or /me. */
export function setSession(info: SessionInfo | null): void {
  current = info ? info.user : null;
  api.csrfToken = info ? info.csrf_token : '';
  for (const listener of listeners) listener(current);
}

export function onSessionChange(listener: (user: User | null) => void): void {
  listeners.add(listener);
}

/** Asks the server whether the browser's cookie still names a session. */
export async function restoreSession(): Promise<User | null> {
  setSession(await api.me());
  return current;
}

export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } finally {
    setSession(null);
  }
}
