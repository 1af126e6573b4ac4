// The reports in the API: SLA figures, intake, the backlog over time,
// compliance and the missed targets, hand-offs between the tiers, requests
// for change, satisfaction, workload, and how often what is proposed to L1
// was accepted. Staff only: the server answers 403 to customers, and the
// pages never ask for them. Every report takes the same days (`from`, `to`
// exclusive, in the viewer's zone) and filters, and answers CSV with
// `format=csv`; the download links are made here too.
import { api } from '../api';
import { asSent } from '../api/types';
import type { Ok, Path, Query, Sent } from '../api/types';
import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** The routes of the reports, each one of docs/openapi.yaml. */
export type ReportPath =
  | '/api/v1/reports/sla'
  | '/api/v1/reports/intake'
  | '/api/v1/reports/backlog'
  | '/api/v1/reports/compliance'
  | '/api/v1/reports/breaches'
  | '/api/v1/reports/tiers'
  | '/api/v1/reports/changes'
  | '/api/v1/reports/satisfaction'
  | '/api/v1/reports/workload'
  | '/api/v1/reports/l1-hints';

/** The days and filters every report takes. */
export type ReportScope = Pick<
  Query<'/api/v1/reports/sla', 'get'>,
  'from' | 'to' | 'level' | 'category' | 'group' | 'company'
>;

export type SlaBy = NonNullable<Query<'/api/v1/reports/sla', 'get'>['by']>;
export type IntakeBy = NonNullable<Query<'/api/v1/reports/intake', 'get'>['by']>;
export type BacklogBy = NonNullable<Query<'/api/v1/reports/backlog', 'get'>['by']>;
export type Period = NonNullable<Query<'/api/v1/reports/intake', 'get'>['period']>;
export type BreachTarget = NonNullable<Query<'/api/v1/reports/breaches', 'get'>['target']>;

export type SlaReport = Sent<Ok<'/api/v1/reports/sla', 'get'>>;
export type SlaRow = Sent<Schemas['SlaReportRow']>;
export type DurationSummary = Sent<Schemas['DurationSummary']>;
export type IntakeReport = Sent<Ok<'/api/v1/reports/intake', 'get'>>;
export type BacklogReport = Sent<Ok<'/api/v1/reports/backlog', 'get'>>;
export type ComplianceReport = Sent<Ok<'/api/v1/reports/compliance', 'get'>>;
export type ComplianceRow = Sent<Schemas['ComplianceRow']>;
export type Breach = Sent<Schemas['Breach']>;
export type TiersReport = Sent<Ok<'/api/v1/reports/tiers', 'get'>>;
export type ChangesReport = Sent<Ok<'/api/v1/reports/changes', 'get'>>;
export type SatisfactionReport = Sent<Ok<'/api/v1/reports/satisfaction', 'get'>>;
export type WorkloadReport = Sent<Ok<'/api/v1/reports/workload', 'get'>>;
export type L1HintsReport = Sent<Ok<'/api/v1/reports/l1-hints', 'get'>>;

/** What the pages show of a ticket a report names. */
export type ReportTicket = Sent<Schemas['ReportTicket']>;

export async function slaReport(scope: ReportScope, by: SlaBy): Promise<SlaReport> {
  const query = { ...scope, by };
  return asSent((await api.send('get', '/api/v1/reports/sla', { query })).data);
}

export async function intakeReport(
  scope: ReportScope,
  period: Period,
  by: IntakeBy,
): Promise<IntakeReport> {
  const query = { ...scope, period, by };
  return asSent((await api.send('get', '/api/v1/reports/intake', { query })).data);
}

export async function backlogReport(
  scope: ReportScope,
  period: Period,
  by: BacklogBy,
): Promise<BacklogReport> {
  const query = { ...scope, period, by };
  return asSent((await api.send('get', '/api/v1/reports/backlog', { query })).data);
}

export async function complianceReport(
  scope: ReportScope,
  period: Period,
): Promise<ComplianceReport> {
  const query = { ...scope, period };
  return asSent((await api.send('get', '/api/v1/reports/compliance', { query })).data);
}

/** A page of the missed targets, newest first; `next` is null on the last. */
export async function breachPage(
  scope: ReportScope,
  target: BreachTarget,
  cursor: string | null,
): Promise<{ items: Breach[]; next: string | null }> {
  const query = { ...scope, target, cursor: cursor ?? undefined };
  const { data } = await api.send('get', '/api/v1/reports/breaches', { query });
  return { items: asSent(data.items ?? []), next: data.next ?? null };
}

export async function tiersReport(scope: ReportScope): Promise<TiersReport> {
  return asSent((await api.send('get', '/api/v1/reports/tiers', { query: scope })).data);
}

export async function changesReport(scope: ReportScope): Promise<ChangesReport> {
  return asSent((await api.send('get', '/api/v1/reports/changes', { query: scope })).data);
}

export async function satisfactionReport(scope: ReportScope): Promise<SatisfactionReport> {
  return asSent((await api.send('get', '/api/v1/reports/satisfaction', { query: scope })).data);
}

export async function workloadReport(scope: ReportScope): Promise<WorkloadReport> {
  return asSent((await api.send('get', '/api/v1/reports/workload', { query: scope })).data);
}

export async function l1HintsReport(scope: ReportScope): Promise<L1HintsReport> {
  return asSent((await api.send('get', '/api/v1/reports/l1-hints', { query: scope })).data);
}

/**
 * The address of report `path` as CSV with `query` (the scope and the
 * page's own parameters), for a download link; the session cookie goes
 * with it.
 */
export function reportCsvUrl(
  path: ReportPath,
  query: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  params.set('format', 'csv');
  return `${path satisfies Path}?${params.toString()}`;
}
