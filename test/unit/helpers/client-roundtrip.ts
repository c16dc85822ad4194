// Writes and reads every model through the generated client on a migrated
// database: the drift check compares the DDL, this shows the client and the
// driver adapter actually work with it (BigInt beyond 2^53, dates with
// milliseconds, text in Vietnamese, unique constraints and foreign keys).
import { expect, it } from "vitest";
import type { Db } from "../../../src/db/client.js";
import { parsePrismaSchema, type Model, type ScalarField, type Schema } from "./prisma-schema.js";

/** Declares the tests, in the caller's describe; `getDb` gives the database once beforeAll has run. */
export function clientRoundTripTests(getDb: () => Db, schemaText: string): void {
  const schema: Schema = parsePrismaSchema(schemaText);

  /** A value that tests the column: BigInt beyond 2^53, text with quotes and Vietnamese, a date with milliseconds. */
  function sample(f: ScalarField, i: number): unknown {
    switch (f.type) {
      case "Int":
        return 1_000 + i;
      case "BigInt":
        return 9_007_199_254_740_993n + BigInt(i);
      case "String":
        return `Chi bộ "Quang Trung" 'số ${i}' ✅ ${f.name}`;
      case "DateTime":
        return new Date(Date.UTC(2026, 10, 5, 16, 59, 59, 999) + i * 1_000);
      case "Boolean":
        return i % 2 === 0;
    }
  }

  /** Models in an order where every required relation's target comes first. */
  function creationOrder(models: Model[]): Model[] {
    const done: Model[] = [];
    const pending = [...models];
    while (pending.length) {
      const next = pending.findIndex((m) =>
        m.relations.every((r) => !r.fields || r.target === m.name || done.some((d) => d.name === r.target)),
      );
      if (next < 0) throw new Error(`Cannot order models: ${pending.map((m) => m.name).join(", ")}`);
      done.push(...pending.splice(next, 1));
    }
    return done;
  }

  type Delegate = {
    create(args: { data: Record<string, unknown> }): Promise<Record<string, unknown>>;
    findUniqueOrThrow(args: { where: Record<string, unknown> }): Promise<Record<string, unknown>>;
  };

  it("writes and reads back one row of every model, every field included", async () => {
    const created = new Map<string, Record<string, unknown>>();
    const client = getDb() as unknown as Record<string, Delegate>;
    for (const model of creationOrder(schema.models)) {
      const data: Record<string, unknown> = {};
      model.scalars.forEach((f, i) => {
        if (f.default === "autoincrement()") return;
        const relation = model.relations.find((r) => r.fields?.includes(f.name));
        if (relation) {
          const target = created.get(relation.target);
          const referenced = relation.references![relation.fields!.indexOf(f.name)]!;
          // A self-relation (a unit's parent) can only point at an existing row: leave it empty.
          data[f.name] = target ? target[referenced] : f.optional ? null : undefined;
          return;
        }
        data[f.name] = sample(f, i);
      });
      const delegate = client[model.name[0]!.toLowerCase() + model.name.slice(1)];
      expect(delegate, `client delegate for ${model.name}`).toBeDefined();
      const row = await delegate!.create({ data });
      created.set(model.name, row);

      // A composite id is named by its fields joined with "_", as Prisma names it.
      const key = Object.fromEntries(model.id.map((f) => [f, row[f]]));
      const where = model.id.length === 1 ? key : { [model.id.join("_")]: key };
      const read = await delegate!.findUniqueOrThrow({ where });
      for (const f of model.scalars) {
        const expected = f.name in data ? data[f.name] : row[f.name];
        expect(read[f.name], `${model.name}.${f.name}`).toEqual(expected);
        if (!f.optional) expect(read[f.name], `${model.name}.${f.name}`).not.toBeNull();
      }
    }
    expect([...created.keys()].sort()).toEqual(schema.models.map((m) => m.name).sort());
  });

  it("stores a self-reference (a unit under another unit)", async () => {
    const parent = await getDb().unit.create({ data: { code: "DU-SGD", name: "Đảng ủy Sở", kind: "COMMITTEE", createdBy: 1n } });
    const child = await getDb().unit.create({ data: { code: "CB-QT", name: "Chi bộ Quang Trung", kind: "BRANCH", createdBy: 1n, parentId: parent.id } });
    const read = await getDb().unit.findUniqueOrThrow({ where: { id: child.id }, include: { parent: true } });
    expect(read.parent?.code).toBe("DU-SGD");
  });

  it("enforces the unique constraints and foreign keys in the database", async () => {
    await expect(getDb().unit.create({ data: { code: "DU-SGD", name: "Trùng mã", kind: "COMMITTEE", createdBy: 1n } })).rejects.toThrow(
      /Unique constraint/i,
    );
    await expect(
      getDb().membership.create({ data: { userId: 987_654, unitId: 987_654, role: "SECRETARY" } }),
    ).rejects.toThrow(/Foreign key constraint/i);
  });
}
