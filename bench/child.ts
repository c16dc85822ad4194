// Entry of a benchmark part run in its own process (inChild in bench/support.ts):
// argv is the part's name and its arguments as JSON; the result goes back over IPC.
import { parts } from "./parts.js";

// A parent that dies (or is interrupted) takes its parts with it.
process.on("disconnect", () => process.exit(1));
const [name, json] = process.argv.slice(2);
try {
  const load = parts[name ?? ""];
  if (!load) throw new Error(`unknown part "${name}"`);
  const part = (await load()) as (...args: unknown[]) => Promise<unknown>;
  const result = await part(...(JSON.parse(json ?? "[]") as unknown[]));
  process.send!({ result }, () => process.exit(0));
} catch (e) {
  process.send!({ error: String((e as Error).stack ?? e).slice(0, 2000) }, () => process.exit(1));
}
