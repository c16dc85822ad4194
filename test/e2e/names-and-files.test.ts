// Names and files are input too: a unit name that would break /xuat is refused, text that
// reaches the export is cleaned, and a file is taken as a PDF or a Word file only when its name says so too.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness, type TestUser } from "../support/harness.js";
import { buildTree, fillReport, freshSecretary } from "../support/scenario.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  await buildTree(h, []);
});
afterAll(async () => h?.stop());

describe("unit names", () => {
  test.each([
    [
      "a character XML forbids (U+FFFE)",
      "Chi bộ\uFFFE Trường A",
      "Tên đơn vị có ký tự điều khiển hoặc ký tự đảo chiều chữ (không nhìn thấy, thường do sao chép từ nơi khác), tên như vậy làm hỏng tệp Excel khi /xuat. Xin gõ lại tên bằng bàn phím.",
    ],
    [
      "a control character",
      "Chi bộ\u0007 Trường A",
      "Tên đơn vị có ký tự điều khiển hoặc ký tự đảo chiều chữ (không nhìn thấy, thường do sao chép từ nơi khác), tên như vậy làm hỏng tệp Excel khi /xuat. Xin gõ lại tên bằng bàn phím.",
    ],
    [
      "zero-width characters only",
      "\u200B\u200B\u200B\u2060",
      "Tên đơn vị chỉ gồm ký tự không nhìn thấy (như dấu cách rộng bằng 0), thường do sao chép từ nơi khác. Xin gõ tên bằng chữ.",
    ],
  ])("a name with %s is refused with a reason, and no unit is added", async (_what, name, answer) => {
    const before = await h.app.db.unit.count();
    expect((await h.admin().say(`/themchibo CB-BAD DU-SGD ${name}`)).texts).toEqual([answer]);
    expect(await h.app.db.unit.count()).toBe(before);
    // The same command with a name typed afresh is taken.
    expect((await h.admin().say("/themchibo CB-BAD DU-SGD Chi bộ Trường A")).last.text).toContain("Đã thêm Chi bộ Trường A");
    await h.app.db.unit.delete({ where: { code: "CB-BAD" } });
  });
});

describe("/xuat writes only what XML allows", () => {
  test("a unit named with U+FFFE before this rule, and a note typed with control characters, still give a workbook Excel opens", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    // A name stored before names were checked.
    await h.app.db.unit.update({ where: { code: branch }, data: { name: `Chi bộ\uFFFE cũ ${branch}` } });
    // The note is cleaned as it is typed: the control characters never reach the database.
    await fillReport(s, "Tháng 10/2026", ["1", "0", "0", "0", "0", "0", "0", "0", "Thiếu\uFFFE kinh\u0001 phí"]);
    const r0 = await s.press("✅ Gửi báo cáo");
    expect(r0.last.text).toContain("Đã nhận báo cáo tháng 10/2026");
    const stored = await h.app.db.report.findFirstOrThrow({ where: { unit: { code: branch } } });
    expect(stored.note).toBe("Thiếu kinh phí");

    const r = await h.admin().say("/xuat DU-SGD 2026");
    expect(r.last.method).toBe("sendDocument");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(h.fake.uploads.get(String(r.last.document).replace(/^upload:/, ""))! as unknown as ArrayBuffer);
    const rows = wb.getWorksheet("Báo cáo tháng")!.getRows(2, 10)!.map((row) => (row.values as unknown[]).slice(1));
    const mine = rows.find((v) => v[0] === branch)!;
    expect(mine[1]).toBe(`Chi bộ cũ ${branch}`);
    expect(mine).toContain("Thiếu kinh phí");
    const progress = wb.getWorksheet("Tiến độ chỉ tiêu")!.getRows(2, 10)!.map((row) => (row.values as unknown[]).slice(1, 3));
    expect(progress).toContainEqual([branch, `Chi bộ cũ ${branch}`]);
  });
});

describe("minutes attachments", () => {
  async function atFilesQuestion(): Promise<{ s: TestUser; branch: string }> {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/bienban");
    await s.press("Thường kỳ");
    await s.press("Hôm qua (02/11)");
    let r;
    for (const a of ["Phòng họp", "An", "Lan", "10", "10", "Nội dung", "Kết luận"]) r = await s.say(a);
    expect(r!.last.text).toContain("Gửi ảnh, tệp PDF hoặc tệp Word (.docx)");
    return { s, branch };
  }

  function sendNamelessPdf(s: TestUser, id: string) {
    return s.exchange(() =>
      h.fake.pushUpdate({
        message: {
          message_id: h.fake.newMessageId(),
          date: Math.floor(Date.now() / 1000),
          from: { id: s.id, is_bot: false, first_name: s.firstName },
          chat: { id: s.id, type: "private", first_name: s.firstName },
          document: { file_id: id, file_unique_id: `${id}u`, mime_type: "application/pdf", file_size: 50_000 },
        },
      }),
    );
  }

  test("virus.exe sent with PDF's type is refused; a PDF without a name and a photo are taken", async () => {
    const { s, branch } = await atFilesQuestion();
    let r = await s.sendDocument("virus.exe", "application/pdf", 40_000);
    expect(r.texts[0]).toBe(
      'Tệp "virus.exe" không có đuôi .pdf nên không được nhận, dù gửi kèm kiểu PDF. Chỉ nhận ảnh, tệp PDF (tên kết thúc bằng .pdf) hoặc tệp Word (tên kết thúc bằng .docx). Tệp này không được lưu.',
    );
    expect(r.last.text).toContain("Gửi ảnh, tệp PDF hoặc tệp Word (.docx)");
    r = await s.sendDocument("bien-ban.pdf.exe", "application/pdf", 40_000);
    expect(r.texts[0]).toContain('Tệp "bien-ban.pdf.exe" không có đuôi .pdf');
    r = await s.sendDocument("bien-ban.pdf", "application/x-msdownload", 40_000);
    expect(r.texts[0]).toBe("Chỉ nhận ảnh, tệp PDF hoặc tệp Word (.docx) của biên bản. Tệp này không được lưu.");
    r = await sendNamelessPdf(s, "nameless-pdf");
    expect(r.last.text).toBe("Đã nhận 1 tệp. Gửi thêm ảnh, PDF hoặc Word, hoặc bấm Xong.");
    r = await s.sendPhoto(80_000, "photo-ok");
    expect(r.last.text).toBe("Đã nhận 2 tệp. Gửi thêm ảnh, PDF hoặc Word, hoặc bấm Xong.");
    await s.press("Xong");
    await s.press("✅ Gửi biên bản");
    const m = await h.app.db.meeting.findFirstOrThrow({ where: { unit: { code: branch } }, include: { attachments: { orderBy: { position: "asc" } } } });
    expect(m.attachments.map((a) => [a.kind, a.fileId, a.fileName])).toEqual([
      ["PDF", "nameless-pdf", null],
      ["PHOTO", "photo-ok", null],
    ]);
  });

  test("a Word file (.docx) is taken as minutes, by its type and its name alike, and sent back by /xembienban", async () => {
    const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const { s, branch } = await atFilesQuestion();
    // Named as a program but sent with Word's type, or named .docx with no known type but a program's: refused.
    let r = await s.sendDocument("bien-ban.exe", DOCX, 40_000);
    expect(r.texts[0]).toBe(
      'Tệp "bien-ban.exe" không có đuôi .docx nên không được nhận, dù gửi kèm kiểu Word. Chỉ nhận ảnh, tệp PDF (tên kết thúc bằng .pdf) hoặc tệp Word (tên kết thúc bằng .docx). Tệp này không được lưu.',
    );
    r = await s.sendDocument("bien-ban.docx", "application/x-msdownload", 40_000);
    expect(r.texts[0]).toBe("Chỉ nhận ảnh, tệp PDF hoặc tệp Word (.docx) của biên bản. Tệp này không được lưu.");
    r = await s.sendDocument("Biên bản tháng 11.docx", DOCX, 40_000, "word-ok");
    expect(r.last.text).toBe("Đã nhận 1 tệp. Gửi thêm ảnh, PDF hoặc Word, hoặc bấm Xong.");
    // A sender that did not know the type: the name decides.
    r = await s.sendDocument("ket-luan.docx", "application/octet-stream", 20_000, "word-unknown-type");
    expect(r.last.text).toBe("Đã nhận 2 tệp. Gửi thêm ảnh, PDF hoặc Word, hoặc bấm Xong.");
    await s.press("Xong");
    expect((await s.press("✅ Gửi biên bản")).last.text).toContain("✅ Đã nhận biên bản");
    const m = await h.app.db.meeting.findFirstOrThrow({ where: { unit: { code: branch } }, include: { attachments: { orderBy: { position: "asc" } } } });
    expect(m.attachments.map((a) => [a.kind, a.fileId, a.fileName])).toEqual([
      ["DOCX", "word-ok", "Biên bản tháng 11.docx"],
      ["DOCX", "word-unknown-type", "ket-luan.docx"],
    ]);
    await s.say("/xembienban 11/2026");
    r = await s.press("📎 Gửi lại 2 tệp");
    expect(r.messages.map((x) => [x.method, x.document])).toEqual([
      ["sendDocument", "word-ok"],
      ["sendDocument", "word-unknown-type"],
    ]);
  });
});
