// Sign in, register, and choose a password from the link in a mail.
// Registration signs the user in at once (DOMAIN.md §1), and so does a
// password set from a link.
import { h, replace } from '../dom';
import { api, ApiError } from '../api';
import { setSession } from '../session';
import { navigate, href } from '../router';
import type { Location } from '../router';
import { field, valueOf, onSubmit } from '../ui/form';
import { t } from '../i18n';

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
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('auth.signIn'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field({ label: t('auth.email'), control: email }),
    field({ label: t('auth.password'), control: password }),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(
    form,
    submit,
    t('auth.signingIn'),
    async () => {
      setSession(await api.login(valueOf(form, 'email').trim(), valueOf(form, 'password')));
      navigate(nextPath(location.query), { replace: true });
    },
    [
      ['email', t('auth.emailMissing')],
      ['password', t('auth.passwordMissing')],
    ],
  );
  replace(
    root,
    authCard(
      t('title.signIn'),
      t('auth.signInLead'),
      form,
      h(
        'p',
        null,
        t('auth.newHere'),
        ' ',
        h('a', { href: href('/register', nextQuery(location.query)) }, t('auth.createAccount')),
        ' ',
        t('auth.newHereAfter'),
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
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('auth.createSubmit'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field({ label: t('auth.yourName'), control: name }),
    field({ label: t('auth.email'), control: email, hint: t('auth.emailHint') }),
    field({ label: t('auth.password'), control: password, hint: t('auth.passwordHint') }),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(
    form,
    submit,
    t('auth.creating'),
    async () => {
      const info = await api.register(
        valueOf(form, 'email').trim(),
        valueOf(form, 'password'),
        valueOf(form, 'name').trim(),
      );
      setSession(info);
      navigate(nextPath(location.query), { replace: true });
    },
    [
      ['name', t('auth.nameMissing')],
      ['email', t('auth.emailMissing')],
      ['password', t('auth.passwordMissing')],
    ],
  );
  replace(
    root,
    authCard(
      t('title.register'),
      t('auth.registerLead'),
      form,
      h(
        'p',
        null,
        t('auth.haveAccount'),
        ' ',
        h('a', { href: href('/login', nextQuery(location.query)) }, t('auth.signInLink')),
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
        t('auth.setPassword'),
        t('auth.linkIncomplete'),
        h('div'),
        h(
          'p',
          null,
          h('a', { href: href('/login') }, t('auth.signInLink')),
          t('auth.ifHavePassword'),
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
  const submit = h(
    'button',
    { type: 'submit', class: 'button primary' },
    t('auth.setPasswordSubmit'),
  );
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field({ label: t('auth.newPassword'), control: password, hint: t('auth.passwordHint') }),
    field({ label: t('auth.newPasswordAgain'), control: confirm }),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(
    form,
    submit,
    t('auth.settingPassword'),
    async () => {
      const chosen = valueOf(form, 'password');
      if (chosen !== valueOf(form, 'confirm')) {
        // Shown under the field like the server's problems are.
        throw new ApiError(422, { detail: t('auth.passwordsDiffer'), field: 'confirm' });
      }
      setSession(await api.setPassword(token, chosen));
      navigate('/', { replace: true }); // also drops the used link from the history
    },
    [
      ['password', t('auth.passwordMissing')],
      ['confirm', t('auth.passwordMissing')],
    ],
  );
  replace(
    root,
    authCard(
      t('auth.setPassword'),
      t('auth.setPasswordLead'),
      form,
      h(
        'p',
        null,
        t('auth.linkUsed'),
        ' ',
        h('a', { href: href('/login') }, t('auth.signInLink')),
        t('auth.linkUsedAfter'),
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
