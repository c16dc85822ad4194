// The lists of each role's commands (src/domain/commands.ts) against what the real
// bot answers (test/support/memory-bot.ts): every command a person's lists give is
// answered, not refused; every command they lack is refused. The menu and /trogiup
// are written from the same lists, so neither can promise a command the bot then
// refuses, nor leave out one it serves.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { audiencesOf, GROUP_COMMANDS, menuOf, PRIVATE_ONLY_COMMANDS, ROLE_COMMANDS } from "../../src/domain/commands.js";
import type { Actor } from "../../src/domain/roles.js";
import { createI18n, translator } from "../../src/i18n.js";
import { helpText, personalMenu } from "../../src/messages/help.js";
import { loadActor } from "../../src/store/access.js";
import { MEMORY_ADMIN, MemoryBot, Role, UnitKind } from "../support/memory-bot.js";

const t = translator(createI18n());

const PEOPLE = { stranger: 930001, secretary: 930002, deputy: 930003, committee: 930004, admin: MEMORY_ADMIN } as const;
type Person = keyof typeof PEOPLE;
const GROUP = -1009300;
const OTHER_GROUP = -1009301;

/** What the bot says when a person may not use a command (or, for a command typed in private, does not know it). */
const REFUSALS = [
  t("refuse-no-role", { id: String(PEOPLE.stranger) }),
  t("refuse-admin-only"),
  t("refuse-secretary-only"),
  t("minutes-not-allowed"),
  t("review-not-reviewer"),
  t("digest-not-allowed"),
  t("handover-secretary-only"),
  t("totals-not-committee"),
  t("unknown-input"),
  t("export-group-not-allowed", { unit: "Đơn vị DU" }),
];
const refused = (answer: string | undefined) => answer !== undefined && (REFUSALS.includes(answer) || answer.startsWith(t("refuse-deputy-not-delegated", { unit: "" }).slice(0, 20)));

const privateCommands = [...new Set(Object.values(ROLE_COMMANDS).flat().filter((e) => e.where === "private").map((e) => e.command))];
const groupCommands = [...new Set(Object.values(ROLE_COMMANDS).flat().filter((e) => e.where === "group").map((e) => e.command))];

let m: MemoryBot;
const actors = {} as Record<Person, Actor>;
beforeAll(async () => {
  m = await MemoryBot.start("2026-11-10T09:00:00+07:00");
  await m.unit("DU", UnitKind.COMMITTEE, null);
  await m.unit("CB-A", UnitKind.BRANCH, "DU");
  await m.member(PEOPLE.secretary, Role.SECRETARY, "CB-A");
  await m.member(PEOPLE.deputy, Role.DEPUTY, "CB-A");
  await m.member(PEOPLE.committee, Role.COMMITTEE, "DU");
  expect(await m.sayInGroup(GROUP, MEMORY_ADMIN, "/dangkynhom DU")).toEqual([t("group-registered", { unit: "Đơn vị DU" })]);
  // The deputy's /baocao and /bienban are theirs while the secretary has handed over.
  await m.say(PEOPLE.secretary, "/uyquyen");
  for (const p of Object.keys(PEOPLE) as Person[]) actors[p] = await loadActor(m.db, PEOPLE[p], [MEMORY_ADMIN]);
}, 30_000);
afterAll(async () => m?.stop());

describe("the lists are what the bot does", () => {
  for (const person of ["secretary", "deputy", "committee", "admin"] as const) {
    test(`in private, the ${person} is answered exactly on the commands of their lists`, async () => {
      const listed = new Set(menuOf(actors[person]).map((e) => e.command));
      const wrong: string[] = [];
      for (const command of privateCommands) {
        const [answer] = await m.say(PEOPLE[person], `/${command}`);
        if (refused(answer) === listed.has(command)) wrong.push(`/${command} ${listed.has(command) ? "listed but refused" : "answered but not listed"}: ${answer}`);
        await m.say(PEOPLE[person], "/huy");
      }
      expect(wrong).toEqual([]);
    }, 30_000);
  }

  test("someone with no role is refused every command of the lists (the way in is an invite link)", async () => {
    expect(audiencesOf(actors.stranger)).toEqual([]);
    for (const command of privateCommands.filter((c) => c !== "huy")) {
      expect(await m.say(PEOPLE.stranger, `/${command}`), command).toEqual([t("refuse-no-role", { id: String(PEOPLE.stranger) })]);
    }
  });

  for (const person of Object.keys(PEOPLE) as Person[]) {
    test(`in a registered group, the ${person} may use the group's commands (the workbook only with a role for its unit), and the administrators' only if an administrator`, async () => {
      // /xuat's workbook, with names and removal reasons, is for the committee of the group's unit and administrators (issue 12, point 8).
      const exports = person === "committee" || person === "admin";
      for (const e of GROUP_COMMANDS) {
        expect(refused((await m.sayInGroup(GROUP, PEOPLE[person], `/${e.command}`)).at(-1)), e.command).toBe(e.command === "xuat" && !exports);
      }
      for (const command of groupCommands) {
        // Another group, so that /huynhom leaves the registered one as it is.
        const [answer] = await m.sayInGroup(OTHER_GROUP, PEOPLE[person], `/${command}`);
        expect(refused(answer), `${command}: ${answer}`).toBe(person !== "admin");
      }
    });

    test(`in a group, every private command from the ${person} gets one pointer to the private chat`, async () => {
      for (const command of PRIVATE_ONLY_COMMANDS) {
        expect(await m.sayInGroup(GROUP, PEOPLE[person], `/${command}`), command).toEqual([t("group-private-only", { command })]);
        const markup = m.calls.at(-1)!.payload.reply_markup as { inline_keyboard: { url: string }[][] };
        expect(markup.inline_keyboard.flat().map((b) => b.url)).toEqual([expect.stringMatching(/^https:\/\/t\.me\/TroLyChiBoTestBot\?start=(baocao|bienban|tiendo|trogiup)$/)]);
      }
    });
  }
});

describe("/trogiup and the menu say the same", () => {
  for (const person of ["secretary", "deputy", "committee", "admin"] as const) {
    test(`the ${person}'s /trogiup is their lists, every menu command in it, in short lines`, async () => {
      const [help] = await m.say(PEOPLE[person], "/trogiup");
      expect(help).toBe(helpText(t, actors[person]));
      for (const { command } of personalMenu(t, actors[person])) expect(help, command).toMatch(new RegExp(`^/${command}\\b`, "m"));
      const lines = help!.split("\n").filter((l) => l.startsWith("/"));
      expect(lines.filter((l) => l.length > 48)).toEqual([]);
    });
  }

  test("a person with two roles gets both sections, and each command once in the menu", () => {
    const both: Actor = { ...actors.secretary, memberships: [...actors.secretary.memberships, ...actors.committee.memberships] };
    expect(audiencesOf(both)).toEqual(["secretary", "committee", "common"]);
    const menu = menuOf(both).map((e) => e.command);
    expect(menu).toEqual([...new Set(menu)]);
    expect(menu).toEqual(["baocao", "bienban", "xembienban", "tiendo", "uyquyen", "nghi", "yeucau", "choduyet", "tonghop", "xuat", "chitieu", "tinhtong", "caidat", "hoso", "huy", "trogiup"]);
  });

  test("the administrator's help has every administrator command the issue names", () => {
    const help = helpText(t, actors.admin);
    for (const c of ["chitieu", "hanbaocao", "nhacnho", "lichtonghop", "caidat", "nhatky", "dangkynhom", "huynhom", "tonghop", "xuat"]) expect(help).toMatch(new RegExp(`^/${c}\\b`, "m"));
  });
});
