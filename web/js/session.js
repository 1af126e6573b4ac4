// Who is signed in. Keeps the user and hands the CSRF token to the API
// client; views read it, the header listens for changes.
import { api } from './api.js';

/** @typedef {import('./api.js').User} User */

/** @type {User | null} */
let current = null;
/** @type {Set<(user: User | null) => void>} */
const listeners = new Set();

/** The signed-in user, or null. */
export function currentUser() {
  return current;
}

/** True for every role but customer. @param {User | null} [user] */
export function isStaff(user = current) {
  return !!user && user.role !== 'customer';
}

/**
 * Records a session answer of login, register or /me.
 * @param {import('./api.js').SessionInfo | null} info
 */
export function setSession(info) {
  current = info ? info.user : null;
  api.csrfToken = info ? info.csrf_token : '';
  for (const listener of listeners) listener(current);
}

/** @param {(user: User | null) => void} listener */
export function onSessionChange(listener) {
  listeners.add(listener);
}

/** Asks the server whether the browser's cookie still names a session. */
export async function restoreSession() {
  setSession(await api.me());
  return current;
}

export async function signOut() {
  try {
    await api.logout();
  } finally {
    setSession(null);
  }
}
