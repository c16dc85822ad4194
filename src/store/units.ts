import type { Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import { UnitKind } from "../domain/units.js";
import { Role } from "../domain/roles.js";
import { displayName, NAME_FIELDS } from "./users.js";
import { audit } from "./audit.js";

export type AddUnitResult =
  | { status: "ok" }
  | { status: "duplicate"; name: string }
  | { status: "parent-missing" }
  | { status: "parent-is-branch" };

export async function addUnit(
  db: Db,
  input: { code: string; name: string; kind: UnitKind; parentCode: string | null; createdBy: number; now: Date },
): Promise<AddUnitResult> {
  const existing = await db.unit.findUnique({ where: { code: input.code } });
  if (existing) return { status: "duplicate", name: existing.name };
  let parentId: number | null = null;
  if (input.parentCode) {
    const parent = await db.unit.findUnique({ where: { code: input.parentCode } });
    if (!parent) return { status: "parent-missing" };
    if (parent.kind === UnitKind.BRANCH) return { status: "parent-is-branch" };
    parentId = parent.id;
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.unit.create({
        data: { code: input.code, name: input.name, kind: input.kind, parentId, createdBy: BigInt(input.createdBy), createdAt: input.now },
      });
      await audit(tx, { actorId: input.createdBy, at: input.now, action: "unit.add", subject: input.code, details: { name: input.name, kind: input.kind, parent: input.parentCode } });
    });
  } catch (e) {
    // Two administrators adding the same code at once: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const winner = await db.unit.findUnique({ where: { code: input.code } });
      return { status: "duplicate", name: winner?.name ?? input.name };
    }
    throw e;
  }
  return { status: "ok" };
}

/** A unit's name and when it was added (/tiendo starts from that month). */
export function unitCreated(db: Db, unitId: number): Promise<{ name: string; createdAt: Date } | null> {
  return db.unit.findUnique({ where: { id: unitId }, select: { name: true, createdAt: true } });
}

export function findUnit(db: Db, code: string) {
  return db.unit.findUnique({ where: { code } });
}

export interface UnitRow {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  kind: string;
  secretaries: string[];
}

export async function listUnits(db: Db): Promise<UnitRow[]> {
  const units = await db.unit.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      parentId: true,
      code: true,
      name: true,
      kind: true,
      memberships: { where: { role: Role.SECRETARY }, select: { user: { select: NAME_FIELDS } } },
    },
  });
  return units.map(({ memberships, ...u }) => ({ ...u, secretaries: memberships.map((m) => displayName(m.user)) }));
}

/** Every unit's place in the tree, for the access rules over a whole tree (src/domain/access.ts reach). */
export function unitTree(db: Db): Promise<{ id: number; parentId: number | null }[]> {
  return db.unit.findMany({ select: { id: true, parentId: true } });
}

/**
 * A recursive CTE `up("id", "depth")`: the unit (depth 0, its id the one `?` argument) and every unit
 * above it, each with how far up it sits, for one statement however deep the unit sits (after
 * `WITH RECURSIVE`). The tree is a handful of levels deep; the bound stops a cycle.
 */
export const UNIT_CHAIN =
  `up("id", "depth") AS (SELECT CAST(? AS INTEGER), 0 UNION ALL ` +
  `SELECT u."parentId", up."depth" + 1 FROM "Unit" u JOIN up ON u."id" = up."id" WHERE u."parentId" IS NOT NULL AND up."depth" < 50)`;

/** A statement written with `?` placeholders (the driver's, as UNIT_CHAIN) as Prisma's tagged SQL, for either database. */
export function prismaSql(text: string, args: readonly unknown[]): Prisma.Sql {
  return Prisma.sql(text.split("?"), ...args);
}

/** Ids of the unit's parent, grandparent, and so on up to the root. */
export async function ancestorsOf(db: Db | Prisma.TransactionClient, unitId: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number | bigint }[]>(prismaSql(`WITH RECURSIVE ${UNIT_CHAIN} SELECT "id" FROM up WHERE "depth" > 0 ORDER BY "depth"`, [unitId]));
  return rows.map((r) => Number(r.id));
}

/** The secretaries of a few branches (a digest's named ones), by branch: whom a committee calls about a missing report. */
export async function secretaryNames(db: Db, unitIds: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await db.membership.findMany({
    where: { role: Role.SECRETARY, unitId: { in: [...unitIds] } },
    select: { unitId: true, user: { select: NAME_FIELDS } },
    orderBy: { id: "asc" },
  });
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), displayName(r.user)]);
  return out;
}
