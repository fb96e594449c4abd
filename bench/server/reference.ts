import { createServer, connect, type AddressInfo } from 'node:net';
import { InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import type { State } from 'boardgame.io';
import { DirectStep } from '../../src/server/authority/direct-step';
import { Views } from '../../src/server/authority/views';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { chokepointScript, seatIDs, type ScriptedMove } from './script';

/**
 * A fixed piece of the server's own work, timed: the scripted classroom game played `games`
 * times through the direct step, with every seat's view and the state's JSON after each move.
 * Shared and virtual machines change speed from minute to minute; printed beside the load
 * figures, this tells a slow machine from a slow server.
 */
export function referenceWorkMs(games = 40): number {
  const game = ProcessGameConfig(chokepointServed.game);
  const step = DirectStep.for(game, chokepointServed.applyMove);
  if (!step) throw new Error('Chokepoint has no direct step');
  const views = new Views(game);
  const script = chokepointScript('classroom', 'bench');
  const play = (n: number) => {
    for (let g = 0; g < n; g++) playOnce(step, views, script);
  };
  play(40); // the first games run while the JIT is still at work
  const start = performance.now();
  play(games);
  return performance.now() - start;
}

const SEATS = seatIDs('classroom');

function playOnce(step: DirectStep, views: Views, script: Map<number, ScriptedMove>): void {
  let state: State = InitializeGame({
    game: chokepointServed.game,
    numPlayers: SEATS.length,
    setupData: { scenario: 'classroom', seed: 'bench' },
  });
  for (let move = script.get(state._stateID); move; move = script.get(state._stateID)) {
    const next = step.run(state, move.seat, move.move, move.args);
    if (!next.ok) throw new Error(`reference game refused move ${state._stateID}`);
    state = next.state;
    for (const seat of SEATS) views.update('reference', seat, state);
    JSON.stringify(state);
  }
}

/**
 * The other half of the server's work, timed: `rounds` small messages sent back and forth over
 * one loopback TCP connection (the kernel's network path, which on a shared machine slows
 * down on its own, apart from computing).
 */
export async function loopbackRoundTripsMs(rounds = 5000): Promise<number> {
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => socket.write(chunk));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const client = connect(port, '127.0.0.1');
  client.setNoDelay(true);
  await new Promise<void>((ok) => client.once('connect', ok));
  const message = Buffer.alloc(600, 120);
  const start = performance.now();
  await new Promise<void>((done) => {
    let left = rounds;
    let pending = message.length;
    client.on('data', (chunk: Buffer) => {
      pending -= chunk.length;
      if (pending > 0) return;
      if (--left === 0) return done();
      pending = message.length;
      client.write(message);
    });
    client.write(message);
  });
  const elapsed = performance.now() - start;
  client.destroy();
  await new Promise((ok) => server.close(ok));
  return elapsed;
}
