// The roles a person holds in units. What each role may do is in access.ts.

export const Role = { SECRETARY: "SECRETARY", DEPUTY: "DEPUTY", COMMITTEE: "COMMITTEE" } as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface Actor {
  telegramId: number;
  isAdmin: boolean;
  memberships: { unitId: number; unitCode: string; unitName: string; role: Role }[];
}

/** Branches where this person is secretary or deputy: their own branches. */
export function reportingUnits(actor: Actor) {
  return actor.memberships.filter((m) => m.role === Role.SECRETARY || m.role === Role.DEPUTY);
}

/** Commands listed by /trogiup, as locale keys, in the order shown. */
export function helpSections(actor: Actor): string[] {
  const sections: string[] = [];
  if (actor.memberships.some((m) => m.role === Role.SECRETARY)) sections.push("help-secretary");
  if (actor.memberships.some((m) => m.role === Role.DEPUTY)) sections.push("help-deputy");
  if (actor.memberships.some((m) => m.role === Role.COMMITTEE)) sections.push("help-committee");
  if (actor.isAdmin) sections.push("help-admin");
  sections.push("help-common");
  return sections;
}
