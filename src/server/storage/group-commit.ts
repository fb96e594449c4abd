/**
 * Group commit: writes queued during one event-loop turn run together in one
 * outer transaction (one fsync), each in its own savepoint. A write's promise
 * settles after the outer transaction commits (or with its own error).
 */
type Pending = { work: () => void; resolve: () => void; reject: (e: unknown) => void };

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private idle: Promise<void> = Promise.resolve();

  /** `transact` runs the batch function inside one (outer) transaction. */
  constructor(private readonly transact: (batch: () => void) => void) {}

  run(work: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ work, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.idle = new Promise((done) => setImmediate(() => (this.flush(), done())));
      }
    });
  }

  drain(): Promise<void> {
    return this.idle;
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const outcomes: (unknown | null)[] = [];
    try {
      this.transact(() => {
        for (const item of batch) {
          try {
            savepoint(this.transact, item.work);
            outcomes.push(null);
          } catch (e) {
            outcomes.push(e ?? new Error('write failed'));
          }
        }
      });
    } catch (e) {
      for (const item of batch) item.reject(e);
      return;
    }
    batch.forEach((item, i) => (outcomes[i] === null ? item.resolve() : item.reject(outcomes[i])));
  }
}

/** A nested transaction call becomes a savepoint in better-sqlite3. */
function savepoint(transact: (fn: () => void) => void, work: () => void): void {
  transact(work);
}
