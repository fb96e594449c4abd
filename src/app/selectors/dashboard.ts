import { HUBS, RULES, type GameState, type SeatId } from '../../../game/engine';
import { goalsOf, type Goal } from '../../../game/scoring';
import { frontierAtEnd } from '../../../game/preview';
import { homeCeiling, pipelineGain } from '../../../game/training';
import { ROLE_GOAL, ROLE_LABEL, placeName, plural, whenOf, roleOfSeat, seatName } from './format';

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
  /** How the goals stand against the end of the game, not just now. */
  outlook: Outlook;
}

/**
 * Victory is decided when the last round ends: a goal met now can still be lost. The outlook
 * says what the end will check, from what this seat can see.
 */
export interface Outlook {
  tone: 'good' | 'warn' | 'bad';
  text: string;
}

/** Pods in words: "1 pod", "3 pods", "0.5 of a pod". */
export const podsText = (n: number): string =>
  n > 0 && n < 1 ? `${n} of a pod` : plural(n, 'pod');

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
      value: `${G.controlLevel}/${RULES.maxControlLevel}${controlsAnnounced(G)}`,
      hint: 'How strict the chip rules are',
    },
    { label: 'Frontier', value: String(G.frontier), hint: 'Capability a lab must reach' },
    {
      label: "Vendor's lobbyists",
      value: lobbyists(G),
      hint: 'They push back the next tightening or licence requirement',
    },
  ];
}

function lobbyists(G: GameState): string {
  const until = G.vendor.lobbyUntil;
  if (until < G.round) return 'none hired';
  return until > G.round ? 'on retainer through next round' : 'on retainer this round';
}

/** " (3 announced)" when tighter controls are announced but not yet in force. */
function controlsAnnounced(G: GameState): string {
  const n = G.pending.filter((p) => p.kind === 'controlLevel').length;
  return n ? ` (${Math.min(RULES.maxControlLevel, G.controlLevel + n)} announced)` : '';
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
    out.push(`${podsText(l.pods)} leased in ${placeName(l.hub)}${l.exposed ? ' — exposed' : ''}`);
  for (const c of s.couriers)
    out.push(
      c.to === 'CN'
        ? `Model (+${c.model}) flying home from ${placeName(c.from)}`
        : `${c.carriers} carriers with ${c.tb} TB flying to ${placeName(c.to)}`,
    );
  for (const t of s.trainings)
    out.push(
      `Training ${t.at === 'home' ? 'at home' : `in ${placeName(t.at)}`} on ${podsText(t.pods)}, done ${whenOf(G, t.doneRound)}`,
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
    outlook: outlook(G, seat),
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
          { label: 'Home compute', value: podsText(s.homeCompute / RULES.computePerPod) },
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
    : `${g.label}: ${u}${g.now} (needs ${u}${g.target} or more)`;
}

/** What the end of the game will check, against what this seat can see now. */
export function outlook(G: GameState, seat: SeatId): Outlook {
  const role = roleOfSeat(G, seat);
  const goals = goalsOf(G, seat);
  const allMet = goals.length > 0 && goals.every((g) => g.met);
  if (G.over)
    return G.outcome?.winners.includes(seat)
      ? { tone: 'good', text: 'You won.' }
      : { tone: 'bad', text: 'You did not win this time.' };
  const left = G.rounds - G.round;
  const when =
    left === 0
      ? 'Victory is decided at the end of this round, the last.'
      : `Victory is decided at the end of round ${G.rounds} (${plural(left, 'more round')} after this one).`;
  const fEnd = frontierAtEnd(G);
  const moving =
    fEnd > G.frontier ? ` The frontier moves from ${G.frontier} to ${fEnd} by then.` : '';
  if (role === 'firm') {
    const f = G.firms[seat];
    const coming = f.secrets.redacted ? 0 : pipelineGain(f);
    if (f.capability >= fEnd)
      return { tone: 'good', text: `${when}${moving} At ${f.capability} you would be there.` };
    if (f.capability + coming >= fEnd)
      return {
        tone: 'warn',
        text: `${when}${moving} You have ${f.capability}; your models under way (+${coming}) would reach it, if they get home in time.`,
      };
    return {
      tone: 'bad',
      text: `${when}${moving} You have ${f.capability}${coming ? ` and +${coming} under way` : ''}: you need ${plural(fEnd - f.capability - coming, 'more capability point')} from new training.`,
    };
  }
  if (role === 'regulator') {
    const firms = Object.values(G.firms);
    const closest = firms.reduce((a, b) => (b.capability > a.capability ? b : a), firms[0]);
    if (!closest) return { tone: allMet ? 'good' : 'bad', text: when };
    const gap = fEnd - closest.capability;
    const standing = goals[goals.length - 1];
    const allies = standing.met
      ? ''
      : ` Allies' standing is ${standing.now}, under the ${standing.target} you need.`;
    if (gap <= 0)
      return {
        tone: 'bad',
        text: `${when}${moving} ${closest.name} is at the frontier now.${allies}`,
      };
    return {
      tone: allMet ? 'warn' : 'bad',
      text: `${when}${moving} ${closest.name} is ${gap} behind it; a model trained abroad can add several points in one round, and you cannot see what is under way.${allies}`,
    };
  }
  const short = goals.filter((g) => !g.met).map((g) => g.label.toLowerCase());
  return allMet
    ? { tone: left === 0 ? 'good' : 'warn', text: `${when} Every goal is met now: keep it so.` }
    : { tone: 'bad', text: `${when} Not met yet: ${short.join(' and ')}.` };
}
