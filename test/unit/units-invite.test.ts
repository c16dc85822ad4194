import { describe, expect, it } from "vitest";
import { buildTree, normaliseUnitCode, normaliseUnitName, subtreeIds, UNIT_NAME_MAX, type TreeNode } from "../../src/domain/units.js";
import { INVITE_TTL_DAYS, inviteExpiry, inviteState, isWellFormedInviteCode, newInviteCode } from "../../src/domain/invite.js";

describe("normaliseUnitCode", () => {
  it.each([
    ["CB-QT", "CB-QT"],
    ["cb-qt", "CB-QT"],
    ["  du-sgd  ", "DU-SGD"],
    ["du.sgd_1", "DU.SGD_1"],
    ["AB", "AB"],
    ["9A", "9A"],
    ["A".repeat(32), "A".repeat(32)],
  ])("accepts %j as %j", (raw, code) => {
    expect(normaliseUnitCode(raw)).toBe(code);
  });

  it.each([
    ["A"],
    [""],
    ["   "],
    ["A".repeat(33)],
    ["-AB"],
    ["_AB"],
    [".AB"],
    ["CB QT"],
    ["CB/QT"],
    ["CHIBỘ"],
    ["ĐU-SGD"],
    ["CB:QT"],
    ["CB\nQT"],
  ])("refuses %j", (raw) => {
    expect(normaliseUnitCode(raw)).toBeUndefined();
  });
});

describe("normaliseUnitName", () => {
  it("collapses runs of white space and trims", () => {
    expect(normaliseUnitName("  Chi bộ   Trường\tTHPT\n Quang Trung ")).toBe("Chi bộ Trường THPT Quang Trung");
  });

  it("keeps Vietnamese letters and case as typed", () => {
    expect(normaliseUnitName("Đảng ủy Sở GD-ĐT")).toBe("Đảng ủy Sở GD-ĐT");
  });

  it("takes 2 to UNIT_NAME_MAX characters after trimming", () => {
    expect(normaliseUnitName("AB")).toBe("AB");
    expect(normaliseUnitName(" A ")).toBeUndefined();
    expect(normaliseUnitName("")).toBeUndefined();
    expect(normaliseUnitName("     ")).toBeUndefined();
    expect(normaliseUnitName("x".repeat(UNIT_NAME_MAX))).toBe("x".repeat(UNIT_NAME_MAX));
    expect(normaliseUnitName("x".repeat(UNIT_NAME_MAX + 1))).toBeUndefined();
    // Collapsed spaces do not count.
    expect(normaliseUnitName(`${"x".repeat(UNIT_NAME_MAX - 1)}      y`)).toBeUndefined();
    expect(normaliseUnitName(`${"x".repeat(UNIT_NAME_MAX - 2)}      y`)).toHaveLength(UNIT_NAME_MAX);
  });
});

type U = { id: number; parentId: number | null; code: string };

// 1 Đảng ủy Sở
// ├── 2 Đảng bộ trường A
// │   ├── 4 Chi bộ A1
// │   └── 5 Chi bộ A2
// └── 3 Chi bộ B
// 6 Đảng ủy khác
//     └── 7 Chi bộ C
const units: U[] = [
  { id: 5, parentId: 2, code: "A2" },
  { id: 1, parentId: null, code: "SGD" },
  { id: 3, parentId: 1, code: "B" },
  { id: 2, parentId: 1, code: "A" },
  { id: 4, parentId: 2, code: "A1" },
  { id: 6, parentId: null, code: "KHAC" },
  { id: 7, parentId: 6, code: "C" },
];

/** "SGD(B,A(A2,A1))" */
function shape(nodes: TreeNode<U>[]): string {
  return nodes.map((n) => (n.children.length ? `${n.unit.code}(${shape(n.children)})` : n.unit.code)).join(",");
}

describe("buildTree", () => {
  it("builds a forest whatever the order of the input, children in input order", () => {
    expect(shape(buildTree(units))).toBe("SGD(B,A(A2,A1)),KHAC(C)");
  });

  it("keeps every unit exactly once", () => {
    const seen: number[] = [];
    const walk = (ns: TreeNode<U>[]) => ns.forEach((n) => (seen.push(n.unit.id), walk(n.children)));
    walk(buildTree(units));
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("treats a unit whose parent is not in the list as a root", () => {
    expect(shape(buildTree([{ id: 10, parentId: 99, code: "LE" }, { id: 11, parentId: 10, code: "CON" }]))).toBe("LE(CON)");
  });

  it("is empty for no units", () => {
    expect(buildTree([])).toEqual([]);
  });

  it("returns the original objects", () => {
    const [root] = buildTree(units.filter((u) => u.id === 6 || u.id === 7));
    expect(root!.unit).toBe(units[5]);
  });
});

describe("subtreeIds", () => {
  it("starts with the root and holds every unit below it", () => {
    const ids = subtreeIds(units, 1);
    expect(ids[0]).toBe(1);
    expect([...ids].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("holds a middle unit and its branches only", () => {
    expect([...subtreeIds(units, 2)].sort()).toEqual([2, 4, 5]);
  });

  it("is just the unit for a branch", () => {
    expect(subtreeIds(units, 4)).toEqual([4]);
    expect(subtreeIds(units, 7)).toEqual([7]);
  });

  it("does not leak into another tree", () => {
    expect([...subtreeIds(units, 6)].sort()).toEqual([6, 7]);
  });
});

describe("isWellFormedInviteCode", () => {
  it.each([["a"], ["abc"], ["A-b_C9"], ["x".repeat(64)], ["0123456789"], ["-_-_"]])("accepts %j", (code) => {
    expect(isWellFormedInviteCode(code)).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["x".repeat(65), "65 characters"],
    ["abc def", "a space"],
    ["abc+/", "base64 (not base64url) characters"],
    ["abc=", "padding"],
    ["abc\n", "a trailing new line"],
    ["\nabc", "a leading new line"],
    ["mã-mời", "Vietnamese letters"],
    ["ａｂｃ", "full-width letters"],
    ["١٢٣", "Arabic-Indic digits"],
    ["abc🙂", "an emoji"],
    ["../etc", "a path"],
    ["abc;DROP", "a semicolon"],
    ["abc\u0000", "a NUL"],
    ["abc\u200b", "a zero-width space"],
  ])("refuses %j (%s)", (code) => {
    expect(isWellFormedInviteCode(code)).toBe(false);
  });
});

describe("newInviteCode", () => {
  it("makes 22-character base64url codes that pass the format check", () => {
    for (let i = 0; i < 200; i++) {
      const code = newInviteCode();
      expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(isWellFormedInviteCode(code)).toBe(true);
    }
  });

  it("does not repeat itself", () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => newInviteCode()));
    expect(codes.size).toBe(10_000);
  });

  it("uses the whole alphabet, not a fixed pattern", () => {
    const chars = new Set(Array.from({ length: 500 }, () => newInviteCode()).join(""));
    // 11,000 random characters from a 64-letter alphabet: every letter shows up.
    expect(chars.size).toBe(64);
  });
});

describe("invite expiry and state", () => {
  const created = new Date("2026-11-01T10:00:00Z");
  const expiresAt = inviteExpiry(created);

  it(`expires ${INVITE_TTL_DAYS} days after it is made`, () => {
    expect(expiresAt.getTime() - created.getTime()).toBe(INVITE_TTL_DAYS * 86_400_000);
  });

  it("is valid until its expiry instant, inclusive", () => {
    expect(inviteState({ usedAt: null, expiresAt }, created)).toBe("valid");
    expect(inviteState({ usedAt: null, expiresAt }, expiresAt)).toBe("valid");
  });

  it("is expired one millisecond later", () => {
    expect(inviteState({ usedAt: null, expiresAt }, new Date(expiresAt.getTime() + 1))).toBe("expired");
  });

  it("is used once used, expired or not", () => {
    const usedAt = new Date("2026-11-02T10:00:00Z");
    expect(inviteState({ usedAt, expiresAt }, usedAt)).toBe("used");
    expect(inviteState({ usedAt, expiresAt }, new Date("2027-01-01T00:00:00Z"))).toBe("used");
  });
});
