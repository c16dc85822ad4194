// Who gets what from the commands that look at a unit, through the real bot's
// middleware and features (test/support/memory-bot.ts: no process, no HTTP).
// The rules themselves are tabled in test/unit/access.test.ts; this checks that
// every handler asks them, and what each person reads when it says no.
//
// The tree: DU (a Đảng ủy) with the branch CB-A; DU2, another Đảng ủy, with CB-B.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createI18n, translator } from "../../src/i18n.js";
import { MEMORY_ADMIN, MemoryBot, Role, UnitKind } from "../support/memory-bot.js";

const t = translator(createI18n());

const PEOPLE = {
  stranger: 920001,
  secretary: 920002,
  deputy: 920003,
  committee: 920004,
  otherCommittee: 920005,
  admin: MEMORY_ADMIN,
} as const;
type Person = keyof typeof PEOPLE;

let m: MemoryBot;
beforeAll(async () => {
  m = await MemoryBot.start("2026-11-10T09:00:00+07:00");
  await m.unit("DU", UnitKind.COMMITTEE, null);
  await m.unit("CB-A", UnitKind.BRANCH, "DU");
  await m.unit("DU2", UnitKind.COMMITTEE, null);
  await m.unit("CB-B", UnitKind.BRANCH, "DU2");
  await m.member(PEOPLE.secretary, Role.SECRETARY, "CB-A");
  await m.member(PEOPLE.deputy, Role.DEPUTY, "CB-A");
  await m.member(PEOPLE.committee, Role.COMMITTEE, "DU");
  await m.member(PEOPLE.otherCommittee, Role.COMMITTEE, "DU2");
});
afterAll(async () => m?.stop());

const refusal = {
  noRole: t("refuse-no-role", { id: String(PEOPLE.stranger) }),
  adminOnly: t("refuse-admin-only"),
  secretaryOnly: t("refuse-secretary-only"),
  deputyWaits: t("refuse-deputy-not-delegated", { unit: "Đơn vị CB-A" }),
  minutes: t("minutes-not-allowed"),
  reviewer: t("review-not-reviewer"),
  digest: t("digest-not-allowed"),
  handover: t("handover-secretary-only"),
};

/** The first text each person gets for a command: a refusal's text, or what only an allowed person reads. */
const TABLE: { command: string; answers: Record<Person, string> }[] = [
  {
    command: "/baocao",
    answers: {
      stranger: refusal.noRole,
      secretary: t("report-ask-period"),
      deputy: refusal.deputyWaits,
      committee: refusal.secretaryOnly,
      otherCommittee: refusal.secretaryOnly,
      admin: refusal.secretaryOnly,
    },
  },
  {
    command: "/xembienban CB-A 10/2026",
    answers: {
      stranger: refusal.noRole,
      secretary: t("minutes-none", { unit: "Đơn vị CB-A", period: "10/2026" }),
      deputy: t("minutes-none", { unit: "Đơn vị CB-A", period: "10/2026" }),
      committee: t("minutes-none", { unit: "Đơn vị CB-A", period: "10/2026" }),
      otherCommittee: refusal.minutes,
      admin: t("minutes-none", { unit: "Đơn vị CB-A", period: "10/2026" }),
    },
  },
  {
    command: "/choduyet",
    answers: {
      stranger: refusal.noRole,
      secretary: refusal.reviewer,
      deputy: refusal.reviewer,
      committee: t("review-queue-empty"),
      otherCommittee: t("review-queue-empty"),
      admin: t("review-queue-empty"),
    },
  },
  {
    command: "/khoaso 13/2026",
    answers: {
      stranger: refusal.noRole,
      secretary: refusal.adminOnly,
      deputy: refusal.adminOnly,
      committee: refusal.adminOnly,
      otherCommittee: refusal.adminOnly,
      admin: t("close-bad-month"),
    },
  },
  {
    command: "/tonghop 13/2026",
    answers: {
      stranger: refusal.noRole,
      secretary: t("digest-usage"),
      deputy: t("digest-usage"),
      committee: t("digest-usage"),
      otherCommittee: t("digest-usage"),
      admin: t("digest-usage"),
    },
  },
  {
    command: "/tonghop",
    answers: {
      stranger: refusal.noRole,
      secretary: refusal.digest,
      deputy: refusal.digest,
      // A committee member reads their own unit's (issue 12, point 7).
      committee: expect.stringContaining("📊 Tổng hợp Đơn vị DU ·") as unknown as string,
      otherCommittee: expect.stringContaining("📊 Tổng hợp Đơn vị DU2 ·") as unknown as string,
      admin: expect.stringContaining("Đơn vị DU") as unknown as string,
    },
  },
  {
    command: "/tonghop CB-A",
    answers: {
      stranger: refusal.noRole,
      secretary: refusal.digest,
      deputy: refusal.digest,
      committee: expect.stringContaining("📊 Tổng hợp Đơn vị CB-A ·") as unknown as string,
      otherCommittee: refusal.digest,
      admin: expect.stringContaining("📊 Tổng hợp Đơn vị CB-A ·") as unknown as string,
    },
  },
  {
    command: "/tiendo CB-A",
    answers: {
      stranger: refusal.noRole,
      secretary: expect.stringContaining("📈 Đơn vị CB-A") as unknown as string,
      deputy: expect.stringContaining("📈 Đơn vị CB-A") as unknown as string,
      committee: expect.stringContaining("📈 Đơn vị CB-A") as unknown as string,
      otherCommittee: t("progress-not-allowed", { unit: "Đơn vị CB-A", code: "CB-A" }),
      admin: expect.stringContaining("📈 Đơn vị CB-A") as unknown as string,
    },
  },
  {
    command: "/chitieu CB-A",
    answers: {
      stranger: refusal.noRole,
      secretary: refusal.adminOnly,
      deputy: refusal.adminOnly,
      committee: expect.stringContaining("Đơn vị CB-A") as unknown as string,
      otherCommittee: t("quota-not-allowed", { unit: "Đơn vị CB-A" }),
      admin: expect.stringContaining("Đơn vị CB-A") as unknown as string,
    },
  },
  {
    command: "/uyquyen huy",
    answers: {
      stranger: refusal.noRole,
      secretary: expect.stringContaining("Đơn vị CB-A") as unknown as string,
      deputy: refusal.handover,
      committee: refusal.handover,
      otherCommittee: refusal.handover,
      admin: refusal.handover,
    },
  },
];

describe("each person's first answer to a command that looks at a unit", () => {
  for (const row of TABLE) {
    for (const person of Object.keys(PEOPLE) as Person[]) {
      test(`${row.command} from the ${person}`, async () => {
        const texts = await m.say(PEOPLE[person], row.command);
        expect(texts[0]).toEqual(row.answers[person]);
        // A form opened by an allowed /baocao is left, so the next row starts afresh.
        await m.say(PEOPLE[person], "/huy");
      });
    }
  }
});

describe("a form's steps, in memory", () => {
  test("a wrong answer to the month is refused with the reason and the same question comes again", async () => {
    await m.say(PEOPLE.secretary, "/baocao");
    expect(m.lastButtons(PEOPLE.secretary).map(([label]) => label)).toEqual(["Tháng 10/2026", "Tháng 09/2026"]);
    const texts = await m.say(PEOPLE.secretary, "13/2026");
    expect(texts).toHaveLength(2);
    expect(texts[1]).toBe(t("report-ask-period"));
    expect(await m.db.report.count()).toBe(0);
    await m.say(PEOPLE.secretary, "/huy");
  });

  test("the form's stored state keeps no copy of the messages the bot sent (small, for every later answer reads it)", async () => {
    await m.say(PEOPLE.secretary, "/baocao");
    const [, month] = m.lastButtons(PEOPLE.secretary)[0]!;
    await m.press(PEOPLE.secretary, month, m.lastMessageId());
    const asked = await m.say(PEOPLE.secretary, "12");
    expect(asked.at(-1)).toBe(t("report-ask-awarenessClass"));
    const row = await m.db.conversationState.findUniqueOrThrow({ where: { key: String(PEOPLE.secretary) } });
    // Telegram's answer to the question just sent carried its text; only its id is kept.
    expect(row.value).not.toContain(t("report-ask-awarenessClass"));
    expect(row.value).toContain(`"message_id":${m.lastMessageId()}`);
    await m.say(PEOPLE.secretary, "/huy");
  });

  test("a forged month button is refused as a typed one would be, and nothing is stored", async () => {
    await m.say(PEOPLE.secretary, "/baocao");
    const question = m.lastMessageId();
    const texts = await m.press(PEOPLE.secretary, "a:2026-13", question);
    expect(texts.at(-1)).toBe(t("report-ask-period"));
    expect(await m.db.report.count()).toBe(0);
    await m.say(PEOPLE.secretary, "/huy");
  });
});
