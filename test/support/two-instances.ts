// Two instances of the bot on one database behind one fake Telegram (webhook), as a load balancer
// would spread them: started before a describe's tests, stopped after them.
import { afterAll, beforeAll } from "vitest";
import { Harness, type HarnessOptions } from "./harness.js";

/** `use` receives the first instance and the second once both run. */
export function twoInstances(use: (a: Harness, b: Harness) => void, options: HarnessOptions = {}): void {
  let a: Harness | undefined;
  let b: Harness | undefined;
  beforeAll(async () => {
    a = await Harness.start({ webhook: true, now: "2026-11-03T09:00:00+07:00", ...options });
    b = await a.second();
    use(a, b);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });
}
