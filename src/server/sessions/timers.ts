import { HttpError } from '../lobby/http';
import type { SessionRecord } from '../storage/types';
import { TIMER_MAX_SECONDS, TIMER_MIN_SECONDS, type TimerInfo } from '../../protocol';

/**
 * Round timers. A running timer is a deadline (`endsAt`); a paused one, or one saved when the
 * server stopped, holds the time it had left (`leftMs`). These functions convert between the
 * two; `RoundClock` notices deadlines that have passed.
 */

/** A number of seconds within the timer's bounds, or a clear refusal naming `what`. */
export function secondsIn(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new HttpError(400, `${what} must be a number of seconds`);
  if (v < TIMER_MIN_SECONDS || v > TIMER_MAX_SECONDS)
    throw new HttpError(
      400,
      `${what} must be between ${TIMER_MIN_SECONDS} seconds and one day (${TIMER_MAX_SECONDS} s)`,
    );
  return Math.round(v);
}

export function leftOf(t: TimerInfo, now: number): number {
  return t.endsAt !== null ? Math.max(0, t.endsAt - now) : (t.leftMs ?? 0);
}

/** A timer with `ms` left: a deadline, or held while the table is paused. */
export function withLeft(
  ms: number,
  paused: boolean,
  now: number,
): Pick<TimerInfo, 'endsAt' | 'leftMs'> {
  return paused ? { endsAt: null, leftMs: ms } : { endsAt: now + ms, leftMs: null };
}

/** The timer held with the time it has left (pause, or the server stopping). */
export function frozen<T extends TimerInfo>(t: T, now: number): T {
  return { ...t, endsAt: null, leftMs: leftOf(t, now) };
}

/** The timer running again from the time it had left. */
export function running<T extends TimerInfo>(t: T, now: number): T {
  return { ...t, endsAt: now + leftOf(t, now), leftMs: null };
}

/** Copies a timer for a snapshot (without the round it runs for). */
export function shownTimer(t: TimerInfo | null | undefined): TimerInfo | null {
  return t ? { seconds: t.seconds, endsAt: t.endsAt, leftMs: t.leftMs } : null;
}

/**
 * Checks every running session's timers four times a second and calls `expire` once for each
 * table whose deadline has passed (not again while that call runs, nor for a second after it
 * failed: with Redis or the database away, once a second is enough to try and to log).
 */
export class RoundClock {
  private ticker: NodeJS.Timeout | null = null;
  private readonly expiring = new Set<string>();
  private readonly failedAt = new Map<string, number>();

  constructor(
    private readonly sessions: () => Iterable<SessionRecord>,
    private readonly expire: (sessionID: string, table: number) => Promise<void>,
    private readonly now: () => number,
  ) {}

  start(): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => this.tick(), 250);
    this.ticker.unref();
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private tick(): void {
    const now = this.now();
    for (const s of this.sessions()) {
      if (s.status !== 'running') continue;
      s.tables.forEach((t, i) => {
        const key = `${s.id}:${i}`;
        if (t.timer?.endsAt == null || t.timer.endsAt > now || this.expiring.has(key)) return;
        if (now - (this.failedAt.get(key) ?? -Infinity) < 1000) return;
        this.expiring.add(key);
        void this.expire(s.id, i)
          .then(() => this.failedAt.delete(key))
          .catch((e: unknown) => {
            this.failedAt.set(key, this.now());
            console.error('round timer failed:', e instanceof HttpError ? e.message : e);
          })
          .finally(() => this.expiring.delete(key));
      });
    }
  }
}
