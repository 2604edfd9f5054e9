// The workspace shell: finds who is logged in, draws the navigation the role may use, and hands
// the page's <main> to the page's module. Every page is a URL of its own (bookmarkable,
// printable); the server answers each with the same shell (src/server/page_endpoints.cpp).
import { h, replace } from './dom.js';
import { api, ApiError, setCsrfToken } from './api.js';

const STAFF = ['secretariat', 'liaison', 'host_nation', 'planner', 'monitor'];
const GAP_BOARD_READERS = ['secretariat', 'liaison', 'host_nation', 'planner'];
const PLEDGE_READERS = ['secretariat', 'liaison', 'host_nation', 'planner'];

// The pages, in navigation order; `roles` follows the API's role matrix (docs/workspace.md), so
// a link is offered only where the page's data can be read.
const PAGES = [
  { path: '/', title: 'This week', module: './pages/home.js', roles: STAFF },
  { path: '/pledges', title: 'Pledges', module: './pages/pledges.js', roles: PLEDGE_READERS },
  { path: '/gaps', title: 'Gap board', module: './pages/gaps.js', roles: GAP_BOARD_READERS },
  { path: '/sites', title: 'Sites', module: './pages/sites.js', roles: STAFF },
  { path: '/plans', title: 'Plans', module: './pages/plans.js', roles: [...STAFF, 'observer'] },
  { path: '/monitoring', title: 'Monitoring', module: './pages/monitoring.js', roles: [...STAFF, 'observer'] },
  { path: '/brief', title: 'Weekly brief', module: './pages/brief.js', roles: STAFF },
  { path: '/users', title: 'Users', module: './pages/users.js', roles: ['secretariat'] },
  // Reached from the user's name in the header rather than the navigation.
  { path: '/account', title: 'Your account', module: './pages/account.js', roles: [...STAFF, 'observer'], inHeader: true },
];

const ROLE_NAMES = {
  secretariat: 'secretariat',
  liaison: 'national liaison',
  host_nation: 'host nation',
  planner: 'planner',
  monitor: 'monitor',
  observer: 'observer',
};

/// The banner every page shows when its data is illustrative (pledges built from public
/// statements, not real offers); it is also printed.
export function showIllustrative(notice) {
  replace(document.getElementById('banner'),
    h('p.g-illustrative', { id: 'g-illustrative', role: 'note' },
      h('strong', {}, 'ILLUSTRATIVE'), ' ', notice || 'pledges are built from public statements, not real offers.'));
}

/// A failure shown where the page would be, with the API's message.
export function showError(main, error) {
  const detail = error instanceof ApiError ? `${error.message}${error.where ? ` (at ${error.where})` : ''}` : String(error);
  replace(main, h('div.g-error', { role: 'alert' }, h('h1', {}, 'This page could not be loaded'), h('p', {}, detail)));
}

function drawNavigation(session, current) {
  const role = session.user.role;
  const links = PAGES.filter((page) => page.roles.includes(role) && !page.inHeader).map((page) =>
    h('li', {}, h('a', { href: page.path, 'aria-current': page.path === current.path ? 'page' : null }, page.title)));
  replace(document.getElementById('nav'), h('ul', {}, links));
  const logout = h('button', { type: 'button', onclick: async () => {
    await api('POST', '/logout').catch(() => {});
    location.assign('/login');
  } }, 'Log out');
  const nation = session.user.nation ? ` of ${session.user.nation}` : '';
  const account = h('a', { href: '/account', id: 'account-link', 'aria-current': current.path === '/account' ? 'page' : null,
    title: 'Your account: password and API tokens' }, session.user.name);
  replace(document.getElementById('who'), h('span', {}, account, ` (${ROLE_NAMES[role] ?? role}${nation})`), ' ', logout);
}

async function boot() {
  const main = document.getElementById('main');
  const path = location.pathname;
  try {
    if (path === '/login') {
      document.title = 'Log in - Guarantor workspace';
      (await import('./pages/login.js')).render(main);
      return;
    }
    const page = PAGES.find((candidate) => candidate.path === path) ?? PAGES[0];
    // The page's module (and the modules it imports) loads while the session is asked for:
    // two round trips at once instead of one after the other. It holds no data.
    const module = import(page.module);
    module.catch(() => {});
    let session;
    try {
      session = (await api('GET', '/session')).data;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        location.assign(`/login?next=${encodeURIComponent(path)}`);
        return;
      }
      throw error;
    }
    setCsrfToken(session.csrf_token);
    drawNavigation(session, page);
    document.title = `${page.title} - Guarantor workspace`;
    if (!page.roles.includes(session.user.role)) {
      replace(main, h('h1', {}, page.title), h('p', {}, `The role ${ROLE_NAMES[session.user.role]} does not use this page.`),
        session.user.role === 'observer' ? h('p', {}, 'Observers read the published weekly briefs.') : null);
      return;
    }
    await (await module).render(main, { session });
  } catch (error) {
    showError(main, error);
  } finally {
    // Milliseconds from navigation to the page drawn with its data (bench/web_first_render.mjs).
    window.guarantorRenderedMs = performance.now();
    document.body.dataset.ready = 'true';
  }
}

boot();
