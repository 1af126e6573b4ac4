// The JSON API client: one place that knows URLs, the CSRF header,
// If-Match/ETag, Idempotency-Key and problem+json errors. Routes, request
// bodies and answers are typed from docs/openapi.yaml (./api/types.ts).
import { asSent } from './api/types';
import { currentLanguage, t } from './i18n';
import type {
  CannedReply,
  Category,
  Coupon,
  Group,
  L1Hint,
  LevelTerms,
  MeInfo,
  Message,
  MethodOf,
  NotificationPage,
  NewFeedback,
  NewMessage,
  Ok,
  Path,
  PathParams,
  Problem,
  Query,
  ProfilePatch,
  RequestBody,
  SessionInfo,
  Ticket,
  TicketEvent,
  TicketPage,
  TicketPatch,
  TicketQuery,
  TicketSla,
  Transition,
  TransitionFields,
  UserCard,
  UserOption,
} from './api/types';

/** An error answer of the API (RFC 9457 problem+json) or a network failure. */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  /** The input field the error is about, when the server named one. */
  readonly field: string;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || t('error.requestFailed', { status }));
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type ?? '';
    this.title = problem.title ?? '';
    this.detail = this.message;
    this.field = problem.field ?? '';
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) problem = (await response.json()) as Problem;
  } catch {
    // A body that is not JSON (a proxy's error page): fall back to the status.
  }
  if (!problem.detail && !problem.title) {
    problem = {
      title: response.statusText || t('error.serverAnswered', { status: response.status }),
    };
  }
  return new ApiError(response.status, problem);
}

/** A request body made once by encodeBody, so that a retry sends the same bytes. */
export interface EncodedBody {
  body: Blob | string;
  contentType: string;
}

/** How to send `M` on `P`; at most one of `json`, `form` and `encoded`. */
interface SendOptions<P extends Path, M extends MethodOf<P>> {
  /** Values for the `{name}` segments of the route. */
  params?: PathParams<P>;
  query?: Query<P, M>;
  json?: RequestBody<P, M>;
  /** Multipart with files; its text parts are the JSON body's members. */
  form?: FormData;
  encoded?: EncodedBody;
  headers?: Record<string, string>;
  /** Do not report a 401 as the end of the session (sign-in forms, logout). */
  quiet401?: boolean;
}

/** Talks to /api/v1 with the browser's session cookie. One per page. */
export class ApiClient {
  /** The CSRF token of the session; sent with every unsafe request. */
  csrfToken = '';
  /** Called when the server says the session is gone (401). */
  onUnauthenticated: () => void = () => {};

  /**
   * Sends `method` on the document's route `path` and returns the parsed
   * JSON answer (null for 204 or a body that is not JSON) typed as the
   * document declares it. Throws ApiError for an error answer or no answer.
   */
  async send<P extends Path, M extends MethodOf<P>>(
    method: M,
    path: P,
    options: SendOptions<P, M> = {},
  ): Promise<{ data: Ok<P, M>; response: Response }> {
    const verb = method.toUpperCase(); // fetch leaves "patch" as it is
    const headers: Record<string, string> = {
      Accept: 'application/json',
      // Texts the server writes (process states, instructions, transition
      // labels) come in the language the app shows, even without a profile one.
      'Accept-Language': currentLanguage(),
      ...options.headers,
    };
    let body: BodyInit | undefined;
    if (options.encoded) {
      body = options.encoded.body;
      headers['Content-Type'] = options.encoded.contentType;
    } else if (options.form) {
      body = options.form; // the browser sets the multipart boundary
    } else if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    if (verb !== 'GET' && verb !== 'HEAD' && this.csrfToken) {
      headers['X-CSRF-Token'] = this.csrfToken;
    }
    const url = expand(path, options.params) + queryString(options.query);
    const response = await this.fetchOk(url, { method: verb, headers, body }, options.quiet401);
    const data: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    // The one unchecked step: the server answers as the document says.
    return { data: data as Ok<P, M>, response };
  }

  /**
   * Fetches `url` with the session cookie; throws ApiError for an error
   * answer (reporting a 401 as the end of the session unless `quiet401`)
   * or for no answer at all.
   */
  private async fetchOk(url: string, init: RequestInit, quiet401 = false): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        credentials: 'same-origin',
        cache: 'no-cache', // revalidate: a ticket may change at any moment
      });
    } catch {
      throw new ApiError(0, { detail: t('error.network') });
    }
    if (!response.ok) {
      const error = await problemOf(response);
      if (response.status === 401 && !quiet401) this.onUnauthenticated();
      throw error;
    }
    return response;
  }

  // ---- accounts ----

  async register(email: string, password: string, name: string): Promise<SessionInfo> {
    const { data } = await this.send('post', '/api/v1/auth/register', {
      json: { email, password, name },
      quiet401: true,
    });
    return asSent(data);
  }

  async login(email: string, password: string): Promise<SessionInfo> {
    const { data } = await this.send('post', '/api/v1/auth/login', {
      json: { email, password },
      quiet401: true,
    });
    return asSent(data);
  }

  /**
   * Sets the password of the account a password link names and signs in.
   * 401 when the link is unknown, used or expired.
   */
  async setPassword(token: string, password: string): Promise<SessionInfo> {
    const { data } = await this.send('post', '/api/v1/auth/password', {
      json: { token, password },
      quiet401: true,
    });
    return asSent(data);
  }

  async logout(): Promise<void> {
    await this.send('post', '/api/v1/auth/logout', { quiet401: true });
  }

  /**
   * The current session, or null when nobody is signed in. Asks the route
   * that answers 200 either way, so a signed-out page load logs no error.
   */
  async me(): Promise<SessionInfo | null> {
    const { data } = await this.send('get', '/api/v1/auth/session');
    if (!data.signed_in || !data.user) return null;
    // A browser's session is a cookie session, which always has a CSRF token.
    return asSent({ user: data.user, csrf_token: data.csrf_token ?? '' });
  }

  /** The signed-in person's account and profile (defaults filled in). */
  async profile(): Promise<MeInfo> {
    return asSent((await this.send('get', '/api/v1/me')).data);
  }

  /**
   * Changes the members of `patch`; absent ones stay as they are. A bad value
   * is a 422 naming the member in `field`.
   */
  async updateProfile(patch: ProfilePatch): Promise<MeInfo> {
    return asSent((await this.send('patch', '/api/v1/me', { json: patch })).data);
  }

  // ---- directory ----

  async categories(): Promise<Category[]> {
    return asSent(itemsOf((await this.send('get', '/api/v1/categories')).data));
  }

  async groups(): Promise<Group[]> {
    return asSent(itemsOf((await this.send('get', '/api/v1/groups')).data));
  }

  async user(id: number): Promise<UserCard> {
    return asSent((await this.send('get', '/api/v1/users/{id}', { params: { id } })).data);
  }

  /** Active staff of `roles` (all staff roles when none) whose name or e-mail has `q`. */
  async users(roles: string[], q: string, limit = 20): Promise<UserOption[]> {
    const query = { role: roles.join(',') || undefined, q: q.trim() || undefined, limit };
    return asSent(itemsOf((await this.send('get', '/api/v1/users', { query })).data));
  }

  // ---- support levels and coupons ----

  /**
   * The support levels in force, each with its targets, calendar, whom it
   * serves and its entitlement table, worded in the app's language.
   */
  async levels(): Promise<LevelTerms[]> {
    return asSent(itemsOf((await this.send('get', '/api/v1/levels')).data));
  }

  /** The caller's special-request coupons (and their company's), used ones included. */
  async myCoupons(): Promise<Coupon[]> {
    return asSent(itemsOf((await this.send('get', '/api/v1/me/coupons')).data));
  }

  // ---- tickets ----

  async listTickets(filter: TicketFilter): Promise<TicketPage> {
    const query = ticketQuery(filter);
    return asSent((await this.send('get', '/api/v1/tickets', { query })).data);
  }

  /**
   * Creates a ticket from a body made by encodeBody. A retry of one
   * submission sends the same body and key, so it never makes a second ticket.
   */
  async createTicket(encoded: EncodedBody, idempotencyKey: string): Promise<Ticket> {
    const headers = { 'Idempotency-Key': idempotencyKey };
    return asSent((await this.send('post', '/api/v1/tickets', { encoded, headers })).data);
  }

  async ticket(id: number): Promise<{ ticket: Ticket; etag: string }> {
    const { data, response } = await this.send('get', '/api/v1/tickets/{id}', { params: { id } });
    const ticket = asSent(data);
    return { ticket, etag: response.headers.get('ETag') ?? `"${ticket.version}"` };
  }

  /** Changes a ticket unless someone changed it since `etag` (412 then). */
  async patchTicket(id: number, patch: TicketPatch, etag: string): Promise<Ticket> {
    const { data } = await this.send('patch', '/api/v1/tickets/{id}', {
      params: { id },
      json: patch,
      headers: { 'If-Match': etag },
    });
    return asSent(data);
  }

  /** The ticket's SLA clock, its level and the timeline that explains the due time. */
  async ticketSla(id: number): Promise<TicketSla> {
    return asSent((await this.send('get', '/api/v1/tickets/{id}/sla', { params: { id } })).data);
  }

  /** What the caller may fire on the ticket now. */
  async transitions(id: number): Promise<Transition[]> {
    const path = '/api/v1/tickets/{id}/transitions';
    return asSent(itemsOf((await this.send('get', path, { params: { id } })).data));
  }

  /**
   * Fires a transition of the ticket's process, with an optional comment,
   * unless the ticket changed since `etag` (412 then).
   */
  async fireTransition(
    id: number,
    transition: string,
    fields: TransitionFields,
    comment: string,
    etag: string,
  ): Promise<Ticket> {
    const { data } = await this.send('post', '/api/v1/tickets/{id}/transitions/{transition}', {
      params: { id, transition },
      // The comment is an internal note when staff fire, a reply from a customer.
      json: comment.trim() ? { fields, comment } : { fields },
      headers: { 'If-Match': etag },
    });
    return asSent(data);
  }

  /**
   * The diagram of the ticket's process as SVG text (not yet sanitised), its
   * current state and path highlighted, labelled in the app's language.
   */
  async processDiagram(id: number): Promise<string> {
    const url = apiUrl('/api/v1/tickets/{id}/process.svg', { id });
    const headers = { Accept: 'image/svg+xml', 'Accept-Language': currentLanguage() };
    return (await this.fetchOk(url, { method: 'GET', headers })).text();
  }

  async messages(ticketId: number): Promise<Message[]> {
    const path = '/api/v1/tickets/{id}/messages';
    return asSent(itemsOf((await this.send('get', path, { params: { id: ticketId } })).data));
  }

  async postMessage(ticketId: number, message: NewMessage, files: File[]): Promise<Message> {
    const path = '/api/v1/tickets/{id}/messages';
    const json: NewMessage = { body: message.body, internal: message.internal };
    const body = files.length ? { form: multipart(json, files) } : { json };
    return asSent((await this.send('post', path, { params: { id: ticketId }, ...body })).data);
  }

  /**
   * The reply templates filled in for the ticket (staff only; 403 for
   * customers): titles in the agent's language, texts in the customer's.
   */
  async cannedReplies(ticketId: number): Promise<CannedReply[]> {
    const path = '/api/v1/tickets/{id}/replies';
    return asSent(itemsOf((await this.send('get', path, { params: { id: ticketId } })).data));
  }

  /**
   * What is proposed to L1 for the ticket's classification (staff only; 403
   * for customers), or null when nothing was proposed (404).
   */
  async l1Hint(ticketId: number): Promise<L1Hint | null> {
    const path = '/api/v1/tickets/{id}/l1-hint';
    try {
      return asSent((await this.send('get', path, { params: { id: ticketId } })).data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  async events(ticketId: number): Promise<TicketEvent[]> {
    const path = '/api/v1/tickets/{id}/events';
    return asSent(itemsOf((await this.send('get', path, { params: { id: ticketId } })).data));
  }

  // ---- notifications ----

  /** The signed-in user's notifications, newest first, with the number unread. */
  async notifications(cursor?: string | null, limit = 20): Promise<NotificationPage> {
    const query = { cursor: cursor ?? undefined, limit };
    return asSent((await this.send('get', '/api/v1/notifications', { query })).data);
  }

  /** Marks one notification read; answers the number still unread. */
  async markNotificationRead(id: number): Promise<number> {
    const path = '/api/v1/notifications/{id}/read';
    const { data } = await this.send('post', path, { params: { id } });
    return data?.unread ?? 0;
  }

  async feedback(ticketId: number, feedback: NewFeedback): Promise<void> {
    const path = '/api/v1/tickets/{id}/feedback';
    await this.send('post', path, { params: { id: ticketId }, json: feedback });
  }
}

/** What a ticket list asks GET /api/v1/tickets for. */
export interface TicketFilter {
  scope: NonNullable<TicketQuery['scope']>;
  status?: string[];
  group?: string;
  tier?: number;
  unassigned?: boolean;
  /** One of the caller's queues (GET /api/v1/queues); it sets status, group, tier, assignee and state. */
  queue?: string;
  /** Process state ids, comma-separated. */
  state?: string;
  /** Created at or after this instant (RFC 3339). */
  createdFrom?: string;
  /** Created before this instant (RFC 3339). */
  createdTo?: string;
  /** Filters the app's form does not show, kept as a saved view has them. */
  more?: Pick<
    TicketQuery,
    'assignee' | 'level' | 'criticality' | 'channel' | 'category' | 'company'
  >;
  sort?: TicketQuery['sort'];
  cursor?: string | null;
  limit?: number;
}

/** The query parameters of GET /api/v1/tickets for `filter`; absent values are undefined. */
export function ticketQuery(filter: TicketFilter): TicketQuery {
  return {
    scope: filter.scope,
    queue: filter.queue || undefined,
    status: filter.status?.length ? filter.status.join(',') : undefined,
    group: filter.group || undefined,
    tier: filter.tier || undefined,
    unassigned: filter.unassigned ? true : undefined,
    state: filter.state || undefined,
    created_from: filter.createdFrom || undefined,
    created_to: filter.createdTo || undefined,
    ...filter.more,
    sort: filter.sort,
    cursor: filter.cursor ?? undefined,
    limit: filter.limit,
  };
}

/**
 * The URL of a route of the document for a link (a download, the process
 * diagram), so that a renamed route fails to compile there too.
 */
export function apiUrl<P extends Path>(path: P, params: PathParams<P>): string {
  return expand(path, params);
}

/** The URL of `path` with its `{name}` segments filled in from `params`. */
function expand(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
}

/**
 * The list in a collection answer. The API wraps every collection as
 * {items: [...]} (docs/openapi.yaml); a bare array is taken as it is.
 */
function itemsOf<T>(data: { items?: T[] } | T[] | null): T[] {
  return Array.isArray(data) ? data : (data?.items ?? []);
}

/** "?a=1&b=x" of the members of `query` that have a value; "" for none. */
function queryString(query: object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `fields` and `files` as multipart/form-data, the files named "attachments". */
function multipart(fields: Record<string, unknown>, files: File[]): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) form.append(key, String(value));
  }
  for (const file of files) form.append('attachments', file, file.name);
  return form;
}

/**
 * Encodes `fields` as JSON, or with `files` as multipart/form-data whose
 * file parts are named "attachments". The bytes are fixed once made: the
 * server fingerprints the body sent with an Idempotency-Key, and a fresh
 * FormData would get a new random boundary on every retry.
 */
export async function encodeBody(
  fields: Record<string, string | undefined>,
  files: File[],
): Promise<EncodedBody> {
  if (!files.length) return { body: JSON.stringify(fields), contentType: 'application/json' };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) form.append(key, value);
  }
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
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // Version 4 and the RFC 4122 variant, as randomUUID sets them.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The one client of the page. */
export const api = new ApiClient();
