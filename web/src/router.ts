// Hash-based routing ("#/tickets/12?tab=history"), so the app works when
// served as plain static files. A route maps a path pattern to a view.
import type { PlainKey } from './i18n';

export interface Location {
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
}

/** Draws a page into `root`; may return (or resolve to) a clean-up function. */
export type View = (
  root: HTMLElement,
  location: Location,
) => void | (() => void) | Promise<void | (() => void)>;

export interface Route {
  pattern: string;
  view: View;
  /** The page title's catalogue key. */
  title: PlainKey;
  /** Who may see it; 'admin' pages tell anyone else they may not. */
  auth?: 'signed-in' | 'signed-out' | 'staff' | 'admin';
}

/** Compiles a pattern such as "/tickets/:id". */
function compile(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
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
export function currentPath(): { path: string; query: URLSearchParams } {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path: path || '/', query: new URLSearchParams(search) };
}

/**
 * Goes to `path` ("/tickets/12"); `replace` keeps the browser history short
 * for redirects.
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const hash = `#${path}`;
  if (window.location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (options.replace) {
    window.location.replace(hash);
  } else {
    window.location.hash = hash;
  }
}

/** Builds "#/path?query" hrefs for links. */
export function href(path: string, query?: Record<string, string>): string {
  const search = query ? new URLSearchParams(query).toString() : '';
  return `#${path}${search ? `?${search}` : ''}`;
}

export class Router {
  private readonly routes: { route: Route; regex: RegExp; names: string[] }[];

  constructor(
    routes: Route[],
    private readonly render: (route: Route | null, location: Location) => Promise<void>,
  ) {
    this.routes = routes.map((route) => ({ route, ...compile(route.pattern) }));
  }

  start(): Promise<void> {
    window.addEventListener('hashchange', () => this.resolve());
    return this.resolve();
  }

  resolve(): Promise<void> {
    const { path, query } = currentPath();
    for (const { route, regex, names } of this.routes) {
      const match = regex.exec(path);
      if (!match) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1] ?? '');
      });
      return this.render(route, { params, query, path });
    }
    return this.render(null, { params: {}, query, path });
  }
}
