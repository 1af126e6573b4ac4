// What the help desk proposes to L1 for the ticket's classification (staff;
// GET /api/v1/tickets/{id}/l1-hint), as a note in the process card above the
// transition buttons: the class proposed and why (the customer's words as
// they wrote them), and that the operator decides; a proposal is never
// applied by itself. Once an operator has classified the ticket, the note
// says whether they took the class proposed or which one they chose.
import { h } from '../dom';
import { t } from '../i18n';
import type { L1Hint } from '../api/types';

/** The proposal's note, or null when nothing was proposed. */
export function l1HintNote(hint: L1Hint | null): HTMLElement | null {
  if (!hint) return null;
  const decided = hint.decided_class !== null;
  return h(
    'p',
    { role: 'note', class: decided ? 'l1-hint decided' : 'l1-hint' },
    decided ? decidedText(hint) : proposedText(hint),
  );
}

function proposedText(hint: L1Hint): string {
  if (!hint.evidence.length) return t('process.hint.proposedBare', { label: hint.label });
  const words = hint.evidence.map((word) => t('process.hint.word', { word })).join(', ');
  return t('process.hint.proposed', { label: hint.label, words });
}

function decidedText(hint: L1Hint): string {
  if (hint.accepted) return t('process.hint.accepted', { label: hint.label });
  const chosen = hint.decided_label || hint.decided_class || '';
  return t('process.hint.classified', { label: hint.label, chosen });
}
