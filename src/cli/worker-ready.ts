// Which audit worker threads have finished loading. A thread terminated while it is still loading its modules can
// take the whole process down with it (Node can abort when a worker is terminated in the middle of module loading,
// nodejs/node#38418; from sources each thread also transpiles the library first, which takes seconds). The pool
// gives no signal for this, so each thread says so itself once its modules are loaded, and the audit waits for
// every thread it started before it ends the pool.
import { BroadcastChannel, threadId } from 'node:worker_threads';

const CHANNEL = 'service-center-rules/audit-worker-ready';

/** In a worker thread, once its modules are loaded: tells the thread that started it. */
export function announceLoaded(): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(threadId);
  channel.unref();
}

let loaded: Set<number> | undefined;

/** In the thread that starts workers, before it starts any: begins listening for their announcements. */
export function listenForLoadedWorkers(): void {
  if (loaded) return;
  loaded = new Set();
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => loaded!.add((event as { data: number }).data);
  channel.unref();
}

/** Whether a worker thread has announced itself loaded. */
export function isLoaded(threadId: number): boolean {
  return loaded?.has(threadId) ?? false;
}

/** Resolves once every one of `threads` has announced itself loaded, or after `timeoutMs` (a thread that died never will). */
export async function untilLoaded(threads: ReadonlyArray<{ threadId: number }>, timeoutMs: number): Promise<void> {
  const waiting = (): boolean => threads.some((thread) => !isLoaded(thread.threadId));
  for (let waited = 0; waiting() && waited < timeoutMs; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
}
