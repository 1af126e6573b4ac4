// The support pages in the API: support levels (their current versions,
// recording a new one, moving open tickets to it), licences (searched,
// added, renewed, revoked), partner status, special-request coupons
// (searched, issued, revoked) and the ticket categories with the group each
// routes to. Administrators only: the server answers 403 to anyone else,
// and the pages never ask for another role. Every route is one of
// docs/openapi.yaml.
import { api } from '../api';
import { asSent } from '../api/types';
import type { Criticality, Level, Query, RequestBody, Sent, SentBut } from '../api/types';
import type { components } from '../api/schema';
import type { Language } from '../i18n';

type Schemas = components['schemas'];

/** A licence as administrators see it: whose it is in words, and active, expired or revoked. */
export type Licence = Sent<Schemas['Licence']>;
export type Coupon = Sent<Schemas['Coupon']>;
/** Whose a licence or coupon is: a user (with their e-mail) or a company, by name. */
export type Holder = Licence['holder'];
export type Partner = Sent<Schemas['Partner']>;
/** A category with its texts in every language and the group its tickets go to. */
export type AdminCategory = Sent<Schemas['AdminCategory']>;
export type LicenceQuery = Query<'/api/v1/admin/licences', 'get'>;
export type CouponQuery = Query<'/api/v1/admin/coupons', 'get'>;
export type NewLicence = RequestBody<'/api/v1/admin/licences', 'post'>;
export type NewPartner = RequestBody<'/api/v1/admin/partners', 'post'>;
export type NewCoupon = RequestBody<'/api/v1/admin/coupons', 'post'>;
export type LevelPatch = RequestBody<'/api/v1/admin/levels/{id}', 'put'>;
export type NewCategory = RequestBody<'/api/v1/admin/categories', 'post'>;
export type CategoryPatch = RequestBody<'/api/v1/admin/categories/{slug}', 'patch'>;
export type LicenceState = NonNullable<LicenceQuery['state']>;
export type CouponState = NonNullable<CouponQuery['state']>;

/**
 * A licence or coupon as the routes that make one answer it: without the
 * holder in words and the state, which only the lists carry.
 */
export type IssuedLicence = SentBut<Schemas['Licence'], 'holder' | 'state'>;
export type IssuedCoupon = SentBut<Schemas['Coupon'], 'holder' | 'state'>;

/** A licence added or renewed, and the coupon issued with it. */
export interface LicenceIssued {
  licence: IssuedLicence;
  coupon: IssuedCoupon;
  /** True when the holder's licence of that edition was renewed rather than added. */
  renewed: boolean;
}

/** A level's current version with its title in each language the app speaks. */
export type AdminLevel = Level & { titles: Record<Language, string> };

async function levelsIn(language: Language): Promise<Level[]> {
  const headers = { 'Accept-Language': language };
  const { data } = await api.send('get', '/api/v1/admin/levels', { headers });
  return asSent(data.items ?? []);
}

/**
 * The current version of every level. The API titles a level in the
 * caller's language only, so it is asked once per language: the form
 * shows, and sends back, every language's title.
 */
export async function adminLevels(current: Language): Promise<AdminLevel[]> {
  const [en, ru] = await Promise.all([levelsIn('en'), levelsIn('ru')]);
  const titleIn = (all: Level[], id: string): string => all.find((l) => l.id === id)?.title ?? '';
  return (current === 'ru' ? ru : en).map((level) => ({
    ...level,
    titles: { en: titleIn(en, level.id), ru: titleIn(ru, level.id) },
  }));
}

/**
 * The members of a level to change. `escalate_group: ""` and
 * `escalate_criticality: ""` remove that part of the escalation, as the
 * server answers "" for none; the document's enum of criticalities leaves
 * "" out, so the type adds it here.
 */
export type LevelChange = Omit<LevelPatch, 'escalate_criticality'> & {
  escalate_criticality?: Criticality | '';
};

/**
 * Records a new version of level `id` with the members of `patch` changed
 * and answers it; open tickets keep their version. A bad value is a 422
 * naming its member.
 */
export async function updateLevel(id: string, patch: LevelChange): Promise<Level> {
  const path = '/api/v1/admin/levels/{id}';
  const json = patch as LevelPatch; // "" is the one value the document's enum lacks
  return asSent((await api.send('put', path, { params: { id }, json })).data);
}

/** Moves the open tickets of level `id` to its current version; answers how many moved. */
export async function reapplyLevel(id: string): Promise<number> {
  const path = '/api/v1/admin/levels/{id}/reapply';
  return (await api.send('post', path, { params: { id } })).data.tickets ?? 0;
}

/** The licences matching `query`, newest first. */
export async function licences(query: LicenceQuery): Promise<Licence[]> {
  return asSent((await api.send('get', '/api/v1/admin/licences', { query })).data.items ?? []);
}

/**
 * Adds a licence, or renews the holder's licence of that edition, and
 * issues its coupon. An unknown holder or a bad value is a 422 naming it.
 */
export async function addLicence(licence: NewLicence): Promise<LicenceIssued> {
  return asSent((await api.send('post', '/api/v1/admin/licences', { json: licence })).data);
}

/** Renews licence `id` from `activated` (YYYY-MM-DD) and issues a coupon; 409 when revoked. */
export async function renewLicence(id: number, activated: string): Promise<LicenceIssued> {
  const path = '/api/v1/admin/licences/{id}/renew';
  const json = { activated };
  return asSent((await api.send('post', path, { params: { id }, json })).data);
}

/** Revokes licence `id` for `reason`; 409 when it is revoked already. */
export async function revokeLicence(id: number, reason: string): Promise<Licence> {
  const path = '/api/v1/admin/licences/{id}/revoke';
  const json = { reason };
  return asSent((await api.send('post', path, { params: { id }, json })).data);
}

/** The users and companies with a partner status. */
export async function partners(): Promise<Partner[]> {
  return asSent((await api.send('get', '/api/v1/admin/partners')).data.items ?? []);
}

/** Sets the partner status of a user (by e-mail) or a company (by name); `none` ends it. */
export async function setPartner(partner: NewPartner): Promise<Partner> {
  return asSent((await api.send('post', '/api/v1/admin/partners', { json: partner })).data);
}

/** The coupons matching `query`, newest first. */
export async function coupons(query: CouponQuery): Promise<Coupon[]> {
  return asSent((await api.send('get', '/api/v1/admin/coupons', { query })).data.items ?? []);
}

/** Issues a coupon to a user (by e-mail) or a company (by name); it expires in a year. */
export async function issueCoupon(holder: NewCoupon): Promise<IssuedCoupon> {
  return asSent((await api.send('post', '/api/v1/admin/coupons', { json: holder })).data);
}

/** Revokes the unused coupon `code` for `reason`; 409 when used or revoked already. */
export async function revokeCoupon(code: string, reason: string): Promise<Coupon> {
  const path = '/api/v1/admin/coupons/{code}/revoke';
  const json = { reason };
  return asSent((await api.send('post', path, { params: { code }, json })).data);
}

/** Every ticket category, by slug, with its texts in every language. */
export async function adminCategories(): Promise<AdminCategory[]> {
  return asSent((await api.send('get', '/api/v1/admin/categories')).data.items);
}

/** Adds a category; a slug in use is a 409, a bad slug or group a 422 naming it. */
export async function addCategory(category: NewCategory): Promise<AdminCategory> {
  return asSent((await api.send('post', '/api/v1/admin/categories', { json: category })).data);
}

/** Changes a category's texts or group; from then on directory.yaml no longer overwrites it. */
export async function updateCategory(slug: string, patch: CategoryPatch): Promise<AdminCategory> {
  const path = '/api/v1/admin/categories/{slug}';
  return asSent((await api.send('patch', path, { params: { slug }, json: patch })).data);
}
