// Saved views (/api/v1/me/views): a person's named ticket lists. A view is a
// name and the query string of GET /api/v1/tickets; saving one takes the
// list's filters and sort order as they are, opening one turns its query
// back into the list's address, deleting one asks first.
import { h, announce } from '../dom';
import { ApiError, ticketQuery } from '../api';
import type { TicketFilter } from '../api';
import { t } from '../i18n';
import { openDialog } from '../ui/dialog';
import type { Dialog } from '../ui/dialog';
import { field, formErrorSlot, isBusy, onSubmit, setBusy, valueOf } from '../ui/form';
import { filterToQuery, kMoreKeys } from '../views/ticket_filter';
import type { Filter } from '../views/ticket_filter';
import { dayOf } from './filters';
import { deleteView, saveView } from './desk_api';
import type { SavedView } from '../api/types';

/** A list's request without its page: what a view keeps. */
export type ViewRequest = Omit<TicketFilter, 'cursor' | 'limit'>;

/** `value` for a query string, with the commas and colons of lists and instants left readable. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/** The query string of GET /api/v1/tickets for `request`, e.g. "scope=queue&status=new,open&sort=due". */
export function viewQuery(request: ViewRequest): string {
  return Object.entries(ticketQuery(request))
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encode(key)}=${encode(String(value))}`)
    .join('&');
}

/** `query` in one spelling: defaults written out, parameters in order, no page. */
function normalised(query: string): string {
  const params = new URLSearchParams(query);
  if (!params.has('scope')) params.set('scope', 'mine');
  if (!params.has('sort')) params.set('sort', 'id');
  params.delete('cursor');
  params.delete('limit');
  return [...params]
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/** True when the two queries list the same tickets in the same order. */
export function sameQuery(a: string, b: string): boolean {
  return normalised(a) === normalised(b);
}

/** The app's address that shows `view`: "/queue?status=new&tier=1&sort=due", say. */
export function addressOfView(view: SavedView): string {
  const params = new URLSearchParams(view.query);
  const tier = Number(params.get('tier'));
  const sort = params.get('sort');
  const filter: Filter = {
    // No status in the view: every status.
    statuses: new Set((params.get('status') ?? '').split(',').filter(Boolean)),
    group: params.get('group') ?? '',
    tier: tier >= 1 && tier <= 3 ? tier : 0,
    unassigned: params.get('unassigned') === 'true' || params.get('unassigned') === '1',
    queue: params.get('queue') ?? '',
    state: params.get('state') ?? '',
    createdFrom: dayOf(params.get('created_from') ?? ''),
    // `created_to` is excluded: the last day shown is the one before it.
    createdTo: dayOf(params.get('created_to') ?? '', 1),
    more: Object.fromEntries(
      kMoreKeys.flatMap((key) => {
        const value = params.get(key);
        return value ? [[key, value]] : [];
      }),
    ),
    sort: sort === 'due' ? 'due' : 'id',
  };
  const path = params.get('scope') === 'queue' ? '/queue' : '/tickets';
  return `${path}?${filterToQuery(filter).toString()}`;
}

/**
 * Asks for a name and saves `query` under it. The server's refusal (a name
 * taken or too long) shows under the name field; `onSaved` gets the view.
 */
export function openSaveDialog(query: string, onSaved: (view: SavedView) => void): void {
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('views.save'));
  const cancel = h('button', { type: 'button', class: 'button' }, t('common.cancel'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field({ label: t('views.name'), control: name, hint: t('views.nameHint') }),
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit, cancel),
  );
  const dialog: Dialog = openDialog({ title: t('views.saveTitle'), body: form });
  cancel.addEventListener('click', dialog.close);
  onSubmit(
    form,
    submit,
    t('common.saving'),
    async () => {
      const view = await saveView(valueOf(form, 'name').trim(), query);
      dialog.close();
      announce(t('views.saved', { name: view.name }));
      onSaved(view);
    },
    [['name', t('views.nameMissing')]],
  );
}

/** Asks whether to delete `view` (Cancel focused) and deletes it; `onDeleted` after. */
export function confirmDeleteView(view: SavedView, onDeleted: () => void): void {
  const remove = h('button', { type: 'button', class: 'button danger' }, t('views.deleteConfirm'));
  const cancel = h('button', { type: 'button', class: 'button' }, t('common.cancel'));
  const problem = formErrorSlot();
  const dialog = openDialog({
    title: t('views.deleteTitle'),
    body: [
      h('p', null, t('views.deleteText', { name: view.name })),
      problem,
      h('div', { class: 'form-actions' }, remove, cancel),
    ],
  });
  cancel.addEventListener('click', dialog.close);
  cancel.focus();
  remove.addEventListener('click', async () => {
    if (isBusy(remove)) return;
    setBusy(remove, true, t('views.deleting'));
    try {
      await deleteView(view.id);
    } catch (error) {
      // Deleted meanwhile (another tab): as good as done.
      if (!(error instanceof ApiError && error.status === 404)) {
        setBusy(remove, false);
        problem.textContent = error instanceof ApiError ? error.detail : t('error.generic');
        problem.hidden = false;
        return;
      }
    }
    dialog.close();
    announce(t('views.deleted', { name: view.name }));
    onDeleted();
  });
}
