// Issue 14, point 9: a deadline on a Vietnamese public holiday or in the Tết break moves to the
// next working day, and the bot says so. The January 2027 report, due on the 5th, falls on
// 05/02/2027, the eve of Tết Đinh Mùi (the break runs 05–09/02): it is due on Wednesday 10/02.
// A request due on Monday 08/02/2027 (in the break) moves there too.
import { afterEach, describe, expect, test } from "vitest";
import { Harness, type TestUser } from "../support/harness.js";
import { branchWithSecretary, buildTree, fillReport, TYPICAL_ANSWERS } from "../support/scenario.js";

const started: Harness[] = [];
afterEach(async () => {
  for (const h of started.splice(0).reverse()) await h.stop();
});

async function tree(now: string): Promise<{ h: Harness; admin: TestUser; an: TestUser }> {
  const h = await Harness.start({ now });
  started.push(h);
  const admin = await buildTree(h, [{ code: "CB-A", name: "Chi bộ A" }]);
  const an = await branchWithSecretary(h, 7951, "An", "CB-A");
  await h.at(now);
  return { h, admin, an };
}

const reminders = (h: Harness, u: TestUser, kind = "🔔 Nhắc hạn: báo cáo") => h.fake.messagesTo(u.id).filter((m) => m.text.startsWith(kind)).map((m) => m.text);
const TET_MOVE = "📅 Hạn lùi từ 05/02/2027 sang 10/02/2027 vì trùng ngày nghỉ Giao thừa Tết Nguyên Đán.";

describe("the January 2027 report, due on the eve of Tết", () => {
  test("/caidat lists the move; the reminders follow the moved deadline and say so; a report filed on 09/02 is on time", async () => {
    const { h, admin, an } = await tree("2027-02-01T09:00:00+07:00");
    expect((await admin.say("/caidat")).last.text).toContain("báo cáo tháng 01/2027: 05/02/2027 (Giao thừa Tết Nguyên Đán) → 10/02/2027");
    // "/caidat han" with nothing after it shows the same.
    expect((await admin.say("/caidat han")).last.text).toBe((await admin.say("/caidat")).last.text);

    // 3 days before the 5th would be 02/02: nothing then, the deadline is the 10th.
    await h.at("2027-02-02T08:00:10+07:00");
    expect(reminders(h, an)).toEqual([]);
    await h.at("2027-02-07T08:00:10+07:00");
    const [reminder] = reminders(h, an);
    expect(reminder).toContain("báo cáo phát triển đảng viên tháng 01/2027 của Chi bộ A hạn nộp 10/02/2027 (còn 3 ngày).");
    expect(reminder).toContain(TET_MOVE);

    h.clock.set("2027-02-09T15:00:00+07:00");
    await fillReport(an, "Tháng 01/2027", TYPICAL_ANSWERS);
    const receipt = (await an.press("✅ Gửi báo cáo")).last.text;
    expect(receipt).toContain("✅ Đã nhận báo cáo tháng 01/2027");
    expect(receipt).not.toContain("nộp muộn");
    expect(await h.app.db.report.findFirstOrThrow({ where: { unit: { code: "CB-A" }, year: 2027, month: 1 } })).toMatchObject({ late: false });
  });

  test("the committee's late list comes the day after the moved deadline, names the late branch and says why the deadline is the 10th", async () => {
    const { h, admin } = await tree("2027-02-01T09:00:00+07:00");
    const group = h.group(-7952, "Ban Tổ chức");
    await group.say(admin, "/dangkynhom DU-SGD");
    const lateLists = () => group.messages().filter((m) => m.text.includes("đã quá hạn báo cáo tháng 01/2027"));
    await h.at("2027-02-06T08:00:10+07:00");
    expect(lateLists()).toHaveLength(0);
    await h.at("2027-02-11T08:00:10+07:00");
    expect(lateLists()).toHaveLength(1);
    expect(lateLists()[0]!.text).toContain("Chi bộ A");
    expect(lateLists()[0]!.text).toContain("(hạn 10/02/2027)");
    expect(lateLists()[0]!.text).toContain(TET_MOVE);
  });

  test("/hanbaocao 1 answers with the coming deadlines the holidays move: 01/01 and 01/05", async () => {
    const { admin } = await tree("2026-12-03T09:00:00+07:00");
    const text = (await admin.say("/hanbaocao 1")).last.text;
    expect(text).toContain("báo cáo tháng 12/2026: 01/01/2027 (Tết Dương lịch) → 04/01/2027");
    expect(text).toContain("báo cáo tháng 04/2027: 01/05/2027 (Quốc tế Lao động) → 03/05/2027");
  });
});

describe("a request due in the Tết break", () => {
  test("the creator is told where it moves; the summary, the delivery and the reminder give 10/02/2027 and why", async () => {
    const { h, admin, an } = await tree("2027-01-20T09:00:00+07:00");
    await admin.say("/yeucau moi");
    await admin.press("📄 Yêu cầu trống");
    await admin.say("Danh sách quần chúng ưu tú");
    await admin.say("du-sgd");
    let r = await admin.say("08/02/2027");
    expect(r.texts[0]).toBe(
      '⚠️ Hạn 08/02/2027 trùng ngày nghỉ Tết Nguyên Đán, nên hạn trả lời lùi sang 10/02/2027 (ngày làm việc tiếp theo). Muốn chọn ngày khác, bấm "Sửa một mục" ở bước xem lại.',
    );
    await admin.press("✏️ Trả lời ngắn");
    await admin.say("Họ tên quần chúng ưu tú");
    r = await admin.press("✅ Xong");
    const move = "📅 Hạn lùi từ 08/02/2027 sang 10/02/2027 vì trùng ngày nghỉ Tết Nguyên Đán.";
    expect(r.last.text).toContain(`Hạn trả lời: 10/02/2027\n${move}`);
    r = await admin.press("✅ Gửi yêu cầu");
    expect(r.texts[0]).toContain("hạn trả lời 10/02/2027.");
    // The day the requester chose is kept as chosen; the move is worked out from it.
    expect(await h.app.db.infoRequest.findFirstOrThrow()).toMatchObject({ dueOn: "2027-02-08" });
    await h.app.scheduler.kick();
    const delivery = h.fake.messagesTo(an.id).at(-1)!.text;
    expect(delivery).toContain("Hạn trả lời: 10/02/2027");
    expect(delivery).toContain(move);

    // On 09/02 the day set has passed, the moved deadline has not: a reminder, one day left.
    await h.at("2027-02-09T08:00:10+07:00");
    const [reminder] = reminders(h, an, "🔔 Nhắc hạn: yêu cầu");
    expect(reminder).toContain("hạn trả lời 10/02/2027 (còn 1 ngày).");
    expect(reminder).toContain(move);
  });
});
