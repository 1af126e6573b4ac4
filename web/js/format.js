// How values read on screen: dates in the browser's local time, labels for
// the ids of statuses, criticalities, roles and support levels.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/**
 * A <time> element: local date and time, the UTC instant in its title.
 * @param {string} iso an ISO 8601 instant from the API
 * @param {{compact?: boolean}} [options] compact: only the time for today
 */
export function timeElement(iso, options = {}) {
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

export const kStatuses = ['new', 'open', 'pending', 'resolved', 'closed'];
export const kCriticalities = ['low', 'normal', 'high', 'critical'];

const kStatusLabels = {
  new: 'New',
  open: 'Open',
  pending: 'Waiting for customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

const kCriticalityLabels = { low: 'Low', normal: 'Normal', high: 'High', critical: 'Critical' };

const kRoleLabels = {
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

const kLevelLabels = {
  non_commercial: 'Non-commercial',
  client_standard: 'Client standard',
  client_operative: 'Client operative',
  client_vip: 'Client VIP',
  partner_standard: 'Partner standard',
  partner_operative: 'Partner operative',
  enterprise: 'Enterprise',
  special: 'Special request',
};

const kChannelLabels = { web: 'Web', email: 'E-mail', phone: 'Phone', api: 'API', chat: 'Chat' };

/** @param {Record<string, string>} table @param {string} id */
function labelFrom(table, id) {
  if (!id) return '—';
  return table[id] ?? id.replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** @param {string} id */
export const statusLabel = (id) => labelFrom(kStatusLabels, id);
/** @param {string} id */
export const criticalityLabel = (id) => labelFrom(kCriticalityLabels, id);
/** @param {string} id */
export const roleLabel = (id) => labelFrom(kRoleLabels, id);
/** @param {string} id */
export const levelLabel = (id) => labelFrom(kLevelLabels, id);
/** @param {string} id */
export const channelLabel = (id) => labelFrom(kChannelLabels, id);

/** "1.4 MB" style size. @param {number} bytes */
export function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "#1042" @param {{number: number}} ticket */
export function ticketNumber(ticket) {
  return `#${ticket.number}`;
}
