import { HUBS, RULES, type GameState, type SeatId } from '../../../game/engine';
import { goalsOf, type Goal } from '../../../game/scoring';
import { homeCeiling } from '../../../game/training';
import { ROLE_GOAL, ROLE_LABEL, placeName, whenOf, roleOfSeat, seatName } from './format';

export interface Stat {
  label: string;
  value: string;
  hint?: string;
}

/** A victory condition as the engine states it (game/scoring.ts), for the progress bars. */
export type { Goal };

export interface Dashboard {
  seatName: string;
  role: string;
  goalText: string;
  stats: Stat[];
  goals: Goal[];
  /** The seat's own secrets, one line each (firms). */
  secrets: string[];
}

const avgStanding = (G: GameState): number =>
  Math.round((HUBS.reduce((n, h) => n + G.places[h].standing, 0) / HUBS.length) * 10) / 10;

function shared(G: GameState): Stat[] {
  return [
    {
      label: 'Tension',
      value: `${G.tension}/${RULES.tensionMax}`,
      hint: `At ${RULES.tensionRetaliationAt} China retaliates`,
    },
    {
      label: 'Control level',
      value: `${G.controlLevel}/${RULES.maxControlLevel}`,
      hint: 'How strict the chip rules are',
    },
    { label: 'Frontier', value: String(G.frontier), hint: 'Capability a lab must reach' },
  ];
}

function firmSecrets(G: GameState, seat: SeatId): string[] {
  const s = G.firms[seat]?.secrets;
  if (!s || s.redacted) return [];
  const out: string[] = [];
  if (s.preparingTB) out.push(`${s.preparingTB} TB of data being prepared (ready next round)`);
  for (const [hub, tb] of Object.entries(s.dataAt))
    if (tb) out.push(`${tb} TB of data in ${placeName(hub as (typeof HUBS)[number])}`);
  for (const e of s.entities)
    out.push(
      `Local entity in ${placeName(e.hub)}${e.listed ? ' — listed' : e.exposed ? ' — exposed' : ''}`,
    );
  for (const l of s.leases)
    out.push(`${l.pods} leased pods in ${placeName(l.hub)}${l.exposed ? ' — exposed' : ''}`);
  for (const c of s.couriers)
    out.push(
      c.to === 'CN'
        ? `Model (+${c.model}) flying home from ${placeName(c.from)}`
        : `${c.carriers} carriers with ${c.tb} TB flying to ${placeName(c.to)}`,
    );
  for (const t of s.trainings)
    out.push(
      `Training ${t.at === 'home' ? 'at home' : `in ${placeName(t.at)}`} on ${t.pods} pods, done ${whenOf(G, t.doneRound)}`,
    );
  for (const m of s.models) out.push(`Trained model (+${m.gain}) waiting in ${placeName(m.hub)}`);
  return out;
}

export function dashboard(G: GameState, seat: SeatId): Dashboard {
  const role = roleOfSeat(G, seat) ?? 'facilitator';
  const standing = avgStanding(G);
  const base = {
    seatName: seatName(G, seat),
    role: ROLE_LABEL[role],
    goalText: ROLE_GOAL[role],
    secrets: [] as string[],
  };
  switch (role) {
    case 'regulator':
      return {
        ...base,
        stats: [
          {
            label: 'Political capital',
            value: String(G.regulator.pc),
            hint: `+${G.regulator.pcPerRound} each round`,
          },
          { label: 'Cloud KYC rule', value: G.kyc ? 'in force' : 'off' },
          ...shared(G),
        ],
        secrets: G.regulator.intel.map(
          (f) => `KYC report, ${whenOf(G, f.round)}: a suspicious customer in ${placeName(f.hub)}`,
        ),
        goals: goalsOf(G, seat),
      };
    case 'vendor':
      return {
        ...base,
        stats: [
          { label: 'Cash', value: `$${G.vendor.cash}` },
          { label: 'Chip generation', value: String(G.vendor.generation) },
          {
            label: 'China edition',
            value:
              G.vendor.compliantLevel === G.controlLevel ? 'on sale' : 'none that meets the rules',
          },
          {
            label: 'Revenue-share licence',
            value: { none: 'none', applied: 'applied for', granted: 'granted' }[
              G.vendor.revenueShare
            ],
          },
          ...shared(G),
        ],
        goals: goalsOf(G, seat),
      };
    case 'hub':
      return {
        ...base,
        stats: [
          { label: 'Cash', value: `$${G.hub.cash}` },
          { label: 'Investment', value: String(G.hub.investment) },
          { label: 'Average standing', value: String(standing) },
          ...shared(G),
        ],
        goals: goalsOf(G, seat),
      };
    case 'firm': {
      const f = G.firms[seat];
      const s = f.secrets;
      return {
        ...base,
        stats: [
          { label: 'Cash', value: `$${s.cash}`, hint: `+$${f.income} each round` },
          { label: 'Data at home', value: `${s.homeTB} TB` },
          { label: 'Home compute', value: `${s.homeCompute / 10} pods` },
          {
            label: 'Home training ceiling',
            value: String(homeCeiling(G, f)),
            hint: 'Training at home cannot lift capability above this',
          },
          {
            label: 'Heat',
            value: `${s.heat}/${RULES.heatMax}`,
            hint: 'Higher heat: more likely to be caught',
          },
          ...shared(G),
        ],
        goals: goalsOf(G, seat),
        secrets: firmSecrets(G, seat),
      };
    }
    default:
      return { ...base, stats: shared(G), goals: [] };
  }
}

/** 0..1 of the way to a goal (for the progress bar). */
export function goalProgress(g: Goal): number {
  if (g.target <= 0) return 1;
  return Math.max(0, Math.min(1, g.now / g.target));
}

export function goalLine(g: Goal): string {
  const u = g.unit ?? '';
  return g.atMost
    ? `${g.label}: ${g.now} (must stay under ${g.target})`
    : `${g.label}: ${u}${g.now} of ${u}${g.target}`;
}
