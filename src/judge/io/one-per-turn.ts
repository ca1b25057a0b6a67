/**
 * Calls `work(0)`, `work(1)`, … `work(count - 1)`, one per turn of the event loop, so that what
 * else is waiting (a run's frames, its exit) is handled between them. Returns a stop: what has
 * not been done by then is left to whoever needs it.
 */
export function onePerTurn(count: number, work: (index: number) => void): () => void {
  let next = 0;
  let timer: NodeJS.Immediate | undefined;
  const step = () => {
    if (next < count) work(next++);
    timer = next < count ? setImmediate(step) : undefined;
  };
  timer = setImmediate(step);
  return () => {
    if (timer) clearImmediate(timer);
  };
}
