// The administration pages in the API: the SLA calendars (the years they
// cover, one year day by day, importing holidays with a dry run first) and
// the process definitions (the stored versions, checking a text, storing it
// as a new version, moving open tickets between versions). Administrators
// only: the server answers 403 to anyone else, and the pages never ask for
// another role.
import { api } from '../api';
import type { EncodedBody } from '../api';
import { asSent } from '../api/types';
import type {
  CalendarImport,
  CalendarSummary,
  CalendarYear,
  LoadedProcess,
  ProcessCheck,
  ProcessVersion,
} from '../api/types';

/** The calendars in force with the years they cover and whether a level uses them. */
export async function calendars(): Promise<CalendarSummary[]> {
  const { data } = await api.send('get', '/api/v1/admin/calendars');
  return asSent(data.items ?? []);
}

/** Every day of `year` as calendar `id` counts it; `covered: false` (no days) without data. */
export async function calendarYear(id: string, year: number): Promise<CalendarYear> {
  const path = '/api/v1/admin/calendars/{id}/years/{year}';
  return asSent((await api.send('get', path, { params: { id, year } })).data);
}

/**
 * Uploads holidays (production-calendar JSON or iCalendar) to calendar `id`.
 * `dryRun`: stores nothing and answers the days it would change. Bad input
 * is a 422 in the server's words.
 */
export async function importHolidays(
  id: string,
  encoded: EncodedBody,
  dryRun: boolean,
): Promise<CalendarImport> {
  const { data } = await api.send('put', '/api/v1/admin/calendars/{id}', {
    params: { id },
    query: dryRun ? { dry_run: true } : undefined,
    encoded,
  });
  return asSent(data);
}

/** The stored versions of every process definition, by process id then version. */
export async function processVersions(): Promise<ProcessVersion[]> {
  return asSent((await api.send('get', '/api/v1/processes')).data.items ?? []);
}

/** The definition as the server would load it: its problems, or its size and diagram. */
export async function checkProcess(source: string, fileName: string): Promise<ProcessCheck> {
  const json = fileName ? { source, file_name: fileName } : { source };
  return asSent((await api.send('post', '/api/v1/processes/check', { json })).data);
}

/**
 * Stores the definition as a new version (`created`), or finds the same
 * text stored already. A version taken by another text is a 409, a bad
 * definition a 422.
 */
export async function loadProcess(
  source: string,
  fileName: string,
): Promise<{ loaded: LoadedProcess; created: boolean }> {
  const json = fileName ? { source, file_name: fileName } : { source };
  const { data, response } = await api.send('post', '/api/v1/processes', { json });
  return { loaded: asSent(data), created: response.status === 201 };
}

/**
 * Moves the open tickets of process `id` from version `from` to `to`, each
 * state through `map` (old id → new id; unlisted states keep their id).
 * Answers how many moved; a bad version or state is a 422 naming its field.
 */
export async function migrateProcess(
  id: string,
  from: number,
  to: number,
  map: Record<string, string>,
): Promise<number> {
  const path = '/api/v1/processes/{id}/migrations';
  const { data } = await api.send('post', path, { params: { id }, json: { from, to, map } });
  return data.tickets ?? 0;
}
