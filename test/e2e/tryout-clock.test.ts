// Issue 15, point 4 (and the photos and documents of point 2), in a real
// browser: the clock buttons move the bot's time to the day before October's
// deadline, the deadline, the day after and next Monday 08:00; the reminders,
// the late list and the weekly digest (with its chart) each arrive once, in the
// chats they are for and no other, while the scheduler goes on ticking.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Tryout } from "../../tryout/runtime.js";
import { describeInBrowser, openBrowser, type Browser } from "../support/browser.js";
import { startTryout, stopTryout, TryoutPage } from "../support/tryout-page.js";

let tryout: Tryout;
let browser: Browser;
let p: TryoutPage;

/** Long enough for the try-out's scheduler (every second in tests) to have run twice more. */
const TWO_TICKS_MS = 2_500;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const naturalWidth = (img: unknown) => (img as { decode(): Promise<void> }).decode().then(() => (img as { naturalWidth: number }).naturalWidth);

describeInBrowser("the try-out page: the bot's clock", () => {
  beforeAll(async () => {
    tryout = await startTryout();
    browser = await openBrowser();
    p = new TryoutPage(browser.page, tryout.url, "dong-ho");
    await p.open("quantri");
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stopTryout(tryout);
  });

  test("the page shows the bot's time; the day before the deadline, the reminder reaches only the branch that has not reported, once", async () => {
    expect(await p.page.locator("#clock-time").innerText()).toBe("09:00");
    expect(await p.page.locator("#clock-day").innerText()).toBe("Thứ Hai, 02/11/2026");
    expect(await p.badges()).toEqual({});
    const result = await p.moveClock("before-deadline");
    expect(result).toBe("Giờ của bot: 08:00 04/11/2026. Bot đã gửi tin theo lịch tới 1 cuộc trò chuyện (số đỏ cạnh tên).");
    await expect.poll(() => p.badges()).toEqual({ "cb-vp-bithu": 1 });
    await expect.poll(() => p.page.locator("#clock-day").innerText()).toBe("Thứ Tư, 04/11/2026");
    await pause(TWO_TICKS_MS);
    expect(await p.badges()).toEqual({ "cb-vp-bithu": 1 });

    await p.pick("cb-vp-bithu");
    const reminder = p.botRows.last();
    expect(await reminder.locator(".text").innerText()).toBe(
      "🔔 Nhắc hạn: báo cáo phát triển đảng viên tháng 10/2026 của Chi bộ Văn phòng Sở hạn nộp 05/11/2026 (còn 1 ngày).\nBấm nút bên dưới để báo cáo ngay (khoảng 2 phút).",
    );
    expect(await reminder.locator(".keyboard button").allInnerTexts()).toEqual(["📝 Báo cáo tháng 10/2026"]);
    await p.screenshot("nhac-han");
    expect(await p.badges()).toEqual({});
  });

  test("on the deadline the same branch is reminded again, for today; the other branches and the deputies hear nothing", async () => {
    // Away from that chat, so that its new message shows as a number beside it.
    await p.pick("quantri");
    expect(await p.moveClock("deadline")).toContain("08:00 05/11/2026. Bot đã gửi tin theo lịch tới 1 cuộc trò chuyện");
    await expect.poll(() => p.badges()).toEqual({ "cb-vp-bithu": 1 });
    await pause(TWO_TICKS_MS);
    expect(await p.badges()).toEqual({ "cb-vp-bithu": 1 });
    await p.pick("cb-vp-bithu");
    const reminders = p.botRows.filter({ hasText: "🔔 Nhắc hạn" });
    expect(await reminders.count()).toBe(2);
    expect(await reminders.last().innerText()).toContain("hạn nộp 05/11/2026 (hôm nay).");
  });

  test("the day after, the committee's group gets the late list naming that branch, once", async () => {
    await p.pick("quantri");
    expect(await p.moveClock("after-deadline")).toContain("08:00 06/11/2026. Bot đã gửi tin theo lịch tới 1 cuộc trò chuyện");
    await expect.poll(() => p.badges()).toEqual({ nhom: 1 });
    await pause(TWO_TICKS_MS);
    expect(await p.badges()).toEqual({ nhom: 1 });
    await p.pick("nhom");
    const late = await p.botRows.last().locator(".text").innerText();
    expect(late).toContain("⏰ Đảng ủy Sở Giáo dục và Đào tạo: đã quá hạn báo cáo tháng 10/2026 (hạn 05/11/2026)");
    expect(late).toContain("Chi bộ chưa gửi báo cáo (1):\n  • CB-VP: Chi bộ Văn phòng Sở");
    expect(late).toContain("Chi bộ chưa có sinh hoạt thường kỳ tháng 10/2026 (1):\n  • CB-VP: Chi bộ Văn phòng Sở");
    await p.screenshot("danh-sach-cham");
  });

  test("next Monday 08:00 the group gets the weekly digest of October with its chart, once", async () => {
    expect(await p.moveClock("next-monday")).toContain("08:00 09/11/2026. Bot đã gửi tin theo lịch tới 1 cuộc trò chuyện");
    // The group is on screen: its new messages are read as they come.
    const digest = p.botRows.filter({ hasText: "📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo · tháng 10/2026" });
    await expect.poll(() => digest.count()).toBe(1);
    const chart = p.botRows.filter({ has: p.page.locator("img") }).last();
    await chart.waitFor();
    expect(await chart.locator(".text").innerText()).toContain("Tiến độ kết nạp so với chỉ tiêu năm, Đảng ủy Sở Giáo dục và Đào tạo");
    expect(await chart.locator("img").evaluate(naturalWidth)).toBeGreaterThan(300);
    const text = await digest.locator(".text").innerText();
    expect(text).toContain("📨 Báo cáo: 4/5 chi bộ đã gửi");
    expect(text).toContain("Chưa gửi (1):\n  • CB-VP: Chi bộ Văn phòng Sở");
    await pause(TWO_TICKS_MS);
    expect(await digest.count()).toBe(1);
    expect(await p.badges()).toEqual({});
    await p.screenshot("tong-hop-tuan");
  });

  test("in the group, /xuat sends the workbook to the committee member's private chat, where it downloads", async () => {
    const said = await p.type("/xuat", "vào trò chuyện riêng");
    expect(await said.innerText()).toContain("📎 Đã gửi tệp Excel của Đảng ủy Sở Giáo dục và Đào tạo vào trò chuyện riêng");
    expect(await said.locator("a.doc").count()).toBe(0);
    await p.pick("uyvien");
    const link = p.botRows.filter({ has: p.page.locator("a.doc") }).last().locator("a.doc");
    expect(await link.innerText()).toMatch(/\.xlsx/);
    const [download] = await Promise.all([browser.page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^tong-hop-.*\.xlsx$/);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    // An .xlsx is a zip: "PK" first.
    expect(Buffer.concat(chunks).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
