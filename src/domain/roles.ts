// The roles a person holds in units. What each role may do is in access.ts.

export const Role = { SECRETARY: "SECRETARY", DEPUTY: "DEPUTY", COMMITTEE: "COMMITTEE" } as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface Actor {
  telegramId: number;
  isAdmin: boolean;
  memberships: { unitId: number; unitCode: string; unitName: string; role: Role }[];
  /** The person's User.id, read with the roles: known when they hold one (a version's author). */
  userId?: number;
}

/** Branches where this person is secretary or deputy: their own branches. */
export function reportingUnits(actor: Actor) {
  return actor.memberships.filter((m) => m.role === Role.SECRETARY || m.role === Role.DEPUTY);
}
