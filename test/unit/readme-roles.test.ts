// The README's user guide has one part per role (issue 12: bí thư, phó bí thư, cấp ủy viên, quản
// trị viên), each opening with the line of the commands that role has. Those lines are held to the
// one list the menus and /trogiup read (src/domain/commands.ts): a command a role gains or loses
// without the guide saying so fails here, as does a command the guide lists that the role lacks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Audience, GROUP_COMMANDS, ROLE_COMMANDS } from "../../src/domain/commands.js";

const README = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
const guide = README.slice(README.indexOf("## Hướng dẫn sử dụng"), README.indexOf("## Kiểm thử"));

/** The text of the part under `### <title>`, up to the next part of the same level. */
function part(title: string): string {
  const start = guide.indexOf(`\n### ${title}\n`);
  if (start < 0) throw new Error(`no part "${title}" in the user guide`);
  const next = guide.indexOf("\n### ", start + 1);
  return guide.slice(start, next < 0 ? undefined : next);
}

/** The commands named in the paragraph that starts with `opening`, in the order written. */
function commandsOf(text: string, opening: string): string[] {
  const at = text.indexOf(opening);
  if (at < 0) throw new Error(`no line "${opening}…"`);
  const paragraph = text.slice(at, text.indexOf("\n\n", at));
  return [...paragraph.matchAll(/`\/([a-z]+)`/g)].map((m) => m[1]!);
}

const names = (entries: readonly { command: string; where: string }[], where?: string) => [
  ...new Set(entries.filter((e) => !where || e.where === where).map((e) => e.command)),
];
const common = names(ROLE_COMMANDS[Audience.COMMON]);

describe("the README's user guide by role", () => {
  it("has a part for each role, in the order the issue gives, then one for every role", () => {
    const titles = [...guide.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(titles).toEqual(["Menu lệnh và /trogiup theo vai trò", "Bí thư chi bộ", "Phó bí thư", "Cấp ủy viên", "Quản trị viên", "Mọi vai trò"]);
  });

  it.each([
    ["Bí thư chi bộ", "Lệnh của bí thư chi bộ", Audience.SECRETARY],
    ["Phó bí thư", "Lệnh của phó bí thư", Audience.DEPUTY],
    ["Cấp ủy viên", "Lệnh của cấp ủy viên", Audience.COMMITTEE],
    ["Quản trị viên", "Lệnh của quản trị viên", Audience.ADMIN],
  ] as const)("%s: the part lists exactly the commands of the role", (title, opening, audience) => {
    const listed = commandsOf(part(title), opening);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual([...names(ROLE_COMMANDS[audience]), ...common]);
  });

  it("the committee member's part says what the group's commands are", () => {
    expect(commandsOf(part("Cấp ủy viên"), "Trong nhóm cấp ủy đã đăng ký")).toEqual(names(GROUP_COMMANDS, "group"));
  });
});
