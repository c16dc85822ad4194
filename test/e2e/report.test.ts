// A secretary files the monthly recruitment report through /baocao.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness, type TestUser } from "../support/harness.js";
import { fillReport, freshSecretary, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
});
afterAll(async () => h?.stop());

async function reportsOf(branch: string) {
  const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: branch } });
  return h.app.db.report.findMany({ where: { unitId: unit.id }, orderBy: [{ year: "asc" }, { month: "asc" }, { version: "asc" }] });
}

/** The question being asked is repeated as the last message, and nothing was stored. */
function expectSameQuestion(r: { last: { text: string } }, question: string) {
  expect(r.last.text).toBe(question);
}

describe("filing a month", () => {
  test("the whole report in order, a summary of every answer, then a receipt with the time", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    let r = await s.say("/baocao");
    // The month whose deadline is next (October, due 5 November) comes first.
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["Tháng 10/2026", "Tháng 09/2026"]);
    r = await s.press("Tháng 10/2026");
    expect(r.last.text).toContain("quần chúng ưu tú");
    for (const a of TYPICAL_ANSWERS) r = typeof a === "string" ? await s.say(a) : await s.press(a.press);
    const summary = r.last.text;
    expect(summary).toContain("tháng 10/2026");
    expect(summary).toContain("Chi bộ " + branch);
    expect(summary).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 12");
    expect(summary).toContain("2. Học lớp bồi dưỡng nhận thức về Đảng: 3");
    expect(summary).toContain("3. Hồ sơ đề nghị kết nạp đang xét: 2");
    expect(summary).toContain("4. Kết nạp: 3 (giáo viên, giảng viên: 1; học sinh: 2; sinh viên: 0; khác: 0)");
    expect(summary).toContain("5. Chuyển đảng chính thức: 1");
    expect(summary).toContain("6. Đảng viên giảm: 0 (xóa tên 0, khai trừ 0, xin ra khỏi Đảng 0, từ trần 0)\n");
    expect(summary).toContain("7. Chuyển sinh hoạt đến: 0; chuyển đi: 1");
    expect(summary).toContain("8. Khó khăn, đề xuất: (không có)");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["✅ Gửi báo cáo", "✏️ Sửa một mục", "❌ Hủy"]);
    expect(await reportsOf(branch)).toHaveLength(0);

    r = await s.press("✅ Gửi báo cáo");
    expect(r.last.text).toBe(`✅ Đã nhận báo cáo tháng 10/2026 của Chi bộ ${branch} lúc 09:00 03/11/2026 (bản số 1). Cảm ơn đồng chí!`);
    const [stored, ...more] = await reportsOf(branch);
    expect(more).toHaveLength(0);
    expect(stored).toMatchObject({
      year: 2026,
      month: 10,
      version: 1,
      candidates: 12,
      awarenessClass: 3,
      applicationsInReview: 2,
      admittedTeachers: 1,
      admittedPupils: 2,
      admittedStudents: 0,
      admittedOther: 0,
      madeFull: 1,
      removedStruckOff: 0,
      removedExpelled: 0,
      removedResigned: 0,
      removedDied: 0,
      removedUnclassified: 0,
      removedReason: null,
      transferredIn: 0,
      transferredOut: 1,
      note: null,
      late: false,
      supersededAt: null,
    });
  });

  test("answered questions show the answer and lose their buttons", async () => {
    const { secretary: s } = await freshSecretary(h);
    await s.say("/baocao");
    const question = s.lastWithButtons();
    await s.press("Tháng 10/2026");
    const after = h.fake.messagesTo(s.id).find((m) => m.message_id === question.message_id)!;
    expect(after.text).toContain("➜ 10/2026");
    expect(after.buttons).toEqual([]);
  });

  test("removals are split into their four kinds and ask for the reason, cohorts beyond the first are asked only while some are left, and 'other' takes the rest", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    // 4 left the rolls: 1 struck off, 1 expelled, 0 resigned, so 2 died.
    const r = await fillReport(s, "Tháng 10/2026", ["5", "0", "0", "4", "0", "1", "1", "0", "4", "1", "1", "0", "Vi phạm tư cách đảng viên", "0", "0", "Thiếu kinh phí mở lớp"]);
    expect(r.last.text).toContain("4. Kết nạp: 4 (giáo viên, giảng viên: 0; học sinh: 1; sinh viên: 1; khác: 2)");
    expect(r.last.text).toContain("6. Đảng viên giảm: 4 (xóa tên 1, khai trừ 1, xin ra khỏi Đảng 0, từ trần 2) (lý do: Vi phạm tư cách đảng viên)");
    expect(r.last.text).toContain("8. Khó khăn, đề xuất: Thiếu kinh phí mở lớp");
    await s.press("✅ Gửi báo cáo");
    expect((await reportsOf(branch))[0]).toMatchObject({
      admittedOther: 2,
      removedStruckOff: 1,
      removedExpelled: 1,
      removedResigned: 0,
      removedDied: 2,
      removedUnclassified: 0,
      removedReason: "Vi phạm tư cách đảng viên",
      note: "Thiếu kinh phí mở lớp",
    });
  });

  test("the pipeline offers last month's figure as a one-tap answer and warns, without refusing, when it does not carry over", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await fillReport(s, "Tháng 09/2026", ["2", "1", "1", "0", "0", "0", "0", "0", { press: "Bỏ qua" }]);
    await s.press("✅ Gửi báo cáo");

    await s.say("/baocao");
    let r = await s.press("Tháng 10/2026");
    expect(r.last.buttons.flat().map((b) => b.text)).toContain("Như tháng trước: 2");
    await s.press("Như tháng trước: 2");
    r = await s.say("0");
    expect(r.last.buttons.flat().map((b) => b.text)).toContain("Như tháng trước: 1");
    await s.press("Như tháng trước: 1");
    // Five admitted out of a pipeline of two last month: a warning, then the form goes on.
    r = await s.say("5");
    for (const a of ["0", "0", "0"]) r = await s.say(a);
    expect(r.texts.join("\n")).toContain("⚠️ Lưu ý: số kết nạp (5) lớn hơn số quần chúng ưu tú tháng trước (2)");
    expect(r.last.text).toContain("chính thức");
    for (const a of ["0", "0", "0", "0"]) await s.say(a);
    r = await s.press("Bỏ qua");
    expect(r.last.text).toContain("⚠️ Lưu ý");
    expect(r.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 2");
    await s.press("✅ Gửi báo cáo");
    const october = (await reportsOf(branch)).find((x) => x.month === 10)!;
    expect(october).toMatchObject({ candidates: 2, applicationsInReview: 1, admittedOther: 5 });
  });

  test("a late report is accepted and marked late", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    h.clock.set("2026-11-06T08:30:00+07:00");
    try {
      await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
      const r = await s.press("✅ Gửi báo cáo");
      expect(r.last.text).toContain("lúc 08:30 06/11/2026");
      expect(r.last.text).toContain("nộp muộn (hạn nộp: 05/11/2026)");
      expect((await reportsOf(branch))[0]!.late).toBe(true);
    } finally {
      h.clock.set("2026-11-03T09:00:00+07:00");
    }
  });
});

describe("changing answers", () => {
  test("any one answer can be changed from the summary, the others stay", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
    let r = await s.press("✏️ Sửa một mục");
    expect(r.last.buttons.flat().map((b) => b.text)).toContain("1. Quần chúng ưu tú");
    await s.press("1. Quần chúng ưu tú");
    r = await s.say("20");
    expect(r.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 20");
    expect(r.last.text).toContain("4. Kết nạp: 3 (giáo viên, giảng viên: 1; học sinh: 2; sinh viên: 0; khác: 0)");
    await s.press("✅ Gửi báo cáo");
    expect((await reportsOf(branch))[0]).toMatchObject({ candidates: 20, admittedPupils: 2, transferredOut: 1 });
  });

  test("sending again for the same month amends it and keeps the earlier version", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
    await s.press("✅ Gửi báo cáo");

    await s.say("/baocao");
    let r = await s.press("Tháng 10/2026");
    expect(r.texts[0]).toBe("Tháng 10/2026 đã có báo cáo (bản 1, gửi lúc 09:00 03/11/2026). Đồng chí sửa mục cần thiết rồi bấm Gửi; bản cũ vẫn được lưu lại.");
    expect(r.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 12");
    await s.press("✏️ Sửa một mục");
    await s.press("5. Chuyển đảng chính thức");
    await s.say("2");
    r = await s.press("✅ Gửi báo cáo");
    expect(r.last.text).toContain("(bản số 2)");
    const versions = await reportsOf(branch);
    expect(versions.map((v) => [v.version, v.madeFull, v.supersededAt === null])).toEqual([
      [1, 1, false],
      [2, 2, true],
    ]);
  });

  test("changing the month at the summary to a month already sent turns the form into an amendment", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await fillReport(s, "Tháng 09/2026", TYPICAL_ANSWERS);
    await s.press("✅ Gửi báo cáo");
    await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
    await s.press("✏️ Sửa một mục");
    await s.press("Tháng báo cáo");
    const r = await s.press("Tháng 09/2026");
    expect(r.texts.join("\n")).toContain("Tháng 09/2026 đã có báo cáo (bản 1");
    await s.press("✅ Gửi báo cáo");
    expect((await reportsOf(branch)).map((v) => [v.month, v.version])).toEqual([
      [9, 1],
      [9, 2],
    ]);
  });

  test("Hủy at the summary stores nothing", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
    const r = await s.press("❌ Hủy");
    expect(r.last.text).toBe("Đã hủy báo cáo. Không có gì được lưu.");
    expect(await reportsOf(branch)).toHaveLength(0);
  });
});

describe("bad input: a clear message, the same question again, nothing lost, nothing invalid stored", () => {
  const CANDIDATES = "Số quần chúng ưu tú (nguồn phát triển đảng viên) hiện có?";
  const AWARENESS = "Số quần chúng học lớp bồi dưỡng nhận thức về Đảng trong tháng?";

  async function atAwarenessQuestion(): Promise<{ s: TestUser; branch: string }> {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/baocao");
    await s.press("Tháng 10/2026");
    const r = await s.say("7");
    expect(r.last.text).toBe(AWARENESS);
    return { s, branch };
  }

  async function finishAndCheckCandidatesKept(s: TestUser, branch: string) {
    await s.say("0");
    for (const a of ["0", "0", "0", "0", "0", "0"]) await s.say(a);
    const r = await s.press("Bỏ qua");
    expect(r.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 7");
    await s.press("✅ Gửi báo cáo");
    expect((await reportsOf(branch))[0]).toMatchObject({ candidates: 7, awarenessClass: 0 });
  }

  test.each([
    ["text where a number is asked", "mười hai", '"mười hai" không phải là một số. Xin nhập một số nguyên, ví dụ 3.'],
    ["a negative number", "-5", "Số không được âm. Xin nhập 0 hoặc một số dương."],
    ["a decimal", "2,5", "Xin nhập số nguyên (không có phần thập phân)."],
    ["an absurdly large number", "99999", "Số này quá lớn so với một chi bộ (tối đa 2.000). Xin kiểm tra và nhập lại."],
  ])("%s", async (_name, input, message) => {
    const { s, branch } = await atAwarenessQuestion();
    const r = await s.say(input);
    expect(r.texts).toEqual([message, AWARENESS]);
    expect(await reportsOf(branch)).toHaveLength(0);
    await finishAndCheckCandidatesKept(s, branch);
  });

  test("a sticker or a photo where text is asked", async () => {
    const { s, branch } = await atAwarenessQuestion();
    let r = await s.sendSticker();
    expect(r.texts).toEqual(["Câu này cần trả lời bằng chữ hoặc số (hoặc bấm một nút), không nhận ảnh, nhãn dán hay tệp.", AWARENESS]);
    r = await s.sendPhoto();
    expect(r.texts[0]).toContain("không nhận ảnh");
    expectSameQuestion(r, AWARENESS);
    await finishAndCheckCandidatesKept(s, branch);
  });

  test("a command in the middle of the form", async () => {
    const { s, branch } = await atAwarenessQuestion();
    for (const command of ["/tiendo", "/baocao", "/start"]) {
      const r = await s.say(command);
      expect(r.texts).toEqual(["Đồng chí đang điền biểu mẫu. Hãy trả lời câu hỏi bên dưới, hoặc gõ /huy để thoát.", AWARENESS]);
    }
    await finishAndCheckCandidatesKept(s, branch);
  });

  test("a 10,000-character note is refused with the limit named, and a shorter one is then taken", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    let r = await fillReport(s, "Tháng 10/2026", ["4", "0", "0", "0", "0", "0", "0", "0"]);
    expect(r.last.text).toContain("Khó khăn, vướng mắc");
    r = await s.say("x".repeat(10_000));
    expect(r.texts[0]).toBe("Nội dung dài 10.000 ký tự, vượt quá giới hạn 2.000 ký tự. Xin rút gọn rồi gửi lại; phần đã nhập trước đó vẫn được giữ.");
    expect(r.last.text).toContain("Khó khăn, vướng mắc");
    r = await s.say("   ");
    expect(r.texts[0]).toBe("Nội dung không được để trống.");
    r = await s.say("Cần thêm tài liệu bồi dưỡng");
    expect(r.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 4");
    expect(r.last.text).toContain("8. Khó khăn, đề xuất: Cần thêm tài liệu bồi dưỡng");
    await s.press("✅ Gửi báo cáo");
    expect((await reportsOf(branch))[0]!.note).toBe("Cần thêm tài liệu bồi dưỡng");
  });

  test("cohorts that add up to more than those admitted", async () => {
    const { secretary: s } = await freshSecretary(h);
    let r = await fillReport(s, "Tháng 10/2026", ["4", "0", "0", "2"]);
    expect(r.last.text).toBe("Trong 2 đảng viên mới, bao nhiêu là giáo viên, giảng viên? (còn 2 chưa phân loại)");
    r = await s.say("3");
    expect(r.texts).toEqual([
      "Chỉ còn 2 người chưa phân loại trong tổng số 2 người kết nạp. Xin nhập số từ 0 đến 2, hoặc sửa tổng số ở bước tóm tắt.",
      "Trong 2 đảng viên mới, bao nhiêu là giáo viên, giảng viên? (còn 2 chưa phân loại)",
    ]);
    r = await s.say("1");
    expect(r.last.text).toBe("Bao nhiêu là học sinh? (còn 1 chưa phân loại)");
  });

  test("a month typed wrong, or not yet come", async () => {
    const { secretary: s } = await freshSecretary(h);
    await s.say("/baocao");
    let r = await s.say("hôm kia");
    expect(r.texts).toEqual(["Chưa đọc được tháng. Xin gõ theo dạng tháng/năm, ví dụ 10/2026.", "Báo cáo tháng nào? Bấm nút hoặc gõ tháng/năm, ví dụ 10/2026."]);
    // A month's report opens on its last day (issue 10): November too is refused on 3 November.
    r = await s.say("12/2026");
    expect(r.texts[0]).toBe("Báo cáo tháng 12/2026 mở từ ngày 31/12/2026 (ngày cuối tháng), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng 10/2026.");
    r = await s.say("11/2026");
    expect(r.texts[0]).toBe("Báo cáo tháng 11/2026 mở từ ngày 30/11/2026 (ngày cuối tháng), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng 10/2026.");
    r = await s.say("8/2026");
    expect(r.last.text).toBe(CANDIDATES);
  });

  test("a button from an earlier question is refused and the current question asked again", async () => {
    const { secretary: s } = await freshSecretary(h);
    await s.say("/baocao");
    await s.press("Tháng 10/2026");
    const candidatesQuestion = s.lastWithButtons();
    await s.say("9");
    // The old question lost its buttons; a stale client may still send its button.
    const r = await s.exchange(() =>
      h.fake.pushUpdate({
        callback_query: {
          id: h.fake.newCallbackId(s.id),
          from: { id: s.id, is_bot: false, first_name: s.firstName },
          chat_instance: "x",
          data: "a:0",
          message: { message_id: candidatesQuestion.message_id, date: 0, chat: { id: s.id, type: "private" }, text: "" },
        },
      }),
    );
    expect(r.toasts).toEqual(["Nút này thuộc câu hỏi cũ. Xin trả lời câu hỏi hiện tại bên dưới."]);
    expectSameQuestion(r, AWARENESS);
  });

  test("the send button pressed twice stores one version and says the form has closed", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
    const summary = s.lastWithButtons();
    const first = s.pressOn(summary, "✅ Gửi báo cáo");
    const second = s.pressOn(summary, "✅ Gửi báo cáo");
    await h.waitHandled(first);
    await h.waitHandled(second);
    expect(await reportsOf(branch)).toHaveLength(1);
    const toasts = h.fake.callbackAnswers.filter((a) => a.user_id === s.id && a.text).map((a) => a.text);
    expect(toasts.at(-1)).toBe("Nút này thuộc một biểu mẫu đã đóng. Gõ lại lệnh để bắt đầu lại; /trogiup liệt kê các lệnh của đồng chí.");
  });
});

describe("leaving and returning", () => {
  test("/huy leaves the form at any step and nothing is stored; the next /baocao starts afresh", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await fillReport(s, "Tháng 10/2026", ["3", "1"]);
    let r = await s.say("/huy");
    expect(r.texts).toEqual(["Đã hủy. Những gì đang nhập dở không được lưu."]);
    expect(await reportsOf(branch)).toHaveLength(0);
    r = await s.say("/huy");
    expect(r.texts).toEqual(["Không có biểu mẫu nào đang mở."]);
    r = await s.say("/baocao");
    expect(r.last.text).toContain("Báo cáo tháng nào?");
  });

  test("/tiendo shows this year's months and the total admitted, from the first month the branch answers for", async () => {
    const { secretary: s } = await freshSecretary(h);
    await fillReport(s, "Tháng 09/2026", TYPICAL_ANSWERS);
    await s.press("✅ Gửi báo cáo");
    const r = await s.say("/tiendo");
    const text = r.last.text;
    // The branch was added in November; its September report moves the start back to September.
    expect(text).toContain("năm 2026, từ tháng 09/2026");
    expect(text).not.toContain("08/2026");
    // September was due on 5 October: filed in November it counts as late.
    expect(text).toContain("  ✅ Đã gửi: tháng 09/2026 (muộn: tháng 09/2026)");
    expect(text).toContain("  ⏳ Chưa gửi, hạn 05/11/2026: tháng 10/2026");
    expect(text).toContain("  · Tháng 11/2026 chưa kết thúc");
    expect(text).not.toContain("12/2026");
    expect(text).toContain("Lũy kế kết nạp từ đầu năm: 3 đảng viên (giáo viên, giảng viên: 1; học sinh: 2; sinh viên: 0; khác: 0).");
    // Month by month behind the button.
    const details = (await s.press("📋 Xem từng tháng")).last.text;
    expect(details).toContain("Tháng 09/2026: ✅ đã báo cáo (muộn), kết nạp 3");
    expect(details).toContain("Tháng 10/2026: ⏳ chưa báo cáo, hạn 05/11/2026");
    expect(details).toContain("Tháng 11/2026: tháng chưa kết thúc");
    expect(details).not.toContain("Tháng 08/2026");
  });
});

test("a secretary and her deputy answering at once: the second is told, and may replace the first", async () => {
  const { secretary: a, branch } = await freshSecretary(h, "An");
  // A branch has one secretary; the deputy files beside her while she has handed over (/uyquyen).
  const code = (await h.admin().say(`/moi ${branch} phobithu`)).last.text.match(/start=([\w-]+)/)![1]!;
  const b = h.user(7999, "Bình", "Trần");
  await b.say(`/start ${code}`);
  expect((await a.say("/uyquyen")).last.text).toMatch(/^✅ Đã ủy quyền cho phó bí thư Bình Trần/);

  await a.say("/baocao");
  await b.say("/baocao");
  await a.press("Tháng 10/2026");
  await b.press("Tháng 10/2026");
  // Answers interleave, each in its own chat.
  for (let i = 0; i < TYPICAL_ANSWERS.length; i++) {
    for (const [who, answers] of [
      [a, TYPICAL_ANSWERS],
      [b, ["30", ...TYPICAL_ANSWERS.slice(1)]],
    ] as const) {
      const ans = answers[i]!;
      await (typeof ans === "string" ? who.say(ans) : who.press(ans.press));
    }
  }
  const sent = [a.pressOn(a.lastWithButtons(), "✅ Gửi báo cáo"), b.pressOn(b.lastWithButtons(), "✅ Gửi báo cáo")];
  await Promise.all(sent.map((id) => h.waitHandled(id)));
  const versions = await reportsOf(branch);
  expect(versions).toHaveLength(1);
  // Exactly one got a receipt; the other was told who sent first, and sees the summary again.
  const [winner, loser] = h.fake.messagesTo(a.id).at(-1)!.text.startsWith("✅ Đã nhận") ? [a, b] : [b, a];
  expect(h.fake.messagesTo(winner.id).at(-1)!.text).toContain("(bản số 1)");
  const [notice, summary] = h.fake.messagesTo(loser.id).slice(-2).map((m) => m.text);
  expect(notice).toContain(`${winner === a ? "An Nguyễn" : "Bình Trần"} đã gửi báo cáo tháng 10/2026 (bản 1`);
  expect(notice).toContain("bản của đồng chí sẽ thay thế bản đó");
  expect(summary).toContain("📋 Báo cáo phát triển đảng viên tháng 10/2026");
  const r = await loser.press("✅ Gửi báo cáo");
  expect(r.last.text).toContain("(bản số 2)");
  const after = await reportsOf(branch);
  expect(after.map((v) => [v.version, v.candidates, v.supersededAt === null])).toEqual([
    [1, winner === a ? 12 : 30, false],
    [2, winner === a ? 30 : 12, true],
  ]);
});

test("a secretary of two branches first chooses the branch the report is for", async () => {
  const { secretary: s, branch } = await freshSecretary(h, "Kim");
  // A second branch with no secretary yet (one that has one takes only a replacing invite).
  const second = { branch: `${branch}-HAI` };
  await h.admin().say(`/themchibo ${second.branch} DU-SGD Chi bộ ${second.branch}`);
  const code = (await h.admin().say(`/moi ${second.branch}`)).last.text.match(/start=([\w-]+)/)![1]!;
  await s.say(`/start ${code}`);
  let r = await s.say("/baocao");
  expect(r.last.text).toBe("Đồng chí làm việc cho chi bộ nào?");
  expect(r.last.buttons.flat().map((b) => b.text).sort()).toEqual([`Chi bộ ${branch}`, `Chi bộ ${second.branch}`].sort());
  r = await s.press(`Chi bộ ${second.branch}`);
  expect(r.last.text).toContain("Báo cáo tháng nào?");
  await s.press("Tháng 10/2026");
  for (const a of TYPICAL_ANSWERS) r = typeof a === "string" ? await s.say(a) : await s.press(a.press);
  expect(r.last.text).toContain(`Chi bộ ${second.branch}`);
  await s.press("✅ Gửi báo cáo");
  expect(await reportsOf(second.branch)).toHaveLength(1);
  expect(await reportsOf(branch)).toHaveLength(0);
});
