import { seatName } from '../access';
import { isHub, type HubId, type SeatId } from '../ids';
import { PLACE_INFO } from '../map';
import { MOVE_BY_NAME } from '../moves';
import { RESOLUTION_STEPS, stepOfMove } from '../orders/steps';
import type { GameState, Signal } from '../state';
import type { Replayed } from './replay';
import { stepPositions } from './steps';
import { chronicle } from './summary';

/**
 * The firms' secret things (entities, leases, couriers, trainings, models), each followed by
 * its own id through the resolution steps of a finished match: the step that made it and the
 * firm's orders resolved there, the step it was exposed or ended, the signals the engine
 * published in that very step and place, and the regulator's orders and searches resolved in
 * it. Unlike the timeline by place and round (timeline.ts), a link here means "this happened
 * to this thing in this step". The engine does not stamp a signal or a search with the id of
 * what it concerned, nor an order with the id of what it made, so those last links are by the
 * step that did them and its place: exact whenever one thing of the firm changed there in that
 * step (`ambiguous` says when several did).
 */
export interface ThingLife {
  key: string;
  firm: string;
  kind: 'entity' | 'lease' | 'courier' | 'training' | 'model';
  id: string;
  hub: HubId | null;
  what: string;
  made: At | null;
  /** The firm's orders of that kind resolved in the step that made it, at its place (for a model: its training). */
  madeBy: string[];
  exposed: At | null;
  ended: At | null;
  /** Signals published in the step the thing was exposed or ended, at its place, naming its firm. */
  signals: { at: At; text: string }[];
  /** The regulator's orders and searches resolved in the step it was exposed, at its place. */
  responses: { at: At; text: string }[];
  /** Several things of the firm changed in the same place and step as this one. */
  ambiguous: boolean;
}

export interface At {
  round: number;
  step: number;
}

export const atText = (a: At): string =>
  a.step === 0 ? `round ${a.round}` : `round ${a.round}, ${RESOLUTION_STEPS[a.step]}`;

interface Thing {
  kind: ThingLife['kind'];
  id: string;
  hub: HubId | null;
  exposed: boolean;
  what: string;
}

/** Which of the firms' moves makes which kind of thing. */
const MAKES: Readonly<Record<string, ThingLife['kind']>> = {
  registerEntity: 'entity',
  leaseServers: 'lease',
  courierData: 'courier',
  carryModelHome: 'courier',
  train: 'training',
};

const hubName = (h: HubId | null): string => (h ? PLACE_INFO[h].name : 'home');
const hubIn = (p: string): HubId | null => (isHub(p) ? p : null);

function thingsOf(state: GameState, seat: string): Map<string, Thing> {
  const out = new Map<string, Thing>();
  const x = state.firms[seat as SeatId]?.secrets;
  if (!x || x.redacted) return out;
  const put = (t: Thing) => out.set(`${t.kind}:${t.id}`, t);
  for (const e of x.entities)
    put({
      kind: 'entity',
      id: e.id,
      hub: e.hub,
      exposed: e.exposed,
      what: `local entity in ${hubName(e.hub)}`,
    });
  for (const l of x.leases)
    put({
      kind: 'lease',
      id: l.id,
      hub: l.hub,
      exposed: l.exposed,
      what: `lease of ${l.pods} pods in ${hubName(l.hub)}`,
    });
  for (const c of x.couriers) {
    const hub = hubIn(c.to) ?? hubIn(c.from);
    const load = c.model > 0 ? 'model weights' : `${c.tb} TB`;
    put({
      kind: 'courier',
      id: c.id,
      hub,
      exposed: false,
      what: `courier of ${load} (${c.carriers} carriers) ${c.from} → ${c.to}`,
    });
  }
  for (const t of x.trainings) {
    const hub = t.at === 'home' ? null : t.at;
    put({
      kind: 'training',
      id: t.id,
      hub,
      exposed: t.exposed,
      what: `training on ${t.pods} pods in ${hubName(hub)}`,
    });
  }
  for (const m of x.models)
    put({
      kind: 'model',
      id: m.id,
      hub: m.hub,
      exposed: false,
      what: `trained model (+${m.gain}) in ${hubName(m.hub)}`,
    });
  return out;
}

/** Entries of `cur` not in `prev` (both lists only grow, though a state keeps only the latest). */
function added<T>(prev: readonly T[], cur: readonly T[]): T[] {
  const seen = new Map<string, number>();
  for (const p of prev) seen.set(JSON.stringify(p), (seen.get(JSON.stringify(p)) ?? 0) + 1);
  return cur.filter((c) => {
    const k = JSON.stringify(c);
    const n = seen.get(k) ?? 0;
    if (n > 0) seen.set(k, n - 1);
    return n === 0;
  });
}

/** Every secret thing of every firm, followed through the match's resolution steps. */
export function thingLives(replay: Replayed): ThingLife[] {
  const last = replay.states[replay.states.length - 1];
  if (!last.over || !last.secret) return [];
  const whole = chronicle(replay);
  const firms = Object.keys(last.firms);
  const lives = new Map<string, ThingLife>();
  const resolved = last.round;
  for (let round = 1; round <= resolved; round++) {
    const open = replay.roundStart[round];
    if (open === undefined) continue;
    const steps = stepPositions(replay, round);
    let prev = replay.states[open];
    for (let step = 1; step < steps.length; step++) {
      const cur = steps[step];
      if (!cur) continue;
      const at: At = { round, step };
      const signals: Signal[] = added(prev.signals, cur.signals);
      const searches = added(prev.searches, cur.searches);
      // A round's plans are opened as its resolution ends: read them from the match's chronicle.
      const plans = whole.opened.filter((p) => p.round === round);
      for (const seat of firms) {
        const firm = seatName(last, seat as SeatId);
        const before = thingsOf(prev, seat);
        const after = thingsOf(cur, seat);
        const changedAt = new Map<string, number>();
        const touched: [ThingLife, 'made' | 'exposed' | 'ended'][] = [];
        const lifeOf = (key: string, t: Thing): ThingLife => {
          let life = lives.get(`${seat}/${key}`);
          if (!life) {
            life = {
              key: `${seat}/${key}`,
              firm,
              kind: t.kind,
              id: t.id,
              hub: t.hub,
              what: t.what,
              made: null,
              madeBy: [],
              exposed: null,
              ended: null,
              signals: [],
              responses: [],
              ambiguous: false,
            };
            lives.set(life.key, life);
          }
          return life;
        };
        for (const [key, t] of after) {
          const was = before.get(key);
          if (!was) touched.push([lifeOf(key, t), 'made']);
          else if (t.exposed && !was.exposed) touched.push([lifeOf(key, t), 'exposed']);
        }
        for (const [key, t] of before) if (!after.has(key)) touched.push([lifeOf(key, t), 'ended']);
        for (const [life, what] of touched) {
          const k = `${life.kind}/${life.hub}/${what}`;
          changedAt.set(k, (changedAt.get(k) ?? 0) + 1);
        }
        for (const [life, what] of touched) {
          if ((changedAt.get(`${life.kind}/${life.hub}/${what}`) ?? 0) > 1) life.ambiguous = true;
          if (what === 'made') {
            life.made = at;
            life.madeBy = plans
              .filter((p) => p.seat === seat)
              .flatMap((p) => p.orders ?? [])
              .filter((o) => {
                const spec = MOVE_BY_NAME[o.move];
                const hub = o.args.hub ?? o.args.at;
                return (
                  spec &&
                  MAKES[o.move] === life.kind &&
                  stepOfMove(spec) === step &&
                  (typeof hub !== 'string' || hub === life.hub)
                );
              })
              .map((o) => MOVE_BY_NAME[o.move]?.label ?? o.move);
            // A trained model keeps the id of the training that made it.
            if (life.kind === 'model' && lives.has(`${seat}/training:${life.id}`))
              life.madeBy = [`the training ${life.id}`];
            continue;
          }
          if (what === 'exposed') life.exposed = at;
          else life.ended = at;
          for (const s of signals)
            if (s.hub === life.hub && s.text.includes(firm))
              life.signals.push({ at, text: s.text });
          if (what !== 'exposed') continue;
          for (const s of searches)
            if (s.hub === life.hub)
              life.responses.push({
                at,
                text: `${s.by === 'check' ? 'End-use check' : 'Distributor audit'}: found ${s.found || 'nothing'}`,
              });
          for (const p of plans) {
            if (last.seats.find((x) => x.id === p.seat)?.role !== 'regulator') continue;
            for (const o of p.orders ?? []) {
              const spec = MOVE_BY_NAME[o.move];
              if (spec && stepOfMove(spec) === step && o.args.hub === life.hub)
                life.responses.push({ at, text: `Regulator: ${spec.label}` });
            }
          }
        }
      }
      prev = cur;
    }
  }
  return [...lives.values()].sort(
    (a, b) => (a.made?.round ?? 0) - (b.made?.round ?? 0) || a.key.localeCompare(b.key),
  );
}
