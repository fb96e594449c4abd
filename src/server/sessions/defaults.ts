import type { SessionRecord } from '../storage/types';
import type { SessionContext } from './context';

/**
 * The round ends now at one table: each seat that has not submitted gets the session's
 * default (its bot's plan, or "hold": no orders and no card), sent through the authority like
 * any move. The last submission resolves the round.
 */
export async function applyDefaults(
  ctx: SessionContext,
  s: SessionRecord,
  table: number,
): Promise<void> {
  const { authority, hooks } = ctx;
  const matchID = s.tables[table]?.matchID;
  if (!matchID) return;
  const first = await authority.load(matchID);
  if (!first || first.metadata.gameover !== undefined) return;
  const round = hooks.figures(first.state.G).round;
  for (const seat of hooks.waiting(first.state.G)) {
    for (let tries = 0; tries < 20; tries++) {
      const m = await authority.load(matchID);
      if (!m || m.metadata.gameover !== undefined) return;
      if (hooks.figures(m.state.G).round !== round || !hooks.waiting(m.state.G).includes(seat))
        break;
      const view = authority.views.update(matchID, seat, m.state).state;
      const level = m.metadata.seats.find((x) => x.id === seat)?.botLevel ?? s.policy.botLevel;
      const moves = hooks.defaultMoves(
        view,
        seat,
        s.defaults,
        level,
        `${matchID}:${m.state._stateID}:${seat}:default`,
      );
      let stale = false;
      for (const move of moves) {
        const cur = await authority.load(matchID);
        const r = await authority.submit(
          matchID,
          seat,
          { type: 'MAKE_MOVE', payload: { type: move.move, args: move.args } },
          cur?.state._stateID,
        );
        if (!r.ok && r.error === 'stale stateID') {
          stale = true;
          break;
        }
        // A refused order is left out; the submission still goes in.
      }
      if (!stale) break;
    }
  }
}
