// Issue 15, point 1, in a real browser: `npm run thu`, with no token and no
// setting, prints one Vietnamese line with the page's address; the page has the
// sample, asks for nothing outside this machine, and a restart keeps it all.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { describeInBrowser, openBrowser, type Browser } from "../support/browser.js";
import { TryoutPage } from "../support/tryout-page.js";

const dataDir = mkdtempSync(join(tmpdir(), "chibo-thu-npm-"));
let browser: Browser;
/** Every `npm run thu` started, so that a failed test leaves none running. */
const children: ChildProcess[] = [];
/** The id of the last message of the first run: a second run that rebuilt the sample would show others. */
let lastId: string | null = null;

/** `npm run thu` as a person types it; resolves with the line it printed. */
function npmRunThu(): Promise<{ line: string; process: ChildProcess }> {
  // Nothing of the bot's own settings: no token, no database, no Telegram address.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !["BOT_TOKEN", "ADMIN_IDS", "DATABASE_URL", "TELEGRAM_API_ROOT"].includes(k)));
  const p = spawn("npm", ["run", "thu"], { env: { ...env, THU_NGHIEM_DATA: dataDir, THU_NGHIEM_PORT: "0", THU_NGHIEM_THANG: "11/2026" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.push(p);
  return new Promise((resolve, reject) => {
    let out = "";
    p.stdout!.on("data", (b: Buffer) => {
      out += b.toString("utf8");
      // npm first echoes the script it runs; the try-out's own line is the one with the address.
      const line = out.split("\n").find((l) => l.includes("http://"));
      if (line !== undefined) resolve({ line, process: p });
    });
    p.stderr!.on("data", (b: Buffer) => (out += b.toString("utf8")));
    p.once("exit", (code) => reject(new Error(`npm run thu exited (${code}) before its line: ${out}`)));
  });
}

/**
 * Ctrl+C in a terminal: SIGINT to npm and everything it started (its own
 * process group). Resolves with how many clean stops of the bot its log holds.
 */
function stop(p: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    p.once("exit", (code, signal) => {
      // npm passes the signal on and ends by it; the try-out itself exits 0 once everything is closed.
      if (code !== 0 && signal !== "SIGINT") return reject(new Error(`npm run thu ended with ${code ?? signal}`));
      resolve(readFileSync(join(dataDir, "thu-nghiem.log"), "utf8").split("\n").filter((l) => l.includes('"bot stopped"')).length);
    });
    process.kill(-p.pid!, "SIGINT");
  });
}

describeInBrowser("npm run thu", () => {
  beforeAll(async () => {
    browser = await openBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const c of children) if (c.exitCode === null && c.signalCode === null) await stop(c).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("prints one line with the page's address; the page has the sample and fetches nothing from elsewhere; Ctrl+C stops it", async () => {
    const started = Date.now();
    const { line, process: p } = await npmRunThu();
    const address = line.match(/^Bản dùng thử đang chạy: mở (http:\/\/127\.0\.0\.1:\d+) trong trình duyệt \(không cần Telegram, không cần mạng; Ctrl\+C để dừng\)\.$/)?.[1];
    expect(address, line).toBeDefined();
    const page = new TryoutPage(browser.page, address!, "khoi-dong");
    await page.open("cb-vp-bithu");
    // The time from the command to a page ready with its sample, for the README and the report.
    console.log(`npm run thu → page ready with the sample: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(await page.botRows.last().innerText()).toContain("✅ Phạm Thị Hồng đã duyệt biên bản sinh hoạt thường kỳ ngày 25/09/2026 của Chi bộ Văn phòng Sở");
    await page.screenshot("trang-dau");
    lastId = await page.botRows.last().getAttribute("data-id");
    expect(existsSync(join(dataDir, "thu-nghiem.db"))).toBe(true);
    // The page, its script and styles, the bot's photos: all from the try-out itself, no CDN, no web font.
    expect(browser.requested.length).toBeGreaterThan(3);
    expect(browser.requested.filter((u) => !u.startsWith(`${address}/`) && !u.startsWith("data:"))).toEqual([]);
    expect(await stop(p)).toBe(1);
  }, 240_000);

  test("started again on the same data, it opens without building the sample again: the same chats, the same bot's time", async () => {
    const { line, process: p } = await npmRunThu();
    const address = line.match(/(http:\/\/127\.0\.0\.1:\d+)/)![1]!;
    const page = new TryoutPage(browser.page, address, "khoi-dong-lai");
    await page.open("cb-vp-bithu");
    // Not built again: the messages are those of the first run (same ids), and the clock did not go back.
    expect(await page.botRows.last().getAttribute("data-id")).toBe(lastId);
    expect(await page.page.locator("#clock-day").innerText()).toBe("Thứ Hai, 02/11/2026");
    await page.type("/tiendo", "📈 Chi bộ Văn phòng Sở: năm 2026");
    expect(await stop(p)).toBe(2);
  }, 120_000);
});
