// How values read on screen: dates in the browser's local time, labels for
// the ids of statuses, criticalities, roles and support levels.
import type { Criticality, Role, Status } from './api/types';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/**
 * A <time> element: local date and time, the UTC instant in its title.
 * `iso` is an ISO 8601 instant from the API; `compact` shows only the time
 * for today.
 */
export function timeElement(iso: string, options: { compact?: boolean } = {}): HTMLTimeElement {
  const el = document.createElement('time');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    el.textContent = iso;
    return el;
  }
  el.dateTime = date.toISOString();
  el.title = `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  const today = new Date();
  const sameDay = date.toDateString() === today.toDateString();
  el.textContent = options.compact && sameDay ? timeOnly.format(date) : dateTime.format(date);
  return el;
}

// Typed by the document's enums, so a status, criticality or role added
// there fails to compile until it has a label here.
const kStatusLabels: Record<Status, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Waiting for customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

const kCriticalityLabels: Record<Criticality, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  critical: 'Critical',
};

const kRoleLabels: Record<Role, string> = {
  customer: 'Customer',
  l1_operator: 'L1 operator',
  incident_manager: 'Incident manager',
  tester: 'Tester',
  it_operator: 'IT operator',
  developer: 'Developer',
  rfc_board: 'RfC board',
  integrator: 'Integrator',
  administrator: 'Administrator',
};

/** Every status, in the order filters and pickers list them. */
export const kStatuses = Object.keys(kStatusLabels) as Status[];
/** Every criticality, lowest first. */
export const kCriticalities = Object.keys(kCriticalityLabels) as Criticality[];

export function isStatus(id: string): id is Status {
  return Object.hasOwn(kStatusLabels, id);
}

export function isCriticality(id: string): id is Criticality {
  return Object.hasOwn(kCriticalityLabels, id);
}

const kLevelLabels: Record<string, string> = {
  non_commercial: 'Non-commercial',
  client_standard: 'Client standard',
  client_operative: 'Client operative',
  client_vip: 'Client VIP',
  partner_standard: 'Partner standard',
  partner_operative: 'Partner operative',
  enterprise: 'Enterprise',
  special: 'Special request',
};

const kChannelLabels: Record<string, string> = {
  web: 'Web',
  email: 'E-mail',
  phone: 'Phone',
  api: 'API',
  chat: 'Chat',
};

/**
 * The label of `id` in `table`; an unknown id (one the server learnt after
 * this build) reads as its words.
 */
function labelFrom(table: Readonly<Record<string, string>>, id: string): string {
  if (!id) return '—';
  return table[id] ?? id.replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export const statusLabel = (id: string): string => labelFrom(kStatusLabels, id);
export const criticalityLabel = (id: string): string => labelFrom(kCriticalityLabels, id);
export const roleLabel = (id: string): string => labelFrom(kRoleLabels, id);
export const levelLabel = (id: string): string => labelFrom(kLevelLabels, id);
export const channelLabel = (id: string): string => labelFrom(kChannelLabels, id);

/** "1.4 MB" style size. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "#1042" */
export function ticketNumber(ticket: { number: number }): string {
  return `#${ticket.number}`;
}
