// The page frame around the views: main navigation (by role) and the
// signed-in user with "Sign out".
import { h, replace } from './dom.js';
import { isStaff, signOut } from './session.js';
import { roleLabel } from './format.js';
import { navigate, currentPath } from './router.js';
import { clearDirectory } from './directory.js';
import { showError } from './ui/form.js';

/** @param {import('./api.js').User | null} user */
function navLinks(user) {
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

/** @param {import('./api.js').User | null} user */
export function renderShell(user) {
  const nav = /** @type {HTMLElement} */ (document.getElementById('app-nav'));
  const userBox = /** @type {HTMLElement} */ (document.getElementById('app-user'));
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
export function markCurrentLink() {
  const { path } = currentPath();
  for (const link of document.querySelectorAll('#app-nav a')) {
    const el = /** @type {HTMLElement} */ (link);
    if (el.dataset.path === path) el.setAttribute('aria-current', 'page');
    else el.removeAttribute('aria-current');
  }
}
