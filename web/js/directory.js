// Reference data the views share, fetched once per page load: categories,
// groups and user cards (author and assignee names).
import { api } from './api.js';

/** @typedef {import('./api.js').Category} Category */
/** @typedef {import('./api.js').Group} Group */
/** @typedef {import('./api.js').UserCard} UserCard */

/** @type {Promise<Category[]> | null} */
let categoriesPromise = null;
/** @type {Promise<Group[]> | null} */
let groupsPromise = null;
/** @type {Map<number, Promise<UserCard>>} */
const users = new Map();

/** @returns {Promise<Category[]>} */
export function categories() {
  categoriesPromise ??= api.categories().catch((error) => {
    categoriesPromise = null; // try again next time
    throw error;
  });
  return categoriesPromise;
}

/** @returns {Promise<Group[]>} */
export function groups() {
  groupsPromise ??= api.groups().catch((error) => {
    groupsPromise = null;
    throw error;
  });
  return groupsPromise;
}

/**
 * A user's card; a stand-in card when the server does not show that user.
 * @param {number} id
 * @returns {Promise<UserCard>}
 */
export function userCard(id) {
  let card = users.get(id);
  if (!card) {
    card = api.user(id).catch(() => ({ id, name: `User ${id}`, role: '' }));
    users.set(id, card);
  }
  return card;
}

/**
 * Fetches the cards of `ids` at once and returns them by id.
 * @param {Iterable<number | null | undefined>} ids
 * @returns {Promise<Map<number, UserCard>>}
 */
export async function userCards(ids) {
  const unique = [...new Set([...ids].filter((id) => id !== null && id !== undefined))];
  const cards = await Promise.all(unique.map((id) => userCard(/** @type {number} */ (id))));
  return new Map(cards.map((card) => [card.id, card]));
}

/** @param {Category[]} list @param {string} slug */
export function categoryLabel(list, slug) {
  if (!slug) return 'Not chosen';
  return list.find((c) => c.slug === slug)?.label ?? slug;
}

/** @param {Group[]} list @param {number | string | null} id */
export function groupName(list, id) {
  if (id === null || id === undefined || id === '') return 'None';
  return list.find((g) => String(g.id) === String(id))?.name ?? `Group ${id}`;
}

/** Forgets cached data, e.g. after signing out. */
export function clearDirectory() {
  categoriesPromise = null;
  groupsPromise = null;
  users.clear();
}
