import { roleOf } from './access';
import type { SeatId } from './ids';
import { freshSecrets } from './setup';
import type {
  FirmSecrets,
  FirmState,
  GameState,
  LogEntry,
  RegulatorState,
  SealedPlan,
  SeatPlan,
} from './state';

/**
 * What one seat may see. The match secret (generator and deck) is never sent. A firm's secrets
 * are its own; other seats see only what has been exposed. Every seat's plan is its own: the
 * others see only whether it has submitted and its seal. A firm's orders stay sealed until the
 * game ends; the other roles' orders are revealed once the round resolves. The true market
 * behind the demand readings is hidden. When the game ends everything is revealed. The
 * facilitator sees everything; a spectator (null) sees what is public.
 */
export function playerView(state: GameState, viewer: SeatId | null): GameState {
  const all = state.over || (viewer !== null && roleOf(state, viewer) === 'facilitator');
  if (all) return { ...state, secret: null };
  const firms: Record<string, FirmState> = {};
  for (const [seat, firm] of Object.entries(state.firms)) {
    firms[seat] = seat === viewer ? firm : redacted(firm);
  }
  const plans: Record<string, SeatPlan> = {};
  for (const [seat, plan] of Object.entries(state.plans)) {
    plans[seat] = seat === viewer ? plan : sealedOnly(plan);
  }
  const regulator =
    viewer !== null && roleOf(state, viewer) === 'regulator'
      ? state.regulator
      : hiddenIntel(state.regulator);
  return {
    ...state,
    regulator,
    firms,
    plans,
    opened: openedFor(state, viewer),
    market: null,
    log: logFor(state.log, viewer),
    secret: null,
  };
}

/*
 * A frozen (immutable) state's parts keep their identity from move to move where nothing
 * changed; so do their views, remembered here, and a view diff skips them without a look.
 * Parts that can still change (a simulator's working copy) are never remembered.
 */
const redactedFirms = new WeakMap<FirmState, FirmState>();
const sealedPlans = new WeakMap<SeatPlan, SeatPlan>();
const logViews = new WeakMap<LogEntry[], Map<SeatId | null, LogEntry[]>>();
const openedViews = new WeakMap<SealedPlan[], Map<SeatId | null, SealedPlan[]>>();

function remember<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  const known = cache.get(key);
  if (known) return known;
  const view = make();
  if (Object.isFrozen(key)) cache.set(key, view);
  return view;
}

function perViewer<K extends object, V>(
  cache: WeakMap<K, Map<SeatId | null, V>>,
  key: K,
  viewer: SeatId | null,
  make: () => V,
): V {
  const known = cache.get(key)?.get(viewer);
  if (known) return known;
  const view = make();
  if (Object.isFrozen(key)) {
    const byViewer = cache.get(key) ?? new Map<SeatId | null, V>();
    byViewer.set(viewer, view);
    cache.set(key, byViewer);
  }
  return view;
}

const hiddenIntelViews = new WeakMap<RegulatorState, RegulatorState>();
const hiddenIntel = (r: RegulatorState): RegulatorState =>
  remember(hiddenIntelViews, r, () => ({ ...r, intel: [] }));

const redacted = (firm: FirmState): FirmState =>
  remember(redactedFirms, firm, () => ({ ...firm, secrets: exposedOnly(firm.secrets) }));

const sealedOnly = (plan: SeatPlan): SeatPlan =>
  remember(sealedPlans, plan, () => ({
    hand: [],
    orders: [],
    card: null,
    submitted: plan.submitted,
    seal: plan.seal,
    salt: '',
  }));

const logFor = (log: LogEntry[], viewer: SeatId | null): LogEntry[] =>
  perViewer(logViews, log, viewer, () => log.filter((e) => e.to === 'public' || e.to === viewer));

/** The last round's plans: a firm's orders stay sealed to the others until the game ends. */
function openedFor(state: GameState, viewer: SeatId | null): SealedPlan[] {
  return perViewer(openedViews, state.opened, viewer, () =>
    state.opened.map((p) =>
      p.seat === viewer || roleOf(state, p.seat) !== 'firm'
        ? p
        : { ...p, salt: null, orders: null },
    ),
  );
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
