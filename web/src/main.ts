// Start-up: restore the session, apply the user's language and time zone,
// draw the frame, keep the live stream while signed in, route. The routes
// table is the map of the app.
// The styles, in cascade order; the build bundles them into one hashed file.
import './css/base.css';
import './css/layout.css';
import './css/components.css';
import './css/forms.css';
import './css/ticket.css';
import './css/live.css';
import './css/keyboard.css';
import './css/diagram.css';
import './css/levels.css';
import './css/desk.css';
import './css/admin.css';
import './css/admin_people.css';
import './css/admin_support.css';
import './css/reports.css';
import { frameElement, h, replace } from './dom';
import { api } from './api';
import { Router, navigate, currentPath } from './router';
import type { Location, Route } from './router';
import { currentUser, isStaff, onSessionChange, restoreSession, setSession } from './session';
import { renderShell, markCurrentLink } from './shell';
import { clearDirectory } from './directory';
import { onPreferencesChange, setPreferences, t } from './i18n';
import { startLive, stopLive } from './live/stream';
import { startShortcuts } from './shortcuts';
import { forgetList } from './list_context';
import { startNotifications, stopNotifications } from './notifications/store';
import { clearBanner, showBanner } from './ui/banner';
import { signInView, registerView, setPasswordView } from './views/auth';
import { ticketListView } from './views/ticket_list';
import { newTicketView } from './views/new_ticket';
import { ticketView } from './views/ticket';
import { settingsView } from './views/settings';
import { notFoundView } from './views/not_found';
import { adminHomeView, forbiddenView, isAdministrator } from './admin/admin_frame';
import { calendarsView } from './admin/calendars';
import { calendarYearView } from './admin/calendar_year';
import { processesView } from './admin/processes';
import { usersView } from './admin/users';
import { userView } from './admin/user_page';
import { companiesView } from './admin/companies';
import { groupsView } from './admin/groups';
import { auditView } from './admin/audit';
import { levelsView } from './admin/support_levels';
import { levelView } from './admin/level_page';
import { licencesView } from './admin/licences';
import { couponsView } from './admin/coupons';
import { categoriesView } from './admin/categories';
import { templatesView } from './admin/texts/templates';
import { dashboardView } from './views/dashboard';
import { reportsHomeView } from './reports/home';
import { slaView } from './reports/sla';
import { intakeView } from './reports/intake';
import { backlogView } from './reports/backlog';
import { complianceView } from './reports/compliance';
import { tiersView } from './reports/tiers';
import { changesView } from './reports/changes';
import { satisfactionView } from './reports/satisfaction';
import { workloadView } from './reports/workload';
import { l1HintsView } from './reports/l1_hints';
import type { User } from './api/types';

const routes: Route[] = [
  { pattern: '/', view: homeRedirect, title: 'title.home', auth: 'signed-in' },
  { pattern: '/login', view: signInView, title: 'title.signIn', auth: 'signed-out' },
  { pattern: '/register', view: registerView, title: 'title.register', auth: 'signed-out' },
  { pattern: '/set-password', view: setPasswordView, title: 'title.setPassword' },
  { pattern: '/tickets', view: ticketListView('mine'), title: 'title.tickets', auth: 'signed-in' },
  { pattern: '/tickets/new', view: newTicketView, title: 'title.newTicket', auth: 'signed-in' },
  { pattern: '/tickets/:id', view: ticketView, title: 'title.ticket', auth: 'signed-in' },
  { pattern: '/queue', view: ticketListView('queue'), title: 'title.queue', auth: 'staff' },
  { pattern: '/dashboard', view: dashboardView, title: 'title.dashboard', auth: 'staff' },
  { pattern: '/reports', view: reportsHomeView, title: 'title.reports', auth: 'staff' },
  { pattern: '/reports/sla', view: slaView, title: 'title.reportSla', auth: 'staff' },
  { pattern: '/reports/intake', view: intakeView, title: 'title.reportIntake', auth: 'staff' },
  { pattern: '/reports/backlog', view: backlogView, title: 'title.reportBacklog', auth: 'staff' },
  {
    pattern: '/reports/compliance',
    view: complianceView,
    title: 'title.reportCompliance',
    auth: 'staff',
  },
  { pattern: '/reports/tiers', view: tiersView, title: 'title.reportTiers', auth: 'staff' },
  { pattern: '/reports/changes', view: changesView, title: 'title.reportChanges', auth: 'staff' },
  {
    pattern: '/reports/satisfaction',
    view: satisfactionView,
    title: 'title.reportSatisfaction',
    auth: 'staff',
  },
  {
    pattern: '/reports/workload',
    view: workloadView,
    title: 'title.reportWorkload',
    auth: 'staff',
  },
  {
    pattern: '/reports/l1-hints',
    view: l1HintsView,
    title: 'title.reportL1Hints',
    auth: 'staff',
  },
  { pattern: '/settings', view: settingsView, title: 'title.settings', auth: 'signed-in' },
  { pattern: '/admin', view: adminHomeView, title: 'title.admin', auth: 'admin' },
  { pattern: '/admin/calendars', view: calendarsView, title: 'title.calendars', auth: 'admin' },
  {
    pattern: '/admin/calendars/:id',
    view: calendarYearView,
    title: 'title.calendar',
    auth: 'admin',
  },
  { pattern: '/admin/processes', view: processesView, title: 'title.processes', auth: 'admin' },
  { pattern: '/admin/users', view: usersView, title: 'title.users', auth: 'admin' },
  { pattern: '/admin/users/:id', view: userView, title: 'title.user', auth: 'admin' },
  { pattern: '/admin/companies', view: companiesView, title: 'title.companies', auth: 'admin' },
  { pattern: '/admin/groups', view: groupsView, title: 'title.groups', auth: 'admin' },
  { pattern: '/admin/audit', view: auditView, title: 'title.audit', auth: 'admin' },
  { pattern: '/admin/levels', view: levelsView, title: 'title.levels', auth: 'admin' },
  { pattern: '/admin/levels/:id', view: levelView, title: 'title.level', auth: 'admin' },
  { pattern: '/admin/licences', view: licencesView, title: 'title.licences', auth: 'admin' },
  { pattern: '/admin/coupons', view: couponsView, title: 'title.coupons', auth: 'admin' },
  {
    pattern: '/admin/categories',
    view: categoriesView,
    title: 'title.categories',
    auth: 'admin',
  },
  { pattern: '/admin/templates', view: templatesView, title: 'title.templates', auth: 'admin' },
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
  if (route.auth && route.auth !== 'signed-out' && !user) {
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
/** What the view on screen asked to run when it is left (timers, live subscriptions). */
let cleanUp: (() => void) | null = null;

function leaveView(): void {
  const run = cleanUp;
  cleanUp = null;
  run?.();
}

async function render(route: Route | null, location: Location): Promise<void> {
  renderCount += 1;
  const mine = renderCount;
  leaveView();
  clearBanner({ navigation: true });
  markCurrentLink();
  if (route && !allowed(route)) return;
  // The administration pages say to anyone else that they may not see them.
  const forbidden = route?.auth === 'admin' && !isAdministrator();
  const title = forbidden ? 'title.forbidden' : (route?.title ?? 'title.notFound');
  document.title = t('title.page', { title: t(title) });
  const root = h('div', { class: 'view' }, h('p', { class: 'loading' }, t('app.loading')));
  replace(main, root);
  try {
    const view = forbidden ? forbiddenView : (route?.view ?? notFoundView);
    const done = await view(root, location);
    if (typeof done === 'function') {
      if (mine === renderCount) cleanUp = done;
      else done(); // the user moved on while the view loaded
    }
  } catch (error) {
    if (mine !== renderCount) return;
    console.error(error);
    showBanner(error instanceof Error ? error.message : t('app.pageFailed'));
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

/** The texts of index.html's frame, in the current language. */
function translateFrame(): void {
  const skip = document.querySelector('[data-skip]');
  if (skip) skip.textContent = t('app.skipLink');
  const brand = document.querySelector('.brand');
  if (brand) brand.textContent = t('app.name');
  frameElement('app-nav').setAttribute('aria-label', t('nav.label'));
}

/** True while the browser's cookie still names a session (asked by the live stream). */
async function sessionAlive(): Promise<boolean> {
  const info = await api.me();
  if (info) return true;
  api.onUnauthenticated();
  return false;
}

function onSession(user: User | null): void {
  setPreferences({ language: user?.language, timeZone: user?.time_zone });
  if (user) {
    startLive(sessionAlive);
    startNotifications();
  } else {
    stopLive();
    stopNotifications();
    forgetList();
  }
  renderShell(user);
}

async function start(): Promise<void> {
  setPreferences({});
  translateFrame();
  wireSkipLink();
  startShortcuts();
  let router: Router | null = null;
  onSessionChange(onSession);
  onPreferencesChange(() => {
    translateFrame();
    clearDirectory(); // categories and groups may be named in the language
    renderShell(currentUser());
    void router?.resolve();
  });
  api.onUnauthenticated = () => {
    if (!currentUser()) return;
    setSession(null);
    showBanner(t('app.sessionEnded'), 'info', { keep: true });
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
        h('h1', null, t('app.unreachable')),
        h('p', null, error instanceof Error ? error.message : String(error)),
        h(
          'button',
          { class: 'button', type: 'button', onclick: () => window.location.reload() },
          t('app.tryAgain'),
        ),
      ),
    );
    return;
  }
  router = new Router(routes, render);
  await router.start();
}

void start();
