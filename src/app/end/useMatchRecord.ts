import { useEffect, useState } from 'react';
import type { SealedPlan } from '../../../game/engine';
import { chronicle, type ReplayResult } from '../../../game/replay';

/** How the end screen reads the match's record: its replay file, played again and checked. */
export type ReadRecord = () => Promise<ReplayResult>;

export type MatchRecord =
  | { kind: 'reading' }
  | { kind: 'read'; plans: readonly SealedPlan[] }
  | { kind: 'unread'; error: string };

/**
 * Every round's opened plans, from the match's record (the final position keeps only the last
 * round's). Read once, after the end screen is up; the first `read` given is the one used.
 */
export function useMatchRecord(read: ReadRecord | undefined): MatchRecord {
  const [reader] = useState(() => read);
  const [record, setRecord] = useState<MatchRecord>(
    reader ? { kind: 'reading' } : { kind: 'unread', error: 'this screen has no record of it' },
  );
  useEffect(() => {
    if (!reader) return;
    let live = true;
    reader()
      .then((r) =>
        r.ok
          ? ({ kind: 'read', plans: chronicle(r.replay).opened } as const)
          : ({ kind: 'unread', error: r.error } as const),
      )
      .catch((e: unknown) => ({ kind: 'unread', error: String(e) }) as const)
      .then((next) => live && setRecord(next));
    return () => {
      live = false;
    };
  }, [reader]);
  return record;
}
