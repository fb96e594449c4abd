import { z } from 'zod';
import { SCENARIOS, type ActionPayload, type SeatId } from '../../../game/engine';
import type { MatchSetup } from '../selectors/table';

/**
 * A game on this screen, kept in the browser's localStorage so that a reload (or Quit with
 * "keep it") loses nothing. What is kept is the setup and every accepted action in order: the
 * engine is deterministic, so replaying them from the seed rebuilds the exact state. The record
 * is versioned; one that cannot be read or replayed is set aside with a message, never half-used.
 */
export const SAVE_KEY = 'chokepoint:local-game';
export const SAVE_VERSION = 1;

export interface SavedAction {
  seat: SeatId;
  payload: ActionPayload;
}

export interface SavedGame {
  setup: MatchSetup;
  actions: SavedAction[];
  /** When it was last saved (ms since 1970), to show on the start screen. */
  savedAt: number;
}

const seatSetup = z.object({
  seat: z.string(),
  kind: z.enum(['person', 'bot', 'absent']),
  level: z.enum(['random', 'heuristic']),
});

const record = z.object({
  version: z.literal(SAVE_VERSION),
  savedAt: z.number(),
  setup: z.object({
    scenario: z.string(),
    seed: z.string().max(64),
    seats: z.array(seatSetup),
    botDelayMs: z.number().min(0).max(60000),
    guide: z.boolean(),
    demo: z.boolean().optional(),
  }),
  actions: z.array(
    z.object({
      seat: z.string(),
      payload: z.object({ action: z.enum(['order', 'withdraw', 'card', 'submit']) }).loose(),
    }),
  ),
});

export type LoadResult =
  { kind: 'none' } | { kind: 'saved'; game: SavedGame } | { kind: 'broken'; problem: string };

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the game still plays, it is just not kept
  }
}

/** Reads the kept game, if any; a record that does not parse is reported, not used. */
export function loadGame(): LoadResult {
  const text = storage()?.getItem(SAVE_KEY);
  if (!text) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'broken', problem: 'the saved data is not readable (damaged JSON)' };
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== SAVE_VERSION)
    return {
      kind: 'broken',
      problem: `it was saved by another version of the game (format ${version}, this one reads ${SAVE_VERSION})`,
    };
  const parsed = record.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'broken',
      problem: `the saved data is damaged (${issue.path.join('.') || 'record'}: ${issue.message})`,
    };
  }
  if (!SCENARIOS[parsed.data.setup.scenario])
    return {
      kind: 'broken',
      problem: `its scenario "${parsed.data.setup.scenario}" no longer exists`,
    };
  const { setup, actions, savedAt } = parsed.data;
  return {
    kind: 'saved',
    game: {
      setup: { ...setup, seats: setup.seats.map((s) => ({ ...s, seat: s.seat as SeatId })) },
      actions: actions.map((a) => ({
        seat: a.seat as SeatId,
        payload: a.payload as unknown as ActionPayload,
      })),
      savedAt,
    },
  };
}

/** Keeps the game; quietly does nothing when the browser refuses storage (full, disabled). */
export function saveGame(setup: MatchSetup, actions: readonly SavedAction[]): void {
  try {
    storage()?.setItem(
      SAVE_KEY,
      JSON.stringify({ version: SAVE_VERSION, savedAt: Date.now(), setup, actions }),
    );
  } catch {
    // out of space or storage disabled
  }
}

export function forgetGame(): void {
  try {
    storage()?.removeItem(SAVE_KEY);
  } catch {
    // storage disabled
  }
}
