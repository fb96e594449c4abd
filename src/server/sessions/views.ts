import type { SessionRecord, SessionStudent } from '../storage/types';
import type { ConsoleSeat, ConsoleSnapshot, ConsoleTable, StudentSnapshot } from '../../protocol';
import type { SessionContext } from './context';
import { occupants, scenarioAt, seatsAt, tableCountFor } from './roster';
import { shownTimer } from './timers';

/**
 * What each side sees of a session: the facilitator's console (every table, the roster, who
 * has not submitted, who is idle) and a student's own snapshot (their place, and the
 * credentials of their seat, nothing of other tables).
 */

/** A seat that has not acted for this long while others plan is shown as idle. */
export const IDLE_MS = 90_000;

export async function consoleSnapshot(
  ctx: SessionContext,
  s: SessionRecord,
  online: Map<string, number>,
): Promise<ConsoleSnapshot> {
  const now = ctx.now();
  const tables: ConsoleTable[] = [];
  const count =
    s.status === 'lobby'
      ? Math.max(s.tables.length, tableCountFor(ctx.served, s))
      : s.tables.length;
  for (let i = 0; i < count; i++) {
    const t = s.tables[i];
    const m = t?.matchID ? await ctx.authority.load(t.matchID) : undefined;
    const waiting = m ? ctx.hooks.waiting(m.state.G) : [];
    const seats: ConsoleSeat[] = seatsAt(ctx.served, s, i).map((seat) => {
      const people = occupants(s, i, seat.id);
      const rec = m?.metadata.seats.find((x) => x.id === seat.id);
      const kind = rec
        ? rec.kind === 'bot'
          ? 'bot'
          : rec.kind === 'person'
            ? 'person'
            : 'open'
        : people.length > 0
          ? 'person'
          : 'bot';
      const submitted = !!m && !waiting.includes(seat.id);
      const last = t?.matchID ? ctx.lastActive.get(`${t.matchID}:${seat.id}`) : undefined;
      const offline = people.length > 0 && people.every((p) => !online.has(p.id));
      const idle =
        !!m &&
        kind === 'person' &&
        !submitted &&
        m.metadata.gameover === undefined &&
        (offline || (last !== undefined && now - last > IDLE_MS));
      return {
        id: seat.id,
        role: seat.role,
        label: seat.name,
        kind,
        people: people.map((p) => p.name),
        submitted,
        idle,
      };
    });
    tables.push({
      table: i,
      matchID: t?.matchID ?? null,
      scenario: scenarioAt(s, i),
      paused: m?.metadata.paused ?? false,
      seats,
      observers: s.students
        .filter((x) => x.assignment?.table === i && x.assignment.seat === null)
        .map((x) => x.name),
      figures: m ? ctx.hooks.figures(m.state.G) : null,
      timer: shownTimer(t?.timer),
    });
  }
  return {
    sessionID: s.id,
    code: s.code,
    scenario: s.scenario,
    status: s.status,
    policy: s.policy,
    defaults: s.defaults,
    roundSeconds: s.roundSeconds,
    roster: s.students.map((x) => ({
      studentID: x.id,
      name: x.name,
      assignment: x.assignment,
      online: online.has(x.id),
    })),
    tables,
    at: now,
  };
}

export function studentSnapshot(
  ctx: SessionContext,
  s: SessionRecord,
  st: SessionStudent,
): StudentSnapshot {
  const a = st.assignment;
  const t = a ? s.tables[a.table] : undefined;
  let play: StudentSnapshot['play'] = null;
  if (a && t?.matchID) {
    const credentials = a.seat !== null ? t.seatCredentials[a.seat] : undefined;
    const label =
      a.seat !== null
        ? seatsAt(ctx.served, s, a.table).find((x) => x.id === a.seat)?.name
        : undefined;
    play = {
      matchID: t.matchID,
      playerID: credentials ? a.seat : null,
      ...(credentials ? { credentials } : {}),
      ...(label ? { label } : {}),
    };
  }
  const team =
    a?.seat != null && s.policy.teamSize > 1
      ? occupants(s, a.table, a.seat).map((x) => x.name)
      : undefined;
  const teamDraft =
    a?.seat != null && t?.matchID && t.seatCredentials[a.seat]
      ? ctx.drafts.latest(t.matchID, a.seat)
      : undefined;
  return {
    sessionID: s.id,
    scenario: a ? scenarioAt(s, a.table) : s.scenario,
    name: st.name,
    status: s.status,
    assignment: a,
    play,
    timer: shownTimer(t?.timer),
    ...(team ? { team } : {}),
    ...(teamDraft ? { teamDraft } : {}),
    at: ctx.now(),
  };
}
