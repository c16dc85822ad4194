// A submission's transaction stores the version, its review cards and a note that
// the branch's digest rows are owed a refresh; the refresh and the cards go out after
// the receipt (issue 13, point 4). Whatever is owed when a process stops there is
// paid at the next start, tick or digest read, so the rows always end up what a
// rebuild from the records makes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { providerOf } from "../../src/db/client.js";
import { rebuildBranchMonths } from "../../src/store/branch-months.js";
import { loadDigest } from "../../src/store/digest-sql.js";
import type { Json } from "../../tryout/bot-api/server.js";
import { Harness, type TestUser } from "../support/harness.js";
import { fillReport, freshSecretary, inviteLink, recordRegularMeeting, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
let reviewer: TestUser;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  await freshSecretary(h); // builds DU-SGD
  const code = await inviteLink(h.admin(), "DU-SGD");
  reviewer = h.user(8101, "Cúc", "Đỗ");
  expect((await reviewer.say(`/start ${code}`)).last.text).toContain("cấp ủy viên");
});
afterAll(async () => h?.stop());

const allRows = () => h.app.db.branchMonth.findMany({ orderBy: [{ unitId: "asc" }, { year: "asc" }, { month: "asc" }] });

/** The digest rows as kept, and whether a rebuild from the records makes the same. */
async function rowsEqualARebuild(): Promise<void> {
  const kept = await allRows();
  await rebuildBranchMonths(h.app.db, providerOf(h.app.db));
  expect(await allRows()).toEqual(kept);
}

async function until(what: string, predicate: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const nothingOwed = async () => (await h.app.db.digestRefresh.count()) === 0;
const unitOf = async (code: string) => (await h.app.db.unit.findUniqueOrThrow({ where: { code } })).id;
const cardsFor = (person: TestUser, branch: string) => h.fake.messagesTo(person.id).filter((m) => m.text.startsWith("🔎") && m.text.includes(`của Chi bộ ${branch} `));

/** What the database holds as the receipt reaches Telegram, and when Telegram answered it (held there for `holdMs`). */
function watchReceipt(match: string, unitId: number, holdMs = 0) {
  const seen: { rows?: number; owed?: number; at?: number; answeredAt?: number } = {};
  h.fake.onRequest = async (method: string, params: Json) => {
    if (method !== "sendMessage" || !String(params.text).includes(match) || seen.at !== undefined) return;
    seen.at = Date.now();
    seen.rows = await h.app.db.branchMonth.count({ where: { unitId } });
    seen.owed = await h.app.db.digestRefresh.count({ where: { unitId } });
    if (holdMs) await new Promise((r) => setTimeout(r, holdMs));
    seen.answeredAt = Date.now();
  };
  return seen;
}

describe("a report sent", () => {
  test("the receipt goes out before the digest rows are rewritten; right after it they are what a rebuild makes, and nothing is left owed", async () => {
    const { secretary, branch } = await freshSecretary(h);
    const unitId = await unitOf(branch);
    await fillReport(secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
    const seen = watchReceipt("Đã nhận báo cáo", unitId);
    const r = await secretary.press("✅ Gửi báo cáo");
    h.fake.onRequest = undefined;
    expect(r.last.text).toContain("✅ Đã nhận báo cáo tháng 10/2026");
    // At the receipt the report is stored, its refresh owed, its rows not written yet.
    expect(await h.app.db.report.count({ where: { unitId } })).toBe(1);
    expect(seen).toMatchObject({ rows: 0, owed: 1 });
    await until("the owed refresh to be paid", nothingOwed);
    expect(await h.app.db.branchMonth.count({ where: { unitId, year: 2026 } })).toBe(12);
    await rowsEqualARebuild();
  });

  test("the review card goes out after the receipt, and exactly once, through later ticks and a restart", async () => {
    const { secretary, branch } = await freshSecretary(h);
    await fillReport(secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
    // The receipt is held at Telegram for a while: a card sent inside the submission would overtake it.
    const seen = watchReceipt("Đã nhận báo cáo", await unitOf(branch), 300);
    await secretary.press("✅ Gửi báo cáo");
    h.fake.onRequest = undefined;
    await h.app.scheduler.kick();
    const cards = cardsFor(reviewer, branch);
    expect(cards).toHaveLength(1);
    const cardSentAt = h.fake.calls.find((c) => c.method === "sendMessage" && Number(c.params.chat_id) === reviewer.id && String(c.params.text).includes(`của Chi bộ ${branch} `))!.at;
    expect(cardSentAt).toBeGreaterThanOrEqual(seen.answeredAt!);
    await h.app.scheduler.tick();
    await h.restart();
    await h.app.scheduler.tick();
    expect(cardsFor(reviewer, branch)).toHaveLength(1);
  });

  test("minutes too: receipt first, then the rows, equal to a rebuild", async () => {
    const { secretary, branch } = await freshSecretary(h);
    const unitId = await unitOf(branch);
    const seen = watchReceipt("Đã nhận biên bản", unitId);
    const r = await recordRegularMeeting(secretary, "20/10/2026");
    h.fake.onRequest = undefined;
    expect(r.last.text).toContain("Đã nhận biên bản");
    expect(seen).toMatchObject({ rows: 0, owed: 1 });
    await until("the owed refresh to be paid", nothingOwed);
    expect(await h.app.db.branchMonth.findUniqueOrThrow({ where: { unitId_year_month: { unitId, year: 2026, month: 10 } } })).toMatchObject({ meetings: 1, regularMeetings: 1 });
    await rowsEqualARebuild();
  });
});

describe("a process stopped between the receipt and the refresh", () => {
  /**
   * What such a stop leaves behind: the report and its owed row committed, the
   * branch's rows as before the report (none, for a first one). Made by sending a
   * report and then putting the rows back as they were before it was paid.
   */
  async function stoppedAfterReceipt(): Promise<number> {
    const { secretary, branch } = await freshSecretary(h);
    const unitId = await unitOf(branch);
    await fillReport(secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
    expect((await secretary.press("✅ Gửi báo cáo")).last.text).toContain("Đã nhận báo cáo");
    await until("the owed refresh to be paid", nothingOwed);
    await h.app.db.branchMonth.deleteMany({ where: { unitId } });
    await h.app.db.digestRefresh.create({ data: { unitId, year: 2026, owedAt: new Date() } });
    return unitId;
  }

  test("the next scheduler tick pays the refresh", async () => {
    const unitId = await stoppedAfterReceipt();
    await h.app.scheduler.tick();
    expect(await nothingOwed()).toBe(true);
    expect(await h.app.db.branchMonth.count({ where: { unitId } })).toBe(12);
    await rowsEqualARebuild();
  });

  test("the next start pays it", async () => {
    const unitId = await stoppedAfterReceipt();
    await h.restart();
    expect(await nothingOwed()).toBe(true);
    expect(await h.app.db.branchMonth.count({ where: { unitId } })).toBe(12);
    await rowsEqualARebuild();
  });

  test("a digest read before either pays it, and counts the report", async () => {
    const unitId = await stoppedAfterReceipt();
    const received = await h.app.db.report.count({ where: { year: 2026, month: 10, supersededAt: null } });
    const digest = (await loadDigest(h.app.db, await unitOf("DU-SGD"), { year: 2026, month: 10 }))!.digest;
    expect(await nothingOwed()).toBe(true);
    expect(digest.reports.received).toBe(received);
    expect(await h.app.db.branchMonth.count({ where: { unitId } })).toBe(12);
    await rowsEqualARebuild();
  });
});
