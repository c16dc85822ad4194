// Retries of the bot's own calls to Telegram, done below grammY, at fetch.
//
// Why not @grammyjs/auto-retry here (the jobs' API does use it): inside a form,
// a transformer sits above the conversations plugin's replay, so every later
// answer in the form replays the recorded failure and waits out its back-off
// again. At fetch level a retried call is recorded once, as its success.
type Fetch = typeof fetch;

export interface RetryOptions {
  maxAttempts?: number;
  /** A 429 asking for a longer wait than this is passed on instead of waited out. */
  maxDelayMs?: number;
  /** First back-off for a 5xx or a dropped connection; doubled each time. */
  baseDelayMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

export function retryingFetch(base: Fetch = fetch, o: RetryOptions = {}): Fetch {
  const maxAttempts = o.maxAttempts ?? 5;
  const maxDelayMs = o.maxDelayMs ?? 60_000;
  const baseDelayMs = o.baseDelayMs ?? 1_000;
  return async (input, init) => {
    // Only bodies that can be sent twice: JSON strings. Uploads (streams) go once.
    const repeatable = init?.body === undefined || typeof init.body === "string";
    for (let attempt = 1; ; attempt++) {
      const last = !repeatable || attempt >= maxAttempts;
      let res: Response;
      try {
        res = await base(input, init);
      } catch (err) {
        if (last || init?.signal?.aborted) throw err;
        await sleep(baseDelayMs * 2 ** (attempt - 1), init?.signal);
        continue;
      }
      if (last || (res.status !== 429 && res.status < 500)) return res;
      let wait = baseDelayMs * 2 ** (attempt - 1);
      if (res.status === 429) {
        const body = (await res.clone().json().catch(() => null)) as { parameters?: { retry_after?: number } } | null;
        const after = body?.parameters?.retry_after;
        if (typeof after === "number") wait = after * 1000;
      }
      if (wait > maxDelayMs) return res;
      await sleep(wait, init?.signal);
    }
  };
}
