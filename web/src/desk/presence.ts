// Presence on a ticket (staff): the collision warning. While the ticket page
// is open and visible it announces itself (PUT /tickets/{id}/presence) every
// 10 seconds, and at once when the agent starts typing in the reply box
// ({"typing": true}) and when they stop (no keystroke for 5 seconds, or the
// text sent or cleared). Each answer names the other agents with the ticket
// open; a polite live region above the reply box says "Also viewing: Anna
// (L1 operator)" and "Boris is typing a reply…". Leaving the page says so
// (DELETE; a keepalive request when the page itself goes away). Customers
// neither see nor announce anything: the ticket page starts this for staff.
import { h, replace } from '../dom';
import { ApiError } from '../api';
import { locale, t } from '../i18n';
import { roleLabel } from '../format';
import { announcePresence, leavePresence, leavePresenceOnUnload } from './desk_api';
import type { Viewer } from '../api/types';

const kAnnounceEveryMs = 10_000;
/** No keystroke for this long: no longer typing. */
const kTypingIdleMs = 5_000;

export interface PresenceWatch {
  /** The live region showing who else is there; empty while nobody is. */
  element: HTMLElement;
  stop: () => void;
}

/** Announces the ticket page of `ticketId` and shows who else has it open, above `reply`. */
export function watchPresence(ticketId: number, reply: HTMLFormElement): PresenceWatch {
  const element = h('div', { class: 'presence', 'aria-live': 'polite' });
  reply.before(element);
  const body = reply.querySelector<HTMLTextAreaElement>('textarea[name="body"]');
  let typing = false;
  let stopped = false;
  let shown = '';
  let idle: ReturnType<typeof setTimeout> | null = null;
  // One request at a time, in order: a late announcement never follows the DELETE.
  let queue: Promise<void> = Promise.resolve();

  const show = (viewers: Viewer[]): void => {
    const list = new Intl.ListFormat(locale(), { type: 'conjunction' });
    const everyone = viewers.map((v) =>
      t('presence.person', { name: v.name, role: roleLabel(v.role) }),
    );
    const typists = viewers.filter((v) => v.typing).map((v) => v.name);
    const text = JSON.stringify([everyone, typists]);
    if (text === shown) return; // unchanged: nothing to redraw or read out
    shown = text;
    replace(
      element,
      everyone.length
        ? h(
            'p',
            { class: 'presence-viewers' },
            t('presence.viewing', { count: everyone.length, names: list.format(everyone) }),
          )
        : null,
      typists.length
        ? h(
            'p',
            { class: 'presence-typing' },
            t('presence.typing', { count: typists.length, names: list.format(typists) }),
          )
        : null,
    );
  };

  const halt = (): void => {
    stopped = true;
    cleanUp();
    show([]);
  };

  const announce = (): void => {
    if (stopped || document.visibilityState !== 'visible') return;
    queue = queue.then(async () => {
      if (stopped) return;
      try {
        const presence = await announcePresence(ticketId, typing);
        if (!stopped) show(presence.items);
      } catch (error) {
        // Not one's to watch (any more): stop quietly. Otherwise the next round tries again.
        if (error instanceof ApiError && [401, 403, 404].includes(error.status)) halt();
      }
    });
  };

  const setTyping = (now: boolean): void => {
    if (idle) clearTimeout(idle);
    idle = null;
    if (now) idle = setTimeout(() => setTyping(false), kTypingIdleMs);
    if (now === typing) return;
    typing = now;
    announce();
  };

  const onInput = (): void => setTyping(Boolean(body?.value.trim()));
  const onReset = (): void => setTyping(false);
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') announce();
  };
  const onPageHide = (): void => leavePresenceOnUnload(ticketId);
  const onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) announce(); // back from the browser's page cache
  };
  const timer = setInterval(announce, kAnnounceEveryMs);
  body?.addEventListener('input', onInput);
  reply.addEventListener('reset', onReset);
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);

  function cleanUp(): void {
    clearInterval(timer);
    if (idle) clearTimeout(idle);
    idle = null;
    body?.removeEventListener('input', onInput);
    reply.removeEventListener('reset', onReset);
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
  }

  announce();
  return {
    element,
    stop: () => {
      if (stopped) return;
      stopped = true;
      cleanUp();
      queue = queue.then(() => leavePresence(ticketId).catch(() => {}));
    },
  };
}
