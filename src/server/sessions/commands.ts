import { HttpError } from '../lobby/http';
import type { SessionRecord } from '../storage/types';
import { TIMER_MAX_SECONDS, type ConsoleCommand } from '../../protocol';
import { matchOf, tablesOf, type SessionContext } from './context';
import { autoAssign, autoTables, checkPlace, occupants, seatsAt } from './roster';
import { seatPeople, startTables } from './tables';
import { frozen, leftOf, running, secondsIn, withLeft } from './timers';

/** What a command leaves to do once the session is saved: rounds to end, matches to end. */
export interface AfterCommand {
  /** Tables whose round ends now (each waiting seat gets its default). */
  expire: number[];
  /** Matches the facilitator ends now. */
  endMatches: string[];
}

/**
 * Applies one console command to a draft of the session (the manager saves it, or nothing if
 * this throws). Anything refused throws a clear HttpError before the draft is used.
 */
export async function applyCommand(
  ctx: SessionContext,
  s: SessionRecord,
  cmd: ConsoleCommand,
): Promise<AfterCommand> {
  const after: AfterCommand = { expire: [], endMatches: [] };
  if (s.status === 'ended' && cmd.kind !== 'autoAssign')
    throw new HttpError(409, 'this session has ended');
  switch (cmd.kind) {
    case 'autoAssign':
      if (s.status !== 'lobby')
        throw new HttpError(409, 'the tables have started: move students one by one');
      autoAssign(ctx.served, s);
      return after;
    case 'start':
      await startTables(ctx, s);
      return after;
    case 'assign':
    case 'unassign': {
      const st = s.students.find((x) => x.id === cmd.studentID);
      if (!st) throw new HttpError(400, 'no such student');
      const seat = cmd.kind === 'assign' ? cmd.seat : null;
      if (cmd.kind === 'assign') {
        if (seat !== null && typeof seat !== 'string')
          throw new HttpError(400, 'seat must be a seat id or null');
        if (s.status === 'lobby') autoTables(s, cmd.table);
        checkPlace(ctx.served, s, st.id, cmd.table, seat);
      }
      const before = st.assignment;
      st.assignment = cmd.kind === 'assign' ? { table: cmd.table, seat } : null;
      if (s.status === 'running') {
        if (before?.seat) await seatPeople(ctx, s, before.table, before.seat);
        if (st.assignment?.seat) await seatPeople(ctx, s, st.assignment.table, st.assignment.seat);
      }
      return after;
    }
    case 'bot': {
      const [table] = tablesOf(s, cmd.table);
      if (!seatsAt(ctx.served, s, table!).some((x) => x.id === cmd.seat))
        throw new HttpError(400, 'no such seat');
      for (const st of occupants(s, table!, cmd.seat))
        st.assignment = s.policy.observers ? { table: table!, seat: null } : null;
      await seatPeople(ctx, s, table!, cmd.seat);
      return after;
    }
    case 'pause':
    case 'resume': {
      for (const i of tablesOf(s, cmd.table)) {
        const t = s.tables[i]!;
        const m = await matchOf(ctx, t);
        if (m.metadata.gameover !== undefined) continue;
        await ctx.authority.mutate(t.matchID!, (x) => ({ ...x, paused: cmd.kind === 'pause' }));
        if (t.timer)
          t.timer = cmd.kind === 'pause' ? frozen(t.timer, ctx.now()) : running(t.timer, ctx.now());
      }
      return after;
    }
    case 'timer':
    case 'extend': {
      const seconds = secondsIn(cmd.seconds, 'seconds');
      for (const i of tablesOf(s, cmd.table)) {
        const t = s.tables[i]!;
        const m = await matchOf(ctx, t);
        if (m.metadata.gameover !== undefined) {
          if (cmd.table !== undefined) throw new HttpError(409, 'this table has ended');
          continue;
        }
        const round = ctx.hooks.figures(m.state.G).round;
        const now = ctx.now();
        if (cmd.kind === 'extend') {
          if (!t.timer) throw new HttpError(409, `table ${i + 1} has no timer to extend`);
          const left = leftOf(t.timer, now) + seconds * 1000;
          if (left > TIMER_MAX_SECONDS * 1000)
            throw new HttpError(400, 'a timer runs one day at most');
          t.timer = { ...t.timer, ...withLeft(left, m.metadata.paused, now) };
        } else t.timer = { seconds, round, ...withLeft(seconds * 1000, m.metadata.paused, now) };
      }
      return after;
    }
    case 'stopTimer':
      for (const i of tablesOf(s, cmd.table)) s.tables[i]!.timer = null;
      return after;
    case 'endRound':
      after.expire.push(...tablesOf(s, cmd.table));
      for (const i of after.expire)
        if (
          (await matchOf(ctx, s.tables[i]!)).metadata.gameover !== undefined &&
          cmd.table !== undefined
        )
          throw new HttpError(409, 'this table has ended');
      return after;
    case 'endMatch':
      for (const i of tablesOf(s, cmd.table)) {
        const t = s.tables[i]!;
        const m = await matchOf(ctx, t);
        if (m.metadata.gameover !== undefined) {
          if (cmd.table !== undefined) throw new HttpError(409, 'this table has already ended');
          continue;
        }
        after.endMatches.push(t.matchID!);
        t.timer = null;
      }
      return after;
    default:
      throw new HttpError(400, 'unknown command');
  }
}
