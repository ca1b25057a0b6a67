/**
 * At most `total` tasks at once, and at most `perKey` of them for one key (a host: a reader
 * with a hundred feeds on one server must not open a hundred connections to it). A task waits
 * for a free place and gives it back as soon as it settles.
 */
export type Limiter = <T>(key: string, work: () => Promise<T>) => Promise<T>;

export function createLimiter(total: number, perKey: number): Limiter {
  let running = 0;
  const perKeyRunning = new Map<string, number>();
  const waiting: { key: string; start: () => void }[] = [];
  const canStart = (key: string) =>
    running < Math.max(1, total) && (perKeyRunning.get(key) ?? 0) < Math.max(1, perKey);
  const take = (key: string) => {
    running++;
    perKeyRunning.set(key, (perKeyRunning.get(key) ?? 0) + 1);
  };
  const release = (key: string) => {
    running--;
    perKeyRunning.set(key, (perKeyRunning.get(key) ?? 1) - 1);
    // The first waiting task whose key has room goes next, in the order they asked.
    const index = waiting.findIndex((entry) => canStart(entry.key));
    if (index >= 0) {
      const [next] = waiting.splice(index, 1);
      if (next) {
        take(next.key);
        next.start();
      }
    }
  };
  return async (key, work) => {
    if (canStart(key)) take(key);
    else await new Promise<void>((start) => waiting.push({ key, start }));
    try {
      return await work();
    } finally {
      release(key);
    }
  };
}
