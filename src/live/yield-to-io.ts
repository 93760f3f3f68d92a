/** Longest the live input queues run without letting the event loop answer other requests (/healthz, panels). */
const BUSY_MS = 20;
let since = performance.now();

/**
 * Live frames are handled in promise chains, which run as microtasks: a burst of frames read in one go would
 * hold the event loop for all of them. Awaited before each frame, this gives way to I/O once every 20 ms.
 */
export async function yieldIfBusy(): Promise<void> {
  if (performance.now() - since < BUSY_MS) return;
  await new Promise((resolve) => setImmediate(resolve));
  since = performance.now();
}
