// The people pages in the API: users (search, invite, change, disable,
// password links, bearer tokens), companies, staff groups with their
// members, and the audit log (a page at a time, or the whole filtered log as
// CSV). Administrators only: the server answers 403 to anyone else, and the
// pages never ask for another role. Every route is one of docs/openapi.yaml.
import { api } from '../api';
import { asSent } from '../api/types';
import type { Path, Query, RequestBody, Role, Sent } from '../api/types';
import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** A user as administrators see them: company, groups, disabled, invited (no password). */
export type AdminUser = Sent<Schemas['AdminUser']>;
/** An invitation or password reset: the user and the link (relative to the help desk). */
export type PasswordLink = Sent<Schemas['PasswordLink']>;
export type Company = Sent<Schemas['Company']>;
/** A staff group: its name in the reader's language, every language's, tier and member ids. */
export type AdminGroup = Sent<Schemas['AdminGroup']>;
/** One administrative change: who, when, what, and each value before and after. */
export type AuditEntry = Sent<Schemas['AuditEntry']>;
export type UserQuery = Query<'/api/v1/admin/users', 'get'>;
export type NewUser = RequestBody<'/api/v1/admin/users', 'post'>;
/** The members to change; absent ones stay as they are. */
export type UserPatch = RequestBody<'/api/v1/admin/users/{id}', 'patch'>;
export type CompanyPatch = RequestBody<'/api/v1/admin/companies/{id}', 'patch'>;
export type NewGroup = RequestBody<'/api/v1/admin/groups', 'post'>;
export type GroupPatch = RequestBody<'/api/v1/admin/groups/{id}', 'patch'>;
export type AuditQuery = Query<'/api/v1/admin/audit', 'get'>;

/** A page of a list and the cursor of the next one (null on the last). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** Users matching `query`, by id; at most `limit` (50 by default) a page. */
export async function users(query: UserQuery): Promise<Page<AdminUser>> {
  const { data } = await api.send('get', '/api/v1/admin/users', { query });
  return { items: asSent(data.items ?? []), next: data.next ?? null };
}

/** Every user of `roles` the server lists on one page (up to 500): enough to name staff. */
export async function usersOf(roles: readonly Role[]): Promise<AdminUser[]> {
  return (await users({ role: roles.join(','), limit: 500 })).items;
}

export async function user(id: number): Promise<AdminUser> {
  return asSent((await api.send('get', '/api/v1/admin/users/{id}', { params: { id } })).data);
}

/**
 * Creates the account without a password and mails the invitation; answers
 * the link too. A taken e-mail is a 409, a bad value a 422, each naming its
 * member in `field`.
 */
export async function inviteUser(invitation: NewUser): Promise<PasswordLink> {
  return asSent((await api.send('post', '/api/v1/admin/users', { json: invitation })).data);
}

/**
 * Changes the members of `patch`. Disabling or demoting the last active
 * administrator is a 409 naming `disabled` or `role`.
 */
export async function updateUser(id: number, patch: UserPatch): Promise<AdminUser> {
  const path = '/api/v1/admin/users/{id}';
  return asSent((await api.send('patch', path, { params: { id }, json: patch })).data);
}

/** Mails a link to choose a new password and answers it; 409 for a disabled user. */
export async function resetPassword(id: number): Promise<PasswordLink> {
  const path = '/api/v1/admin/users/{id}/password-reset';
  return asSent((await api.send('post', path, { params: { id } })).data);
}

/** A new bearer token of user `id` named `name`: its text, which is never shown again. */
export async function issueToken(id: number, name: string): Promise<string> {
  const path = '/api/v1/admin/users/{id}/tokens';
  const { data } = await api.send('post', path, { params: { id }, json: { name } });
  return data.token;
}

/** The companies, by name. */
export async function companies(): Promise<Company[]> {
  return asSent((await api.send('get', '/api/v1/admin/companies')).data.items ?? []);
}

/** Adds a company; a name in use is a 409 naming `name`. */
export async function addCompany(name: string, shareTickets: boolean): Promise<Company> {
  const json = { name, share_tickets: shareTickets };
  return asSent((await api.send('post', '/api/v1/admin/companies', { json })).data);
}

export async function updateCompany(id: number, patch: CompanyPatch): Promise<Company> {
  const path = '/api/v1/admin/companies/{id}';
  return asSent((await api.send('patch', path, { params: { id }, json: patch })).data);
}

/** The staff groups, by tier then slug, named in the app's language. */
export async function groups(): Promise<AdminGroup[]> {
  return asSent((await api.send('get', '/api/v1/admin/groups')).data.items ?? []);
}

/** Adds a group; a slug in use is a 409, a bad slug or tier a 422. */
export async function addGroup(group: NewGroup): Promise<AdminGroup> {
  return asSent((await api.send('post', '/api/v1/admin/groups', { json: group })).data);
}

/** Renames a group, changes its tier or replaces its members (active staff only, else 422). */
export async function updateGroup(id: number, patch: GroupPatch): Promise<AdminGroup> {
  const path = '/api/v1/admin/groups/{id}';
  return asSent((await api.send('patch', path, { params: { id }, json: patch })).data);
}

/** A page of the audit log, newest first; a bad filter is a 422 naming it. */
export async function auditPage(query: AuditQuery): Promise<Page<AuditEntry>> {
  const { data } = await api.send('get', '/api/v1/admin/audit', { query });
  return { items: asSent(data.items ?? []), next: data.next ?? null };
}

const kAuditPath = '/api/v1/admin/audit' satisfies Path;

/**
 * The address of the whole log filtered by `query` as CSV, for a download
 * link (the session cookie goes with it).
 */
export function auditCsvUrl(query: Omit<AuditQuery, 'format' | 'cursor' | 'limit'>): string {
  const params = new URLSearchParams({ format: 'csv' });
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return `${kAuditPath}?${params.toString()}`;
}
