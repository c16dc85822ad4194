// The rules of src/domain/people.ts: what a full name, a position, a /thanhvien button's data
// and the replacing word of /moi may be.
import { describe, expect, it } from "vitest";
import { checkFullName, checkPosition, isReplaceWord, memberButtonData, personTitle, readMemberButton } from "../../src/domain/people.js";

describe("full name", () => {
  it("takes a name of two words or more, spaces folded", () => {
    expect(checkFullName("  Nguyễn   Thị  Lan ")).toEqual({ ok: true, name: "Nguyễn Thị Lan" });
    expect(checkFullName("H'Hen Niê")).toEqual({ ok: true, name: "H'Hen Niê" });
    expect(checkFullName("Lê Văn-Minh")).toEqual({ ok: true, name: "Lê Văn-Minh" });
  });
  it("refuses one word, digits, symbols, direction marks, and names too long", () => {
    expect(checkFullName("Lan")).toEqual({ ok: false, problem: "one-word" });
    expect(checkFullName("12")).toEqual({ ok: false, problem: "characters" });
    expect(checkFullName("Nguyễn Lan 2")).toEqual({ ok: false, problem: "characters" });
    expect(checkFullName("Nguyễn <b>Lan</b>")).toEqual({ ok: false, problem: "characters" });
    expect(checkFullName("Nguyễn \u202eLan")).toEqual({ ok: false, problem: "characters" });
    expect(checkFullName("\u200b ")).toEqual({ ok: false, problem: "empty" });
    expect(checkFullName(`Nguyễn ${"a".repeat(80)}`)).toEqual({ ok: false, problem: "too-long" });
  });
});

describe("position", () => {
  it("takes letters, digits and ordinary punctuation", () => {
    expect(checkPosition(" Ủy viên BCH, Trưởng Ban Tổ chức (nhiệm kỳ 2025-2030) ")).toEqual({ ok: true, position: "Ủy viên BCH, Trưởng Ban Tổ chức (nhiệm kỳ 2025-2030)" });
  });
  it("refuses what is not a position", () => {
    expect(checkPosition("")).toEqual({ ok: false, problem: "empty" });
    expect(checkPosition("123")).toEqual({ ok: false, problem: "characters" });
    expect(checkPosition("Bí thư <script>")).toEqual({ ok: false, problem: "characters" });
    expect(checkPosition("a".repeat(101))).toEqual({ ok: false, problem: "too-long" });
  });
  it("is shown after the name", () => {
    expect(personTitle({ firstName: "Lan", fullName: "Nguyễn Thị Lan", position: "Bí thư chi bộ" })).toBe("Nguyễn Thị Lan (Bí thư chi bộ)");
    expect(personTitle({ firstName: "Lan", lastName: "Nguyễn" })).toBe("Lan Nguyễn");
  });
});

describe("/thanhvien buttons", () => {
  it("read back what they write", () => {
    for (const b of [{ kind: "ask", membershipId: 7 }, { kind: "confirm", membershipId: 2_147_483_647 }, { kind: "keep" }] as const) {
      expect(readMemberButton(memberButtonData(b))).toEqual(b);
    }
  });
  it("refuse forged data", () => {
    for (const data of ["tv:ok:", "tv:ok:0", "tv:ok:01", "tv:ok:-1", "tv:ok:2147483648", "tv:ok:1 ", "tv:rm:1", "tv:x:1:2", "tv:no:1", "r:1"]) {
      expect(readMemberButton(data), data).toBeUndefined();
    }
  });
});

describe("the replacing word of /moi", () => {
  it("is thaythe, with or without marks and case", () => {
    for (const w of ["thaythe", "ThayThế", "THAYTHE"]) expect(isReplaceWord(w)).toBe(true);
    for (const w of [undefined, "thay", "the", "bithu"]) expect(isReplaceWord(w)).toBe(false);
  });
});
