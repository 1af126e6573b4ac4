// Reference data the views share, fetched once per page load: categories,
// groups, support levels and user cards (author and assignee names).
import { api } from './api';
import { t } from './i18n';
import type { Category, Group, LevelTerms, UserCard } from './api/types';

/** The support levels in force (their targets, calendars and entitlements). */
export function levels(): Promise<LevelTerms[]> {
  levelsPromise ??= api.levels().catch((error: unknown) => {
    levelsPromise = null;
    throw error;
  });
  return levelsPromise;
}

/** A user's card, or a stand-in with role "" for a user the server does not show. */
export type Card = Omit<UserCard, 'role'> & { role: UserCard['role'] | '' };

let categoriesPromise: Promise<Category[]> | null = null;
let groupsPromise: Promise<Group[]> | null = null;
let levelsPromise: Promise<LevelTerms[]> | null = null;
const users = new Map<number, Promise<Card>>();

export function categories(): Promise<Category[]> {
  categoriesPromise ??= api.categories().catch((error: unknown) => {
    categoriesPromise = null; // try again next time
    throw error;
  });
  return categoriesPromise;
}

export function groups(): Promise<Group[]> {
  groupsPromise ??= api.groups().catch((error: unknown) => {
    groupsPromise = null;
    throw error;
  });
  return groupsPromise;
}

/** A user's card; a stand-in card when the server does not show that user. */
export function userCard(id: number): Promise<Card> {
  let card = users.get(id);
  if (!card) {
    card = api
      .user(id)
      .catch((): Card => ({ id, name: t('common.userN', { id: String(id) }), role: '' }));
    users.set(id, card);
  }
  return card;
}

/** Fetches the cards of `ids` at once and returns them by id. */
export async function userCards(
  ids: Iterable<number | null | undefined>,
): Promise<Map<number, Card>> {
  const unique = [
    ...new Set([...ids].filter((id): id is number => id !== null && id !== undefined)),
  ];
  const cards = await Promise.all(unique.map((id) => userCard(id)));
  return new Map(cards.map((card) => [card.id, card]));
}

export function categoryLabel(list: Category[], slug: string): string {
  if (!slug) return t('common.notChosen');
  return list.find((c) => c.slug === slug)?.label ?? slug;
}

export function groupName(list: Group[], id: number | string | null | undefined): string {
  if (id === null || id === undefined || id === '') return t('common.none');
  return (
    list.find((g) => String(g.id) === String(id))?.name ?? t('common.groupN', { id: String(id) })
  );
}

/** A person's name from `people`, or "User 12" for one not fetched. */
export function personName(people: Map<number, Card>, id: number): string {
  return people.get(id)?.name ?? t('common.userN', { id: String(id) });
}

/** Forgets cached data, e.g. after signing out. */
export function clearDirectory(): void {
  categoriesPromise = null;
  groupsPromise = null;
  levelsPromise = null;
  users.clear();
}
