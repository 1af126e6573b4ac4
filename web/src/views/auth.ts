// Sign in, register, and choose a password from the link in a mail.
// Registration signs the user in at once (DOMAIN.md §1), and so does a
// password set from a link.
import { h, replace } from '../dom';
import { api, ApiError } from '../api';
import { setSession } from '../session';
import { navigate, href } from '../router';
import type { Location } from '../router';
import { field, valueOf, onSubmit } from '../ui/form';

/** Where to go after signing in: the page that asked for it, or home. */
function nextPath(query: URLSearchParams): string {
  const next = query.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('/login') && !next.startsWith('/register')
    ? next
    : '/';
}

function nextQuery(query: URLSearchParams): Record<string, string> | undefined {
  const next = query.get('next');
  return next ? { next } : undefined;
}

export function signInView(root: HTMLElement, location: Location): void {
  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field({ label: 'E-mail', control: email }),
    field({ label: 'Password', control: password }),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(form, submit, 'Signing in…', async () => {
    setSession(await api.login(valueOf(form, 'email').trim(), valueOf(form, 'password')));
    navigate(nextPath(location.query), { replace: true });
  });
  replace(
    root,
    authCard(
      'Sign in',
      'Sign in to follow your requests and talk to support.',
      form,
      h(
        'p',
        null,
        'New here? ',
        h('a', { href: href('/register', nextQuery(location.query)) }, 'Create an account'),
        ' — it takes a minute and you are signed in at once.',
      ),
    ),
  );
  email.focus();
}

export function registerView(root: HTMLElement, location: Location): void {
  const name = h('input', {
    type: 'text',
    name: 'name',
    autocomplete: 'name',
    required: true,
    maxlength: 200,
  });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'new-password',
    required: true,
    minlength: 8,
  });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Create account');
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field({ label: 'Your name', control: name }),
    field({
      label: 'E-mail',
      control: email,
      hint: 'We write to this address when support answers.',
    }),
    field({ label: 'Password', control: password, hint: 'At least 8 characters.' }),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(form, submit, 'Creating account…', async () => {
    const info = await api.register(
      valueOf(form, 'email').trim(),
      valueOf(form, 'password'),
      valueOf(form, 'name').trim(),
    );
    setSession(info);
    navigate(nextPath(location.query), { replace: true });
  });
  replace(
    root,
    authCard(
      'Create an account',
      'You are signed in as soon as the account is created; no e-mail confirmation to wait for.',
      form,
      h(
        'p',
        null,
        'Already have an account? ',
        h('a', { href: href('/login', nextQuery(location.query)) }, 'Sign in'),
      ),
    ),
  );
  name.focus();
}

/**
 * The page of the password link `#/set-password?token=…` that an account made
 * from an e-mail gets in its acknowledgement: choose a password, signed in.
 */
export function setPasswordView(root: HTMLElement, location: Location): void {
  const token = location.query.get('token') ?? '';
  if (!token) {
    replace(
      root,
      authCard(
        'Set your password',
        'This link is incomplete. Open the link from the e-mail again, or copy all of it ' +
          'into the address bar.',
        h('div'),
        h(
          'p',
          null,
          h('a', { href: href('/login') }, 'Sign in'),
          ' if you have a password already.',
        ),
      ),
    );
    return;
  }
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'new-password',
    required: true,
    minlength: 8,
  });
  const confirm = h('input', {
    type: 'password',
    name: 'confirm',
    autocomplete: 'new-password',
    required: true,
    minlength: 8,
  });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Set password');
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field({ label: 'New password', control: password, hint: 'At least 8 characters.' }),
    field({ label: 'New password again', control: confirm }),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(form, submit, 'Setting password…', async () => {
    const chosen = valueOf(form, 'password');
    if (chosen !== valueOf(form, 'confirm')) {
      // Shown under the field like the server's problems are.
      throw new ApiError(422, { detail: 'The two passwords differ.', field: 'confirm' });
    }
    setSession(await api.setPassword(token, chosen));
    navigate('/', { replace: true }); // also drops the used link from the history
  });
  replace(
    root,
    authCard(
      'Set your password',
      'Your account was made when you wrote to us. Choose a password to follow your ' +
        'requests here.',
      form,
      h(
        'p',
        null,
        'Link used or expired? ',
        h('a', { href: href('/login') }, 'Sign in'),
        ' if you have set a password already; otherwise write to us again and the reply ' +
          'brings a new link.',
      ),
    ),
  );
  password.focus();
}

function authCard(
  title: string,
  lead: string,
  form: HTMLElement,
  footer: HTMLElement,
): HTMLElement {
  return h(
    'section',
    { class: 'auth-card card', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: -1 }, title),
    h('p', { class: 'lead' }, lead),
    form,
    h('div', { class: 'auth-footer' }, footer),
  );
}
