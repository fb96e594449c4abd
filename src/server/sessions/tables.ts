import { createMatch } from '../lobby/create';
import { HttpError } from '../lobby/http';
import { hashSecret, newToken } from '../security/secrets';
import type { SeatRecord, SessionRecord } from '../storage/types';
import type { SessionContext } from './context';
import { autoAssign, occupants, scenarioAt, seatsAt } from './roster';

/**
 * A session's tables as matches: creating them when the tables start, and keeping each seat's
 * holder (the students assigned to it, or a bot) in step with the roster.
 */

/**
 * Makes a running table's seat match the roster: the people assigned to it hold it (with
 * fresh credentials whenever who sits there changed), or a bot plays it when nobody does.
 */
export async function seatPeople(
  ctx: SessionContext,
  s: SessionRecord,
  table: number,
  seat: string,
): Promise<void> {
  const t = s.tables[table];
  if (!t?.matchID) return;
  const people = occupants(s, table, seat);
  const credentials = people.length > 0 ? newToken() : undefined;
  if (credentials) t.seatCredentials[seat] = credentials;
  else delete t.seatCredentials[seat];
  const level = s.policy.botLevel;
  const r = await ctx.authority.mutate(t.matchID, (m) => ({
    ...m,
    seats: m.seats.map((x): SeatRecord =>
      x.id !== seat
        ? x
        : credentials
          ? {
              id: x.id,
              role: x.role,
              label: x.label,
              kind: 'person',
              name: people
                .map((p) => p.name)
                .join(' & ')
                .slice(0, 80),
              credential: hashSecret(credentials),
            }
          : { id: x.id, role: x.role, label: x.label, kind: 'bot', botLevel: level },
    ),
  }));
  if (!r.ok) throw new HttpError(409, r.error);
  ctx.lastActive.set(`${t.matchID}:${seat}`, ctx.now());
}

/** Creates every table's match, seats the roster in them and starts the timers. */
export async function startTables(ctx: SessionContext, s: SessionRecord): Promise<void> {
  if (s.status !== 'lobby') throw new HttpError(409, 'the tables have already started');
  if (s.students.every((x) => x.assignment === null) || s.tables.length === 0)
    autoAssign(ctx.served, s);
  const roles = ctx.served.facilitatorRoles;
  for (const [table, t] of s.tables.entries()) {
    if (t.matchID) continue;
    const scenario = scenarioAt(s, table);
    const all = ctx.served.scenarios[scenario]!.seats;
    const made = await createMatch(ctx.authority, {
      scenario,
      visibility: 'private',
      seats: all.map(() => ({ kind: 'bot', level: s.policy.botLevel })),
    });
    t.matchID = made.matchID;
    ctx.bindTable(made.matchID, s.id, table);
    // The scenario's facilitator seat stays empty: the session's facilitator sees all anyway.
    // The match names its session, whose talk (and facilitator) its replay file needs.
    await ctx.authority.mutate(made.matchID, (m) => ({
      ...m,
      session: { id: s.id, table },
      seats: m.seats.map((x) =>
        roles.includes(x.role) ? { id: x.id, role: x.role, label: x.label, kind: 'open' } : x,
      ),
    }));
    for (const seat of seatsAt(ctx.served, s, table))
      if (occupants(s, table, seat.id).length > 0) await seatPeople(ctx, s, table, seat.id);
    const seconds = s.roundSeconds;
    const m = await ctx.authority.load(made.matchID);
    const round = m ? ctx.hooks.figures(m.state.G).round : 1;
    t.timer = seconds ? { seconds, endsAt: ctx.now() + seconds * 1000, leftMs: null, round } : null;
  }
  s.status = 'running';
}
