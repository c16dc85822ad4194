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

/** Commands listed by /trogiup, as locale keys, in the order shown. */
export function helpSections(actor: Actor): string[] {
  const sections: string[] = [];
  if (reportingUnits(actor).length > 0) sections.push("help-secretary");
  if (actor.isAdmin) sections.push("help-admin");
  sections.push("help-common");
  return sections;
}
