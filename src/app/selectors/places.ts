import {
  PLACE_INFO,
  PLACES,
  RULES,
  isHub,
  type GameState,
  type HubId,
  type PlaceId,
  type SeatId,
} from '../../../game/engine';
import { roleOfSeat, whenOf } from './format';

/** What the map draws for one place, as seen by one seat. */
export interface PlaceView {
  id: PlaceId;
  name: string;
  kind: 'home' | 'regulator' | 'foundry' | 'hub';
  x: number;
  y: number;
  hub: boolean;
  capacityMW: number;
  /** Pods that fit in the capacity. */
  podCapacity: number;
  servers: number;
  /** The public utilisation reading: pods in use by every customer (noisy). */
  demand: number;
  /** How the reading moved since the round before. */
  demandChange: number;
  standing: number;
  customs: string;
  permit: boolean;
  licence: boolean;
  leasingFund: boolean;
  alert: boolean;
  pressure: number;
  /** Rules and builds announced here but not yet in force. */
  coming: string[];
  /** The viewing seat's own secret holdings here (a firm's). */
  mine: string[];
  /** Things of other seats that have been exposed here. */
  exposed: string[];
  /** Signals about this hub seen this round or the last. */
  signals: string[];
}

const KIND_LABEL: Record<PlaceView['kind'], string> = {
  home: 'home of the AI labs',
  regulator: "the regulator's country",
  foundry: 'chip foundry',
  hub: 'data-centre hub',
};

export const kindLabel = (kind: PlaceView['kind']): string => KIND_LABEL[kind];

function comingAt(G: GameState, hub: HubId): string[] {
  const out: string[] = [];
  for (const p of G.pending) {
    const when = whenOf(G, p.at);
    if (p.kind === 'licence' && p.hub === hub) out.push(`licences required from ${when}`);
    if (p.kind === 'permit' && p.hub === hub) out.push(`permit regime from ${when}`);
    if (p.kind === 'capacity' && p.hub === hub) out.push(`+${p.mw} MW ready ${when}`);
    if (p.kind === 'shipment' && p.hub === hub) out.push(`${p.pods} pods of chips arrive ${when}`);
  }
  return out;
}

/** The facilitator's map: every lab's holdings at the hub, each named by its lab. */
function everyFirmAt(G: GameState, hub: HubId): string[] {
  return Object.values(G.firms).flatMap((f) =>
    mineAt(G, f.seat, hub).map((line) => `${f.name}: ${line.replace(/^your /, '')}`),
  );
}

function mineAt(G: GameState, seat: SeatId | null, hub: HubId): string[] {
  if (seat !== null && roleOfSeat(G, seat) === 'facilitator') return everyFirmAt(G, hub);
  const firm = seat === null ? undefined : G.firms[seat];
  if (!firm || firm.secrets.redacted) return [];
  const s = firm.secrets;
  const out: string[] = [];
  for (const e of s.entities.filter((x) => x.hub === hub))
    out.push(`your entity${e.listed ? ' (listed)' : e.exposed ? ' (exposed)' : ''}`);
  const pods = s.leases.filter((l) => l.hub === hub).reduce((n, l) => n + l.pods, 0);
  if (pods) out.push(`${pods} leased pods`);
  const tb = s.dataAt[hub] ?? 0;
  if (tb) out.push(`${tb} TB of your data`);
  for (const t of s.trainings.filter((x) => x.at === hub))
    out.push(`training on ${t.pods} pods, done ${whenOf(G, t.doneRound)}`);
  for (const m of s.models.filter((x) => x.hub === hub))
    out.push(`trained model (+${m.gain}) waiting`);
  return out;
}

function exposedAt(G: GameState, seat: SeatId | null, hub: HubId): string[] {
  const out: string[] = [];
  for (const firm of Object.values(G.firms)) {
    if (firm.seat === seat) continue;
    const s = firm.secrets;
    for (const e of s.entities.filter((x) => x.hub === hub && x.exposed))
      out.push(`${firm.name}'s entity ${e.listed ? '(listed)' : '(exposed)'}`);
    for (const l of s.leases.filter((x) => x.hub === hub && x.exposed))
      out.push(`${firm.name} leases ${l.pods} pods`);
    for (const t of s.trainings.filter((x) => x.at === hub && x.exposed))
      out.push(`${firm.name} trains here on ${t.pods} pods`);
  }
  return out;
}

export function placeViews(G: GameState, seat: SeatId | null): PlaceView[] {
  return PLACES.map((id) => {
    const info = PLACE_INFO[id];
    const p = G.places[id];
    const hub = isHub(id);
    return {
      id,
      name: info.name,
      kind: info.kind,
      x: info.x,
      y: info.y,
      hub,
      capacityMW: p.capacityMW,
      podCapacity: Math.floor(p.capacityMW / RULES.mwPerPod),
      servers: p.servers,
      demand: p.demand,
      demandChange: p.demand - p.demandLast,
      standing: p.standing,
      customs: p.customs,
      permit: p.permit === 'permit',
      licence: p.licence,
      leasingFund: p.leasingFund,
      alert: p.alertUntil >= G.round,
      pressure: p.pressure,
      coming: hub ? comingAt(G, id) : [],
      mine: hub ? mineAt(G, seat, id) : [],
      exposed: hub ? exposedAt(G, seat, id) : [],
      signals: G.signals.filter((s) => s.hub === id && s.round >= G.round - 1).map((s) => s.text),
    };
  });
}

export type LabelSide = 'below' | 'left' | 'right';

/** Where each place's name goes, so that close neighbours (the Gulf) do not overlap. */
export const LABEL_SIDE: Record<PlaceId, LabelSide> = {
  US: 'below',
  CN: 'below',
  TW: 'right',
  MY: 'left',
  SG: 'right',
  TH: 'right',
  ID: 'right',
  SA: 'left',
  AE: 'right',
  QA: 'right',
};

/** "up 2", "down 1" or "no change". */
export function changeText(delta: number): string {
  if (delta > 0) return `up ${delta}`;
  if (delta < 0) return `down ${-delta}`;
  return 'no change';
}

/** The facts of a place, one short line each: the details panel and the accessible name use them. */
export function describePlace(p: PlaceView): string[] {
  if (!p.hub) return [`${p.name}: ${kindLabel(p.kind)}.`];
  const lines = [
    `${p.name}: ${kindLabel(p.kind)}.`,
    `Capacity ${p.capacityMW} MW (room for ${p.podCapacity} pods).`,
    `Servers: ${p.servers} pods.`,
    `Demand reading: ${p.demand} pod${p.demand === 1 ? '' : 's'} in use (${changeText(p.demandChange)} since last round).`,
    `Standing with the regulator: ${p.standing} of 10.`,
    `Customs: ${p.customs}${p.alert ? ', on alert' : ''}.`,
    `Rules: ${[p.permit ? 'permit regime' : 'no permit regime', p.licence ? 'export licence needed' : 'no licence needed'].join(', ')}.`,
  ];
  if (p.leasingFund) lines.push('A leasing fund operates here (cheaper rent).');
  if (p.pressure) lines.push(`Under regulator pressure (${p.pressure}).`);
  for (const c of p.coming) lines.push(`Coming: ${c}.`);
  for (const m of p.mine) lines.push(`Yours (secret): ${m}.`);
  for (const e of p.exposed) lines.push(`Exposed: ${e}.`);
  for (const s of p.signals) lines.push(`Signal: ${s}`);
  return lines;
}
