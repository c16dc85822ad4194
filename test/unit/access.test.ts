// Who may do what to which unit (src/domain/access.ts), as a table: every role against
// every action on its own unit, a unit below it and a unit elsewhere in the tree.
import { describe, expect, it } from "vitest";
import { Action, hasReviewer, mayAnywhere, ownUnits, reach, refusal, type Target } from "../../src/domain/access.js";
import { Role, type Actor } from "../../src/domain/roles.js";

// The tree: the Đảng ủy DU (1) holds the branch CB-A (2); the Đảng ủy DU-X (4) holds the branch
// CB-X (3). "Below" a branch stands for a unit under it, which the tree does not have: a role in
// a branch must give nothing below it either.
const DU = 1;
const CB_A = 2;
const CB_X = 3;
const DU_X = 4;
const UNDER_CB_A = 5;
const TREE = [
  { id: DU, parentId: null },
  { id: CB_A, parentId: DU },
  { id: CB_X, parentId: DU_X },
  { id: DU_X, parentId: null },
  { id: UNDER_CB_A, parentId: CB_A },
];
const ANCESTORS: Record<number, number[]> = { [DU]: [], [CB_A]: [DU], [CB_X]: [DU_X], [DU_X]: [], [UNDER_CB_A]: [CB_A, DU] };

type Place = "own" | "below" | "elsewhere";
type Answer = "yes" | "no-role" | "not-delegated" | "own-unit";

interface Case {
  actor: Actor;
  /** The unit of each place, seen from the actor's role. */
  places: Record<Place, number>;
  /** A delegation of the branch's secretary is in force (read by "file" only). */
  delegated: boolean;
}

const member = (role: Role, unitId: number): Actor => ({
  telegramId: 7,
  isAdmin: false,
  memberships: [{ unitId, unitCode: `U${unitId}`, unitName: `Đơn vị ${unitId}`, role }],
});
const ofBranch = { own: CB_A, below: UNDER_CB_A, elsewhere: CB_X };
const ofCommittee = { own: DU, below: CB_A, elsewhere: CB_X };
const nobody: Actor = { telegramId: 7, isAdmin: false, memberships: [] };

const ROLES: Record<string, Case> = {
  secretary: { actor: member(Role.SECRETARY, CB_A), places: ofBranch, delegated: false },
  "deputy, with a delegation": { actor: member(Role.DEPUTY, CB_A), places: ofBranch, delegated: true },
  "deputy, without": { actor: member(Role.DEPUTY, CB_A), places: ofBranch, delegated: false },
  "committee member": { actor: member(Role.COMMITTEE, DU), places: ofCommittee, delegated: false },
  "committee member and secretary below": {
    actor: { ...member(Role.COMMITTEE, DU), memberships: [...member(Role.COMMITTEE, DU).memberships, ...member(Role.SECRETARY, CB_A).memberships] },
    places: ofCommittee,
    delegated: false,
  },
  admin: { actor: { ...nobody, isAdmin: true }, places: ofCommittee, delegated: false },
  "admin and deputy below": { actor: { ...member(Role.DEPUTY, CB_A), isAdmin: true }, places: ofCommittee, delegated: false },
  stranger: { actor: nobody, places: ofCommittee, delegated: false },
};

const ACTIONS = [Action.FILE, Action.VIEW, Action.REVIEW, Action.DELEGATE, Action.PROGRESS, Action.SET_TOTALS, Action.DIGEST, Action.EXPORT, Action.QUOTAS, Action.REQUEST, Action.SET_DEADLINE, Action.ADMIN];

// One row per role and place; the columns follow ACTIONS. "-": no ("no-role").
//                                            file        view  review delegate progress totals digest export quotas request deadline admin
const EXPECTED: Record<string, Record<Place, string>> = {
  secretary: {
    own: /*                                */ "yes         yes   -      yes      yes      -      -      -      -      -       -        -",
    below: /*                              */ "-           -     -      -        -        -      -      -      -      -       -        -",
    elsewhere: /*                          */ "-           -     -      -        -        -      -      -      -      -       -        -",
  },
  "deputy, with a delegation": {
    own: /*                                */ "yes         yes   -      -        yes      -      -      -      -      -       -        -",
    below: /*                              */ "-           -     -      -        -        -      -      -      -      -       -        -",
    elsewhere: /*                          */ "-           -     -      -        -        -      -      -      -      -       -        -",
  },
  "deputy, without": {
    own: /*                                */ "waits       yes   -      -        yes      -      -      -      -      -       -        -",
    below: /*                              */ "-           -     -      -        -        -      -      -      -      -       -        -",
    elsewhere: /*                          */ "-           -     -      -        -        -      -      -      -      -       -        -",
  },
  "committee member": {
    own: /*                                */ "-           yes   -      -        -        yes    yes    yes    yes    yes     yes      -",
    below: /*                              */ "-           yes   yes    -        yes      -      yes    yes    yes    yes     yes      -",
    elsewhere: /*                          */ "-           -     -      -        -        -      -      -      -      -       -        -",
  },
  // A committee member who is also the secretary of CB-A: everything of both roles, but no review of CB-A.
  "committee member and secretary below": {
    own: /*                                */ "-           yes   -      -        -        yes    yes    yes    yes    yes     yes      -",
    below: /*                              */ "yes         yes   own    yes      yes      -      yes    yes    yes    yes     yes      -",
    elsewhere: /*                          */ "-           -     -      -        -        -      -      -      -      -       -        -",
  },
  admin: {
    own: /*                                */ "-           yes   yes    -        yes      yes    yes    yes    yes    yes     yes      yes",
    below: /*                              */ "-           yes   yes    -        yes      yes    yes    yes    yes    yes     yes      yes",
    elsewhere: /*                          */ "-           yes   yes    -        yes      yes    yes    yes    yes    yes     yes      yes",
  },
  // An administrator who is also a branch's deputy reviews every branch but that one.
  "admin and deputy below": {
    own: /*                                */ "-           yes   yes    -        yes      yes    yes    yes    yes    yes     yes      yes",
    below: /*                              */ "waits       yes   own    -        yes      yes    yes    yes    yes    yes     yes      yes",
    elsewhere: /*                          */ "-           yes   yes    -        yes      yes    yes    yes    yes    yes     yes      yes",
  },
  stranger: {
    own: /*                                */ "-           -     -      -        -        -      -      -      -      -       -        -",
    below: /*                              */ "-           -     -      -        -        -      -      -      -      -       -        -",
    elsewhere: /*                          */ "-           -     -      -        -        -      -      -      -      -       -        -",
  },
};

const WORDS: Record<string, Answer> = { yes: "yes", "-": "no-role", waits: "not-delegated", own: "own-unit" };

describe("the access table", () => {
  const rows = Object.entries(ROLES).flatMap(([role, c]) => (["own", "below", "elsewhere"] as const).map((place) => [role, place, c] as const));
  it.each(rows)("%s, %s unit", (role, place, c) => {
    const unitId = c.places[place];
    const target: Target = { unitId, ancestors: ANCESTORS[unitId]!, delegated: c.delegated };
    const answers = ACTIONS.map((action) => refusal(c.actor, action, target) ?? "yes");
    const expected = EXPECTED[role]![place].trim().split(/\s+/).map((w) => WORDS[w]!);
    expect(Object.fromEntries(ACTIONS.map((a, i) => [a, answers[i]]))).toEqual(Object.fromEntries(ACTIONS.map((a, i) => [a, expected[i]])));
  });

  it("covers every action", () => {
    expect([...ACTIONS].sort()).toEqual(Object.values(Action).sort());
  });
});

describe("who can review a branch (issue 12, points 9 and 10)", () => {
  const committeeOf = (unitId: number) => member(Role.COMMITTEE, unitId).memberships;
  const target = (unitId: number): Target => ({ unitId, ancestors: ANCESTORS[unitId]!, delegated: false });

  it("a committee member above the branch can; none, or one of another tree, cannot", () => {
    expect(hasReviewer(target(CB_A), [committeeOf(DU)])).toBe(true);
    expect(hasReviewer(target(CB_A), [])).toBe(false);
    expect(hasReviewer(target(CB_A), [committeeOf(DU_X)])).toBe(false);
    // A member of the branch's own committee level does not review the committee itself.
    expect(hasReviewer(target(DU), [committeeOf(DU)])).toBe(false);
  });

  it("the branch's own secretary or deputy does not count, even as a committee member above it; another member does", () => {
    const selfOnly = [...committeeOf(DU), ...member(Role.SECRETARY, CB_A).memberships];
    expect(hasReviewer(target(CB_A), [selfOnly])).toBe(false);
    expect(hasReviewer(target(CB_A), [[...committeeOf(DU), ...member(Role.DEPUTY, CB_A).memberships]])).toBe(false);
    expect(hasReviewer(target(CB_A), [selfOnly, committeeOf(DU)])).toBe(true);
  });

  it("reach leaves out the reviewer's own branch: /choduyet does not list it", () => {
    const actor: Actor = { telegramId: 7, isAdmin: false, memberships: [...committeeOf(DU), ...member(Role.SECRETARY, CB_A).memberships] };
    expect(reach(actor, Action.REVIEW, TREE)).toEqual(new Set([UNDER_CB_A]));
  });
});

describe("rights over a whole tree", () => {
  it("a committee member reviews the units below their committee, not the committee itself; an administrator all", () => {
    expect(reach(ROLES["committee member"]!.actor, Action.REVIEW, TREE)).toEqual(new Set([CB_A, UNDER_CB_A]));
    expect(reach(ROLES.admin!.actor, Action.REVIEW, TREE)).toBe("all");
    expect(reach(ROLES.secretary!.actor, Action.REVIEW, TREE)).toEqual(new Set());
  });

  it("a refusal that needs no unit: whether the action can be the person's anywhere", () => {
    const anywhere = (c: Case) => ACTIONS.filter((a) => mayAnywhere(c.actor, a));
    expect(anywhere(ROLES.secretary!)).toEqual([Action.FILE, Action.VIEW, Action.DELEGATE, Action.PROGRESS]);
    expect(anywhere(ROLES["deputy, without"]!)).toEqual([Action.FILE, Action.VIEW, Action.PROGRESS]);
    expect(anywhere(ROLES["committee member"]!)).toEqual([Action.VIEW, Action.REVIEW, Action.PROGRESS, Action.SET_TOTALS, Action.DIGEST, Action.EXPORT, Action.QUOTAS, Action.REQUEST, Action.SET_DEADLINE]);
    expect(anywhere(ROLES.admin!)).toEqual([Action.VIEW, Action.REVIEW, Action.PROGRESS, Action.SET_TOTALS, Action.DIGEST, Action.EXPORT, Action.QUOTAS, Action.REQUEST, Action.SET_DEADLINE, Action.ADMIN]);
    expect(anywhere(ROLES.stranger!)).toEqual([]);
  });

  it("lists the person's own units by the role held there, once each, never by an administrator's right", () => {
    const actor: Actor = {
      telegramId: 7,
      isAdmin: true,
      memberships: [
        { unitId: CB_A, unitCode: "CB-A", unitName: "Chi bộ A", role: Role.SECRETARY },
        { unitId: CB_A, unitCode: "CB-A", unitName: "Chi bộ A", role: Role.DEPUTY },
        { unitId: CB_X, unitCode: "CB-X", unitName: "Chi bộ X", role: Role.DEPUTY },
        { unitId: DU, unitCode: "DU", unitName: "Đảng ủy", role: Role.COMMITTEE },
      ],
    };
    const codes = (ms: Actor["memberships"]) => ms.map((m) => m.unitCode);
    expect(codes(ownUnits(actor, Action.FILE).may)).toEqual(["CB-A"]);
    expect(codes(ownUnits(actor, Action.FILE).waiting)).toEqual(["CB-X"]);
    expect(codes(ownUnits(actor, Action.FILE, new Set([CB_X])).may)).toEqual(["CB-A", "CB-X"]);
    expect(codes(ownUnits(actor, Action.PROGRESS).may)).toEqual(["CB-A", "CB-X"]);
    expect(codes(ownUnits(actor, Action.SET_TOTALS).may)).toEqual(["DU"]);
    expect(codes(ownUnits(actor, Action.ADMIN).may)).toEqual([]);
  });
});
