import { Worker } from 'node:worker_threads';
import { StorageError, type StorageErrorCode } from './types';

/** One write, as the writer thread receives it (JSON already encoded on this side). */
export type WriteOp =
  | {
      kind: 'create';
      matchID: string;
      createdAt: number;
      state: string;
      stateID: number;
      meta: MetaColumns;
    }
  | {
      kind: 'commit';
      matchID: string;
      /** When the move was made (for expiry). */
      at: number;
      state: string;
      stateID: number;
      entries: string[];
      meta?: MetaColumns;
    }
  | { kind: 'setMeta'; matchID: string; meta: MetaColumns }
  | { kind: 'wipe'; matchID: string }
  | { kind: 'saveSession'; id: string; code: string; ended: number; createdAt: number; doc: string }
  | { kind: 'appendTalk'; sessionID: string; entry: string }
  | { kind: 'appendChat'; matchID: string; entry: string; cap: number }
  | { kind: 'wipeSession'; sessionID: string };

export interface MetaColumns {
  json: string;
  gameName: string;
  visibility: string;
  joinCode: string;
  finished: number;
}

type Outcome = { code: string; message: string } | null;
type Reply =
  { type: 'ready' | 'closed' } | { type: 'done'; seq: number; results?: Outcome[]; error?: string };
interface Pending {
  op: WriteOp;
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * Sends writes to a worker thread that owns the SQLite write connection, so an fsync never
 * blocks the event loop. The writes of one turn of the event loop go as one batch, at once:
 * a batch does not wait for the one before it to commit. The worker commits every batch
 * waiting for it in one transaction (group commit) and answers each, in order.
 */
export class WriterThread {
  private readonly worker: Worker;
  private queue: Pending[] = [];
  private readonly sent = new Map<number, Pending[]>();
  private seq = 0;
  private scheduled = false;
  private closed: Promise<void> | null = null;
  private closeSent = false;
  private onClosed: () => void = () => {};

  constructor(filename: string, schema: string) {
    this.worker = new Worker(new URL('./sqlite-writer.mjs', import.meta.url), {
      workerData: { filename, schema },
    });
    this.worker.unref();
    this.worker.on('message', (msg: Reply) => this.receive(msg));
    this.worker.on('error', (e) => this.failAll(e instanceof Error ? e : new Error(String(e))));
  }

  write(op: WriteOp): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.send());
      }
    });
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = new Promise<void>((ok) => (this.onClosed = ok))
        .then(() => this.worker.terminate())
        .then(() => undefined);
      this.maybeFinish();
    }
    return this.closed;
  }

  private send(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return this.maybeFinish();
    const batch = this.queue;
    this.queue = [];
    const seq = ++this.seq;
    this.sent.set(seq, batch);
    this.worker.ref();
    this.worker.postMessage({ type: 'batch', seq, batch: batch.map((p) => p.op) });
  }

  private receive(msg: Reply): void {
    if (msg.type === 'closed') return this.onClosed();
    if (msg.type !== 'done') return;
    const batch = this.sent.get(msg.seq);
    if (!batch) return;
    this.sent.delete(msg.seq);
    if (this.sent.size === 0) this.worker.unref();
    batch.forEach((p, i) => {
      const outcome = msg.error ? { code: 'io', message: msg.error } : (msg.results?.[i] ?? null);
      if (outcome === null) p.resolve();
      else if (outcome.code === 'io') p.reject(new Error(outcome.message));
      else p.reject(new StorageError(outcome.code as StorageErrorCode, outcome.message));
    });
    this.maybeFinish();
  }

  private maybeFinish(): void {
    if (!this.closed || this.closeSent || this.sent.size > 0 || this.queue.length > 0) return;
    this.closeSent = true;
    this.worker.postMessage({ type: 'close' });
  }

  private failAll(e: Error): void {
    for (const p of [...[...this.sent.values()].flat(), ...this.queue]) p.reject(e);
    this.sent.clear();
    this.queue = [];
  }
}
