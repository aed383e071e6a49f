/** Runs tasks one after another per key, different keys side by side; a failed task does not block the next. */
export interface KeyQueue {
  run<R>(key: string, task: () => Promise<R>): Promise<R>;
}

export function createKeyQueue(): KeyQueue {
  const tails = new Map<string, Promise<unknown>>();

  return {
    async run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const current = previous.then(task);
      const tail = current.catch(() => undefined);
      tails.set(key, tail);

      try {
        return await current;
      } finally {
        // Forget the key once nothing waits behind this task, so the map does not grow with every key ever seen.
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
