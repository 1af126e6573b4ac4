// The filter above a ticket list: statuses for everyone; group and
// "unassigned only" on the staff queue. Its state lives in the address
// (#/queue?status=new,open&group=support&unassigned=1) so a reload keeps it.
import { h } from '../dom.js';
import { kStatuses, statusLabel } from '../format.js';
import { groups } from '../directory.js';

/**
 * @typedef {{statuses: Set<string>, group: string, unassigned: boolean}} Filter
 */

/**
 * Reads the filter from the address, with `defaults` for absent statuses.
 * @param {URLSearchParams} query
 * @param {string[]} defaultStatuses
 * @returns {Filter}
 */
export function filterFromQuery(query, defaultStatuses) {
  const status = query.get('status');
  return {
    statuses: new Set(status === null ? defaultStatuses : status.split(',').filter(Boolean)),
    group: query.get('group') ?? '',
    unassigned: query.get('unassigned') === '1',
  };
}

/** @param {Filter} filter */
export function filterToQuery(filter) {
  /** @type {Record<string, string>} */
  const query = { status: [...filter.statuses].join(',') };
  if (filter.group) query.group = filter.group;
  if (filter.unassigned) query.unassigned = '1';
  return new URLSearchParams(query);
}

/**
 * @param {Filter} filter changed in place
 * @param {{queue: boolean, onChange: () => void}} options
 */
export function filterBar(filter, options) {
  return h(
    'div',
    { class: 'filter-bar' },
    statusChips(filter, options.onChange),
    options.queue ? queueFilters(filter, options.onChange) : null,
  );
}

/** @param {Filter} filter @param {() => void} onChange */
function statusChips(filter, onChange) {
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
          onchange: (/** @type {Event} */ event) => {
            const box = /** @type {HTMLInputElement} */ (event.target);
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

/** @param {Filter} filter @param {() => void} onChange */
function queueFilters(filter, onChange) {
  const select = /** @type {HTMLSelectElement} */ (
    h('select', { name: 'group', id: 'filter-group' }, h('option', { value: '' }, 'All groups'))
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
    onchange: (/** @type {Event} */ event) => {
      filter.unassigned = /** @type {HTMLInputElement} */ (event.target).checked;
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
