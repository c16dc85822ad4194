// A small reader of prisma/schema.prisma and a comparison of its models with
// what a database reports after the hand-written migrations ran (SQLite here,
// PostgreSQL in prisma-schema-pg.ts). It understands
// only what this project's schema uses, and throws on anything else (an enum,
// a Float, a native type...) so that the drift test fails loudly until the
// reader is taught the new construct, rather than passing by ignoring it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "better-sqlite3";

export const SCHEMA_TEXT = readFileSync(join(import.meta.dirname, "..", "..", "..", "prisma", "schema.prisma"), "utf8");

/** The migration folders in `dir`, in the order they run; listed apart from src/db/migrate.ts so that one it would skip is noticed. */
export function migrationNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** `text` with `line` put first in the body of `model`: a change to the schema that no migration made. */
export function withLine(text: string, model: string, line: string): string {
  const re = new RegExp(`(model ${model} \\{\\n)`);
  if (!re.test(text)) throw new Error(`No model ${model} in the schema text`);
  return text.replace(re, `$1  ${line}\n`);
}

export const SCALAR_TYPES = {
  Int: "INTEGER",
  BigInt: "BIGINT",
  String: "TEXT",
  DateTime: "DATETIME",
  Boolean: "BOOLEAN",
} as const;
export type ScalarType = keyof typeof SCALAR_TYPES;

export interface ScalarField {
  name: string;
  /** Column name (@map or the field name). */
  column: string;
  type: ScalarType;
  optional: boolean;
  id: boolean;
  unique: boolean;
  /** The raw argument of @default(...), e.g. "now()", "autoincrement()", "\"x\"", "0". */
  default: string | undefined;
  updatedAt: boolean;
}

export interface RelationField {
  name: string;
  target: string;
  list: boolean;
  optional: boolean;
  /** Present on the side that holds the foreign key. */
  fields: string[] | undefined;
  references: string[] | undefined;
  onDelete: string | undefined;
  onUpdate: string | undefined;
}

export interface IndexDef {
  /** Field names, in order. */
  fields: string[];
  map: string | undefined;
}

export interface Model {
  name: string;
  table: string;
  scalars: ScalarField[];
  relations: RelationField[];
  /** Field names of the primary key, in order. */
  id: string[];
  uniques: IndexDef[];
  indexes: IndexDef[];
}

export interface Schema {
  provider: string | undefined;
  models: Model[];
}

/** Removes // and /// comments, leaving string literals alone. */
function stripComments(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === "\\" && inString) i++;
        else if (c === '"') inString = !inString;
        else if (!inString && c === "/" && line[i + 1] === "/") return line.slice(0, i);
      }
      return line;
    })
    .join("\n");
}

/** `@name(args)` / `@@name(args)` / `@name` occurrences in an attribute list, with balanced parentheses. */
function attributes(text: string, prefix: "@" | "@@"): { name: string; args: string | undefined }[] {
  const out: { name: string; args: string | undefined }[] = [];
  const re = prefix === "@" ? /(?<!@)@([A-Za-z][\w.]*)/g : /@@([A-Za-z][\w.]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let args: string | undefined;
    let i = re.lastIndex;
    if (text[i] === "(") {
      let depth = 0;
      let inString = false;
      const start = i + 1;
      for (; i < text.length; i++) {
        const c = text[i];
        if (inString) {
          if (c === "\\") i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
      }
      if (depth !== 0) throw new Error(`Unbalanced parentheses in ${JSON.stringify(text)}`);
      args = text.slice(start, i);
      re.lastIndex = i + 1;
    }
    out.push({ name: m[1]!, args });
  }
  return out;
}

/** The field names of the first `[a, b(sort: Desc)]` list in `args`, or of a named argument's list. */
function fieldList(args: string, named?: string): string[] | undefined {
  const re = named ? new RegExp(`\\b${named}\\s*:\\s*\\[([^\\]]*)\\]`) : /^\s*\[([^\]]*)\]/;
  const m = args.match(re);
  if (!m) return undefined;
  return m[1]!
    .split(",")
    .map((s) => s.replace(/\(.*\)/, "").trim())
    .filter(Boolean);
}

function namedArg(args: string | undefined, name: string): string | undefined {
  if (!args) return undefined;
  const m = args.match(new RegExp(`\\b${name}\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|\\w+)`));
  return m ? m[1]!.replace(/^"(.*)"$/, "$1") : undefined;
}

export function parsePrismaSchema(source: string): Schema {
  const text = stripComments(source);
  const blocks: { kind: string; name: string; body: string }[] = [];
  const blockStart = /^[ \t]*(\w+)[ \t]+(\w+)[ \t]*\{[ \t]*$/gm;
  let m: RegExpExecArray | null;
  while ((m = blockStart.exec(text))) {
    const end = text.indexOf("\n}", blockStart.lastIndex);
    if (end < 0) throw new Error(`Block ${m[1]} ${m[2]} is not closed`);
    blocks.push({ kind: m[1]!, name: m[2]!, body: text.slice(blockStart.lastIndex, end) });
    blockStart.lastIndex = end + 2;
  }

  let provider: string | undefined;
  const modelNames = new Set(blocks.filter((b) => b.kind === "model").map((b) => b.name));
  const models: Model[] = [];
  for (const block of blocks) {
    if (block.kind === "generator") continue;
    if (block.kind === "datasource") {
      provider = block.body.match(/provider\s*=\s*"([^"]+)"/)?.[1];
      continue;
    }
    if (block.kind !== "model") {
      throw new Error(`The schema reader does not understand "${block.kind} ${block.name}" yet; teach test/unit/helpers/prisma-schema.ts`);
    }
    const model: Model = { name: block.name, table: block.name, scalars: [], relations: [], id: [], uniques: [], indexes: [] };
    for (const rawLine of block.body.split("\n")) {
      const line = rawLine.trim();
      if (!line) continue;
      if (line.startsWith("@@")) {
        const [attr, ...more] = attributes(line, "@@");
        if (!attr || more.length) throw new Error(`Cannot read ${JSON.stringify(line)} in model ${model.name}`);
        const args = attr.args ?? "";
        switch (attr.name) {
          case "id":
            model.id = fieldList(args) ?? fieldList(args, "fields") ?? [];
            break;
          case "unique":
            model.uniques.push({ fields: fieldList(args) ?? fieldList(args, "fields") ?? [], map: namedArg(args, "map") });
            break;
          case "index":
            model.indexes.push({ fields: fieldList(args) ?? fieldList(args, "fields") ?? [], map: namedArg(args, "map") });
            break;
          case "map":
            model.table = args.trim().replace(/^"(.*)"$/, "$1");
            break;
          default:
            throw new Error(`The schema reader does not understand @@${attr.name} (model ${model.name})`);
        }
        continue;
      }
      const f = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?(\s+.*)?$/);
      if (!f) throw new Error(`Cannot read field ${JSON.stringify(line)} in model ${model.name}`);
      const [, name, type, list, optional, rest = ""] = f as unknown as [string, string, string, string | undefined, string | undefined, string | undefined];
      const attrs = attributes(rest, "@");
      if (modelNames.has(type)) {
        const relation = attrs.find((a) => a.name === "relation");
        const args = relation?.args ?? "";
        model.relations.push({
          name,
          target: type,
          list: Boolean(list),
          optional: Boolean(optional),
          fields: fieldList(args, "fields"),
          references: fieldList(args, "references"),
          onDelete: namedArg(args, "onDelete"),
          onUpdate: namedArg(args, "onUpdate"),
        });
        continue;
      }
      if (!(type in SCALAR_TYPES)) {
        throw new Error(`The schema reader does not understand type ${type} (${model.name}.${name}); teach test/unit/helpers/prisma-schema.ts`);
      }
      if (list) throw new Error(`Scalar lists are not supported on SQLite (${model.name}.${name})`);
      const known = new Set(["id", "unique", "default", "updatedAt", "map"]);
      for (const a of attrs) {
        if (!known.has(a.name)) throw new Error(`The schema reader does not understand @${a.name} (${model.name}.${name})`);
      }
      const map = attrs.find((a) => a.name === "map")?.args;
      const field: ScalarField = {
        name,
        column: map ? map.trim().replace(/^"(.*)"$/, "$1") : name,
        type: type as ScalarType,
        optional: Boolean(optional),
        id: attrs.some((a) => a.name === "id"),
        unique: attrs.some((a) => a.name === "unique"),
        default: attrs.find((a) => a.name === "default")?.args?.trim(),
        updatedAt: attrs.some((a) => a.name === "updatedAt"),
      };
      model.scalars.push(field);
      if (field.id) model.id = [field.name];
    }
    if (model.id.length === 0) throw new Error(`Model ${model.name} has no @id`);
    models.push(model);
  }
  return { provider, models };
}

// ---------------------------------------------------------------------------
// Comparison with a migrated database. A reader per database (SQLite below,
// PostgreSQL in prisma-schema-pg.ts) reports what the database has in the
// terms used here; the comparison itself, and Prisma's naming and defaults,
// are shared so that both histories are held to the same rules.

export interface ColumnFacts {
  type: string;
  notNull: boolean;
  default: string | null;
}

export interface TableFacts {
  columns: Map<string, ColumnFacts>;
  /** `(a, b)`, or `name (a, b)` where the database keeps the constraint's name. */
  primaryKey: string;
  /** As {@link describeIndex} writes them. */
  indexes: Set<string>;
  /** As {@link describeForeignKey} writes them. */
  foreignKeys: Set<string>;
}

export interface Dialect {
  types: Record<ScalarType, string>;
  /** The column default, as the database reports it, of a column Prisma created for `field`. */
  defaultOf(field: ScalarField, model: Model): string | null;
  /** Prisma's constraint names; left out where the database does not report them (SQLite's pragmas). */
  primaryKeyName?(model: Model): string;
  foreignKeyName?(model: Model, columns: string[]): string;
  /** Checks of the database's own, reported after the primary key's. */
  checkTable?(model: Model): string[];
}

export const ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

export type DefaultValue =
  | { kind: "none" | "autoincrement" | "now" }
  | { kind: "string"; value: string }
  | { kind: "number" | "boolean"; raw: string };

/** What `@default(...)` asks of the database; ids the client makes (uuid(), cuid()...) ask nothing. */
export function defaultValue(field: ScalarField): DefaultValue {
  const raw = field.default;
  if (raw === undefined || /^(uuid|cuid|nanoid|ulid)\(.*\)$/.test(raw)) return { kind: "none" };
  if (raw === "autoincrement()") return { kind: "autoincrement" };
  if (raw === "now()") return { kind: "now" };
  if (/^".*"$/.test(raw)) return { kind: "string", value: JSON.parse(raw) as string };
  if (/^-?\d+(\.\d+)?$/.test(raw)) return { kind: "number", raw };
  if (raw === "true" || raw === "false") return { kind: "boolean", raw };
  throw new Error(`The schema reader does not understand @default(${raw}) (${field.name})`);
}

export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function describeIndex(unique: boolean, name: string, columns: string[]): string {
  return `${unique ? "UNIQUE INDEX" : "INDEX"} ${name} (${columns.join(", ")})`;
}

export function describeForeignKey(fk: {
  name?: string | undefined;
  columns: string[];
  table: string;
  references: string[];
  onDelete: string;
  onUpdate: string;
}): string {
  const name = fk.name === undefined ? "" : `${fk.name} `;
  return `FOREIGN KEY ${name}(${fk.columns.join(", ")}) REFERENCES ${fk.table} (${fk.references.join(", ")}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
}

function compareSets(out: string[], model: Model, expected: Set<string>, actual: Set<string>): void {
  for (const e of expected) if (!actual.has(e)) out.push(`${model.name}: ${e} missing from the database`);
  for (const a of actual) if (!expected.has(a)) out.push(`${model.name}: ${a} in the database but not in the schema`);
}

/**
 * Every difference between the models and the database, as readable lines;
 * an empty list means the migrations produce exactly the schema.
 */
export function compareWithDatabase(schema: Schema, tables: Map<string, TableFacts>, dialect: Dialect): string[] {
  const out: string[] = [];
  const byName = new Map(schema.models.map((m) => [m.name, m]));
  for (const t of tables.keys()) {
    if (!schema.models.some((m) => m.table === t)) out.push(`table ${t}: in the database but not a model`);
  }

  for (const model of schema.models) {
    const t = model.table;
    const facts = tables.get(t);
    if (!facts) {
      out.push(`model ${model.name}: no table ${t} in the database`);
      continue;
    }
    const columnOf = (fieldName: string) => model.scalars.find((s) => s.name === fieldName)?.column ?? `?${fieldName}`;

    for (const f of model.scalars) {
      const c = facts.columns.get(f.column);
      const where = `${model.name}.${f.name}`;
      if (!c) {
        out.push(`${where}: no column ${t}.${f.column} in the database`);
        continue;
      }
      const type = dialect.types[f.type];
      if (c.type !== type) out.push(`${where}: column type ${c.type}, expected ${type}`);
      if (c.notNull === f.optional) out.push(`${where}: column is ${c.notNull ? "NOT NULL" : "nullable"}, field is ${f.optional ? "optional" : "required"}`);
      const dflt = dialect.defaultOf(f, model);
      if (c.default !== dflt) out.push(`${where}: column default ${c.default ?? "none"}, expected ${dflt ?? "none"}`);
    }
    for (const name of facts.columns.keys()) {
      if (!model.scalars.some((s) => s.column === name)) out.push(`${model.name}: column ${t}.${name} in the database but not a field`);
    }

    const pkName = dialect.primaryKeyName ? `${dialect.primaryKeyName(model)} ` : "";
    const expectedPk = `${pkName}(${model.id.map(columnOf).join(", ")})`;
    if (facts.primaryKey !== expectedPk) out.push(`${model.name}: primary key ${facts.primaryKey}, expected ${expectedPk}`);
    out.push(...(dialect.checkTable?.(model) ?? []));

    // Named the way Prisma names them, so that `prisma migrate diff` agrees too.
    const indexes = new Set<string>();
    const index = (unique: boolean, fields: string[], map: string | undefined) => {
      const cols = fields.map(columnOf);
      indexes.add(describeIndex(unique, map ?? `${t}_${cols.join("_")}_${unique ? "key" : "idx"}`, cols));
    };
    for (const f of model.scalars) if (f.unique) index(true, [f.name], undefined);
    for (const u of model.uniques) index(true, u.fields, u.map);
    for (const i of model.indexes) index(false, i.fields, i.map);
    compareSets(out, model, indexes, facts.indexes);

    const foreignKeys = new Set<string>();
    for (const r of model.relations) {
      if (!r.fields) continue;
      const target = byName.get(r.target)!;
      const targetColumn = (n: string) => target.scalars.find((s) => s.name === n)?.column ?? `?${n}`;
      const anyOptional = r.fields.some((n) => model.scalars.find((s) => s.name === n)?.optional);
      const columns = r.fields.map(columnOf);
      foreignKeys.add(
        describeForeignKey({
          name: dialect.foreignKeyName?.(model, columns),
          columns,
          table: target.table,
          references: (r.references ?? []).map(targetColumn),
          onDelete: r.onDelete ? ACTIONS[r.onDelete]! : anyOptional ? "SET NULL" : "RESTRICT",
          onUpdate: r.onUpdate ? ACTIONS[r.onUpdate]! : "CASCADE",
        }),
      );
    }
    compareSets(out, model, foreignKeys, facts.foreignKeys);
  }
  return out;
}

// ---------------------------------------------------------------------------
// SQLite, through its pragmas.

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
interface IndexListRow {
  name: string;
  unique: number;
  origin: string;
}
interface IndexInfoRow {
  seqno: number;
  name: string;
}
interface ForeignKeyRow {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string;
  on_update: string;
  on_delete: string;
}

/** What SQLite's table_info shows as the default of a column Prisma created from `@default(...)`. */
function sqliteDefault(field: ScalarField): string | null {
  const d = defaultValue(field);
  switch (d.kind) {
    case "none":
    case "autoincrement":
      return null;
    case "now":
      return "CURRENT_TIMESTAMP";
    case "string":
      return sqlString(d.value);
    default:
      return d.raw;
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteTable(db: Database, t: string): TableFacts {
  const info = db.pragma(`table_info(${q(t)})`) as ColumnInfo[];
  const columns = new Map(info.map((c) => [c.name, { type: c.type.toUpperCase(), notNull: Boolean(c.notnull), default: c.dflt_value ?? null }]));
  const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);

  const indexes = new Set<string>();
  for (const ix of db.pragma(`index_list(${q(t)})`) as IndexListRow[]) {
    if (ix.origin === "pk") continue;
    const cols = (db.pragma(`index_info(${q(ix.name)})`) as IndexInfoRow[]).sort((a, b) => a.seqno - b.seqno).map((r) => r.name);
    indexes.add(describeIndex(Boolean(ix.unique), ix.name, cols));
  }

  const fkRows = db.pragma(`foreign_key_list(${q(t)})`) as ForeignKeyRow[];
  const foreignKeys = new Set<string>();
  for (const id of new Set(fkRows.map((r) => r.id))) {
    const rows = fkRows.filter((r) => r.id === id).sort((a, b) => a.seq - b.seq);
    const first = rows[0]!;
    foreignKeys.add(
      describeForeignKey({
        columns: rows.map((r) => r.from),
        table: first.table,
        references: rows.map((r) => r.to),
        onDelete: first.on_delete,
        onUpdate: first.on_update,
      }),
    );
  }
  return { columns, primaryKey: `(${pk.join(", ")})`, indexes, foreignKeys };
}

/** {@link compareWithDatabase} for a migrated SQLite database. */
export function schemaDrift(schema: Schema, db: Database): string[] {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`)
    .all()
    .map((r) => (r as { name: string }).name);
  const tables = new Map(names.map((t) => [t, sqliteTable(db, t)]));
  return compareWithDatabase(schema, tables, {
    types: SCALAR_TYPES,
    defaultOf: sqliteDefault,
    // A SQLite rowid table only keeps ids increasing (never reused) with AUTOINCREMENT, which Prisma writes.
    checkTable(model) {
      const sql = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(model.table) as { sql: string }).sql;
      const autoincrement = model.scalars.some((s) => s.default === "autoincrement()");
      return /\bAUTOINCREMENT\b/i.test(sql) === autoincrement ? [] : [`${model.name}: AUTOINCREMENT ${autoincrement ? "missing from" : "unexpected in"} the table`];
    },
  });
}
