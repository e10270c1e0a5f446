/**
 * Runs async jobs one after another per key (a take's id, say) and in parallel across keys. A
 * failed job does not stop the next one with the same key; the caller gets its own rejection.
 */
export function keyedSerial(): <T>(key: string, job: () => Promise<T>) => Promise<T> {
  const chains = new Map<string, Promise<unknown>>();
  return <T>(key: string, job: () => Promise<T>): Promise<T> => {
    const next = (chains.get(key) ?? Promise.resolve()).catch(() => {}).then(job);
    chains.set(key, next);
    // The chain forgets a key once its last job settles, so the map holds only busy takes.
    void next
      .catch(() => {})
      .finally(() => {
        if (chains.get(key) === next) chains.delete(key);
      });
    return next;
  };
}
