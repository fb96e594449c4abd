import { roleOf } from './access';
import type { SeatId } from './ids';
import { freshSecrets } from './setup';
import type { FirmSecrets, FirmState, GameState, LogEntry } from './state';

/**
 * What one seat may see. The match secret (generator and deck order) is never sent. A firm's
 * secrets are its own; other seats see only what has been exposed, until the game ends and
 * everything is revealed. The facilitator sees everything; a spectator (null) sees what is public.
 */
export function playerView(state: GameState, viewer: SeatId | null): GameState {
  const all = state.over || (viewer !== null && roleOf(state, viewer) === 'facilitator');
  const firms: Record<string, FirmState> = {};
  for (const [seat, firm] of Object.entries(state.firms)) {
    firms[seat] = all || seat === viewer ? firm : redacted(firm);
  }
  return {
    ...state,
    firms,
    log: all ? state.log : logFor(state.log, viewer),
    secret: null,
  };
}

/*
 * A frozen (immutable) state's parts keep their identity from move to move where nothing
 * changed; so do their views, remembered here, and a view diff skips them without a look.
 * Parts that can still change (a simulator's working copy) are never remembered.
 */
const redactedFirms = new WeakMap<FirmState, FirmState>();
const logViews = new WeakMap<LogEntry[], Map<SeatId | null, LogEntry[]>>();

function redacted(firm: FirmState): FirmState {
  const known = redactedFirms.get(firm);
  if (known) return known;
  const view = { ...firm, secrets: exposedOnly(firm.secrets) };
  if (Object.isFrozen(firm) && Object.isFrozen(firm.secrets)) redactedFirms.set(firm, view);
  return view;
}

function logFor(log: LogEntry[], viewer: SeatId | null): LogEntry[] {
  const known = logViews.get(log)?.get(viewer);
  if (known) return known;
  const view = log.filter((e) => e.to === 'public' || e.to === viewer);
  if (Object.isFrozen(log)) {
    const byViewer = logViews.get(log) ?? new Map<SeatId | null, LogEntry[]>();
    byViewer.set(viewer, view);
    logViews.set(log, byViewer);
  }
  return view;
}

function exposedOnly(s: FirmSecrets): FirmSecrets {
  return {
    ...freshSecrets(0, 0),
    entities: s.entities.filter((e) => e.exposed),
    leases: s.leases.filter((l) => l.exposed),
    trainings: s.trainings.filter((t) => t.exposed),
    redacted: true,
  };
}
