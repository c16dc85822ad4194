// Quotas, the schedule, groups, digests at size, exports, and sending through Telegram's answers.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness } from "../support/harness.js";
import { branchWithSecretary, buildTree, fillReport, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  await buildTree(h, [
    { code: "CB-QT", name: "Chi bộ Trường THPT Quang Trung" },
    { code: "CB-VP", name: "Chi bộ Văn phòng" },
  ]);
});
afterAll(async () => h?.stop());

describe("quotas", () => {
  test("set for a branch and for a cohort, shown for the branch and summed for the committee, every change in /nhatky", async () => {
    const admin = h.admin();
    expect((await admin.say("/chitieu CB-QT 2026 7")).texts).toEqual([
      "Đã đặt chỉ tiêu kết nạp năm 2026 của Chi bộ Trường THPT Quang Trung (tất cả đối tượng): 7 (trước đó: chưa có).",
    ]);
    expect((await admin.say("/chitieu CB-QT 2026 9")).last.text).toContain("9 (trước đó: 7)");
    expect((await admin.say("/chitieu cb-qt 2026 7 hocsinh")).last.text).toContain("(học sinh): 7");
    await admin.say("/chitieu CB-VP 2026 2");
    expect((await admin.say("/chitieu CB-QT")).last.text).toBe(
      "Chỉ tiêu kết nạp năm 2026 của Chi bộ Trường THPT Quang Trung:\nTổng: 9 đảng viên\n  · học sinh: 7",
    );
    expect((await admin.say("/chitieu DU-SGD")).last.text).toBe(
      "Chỉ tiêu kết nạp năm 2026 của Đảng ủy Sở Giáo dục và Đào tạo (tổng 2 chi bộ trực thuộc):\nTổng: 11 đảng viên\n  · học sinh: 7",
    );
    const log = (await admin.say("/nhatky")).texts.join("\n");
    expect(log).toContain("chỉ tiêu năm 2026 của CB-QT (tất cả đối tượng): 7 → 9");
    expect(log).toContain("chỉ tiêu năm 2026 của CB-QT (học sinh): chưa có → 7");
    // An administrator who gave no name (/hoso) is named by the role and Telegram id.
    expect(log).toContain(`· quản trị viên (mã ${h.config.ADMIN_IDS[0]}) ·`);
    expect(log).toContain("thêm đơn vị CB-QT: Chi bộ Trường THPT Quang Trung");
  });

  test.each([
    ["/chitieu", "Cách dùng:"],
    ["/chitieu CB-QT 2026", "Cách dùng:"],
    ["/chitieu KHONG 2026 3", "Không có đơn vị mã KHONG."],
    ["/chitieu DU-SGD 2026 3", "Chỉ tiêu được giao cho từng chi bộ"],
    ["/chitieu CB-QT 1999 3", "Năm phải từ 2025 đến 2027."],
    ["/chitieu CB-QT 2026 -3", "Chỉ tiêu phải là số nguyên từ 0 đến 10.000."],
    ["/chitieu CB-QT 2026 2,5", "Chỉ tiêu phải là số nguyên từ 0 đến 10.000."],
    ["/chitieu CB-QT 2026 3 giaosu", 'Đối tượng phải là một trong: giáo viên, giảng viên (gõ giáo viên hoặc giảng viên); học sinh; sinh viên; khác (gõ có dấu hay không dấu đều được, ví dụ "học sinh" hoặc "hocsinh").'],
    ["/chitieu CB-QT 3 học sinh giỏi", "Đối tượng phải là một trong: giáo viên, giảng viên (gõ giáo viên hoặc giảng viên); học sinh; sinh viên; khác"],
    ["/chitieu CB-QT 2,5 học sinh", "Chỉ tiêu phải là số nguyên từ 0 đến 10.000."],
  ])("%s is refused and changes nothing", async (command, answer) => {
    const before = await h.app.db.quota.findMany();
    expect((await h.admin().say(command)).last.text).toContain(answer);
    expect(await h.app.db.quota.findMany()).toEqual(before);
  });

  test("a cohort typed with or without marks, in one word or two, and a year left out (this year) are understood", async () => {
    const admin = h.admin();
    const quota = async (cohort: string, year = 2026) =>
      (await h.app.db.quota.findFirst({ where: { unit: { code: "CB-QT" }, year, cohort } }))?.value;
    expect((await admin.say("/chitieu CB-QT 2026 2 học sinh")).texts).toEqual([
      "Đã đặt chỉ tiêu kết nạp năm 2026 của Chi bộ Trường THPT Quang Trung (học sinh): 2 (trước đó: 7).",
    ]);
    expect(await quota("admittedPupils")).toBe(2);
    expect((await admin.say("/chitieu CB-QT 7")).texts).toEqual([
      "Đã đặt chỉ tiêu kết nạp năm 2026 của Chi bộ Trường THPT Quang Trung (tất cả đối tượng): 7 (trước đó: 9).",
    ]);
    expect(await quota("ALL")).toBe(7);
    expect((await admin.say("/chitieu CB-QT 3 Giáo Viên")).last.text).toContain("năm 2026 của Chi bộ Trường THPT Quang Trung (giáo viên, giảng viên): 3");
    expect((await admin.say("/chitieu CB-QT 1 giáo viên, giảng viên")).last.text).toContain("(giáo viên, giảng viên): 1 (trước đó: 3)");
    expect((await admin.say("/chitieu CB-QT 2027 1 sinh vien")).last.text).toContain("năm 2027 của Chi bộ Trường THPT Quang Trung (sinh viên): 1");
    expect(await quota("admittedStudents", 2027)).toBe(1);
    expect((await admin.say("/chitieu CB-QT 0 khác")).last.text).toContain("(đối tượng khác): 0");
    expect((await admin.say("/chitieu CB-QT")).last.text).toBe(
      "Chỉ tiêu kết nạp năm 2026 của Chi bộ Trường THPT Quang Trung:\nTổng: 7 đảng viên\n  · giáo viên, giảng viên: 1\n  · học sinh: 2",
    );
  });

  test("only administrators change quotas or the schedule", async () => {
    const s = await branchWithSecretary(h, 7301, "Thảo", "CB-VP");
    for (const c of ["/chitieu CB-VP 2026 99", "/hanbaocao 10", "/nhatky", "/caidat"]) {
      expect((await s.say(c)).texts).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
    }
    expect((await h.app.db.quota.findFirst({ where: { unit: { code: "CB-VP" } } }))?.value).toBe(2);
  });
});

describe("the schedule", () => {
  test("an administrator moves the deadline, the reminder days and the digest; bad values are refused", async () => {
    const admin = h.admin();
    expect((await admin.say("/caidat")).last.text).toContain("Hạn nộp báo cáo tháng: ngày 5 tháng sau");
    for (const bad of ["/hanbaocao 0", "/hanbaocao 31", "/hanbaocao mười"]) {
      expect((await admin.say(bad)).last.text).toContain("Cách dùng: /hanbaocao <ngày>");
    }
    expect((await admin.say("/nhacnho 3 3")).last.text).toContain("Cách dùng: /nhacnho");
    expect((await admin.say("/nhacnho 40")).last.text).toContain("Cách dùng: /nhacnho");
    expect((await admin.say("/lichtonghop T9 08:00")).last.text).toContain("Cách dùng: /lichtonghop");
    let r = await admin.say("/hanbaocao 10");
    expect(r.last.text).toContain("✅ Đã lưu lịch mới.\n🗓 Lịch hiện tại (giờ Việt Nam):\n· Hạn nộp báo cáo tháng: ngày 10 tháng sau");
    r = await admin.say("/nhacnho 0, 2");
    expect(r.last.text).toContain("Nhắc bí thư chưa nộp: 2, 0 ngày trước hạn, lúc 08:00");
    r = await admin.say("/lichtonghop T3 9:30");
    expect(r.last.text).toContain("Tổng hợp hằng tuần: thứ Ba lúc 09:30");

    // A report filed on 8 November for October is now on time.
    const s = await branchWithSecretary(h, 7401, "Vy", "CB-QT");
    h.clock.set("2026-11-08T09:00:00+07:00");
    try {
      await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
      r = await s.press("✅ Gửi báo cáo");
      expect(r.last.text).not.toContain("muộn");
    } finally {
      await admin.say("/hanbaocao 5");
      await admin.say("/nhacnho 3 1 0");
      await admin.say("/lichtonghop T2 08:00");
      h.clock.set("2026-11-03T09:00:00+07:00");
    }
  });
});

describe("groups and digests", () => {
  test("only an administrator registers a group; anyone in it may ask /tonghop; /huynhom stops the weekly digest", async () => {
    const admin = h.admin();
    const member = h.user(7501, "Hùng");
    const g = h.group(-2001, "Ban Tổ chức");
    expect((await g.say(member, "/dangkynhom DU-SGD")).texts).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
    expect((await g.say(member, "/tonghop")).texts).toEqual([
      "Nhóm này chưa được đăng ký nhận tổng hợp. Quản trị viên gõ /dangkynhom <mã đơn vị> trong nhóm để đăng ký.",
    ]);
    expect((await g.say(admin, "/dangkynhom KHONG")).texts).toEqual(["Không có đơn vị mã KHONG. Gõ /donvi để xem các mã."]);
    await g.say(admin, "/dangkynhom DU-SGD");
    const r = await g.say(member, "/tonghop 10/2026");
    expect(r.texts[0]).toContain("📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo · tháng 10/2026");
    expect((await g.say(member, "/tonghop hôm qua")).texts[0]).toContain("Cách dùng: /tonghop");
    // Outside a registered group only committee members (for their units) and administrators may ask.
    // A branch of her own: a branch has one secretary (CB-VP's is Thảo).
    const secretary = await branchWithSecretary(h, 7502, "Ngọc", "CB-NGOC");
    expect((await secretary.say("/tonghop")).texts).toEqual([
      "Đồng chí chỉ xem được tổng hợp, tệp Excel của đơn vị mình là cấp ủy viên và các đơn vị trực thuộc; trong nhóm cấp ủy đã đăng ký, gõ /tonghop.",
    ]);
    expect((await h.user(7503, "Lạ").say("/tonghop")).texts[0]).toContain("chỉ phục vụ bí thư chi bộ");
    expect((await admin.say("/tonghop DU-SGD 10/2026")).texts[0]).toContain("📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo");

    expect((await g.say(member, "/huynhom")).texts).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
    expect((await g.say(admin, "/huynhom")).texts).toEqual(["Nhóm này sẽ không nhận tổng hợp nữa."]);
    const before = g.messages().length;
    await h.at("2026-11-09T08:00:00+07:00");
    expect(g.messages().length).toBe(before);
    h.clock.set("2026-11-03T09:00:00+07:00");
  });

  test("a digest stays readable for 5 branches and for 500", async () => {
    const admin = h.admin();
    for (const [code, count] of [
      ["DU-NHO", 5],
      ["DU-LON", 500],
    ] as const) {
      await admin.say(`/themdonvi ${code} - Đảng ủy ${count} chi bộ`);
      const parent = await h.app.db.unit.findUniqueOrThrow({ where: { code } });
      await h.app.db.unit.createMany({
        data: Array.from({ length: count }, (_, i) => ({
          code: `${code}-${String(i).padStart(3, "0")}`,
          name: `Chi bộ trường số ${i} thuộc ${code}`,
          kind: "BRANCH",
          parentId: parent.id,
          createdBy: 1n,
        })),
      });
    }
    const small = await admin.say("/tonghop DU-NHO 10/2026");
    expect(small.messages).toHaveLength(1);
    for (let i = 0; i < 5; i++) expect(small.texts[0]).toContain(`DU-NHO-00${i}: Chi bộ trường số ${i}`);

    const large = await admin.say("/tonghop DU-LON 10/2026");
    expect(large.messages.length).toBeLessThanOrEqual(2);
    for (const m of large.messages) expect(m.text.length).toBeLessThanOrEqual(4096);
    const text = large.texts.join("\n");
    expect(text).toContain("📨 Báo cáo: 0/500 chi bộ đã gửi");
    expect(text).toContain("Chưa gửi (500):");
    expect(text).toContain("… và 480 chi bộ khác (xem đầy đủ bằng /xuat)");
  });

  test("a province of 5,000 branches gets its digest, its quota sum (more ids than SQLite binds at once) and its workbook", async () => {
    const admin = h.admin();
    await admin.say("/themdonvi DU-TINH - Tỉnh ủy");
    const parent = await h.app.db.unit.findUniqueOrThrow({ where: { code: "DU-TINH" } });
    await h.app.db.unit.createMany({
      data: Array.from({ length: 5000 }, (_, i) => ({ code: `T-${i}`, name: `Chi bộ ${i}`, kind: "BRANCH", parentId: parent.id, createdBy: 1n })),
    });
    await admin.say("/chitieu T-4999 2026 3");
    expect((await admin.say("/tonghop DU-TINH 10/2026")).texts.join("\n")).toContain("📨 Báo cáo: 0/5.000 chi bộ đã gửi");
    expect((await admin.say("/chitieu DU-TINH")).last.text).toContain("Tổng: 3 đảng viên");
    const r = await admin.say("/xuat DU-TINH 2026");
    expect(r.last.method).toBe("sendDocument");
    expect(r.last.text).toContain("📎 Số liệu của Tỉnh ủy, năm 2026:");
  });

  test("a unit of more than 10,000 branches is not put in one workbook: /xuat says to export the units below it", async () => {
    const admin = h.admin();
    await admin.say("/themdonvi DU-TW - Đảng bộ toàn quốc");
    const parent = await h.app.db.unit.findUniqueOrThrow({ where: { code: "DU-TW" } });
    await h.app.db.unit.createMany({
      data: Array.from({ length: 10_001 }, (_, i) => ({ code: `TW-${i}`, name: `Chi bộ ${i}`, kind: "BRANCH", parentId: parent.id, createdBy: 1n })),
    });
    try {
      const r = await admin.say("/xuat DU-TW 2026");
      expect(r.texts).toEqual([
        "Đảng bộ toàn quốc có 10.001 chi bộ, quá nhiều cho một tệp Excel (tối đa 10.000). Đồng chí xuất từng đơn vị trực thuộc, ví dụ /xuat <mã đơn vị> 2026; gõ /donvi để xem các mã.",
      ]);
      expect(r.messages.map((m) => m.method)).toEqual(["sendMessage"]);
    } finally {
      // The other tests here count branches of the whole tree.
      await h.app.db.unit.deleteMany({ where: { parentId: parent.id } });
      await h.app.db.unit.delete({ where: { id: parent.id } });
    }
  });

  test("/xuat sends a workbook with Vietnamese headers, dates as dates and numbers as numbers", async () => {
    const s = await branchWithSecretary(h, 7601, "Xuân", "CB-XUAN");
    await fillReport(s, "Tháng 09/2026", TYPICAL_ANSWERS);
    await s.press("✅ Gửi báo cáo");
    const g = h.group(-3001, "Văn phòng Đảng ủy");
    await g.say(h.admin(), "/dangkynhom DU-SGD");
    // Asked in the group, the workbook goes to the administrator's private chat (issue 12, point 8).
    const admin = h.admin();
    const r = await g.say(admin, "/xuat 2026");
    expect(r.texts).toEqual(["📎 Đã gửi tệp Excel của Đảng ủy Sở Giáo dục và Đào tạo vào trò chuyện riêng của đồng chí với Trợ lý."]);
    const doc = h.fake.messagesTo(admin.id).at(-1)!;
    expect(doc.method).toBe("sendDocument");
    expect(doc.text).toContain("📎 Số liệu của Đảng ủy Sở Giáo dục và Đào tạo, năm 2026:");
    const name = String(doc.document).replace(/^upload:/, "");
    expect(name).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(h.fake.uploads.get(name)! as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Báo cáo tháng", "Sinh hoạt chi bộ", "Tiến độ chỉ tiêu"]);
    const sheet = wb.getWorksheet("Báo cáo tháng")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(["Mã chi bộ", "Tên chi bộ", "Tháng", "Quần chúng ưu tú (nguồn phát triển đảng viên)"]);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1));
    const september = rows.find((v) => v[0] === "CB-XUAN" && (v[2] as Date).getUTCMonth() === 8)!;
    expect(september[2]).toBeInstanceOf(Date);
    expect(september[3]).toBe(12);
  });
});

describe("sending through Telegram's answers", () => {
  test("a 429 is waited out with its retry_after and the reminder arrives once; a blocked recipient is recorded and skipped", async () => {
    const admin = h.admin();
    await admin.say("/themchibo CB-R1 DU-SGD Chi bộ R1");
    await admin.say("/themchibo CB-R2 DU-SGD Chi bộ R2");
    const r1 = await branchWithSecretary(h, 7701, "Một", "CB-R1");
    const r2 = await branchWithSecretary(h, 7702, "Hai", "CB-R2");
    // Reminders are due for December's report on 2 January.
    await h.at("2026-12-31T09:00:00+07:00");
    h.fake.failNext({ method: "sendMessage", chatId: r1.id, status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } });
    h.fake.failNext({ method: "sendMessage", chatId: r2.id, status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } });
    const result = await h.at("2027-01-02T08:00:00+07:00");
    const toR1 = h.fake.calls.filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === r1.id && String(c.params.text).startsWith("🔔"));
    expect(toR1).toHaveLength(2);
    expect(toR1[1]!.at - toR1[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(h.fake.messagesTo(r1.id).filter((m) => m.text.startsWith("🔔"))).toHaveLength(1);
    expect(h.fake.messagesTo(r2.id).filter((m) => m.text.startsWith("🔔"))).toHaveLength(0);
    const blocked = await h.app.db.delivery.findFirstOrThrow({ where: { chatId: BigInt(r2.id), occasion: "reminder:2026-12:d3" } });
    expect(blocked.status).toBe("BLOCKED");
    expect(result.blocked).toBe(1);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    // The run went on past the blocked recipient, and it is not tried again.
    await h.app.scheduler.tick();
    expect(h.fake.calls.filter((c) => Number(c.params.chat_id) === r2.id && String(c.params.text).startsWith("🔔"))).toHaveLength(1);
    h.clock.set("2026-11-03T09:00:00+07:00");
  });
  test("Telegram out of reach for a whole reminder round and longer: nothing is given up, and once it answers each secretary gets one reminder", async () => {
    const admin = h.admin();
    await admin.say("/themchibo CB-N1 DU-SGD Chi bộ N1");
    await admin.say("/themchibo CB-N2 DU-SGD Chi bộ N2");
    const n1 = await branchWithSecretary(h, 7711, "Ba", "CB-N1");
    const n2 = await branchWithSecretary(h, 7712, "Bốn", "CB-N2");
    await h.at("2027-03-31T09:00:00+07:00");
    await h.fake.refuseConnections();
    try {
      // Reminders for March's report fall due on 2 April (January's deadline moves with Tết); more rounds than a delivery's attempts go by.
      for (let minute = 0; minute < 7; minute++) {
        const result = await h.at(`2027-04-02T08:0${minute}:00+07:00`);
        expect(result.sent).toBe(0);
        expect(result.failed).toBe(0);
      }
      const waiting = await h.app.db.delivery.findMany({ where: { occasion: "reminder:2027-03:d3" } });
      expect(waiting.map((d) => Number(d.chatId))).toEqual(expect.arrayContaining([n1.id, n2.id]));
      // Still to send, and no attempt counted against the messages: Telegram was away, not they at fault.
      for (const d of waiting) expect([d.status, d.attempts]).toEqual(["PENDING", 0]);
    } finally {
      await h.fake.acceptConnections();
    }
    await h.at("2027-04-02T08:10:00+07:00");
    for (const s of [n1, n2]) expect(h.fake.messagesTo(s.id).filter((m) => m.text.startsWith("🔔"))).toHaveLength(1);
    h.clock.set("2026-11-03T09:00:00+07:00");
  }, 60_000);

  test("after a crash, a reminder that was claimed but not yet sent is sent once; one cut off on its way is not sent twice", async () => {
    const admin = h.admin();
    await admin.say("/themchibo CB-K1 DU-SGD Chi bộ K1");
    await admin.say("/themchibo CB-K2 DU-SGD Chi bộ K2");
    const claimed = await branchWithSecretary(h, 7711, "Ba", "CB-K1");
    const inFlight = await branchWithSecretary(h, 7712, "Bốn", "CB-K2");
    // What a process that died mid-round leaves behind: one delivery it had
    // claimed and was rendering, one whose request was on its way to Telegram.
    const occasion = "reminder:2027-04:d3";
    await h.app.db.jobRun.create({ data: { occasion, kind: "reminder", payload: JSON.stringify({ period: { year: 2027, month: 4 } }), dueAt: new Date(), plannedAt: new Date() } });
    for (const [who, code, status] of [[claimed, "CB-K1", "CLAIMED"], [inFlight, "CB-K2", "SENDING"]] as const) {
      const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code } });
      await h.app.db.delivery.create({
        data: { occasion, chatId: BigInt(who.id), payload: JSON.stringify({ unitIds: [unit.id] }), status, attempts: 1, sentParts: 0, updatedAt: new Date(0) },
      });
    }
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    const aprilReminders = (id: number) => h.fake.messagesTo(id).filter((m) => m.text.startsWith("🔔 Nhắc hạn: báo cáo phát triển đảng viên tháng 04/2027"));
    expect(aprilReminders(claimed.id)).toHaveLength(1);
    expect(aprilReminders(inFlight.id)).toHaveLength(0);
    const left = await h.app.db.delivery.findFirstOrThrow({ where: { occasion, chatId: BigInt(inFlight.id) } });
    expect(left.status).toBe("SENT");
    expect(left.error).toContain("interrupted");
    expect(await h.app.db.jobRun.findUniqueOrThrow({ where: { occasion } })).toMatchObject({ finishedAt: expect.any(Date) });
  });
});
