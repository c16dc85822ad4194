import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";

type Writer = Db | Prisma.TransactionClient;

export interface AuditInput {
  actorId: number;
  action: string;
  subject: string;
  details: Record<string, unknown>;
  at: Date;
}

export function audit(db: Writer, e: AuditInput) {
  return db.auditEntry.create({
    data: { at: e.at, actorId: BigInt(e.actorId), action: e.action, subject: e.subject, details: JSON.stringify(e.details) },
  });
}

export async function latestAudit(db: Db, limit: number) {
  const rows = await db.auditEntry.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => ({ ...r, actorId: Number(r.actorId), details: JSON.parse(r.details) as Record<string, unknown> }));
}
