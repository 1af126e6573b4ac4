// Status and criticality badges: colour plus text, never colour alone.
import { h } from '../dom';
import { statusLabel, criticalityLabel } from '../format';

/** `customer`: worded for the customer ("Waiting for your reply"). */
export function statusBadge(status: string, options: { customer?: boolean } = {}): HTMLSpanElement {
  return h('span', { class: `badge status-${status}` }, statusLabel(status, options));
}

export function criticalityBadge(criticality: string): HTMLSpanElement {
  return h('span', { class: `badge crit-${criticality}` }, criticalityLabel(criticality));
}
