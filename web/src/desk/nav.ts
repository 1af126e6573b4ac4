// The agents' desk around a staff ticket list: a navigation of the caller's
// queues with how many tickets each holds (GET /api/v1/queues, labelled by
// the server in the caller's language) and of their saved views, a
// sidebar on wide screens and a collapsible list on phones; and "Save
// view" beside the page's heading. A queue opens as
// #/queue?queue=<id>&sort=due; the heading names the queue, or the saved
// view whose query the list shows. The counts keep themselves current:
// they are read again after ticket events of the live stream (at most once
// every 2 seconds), when the page regains focus and every minute.
import { h, replace, uid } from '../dom';
import { formatNumber, t } from '../i18n';
import { href } from '../router';
import { onLiveReset, onTicketEvent } from '../live/stream';
import { every } from '../live/timing';
import { addressOfView, confirmDeleteView, openSaveDialog, sameQuery, viewQuery } from './views';
import type { ViewRequest } from './views';
import { lastQueues, onQueues, readQueues } from './queues';
import { savedViews } from './desk_api';
import type { Filter } from '../views/ticket_filter';
import type { Queue, SavedView } from '../api/types';

/** How often the counts may be read again while events arrive. */
const kCountsEveryMs = 2000;
/** Queues worth a warning colour while they hold tickets. */
const kAlertQueues = new Set(['breaching_soon']);

export interface Desk {
  /** The list's filter changed (its address too): marks the current queue or view again. */
  changed: () => void;
  stop: () => void;
}

export interface DeskSpec {
  /** The list's route: '/queue' or '/tickets'. */
  path: string;
  filter: Filter;
  /** What the list asks the API for now. */
  request: () => ViewRequest;
}

/**
 * Puts the desk's navigation beside what `root` shows (the list page, its
 * heading in `#page-title`) and "Save view" beside the heading.
 */
export function mountDesk(root: HTMLElement, spec: DeskSpec): Desk {
  const listsId = uid('desk-lists');
  const queuesTitle = uid('desk-queues');
  const viewsTitle = uid('desk-views');
  const queueList = h('ul', { class: 'desk-list', 'aria-labelledby': queuesTitle });
  const queueStatus = h('p', { class: 'desk-status muted' }, t('desk.loading'));
  const viewList = h('ul', { class: 'desk-list', 'aria-labelledby': viewsTitle });
  const viewStatus = h('p', { class: 'desk-status muted', hidden: true });
  const toggleCurrent = h('span', { class: 'desk-toggle-current' });
  /** ": " between the button's words and the current queue, for screen readers. */
  const toggleColon = h('span', { class: 'visually-hidden' });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'desk-toggle',
      'aria-expanded': 'false',
      'aria-controls': listsId,
    },
    h('span', null, t('desk.toggle')),
    toggleColon,
    toggleCurrent,
  );
  const nav = h(
    'nav',
    { class: 'desk-nav', 'aria-label': t('desk.label') },
    toggle,
    h(
      'div',
      { class: 'desk-lists', id: listsId },
      h('h2', { class: 'desk-heading', id: queuesTitle }, t('desk.queues')),
      queueList,
      queueStatus,
      h('h2', { class: 'desk-heading', id: viewsTitle, tabindex: -1 }, t('desk.views')),
      viewList,
      viewStatus,
    ),
  );
  toggle.addEventListener('click', () => {
    const open = !nav.classList.contains('open');
    nav.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  });
  replace(
    root,
    h('div', { class: 'desk' }, nav, h('div', { class: 'desk-main' }, [...root.childNodes])),
  );

  const heading = root.querySelector<HTMLElement>('#page-title');
  const lead = root.querySelector<HTMLElement>('.page-header .lead');
  const defaults = {
    heading: heading?.textContent ?? '',
    lead: lead?.textContent ?? '',
    title: document.title,
  };
  addSaveButton(root, () => openSaveDialog(currentQuery(), () => void loadViews()));

  let queues: Queue[] | null = null;
  let views: SavedView[] = [];
  let stopped = false;

  const currentQuery = (): string => viewQuery(spec.request());
  const currentView = (): SavedView | undefined =>
    views.find((view) => sameQuery(view.query, currentQuery()));

  /** Marks the current queue or view and names the page after it. */
  const mark = (): void => {
    const view = currentView();
    const queueId = spec.path === '/queue' ? spec.filter.queue : '';
    for (const link of nav.querySelectorAll<HTMLElement>('a[data-desk]')) {
      const key = link.dataset.desk ?? '';
      const current =
        key === `view:${view?.id ?? ''}` ||
        (!view && key === `queue:${queueId}` && spec.path === '/queue');
      if (current) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    const queue = queueId ? queues?.find((q) => q.id === queueId) : undefined;
    let title = defaults.heading;
    let words = defaults.lead;
    if (view) {
      title = view.name;
      words = t('views.lead');
    } else if (queue) {
      title = queue.label;
      words = t('desk.queueLead');
    }
    if (heading && heading.textContent !== title) heading.textContent = title;
    if (lead && lead.textContent !== words) lead.textContent = words;
    toggleCurrent.textContent = view || queue ? title : '';
    toggleColon.textContent = view || queue ? ': ' : '';
    document.title = view || queue ? t('title.page', { title }) : defaults.title;
  };

  const drawQueues = (list: Queue[]): void => {
    if (stopped) return;
    queues = list;
    queueStatus.hidden = true;
    const ids = ['', ...list.map((q) => q.id)];
    const shown = [...queueList.querySelectorAll<HTMLElement>('a[data-desk]')].map((a) =>
      (a.dataset.desk ?? '').slice('queue:'.length),
    );
    if (ids.join('\n') !== shown.join('\n')) {
      // Another set of queues (a first draw, another role): drawn anew, focus kept.
      const focused = queueList.contains(document.activeElement)
        ? (document.activeElement as HTMLElement).dataset.desk
        : undefined;
      replace(
        queueList,
        h(
          'li',
          null,
          h(
            'a',
            { class: 'desk-link', href: href('/queue'), dataset: { desk: 'queue:' } },
            h('span', { class: 'desk-label' }, t('desk.allTickets')),
          ),
        ),
        list.map((queue) => h('li', null, queueLink(queue))),
      );
      if (focused) {
        queueList.querySelector<HTMLElement>(`a[data-desk="${CSS.escape(focused)}"]`)?.focus();
      }
    } else {
      for (const queue of list) {
        const link = queueList.querySelector<HTMLElement>(
          `a[data-desk="${CSS.escape(`queue:${queue.id}`)}"]`,
        );
        if (link) setCount(link, queue);
      }
    }
    mark();
  };

  const drawViews = (): void => {
    if (stopped) return;
    viewStatus.hidden = views.length > 0;
    viewStatus.textContent = views.length ? '' : t('desk.noViews');
    replace(
      viewList,
      views.map((view) =>
        h(
          'li',
          { class: 'desk-view' },
          h(
            'a',
            {
              class: 'desk-link',
              href: `#${addressOfView(view)}`,
              dataset: { desk: `view:${view.id}` },
            },
            h('span', { class: 'desk-label' }, view.name),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'desk-delete',
              'aria-label': t('views.delete', { name: view.name }),
              title: t('views.delete', { name: view.name }),
              onclick: () =>
                confirmDeleteView(view, () => {
                  views = views.filter((v) => v.id !== view.id);
                  drawViews();
                  nav.querySelector<HTMLElement>(`#${viewsTitle}`)?.focus();
                }),
            },
            h('span', { 'aria-hidden': 'true' }, '×'),
          ),
        ),
      ),
    );
    mark();
  };

  const loadQueues = async (fresh: boolean): Promise<void> => {
    if (stopped) return;
    try {
      await readQueues({ fresh }); // drawn by the onQueues listener
    } catch {
      if (!queues) {
        queueStatus.textContent = t('desk.failed');
        queueStatus.hidden = false;
      }
      // Otherwise keep the counts shown; the next event or minute reads again.
    }
  };

  const loadViews = async (): Promise<void> => {
    try {
      views = await savedViews();
    } catch {
      return; // the queues still work; the views show again with the next page
    }
    drawViews();
  };

  const refresh = throttle(kCountsEveryMs, () => {
    if (document.visibilityState === 'visible') void loadQueues(true);
  });
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') refresh();
  };
  window.addEventListener('focus', refresh);
  document.addEventListener('visibilitychange', onVisible);
  const stops = [
    onQueues(drawQueues),
    onTicketEvent(refresh),
    onLiveReset(refresh),
    every(60_000, refresh),
    refresh.cancel,
    () => window.removeEventListener('focus', refresh),
    () => document.removeEventListener('visibilitychange', onVisible),
  ];
  const known = lastQueues();
  if (known) drawQueues(known);
  // The filter's state select may have asked for the queues already.
  void loadQueues(false);
  void loadViews();

  return {
    changed: mark,
    stop: () => {
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}

function queueLink(queue: Queue): HTMLElement {
  const link = h(
    'a',
    {
      class: 'desk-link',
      href: href('/queue', { queue: queue.id, sort: 'due' }),
      dataset: { desk: `queue:${queue.id}` },
    },
    h('span', { class: 'desk-label' }, queue.label),
    h('span', { class: 'desk-count', 'aria-hidden': 'true' }),
    h('span', { class: 'visually-hidden' }),
  );
  setCount(link, queue);
  return link;
}

/** Writes the count into a queue's link: a number shown, and in words for screen readers. */
function setCount(link: HTMLElement, queue: Queue): void {
  const [shown, spoken] = link.querySelectorAll<HTMLElement>('.desk-count, .visually-hidden');
  if (!shown || !spoken) return;
  const number = formatNumber(queue.count);
  if (shown.textContent !== number) shown.textContent = number;
  // The link reads "Unassigned 3 tickets" (spaced as the flex items are).
  const words = t('list.count', { count: queue.count });
  if (spoken.textContent !== words) spoken.textContent = words;
  shown.classList.toggle('desk-count-zero', queue.count === 0);
  shown.classList.toggle('desk-count-alert', queue.count > 0 && kAlertQueues.has(queue.id));
}

/** "Save view" before the page header's own button ("New ticket"). */
function addSaveButton(root: HTMLElement, open: () => void): void {
  const header = root.querySelector<HTMLElement>('.page-header');
  if (!header) return;
  const save = h('button', { type: 'button', class: 'button', onclick: open }, t('views.save'));
  const own = header.querySelector<HTMLElement>(':scope > a.button, :scope > button');
  const actions = h('div', { class: 'page-actions' }, save);
  if (own) {
    own.replaceWith(actions);
    actions.append(own);
  } else {
    header.append(actions);
  }
}

/**
 * `run` at most once every `ms`: at once after a quiet spell, else once the
 * spell is over (so the last of a burst of calls is never lost).
 */
function throttle(ms: number, run: () => void): { (): void; cancel: () => void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const call = (): void => {
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        last = Date.now();
        run();
      },
      Math.max(0, last + ms - Date.now()),
    );
  };
  call.cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}
