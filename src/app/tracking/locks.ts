/**
 * One thing at a time per key, in arrival order: the writes that may create
 * a commit's check runs (queued runs of a push, an event's update) wait for
 * each other, so that two of them never both find a run missing and create it;
 * so do two config checks of one commit, and two onboardings of one repository.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, f: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(f);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await mine;
    } finally {
      // The last one out forgets the key.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
