// Keyboard shortcuts. One keydown listener for the page; the view on screen
// says what each action does there (a list moves its selection with j and
// k, a ticket opens the next one of the list it was opened from), and the
// router's clean-up removes it. `g` then `q` or `m` go to a list from
// anywhere; `?` lists the shortcuts in a dialog.
//
// Letters are matched by their key's position (KeyboardEvent.code), so they
// work with the Russian layout too. Nothing fires while the person types in
// a text field, select or editable element, nor with Ctrl, Alt or Meta held,
// nor behind an open modal dialog.
import { h } from './dom';
import { t } from './i18n';
import type { PlainKey } from './i18n';
import { navigate } from './router';
import { currentUser, isStaff } from './session';
import { openDialog } from './ui/dialog';

/** What a view may do on a key. */
export type Action = 'next' | 'previous' | 'open' | 'reply' | 'note' | 'transition' | 'search';

type Handlers = Partial<Record<Action, () => void>>;

/** The handlers of the view on screen; one view at a time. */
let handlers: Handlers = {};
/** Set by `g` for a moment: the next key names where to go. */
let goPending: ReturnType<typeof setTimeout> | null = null;
const kGoWindowMs = 1500;

/**
 * Lets the view on screen handle `actions`; returns the function that
 * removes them (for the view's clean-up).
 */
export function onShortcuts(actions: Handlers): () => void {
  handlers = actions;
  return () => {
    if (handlers === actions) handlers = {};
  };
}

/** Starts listening; once per page. */
export function startShortcuts(): void {
  document.addEventListener('keydown', onKey);
}

/** Input types that take typed text; checkboxes, radios and buttons do not. */
const kNonText = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image']);

/** True while keys go into a field: text inputs, textareas, selects, editable elements. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !kNonText.has(target.type);
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}

/** Controls whose own Enter (follow, press, toggle, choose) must not be taken over. */
const kInteractive = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'summary',
  '[contenteditable]',
  ...['button', 'link', 'checkbox', 'radio', 'option', 'combobox', 'menuitem', 'tab'].map(
    (role) => `[role=${role}]`,
  ),
].join(', ');

function activatesOnEnter(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest(kInteractive);
}

/** The letter of a key by its position: "j" for KeyJ, whatever the layout types. */
function letter(event: KeyboardEvent): string {
  return /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : event.key;
}

function onKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey) return;
  if (event.metaKey || typing(event.target)) return;
  if (document.querySelector('dialog[open]')) return;
  if (!currentUser()) return;
  const key = letter(event);
  if (goPending) {
    clearTimeout(goPending);
    goPending = null;
    if (!event.shiftKey && go(key)) event.preventDefault();
    return;
  }
  if (event.key === '?' || (event.code === 'Slash' && event.shiftKey)) {
    event.preventDefault();
    showShortcuts();
    return;
  }
  if (event.shiftKey) return;
  if (key === 'g') {
    goPending = setTimeout(() => {
      goPending = null;
    }, kGoWindowMs);
    event.preventDefault();
    return;
  }
  const action = actionOf(event, key);
  const handler = action ? handlers[action] : undefined;
  if (!handler) return;
  event.preventDefault();
  handler();
}

function actionOf(event: KeyboardEvent, key: string): Action | null {
  if (event.key === 'Enter') return activatesOnEnter(event.target) ? null : 'open';
  if (event.key === '/' || event.code === 'Slash') return 'search';
  const byLetter: Record<string, Action> = {
    j: 'next',
    k: 'previous',
    r: 'reply',
    n: 'note',
    t: 'transition',
  };
  return byLetter[key] ?? null;
}

/** `g` then `key`: true when it named a place. */
function go(key: string): boolean {
  if (key === 'q' && isStaff()) {
    navigate('/queue');
    return true;
  }
  if (key === 'm') {
    navigate('/tickets');
    return true;
  }
  return false;
}

interface Shortcut {
  /** The keys pressed one after the other. */
  keys: string[];
  what: PlainKey;
  staffOnly?: boolean;
}

const kGroups: { title: PlainKey; items: Shortcut[] }[] = [
  {
    title: 'shortcuts.groupList',
    items: [
      { keys: ['j'], what: 'shortcuts.listNext' },
      { keys: ['k'], what: 'shortcuts.listPrevious' },
      { keys: ['Enter'], what: 'shortcuts.listOpen' },
      { keys: ['/'], what: 'shortcuts.listFilter' },
    ],
  },
  {
    title: 'shortcuts.groupTicket',
    items: [
      { keys: ['j'], what: 'shortcuts.ticketNext' },
      { keys: ['k'], what: 'shortcuts.ticketPrevious' },
      { keys: ['r'], what: 'shortcuts.reply' },
      { keys: ['n'], what: 'shortcuts.note', staffOnly: true },
      { keys: ['t'], what: 'shortcuts.transition' },
    ],
  },
  {
    title: 'shortcuts.groupGo',
    items: [
      { keys: ['g', 'q'], what: 'shortcuts.goQueue', staffOnly: true },
      { keys: ['g', 'm'], what: 'shortcuts.goMine' },
      { keys: ['?'], what: 'shortcuts.help' },
    ],
  },
];

/** The dialog that lists the shortcuts for the signed-in person's role. */
export function showShortcuts(): void {
  if (document.querySelector('dialog[open]')) return;
  const staff = isStaff();
  const body = h(
    'div',
    { class: 'shortcuts' },
    h('p', { class: 'field-hint' }, t('shortcuts.lead')),
    kGroups.map((group) =>
      h(
        'table',
        { class: 'shortcut-table' },
        h('caption', null, t(group.title)),
        h(
          'thead',
          { class: 'visually-hidden' },
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, t('shortcuts.key')),
            h('th', { scope: 'col' }, t('shortcuts.action')),
          ),
        ),
        h(
          'tbody',
          null,
          group.items
            .filter((item) => staff || !item.staffOnly)
            .map((item) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row' }, keysOf(item.keys)),
                h(
                  'td',
                  null,
                  t(item.what === 'shortcuts.goMine' && staff ? 'shortcuts.goAssigned' : item.what),
                ),
              ),
            ),
        ),
      ),
    ),
  );
  openDialog({ title: t('shortcuts.title'), body, className: 'dialog-wide' });
}

/** <kbd>g</kbd> then <kbd>q</kbd>. */
function keysOf(keys: string[]): (HTMLElement | string)[] {
  const out: (HTMLElement | string)[] = [];
  keys.forEach((key, i) => {
    if (i > 0) out.push(` ${t('shortcuts.then')} `);
    out.push(h('kbd', null, key === 'Enter' ? t('shortcuts.enter') : key));
  });
  return out;
}
