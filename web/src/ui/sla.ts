// A ticket's SLA clock on screen. Staff see the due time and the working
// time left ("3 h 20 min left", "overdue by 2 h", "paused"), coloured at
// warning and breach. Customers see the deadline in plain words. The
// remaining time is working time as the server counted it when it answered;
// views read it again every minute rather than ticking through nights and
// weekends that do not count.
import { h } from '../dom';
import { t } from '../i18n';
import { formatDate, formatDuration, timeElement } from '../format';
import type { SlaStatus, Ticket } from '../api/types';

/** The countdown chip; null when no target is running (met, or no clock). */
export function slaCountdown(sla: SlaStatus | null): HTMLElement | null {
  if (!sla || sla.state === 'met' || !sla.due) return null;
  const time = formatDuration(sla.remaining_seconds);
  let text: string;
  let title: string;
  if (sla.state === 'paused') {
    text = t('sla.paused');
    title = t('sla.pausedTitle', { time });
  } else if (sla.state === 'breached' || sla.remaining_seconds < 0) {
    text = t('sla.overdue', { time });
    title = t('sla.overdueTitle');
  } else {
    text = t('sla.left', { time });
    title = sla.state === 'warning' ? t('sla.warningTitle') : t('sla.leftTitle');
  }
  return h('span', { class: `sla-chip sla-${sla.state}`, title }, text);
}

/** What the target is, in words: "First response". */
export function slaTargetLabel(target: SlaStatus['target']): string {
  if (target === 'next_response') return t('sla.target.next_response');
  if (target === 'resolution') return t('sla.target.resolution');
  return t('sla.target.first_response');
}

/** The staff's cell: the due time and the countdown under it; a dash without one. */
export function slaCell(sla: SlaStatus | null): HTMLElement {
  const chip = slaCountdown(sla);
  if (!sla?.due || !chip) return h('span', { class: 'muted', title: t('sla.noneTitle') }, '—');
  return h(
    'span',
    { class: 'sla-cell' },
    timeElement(sla.due, { compact: true, style: 'deadline' }),
    chip,
  );
}

/**
 * The deadline in plain words for the customer, or null when none runs,
 * worded here from the due instant in the app's time zone and language, like
 * every other time on the page. The server's `deadline_text` names the same
 * instant in the same zone when the profile sets one (else in Moscow time,
 * where the app follows the browser), but always as "we will answer by",
 * so it cannot say that the clock waits for the customer, that the promise
 * was missed, or that the target is the resolution.
 */
export function customerDeadline(ticket: Pick<Ticket, 'sla'>): string | null {
  const sla = ticket.sla;
  if (!sla?.due || sla.state === 'met') return null;
  if (sla.state === 'paused') return t('sla.customer.paused');
  const when = formatDate(sla.due, 'deadline');
  if (sla.state === 'breached') return t('sla.customer.late', { when });
  return sla.target === 'resolution'
    ? t('sla.customer.resolveBy', { when })
    : t('sla.customer.answerBy', { when });
}
