// Secretaries record branch meetings with /bienban; committees read them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness, type TestUser } from "../support/harness.js";
import { freshSecretary, inviteLink } from "../support/scenario.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
});
afterAll(async () => h?.stop());

async function meetingsOf(branch: string) {
  const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: branch } });
  return h.app.db.meeting.findMany({ where: { unitId: unit.id }, include: { attachments: { orderBy: { position: "asc" } } }, orderBy: [{ heldOn: "asc" }, { version: "asc" }] });
}

/** Plays answers: strings are typed, { press } presses a button, { photo } / { pdf } sends a file. */
type Step = string | { press: string | RegExp } | { photo: number } | { pdf: string; size: number };
async function play(s: TestUser, steps: Step[]) {
  let r = await s.say("/bienban");
  for (const step of steps) {
    if (typeof step === "string") r = await s.say(step);
    else if ("press" in step) r = await s.press(step.press);
    else if ("photo" in step) r = await s.sendPhoto(step.photo, `photo-${step.photo}`);
    else r = await s.sendDocument(step.pdf, "application/pdf", step.size);
  }
  return r;
}

const REGULAR_UP_TO_ATTENDANCE: Step[] = [{ press: "Thường kỳ" }, { press: "Hôm qua (02/11)" }, "Phòng họp tầng 2", "Nguyễn Văn An", "Trần Thị Bình"];
const REGULAR: Step[] = [...REGULAR_UP_TO_ATTENDANCE, "20", "18", "1", "1", "Quán triệt Nghị quyết; đánh giá công tác tháng 10", "Giao chi ủy hoàn thiện hồ sơ kết nạp 2 quần chúng"];

describe("recording a meeting", () => {
  test("a regular meeting with attendance, content, a photo and a PDF; summary, then a receipt", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    let r = await play(s, [...REGULAR, { photo: 900_000 }, { pdf: "bien-ban.pdf", size: 300_000 }]);
    expect(r.last.text).toBe("Đã nhận 2 tệp. Gửi thêm ảnh, PDF hoặc Word, hoặc bấm Xong.");
    r = await s.press("Xong");
    const summary = r.last.text;
    expect(summary).toContain(`📝 Biên bản sinh hoạt thường kỳ · Chi bộ ${branch}`);
    expect(summary).toContain("2. Ngày: 02/11/2026");
    expect(summary).toContain("3. Địa điểm: Phòng họp tầng 2");
    expect(summary).toContain("4. Chủ trì: Nguyễn Văn An");
    expect(summary).toContain("5. Thư ký: Trần Thị Bình");
    expect(summary).toContain("6. Dự họp: có mặt 18/20 (90%), vắng có lý do 1, vắng không lý do 1");
    expect(summary).toContain("9. Tệp đính kèm: 2");
    expect(await meetingsOf(branch)).toHaveLength(0);
    r = await s.press("✅ Gửi biên bản");
    expect(r.last.text).toBe(`✅ Đã nhận biên bản sinh hoạt thường kỳ ngày 02/11/2026 của Chi bộ ${branch} lúc 09:00 03/11/2026 (bản số 1, tỷ lệ dự họp 90%).`);
    const [m, ...more] = await meetingsOf(branch);
    expect(more).toHaveLength(0);
    expect(m).toMatchObject({ kind: "REGULAR", heldOn: "2026-11-02", topic: null, onRoll: 20, present: 18, absentExcused: 1, absentUnexcused: 1, version: 1 });
    expect(m!.attachments.map((a) => [a.kind, a.fileId, a.fileName])).toEqual([
      ["PHOTO", "photo-900000", null],
      ["PDF", "bien-ban.pdf", "bien-ban.pdf"],
    ]);
  });

  test("a thematic meeting asks its topic; the roll is offered from the last meeting; all present skips the absences", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await play(s, [...REGULAR, { press: "Không có tệp" }, { press: "✅ Gửi biên bản" }]);
    let r = await play(s, [{ press: "Chuyên đề" }]);
    expect(r.last.text).toBe("Chủ đề của buổi sinh hoạt chuyên đề? (tối đa 300 ký tự)");
    await s.say("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
    await s.say("1/11");
    await s.say("Thư viện");
    await s.say("Nguyễn Văn An");
    r = await s.say("Trần Thị Bình");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["Như lần trước: 20"]);
    r = await s.press("Như lần trước: 20");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["Đủ 20"]);
    r = await s.press("Đủ 20");
    expect(r.last.text).toContain("Nội dung chính");
    await s.say("Sinh hoạt chuyên đề quý IV");
    await s.say("Mỗi đảng viên đăng ký một việc làm theo gương Bác");
    r = await s.press("Không có tệp");
    expect(r.last.text).toContain("1. Loại: Chuyên đề (chủ đề: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh)");
    expect(r.last.text).toContain("6. Dự họp: có mặt 20/20 (100%), vắng có lý do 0, vắng không lý do 0");
    expect(r.last.text).toContain("9. Tệp đính kèm: (không có)");
    await s.press("✅ Gửi biên bản");
    const thematic = (await meetingsOf(branch)).find((m) => m.kind === "THEMATIC")!;
    expect(thematic).toMatchObject({ heldOn: "2026-11-01", topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", present: 20, absentExcused: 0 });
  });

  test("a second record of the same meeting amends it and keeps the earlier version; another date is another meeting", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await play(s, [...REGULAR, { press: "Không có tệp" }, { press: "✅ Gửi biên bản" }]);
    let r = await play(s, [{ press: "Thường kỳ" }, { press: "Hôm qua (02/11)" }]);
    expect(r.texts[0]).toBe("Buổi sinh hoạt thường kỳ ngày 02/11/2026 đã có biên bản (bản 1, gửi lúc 09:00 03/11/2026). Đồng chí sửa mục cần thiết rồi bấm Gửi; bản cũ vẫn được lưu lại.");
    await s.press("✏️ Sửa một mục");
    await s.press("8. Kết luận");
    r = await s.say("Kết luận đã sửa");
    expect(r.last.text).toContain("8. Kết luận: Kết luận đã sửa");
    expect(r.last.text).toContain("3. Địa điểm: Phòng họp tầng 2");
    r = await s.press("✅ Gửi biên bản");
    expect(r.last.text).toContain("(bản số 2");
    await play(s, [{ press: "Thường kỳ" }, "15/10/2026", "Hội trường", "A", "B", "20", "20", "Nội dung", "Kết luận", { press: "Không có tệp" }, { press: "✅ Gửi biên bản" }]);
    const all = await meetingsOf(branch);
    expect(all.map((m) => [m.heldOn, m.version, m.conclusions, m.supersededAt === null])).toEqual([
      ["2026-10-15", 1, "Kết luận", true],
      ["2026-11-02", 1, "Giao chi ủy hoàn thiện hồ sơ kết nạp 2 quần chúng", false],
      ["2026-11-02", 2, "Kết luận đã sửa", true],
    ]);
  });
});

describe("bad input: a clear message, the same question again, nothing lost, nothing invalid stored", () => {
  const DATE_Q = "Buổi sinh hoạt diễn ra ngày nào? Bấm nút hoặc gõ ngày/tháng/năm, ví dụ 02/11/2026 hoặc 2/11.";

  test.each([
    ["a date in the future", "05/11/2026", "Ngày này chưa đến. Chỉ ghi biên bản cho buổi sinh hoạt đã diễn ra."],
    ["31/02", "31/02/2026", "Ngày này không có trong lịch. Xin kiểm tra lại ngày và tháng."],
    ["2024-13-01", "2024-13-01", "Chưa đọc được ngày. Xin gõ theo dạng ngày/tháng/năm, ví dụ 02/11/2026, hoặc ngày/tháng, ví dụ 2/11."],
    ["hôm kia", "hôm kia", "Chưa đọc được ngày. Xin gõ theo dạng ngày/tháng/năm, ví dụ 02/11/2026, hoặc ngày/tháng, ví dụ 2/11."],
  ])("%s as the date", async (_name, input, message) => {
    const { secretary: s } = await freshSecretary(h);
    await play(s, [{ press: "Thường kỳ" }]);
    const r = await s.say(input);
    expect(r.texts).toEqual([message, DATE_Q]);
  });

  test("attendance: a roll of 0, present above the roll, absences above those missing, a total that does not add up", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    let r = await play(s, [...REGULAR_UP_TO_ATTENDANCE, "0"]);
    expect(r.texts).toEqual(["Số đảng viên phải lớn hơn 0.", "Tổng số đảng viên của chi bộ (theo danh sách)?"]);
    await s.say("20");
    r = await s.say("25");
    expect(r.texts).toEqual(["Số có mặt không thể lớn hơn tổng số đảng viên (20).", "Số đảng viên có mặt? (trên tổng số 20)"]);
    await s.say("17");
    r = await s.say("4");
    expect(r.texts).toEqual(["Chỉ có 3 đồng chí không có mặt. Xin nhập số từ 0 đến 3.", "Số vắng có lý do? (còn 3 đồng chí không có mặt)"]);
    await s.say("1");
    r = await s.say("1");
    expect(r.texts).toEqual([
      "Có mặt 17 + vắng có lý do 1 + vắng không lý do 1 = 19, không khớp tổng số 20 đảng viên. Số vắng không lý do phải là 2; nếu số trước sai, xin sửa ở bước tóm tắt.",
      "Số vắng không lý do? (còn 2 đồng chí)",
    ]);
    r = await s.say("2");
    expect(r.last.text).toContain("Nội dung chính");
    await s.say("Nội dung");
    await s.say("Kết luận");
    r = await s.press("Không có tệp");
    expect(r.last.text).toContain("6. Dự họp: có mặt 17/20 (85%), vắng có lý do 1, vắng không lý do 2");
    expect(r.last.text).toContain("4. Chủ trì: Nguyễn Văn An");
    expect(await meetingsOf(branch)).toHaveLength(0);
  });

  test("a name with only spaces", async () => {
    const { secretary: s } = await freshSecretary(h);
    const r = await play(s, [{ press: "Thường kỳ" }, { press: "Hôm nay (03/11)" }, "Hội trường", "    "]);
    expect(r.texts).toEqual(["Nội dung không được để trống.", "Họ tên đồng chí chủ trì?"]);
  });

  test("a 20,000-character content is refused with the limit stated, and the form goes on", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    let r = await play(s, [...REGULAR_UP_TO_ATTENDANCE, "10", "10"]);
    expect(r.last.text).toBe("Nội dung chính của buổi sinh hoạt? (tối đa 4.000 ký tự)");
    r = await s.say("n".repeat(20_000));
    expect(r.texts).toEqual([
      "Nội dung dài 20.000 ký tự, vượt quá giới hạn 4.000 ký tự. Xin rút gọn rồi gửi lại; phần đã nhập trước đó vẫn được giữ.",
      "Nội dung chính của buổi sinh hoạt? (tối đa 4.000 ký tự)",
    ]);
    // Long text up to the limit is taken whole, and the summary still fits one message.
    await s.say("c".repeat(4000));
    await s.say("k".repeat(4000));
    r = await s.press("Không có tệp");
    expect(r.last.text.length).toBeLessThanOrEqual(4096);
    expect(r.last.text).toContain("(còn tiếp, tổng 4.000 ký tự)");
    await s.press("✅ Gửi biên bản");
    const [m] = await meetingsOf(branch);
    expect(m!.content).toHaveLength(4000);
    expect(m!.conclusions).toHaveLength(4000);
  });

  test("a file that is neither photo, PDF nor Word, and a 60 MB file, are refused; a good file is then taken", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    let r = await play(s, [...REGULAR]);
    expect(r.last.text).toContain("Gửi ảnh, tệp PDF hoặc tệp Word (.docx)");
    // A spreadsheet was refused before Word files were taken (issue 12), and still is.
    r = await s.sendDocument("bien-ban.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 40_000);
    expect(r.texts[0]).toBe("Chỉ nhận ảnh, tệp PDF hoặc tệp Word (.docx) của biên bản. Tệp này không được lưu.");
    expect(r.last.text).toContain("Gửi ảnh, tệp PDF hoặc tệp Word (.docx)");
    r = await s.sendDocument("scan.pdf", "application/pdf", 60 * 1024 * 1024);
    expect(r.texts[0]).toBe("Tệp quá lớn (60 MB); giới hạn là 20 MB. Xin chụp ảnh hoặc nén tệp nhỏ hơn rồi gửi lại.");
    r = await s.say("đây là biên bản");
    expect(r.texts[0]).toBe("Ở bước này xin gửi ảnh, tệp PDF hoặc tệp Word, hoặc bấm nút bên dưới.");
    r = await s.sendDocument("nho.pdf", "application/pdf", 1_000_000);
    expect(r.last.text).toBe("Đã nhận 1 tệp. Gửi thêm ảnh, PDF hoặc Word, hoặc bấm Xong.");
    await s.press("Xong");
    await s.press("✅ Gửi biên bản");
    const [m] = await meetingsOf(branch);
    expect(m!.attachments.map((a) => a.fileName)).toEqual(["nho.pdf"]);
  });

  test("a photo where a name is asked, /huy and another command in the middle", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await play(s, [{ press: "Thường kỳ" }, { press: "Hôm nay (03/11)" }]);
    let r = await s.sendPhoto();
    expect(r.texts).toEqual(["Câu này cần trả lời bằng chữ hoặc số (hoặc bấm một nút), không nhận ảnh, nhãn dán hay tệp.", "Địa điểm sinh hoạt?"]);
    r = await s.say("/baocao");
    expect(r.texts).toEqual(["Đồng chí đang điền biểu mẫu. Hãy trả lời câu hỏi bên dưới, hoặc gõ /huy để thoát.", "Địa điểm sinh hoạt?"]);
    r = await s.say("/huy");
    expect(r.texts).toEqual(["Đã hủy. Những gì đang nhập dở không được lưu."]);
    expect(await meetingsOf(branch)).toHaveLength(0);
  });
});

describe("seeing meetings", () => {
  test("/tiendo shows regular meetings month by month, thematic ones quarter by quarter, and the average attendance", async () => {
    const { secretary: s } = await freshSecretary(h);
    await play(s, [{ press: "Thường kỳ" }, "10/9/2026", "P", "A", "B", "20", "16", "4", "N", "K", { press: "Không có tệp" }, { press: "✅ Gửi biên bản" }]);
    await play(s, [{ press: "Chuyên đề" }, "Chủ đề", "20/10/2026", "P", "A", "B", "20", "20", "N", "K", { press: "Không có tệp" }, { press: "✅ Gửi biên bản" }]);
    const summary = (await s.say("/tiendo")).last.text;
    // The branch was added in November; its September minutes move the start back to September.
    expect(summary).toContain("  ✅ Thường kỳ: tháng 09/2026\n  ❌ Chưa có thường kỳ: tháng 10/2026\n  ⏳ Tháng 11/2026: chưa ghi thường kỳ");
    expect(summary).toContain("  Chuyên đề: quý 3 ❌ · quý 4 ✅");
    expect(summary).toContain("Tỷ lệ dự họp bình quân: 90%");
    const text = (await s.press("📋 Xem từng tháng")).last.text;
    expect(text).not.toContain("Tháng 08/2026");
    expect(text).toContain("Tháng 09/2026: ✅ đã sinh hoạt thường kỳ");
    expect(text).toContain("Tháng 10/2026: ❌ chưa có sinh hoạt thường kỳ");
    expect(text).toContain("Tháng 11/2026: ⏳ chưa ghi sinh hoạt thường kỳ");
    expect(text).toContain("Quý 3: ❌ chưa có sinh hoạt chuyên đề");
    expect(text).toContain("Quý 4: ✅ đã sinh hoạt chuyên đề");
    expect(text).toContain("Tỷ lệ dự họp bình quân: 90%");
  });

  test("/xembienban lists the month's minutes and re-sends the attached files", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await play(s, [...REGULAR, { photo: 500_000 }, { pdf: "ky.pdf", size: 100_000 }, { press: "Xong" }, { press: "✅ Gửi biên bản" }]);
    let r = await s.say("/xembienban");
    expect(r.texts[0]).toBe(`📚 Biên bản của Chi bộ ${branch} trong tháng 11/2026: 1 buổi`);
    expect(r.texts[1]).toContain("3. Địa điểm: Phòng họp tầng 2");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["📎 Gửi lại 2 tệp"]);
    r = await s.press("📎 Gửi lại 2 tệp");
    expect(r.messages.map((m) => [m.method, m.photo ?? m.document, m.text])).toEqual([
      ["sendPhoto", "photo-500000", "Biên bản thường kỳ ngày 02/11/2026 (1/2)"],
      ["sendDocument", "ky.pdf", "Biên bản thường kỳ ngày 02/11/2026 (2/2)"],
    ]);
    expect((await s.say("/xembienban 10/2026")).texts).toEqual([`Chi bộ ${branch} chưa có biên bản nào trong tháng 10/2026.`]);
    expect((await s.say("/xembienban 10/2026 9/2026")).texts).toEqual(["Cách dùng: /xembienban [mã chi bộ] [tháng/năm]. Ví dụ: /xembienban CB-QT 10/2026"]);
    expect((await s.say("/xembienban KHONG-CO")).texts).toEqual(["Không có đơn vị mã KHONG-CO. Gõ /donvi để xem các mã."]);
  });

  test("committees and administrators see the minutes of branches under them; nobody else does", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await play(s, [...REGULAR, { photo: 10_000 }, { press: "Xong" }, { press: "✅ Gửi biên bản" }]);
    const admin = h.admin();
    await admin.say("/themdonvi DU-KHAC - Đảng ủy khác");
    await admin.say("/themchibo CB-KHAC DU-KHAC Chi bộ khác");

    // A member of the committee above (the branch sits under DU-SGD).
    const committeeCode = await inviteLink(admin, "DU-SGD");
    const member = h.user(8100, "Cúc", "Đỗ");
    expect((await member.say(`/start ${committeeCode}`)).last.text).toContain("cấp ủy viên của Đảng ủy Sở Giáo dục và Đào tạo");
    let r = await member.say(`/xembienban ${branch} 11/2026`);
    expect(r.texts[0]).toContain(`Biên bản của Chi bộ ${branch}`);
    r = await member.press("📎 Gửi lại 1 tệp");
    expect(r.messages.map((m) => m.method)).toEqual(["sendPhoto"]);

    // A member of another committee, another branch's secretary: refused, nothing shown.
    const otherCode = await inviteLink(admin, "DU-KHAC");
    const outsider = h.user(8200, "Đào");
    await outsider.say(`/start ${otherCode}`);
    expect((await outsider.say(`/xembienban ${branch}`)).texts).toEqual(["Đồng chí không có quyền xem biên bản của đơn vị này."]);
    const other = await freshSecretary(h, "Hạnh");
    expect((await other.secretary.say(`/xembienban ${branch}`)).texts).toEqual(["Đồng chí không có quyền xem biên bản của đơn vị này."]);
    // Even a forged button press gets nothing.
    const meeting = (await meetingsOf(branch))[0]!;
    const forged = await other.secretary.exchange(() =>
      h.fake.pushUpdate({
        callback_query: { id: h.fake.newCallbackId(other.secretary.id), from: { id: other.secretary.id, is_bot: false, first_name: "Hạnh" }, chat_instance: "x", data: `mfiles:${meeting.id}`, message: { message_id: 1, date: 0, chat: { id: other.secretary.id, type: "private" }, text: "" } },
      }),
    );
    expect(forged.messages).toEqual([]);
    expect(forged.toasts).toEqual(["Đồng chí không có quyền xem biên bản của đơn vị này."]);
    expect((await h.user(8300, "Lạ").say(`/xembienban ${branch}`)).texts[0]).toContain("chỉ phục vụ bí thư chi bộ");

    expect((await admin.say(`/xembienban ${branch}`)).texts[0]).toContain(`Biên bản của Chi bộ ${branch}`);
  });
});
