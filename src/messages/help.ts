// /trogiup and the command menus, written from the one list of each role's
// commands (src/domain/commands.ts): what the help lists is what the menu shows.
import { createHash } from "node:crypto";
import { audiencesOf, GROUP_COMMANDS, inMenu, menuOf, ROLE_COMMANDS, STRANGER_MENU, type Audience, type CommandEntry, type MenuEntry } from "../domain/commands.js";
import type { Actor } from "../domain/roles.js";
import type { Translate } from "../i18n.js";

/** One command of a menu, as setMyCommands takes it. */
export interface MenuCommand {
  command: string;
  description: string;
}

const TITLES: Record<Audience, string> = {
  secretary: "help-title-secretary",
  deputy: "help-title-deputy",
  committee: "help-title-committee",
  admin: "help-title-admin",
  common: "help-title-common",
};

const lines = (t: Translate, entries: readonly CommandEntry[]) => entries.map((e) => t(e.help));

/** Every command the person may use, a section per role they hold. */
export function helpText(t: Translate, actor: Actor): string {
  const sections = audiencesOf(actor).map((a) => [t(TITLES[a]), ...lines(t, ROLE_COMMANDS[a])].join("\n"));
  return [t("help-title"), ...sections].join("\n\n");
}

/** /trogiup in a group: what anyone may type there; the button under it opens the person's own list. */
export function groupHelpText(t: Translate): string {
  return [t("help-title-group"), ...lines(t, GROUP_COMMANDS), "", t("help-group-private")].join("\n");
}

const described = (t: Translate, entries: readonly MenuEntry[]): MenuCommand[] =>
  entries.map((e) => ({ command: e.command, description: t(e.menu) }));

/** The menu of this person's private chat; empty for someone with no role. */
export const personalMenu = (t: Translate, actor: Actor): MenuCommand[] => described(t, menuOf(actor));
/** The menu of every private chat that has none of its own. */
export const strangerMenu = (t: Translate): MenuCommand[] => described(t, STRANGER_MENU);
/** The menu of every group. */
export const groupMenu = (t: Translate): MenuCommand[] => described(t, inMenu(GROUP_COMMANDS));

/**
 * What every menu says, as one hash: when it differs from the one of the last start (a new
 * command, a new wording), the menus already set in people's chats are stale.
 */
export function menusVersion(t: Translate): string {
  const all = {
    roles: Object.fromEntries(Object.entries(ROLE_COMMANDS).map(([a, entries]) => [a, described(t, inMenu(entries.filter((e) => e.where === "private")))])),
    stranger: strangerMenu(t),
    group: groupMenu(t),
  };
  return createHash("sha256").update(JSON.stringify(all)).digest("hex").slice(0, 16);
}
