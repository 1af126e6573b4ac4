// The filter above a ticket list: statuses for everyone; group, tier,
// "unassigned only", process state and creation dates on the staff queue;
// the sort order for staff. One of the desk's queues (queue=…) sets status,
// group, tier, assignee and state itself, so the queue's page offers only
// the dates. Its state lives in the address
// (#/queue?status=new,open&group=support&tier=2&sort=id) so a reload keeps it.
import { h } from '../dom';
import { kStatuses, statusLabel } from '../format';
import { groups } from '../directory';
import { t } from '../i18n';
import { createdRange, dayStart, stateSelect } from '../desk/filters';
import type { TicketFilter } from '../api';
import type { TicketQuery } from '../api/types';

export type Sort = NonNullable<TicketQuery['sort']>;

export interface Filter {
  /** None means every status. */
  statuses: Set<string>;
  /** A group slug; "" for all groups. */
  group: string;
  /** 1 to 3; 0 for every tier. */
  tier: number;
  unassigned: boolean;
  /** One of the caller's queues (GET /api/v1/queues); "" for none. */
  queue: string;
  /** A process state id; "" for every state. */
  state: string;
  /** Created on or after this day (YYYY-MM-DD in the user's zone); "" for any. */
  createdFrom: string;
  /** Created on or before this day; "" for any. */
  createdTo: string;
  /** Filters of a saved view the form does not show (level, criticality…), kept as they are. */
  more: Partial<Record<MoreKey, string>>;
  sort: Sort;
}

/** The list filters of GET /api/v1/tickets the form leaves as they are. */
export const kMoreKeys = [
  'assignee',
  'level',
  'criticality',
  'channel',
  'category',
  'company',
] as const;
export type MoreKey = (typeof kMoreKeys)[number];

/**
 * Reads the filter from the address, with `defaults` for absent statuses
 * and sort order.
 */
export function filterFromQuery(
  query: URLSearchParams,
  defaults: { statuses: string[]; sort: Sort },
): Filter {
  const status = query.get('status');
  const tier = Number(query.get('tier'));
  const sort = query.get('sort');
  return {
    statuses: new Set(status === null ? defaults.statuses : status.split(',').filter(Boolean)),
    group: query.get('group') ?? '',
    tier: tier >= 1 && tier <= 3 ? tier : 0,
    unassigned: query.get('unassigned') === '1',
    queue: query.get('queue') ?? '',
    state: query.get('state') ?? '',
    createdFrom: dayIn(query.get('created_from')),
    createdTo: dayIn(query.get('created_to')),
    more: Object.fromEntries(
      kMoreKeys.flatMap((key) => {
        const value = query.get(key);
        return value ? [[key, value]] : [];
      }),
    ),
    sort: sort === 'id' || sort === 'due' ? sort : defaults.sort,
  };
}

function dayIn(value: string | null): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

export function filterToQuery(filter: Filter): URLSearchParams {
  const query: Record<string, string> = {};
  if (filter.queue) {
    query.queue = filter.queue;
  } else {
    query.status = [...filter.statuses].join(',');
    if (filter.group) query.group = filter.group;
    if (filter.tier) query.tier = String(filter.tier);
    if (filter.unassigned) query.unassigned = '1';
    if (filter.state) query.state = filter.state;
  }
  if (filter.createdFrom) query.created_from = filter.createdFrom;
  if (filter.createdTo) query.created_to = filter.createdTo;
  Object.assign(query, filter.more);
  query.sort = filter.sort;
  return new URLSearchParams(query);
}

/**
 * What the list asks the API for (but its scope): a queue's page only the
 * queue, the dates and the filters kept from a saved view; the days as the
 * instants they start at (to: the day after, which is excluded).
 */
export function requestOf(filter: Filter): Omit<TicketFilter, 'scope' | 'cursor' | 'limit'> {
  const { assignee, company, ...words } = filter.more;
  const id = (value: string | undefined): number | undefined =>
    value && /^[1-9]\d*$/.test(value) ? Number(value) : undefined;
  const common = {
    createdFrom: dayStart(filter.createdFrom),
    createdTo: dayStart(filter.createdTo, 1),
    more: { ...words, assignee: id(assignee), company: id(company) },
    sort: filter.sort,
  };
  if (filter.queue) return { queue: filter.queue, ...common };
  return {
    status: [...filter.statuses],
    group: filter.group,
    tier: filter.tier,
    unassigned: filter.unassigned,
    state: filter.state,
    ...common,
  };
}

/** The filter's controls; they change `filter` in place and call `onChange`. */
export function filterBar(
  filter: Filter,
  options: { queue: boolean; customer: boolean; onChange: () => void },
): HTMLElement {
  if (options.queue && filter.queue) {
    return h(
      'div',
      { class: 'filter-bar' },
      h('p', { class: 'filter-note muted' }, t('filter.queueChooses')),
      createdRange(filter, options.onChange),
    );
  }
  return h(
    'div',
    { class: 'filter-bar' },
    statusChips(filter, options.customer, options.onChange),
    options.queue ? queueFilters(filter, options.onChange) : null,
    options.queue ? createdRange(filter, options.onChange) : null,
  );
}

function statusChips(filter: Filter, customer: boolean, onChange: () => void): HTMLElement {
  return h(
    'fieldset',
    { class: 'filter' },
    h('legend', null, t('filter.status')),
    kStatuses.map((status) =>
      h(
        'label',
        { class: 'chip' },
        h('input', {
          type: 'checkbox',
          value: status,
          checked: filter.statuses.has(status),
          onchange: (event: Event) => {
            const box = event.target as HTMLInputElement;
            if (box.checked) filter.statuses.add(status);
            else filter.statuses.delete(status);
            onChange();
          },
        }),
        statusLabel(status, { customer }),
      ),
    ),
    h('span', { class: 'field-hint' }, t('filter.noneChecked')),
  );
}

function queueFilters(filter: Filter, onChange: () => void): HTMLElement {
  const group = h(
    'select',
    { name: 'group', id: 'filter-group' },
    h('option', { value: '' }, t('filter.allGroups')),
  );
  groups()
    .then((list) => {
      for (const g of list) {
        group.append(h('option', { value: g.slug, selected: g.slug === filter.group }, g.name));
      }
    })
    .catch(() => {}); // the list still works without the group names
  group.addEventListener('change', () => {
    filter.group = group.value;
    onChange();
  });
  const tier = h(
    'select',
    { name: 'tier', id: 'filter-tier' },
    h('option', { value: '0' }, t('filter.allTiers')),
    [1, 2, 3].map((n) => h('option', { value: n, selected: n === filter.tier }, `L${n}`)),
  );
  tier.addEventListener('change', () => {
    filter.tier = Number(tier.value);
    onChange();
  });
  const unassigned = h('input', {
    type: 'checkbox',
    id: 'filter-unassigned',
    checked: filter.unassigned,
    onchange: (event: Event) => {
      filter.unassigned = (event.target as HTMLInputElement).checked;
      onChange();
    },
  });
  return h(
    'div',
    { class: 'filter filter-queue' },
    h('label', { for: 'filter-group' }, t('filter.group')),
    group,
    h('label', { for: 'filter-tier' }, t('filter.tier')),
    tier,
    stateSelect(filter, onChange),
    h(
      'div',
      { class: 'checkbox-field' },
      unassigned,
      h('label', { for: 'filter-unassigned' }, t('filter.unassigned')),
    ),
  );
}
