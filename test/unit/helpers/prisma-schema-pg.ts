// The PostgreSQL reader for the drift check of prisma-schema.ts: what the
// catalog holds for one schema after prisma/migrations-postgres ran, in the
// terms the comparison uses. Types, defaults and constraint names are written
// the way PostgreSQL reports what Prisma's own PostgreSQL migrations create.
import {
  compareWithDatabase,
  defaultValue,
  describeForeignKey,
  describeIndex,
  sqlString,
  type ColumnFacts,
  type Model,
  type ScalarField,
  type ScalarType,
  type Schema,
  type TableFacts,
} from "./prisma-schema.js";

/** Runs one query and gives its rows (pg's `client.query(...).rows`, for instance). */
export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Prisma's PostgreSQL mapping, as format_type() writes it. */
export const PG_TYPES: Record<ScalarType, string> = {
  Int: "integer",
  BigInt: "bigint",
  String: "text",
  DateTime: "timestamp(3) without time zone",
  Boolean: "boolean",
};

const INT4_MAX = 2n ** 31n - 1n;

/** An identifier as PostgreSQL prints it: quoted unless plain lower case. */
function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function pgDefault(field: ScalarField, model: Model): string | null {
  const d = defaultValue(field);
  switch (d.kind) {
    case "none":
      return null;
    case "autoincrement":
      // SERIAL: a sequence named after the table and column.
      return `nextval('${ident(`${model.table}_${field.column}_seq`)}'::regclass)`;
    case "now":
      return "CURRENT_TIMESTAMP";
    case "string":
      if (field.type !== "String") break;
      return `${sqlString(d.value)}::text`;
    case "boolean":
      return d.raw;
    case "number": {
      if (!/^-?\d+$/.test(d.raw) || (field.type !== "Int" && field.type !== "BigInt")) break;
      // A literal that is not a plain int4 constant comes back cast.
      const n = BigInt(d.raw);
      return n >= 0n && n <= INT4_MAX ? d.raw : `'${d.raw}'::${PG_TYPES[field.type]}`;
    }
  }
  throw new Error(`The PostgreSQL reader does not understand @default(${field.default}) on a ${field.type} (${model.name}.${field.name})`);
}

const ACTION_CODES: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** The column names of an array of attribute numbers, in order (the first `limit` only, if given). */
const columnList = (attnums: string, relid: string, limit?: string) =>
  `ARRAY(SELECT COALESCE(a.attname::text, '(expression)')
      FROM unnest(${attnums}) WITH ORDINALITY AS k(n, i)
      LEFT JOIN pg_attribute a ON a.attrelid = ${relid} AND a.attnum = k.n
      ${limit ? `WHERE k.i <= ${limit}` : ""}
     ORDER BY k.i)`;

const names = (list: unknown): string[] => (Array.isArray(list) ? list.map(String) : []);

async function readTables(q: Query, schemaName: string): Promise<Map<string, TableFacts>> {
  const tables = new Map<string, TableFacts>();
  const rows = await q(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
    [schemaName],
  );
  for (const r of rows) tables.set(String(r.relname), { columns: new Map(), primaryKey: "()", indexes: new Set(), foreignKeys: new Set() });
  const facts = (table: unknown) => tables.get(String(table));

  const columns = await q(
    `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            pg_get_expr(d.adbin, d.adrelid) AS dflt,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL AS owns_sequence
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [schemaName],
  );
  // pg_get_expr qualifies a sequence with its schema unless that schema is on the search_path of the session asking.
  const qualified = new RegExp(`^nextval\\('(?:${ident(schemaName).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})\\.`);
  for (const c of columns) {
    let dflt = c.dflt === null ? null : String(c.dflt).replace(qualified, "nextval('");
    if (dflt?.startsWith("nextval(") && !c.owns_sequence) dflt += " (sequence not owned by the column)";
    const column: ColumnFacts = { type: String(c.type), notNull: Boolean(c.not_null), default: dflt };
    facts(c.relname)?.columns.set(String(c.attname), column);
  }

  const constraints = await q(
    `SELECT c.relname, con.conname, con.contype, f.relname AS target,
            ${columnList("con.conkey", "con.conrelid")} AS columns,
            ${columnList("con.confkey", "con.confrelid")} AS refs,
            con.confdeltype, con.confupdtype
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class f ON f.oid = con.confrelid
      WHERE n.nspname = $1 AND con.contype IN ('p', 'f')`,
    [schemaName],
  );
  for (const con of constraints) {
    const table = facts(con.relname);
    if (!table) continue;
    const cols = names(con.columns);
    if (con.contype === "p") table.primaryKey = `${con.conname} (${cols.join(", ")})`;
    else
      table.foreignKeys.add(
        describeForeignKey({
          name: String(con.conname),
          columns: cols,
          table: String(con.target),
          references: names(con.refs),
          onDelete: ACTION_CODES[String(con.confdeltype)] ?? String(con.confdeltype),
          onUpdate: ACTION_CODES[String(con.confupdtype)] ?? String(con.confupdtype),
        }),
      );
  }

  // Prisma makes every index a plain B-tree over whole columns; anything else is reported as it is.
  const indexes = await q(
    `SELECT t.relname, i.relname AS name, ix.indisunique AS is_unique, am.amname,
            pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
            ${columnList("ix.indkey::int2[]", "ix.indrelid", "ix.indnkeyatts")} AS columns,
            (SELECT bool_or(o & 1 = 1) FROM unnest(ix.indoption::int2[]) AS o) AS has_desc
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = $1 AND NOT ix.indisprimary`,
    [schemaName],
  );
  for (const ix of indexes) {
    let description = describeIndex(Boolean(ix.is_unique), String(ix.name), names(ix.columns));
    if (ix.amname !== "btree") description += ` USING ${ix.amname}`;
    if (ix.has_desc) description += " with a DESC column";
    if (ix.predicate !== null) description += ` WHERE ${ix.predicate}`;
    facts(ix.relname)?.indexes.add(description);
  }
  return tables;
}

/** {@link compareWithDatabase} for the PostgreSQL schema `schemaName`, read through `q`. */
export async function schemaDriftPg(schema: Schema, q: Query, schemaName: string): Promise<string[]> {
  return compareWithDatabase(schema, await readTables(q, schemaName), {
    types: PG_TYPES,
    defaultOf: pgDefault,
    primaryKeyName: (model) => `${model.table}_pkey`,
    foreignKeyName: (model, columns) => `${model.table}_${columns.join("_")}_fkey`,
  });
}
