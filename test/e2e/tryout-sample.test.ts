// Issue 15, point 3, in a real browser: the sample committee the try-out opens
// with (five branches whose people have joined, the year's quotas, three months
// of reports and minutes, one branch late, cards waiting for review), what
// /tonghop, /tiendo and /choduyet show of it, and the reset that builds it again.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Tryout } from "../../tryout/runtime.js";
import { describeInBrowser, openBrowser, type Browser } from "../support/browser.js";
import { startTryout, stopTryout, TryoutPage } from "../support/tryout-page.js";

let tryout: Tryout;
let browser: Browser;
let p: TryoutPage;

describeInBrowser("the try-out page: the sample committee", () => {
  beforeAll(async () => {
    tryout = await startTryout();
    browser = await openBrowser();
    p = new TryoutPage(browser.page, tryout.url, "du-lieu-mau");
    await p.open("quantri");
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stopTryout(tryout);
  });

  test("the list offers the administrator, the committee member, the group, and each branch's secretary and deputy; each has a history of its own", async () => {
    const people = await p.page.locator(".person").evaluateAll((b) => b.map((x) => (x as unknown as { dataset: { key: string } }).dataset.key));
    expect(people).toEqual([
      "quantri",
      "uyvien",
      "nhom",
      ...["cb-qt", "cb-ll", "cb-ltt", "cb-ktkt", "cb-vp"].flatMap((b) => [`${b}-bithu`, `${b}-phobithu`]),
    ]);
    expect(await p.page.locator(".people .section").allInnerTexts()).toEqual([
      "Đảng ủy Sở Giáo dục và Đào tạo",
      "Chi bộ Trường THPT Quang Trung",
      "Chi bộ Trường THPT Lê Lợi",
      "Chi bộ 01 Trường Cao đẳng Lý Tự Trọng",
      "Chi bộ 4 Trường Trung cấp Kinh tế - Kỹ thuật Quận 12",
      "Chi bộ Văn phòng Sở",
    ]);
    // The administrator's chat holds how the tree was built; the deputy's only their welcome.
    expect(await p.page.locator(".row.me .text").first().innerText()).toBe("/themdonvi DU-SGD - Đảng ủy Sở Giáo dục và Đào tạo");
    await p.pick("cb-qt-phobithu");
    expect(await p.page.locator(".row.them .text").allInnerTexts()).toEqual([expect.stringContaining("Chào đồng chí Trần Văn Nam! Đồng chí đã được ghi nhận là phó bí thư Chi bộ Trường THPT Quang Trung.")]);
    // The menu the bot set with setMyCommands; a command from it is sent with one press.
    await p.page.locator("#menu-button").click();
    expect(await p.page.locator("#menu button b").allInnerTexts()).toContain("/tiendo");
    const before = Number(await p.page.locator(".row").last().getAttribute("data-id"));
    await p.page.locator("#menu button", { hasText: "/tiendo" }).click();
    await p.botMessageAfter(before, "📈 Chi bộ Trường THPT Quang Trung: năm 2026");
  });

  test("every secretary has joined; the year's quotas are set", async () => {
    await p.pick("quantri");
    const tree = await p.type("/donvi", "Cây tổ chức (6 đơn vị)");
    const text = await tree.locator(".text").innerText();
    expect(text).toContain("🚩 CB-QT: Chi bộ Trường THPT Quang Trung · bí thư: Nguyễn Thị Lan");
    expect(text).toContain("🚩 CB-VP: Chi bộ Văn phòng Sở · bí thư: Đỗ Văn Long");
    expect(text).not.toContain("chưa có");
    const quotas = await p.type("/chitieu DU-SGD", "Chỉ tiêu kết nạp năm 2026 của Đảng ủy Sở Giáo dục và Đào tạo");
    expect(await quotas.innerText()).toContain("Tổng: 30 đảng viên");
  });

  test("/tiendo shows three months reported, the late branch's September late and October still due", async () => {
    await p.pick("cb-qt-bithu");
    // /tiendo groups the months (issue 12 point 12); each month is behind "Xem từng tháng".
    const qt = await (await p.type("/tiendo", "📈 Chi bộ Trường THPT Quang Trung: năm 2026")).innerText();
    expect(qt).toContain("✅ Đã gửi: tháng 08–10/2026");
    expect(qt).toContain("Duyệt: 3 đã duyệt");
    expect(qt).toContain("✅ Thường kỳ: tháng 08–10/2026");
    expect(qt).toContain("Chuyên đề: quý 3 ✅");
    const qtMonths = await (await p.press("📋 Xem từng tháng", "📋 Chi bộ Trường THPT Quang Trung: từng tháng")).innerText();
    expect(qtMonths).toContain("Tháng 08/2026: ✅ đã báo cáo, kết nạp 1 · đã duyệt\nTháng 09/2026: ✅ đã báo cáo, kết nạp 2 · đã duyệt\nTháng 10/2026: ✅ đã báo cáo, kết nạp 2 · đã duyệt");
    expect(qtMonths).toContain("Tháng 08/2026: ✅ đã sinh hoạt thường kỳ\nTháng 09/2026: ✅ đã sinh hoạt thường kỳ\nTháng 10/2026: ✅ đã sinh hoạt thường kỳ");
    expect(qtMonths).toContain("Quý 3: ✅ đã sinh hoạt chuyên đề");
    await p.pick("cb-vp-bithu");
    const vp = await (await p.type("/tiendo", "📈 Chi bộ Văn phòng Sở: năm 2026")).innerText();
    expect(vp).toContain("✅ Đã gửi: tháng 08, 09/2026 (muộn: tháng 09/2026)");
    expect(vp).toContain("⏳ Chưa gửi, hạn 05/11/2026: tháng 10/2026");
    const vpMonths = await (await p.press("📋 Xem từng tháng", "📋 Chi bộ Văn phòng Sở: từng tháng")).innerText();
    expect(vpMonths).toContain("Tháng 09/2026: ✅ đã báo cáo (muộn), kết nạp 1 · đã duyệt");
    expect(vpMonths).toContain("Tháng 10/2026: ⏳ chưa báo cáo, hạn 05/11/2026");
    await p.screenshot("tien-do");
  });

  test("the committee member has October's reports and minutes waiting for review", async () => {
    await p.pick("uyvien");
    // Two branches' October report and minutes: the other two branches that filed were approved.
    const head = await p.type("/choduyet", "bản chờ duyệt");
    expect(await head.locator(".text").innerText()).toBe("Có 4 bản chờ duyệt. 4 bản cũ nhất ở dưới:");
    const headId = Number(await head.getAttribute("data-id"));
    await p.botMessageAfter(headId, "biên bản sinh hoạt thường kỳ ngày 25/10/2026 của Chi bộ 4 Trường Trung cấp Kinh tế - Kỹ thuật Quận 12");
    const waiting = await p.botRows.filter({ has: p.page.locator(".keyboard button", { hasText: "✅ Duyệt" }) }).allInnerTexts();
    expect(waiting.some((t) => t.includes("báo cáo tháng 10/2026 của Chi bộ Trường THPT Lê Lợi"))).toBe(true);
    expect(waiting.some((t) => t.includes("báo cáo tháng 10/2026 của Chi bộ 4 Trường Trung cấp Kinh tế - Kỹ thuật Quận 12"))).toBe(true);
    // What was approved is not asked again.
    expect(waiting.some((t) => t.includes("báo cáo tháng 09/2026"))).toBe(false);
  });

  test("in the group, /tonghop shows October: four of five branches, the late one named, and the chart", async () => {
    await p.pick("nhom");
    await p.type("/tonghop", "📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo · tháng 10/2026");
    const digest = p.botRows.filter({ hasText: "📊 Tổng hợp" }).last();
    expect(await digest.innerText()).toContain("📨 Báo cáo: 4/5 chi bộ đã gửi");
    expect(await digest.innerText()).toContain("• CB-VP: Chi bộ Văn phòng Sở");
    await p.botRows.filter({ has: p.page.locator("img") }).last().waitFor();
    await p.screenshot("tong-hop");
  });

  test("the reset button wipes what was done and builds the same sample again", async () => {
    await p.pick("quantri");
    await p.type("/themchibo CB-MOI DU-SGD Chi bộ Trường THCS Thử Nghiệm", "Đã thêm Chi bộ Trường THCS Thử Nghiệm");
    await p.moveClock("next-day");
    browser.page.once("dialog", (d) => void d.accept());
    await p.page.locator("#reset").click();
    await p.page.locator("#overlay").waitFor({ state: "visible" });
    expect(await p.page.locator("#overlay").innerText()).toContain("Bot đang dựng dữ liệu mẫu");
    await p.ready();
    expect(await p.page.locator("#clock-day").innerText()).toBe("Thứ Hai, 02/11/2026");
    expect(await p.page.locator(".row.me .text").allInnerTexts()).not.toContain("/themchibo CB-MOI DU-SGD Chi bộ Trường THCS Thử Nghiệm");
    const tree = await p.type("/donvi", "Cây tổ chức (6 đơn vị)");
    expect(await tree.innerText()).not.toContain("CB-MOI");
    await p.pick("cb-vp-bithu");
    expect(await (await p.type("/tiendo", "📈 Chi bộ Văn phòng Sở")).innerText()).toContain("⏳ Chưa gửi, hạn 05/11/2026: tháng 10/2026");
  }, 240_000);
});
