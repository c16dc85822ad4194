// `npm test`: the type check, then the whole vitest suite, ending with the
// line CI reads: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "chibo-results-"));
const results = join(dir, "results.json");
const passthrough = process.argv.slice(2);

const typecheck = spawnSync("npx", ["--no-install", "tsc", "--noEmit", "-p", "."], { stdio: "inherit" });
const vitest = spawnSync(
  "npx",
  ["--no-install", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...passthrough],
  { stdio: "inherit" },
);

let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(results, "utf8"));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrors ?? 0);
  // A file that fails to load has no tests to count; count it once.
  failed += r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
} catch {
  failed += 1;
}
if (typecheck.status !== 0) {
  console.log("type check failed");
  failed += 1;
}
rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && vitest.status === 0 ? 0 : 1);
