// The filter above a ticket list: statuses for everyone; group, tier and
// "unassigned only" on the staff queue; the sort order for staff. Its state
// lives in the address (#/queue?status=new,open&group=support&tier=2&sort=id)
// so a reload keeps it.
import { h } from '../dom';
import { kStatuses, statusLabel } from '../format';
import { groups } from '../directory';
import { t } from '../i18n';
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
  sort: Sort;
}

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
    sort: sort === 'id' || sort === 'due' ? sort : defaults.sort,
  };
}

export function filterToQuery(filter: Filter): URLSearchParams {
  const query: Record<string, string> = { status: [...filter.statuses].join(',') };
  if (filter.group) query.group = filter.group;
  if (filter.tier) query.tier = String(filter.tier);
  if (filter.unassigned) query.unassigned = '1';
  query.sort = filter.sort;
  return new URLSearchParams(query);
}

/** The filter's controls; they change `filter` in place and call `onChange`. */
export function filterBar(
  filter: Filter,
  options: { queue: boolean; customer: boolean; onChange: () => void },
): HTMLElement {
  return h(
    'div',
    { class: 'filter-bar' },
    statusChips(filter, options.customer, options.onChange),
    options.queue ? queueFilters(filter, options.onChange) : null,
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
    h(
      'div',
      { class: 'checkbox-field' },
      unassigned,
      h('label', { for: 'filter-unassigned' }, t('filter.unassigned')),
    ),
  );
}
