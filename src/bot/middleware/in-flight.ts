// Knows which updates are being handled, so that a graceful stop can wait for
// them. Installed first, so an update queued behind another of its chat (by
// sequentialize) counts too: it was taken from Telegram and must not be lost.
import type { Context, MiddlewareFn } from "grammy";

export class InFlight {
  private running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  middleware(): MiddlewareFn<Context> {
    return async (_ctx, next) => {
      const handling = next();
      this.running.add(handling);
      try {
        await handling;
      } finally {
        this.running.delete(handling);
      }
    };
  }

  /** Resolves once nothing is being handled (including updates that start meanwhile). */
  async drained(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
