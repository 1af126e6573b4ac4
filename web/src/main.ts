// Start-up: restore the session, draw the frame, route. The routes table is
// the map of the app.
// The styles, in cascade order; the build bundles them into one hashed file.
import './css/base.css';
import './css/layout.css';
import './css/components.css';
import './css/forms.css';
import './css/ticket.css';
import { frameElement, h, replace } from './dom';
import { api } from './api';
import { Router, navigate, currentPath } from './router';
import type { Location, Route } from './router';
import { currentUser, isStaff, onSessionChange, restoreSession, setSession } from './session';
import { renderShell, markCurrentLink } from './shell';
import { clearBanner, showBanner } from './ui/banner';
import { signInView, registerView, setPasswordView } from './views/auth';
import { ticketListView } from './views/ticket_list';
import { newTicketView } from './views/new_ticket';
import { ticketView } from './views/ticket';
import { settingsView } from './views/settings';
import { notFoundView } from './views/not_found';

const routes: Route[] = [
  { pattern: '/', view: homeRedirect, title: 'Help desk', auth: 'signed-in' },
  { pattern: '/login', view: signInView, title: 'Sign in', auth: 'signed-out' },
  { pattern: '/register', view: registerView, title: 'Create an account', auth: 'signed-out' },
  { pattern: '/set-password', view: setPasswordView, title: 'Set your password' },
  { pattern: '/tickets', view: ticketListView('mine'), title: 'My tickets', auth: 'signed-in' },
  { pattern: '/tickets/new', view: newTicketView, title: 'New ticket', auth: 'signed-in' },
  { pattern: '/tickets/:id', view: ticketView, title: 'Ticket', auth: 'signed-in' },
  { pattern: '/queue', view: ticketListView('queue'), title: 'Queue', auth: 'staff' },
  { pattern: '/settings', view: settingsView, title: 'Settings', auth: 'signed-in' },
];

function homePath(): string {
  return isStaff() ? '/queue' : '/tickets';
}

function homeRedirect(): void {
  navigate(homePath(), { replace: true });
}

/** Sends the visitor where the route allows them; false when redirected. */
function allowed(route: Route): boolean {
  const user = currentUser();
  if (route.auth === 'signed-out' && user) {
    navigate(homePath(), { replace: true });
    return false;
  }
  if ((route.auth === 'signed-in' || route.auth === 'staff') && !user) {
    const { path } = currentPath();
    const next = path === '/' ? '' : `?next=${encodeURIComponent(window.location.hash.slice(1))}`;
    navigate(`/login${next}`, { replace: true });
    return false;
  }
  if (route.auth === 'staff' && !isStaff(user)) {
    navigate(homePath(), { replace: true });
    return false;
  }
  return true;
}

const main = frameElement('main');
let renderCount = 0;

async function render(route: Route | null, location: Location): Promise<void> {
  renderCount += 1;
  const mine = renderCount;
  clearBanner({ navigation: true });
  markCurrentLink();
  if (route && !allowed(route)) return;
  document.title = `${route?.title ?? 'Not found'} · Help desk`;
  const root = h('div', { class: 'view' }, h('p', { class: 'loading' }, 'Loading…'));
  replace(main, root);
  try {
    await (route ? route.view(root, location) : notFoundView(root));
  } catch (error) {
    if (mine !== renderCount) return;
    console.error(error);
    showBanner(error instanceof Error ? error.message : 'The page could not be shown.');
  }
  if (mine !== renderCount) return;
  focusHeading(root);
}

/** Moves focus to the page's heading so screen readers start there. */
function focusHeading(root: HTMLElement): void {
  const active = document.activeElement;
  if (
    active &&
    active !== document.body &&
    root.contains(active) &&
    active.matches('input, textarea, select')
  ) {
    return; // the view focused its first field on purpose
  }
  const heading = root.querySelector<HTMLElement>('#page-title');
  heading?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function wireSkipLink(): void {
  document.querySelector('[data-skip]')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
}

async function start(): Promise<void> {
  wireSkipLink();
  onSessionChange(renderShell);
  api.onUnauthenticated = () => {
    if (!currentUser()) return;
    setSession(null);
    showBanner('Your session has ended. Please sign in again.', 'info', { keep: true });
    navigate(`/login?next=${encodeURIComponent(window.location.hash.slice(1))}`, { replace: true });
  };
  try {
    await restoreSession();
  } catch (error) {
    renderShell(null);
    replace(
      main,
      h(
        'div',
        { class: 'card empty' },
        h('h1', null, 'The help desk is not reachable'),
        h('p', null, error instanceof Error ? error.message : String(error)),
        h(
          'button',
          { class: 'button', type: 'button', onclick: () => window.location.reload() },
          'Try again',
        ),
      ),
    );
    return;
  }
  await new Router(routes, render).start();
}

void start();
