// The queue filter's newer controls: the process state (a select of the
// states the caller's queues name and those seen on tickets) and the
// creation dates (from, to; both days included), typed in the user's
// notation. The address keeps the days (created_from=2026-12-01); the API
// gets the instants they start at in the user's time zone.
import { h, replace, uid } from '../dom';
import { t, timeZone } from '../i18n';
import { humanize } from '../format';
import { knownStates } from '../process_labels';
import { dateInput, zonedToUtc } from '../ui/date_input';
import { lastQueues, queueStates, readQueues } from './queues';
import type { Filter } from '../views/ticket_filter';

/** The instant day `day` (YYYY-MM-DD) starts at in the user's zone, `plus` days later; "" for none. */
export function dayStart(day: string, plus = 0): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return '';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plus));
  const instant = zonedToUtc(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    0,
    0,
    timeZone(),
  );
  return instant.toISOString().replace('.000Z', 'Z');
}

/** The day (YYYY-MM-DD) of `instant` in the user's zone, `minusMs` before it; "" for none. */
export function dayOf(instant: string, minusMs = 0): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return '';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(time - minusMs));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A select of process states, with its label (wrapping as one); "" is every state. */
export function stateSelect(filter: Filter, onChange: () => void): HTMLElement {
  const select = h(
    'select',
    { name: 'state', id: 'filter-state' },
    h('option', { value: '' }, t('filter.allStates')),
  );
  const fill = (states: [string, string][]): void => {
    const labels = new Map<string, string>(knownStates());
    for (const [id, label] of states) labels.set(id, label);
    if (filter.state && !labels.has(filter.state)) labels.set(filter.state, humanize(filter.state));
    const sorted = [...labels].sort((a, b) => a[1].localeCompare(b[1]));
    replace(
      select,
      h('option', { value: '' }, t('filter.allStates')),
      sorted.map(([id, label]) => h('option', { value: id, selected: id === filter.state }, label)),
    );
  };
  fill(queueStates(lastQueues() ?? []));
  // Labels in the caller's language come with the queues; the select works without them.
  readQueues()
    .then((list) => fill(queueStates(list)))
    .catch(() => {});
  select.addEventListener('change', () => {
    filter.state = select.value;
    onChange();
  });
  return h(
    'span',
    { class: 'filter-pair' },
    h('label', { for: 'filter-state' }, t('filter.state')),
    select,
  );
}

/** "Created from" and "to" dates; a date the app cannot read is explained under its field. */
export function createdRange(filter: Filter, onChange: () => void): HTMLElement {
  return h(
    'div',
    { class: 'filter-dates' },
    dateField('created_from', t('filter.createdFrom'), filter.createdFrom, (day) => {
      filter.createdFrom = day;
      onChange();
    }),
    dateField('created_to', t('filter.createdTo'), filter.createdTo, (day) => {
      filter.createdTo = day;
      onChange();
    }),
  );
}

function dateField(
  name: string,
  label: string,
  value: string,
  set: (day: string) => void,
): HTMLElement {
  const entry = dateInput({ name, value });
  const id = uid(`filter-${name}`);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  entry.input.id = id;
  entry.input.classList.add('filter-date');
  entry.input.setAttribute('aria-describedby', hintId);
  const error = h('span', { class: 'field-error', id: errorId, hidden: true });
  let current = value;
  entry.input.addEventListener('change', () => {
    const reading = entry.read();
    if ('error' in reading) {
      error.textContent = reading.error;
      error.hidden = false;
      entry.input.setAttribute('aria-invalid', 'true');
      entry.input.setAttribute('aria-describedby', `${hintId} ${errorId}`);
      return;
    }
    error.hidden = true;
    error.textContent = '';
    entry.input.removeAttribute('aria-invalid');
    entry.input.setAttribute('aria-describedby', hintId);
    const day = 'value' in reading ? reading.value : '';
    if (day === current) return;
    current = day;
    set(day);
  });
  return h(
    'div',
    { class: 'filter-date-field' },
    h('label', { for: id }, label),
    entry.input,
    h('span', { class: 'field-hint', id: hintId }, entry.hint),
    error,
  );
}
