// `npm test`: the type check, the linter (eslint.config.js), then the whole vitest suite on SQLite, and again
// on PostgreSQL when TEST_POSTGRES_URL names one; it ends with the line CI
// reads: "N passed, N failed" (both runs added up).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "chibo-results-"));
const passthrough = process.argv.slice(2);

let passed = 0;
let failed = 0;
let vitestFailed = false;

const typecheck = spawnSync("npx", ["--no-install", "tsc", "--noEmit", "-p", "."], { stdio: "inherit" });
if (typecheck.status !== 0) {
  console.log("type check failed");
  failed += 1;
}

const lint = spawnSync("npx", ["--no-install", "eslint", "."], { stdio: "inherit" });
if (lint.status !== 0) {
  console.log("lint failed");
  failed += 1;
}

const runs = [{ name: "sqlite", env: { TEST_DB: "sqlite" } }];
if (process.env.TEST_POSTGRES_URL) runs.push({ name: "postgres", env: { TEST_DB: "postgres" } });

for (const run of runs) {
  const results = join(dir, `${run.name}.json`);
  if (runs.length > 1) console.log(`\n=== tests on ${run.name} ===`);
  const vitest = spawnSync(
    "npx",
    ["--no-install", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...passthrough],
    { stdio: "inherit", env: { ...process.env, ...run.env } },
  );
  if (vitest.status !== 0) vitestFailed = true;
  try {
    const r = JSON.parse(readFileSync(results, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrors ?? 0);
    // A file that fails to load has no tests to count; count it once.
    failed += r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    if (runs.length > 1) console.log(`${run.name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  } catch {
    failed += 1;
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && !vitestFailed ? 0 : 1);
