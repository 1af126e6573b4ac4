// The ticket page's keyboard shortcuts (src/shortcuts.ts): j and k open the
// next and previous ticket of the list the ticket was opened from, r starts
// a reply and n an internal note (staff), t takes the process's next step:
// the only transition on offer opens its form, several are focused in turn.
import { announce } from '../dom';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { navigate } from '../router';
import { neighbour } from '../list_context';
import { onShortcuts } from '../shortcuts';
import { showBanner } from '../ui/banner';
import { showError } from '../ui/form';

export function ticketShortcuts(spec: {
  id: number;
  staff: boolean;
  reply: HTMLFormElement;
  process: HTMLElement;
}): () => void {
  const step = async (direction: 1 | -1): Promise<void> => {
    let target: Awaited<ReturnType<typeof neighbour>>;
    try {
      target = await neighbour(spec.id, direction);
    } catch (error) {
      showError(null, error);
      return;
    }
    if (typeof target === 'number') {
      navigate(`/tickets/${target}`);
      return;
    }
    let key: PlainKey = 'keys.notInList';
    if (target === 'end') key = direction > 0 ? 'keys.lastInList' : 'keys.firstInList';
    showBanner(t(key), 'info');
  };

  const write = (note: boolean): void => {
    const internal = spec.reply.querySelector<HTMLInputElement>('input[name="internal"]');
    if (internal && internal.checked !== note) {
      internal.checked = note;
      internal.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const body = spec.reply.querySelector<HTMLTextAreaElement>('textarea[name="body"]');
    if (!body) return;
    body.scrollIntoView({ block: 'center' });
    body.focus({ preventScroll: true });
    if (note) announce(t('keys.writingNote'));
  };

  const transition = (): void => {
    const buttons = [
      ...spec.process.querySelectorAll<HTMLButtonElement>('button[data-transition]'),
    ];
    const [first] = buttons;
    if (!first) {
      showBanner(t('process.nothingToDo'), 'info');
      return;
    }
    if (buttons.length === 1) {
      first.click();
      return;
    }
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
    announce(t('keys.stepsOnOffer', { count: buttons.length }));
  };

  return onShortcuts({
    next: () => void step(1),
    previous: () => void step(-1),
    reply: () => write(false),
    note: spec.staff ? () => write(true) : undefined,
    transition,
  });
}
