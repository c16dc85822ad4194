// Who may do what.

export const Role = { SECRETARY: "SECRETARY", DEPUTY: "DEPUTY", COMMITTEE: "COMMITTEE" } as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface Actor {
  telegramId: number;
  isAdmin: boolean;
  memberships: { unitId: number; unitCode: string; unitName: string; role: Role }[];
}

/** Branches this person files reports for. */
export function reportingUnits(actor: Actor) {
  return actor.memberships.filter((m) => m.role === Role.SECRETARY || m.role === Role.DEPUTY);
}

export function hasAnyRole(actor: Actor): boolean {
  return actor.isAdmin || actor.memberships.length > 0;
}

/** Branches where this person is secretary: hand-overs and absences are theirs to record. */
export function secretaryUnits(actor: Actor) {
  return actor.memberships.filter((m) => m.role === Role.SECRETARY);
}

export function isSecretaryOf(actor: Actor, unitId: number): boolean {
  return secretaryUnits(actor).some((m) => m.unitId === unitId);
}

export function committeeUnits(actor: Actor) {
  return actor.memberships.filter((m) => m.role === Role.COMMITTEE);
}

/**
 * A branch's records are seen by the branch itself, the committees above it and
 * administrators. `ancestors` are the ids of the unit's parent, grandparent, and so on.
 */
export function canSeeUnit(actor: Actor, unitId: number, ancestors: number[]): boolean {
  if (actor.isAdmin) return true;
  return actor.memberships.some(
    (m) => m.unitId === unitId || (m.role === Role.COMMITTEE && ancestors.includes(m.unitId)),
  );
}

/** Reports and minutes of a branch are reviewed by the committees above it and by administrators. */
export function canReview(actor: Actor, ancestors: number[]): boolean {
  return actor.isAdmin || actor.memberships.some((m) => m.role === Role.COMMITTEE && ancestors.includes(m.unitId));
}

/** Commands listed by /trogiup, as locale keys, in the order shown. */
export function helpSections(actor: Actor): string[] {
  const sections: string[] = [];
  if (actor.memberships.some((m) => m.role === Role.SECRETARY)) sections.push("help-secretary");
  if (actor.memberships.some((m) => m.role === Role.DEPUTY)) sections.push("help-deputy");
  if (committeeUnits(actor).length > 0) sections.push("help-committee");
  if (actor.isAdmin) sections.push("help-admin");
  sections.push("help-common");
  return sections;
}
