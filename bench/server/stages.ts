/**
 * Where the server's time per move goes, without sockets or a second process (so a noisy
 * machine matters less): replays the scripted classroom game and times each stage.
 *   npx tsx bench/server/stages.ts [repeats]
 */
import '../../src/server/production-env';
import { CreateGameReducer, InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import type { LogEntry, State } from 'boardgame.io';
import { DirectStep } from '../../src/server/authority/direct-step';
import { Views } from '../../src/server/authority/views';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { diffJson } from '../../src/server/net/json-patch';
import { chokepointScript, seatIDs } from './script';

const repeats = Number(process.argv[2] ?? '20');
const game = ProcessGameConfig(chokepointServed.game);
const reducer = CreateGameReducer({ game });
const views = new Views(game);
const direct = DirectStep.for(game, chokepointServed.applyMove);
const script = chokepointScript('classroom', 'bench');
const seats = seatIDs('classroom');
const viewers = [...seats, null];
const time: Record<string, number> = {};
const bytes: Record<string, number> = {};
const add = (k: string, t0: number) => (time[k] = (time[k] ?? 0) + performance.now() - t0);
let moves = 0;

for (let r = 0; r < repeats; r++) {
  let state: State = InitializeGame({
    game: chokepointServed.game,
    numPlayers: seats.length,
    setupData: { scenario: 'classroom', seed: 'bench' },
  });
  let prev = new Map<string | null, State>();
  for (const v of viewers) prev.set(v, views.update('m', v, state).state);
  for (;;) {
    const step = script.get(state._stateID);
    if (!step) break;
    let t = performance.now();
    const next = reducer(state, {
      type: 'MAKE_MOVE',
      payload: { type: step.move, args: step.args, playerID: step.seat },
    }) as State & { deltalog?: LogEntry[] };
    add('reducer', t);
    t = performance.now();
    const stepped = direct?.run(state, step.seat, step.move, step.args);
    add('direct step', t);
    if (!stepped?.ok) throw new Error(`direct step refused move ${state._stateID}`);
    const { deltalog = [], ...viaReducer } = next;
    const clean = stepped.state;
    if (clean.G !== viaReducer.G && JSON.stringify(clean.G) !== JSON.stringify(viaReducer.G))
      throw new Error(`direct step and reducer differ at ${state._stateID}`);
    t = performance.now();
    const stored = JSON.stringify(clean);
    add('storage JSON', t);
    bytes.state = (bytes.state ?? 0) + stored.length;
    const cur = new Map<string | null, State>();
    for (const v of viewers) {
      t = performance.now();
      const view = views.update('m', v, { ...clean, deltalog });
      add('views (5)', t);
      cur.set(v, view.state);
      t = performance.now();
      const full = JSON.stringify(view.state);
      add('full JSON (5)', t);
      bytes.full = (bytes.full ?? 0) + full.length;
      t = performance.now();
      const ops = diffJson(prev.get(v), view.state);
      add('diff (5)', t);
      t = performance.now();
      const patch = JSON.stringify(ops);
      add('patch JSON (5)', t);
      bytes.patch = (bytes.patch ?? 0) + patch.length;
    }
    prev = cur;
    state = clean;
    moves++;
  }
}
console.log(`${moves} moves`);
for (const [k, v] of Object.entries(time))
  console.log(`${k.padEnd(16)} ${((1000 * v) / moves).toFixed(1)} µs/move`);
for (const [k, v] of Object.entries(bytes))
  console.log(`${k.padEnd(16)} ${(v / moves / (k === 'state' ? 1 : 5)).toFixed(0)} bytes/frame`);
