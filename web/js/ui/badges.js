// Status and criticality badges: colour plus text, never colour alone.
import { h } from '../dom.js';
import { statusLabel, criticalityLabel } from '../format.js';

/** @param {string} status */
export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, statusLabel(status));
}

/** @param {string} criticality */
export function criticalityBadge(criticality) {
  return h('span', { class: `badge crit-${criticality}` }, criticalityLabel(criticality));
}
