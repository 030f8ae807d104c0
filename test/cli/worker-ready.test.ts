import Tinypool from 'tinypool';
import { describe, expect, it } from 'vitest';
import { isLoaded, listenForLoadedWorkers, untilLoaded } from '../../src/cli/worker-ready.js';

describe('audit worker threads announce themselves loaded', () => {
  it('so that an audit ends its pool only after every thread it started has loaded its modules', async () => {
    listenForLoadedWorkers();
    const pool = new Tinypool({ filename: new URL('../../src/cli/audit-worker.dev.cjs', import.meta.url).href, minThreads: 2, maxThreads: 2 });
    try {
      expect(pool.threads).toHaveLength(2);
      // Nothing has run in the threads yet (this thread has not yielded, so no announcement can have arrived).
      expect(pool.threads.some((thread) => isLoaded(thread.threadId))).toBe(false);
      await untilLoaded(pool.threads, 60_000);
      expect(pool.threads.every((thread) => isLoaded(thread.threadId))).toBe(true);
    } finally {
      await pool.destroy();
    }
    // A thread that never announces itself (it died while loading) is waited for only until the timeout.
    await untilLoaded([{ threadId: -1 }], 100);
    expect(isLoaded(-1)).toBe(false);
  });
});
