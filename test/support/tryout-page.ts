// The try-out's page as a person uses it: pick who you are, type, press the
// bot's buttons, move the clock; and what they see: the chat, the red numbers
// beside other people, a toast. Every step waits for what the page shows,
// never for the server behind it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { Tryout } from "../../tryout/runtime.js";
import { SCREENSHOTS } from "./browser.js";

/** The month the tests open the try-out in: the sample is August to October 2026. */
export const OPENING = { year: 2026, month: 11 };

/** A try-out of the test's own, on a fresh data folder, its scheduler ticking every second. */
export async function startTryout(): Promise<Tryout> {
  const t = await Tryout.start({ dataDir: mkdtempSync(join(tmpdir(), "chibo-thu-")), port: 0, opening: OPENING, tickEveryMs: 1_000, logLevel: process.env.TEST_LOG_LEVEL ?? "silent" });
  // A sample the bot would not let be built fails here with its reason, not as a page that never opens.
  await t.ready;
  return t;
}

/** Stops the try-out and removes its data folder. */
export async function stopTryout(t: Tryout | undefined): Promise<void> {
  if (!t) return;
  await t.stop();
  rmSync(t.dataDir, { recursive: true, force: true });
}

const TIMEOUT = 20_000;
/** The little of the DOM these steps read (the type check runs without the DOM's types). */
type El = { dataset: Record<string, string | undefined>; innerText: string; querySelector(s: string): { textContent: string | null } | null };

export class TryoutPage {
  private shots = 0;

  /** `story` names this file's screenshots: <story>-01-<step>.png. */
  constructor(
    readonly page: Page,
    readonly url: string,
    private story: string,
  ) {}

  /** Opens the page and waits for the sample to be ready. */
  async open(key?: string): Promise<void> {
    await this.page.goto(`${this.url}/${key ? `#${key}` : ""}`);
    await this.ready();
  }

  async ready(timeout = 180_000): Promise<void> {
    // The page says what the try-out is doing: "building" while the sample is built, "ready" after.
    await this.page.locator('body[data-status="ready"]').waitFor({ timeout });
    await this.page.locator("#overlay").waitFor({ state: "hidden", timeout: TIMEOUT });
    await this.page.locator(".row").first().waitFor({ timeout: TIMEOUT });
  }

  /** One click on a person in the list; waits for their chat. */
  async pick(key: string): Promise<void> {
    await this.page.locator(`.person[data-key="${key}"]`).click();
    await expect.poll(() => this.page.locator(`.person[data-key="${key}"]`).getAttribute("aria-current")).toBe("true");
    await this.page.waitForFunction((k) => (globalThis as unknown as { location: { hash: string } }).location.hash === `#${k}`, key);
    await this.page.locator(".row").first().waitFor({ timeout: TIMEOUT });
  }

  get botRows(): Locator {
    return this.page.locator(".row.them");
  }

  /** Ids of the chat's messages on screen. */
  private async lastId(): Promise<number> {
    const ids = await this.page.locator(".row").evaluateAll((rows) => rows.map((r) => Number((r as unknown as El).dataset.id)));
    return Math.max(0, ...ids);
  }

  /** The bot's first message after `afterId`, once shown; with `text`, the first that holds it. */
  async botMessageAfter(afterId: number, text?: string | RegExp): Promise<Locator> {
    const match = (t: string) => (text === undefined ? true : typeof text === "string" ? t.includes(text) : text.test(t));
    await expect
      .poll(async () => (await this.botRowsAfter(afterId)).some((r) => match(r.text)), { timeout: TIMEOUT, message: `a message from the bot${text ? ` with ${text}` : ""}` })
      .toBe(true);
    const id = (await this.botRowsAfter(afterId)).find((r) => match(r.text))!.id;
    return this.page.locator(`.row[data-id="${id}"]`);
  }

  private botRowsAfter(afterId: number): Promise<{ id: number; text: string }[]> {
    return this.botRows.evaluateAll(
      (rows, after) => rows.map((r) => ({ id: Number((r as unknown as El).dataset.id), text: (r as unknown as El).innerText })).filter((r) => r.id > after),
      afterId,
    );
  }

  /** Types a message and sends it with Enter, then waits for the bot's answer (holding `expectText`, if given). */
  async type(text: string, expectText?: string | RegExp): Promise<Locator> {
    const before = await this.lastId();
    await this.page.locator("#text").fill(text);
    await this.page.locator("#text").press("Enter");
    return this.botMessageAfter(before, expectText);
  }

  /** Presses the button with this label under the latest message that has it; waits for the bot's answer. */
  async press(label: string, expectText?: string | RegExp): Promise<Locator> {
    const before = await this.lastId();
    await this.page.locator(".messages .keyboard button").filter({ hasText: new RegExp(`^${escape(label)}$`) }).last().click();
    return this.botMessageAfter(before, expectText);
  }

  /** Sends a file from the page's 📎 button. */
  async attach(name: string, mimeType: string, buffer: Buffer, expectText?: string | RegExp): Promise<Locator> {
    const before = await this.lastId();
    await this.page.locator("#file").setInputFiles({ name, mimeType, buffer });
    return this.botMessageAfter(before, expectText);
  }

  /** The red numbers beside people who have new messages, by person. */
  async badges(): Promise<Record<string, number>> {
    return this.page.locator(".person").evaluateAll((people) =>
      Object.fromEntries(
        people.flatMap((p) => {
          const badge = (p as unknown as El).querySelector(".badge");
          return badge ? [[(p as unknown as El).dataset.key!, Number(badge.textContent)]] : [];
        }),
      ),
    );
  }

  /** Presses a clock button; returns the result line the page shows. */
  async moveClock(target: string): Promise<string> {
    await this.page.locator("#clock-result").evaluate((e) => (e.textContent = ""));
    await this.page.locator(`.targets button[data-to="${target}"]`).click();
    await expect.poll(() => this.page.locator("#clock-result").innerText(), { timeout: TIMEOUT }).not.toBe("");
    return this.page.locator("#clock-result").innerText();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(SCREENSHOTS, `${this.story}-${String(++this.shots).padStart(2, "0")}-${name}.png`) });
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
