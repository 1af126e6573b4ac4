// Status and criticality badges: colour plus text, never colour alone.
import { h } from '../dom';
import { statusLabel, criticalityLabel } from '../format';

export function statusBadge(status: string): HTMLSpanElement {
  return h('span', { class: `badge status-${status}` }, statusLabel(status));
}

export function criticalityBadge(criticality: string): HTMLSpanElement {
  return h('span', { class: `badge crit-${criticality}` }, criticalityLabel(criticality));
}
