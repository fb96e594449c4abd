import { HUBS, type GameState, type HubId, type SeatId } from '../../../game/engine';
import { placeName, roleOfSeat, seatName, whenOf } from './format';
import { planningInfo, type PlannedOrder } from './planning';

/** What the facilitator's desk shows: every secret of the match, from the omniscient view. */
export interface FacilitatorDeskView {
  /** False when the view is not the facilitator's (secrets redacted): nothing to show. */
  complete: boolean;
  plans: {
    seat: SeatId;
    name: string;
    submitted: boolean;
    orders: PlannedOrder[];
    card: string | null;
  }[];
  firms: { seat: SeatId; name: string; lines: string[] }[];
  market: { hub: string; ordinary: number; firms: number; reading: number }[];
  intel: string[];
}

export const isFacilitator = (G: GameState, seat: SeatId | null): boolean =>
  seat !== null && roleOfSeat(G, seat) === 'facilitator';

function firmLines(G: GameState, seat: SeatId): string[] {
  const s = G.firms[seat].secrets;
  const lines = [
    `Cash $${s.cash}; capability ${G.firms[seat].capability} of ${G.frontier}; heat ${s.heat}.`,
    `Data: ${s.homeTB} TB ready at home, ${s.preparingTB} TB being prepared.`,
  ];
  for (const [hub, tb] of Object.entries(s.dataAt))
    if (tb) lines.push(`${tb} TB of data in ${placeName(hub as HubId)}.`);
  for (const e of s.entities)
    lines.push(
      `Entity in ${placeName(e.hub)}${e.listed ? ' (listed)' : e.exposed ? ' (exposed)' : ' (hidden)'}.`,
    );
  for (const l of s.leases)
    lines.push(`Leases ${l.pods} pods in ${placeName(l.hub)}${l.exposed ? ' (exposed)' : ''}.`);
  for (const c of s.couriers)
    lines.push(
      `Courier ${placeName(c.from)} → ${placeName(c.to)}: ${c.model ? `a model (+${c.model})` : `${c.tb} TB`} on ${c.carriers} carrier${c.carriers === 1 ? '' : 's'}.`,
    );
  for (const t of s.trainings)
    lines.push(
      `Training at ${t.at === 'home' ? 'home' : placeName(t.at)} on ${t.pods} pods, done ${whenOf(G, t.doneRound)}${t.exposed ? ' (exposed)' : ''}.`,
    );
  for (const m of s.models)
    lines.push(`Trained model (+${m.gain}) waiting in ${placeName(m.hub)}.`);
  if (s.smuggledPods) lines.push(`${s.smuggledPods} smuggled pods at home.`);
  return lines;
}

/** Every seat's plan (drafts too), every firm's holdings, the true market and the regulator's intel. */
export function facilitatorDesk(G: GameState): FacilitatorDeskView {
  const complete = G.market !== null;
  const plans = G.planners.map((seat) => {
    const info = planningInfo(G, seat);
    return {
      seat,
      name: seatName(G, seat),
      submitted: info.submitted,
      orders: info.orders,
      card: info.card ? `${info.card.title} (${info.card.use})` : null,
    };
  });
  const firms = Object.keys(G.firms).map((seat) => ({
    seat: seat as SeatId,
    name: G.firms[seat].name,
    lines: G.firms[seat].secrets.redacted ? [] : firmLines(G, seat as SeatId),
  }));
  const market = G.market
    ? HUBS.map((hub) => ({
        hub: placeName(hub),
        ordinary: G.market?.ordinary[hub] ?? 0,
        firms: G.market?.firms[hub] ?? 0,
        reading: G.places[hub].demand,
      }))
    : [];
  const intel = G.regulator.intel.map(
    (i) => `${whenOf(G, i.round)}: cloud KYC reports flag ${placeName(i.hub)}.`,
  );
  return { complete, plans, firms, market, intel };
}
