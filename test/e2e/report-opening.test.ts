// A month's report opens at 00:00 (Hà Nội) on the month's last day: before that it is refused,
// typed or pressed, with the day it opens; /baocao offers the latest open month first.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness } from "../support/harness.js";
import { freshSecretary, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-10T09:00:00+07:00" });
});
afterAll(async () => h?.stop());

const PERIOD_QUESTION = "Báo cáo tháng nào? Bấm nút hoặc gõ tháng/năm, ví dụ 10/2026.";
const NOVEMBER_NOT_OPEN =
  "Báo cáo tháng 11/2026 mở từ ngày 30/11/2026 (ngày cuối tháng), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng 10/2026.";

const buttonsOf = (m: { buttons: { text: string }[][] }) => m.buttons.flat().map((b) => b.text);
const reportsOf = (code: string) => h.app.db.report.findMany({ where: { unit: { code } }, orderBy: { id: "asc" } });

async function at<T>(iso: string, run: () => Promise<T>): Promise<T> {
  h.clock.set(iso);
  try {
    return await run();
  } finally {
    h.clock.set("2026-11-10T09:00:00+07:00");
  }
}

describe("before the month's last day", () => {
  test("on 10/11 /baocao offers October first (the latest open month), not November", async () => {
    const { secretary: s } = await freshSecretary(h);
    const r = await s.say("/baocao");
    expect(r.last.text).toBe(PERIOD_QUESTION);
    expect(buttonsOf(r.last)).toEqual(["Tháng 10/2026", "Tháng 09/2026"]);
    await s.say("/huy");
  });

  test("November typed on 10/11, in any form, is refused with the day it opens, and the question asked again", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/baocao");
    for (const typed of ["11/2026", "tháng 11", "11", "2026-11"]) {
      const r = await s.say(typed);
      expect(r.texts, typed).toEqual([NOVEMBER_NOT_OPEN, PERIOD_QUESTION]);
    }
    const december = await s.say("12/2026");
    expect(december.texts[0]).toBe(
      "Báo cáo tháng 12/2026 mở từ ngày 31/12/2026 (ngày cuối tháng), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng 10/2026.",
    );
    const r = await s.say("10/2026");
    expect(r.last.text).toContain("quần chúng ưu tú");
    await s.say("/huy");
    expect(await reportsOf(branch)).toHaveLength(0);
  });

  test("one second before 00:00 on 30/11 November is still refused; from 00:00 it is offered first and accepted", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await at("2026-11-29T23:59:59+07:00", async () => {
      const r = await s.say("/baocao");
      expect(buttonsOf(r.last)).toEqual(["Tháng 10/2026", "Tháng 09/2026"]);
      expect((await s.say("11/2026")).texts[0]).toBe(NOVEMBER_NOT_OPEN);
      await s.say("/huy");
    });
    await at("2026-11-30T00:00:00+07:00", async () => {
      let r = await s.say("/baocao");
      expect(buttonsOf(r.last)).toEqual(["Tháng 11/2026", "Tháng 10/2026"]);
      await s.press("Tháng 11/2026");
      for (const a of TYPICAL_ANSWERS) await (typeof a === "string" ? s.say(a) : s.press(a.press));
      r = await s.press("✅ Gửi báo cáo");
      expect(r.last.text).toContain("✅ Đã nhận báo cáo tháng 11/2026");
    });
    expect((await reportsOf(branch)).map((x) => [x.year, x.month])).toEqual([[2026, 11]]);
  });
});

describe("a button naming a month not open", () => {
  test("the reminder's button for November before 30/11 says when it opens and asks the month; the form's own buttons never offer it", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const r = await s.exchange(() =>
      h.fake.pushUpdate({
        callback_query: {
          id: h.fake.newCallbackId(s.id),
          from: { id: s.id, is_bot: false, first_name: s.firstName },
          chat_instance: `ci${s.id}`,
          data: "report:2026-11",
          message: { message_id: 1, date: 0, chat: { id: s.id, type: "private" }, text: "🔔" },
        },
      }),
    );
    expect(r.texts).toEqual([NOVEMBER_NOT_OPEN, PERIOD_QUESTION]);
    expect(buttonsOf(r.last)).toEqual(["Tháng 10/2026", "Tháng 09/2026"]);
    await s.say("/huy");
    expect(await reportsOf(branch)).toHaveLength(0);
  });
});

describe("a month typed after /baocao", () => {
  test("/baocao 10/2026 (or tháng 10) opens October directly, with nothing asked about the month", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    for (const typed of ["10/2026", "tháng 10", "T10/2026"]) {
      const r = await s.say(`/baocao ${typed}`);
      expect(r.texts, typed).toEqual(["Số quần chúng ưu tú (nguồn phát triển đảng viên) hiện có?"]);
      await s.say("/huy");
    }
    await s.say("/baocao 10/2026");
    for (const a of TYPICAL_ANSWERS) await (typeof a === "string" ? s.say(a) : s.press(a.press));
    const r = await s.press("✅ Gửi báo cáo");
    expect(r.last.text).toContain("✅ Đã nhận báo cáo tháng 10/2026");
    expect((await reportsOf(branch)).map((x) => [x.year, x.month])).toEqual([[2026, 10]]);
  });

  test("a month not open yet, one too old, or words that are no month are refused by the form's own rule, and the month is asked", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    const cases: [string, string][] = [
      ["11/2026", NOVEMBER_NOT_OPEN],
      ["10/2024", "Tháng 10/2024 đã quá cũ: chỉ nhận báo cáo của 24 tháng gần nhất. Xin liên hệ quản trị viên nếu cần sửa số liệu cũ."],
      ["tháng mười", "Chưa đọc được tháng. Xin gõ theo dạng tháng/năm, ví dụ 10/2026."],
      ["13/2026", "Chưa đọc được tháng. Xin gõ theo dạng tháng/năm, ví dụ 10/2026."],
    ];
    for (const [typed, problem] of cases) {
      const r = await s.say(`/baocao ${typed}`);
      expect(r.texts, typed).toEqual([problem, PERIOD_QUESTION]);
      expect(buttonsOf(r.last)).toEqual(["Tháng 10/2026", "Tháng 09/2026"]);
      await s.say("/huy");
    }
    // A second chance in the same form: the month typed then is taken.
    await s.say("/baocao 11/2026");
    expect((await s.say("09/2026")).last.text).toContain("quần chúng ưu tú");
    await s.say("/huy");
    expect(await reportsOf(branch)).toHaveLength(0);
  });
});
