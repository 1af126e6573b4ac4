// The JSON API client: one place that knows URLs, the CSRF header,
// If-Match/ETag, Idempotency-Key and problem+json errors.

/**
 * @typedef {{id: number, email: string, name: string, role: string, company_id: number | null,
 *   language?: string, time_zone?: string}} User
 * @typedef {{user: User, csrf_token: string}} SessionInfo
 * @typedef {{language: string, time_zone: string, mail_off: string[]}} Profile
 * @typedef {{user: User, csrf_token?: string, profile: Profile}} MeInfo
 * @typedef {{name?: string, language?: string, time_zone?: string,
 *   mail_off?: string[]}} ProfilePatch
 * @typedef {{slug: string, label: string, group_id: number | null, hint: string}} Category
 * @typedef {{id: number, slug: string, name: string, tier: number}} Group
 * @typedef {{id: number, name: string, role: string}} UserCard
 * @typedef {{
 *   id: number, number: number, subject: string, category: string, status: string,
 *   criticality: string, level: string, initiator_id: number, company_id: number | null,
 *   assignee_id: number | null, group_id: number | null, tier: number, channel: string,
 *   sources_searched: string, steps: string, expected: string, actual: string,
 *   version: number, created_at: string, updated_at: string,
 *   state?: string, state_label?: string, final?: boolean, instructions?: string,
 *   process?: {id: string, version: number}, fields?: Record<string, string>
 * }} Ticket
 * @typedef {{name: string, label: string, type: string, required: boolean,
 *   options?: string[]}} TransitionField
 * @typedef {{id: string, label: string, to: string, vote: boolean,
 *   fields: TransitionField[]}} Transition
 * @typedef {{id: number, filename: string, size: number, url: string, content_type?: string}} Attachment
 * @typedef {{id: number, author_id: number, body: string, internal: boolean,
 *   channel?: string, created_at: string, attachments: Attachment[]}} Message
 * @typedef {{kind: string, field: string, old: string, new: string, at: string,
 *   actor_id: number | null}} TicketEvent
 * @typedef {{items: Ticket[], next_cursor: string | number | null}} TicketPage
 */

const kBase = '/api/v1';

/** An error answer of the API (RFC 9457 problem+json) or a network failure. */
export class ApiError extends Error {
  /**
   * @param {number} status HTTP status; 0 when the server could not be reached
   * @param {{type?: string, title?: string, detail?: string, field?: string}} problem
   */
  constructor(status, problem) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type ?? '';
    this.title = problem.title ?? '';
    this.detail = this.message;
    /** The input field the error is about, when the server named one. */
    this.field = problem.field ?? '';
  }
}

/**
 * @param {Response} response
 * @returns {Promise<ApiError>}
 */
async function problemOf(response) {
  /** @type {{type?: string, title?: string, detail?: string, field?: string}} */
  let problem = {};
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) problem = await response.json();
  } catch {
    // A body that is not JSON (a proxy's error page): fall back to the status.
  }
  if (!problem.detail && !problem.title) {
    problem = { title: response.statusText || `The server answered ${response.status}` };
  }
  return new ApiError(response.status, problem);
}

/** Talks to /api/v1 with the browser's session cookie. One per page. */
export class ApiClient {
  constructor() {
    /** The CSRF token of the session; sent with every unsafe request. */
    this.csrfToken = '';
    /** Called when the server says the session is gone (401). @type {() => void} */
    this.onUnauthenticated = () => {};
  }

  /**
   * @param {string} method
   * @param {string} path below /api/v1
   * @param {{json?: unknown, form?: FormData, encoded?: EncodedBody, headers?: Record<string, string>,
   *   query?: Record<string, string | number | undefined>, quiet401?: boolean}} [options]
   * @returns {Promise<{data: any, response: Response}>}
   */
  async send(method, path, options = {}) {
    /** @type {Record<string, string>} */
    const headers = { Accept: 'application/json', ...options.headers };
    /** @type {BodyInit | undefined} */
    let body;
    if (options.encoded) {
      body = options.encoded.body;
      headers['Content-Type'] = options.encoded.contentType;
    } else if (options.form) {
      body = options.form; // the browser sets the multipart boundary
    } else if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    if (method !== 'GET' && method !== 'HEAD' && this.csrfToken) {
      headers['X-CSRF-Token'] = this.csrfToken;
    }
    let response;
    try {
      response = await fetch(kBase + path + queryString(options.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        cache: 'no-cache', // revalidate: a ticket may change at any moment
      });
    } catch {
      throw new ApiError(0, {
        detail: 'Cannot reach the help desk server. Check your connection and try again.',
      });
    }
    if (!response.ok) {
      const error = await problemOf(response);
      if (response.status === 401 && !options.quiet401) this.onUnauthenticated();
      throw error;
    }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    return { data, response };
  }

  // ---- accounts ----

  /**
   * @param {string} email
   * @param {string} password
   * @param {string} name
   * @returns {Promise<SessionInfo>}
   */
  async register(email, password, name) {
    return (
      await this.send('POST', '/auth/register', { json: { email, password, name }, quiet401: true })
    ).data;
  }

  /**
   * @param {string} email
   * @param {string} password
   * @returns {Promise<SessionInfo>}
   */
  async login(email, password) {
    return (await this.send('POST', '/auth/login', { json: { email, password }, quiet401: true }))
      .data;
  }

  /**
   * Sets the password of the account a password link names and signs in.
   * 401 when the link is unknown, used or expired.
   * @param {string} token
   * @param {string} password
   * @returns {Promise<SessionInfo>}
   */
  async setPassword(token, password) {
    return (
      await this.send('POST', '/auth/password', { json: { token, password }, quiet401: true })
    ).data;
  }

  async logout() {
    await this.send('POST', '/auth/logout', { quiet401: true });
  }

  /**
   * The current session, or null when nobody is signed in. Asks the route
   * that answers 200 either way, so a signed-out page load logs no error.
   * @returns {Promise<SessionInfo | null>}
   */
  async me() {
    const session = (await this.send('GET', '/auth/session')).data;
    return session.signed_in ? session : null;
  }

  /** The signed-in person's account and profile (defaults filled in). @returns {Promise<MeInfo>} */
  async profile() {
    return (await this.send('GET', '/me')).data;
  }

  /**
   * Changes the members of `patch`; absent ones stay as they are. A bad value
   * is a 422 naming the member in `field`.
   * @param {ProfilePatch} patch
   * @returns {Promise<MeInfo>}
   */
  async updateProfile(patch) {
    return (await this.send('PATCH', '/me', { json: patch })).data;
  }

  // ---- directory ----

  /** @returns {Promise<Category[]>} */
  async categories() {
    return itemsOf((await this.send('GET', '/categories')).data);
  }

  /** @returns {Promise<Group[]>} */
  async groups() {
    return itemsOf((await this.send('GET', '/groups')).data);
  }

  /** @param {number} id @returns {Promise<UserCard>} */
  async user(id) {
    return (await this.send('GET', `/users/${encodeURIComponent(String(id))}`)).data;
  }

  // ---- tickets ----

  /**
   * @param {{scope: 'mine' | 'queue', status?: string[], group?: string, unassigned?: boolean,
   *   cursor?: string | number | null, limit?: number}} filter
   * @returns {Promise<TicketPage>}
   */
  async listTickets(filter) {
    const query = {
      scope: filter.scope,
      status: filter.status?.length ? filter.status.join(',') : undefined,
      group: filter.group || undefined,
      unassigned: filter.unassigned ? 'true' : undefined,
      cursor: filter.cursor ?? undefined,
      limit: filter.limit,
    };
    return (await this.send('GET', '/tickets', { query })).data;
  }

  /**
   * Creates a ticket from a body made by encodeBody. A retry of one
   * submission sends the same body and key, so it never makes a second ticket.
   * @param {EncodedBody} encoded
   * @param {string} idempotencyKey
   * @returns {Promise<Ticket>}
   */
  async createTicket(encoded, idempotencyKey) {
    const headers = { 'Idempotency-Key': idempotencyKey };
    return (await this.send('POST', '/tickets', { encoded, headers })).data;
  }

  /** @param {number} id @returns {Promise<{ticket: Ticket, etag: string}>} */
  async ticket(id) {
    const { data, response } = await this.send('GET', `/tickets/${encodeURIComponent(String(id))}`);
    return { ticket: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
  }

  /**
   * Changes a ticket unless someone changed it since `etag` (412 then).
   * @param {number} id
   * @param {Record<string, unknown>} patch
   * @param {string} etag
   * @returns {Promise<Ticket>}
   */
  async patchTicket(id, patch, etag) {
    const options = { json: patch, headers: { 'If-Match': etag } };
    return (await this.send('PATCH', `/tickets/${encodeURIComponent(String(id))}`, options)).data;
  }

  /**
   * What the caller may fire on the ticket now.
   * @param {number} id
   * @returns {Promise<Transition[]>}
   */
  async transitions(id) {
    const path = `/tickets/${encodeURIComponent(String(id))}/transitions`;
    return itemsOf((await this.send('GET', path)).data);
  }

  /**
   * Fires a transition of the ticket's process unless the ticket changed
   * since `etag` (412 then).
   * @param {number} id
   * @param {string} transition
   * @param {Record<string, unknown>} fields
   * @param {string} etag
   * @returns {Promise<Ticket>}
   */
  async fireTransition(id, transition, fields, etag) {
    const path = `/tickets/${encodeURIComponent(String(id))}/transitions/${encodeURIComponent(
      transition,
    )}`;
    const options = { json: { fields }, headers: { 'If-Match': etag } };
    return (await this.send('POST', path, options)).data;
  }

  /** @param {number} ticketId @returns {Promise<Message[]>} */
  async messages(ticketId) {
    const path = `/tickets/${encodeURIComponent(String(ticketId))}/messages`;
    return itemsOf((await this.send('GET', path)).data);
  }

  /**
   * @param {number} ticketId
   * @param {{body: string, internal: boolean}} message
   * @param {File[]} files
   * @returns {Promise<Message>}
   */
  async postMessage(ticketId, message, files) {
    const path = `/tickets/${encodeURIComponent(String(ticketId))}/messages`;
    const fields = { body: message.body, internal: message.internal };
    return (await this.send('POST', path, withFiles(fields, files, {}))).data;
  }

  /** @param {number} ticketId @returns {Promise<TicketEvent[]>} */
  async events(ticketId) {
    const path = `/tickets/${encodeURIComponent(String(ticketId))}/events`;
    return itemsOf((await this.send('GET', path)).data);
  }

  /**
   * @param {number} ticketId
   * @param {{rating: number, comment: string, message_id?: number}} feedback
   */
  async feedback(ticketId, feedback) {
    const path = `/tickets/${encodeURIComponent(String(ticketId))}/feedback`;
    return (await this.send('POST', path, { json: feedback })).data;
  }
}

/**
 * The list in a collection answer. The API wraps every collection as
 * {items: [...]} (docs/openapi.yaml); a bare array is taken as it is.
 * @template T
 * @param {{items: T[]} | T[]} data
 * @returns {T[]}
 */
function itemsOf(data) {
  return Array.isArray(data) ? data : (data?.items ?? []);
}

/**
 * @param {Record<string, string | number | undefined> | undefined} query
 */
function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * JSON without files, multipart/form-data with them.
 * @param {Record<string, unknown>} fields
 * @param {File[]} files
 * @param {Record<string, string>} headers
 */
function withFiles(fields, files, headers) {
  if (!files.length) return { json: fields, headers };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) form.append(key, String(value));
  }
  for (const file of files) form.append('attachments', file, file.name);
  return { form, headers };
}

/**
 * @typedef {{body: Blob | string, contentType: string}} EncodedBody
 */

/**
 * Encodes `fields` as JSON, or with `files` as multipart/form-data whose
 * file parts are named "attachments". The bytes are fixed once made: the
 * server fingerprints the body sent with an Idempotency-Key, and a fresh
 * FormData would get a new random boundary on every retry.
 * @param {Record<string, string>} fields
 * @param {File[]} files
 * @returns {Promise<EncodedBody>}
 */
export async function encodeBody(fields, files) {
  if (!files.length) return { body: JSON.stringify(fields), contentType: 'application/json' };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append('attachments', file, file.name);
  const encoded = new Response(form);
  return {
    body: await encoded.blob(),
    contentType: encoded.headers.get('Content-Type') ?? 'multipart/form-data',
  };
}

/**
 * A random key for Idempotency-Key. crypto.randomUUID exists only in secure
 * contexts (HTTPS, localhost); plain HTTP on a LAN address gets the same
 * shape from getRandomValues.
 */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The one client of the page. */
export const api = new ApiClient();
