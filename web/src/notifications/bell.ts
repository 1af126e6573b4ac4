// The bell in the header: the number of unread notifications, and a panel
// listing the newest. Opening one marks it read and goes to its ticket.
import { h, replace, announce } from '../dom';
import type { Children } from '../dom';
import { t } from '../i18n';
import { timeElement } from '../format';
import { navigate } from '../router';
import { showError } from '../ui/form';
import {
  loadMoreNotifications,
  markNotificationRead,
  notificationState,
  onNotificationsChange,
} from './store';
import type { Notification } from '../api/types';

let detach: (() => void) | null = null;

/** The bell and its panel; the header builds a new one on every redraw. */
export function notificationBell(): HTMLElement {
  detach?.();
  const badge = h('span', { class: 'bell-count', 'aria-hidden': 'true' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'bell-button',
      'aria-expanded': 'false',
      'aria-controls': 'notification-panel',
    },
    h('span', { class: 'bell-icon', 'aria-hidden': 'true' }),
    badge,
  );
  const list = h('div', { class: 'bell-list' });
  const panel = h(
    'section',
    {
      class: 'bell-panel',
      id: 'notification-panel',
      hidden: true,
      'aria-labelledby': 'notification-title',
    },
    h('h2', { id: 'notification-title' }, t('bell.title')),
    list,
  );
  const root = h('div', { class: 'bell' }, button, panel);

  let lastUnread = notificationState().unread;
  const draw = (): void => {
    const { unread, items, loaded, nextCursor } = notificationState();
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.hidden = unread === 0;
    button.setAttribute(
      'aria-label',
      unread ? t('bell.labelUnread', { count: unread }) : t('bell.label'),
    );
    if (unread > lastUnread) announce(t('bell.labelUnread', { count: unread }));
    lastUnread = unread;
    if (panel.hidden) return;
    replace(list, panelContent(items, loaded, nextCursor, close));
  };
  const open = (): void => {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    draw();
    document.addEventListener('click', onOutside, true);
    document.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', close);
  };
  function close(): void {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('click', onOutside, true);
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('hashchange', close);
  }
  const onOutside = (event: Event): void => {
    if (!root.contains(event.target as Node)) close();
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      close();
      button.focus();
    }
  };
  button.addEventListener('click', () => (panel.hidden ? open() : close()));

  const unsubscribe = onNotificationsChange(draw);
  detach = () => {
    unsubscribe();
    close();
  };
  draw();
  return root;
}

function panelContent(
  items: readonly Notification[],
  loaded: boolean,
  nextCursor: string | null,
  close: () => void,
): Children {
  if (!loaded) return h('p', { class: 'muted' }, t('app.loading'));
  if (!items.length) return h('p', { class: 'muted' }, t('bell.empty'));
  const more = h('button', { type: 'button', class: 'button subtle small' }, t('bell.more'));
  more.addEventListener('click', () => {
    more.disabled = true;
    loadMoreNotifications().catch((error: unknown) => showError(null, error));
  });
  return [
    h(
      'ul',
      { class: 'bell-items' },
      items.map((n) => h('li', null, item(n, close))),
    ),
    nextCursor ? h('div', { class: 'bell-footer' }, more) : null,
  ];
}

function item(n: Notification, close: () => void): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: `bell-item${n.read ? '' : ' unread'}` },
    h('span', { class: 'bell-subject' }, n.subject || t('bell.untitled')),
    n.body ? h('span', { class: 'bell-body' }, n.body) : null,
    h(
      'span',
      { class: 'bell-meta' },
      n.read ? null : h('span', { class: 'visually-hidden' }, `${t('bell.unread')}, `),
      timeElement(n.created_at, { compact: true }),
    ),
  );
  button.addEventListener('click', async () => {
    try {
      await markNotificationRead(n.id);
    } catch (error) {
      showError(null, error);
    }
    if (n.ticket_id) {
      close();
      navigate(`/tickets/${n.ticket_id}`);
    }
  });
  return button;
}
