// The caller's queues (GET /api/v1/queues) with their counts, as last read.
// The desk's navigation draws them; the queue filter's state select takes
// the process states from the `state:<id>` queues. Only the newest answer
// counts, so a slow older one never overwrites fresher counts.
import { queues as fetchQueues } from './desk_api';
import { currentLanguage } from '../i18n';
import { currentUser } from '../session';
import type { Queue } from '../api/types';

let latest: Queue[] | null = null;
/** Whose queues, in which language: another person or language reads them anew. */
let latestFor = '';
let asked = 0;
let reading: Promise<Queue[]> | null = null;
const listeners = new Set<(queues: Queue[]) => void>();

/**
 * Reads the queues; listeners hear the answer unless a newer read overtook
 * it. A read already under way is shared, unless `fresh` asks for one that
 * starts now (after a ticket event, say).
 */
export function readQueues(options: { fresh?: boolean } = {}): Promise<Queue[]> {
  if (reading && !options.fresh) return reading;
  asked += 1;
  const mine = asked;
  const who = owner();
  const read = fetchQueues().then((list) => {
    if (mine === asked) {
      latest = list;
      latestFor = who;
      for (const listener of [...listeners]) listener(list);
    }
    return list;
  });
  reading = read;
  const done = (): void => {
    if (reading === read) reading = null;
  };
  read.then(done, done);
  return read;
}

/** The queues as last read, or null before the first answer. */
export function lastQueues(): Queue[] | null {
  return latestFor === owner() ? latest : null;
}

function owner(): string {
  return `${currentUser()?.id ?? ''}:${currentLanguage()}`;
}

/** Hears every newest list of queues; returns the unsubscribe. */
export function onQueues(listener: (queues: Queue[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const kStatePrefix = 'state:';

/** The process states the queues name: [state id, label]. */
export function queueStates(list: Queue[]): [string, string][] {
  return list
    .filter((queue) => queue.id.startsWith(kStatePrefix))
    .map((queue) => [queue.id.slice(kStatePrefix.length), queue.label]);
}
