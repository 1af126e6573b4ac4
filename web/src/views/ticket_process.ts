// The ticket's business process: where it is, what the viewer should do now
// (the state's instructions for their role), a way to the diagram (drawn
// further down the page, ./ticket_diagram.ts), and a button for each
// transition the viewer may fire; each opens its form in a dialog. For staff,
// what is proposed for L1's classification stands above the buttons
// (./ticket_hint.ts).
import { h } from '../dom';
import { t } from '../i18n';
import { transitionDialog } from './ticket_transition';
import { l1HintNote } from './ticket_hint';
import type { Category, L1Hint, Ticket, Transition } from '../api/types';
import type { Fire } from './ticket';

interface ProcessContext {
  ticket: Ticket;
  transitions: Transition[];
  fire: Fire;
  staff: boolean;
  cats: Category[];
  /** Brings the diagram card into view. */
  showDiagram: () => void;
  /** What is proposed to L1 for the ticket's classification (staff); null or absent: nothing. */
  hint?: L1Hint | null;
}

export function processPanel(ctx: ProcessContext): HTMLElement {
  const ticket = ctx.ticket;
  if (!ticket.state) return h('p', { class: 'field-hint' }, t('process.none'));
  return h(
    'div',
    { class: 'process stack' },
    h(
      'p',
      null,
      h('strong', null, ticket.state_label || ticket.state),
      ticket.final ? h('span', { class: 'field-hint' }, ` ${t('process.final')}`) : null,
    ),
    ticket.instructions ? h('p', { class: 'process-instructions' }, ticket.instructions) : null,
    h(
      'button',
      { type: 'button', class: 'link-button', onclick: ctx.showDiagram },
      t('process.diagram'),
    ),
    l1HintNote(ctx.hint ?? null),
    ctx.transitions.length
      ? h(
          'div',
          { class: 'transition-buttons', role: 'group', 'aria-label': t('process.steps') },
          ctx.transitions.map((tr) => transitionButton(tr, ctx)),
        )
      : h('p', { class: 'field-hint' }, t('process.nothingToDo')),
  );
}

function transitionButton(tr: Transition, ctx: ProcessContext): HTMLButtonElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button',
      dataset: { transition: tr.id },
      'aria-haspopup': 'dialog',
    },
    tr.label,
  );
  button.addEventListener('click', () =>
    transitionDialog({
      transition: tr,
      ticket: ctx.ticket,
      fire: ctx.fire,
      staff: ctx.staff,
      cats: ctx.cats,
    }),
  );
  return button;
}
