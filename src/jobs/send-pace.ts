// The pace of scheduled sends, kept as the HTTP request leaves (innermost of the jobs API's
// transformers, src/app.ts): starts at least `gapMs` apart, and never more than `perSecond`
// of them within any second. Spacing alone (34 ms: 29.4 a second) leaves Telegram's ~30 a
// second a margin of 20 ms for the requests' own jitter; measured on a loaded machine, two
// requests 34 ms apart reached the Bot API 2 ms apart, and 30 then fell within one second
// (a 429). With at most 29 a second as well, a window of 30 spans at least 1034 ms.
//
// The sender keeps the same pace before it marks a delivery SENDING (src/jobs/sender.ts): a
// delivery marked so and then kept waiting for its turn would, were the process to die
// then, be taken for sent by the instance that takes over.
import type { Transformer } from "grammy";

/** Resolves when the next request may start, and counts it as started. */
export type Pace = () => Promise<void>;

export function pace(perSecond = 29, gapMs = 34): Pace {
  /** The starts of the last `perSecond` requests, oldest first (performance.now()). */
  const starts: number[] = [];
  let turn: Promise<void> = Promise.resolve();
  return () => {
    turn = turn.then(async () => {
      const now = performance.now();
      let at = Math.max(now, (starts.at(-1) ?? -Infinity) + gapMs);
      if (starts.length >= perSecond) at = Math.max(at, starts[starts.length - perSecond]! + 1000);
      if (at > now) await new Promise((r) => setTimeout(r, at - now));
      starts.push(performance.now());
      if (starts.length > perSecond) starts.shift();
    });
    return turn;
  };
}

/** The pace as a transformer of the jobs API: its retries (auto-retry) keep it too. */
export function sendPace(perSecond = 29, gapMs = 34): Transformer {
  const next = pace(perSecond, gapMs);
  return async (prev, method, payload, signal) => {
    await next();
    return prev(method, payload, signal);
  };
}
