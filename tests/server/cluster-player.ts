/**
 * A scripted person for the multi-process tests: plays one seat of the fixture game through a
 * URL (nginx), one `stash` move with a unique note per turn, and rides out whatever happens to the
 * process it is connected to: a dropped socket, a refused or unanswered move. It records which
 * moves the server acknowledged, so the test can check that none was lost or applied twice.
 */
import type { State } from 'boardgame.io';
import type { FixtureG } from './fixtures/game';
import { Client, sleep } from './helpers';

export class SeatPlayer {
  client: Client | null = null;
  /** Notes whose move the server acknowledged ({ok: true}). */
  readonly acked: string[] = [];
  /** Notes sent whose outcome is unknown (no reply): applied or not, never twice. */
  readonly unsure: string[] = [];
  /** Every error a move or sync got, for the test's report. */
  readonly errors: string[] = [];
  reconnects = 0;
  private next = 0;

  constructor(
    readonly url: string,
    readonly matchID: string,
    readonly seat: string,
    readonly credentials: string,
  ) {}

  note(i: number): string {
    return `${this.matchID.slice(0, 6)}-s${this.seat}-${i}`;
  }

  get state(): State | undefined {
    return this.client?.state;
  }

  /** Own notes in the last view this seat received. */
  notes(): string[] {
    return (this.state?.G as FixtureG | undefined)?.firms[this.seat]?.secrets.notes ?? [];
  }

  /** (Re)connects through the URL and syncs; retries until it works or `deadline` passes. */
  async connect(deadline: number): Promise<void> {
    for (;;) {
      this.client?.close();
      // Named in the handshake as the app does: nginx sends it to its match's process, or on.
      const c = new Client(this.url, {}, { matchID: this.matchID });
      this.client = c;
      try {
        // A socket whose process dies between the handshake and the namespace's connect hears
        // neither 'connect' nor 'connect_error': give up on it after a while.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const r = await Promise.race([
          c.sync(this.matchID, this.seat, this.credentials),
          new Promise<never>((_, fail) => {
            timer = setTimeout(() => fail(new Error('no connect in 10 s')), 10_000);
          }),
        ]).finally(() => clearTimeout(timer));
        if (r.ok === true) {
          await c.waitFor(() => c.state !== undefined, 5000);
          return;
        }
        this.errors.push(`sync: ${String(r.error)}`);
      } catch (e) {
        this.errors.push(`sync: ${String(e)}`);
      }
      if (Date.now() > deadline) throw new Error(`seat ${this.seat} could not reconnect`);
      this.reconnects++;
      await sleep(100);
    }
  }

  /**
   * Plays until `done()` says stop and at least `quota` notes are in. A note whose move was not
   * answered is looked for in the resynced state before it is sent again, so it is never sent
   * twice once it is in (and a move on an old stateID is refused anyway).
   */
  async play(quota: number, done: () => boolean, deadline: number): Promise<void> {
    await this.connect(deadline);
    while (this.next < quota || !done()) {
      if (Date.now() > deadline) throw new Error(`seat ${this.seat} ran out of time`);
      const c = this.client!;
      if (!c.socket.connected) {
        this.reconnects++;
        await this.connect(deadline);
        continue;
      }
      const note = this.note(this.next);
      if (this.notes().includes(note)) {
        // An unanswered move that did go in.
        this.next++;
        continue;
      }
      if (c.state?.ctx.currentPlayer !== this.seat) {
        await sleep(5);
        continue;
      }
      let reply: Record<string, unknown>;
      try {
        reply = await c.move(this.matchID, this.seat, 'stash', [note]);
      } catch (e) {
        this.unsure.push(note);
        this.errors.push(`move: ${String(e)}`);
        await this.connect(deadline);
        continue;
      }
      if (reply.ok === true) {
        this.acked.push(note);
        this.next++;
        const id = reply.stateID as number;
        // The broadcast of the move follows its acknowledgement on this socket.
        await c.waitFor(() => (c.state?._stateID ?? -1) >= id, 10_000).catch(() => undefined);
        await sleep(40); // a brisk person's pace: leaves the processes time to restart
      } else {
        this.errors.push(`move: ${String(reply.error)}`);
        // Refused: its state may be old (another process moved it); look again from storage.
        await sleep(20);
        await this.connect(deadline);
      }
    }
  }

  close(): void {
    this.client?.close();
  }
}
