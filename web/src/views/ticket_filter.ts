// The filter above a ticket list: statuses for everyone; group and
// "unassigned only" on the staff queue. Its state lives in the address
// (#/queue?status=new,open&group=support&unassigned=1) so a reload keeps it.
import { h } from '../dom';
import { kStatuses, statusLabel } from '../format';
import { groups } from '../directory';

export interface Filter {
  /** None means every status. */
  statuses: Set<string>;
  /** A group slug; "" for all groups. */
  group: string;
  unassigned: boolean;
}

/** Reads the filter from the address, with `defaultStatuses` for absent statuses. */
export function filterFromQuery(query: URLSearchParams, defaultStatuses: string[]): Filter {
  const status = query.get('status');
  return {
    statuses: new Set(status === null ? defaultStatuses : status.split(',').filter(Boolean)),
    group: query.get('group') ?? '',
    unassigned: query.get('unassigned') === '1',
  };
}

export function filterToQuery(filter: Filter): URLSearchParams {
  const query: Record<string, string> = { status: [...filter.statuses].join(',') };
  if (filter.group) query.group = filter.group;
  if (filter.unassigned) query.unassigned = '1';
  return new URLSearchParams(query);
}

/** The filter's controls; they change `filter` in place and call `onChange`. */
export function filterBar(
  filter: Filter,
  options: { queue: boolean; onChange: () => void },
): HTMLElement {
  return h(
    'div',
    { class: 'filter-bar' },
    statusChips(filter, options.onChange),
    options.queue ? queueFilters(filter, options.onChange) : null,
  );
}

function statusChips(filter: Filter, onChange: () => void): HTMLElement {
  return h(
    'fieldset',
    { class: 'filter' },
    h('legend', null, 'Status'),
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
        statusLabel(status),
      ),
    ),
    h('span', { class: 'field-hint' }, 'None checked shows every status.'),
  );
}

function queueFilters(filter: Filter, onChange: () => void): HTMLElement {
  const select = h(
    'select',
    { name: 'group', id: 'filter-group' },
    h('option', { value: '' }, 'All groups'),
  );
  groups()
    .then((list) => {
      for (const g of list) {
        select.append(h('option', { value: g.slug, selected: g.slug === filter.group }, g.name));
      }
    })
    .catch(() => {}); // the list still works without the group names
  select.addEventListener('change', () => {
    filter.group = select.value;
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
    h('label', { for: 'filter-group' }, 'Group'),
    select,
    h(
      'div',
      { class: 'checkbox-field' },
      unassigned,
      h('label', { for: 'filter-unassigned' }, 'Unassigned only'),
    ),
  );
}
