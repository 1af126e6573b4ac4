// The API as the app sees it, all derived from the types that `npm run gen:api`
// generates from docs/openapi.yaml (./schema.d.ts). Nothing here restates a
// route or a member by hand: when the document renames, retypes or drops one
// that the app uses, `tsc` fails where it is used.
import type { components, paths } from './schema';

// ---- operations ----

/** A route of the document, e.g. '/api/v1/tickets/{id}'. */
export type Path = keyof paths;
type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The methods the document defines on `P`. */
export type MethodOf<P extends Path> = {
  [M in Method]-?: [NonNullable<paths[P][M]>] extends [never] ? never : M;
}[Method];

type Operation<P extends Path, M extends MethodOf<P>> = NonNullable<paths[P][M]>;
type Responses<P extends Path, M extends MethodOf<P>> = Operation<P, M>['responses'];

type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of a successful (200 or 201) answer to `M` on `P`. */
export type Ok<P extends Path, M extends MethodOf<P>> = JsonOf<
  Responses<P, M>[200 & keyof Responses<P, M>] | Responses<P, M>[201 & keyof Responses<P, M>]
>;

/** The JSON request body of `M` on `P`. */
export type RequestBody<P extends Path, M extends MethodOf<P>> = JsonOf<
  NonNullable<Operation<P, M>['requestBody']>
>;

/** The query parameters of `M` on `P`. */
export type Query<P extends Path, M extends MethodOf<P>> = NonNullable<
  Operation<P, M>['parameters']['query']
>;

/** The `{name}` segments of `P` and their values. */
export type PathParams<P extends Path> = NonNullable<paths[P]['parameters']['path']>;

// ---- objects ----

/**
 * `T` as the server sends it: every member present, at every depth. The
 * document lists few members as `required`, though src/http/json/encode.cpp
 * writes them all on every answer; the app relies on that. Members the server
 * leaves out at times are kept optional with `SentBut`.
 */
export type Sent<T> = T extends readonly (infer Item)[]
  ? Sent<Item>[]
  : T extends object
    ? { [K in keyof T]-?: Sent<T[K]> }
    : T;

/** `Sent<T>`, but the members `K` stay as the document has them. */
export type SentBut<T, K extends keyof T> = Sent<Omit<T, K>> & Pick<T, K>;

/** Reads an answer as `Sent` (the one place that assumption is made). */
export function asSent<T>(value: T): Sent<T> {
  return value as Sent<T>;
}

type Schemas = components['schemas'];

export type Role = Schemas['Role'];
export type Status = Schemas['Status'];
export type Criticality = Schemas['Criticality'];

export type User = Sent<Schemas['User']>;
/** GET and PATCH /me. `csrf_token` comes only with cookie sessions. */
export type MeInfo = SentBut<Schemas['Me'], 'csrf_token'>;
export type ProfilePatch = RequestBody<'/api/v1/me', 'patch'>;
/** What login, register and a password link answer: the session to keep. */
export type SessionInfo = Sent<Schemas['SessionGrant']>;

export type Category = Sent<Schemas['Category']>;
export type Group = Sent<Schemas['Group']>;
export type UserCard = Sent<Ok<'/api/v1/users/{id}', 'get'>>;
/** A person offered by the staff picker (GET /users). */
export type UserOption = Sent<NonNullable<Ok<'/api/v1/users', 'get'>['items']>[number]>;

/** The members a ticket has only while it runs on a business process. */
type ProcessMember = 'state' | 'state_label' | 'final' | 'instructions' | 'process' | 'fields';
export type Ticket = SentBut<Schemas['Ticket'], ProcessMember>;
export type TicketQuery = Query<'/api/v1/tickets', 'get'>;
export type TicketPage = Omit<Sent<Ok<'/api/v1/tickets', 'get'>>, 'items'> & { items: Ticket[] };
export type NewTicket = Schemas['NewTicket'];
/** A ticket's SLA clock as lists and the ticket carry it; null without a clock. */
export type SlaStatus = Sent<Schemas['SlaStatus']>;
/** GET /tickets/{id}/sla: the clock, its level version and the timeline. */
export type TicketSla = Sent<Ok<'/api/v1/tickets/{id}/sla', 'get'>>;
export type SlaSegment = TicketSla['timeline'][number];
export type TicketPatch = RequestBody<'/api/v1/tickets/{id}', 'patch'>;
/** A support level in force: its targets ("6h", "1h30m") and calendar id. */
export type Level = Sent<Schemas['Level']>;
/** A level of GET /levels: also whom it serves and its entitlements, in the caller's language. */
export type LevelTerms = Sent<Schemas['LevelTerms']>;
/** One row of a level's entitlement table: what support does, granted yes, no or limited. */
export type Entitlement = LevelTerms['entitlements'][number];
/** A special-request coupon; `used_at` and `ticket_id` are set once it is used. */
export type Coupon = Sent<Schemas['Coupon']>;

type TransitionSchema = Schemas['AvailableTransition'];
type TransitionFieldSchema = NonNullable<TransitionSchema['fields']>[number];
/** A field a transition asks for; `options` only for enum and user fields. */
export type TransitionField = SentBut<TransitionFieldSchema, 'options'>;
export type Transition = Sent<Omit<TransitionSchema, 'fields'>> & { fields: TransitionField[] };
/** The values sent when firing a transition, by field name. */
export type TransitionFields = NonNullable<
  RequestBody<'/api/v1/tickets/{id}/transitions/{transition}', 'post'>['fields']
>;

export type Attachment = Sent<Schemas['Attachment']>;
export type Message = Sent<Schemas['Message']>;
export type NewMessage = Schemas['NewMessage'];
export type TicketEvent = Sent<Schemas['Event']>;
export type Notification = Sent<Schemas['Notification']>;
export type NotificationPage = Sent<Ok<'/api/v1/notifications', 'get'>>;
export type NewFeedback = RequestBody<'/api/v1/tickets/{id}/feedback', 'post'>;
/** A reply template filled in for a ticket (staff): its title and text. */
export type CannedReply = Sent<Schemas['CannedReply']>;
/**
 * What the help desk proposes to L1 for a ticket's classification (staff):
 * the class, why (the customer's words as written), and once an operator
 * has classified the ticket, what they chose.
 */
export type L1Hint = Sent<Schemas['L1Hint']>;

/** One of a staff member's queues with how many tickets it holds (GET /queues). */
export type Queue = Sent<Schemas['Queue']>;
/** Who else has a ticket open (GET and PUT /tickets/{id}/presence). */
export type Presence = Sent<Schemas['Presence']>;
export type Viewer = Sent<Schemas['Viewer']>;
/** A named ticket list of the caller's (GET and POST /me/views). */
export type SavedView = Sent<Schemas['SavedView']>;

/** An RFC 9457 problem as far as the app reads it; any member may be missing. */
export type Problem = Partial<Schemas['Problem']>;

// ---- administration ----

/** A calendar in force (GET /admin/calendars): `years` is [first, last] covered. */
export type CalendarSummary = Sent<
  NonNullable<Ok<'/api/v1/admin/calendars', 'get'>['items']>[number]
>;
/** One day as a calendar counts it: its kind, transferred or shortened, and working hours. */
export type CalendarDay = Sent<Schemas['CalendarDay']>;
/** Every day of one year of a calendar (GET /admin/calendars/{id}/years/{year}). */
export type CalendarYear = Sent<Ok<'/api/v1/admin/calendars/{id}/years/{year}', 'get'>>;
/** What an upload to a calendar did, or would do (`stored: false` for a dry run). */
export type CalendarImport = Sent<Ok<'/api/v1/admin/calendars/{id}', 'put'>>;
/** A day an upload changes: `before` is null for a year the calendar did not cover. */
export type CalendarChange = CalendarImport['changes'][number];
/** A stored version of a process definition (GET /processes). */
export type ProcessVersion = Sent<Schemas['ProcessVersion']>;
/** The verdict on a process definition; the members after `problems` are the valid one's. */
export type ProcessCheck = SentBut<
  Schemas['ProcessCheck'],
  'id' | 'version' | 'states' | 'transitions' | 'stored_as' | 'svg'
>;
/** A problem of a definition at its line and column (0 when it concerns the whole text). */
export type SourceProblem = Sent<Schemas['SourceProblem']>;
/** What loading a definition did: stored as a new version, or found stored already. */
export type LoadedProcess = Sent<Schemas['LoadedProcess']>;
