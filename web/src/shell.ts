// The page frame around the views: main navigation (by role), the
// keyboard shortcuts' button, the notifications bell, and the signed-in
// user with "Sign out".
import { frameElement, h, replace } from './dom';
import { isStaff, signOut } from './session';
import { roleLabel } from './format';
import { t } from './i18n';
import type { PlainKey } from './i18n';
import { navigate, currentPath } from './router';
import { clearDirectory } from './directory';
import { notificationBell } from './notifications/bell';
import { showShortcuts } from './shortcuts';
import { showError } from './ui/form';
import type { User } from './api/types';

/** The administration section: its link stays marked on every page under it. */
const kAdminLink: [string, PlainKey] = ['/admin', 'nav.admin'];
/** Sections whose link stays marked on every page under them. */
const kSections = [kAdminLink[0], '/reports'];

/** [path, label] of each link of the main navigation. */
function navLinks(user: User | null): [string, PlainKey][] {
  if (!user) return [];
  if (isStaff(user)) {
    const links: [string, PlainKey][] = [
      ['/dashboard', 'nav.dashboard'],
      ['/queue', 'nav.queue'],
      ['/tickets', 'nav.assigned'],
      ['/tickets/new', 'nav.newTicket'],
      ['/reports', 'nav.reports'],
      ['/settings', 'nav.settings'],
    ];
    if (user.role === 'administrator') links.push(kAdminLink);
    return links;
  }
  return [
    ['/tickets', 'nav.myTickets'],
    ['/tickets/new', 'nav.newTicket'],
    ['/settings', 'nav.settings'],
  ];
}

export function renderShell(user: User | null): void {
  const nav = frameElement('app-nav');
  const userBox = frameElement('app-user');
  const links = navLinks(user);
  replace(
    nav,
    links.length
      ? h(
          'ul',
          null,
          links.map(([path, label]) =>
            h('li', null, h('a', { href: `#${path}`, dataset: { path } }, t(label))),
          ),
        )
      : null,
  );
  if (!user) {
    replace(userBox);
    markCurrentLink();
    return;
  }
  const signOutButton = h(
    'button',
    { type: 'button', class: 'button subtle small' },
    t('nav.signOut'),
  );
  signOutButton.addEventListener('click', async () => {
    try {
      await signOut();
    } catch (error) {
      showError(null, error);
    }
    clearDirectory();
    navigate('/login', { replace: true });
  });
  const keys = t('shortcuts.button');
  replace(
    userBox,
    h(
      'button',
      {
        type: 'button',
        class: 'keys-button',
        'aria-label': keys,
        'aria-haspopup': 'dialog',
        title: keys,
        onclick: () => showShortcuts(),
      },
      h('span', { 'aria-hidden': 'true' }, '?'),
    ),
    notificationBell(),
    h(
      'span',
      { class: 'user-name' },
      user.name,
      h('span', { class: 'user-role' }, roleLabel(user.role)),
    ),
    signOutButton,
  );
  markCurrentLink();
}

/**
 * Sets aria-current on the navigation link of the current page ("page"),
 * or of the section it lies in ("true": the administration's and the
 * reports' pages).
 */
export function markCurrentLink(): void {
  const { path } = currentPath();
  for (const link of document.querySelectorAll<HTMLElement>('#app-nav a')) {
    const linked = link.dataset.path ?? '';
    if (linked === path) link.setAttribute('aria-current', 'page');
    else if (kSections.includes(linked) && path.startsWith(`${linked}/`)) {
      link.setAttribute('aria-current', 'true');
    } else link.removeAttribute('aria-current');
  }
}
