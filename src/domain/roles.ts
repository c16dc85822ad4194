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
