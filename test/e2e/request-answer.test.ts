// A branch answers a request for figures (issue 14, point 3): the "✍️ Trả lời" button opens
// the form, each kind of question is asked and checked, pre-filled figures are confirmed with
// one tap, answers are amended in versions until the request closes, late ones are marked;
// and every bad input of the issue is refused with a clear message and nothing stored.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { PrefillKey, QuestionKind, RequestStatus } from "../../src/domain/request.js";
import { rolesChanged } from "../../src/store/access-version.js";
import { Harness, type TestUser } from "../support/harness.js";
import { branchWithSecretary, fillReport, freshSecretary, recordRegularMeeting, TYPICAL_ANSWERS } from "../support/scenario.js";
import { answersOf, EVERY_KIND, pressAnswer, pressData, sendRequest } from "../support/request-setup.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-12-02T09:00:00+07:00" });
});
afterEach(() => {
  h.fake.onRequest = undefined;
});
afterAll(async () => h?.stop());

const LONG = "Chi bộ đã rà soát nguồn phát triển đảng viên, lập danh sách quần chúng ưu tú và phân công đảng viên giúp đỡ.";

/** Answers the six questions of EVERY_KIND up to the summary. */
async function answerEveryKind(s: TestUser, requestId: number) {
  let r = await pressAnswer(h, s, requestId);
  expect(r.texts[0]).toContain('📝 Trả lời yêu cầu "Báo cáo chuyên đề tạo nguồn phát triển đảng viên"');
  expect(r.last.text).toContain("Câu 1/6: I.1. Số đảng viên hiện có");
  r = await s.say("25");
  expect(r.last.text).toContain("Câu 2/6: I.2. Kết nạp theo đối tượng từ năm 2026");
  r = await s.say("1 2 0 3");
  expect(r.last.text).toContain("Câu 3/6");
  r = await s.say("Nguyễn Văn An");
  expect(r.last.text).toContain("Câu 4/6: II.2. Thực trạng nguồn phát triển đảng viên");
  r = await s.say(LONG);
  expect(r.last.text).toContain("Câu 5/6");
  r = await s.sendPhoto(300_000);
  expect(r.last.text).toContain("Đã nhận 1 tệp");
  r = await s.sendDocument("danh-sach.pdf", "application/pdf", 80_000);
  expect(r.last.text).toContain("Đã nhận 2 tệp");
  r = await s.press("Xong");
  expect(r.last.text).toContain("Câu 6/6: III.1.");
  return s.press("Đã có");
}

describe("answering a request", () => {
  test("every kind of question, a summary, and a receipt saying what was saved, the version and that it is on time", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch] });
    const summary = await answerEveryKind(s, id);
    expect(summary.last.text).toContain("• I.1. Số đảng viên hiện có: 25");
    expect(summary.last.text).toContain("• I.2. Kết nạp theo đối tượng từ năm 2026: giáo viên, giảng viên: 1; học sinh: 2; sinh viên: 0; khác: 3 (tổng 6)");
    expect(summary.last.text).toContain("• II.3. Danh sách quần chúng ưu tú (ảnh hoặc tệp): 2 tệp");
    expect(summary.last.text).toContain("• III.1. Chi bộ có kế hoạch tạo nguồn năm 2027 chưa?: Đã có");
    const r = await s.press("✅ Gửi trả lời");
    expect(r.last.text).toContain(`✅ Đã nhận trả lời yêu cầu "Báo cáo chuyên đề tạo nguồn phát triển đảng viên" của Chi bộ ${branch} lúc 09:00 02/12/2026 (bản số 1)`);
    expect(r.last.text).toContain("Trả lời đúng hạn (hạn: 15/12/2026)");
    const [saved, ...more] = await answersOf(h, id, branch);
    expect(more).toEqual([]);
    expect(saved!.late).toBe(false);
    expect(saved!.values).toMatchObject({ q1: 25, q2: { teachers: 1, pupils: 2, students: 0, other: 3 }, q3: "Nguyễn Văn An", q4: LONG, q6: { choice: 0 } });
    expect((saved!.values.q5 as { kind: string }[]).map((f) => f.kind)).toEqual(["PHOTO", "PDF"]);
  });

  test("pre-filled from the branch's reports and minutes: one tap on ✅ Đúng, and the candidates split by cohort must add up to the latest report's total", async () => {
    h.clock.set("2026-11-03T09:00:00+07:00");
    const { secretary: s, branch } = await freshSecretary(h);
    // October: 12 candidates, 1 teacher and 2 pupils admitted; the latest minutes count 20 on the roll.
    await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
    expect((await s.press("✅ Gửi báo cáo")).last.text).toContain("Đã nhận báo cáo");
    await recordRegularMeeting(s, "02/11/2026");
    h.clock.set("2026-12-02T09:00:00+07:00");
    const questions = [
      { id: "q1", kind: QuestionKind.NUMBER, title: "Số đảng viên hiện có", prefill: PrefillKey.MEMBERS_NOW },
      { id: "q2", kind: QuestionKind.COHORTS, title: "Kết nạp theo đối tượng từ năm 2026", prefill: PrefillKey.ADMITTED_SINCE },
      { id: "q3", kind: QuestionKind.COHORTS, title: "Quần chúng ưu tú hiện có theo đối tượng", prefill: PrefillKey.CANDIDATES_NOW },
    ];
    const id = await sendRequest(h, { targets: [branch], questions, prefillFromYear: 2026 });
    let r = await pressAnswer(h, s, id);
    expect(r.last.text).toContain("Câu 1/3: Số đảng viên hiện có");
    r = await s.press("✅ Đúng: 20");
    expect(r.last.text).toContain("Câu 2/3");
    r = await s.press(/^✅ Đúng: giáo viên, giảng viên: 1; học sinh: 2; sinh viên: 0; khác: 0/);
    expect(r.last.text).toContain("Câu 3/3");
    expect(r.last.text).toContain("Tổng số là 12: 4 số phải cộng lại bằng 12.");
    // Bad input: the cohorts do not add up to the given total.
    r = await s.say("1 2 3 4");
    expect(r.texts[0]).toBe("Cộng 4 số là 10, không bằng tổng số 12. Xin nhập lại sao cho cộng lại bằng 12.");
    expect(r.last.text).toContain("Câu 3/3");
    r = await s.say("3 3 3 3");
    expect(r.last.text).toContain("• Quần chúng ưu tú hiện có theo đối tượng: giáo viên, giảng viên: 3; học sinh: 3; sinh viên: 3; khác: 3 (tổng 12)");
    await s.press("✅ Gửi trả lời");
    const [saved] = await answersOf(h, id, branch);
    expect(saved!.values).toEqual({ q1: 20, q2: { teachers: 1, pupils: 2, students: 0, other: 0 }, q3: { teachers: 3, pupils: 3, students: 3, other: 3 } });
  });

  test("amending: the form starts from the current answer (Giữ nguyên), the old version is kept, and one after the due date is marked late, as the receipt says", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch] });
    await answerEveryKind(s, id);
    await s.press("✅ Gửi trả lời");
    h.clock.set("2026-12-16T10:00:00+07:00");
    let r = await pressAnswer(h, s, id);
    expect(r.texts[0]).toContain("Chi bộ đã trả lời (bản số 1, lúc 09:00 02/12/2026)");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["Giữ nguyên"]);
    r = await s.say("26");
    expect(r.last.text).toContain("Câu 2/6");
    for (let i = 0; i < 4; i++) expect((await s.press("Giữ nguyên")).last.text).toContain(`Câu ${i + 3}/6`);
    r = await s.press("Giữ nguyên");
    expect(r.last.text).toContain("• I.1. Số đảng viên hiện có: 26");
    expect(r.last.text).toContain("2 tệp");
    r = await s.press("✅ Gửi trả lời");
    expect(r.last.text).toContain("(bản số 2)");
    expect(r.last.text).toContain("⏰ Bản này được ghi nhận là trả lời muộn (hạn: 15/12/2026).");
    const versions = await answersOf(h, id, branch);
    expect(versions.map((v) => [v.version, v.current, v.late, v.values.q1])).toEqual([
      [1, false, false, 25],
      [2, true, true, 26],
    ]);
    expect(versions[1]!.values.q4).toBe(LONG);
    h.clock.set("2026-12-02T09:00:00+07:00");
  });

  test("after the request is changed, Giữ nguyên is offered only where the answer still fits the question", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch], questions: [EVERY_KIND[0]!, EVERY_KIND[2]!] });
    await pressAnswer(h, s, id);
    await s.say("25");
    await s.say("An");
    await s.press("✅ Gửi trả lời");
    // Revision 2 asks the first question as a choice.
    const changed = [{ ...EVERY_KIND[5]!, id: "q1" }, EVERY_KIND[2]!];
    await h.app.db.infoRequest.update({ where: { id }, data: { revision: 2, questions: JSON.stringify(changed) } });
    let r = await pressAnswer(h, s, id, 2);
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["Đã có", "Chưa có"]);
    r = await s.press("Đã có");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["Giữ nguyên"]);
  });

  test("a form left open across a restart goes on where it was", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch] });
    await pressAnswer(h, s, id);
    await s.say("25");
    await h.restart();
    const r = await s.say("1 2 0 3");
    expect(r.last.text).toContain("Câu 3/6");
  });

  test("a secretary of two of the branches asked says which one the answer is for", async () => {
    const s = await branchWithSecretary(h, 7301, "Hà", "CB-HAI-1");
    await branchWithSecretary(h, 7301, "Hà", "CB-HAI-2");
    const id = await sendRequest(h, { targets: ["CB-HAI-1", "CB-HAI-2"], questions: [EVERY_KIND[0]!] });
    let r = await pressAnswer(h, s, id);
    expect(r.last.text).toBe("Đồng chí làm việc cho chi bộ nào?");
    r = await s.press("Chi bộ CB-HAI-2");
    expect(r.texts[0]).toContain("cho Chi bộ CB-HAI-2");
    await s.say("30");
    await s.press("✅ Gửi trả lời");
    expect(await answersOf(h, id, "CB-HAI-1")).toEqual([]);
    expect((await answersOf(h, id, "CB-HAI-2"))[0]!.values).toEqual({ q1: 30 });
  });

  test("a deputy answers while the secretary has handed over, not before", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const deputy = h.user(7401, "Bình", "Trần");
    await deputy.say(`/start ${(await h.admin().say(`/moi ${branch} phobithu`)).last.text.match(/\?start=([\w-]+)/)![1]}`);
    const id = await sendRequest(h, { targets: [branch], questions: [EVERY_KIND[0]!] });
    expect((await pressAnswer(h, deputy, id)).last.text).toBe(
      `Bí thư Chi bộ ${branch} chưa ủy quyền cho phó bí thư. Phó bí thư chỉ gửi được báo cáo, biên bản khi bí thư gõ /uyquyen hoặc báo nghỉ bằng /nghi. Không có gì được lưu.`,
    );
    await s.say("/uyquyen");
    expect((await pressAnswer(h, deputy, id)).last.text).toContain("Câu 1/1");
    await deputy.say("12");
    expect((await deputy.press("✅ Gửi trả lời")).last.text).toContain("(bản số 1)");
    expect((await answersOf(h, id, branch))[0]!.values).toEqual({ q1: 12 });
  });
});

describe("bad input", () => {
  test("a 10,000-character answer is refused with the limit and its length, asked again, and nothing typed before is lost", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch] });
    await pressAnswer(h, s, id);
    await s.say("25");
    await s.say("1 2 0 3");
    await s.say("Nguyễn Văn An");
    let r = await s.say("x".repeat(10_000));
    expect(r.texts[0]).toBe("Nội dung dài 10.000 ký tự, vượt quá giới hạn 4.000 ký tự. Xin rút gọn rồi gửi lại; các câu đã trả lời vẫn được giữ.");
    expect(r.last.text).toContain("Câu 4/6");
    r = await s.say(LONG);
    expect(r.last.text).toContain("Câu 5/6");
    await s.press("Không có tệp");
    r = await s.press("Chưa có");
    expect(r.last.text).toContain("• I.1. Số đảng viên hiện có: 25");
    expect(r.last.text).toContain("• II.1. Người phụ trách công tác tạo nguồn: Nguyễn Văn An");
    expect(await answersOf(h, id, branch)).toEqual([]);
  });

  test("a file of the wrong kind or over the size limit is refused and asked again; nothing of it is stored", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch], questions: [EVERY_KIND[4]!] });
    let r = await pressAnswer(h, s, id);
    expect(r.last.text).toContain("Câu 1/1");
    r = await s.sendDocument("chuong-trinh.exe", "application/x-msdownload", 10_000);
    expect(r.texts[0]).toBe("Chỉ nhận ảnh, tệp PDF hoặc tệp Word (.docx). Tệp này không được lưu.");
    expect(r.last.text).toContain("Câu 1/1");
    r = await s.sendDocument("virus.exe", "application/pdf", 10_000);
    expect(r.texts[0]).toContain('Tệp "virus.exe" không có đuôi .pdf nên không được nhận');
    r = await s.sendDocument("ban-scan.pdf", "application/pdf", 25 * 1024 * 1024);
    expect(r.texts[0]).toBe("Tệp quá lớn (25 MB); giới hạn là 20 MB. Xin chụp ảnh hoặc nén tệp nhỏ hơn rồi gửi lại. Tệp này không được lưu.");
    r = await s.sendDocument("bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 50_000);
    expect(r.last.text).toContain("Đã nhận 1 tệp");
    await s.press("Xong");
    await s.press("✅ Gửi trả lời");
    const [saved] = await answersOf(h, id, branch);
    expect((saved!.values.q5 as { fileName: string }[]).map((f) => f.fileName)).toEqual(["bao-cao.docx"]);
  });

  test("answering a closed request: told it was closed, by whom and when; nothing stored", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch] });
    await close(id, "2026-12-01T16:30:00+07:00");
    const r = await pressAnswer(h, s, id);
    expect(r.last.text).toBe(
      'Yêu cầu "Báo cáo chuyên đề tạo nguồn phát triển đảng viên" đã được Quản trị kết thúc lúc 16:30 01/12/2026 nên không nhận trả lời nữa. Không có gì được lưu.',
    );
    expect(await answersOf(h, id, branch)).toEqual([]);
  });

  test("a request closed while the form is open: refused at saving, nothing stored", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch] });
    await answerEveryKind(s, id);
    await close(id, "2026-12-02T09:00:00+07:00");
    const r = await s.press("✅ Gửi trả lời");
    expect(r.last.text).toContain("đã được Quản trị kết thúc lúc 09:00 02/12/2026 nên không nhận trả lời nữa");
    expect(await answersOf(h, id, branch)).toEqual([]);
  });

  test("an old button from a replaced revision: a clear message and a button of the current revision, which opens the form", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch] });
    await h.app.db.infoRequest.update({ where: { id }, data: { revision: 2 } });
    let r = await pressAnswer(h, s, id, 1);
    expect(r.last.text).toContain("đã được sửa (lần 2) sau khi tin nhắn này được gửi, nên nút cũ không dùng được nữa. Không có gì được lưu.");
    expect(r.last.buttons.flat().map((b) => [b.text, b.callback_data])).toEqual([["✍️ Trả lời", `yc:tl:${id}:2`]]);
    r = await s.press("✍️ Trả lời", r.last);
    expect(r.last.text).toContain("Câu 1/6");
    // Replaced again while the form is open: refused at saving.
    await s.say("25");
    await s.say("1 2 0 3");
    await s.say("An");
    await s.say(LONG);
    await s.press("Không có tệp");
    await s.press("Đã có");
    await h.app.db.infoRequest.update({ where: { id }, data: { revision: 3 } });
    r = await s.press("✅ Gửi trả lời");
    expect(r.last.text).toContain("đã được sửa (lần 3)");
    expect(r.last.buttons.flat().map((b) => b.callback_data)).toEqual([`yc:tl:${id}:3`]);
    expect(await answersOf(h, id, branch)).toEqual([]);
  });

  test("a secretary removed from the branch while the request is open, mid-form: refused at saving, told why, nothing stored", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const id = await sendRequest(h, { targets: [branch] });
    await answerEveryKind(s, id);
    await h.app.db.membership.deleteMany({ where: { unit: { code: branch }, user: { telegramId: BigInt(s.id) } } });
    await rolesChanged(h.app.db);
    const r = await s.press("✅ Gửi trả lời");
    expect(r.last.text).toBe(`Đồng chí không còn là bí thư hay phó bí thư của Chi bộ ${branch} nên không gửi được. Không có gì được lưu; nếu có nhầm lẫn, đồng chí liên hệ quản trị viên.`);
    expect(await answersOf(h, id, branch)).toEqual([]);
    // And the button no longer opens the form for them.
    expect((await pressAnswer(h, s, id)).last.text).toContain("Đồng chí không còn vai trò nào");
  });

  test("a secretary of a branch the request does not go to is refused", async () => {
    const { branch } = await freshSecretary(h);
    const { secretary: other } = await freshSecretary(h, "Mai");
    const id = await sendRequest(h, { targets: [branch] });
    expect((await pressAnswer(h, other, id)).last.text).toContain("Hôm nay đồng chí không trả lời thay chi bộ nào trong số đó");
  });

  test("forged buttons: data no button carries, a request that does not exist, an option index the question does not have", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    let r = await pressData(h, s, "yc:tl:abc:1");
    expect(r.toasts).toEqual(['Nút này không thuộc yêu cầu báo cáo nào. Xin bấm nút "✍️ Trả lời" dưới tin nhắn yêu cầu.']);
    r = await pressData(h, s, "yc:tl:99999999999:1");
    expect(r.toasts).toHaveLength(1);
    r = await pressAnswer(h, s, 987_654);
    expect(r.last.text).toBe("Không tìm thấy yêu cầu báo cáo này. Không có gì được lưu.");
    const id = await sendRequest(h, { targets: [branch], questions: [EVERY_KIND[5]!] });
    r = await pressAnswer(h, s, id);
    const question = r.last;
    // The option's index is in the button's data: a client can send one the question does not have.
    r = await s.exchange(() =>
      h.fake.pushUpdate({
        callback_query: {
          id: h.fake.newCallbackId(s.id),
          from: { id: s.id, is_bot: false, first_name: s.firstName },
          chat_instance: `ci${s.id}`,
          data: "a:7",
          message: { message_id: question.message_id, date: Math.floor(Date.now() / 1000), chat: { id: s.id, type: "private", first_name: s.firstName }, text: question.text },
        },
      }),
    );
    expect(r.texts[0]).toBe("Phương án này không có trong câu hỏi. Xin bấm một trong các nút bên dưới.");
    expect(r.last.text).toContain("Câu 1/1");
    r = await s.press("Chưa có");
    expect(r.last.text).toContain("Chưa có");
    await s.press("✅ Gửi trả lời");
    expect((await answersOf(h, id, branch))[0]!.values).toEqual({ q6: { choice: 1 } });
  });
});

/** What /yeucau's "close" does to the row, with its audit entry (by the administrator). */
async function close(id: number, at: string) {
  await h.app.db.infoRequest.update({ where: { id }, data: { status: RequestStatus.CLOSED, closedAt: new Date(at) } });
  await h.app.db.auditEntry.create({ data: { at: new Date(at), actorId: 900001n, action: "request.close", subject: String(id), details: "{}" } });
}
