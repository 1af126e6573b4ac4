// Hash-based routing ("#/tickets/12?tab=history"), so the app works when
// served as plain static files. A route maps a path pattern to a view.

/**
 * @typedef {{
 *   params: Record<string, string>,
 *   query: URLSearchParams,
 *   path: string,
 * }} Location
 * @typedef {{
 *   pattern: string,
 *   view: (root: HTMLElement, location: Location) => (void | (() => void) | Promise<void | (() => void)>),
 *   title: string,
 *   auth?: 'signed-in' | 'signed-out' | 'staff',
 * }} Route
 */

/**
 * @param {string} pattern "/tickets/:id"
 * @returns {{regex: RegExp, names: string[]}}
 */
function compile(pattern) {
  /** @type {string[]} */
  const names = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${source}/?$`), names };
}

/** The current hash as a path and a query. */
export function currentPath() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path: path || '/', query: new URLSearchParams(search) };
}

/**
 * Goes to `path` ("/tickets/12"); `replace` keeps the browser history short
 * for redirects.
 * @param {string} path
 * @param {{replace?: boolean}} [options]
 */
export function navigate(path, options = {}) {
  const hash = `#${path}`;
  if (window.location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (options.replace) {
    window.location.replace(hash);
  } else {
    window.location.hash = hash;
  }
}

/** Builds "#/path?query" hrefs for links. @param {string} path @param {Record<string, string>} [query] */
export function href(path, query) {
  const search = query ? new URLSearchParams(query).toString() : '';
  return `#${path}${search ? `?${search}` : ''}`;
}

export class Router {
  /**
   * @param {Route[]} routes
   * @param {(route: Route | null, location: Location) => Promise<void>} render
   */
  constructor(routes, render) {
    this.routes = routes.map((route) => ({ route, ...compile(route.pattern) }));
    this.render = render;
  }

  start() {
    window.addEventListener('hashchange', () => this.resolve());
    return this.resolve();
  }

  resolve() {
    const { path, query } = currentPath();
    for (const { route, regex, names } of this.routes) {
      const match = regex.exec(path);
      if (!match) continue;
      /** @type {Record<string, string>} */
      const params = {};
      names.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1]);
      });
      return this.render(route, { params, query, path });
    }
    return this.render(null, { params: {}, query, path });
  }
}
