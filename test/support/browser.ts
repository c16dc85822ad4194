// A real headless browser for the try-out's tests: Debian's chromium driven by
// playwright-core (which never downloads a browser of its own). Without
// chromium, the tests are skipped with a line saying how to install it, except
// under CI, where they must run (.ci/run installs it).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { describe } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
/** Where the steps' screenshots go (README: "Dùng thử trên máy"); ignored by git. */
export const SCREENSHOTS = "test-results/thu-nghiem";

const present = existsSync(CHROMIUM);
if (!present && process.env.CI === "true") throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium (apt-get install -y chromium)`);
if (!present) console.warn(`Browser tests skipped: ${CHROMIUM} not found. Install it with: apt-get install -y chromium`);

// The try-out runs on SQLite whatever the suite's database: its tests run in the SQLite pass of npm test only.
const secondPass = process.env.TEST_DB === "postgres";
if (present && secondPass) console.warn("Browser tests of the try-out skipped in the PostgreSQL pass: the try-out uses SQLite, they ran in the SQLite pass.");

/** describe() for tests that need the browser. */
export const describeInBrowser: typeof describe = (present && !secondPass ? describe : describe.skip) as typeof describe;

export interface Browser {
  page: Page;
  context: BrowserContext;
  /** Every URL the page asked for, to prove nothing left this machine. */
  requested: string[];
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "chibo-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    // Without the background-networking flags chromium keeps calling Google's hosts, refused here.
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    context,
    requested,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
