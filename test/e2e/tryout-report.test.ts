// Issue 15, points 2 and 5, in a real browser: a secretary files the month's
// report in the try-out page by pressing the bot's buttons and typing, the
// committee member approves it from the card, and minutes go in with a photo and
// a PDF sent from the page, which the bot can send back.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Tryout } from "../../tryout/runtime.js";
import { describeInBrowser, openBrowser, type Browser } from "../support/browser.js";
import { pdfDocument, pngImage } from "../support/sample-files.js";
import { startTryout, stopTryout, TryoutPage } from "../support/tryout-page.js";

let tryout: Tryout;
let browser: Browser;
let p: TryoutPage;

describeInBrowser("the try-out page: filing and approving", () => {
  beforeAll(async () => {
    tryout = await startTryout();
    browser = await openBrowser();
    p = new TryoutPage(browser.page, tryout.url, "bao-cao");
    await p.open();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stopTryout(tryout);
  });

  test("the late branch's secretary files October by pressing buttons and typing, each answer shown in place, and gets the receipt", async () => {
    await p.pick("cb-vp-bithu");
    const ask = await p.type("/baocao", "Báo cáo tháng nào?");
    expect(await ask.locator(".keyboard button").allInnerTexts()).toEqual(["Tháng 10/2026", "Tháng 09/2026"]);
    const askId = await ask.getAttribute("data-id");
    await p.press("Tháng 10/2026", "Số quần chúng ưu tú");
    // Telegram edits the question in place: the answer shows, its buttons go.
    const answered = p.page.locator(`.row[data-id="${askId}"]`);
    expect(await answered.innerText()).toContain("➜ 10/2026");
    expect(await answered.locator(".keyboard").count()).toBe(0);
    expect(await answered.locator(".meta").innerText()).toContain("đã sửa");

    await p.press("Như tháng trước: 4", "lớp bồi dưỡng nhận thức về Đảng");
    await p.type("1", "hồ sơ đề nghị kết nạp");
    await p.type("1", "được kết nạp trong tháng");
    await p.type("1", "giáo viên, giảng viên");
    await p.press("0", "là học sinh");
    await p.press("0", "là sinh viên");
    await p.press("0", "công nhận đảng viên chính thức");
    await p.type("0", "đảng viên giảm trong tháng");
    await p.type("0", "chuyển sinh hoạt đến");
    await p.type("0", "chuyển sinh hoạt đi");
    await p.type("0", "Khó khăn, vướng mắc");
    const summary = await p.press("Bỏ qua", "📋 Báo cáo phát triển đảng viên tháng 10/2026");
    // Line breaks as the bot wrote them.
    expect(await summary.locator(".text").innerText()).toContain(
      "Chi bộ Văn phòng Sở\n1. Quần chúng ưu tú (nguồn phát triển đảng viên): 4\n2. Học lớp bồi dưỡng nhận thức về Đảng: 1\n3. Hồ sơ đề nghị kết nạp đang xét: 1\n4. Kết nạp: 1 (giáo viên, giảng viên: 0; học sinh: 0; sinh viên: 0; khác: 1)",
    );
    // The README's picture (docs/thu-nghiem.png is a copy of this one): the list from its top.
    await p.page.locator(".people").evaluate((e) => ((e as unknown as { scrollTop: number }).scrollTop = 0));
    await p.screenshot("tom-tat-bao-cao");
    const receipt = await p.press("✅ Gửi báo cáo", "Đã nhận báo cáo");
    expect(await receipt.locator(".text").innerText()).toMatch(/^✅ Đã nhận báo cáo tháng 10\/2026 của Chi bộ Văn phòng Sở lúc 09:\d\d 02\/11\/2026 \(bản số 1\)\. Cảm ơn đồng chí!/);
    await p.screenshot("bien-nhan");
  });

  test("the committee member sees a new card beside their name, approves it with one press, gets the toast, and the branch is told", async () => {
    await expect.poll(() => p.badges(), { timeout: 20_000 }).toMatchObject({ uyvien: 1 });
    await p.pick("uyvien");
    const title = "báo cáo tháng 10/2026 của Chi bộ Văn phòng Sở (phiên bản 1)";
    const card = p.page.locator(".row.them", { hasText: `🔎 Cần duyệt: ${title}` });
    expect(await card.count()).toBe(1);
    expect(await card.locator(".keyboard button").allInnerTexts()).toEqual(["✅ Duyệt", "↩️ Trả lại"]);
    const before = Number(await p.page.locator(".row").last().getAttribute("data-id"));
    await card.locator(".keyboard button", { hasText: "✅ Duyệt" }).click();
    await p.botMessageAfter(before, `✅ Đã duyệt ${title}.`);
    await expect.poll(() => p.page.locator("#toast").innerText()).toBe("Đã duyệt");
    expect(await p.page.locator("#toast").isVisible()).toBe(true);
    await p.screenshot("da-duyet");
    expect(await card.locator(".keyboard").count()).toBe(0);

    await expect.poll(() => p.badges(), { timeout: 20_000 }).toMatchObject({ "cb-vp-bithu": 1 });
    await p.pick("cb-vp-bithu");
    expect(await p.botRows.last().innerText()).toContain(`✅ Phạm Thị Hồng đã duyệt ${title}.`);
  });

  test("minutes with a photo and a PDF sent from the page reach the bot as Telegram delivers them, and come back from /xembienban", async () => {
    const photo = pngImage(320, 200);
    const pdf = pdfDocument("Bien ban sinh hoat chi bo thang 10/2026");
    await p.pick("cb-vp-bithu");
    await p.type("/bienban", "Biên bản buổi sinh hoạt nào?");
    await p.press("Thường kỳ", "diễn ra ngày nào");
    await p.type("28/10/2026", "Địa điểm");
    await p.type("Phòng họp tầng 2", "chủ trì");
    await p.type("Đỗ Văn Long", "thư ký");
    await p.type("Ngô Thị Hà", "Tổng số đảng viên");
    await p.type("9", "có mặt");
    await p.type("9", "Nội dung chính");
    await p.type("Kiểm điểm công tác tháng 10/2026;\ntriển khai nhiệm vụ tháng 11/2026.", "Kết luận");
    await p.type("Thống nhất các nhiệm vụ trọng tâm.", "Gửi ảnh, tệp PDF");
    await p.attach("bien-ban-trang-1.png", "image/png", photo, "Đã nhận 1 tệp");
    const mine = p.page.locator(".row.me").last();
    const width = (img: unknown) => (img as { decode(): Promise<void>; naturalWidth: number }).decode().then(() => (img as { naturalWidth: number }).naturalWidth);
    expect(await mine.locator("img").evaluate(width)).toBe(320);
    await p.attach("bien-ban.pdf", "application/pdf", pdf, "Đã nhận 2 tệp");
    const summary = await p.press("Xong", "📝 Biên bản sinh hoạt thường kỳ");
    expect(await summary.innerText()).toMatch(/9\. Tệp đính kèm: .*2/);
    await p.press("✅ Gửi biên bản", "✅ Đã nhận biên bản sinh hoạt thường kỳ ngày 28/10/2026 của Chi bộ Văn phòng Sở");
    await p.screenshot("bien-ban-co-tep");

    // The committee member asks for the files back: the bot sends them by the file_id Telegram gave.
    await p.pick("uyvien");
    await p.type("/xembienban CB-VP 10/2026", "28/10/2026");
    await p.press("📎 Gửi lại 2 tệp", "(2/2)");
    const rows = p.botRows;
    const photoRow = rows.filter({ hasText: "(1/2)" }).last();
    const src = await photoRow.locator("img").getAttribute("src");
    const back = await browser.page.request.get(`${tryout.url}${src}`);
    expect(Buffer.from(await back.body()).equals(photo)).toBe(true);
    const link = rows.filter({ hasText: "(2/2)" }).last().locator("a.doc");
    expect(await link.innerText()).toContain("bien-ban.pdf");
    const [download] = await Promise.all([browser.page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("bien-ban.pdf");
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of saved) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    await p.screenshot("gui-lai-tep");
  });
});
