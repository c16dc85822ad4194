// The commands each role may use: the one list that the command menu beside the
// text box (src/outbox/menus.ts), /trogiup (src/messages/help.ts) and the tests
// read, so that what a person is shown and what the bot answers never disagree.
// A command a role gains (or loses) is a line here, beside the access rule that
// grants it (src/domain/access.ts); test/unit/role-commands.test.ts asks the real
// bot every command as every person and fails on a command listed but refused,
// or answered but not listed.
import { Role, type Actor } from "./roles.js";

/** Whom a list is for: the roles a person can hold, administrators, and everyone with any of these. */
export const Audience = {
  SECRETARY: "secretary",
  DEPUTY: "deputy",
  COMMITTEE: "committee",
  ADMIN: "admin",
  /** Everyone the bot serves, whatever their role: /huy, /trogiup. */
  COMMON: "common",
} as const;
export type Audience = (typeof Audience)[keyof typeof Audience];

export interface CommandEntry {
  /** Without the slash, as Telegram's menu takes it. */
  command: string;
  /** Locale key of its line in /trogiup: the command, what it takes, what it does, short enough for a phone. */
  help: string;
  /**
   * Locale key of its description in the menu; a command listed twice in a list takes its first.
   * None for an administrator's group command: a group's menu is everyone's there.
   */
  menu: string | null;
  /** "group": typed in a committee's group chat (shown in /trogiup, not in the private chat's menu). */
  where: "private" | "group";
}

const entry = (audience: string, command: string, where: CommandEntry["where"] = "private", menu: string | null = `menu-${command}`): CommandEntry => ({
  command,
  help: `help-${audience}-${command}`,
  menu,
  where,
});
/** A second line for a command whose uses do not fit one (/chitieu sets and reads). */
const secondLine = (e: CommandEntry, suffix: string): CommandEntry => ({ ...e, help: `${e.help}-${suffix}` });

const REVIEW_MENU = "menu-choduyet";

export const ROLE_COMMANDS: Record<Audience, readonly CommandEntry[]> = {
  [Audience.SECRETARY]: [
    entry("secretary", "baocao"),
    entry("secretary", "bienban"),
    entry("secretary", "xembienban"),
    entry("secretary", "tiendo"),
    entry("secretary", "uyquyen"),
    entry("secretary", "nghi"),
    entry("secretary", "yeucau", "private", "menu-yeucau-branch"),
  ],
  [Audience.DEPUTY]: [
    entry("deputy", "baocao", "private", "menu-deputy-baocao"),
    entry("deputy", "bienban", "private", "menu-deputy-bienban"),
    entry("deputy", "xembienban"),
    entry("deputy", "tiendo"),
    entry("deputy", "yeucau", "private", "menu-yeucau-branch"),
  ],
  [Audience.COMMITTEE]: [
    entry("committee", "choduyet", "private", REVIEW_MENU),
    entry("committee", "xembienban", "private", "menu-xembienban-unit"),
    entry("committee", "tonghop"),
    entry("committee", "xuat"),
    entry("committee", "tiendo", "private", "menu-tiendo-unit"),
    entry("committee", "chitieu", "private", "menu-chitieu-read"),
    entry("committee", "tinhtong"),
    entry("committee", "caidat", "private", "menu-caidat-committee"),
    secondLine(entry("committee", "caidat", "private", "menu-caidat-committee"), "deadline"),
    entry("committee", "yeucau"),
  ],
  [Audience.ADMIN]: [
    entry("admin", "themdonvi"),
    entry("admin", "themchibo"),
    entry("admin", "donvi"),
    entry("admin", "moi"),
    entry("admin", "thanhvien"),
    entry("admin", "chitieu"),
    secondLine(entry("admin", "chitieu"), "read"),
    entry("admin", "hanbaocao"),
    entry("admin", "nhacnho"),
    entry("admin", "lichtonghop"),
    entry("admin", "caidat"),
    secondLine(entry("admin", "caidat"), "names"),
    secondLine(entry("admin", "caidat"), "deadline"),
    entry("admin", "tonghop"),
    entry("admin", "xuat"),
    entry("admin", "tiendo", "private", "menu-tiendo-unit"),
    entry("admin", "choduyet", "private", REVIEW_MENU),
    entry("admin", "xembienban", "private", "menu-xembienban-unit"),
    entry("admin", "khoaso"),
    entry("admin", "mokhoa"),
    entry("admin", "tinhtong"),
    entry("admin", "nhatky"),
    entry("admin", "yeucau"),
    entry("admin", "dangkynhom", "group", null),
    entry("admin", "huynhom", "group", null),
  ],
  [Audience.COMMON]: [entry("common", "hoso"), entry("common", "huy"), entry("common", "trogiup")],
};

/** What anyone in a committee's group may type there (the menu of every group, and /trogiup in a group). */
export const GROUP_COMMANDS: readonly CommandEntry[] = [entry("group", "tonghop", "group", "menu-group-tonghop"), entry("group", "xuat", "group", "menu-group-xuat"), entry("group", "trogiup", "group")];

/** The menu of a private chat with someone who holds no role: the way in is an invite link. */
export const STRANGER_MENU: readonly MenuEntry[] = [{ command: "start", menu: "menu-start" }];

/** A command as a menu shows it: its name and the locale key of its description. */
export interface MenuEntry {
  command: string;
  menu: string;
}

/** The entries of a list that a menu shows. */
export const inMenu = (entries: readonly CommandEntry[]): MenuEntry[] => entries.flatMap((e) => (e.menu === null ? [] : [{ command: e.command, menu: e.menu }]));

/** The lists a person's roles give them, in the order /trogiup shows them; none for someone with no role. */
export function audiencesOf(actor: Actor): Audience[] {
  const holds = (role: Role) => actor.memberships.some((m) => m.role === role);
  const out: Audience[] = [];
  if (holds(Role.SECRETARY)) out.push(Audience.SECRETARY);
  if (holds(Role.DEPUTY)) out.push(Audience.DEPUTY);
  if (holds(Role.COMMITTEE)) out.push(Audience.COMMITTEE);
  if (actor.isAdmin) out.push(Audience.ADMIN);
  if (out.length > 0) out.push(Audience.COMMON);
  return out;
}

/**
 * The private chat's menu for this person: every command their lists give that is typed
 * there, each once, in the order of their lists. Empty for someone with no role (their
 * chat then shows STRANGER_MENU, the menu of every private chat).
 */
export function menuOf(actor: Actor): MenuEntry[] {
  const seen = new Map<string, MenuEntry>();
  for (const audience of audiencesOf(actor)) {
    for (const e of inMenu(ROLE_COMMANDS[audience].filter((x) => x.where === "private"))) if (!seen.has(e.command)) seen.set(e.command, e);
  }
  return [...seen.values()];
}

/**
 * Commands typed in a private chat only: in a group they get one short answer with a
 * button that opens the private chat (src/bot/people/group-redirect.ts). /start is one:
 * the way in, through an invite link, is private.
 */
export const PRIVATE_ONLY_COMMANDS: readonly string[] = (() => {
  const inGroups = new Set([...GROUP_COMMANDS, ...Object.values(ROLE_COMMANDS).flat()].filter((e) => e.where === "group").map((e) => e.command));
  const privately = Object.values(ROLE_COMMANDS)
    .flat()
    .filter((e) => e.where === "private")
    .map((e) => e.command);
  return [...new Set(["start", ...privately])].filter((c) => !inGroups.has(c));
})();
