// The page frame around the views: main navigation (by role) and the
// signed-in user with "Sign out".
import { frameElement, h, replace } from './dom';
import { isStaff, signOut } from './session';
import { roleLabel } from './format';
import { navigate, currentPath } from './router';
import { clearDirectory } from './directory';
import { showError } from './ui/form';
import type { User } from './api/types';

/** [path, label] of each link of the main navigation. */
function navLinks(user: User | null): [string, string][] {
  if (!user) return [];
  if (isStaff(user)) {
    return [
      ['/queue', 'Queue'],
      ['/tickets', 'Assigned to me'],
      ['/tickets/new', 'New ticket'],
      ['/settings', 'Settings'],
    ];
  }
  return [
    ['/tickets', 'My tickets'],
    ['/tickets/new', 'New ticket'],
    ['/settings', 'Settings'],
  ];
}

export function renderShell(user: User | null): void {
  const nav = frameElement('app-nav');
  const userBox = frameElement('app-user');
  replace(
    nav,
    navLinks(user).length
      ? h(
          'ul',
          null,
          navLinks(user).map(([path, label]) =>
            h('li', null, h('a', { href: `#${path}`, dataset: { path } }, label)),
          ),
        )
      : null,
  );
  if (!user) {
    replace(userBox);
    markCurrentLink();
    return;
  }
  const signOutButton = h('button', { type: 'button', class: 'button subtle small' }, 'Sign out');
  signOutButton.addEventListener('click', async () => {
    try {
      await signOut();
    } catch (error) {
      showError(null, error);
    }
    clearDirectory();
    navigate('/login', { replace: true });
  });
  replace(
    userBox,
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

/** Sets aria-current on the navigation link of the current page. */
export function markCurrentLink(): void {
  const { path } = currentPath();
  for (const link of document.querySelectorAll<HTMLElement>('#app-nav a')) {
    if (link.dataset.path === path) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
