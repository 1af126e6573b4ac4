// Runs a real `helpdesk serve` for the browser tests, like the integration
// tests' harness (tests/integration/harness.py): a fresh temporary data
// folder, a free loopback port chosen by the server (--listen 127.0.0.1:0),
// settings that keep it fast under test (--set), the "serving on" line
// awaited, SIGTERM at the end and the folder deleted. One server per test
// file. HD_BINARY names the binary; HD_WEB_ROOT, when set, a folder of the
// web app to serve instead of the one built into the binary (a fresh
// `npm run build` of web/, say: --set http.web_root=<folder>).
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, rmSync, openSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository: the business defaults (config/defaults) live there. */
export const repoRoot = resolve(here, '..', '..');

/** Settings that keep the server fast under test; the rest are defaults. */
export const TEST_SETTINGS = {
  'auth.password_hash_memory_kib': '8192',
  // Every browser context signs up and in from 127.0.0.1.
  'auth.signups_per_hour': '1000000',
  log_level: 'info',
};

/** The password of every demo user (`helpdesk demo`) and of users made here. */
export const DEMO_PASSWORD = 'demo-password';

const START_TIMEOUT_MS = 90_000; // an ASan build starts slowly
const STOP_TIMEOUT_MS = 60_000;
const CLI_TIMEOUT_MS = 120_000;

export function binary() {
  const path = process.env.HD_BINARY;
  if (!path) throw new Error('HD_BINARY is not set: the path of the helpdesk binary');
  return path;
}

let serial = 0;
/** An e-mail nobody else in this run uses. */
export function uniqueEmail(prefix = 'user') {
  serial += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${process.pid}-${serial}-${random}@example.test`;
}

export class Server {
  /**
   * @param {{demo?: boolean, settings?: Record<string, string>}} options
   *   demo: fill the database with `helpdesk demo` before serving.
   */
  constructor(options = {}) {
    this.binary = binary();
    this.demo = options.demo ?? false;
    this.settings = { ...TEST_SETTINGS, ...(options.settings ?? {}) };
    this.dataDir = mkdtempSync(join(tmpdir(), 'hd-browser-'));
    this.logPath = join(this.dataDir, 'server.log');
    this.process = null;
    this.url = null;
    this.exited = null;
  }

  setFlags() {
    return Object.entries(this.settings).flatMap(([key, value]) => ['--set', `${key}=${value}`]);
  }

  commonFlags() {
    return ['--data', this.dataDir, '--config-dir', join(repoRoot, 'config', 'defaults')];
  }

  /** Runs `helpdesk ARGS` on this server's data; resolves to its stdout. */
  cli(...args) {
    const command = [...args, ...this.commonFlags(), ...this.setFlags()];
    return new Promise((resolvePromise, reject) => {
      execFile(
        this.binary,
        command,
        { cwd: repoRoot, timeout: CLI_TIMEOUT_MS, maxBuffer: 16 << 20 },
        (error, stdout, stderr) => {
          if (error) {
            reject(new Error(`helpdesk ${args.join(' ')} failed: ${error.message}\n${stderr}`));
          } else {
            resolvePromise(stdout);
          }
        },
      );
    });
  }

  async start() {
    if (this.demo) this.demoOutput = await this.cli('demo');
    const log = openSync(this.logPath, 'a');
    const args = ['serve', '--listen', '127.0.0.1:0', ...this.commonFlags(), ...this.setFlags()];
    const webRoot = process.env.HD_WEB_ROOT;
    if (webRoot) args.push('--set', `http.web_root=${resolve(webRoot)}`);
    const child = spawn(this.binary, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', log],
    });
    closeSync(log);
    this.process = child;
    this.exited = new Promise((resolveExit) => {
      child.on('exit', (code, signal) => resolveExit({ code, signal }));
    });
    this.url = await new Promise((resolveUrl, reject) => {
      let seen = '';
      const timer = setTimeout(() => {
        reject(new Error(`the server did not start in time:\n${this.logTail()}`));
      }, START_TIMEOUT_MS);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        seen += chunk;
        const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code} (stdout ${seen}):\n${this.logTail()}`));
      });
    });
    // Keep reading stdout so the server never blocks on a full pipe.
    child.stdout.resume();
    return this;
  }

  /** Stops the server with SIGTERM and deletes its folder; throws on a bad exit. */
  async stop() {
    let problem = null;
    if (this.process && this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGTERM');
      let timer;
      const timeout = new Promise((r) => {
        timer = setTimeout(() => r(null), STOP_TIMEOUT_MS);
      });
      const result = await Promise.race([this.exited, timeout]);
      clearTimeout(timer);
      if (result === null) {
        this.process.kill('SIGKILL');
        await this.exited;
        problem = `the server ignored SIGTERM:\n${this.logTail()}`;
      } else if (result.code !== 0) {
        problem = `the server exited with ${result.code ?? result.signal} on SIGTERM:\n${this.logTail()}`;
      }
    }
    this.process = null;
    rmSync(this.dataDir, { recursive: true, force: true });
    if (problem) throw new Error(problem);
  }

  logTail(lines = 40) {
    try {
      return readFileSync(this.logPath, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** Creates a user with the CLI; returns the e-mail. */
  async addUser(role, { email = uniqueEmail(role), name, company } = {}) {
    const args = ['user', 'add', '--email', email, '--password', DEMO_PASSWORD, '--role', role];
    if (name) args.push('--name', name);
    if (company) args.push('--company', company);
    await this.cli(...args);
    return email;
  }

  /** A bearer token for `email` (`helpdesk token create`). */
  async token(email) {
    return (await this.cli('token', 'create', '--user', email)).trim();
  }

  /** A small JSON client of the API acting as `email`, for setting up data. */
  async apiAs(email, language = 'en') {
    const token = await this.token(email);
    const base = this.url;
    const call = async (method, path, body, headers = {}) => {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          'Accept-Language': language,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    return {
      get: (path) => call('GET', path),
      post: (path, body, headers) => call('POST', path, body, headers),
      patch: (path, body, headers) => call('PATCH', path, body, headers),
      /** Fires a transition on the ticket's current version. */
      fire: async (id, transition, fields = {}) => {
        const ticket = await call('GET', `/tickets/${id}`);
        return call(
          'POST',
          `/tickets/${id}/transitions/${transition}`,
          { fields },
          { 'If-Match': `"${ticket.version}"` },
        );
      },
    };
  }
}

/** Starts a server; the caller stops it in an `after` hook. */
export async function startServer(options) {
  const server = new Server(options);
  try {
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    throw error;
  }
  return server;
}
