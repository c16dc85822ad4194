// A small reader of prisma/schema.prisma and a comparison of its models with
// what SQLite reports after the hand-written migrations ran. It understands
// only what this project's schema uses, and throws on anything else (an enum,
// a Float, a native type...) so that the drift test fails loudly until the
// reader is taught the new construct, rather than passing by ignoring it.
import type { Database } from "better-sqlite3";

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
// Comparison with a migrated SQLite database.

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

const ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** What SQLite's table_info shows as the default of a column Prisma created from `@default(raw)`. */
function expectedDefault(field: ScalarField): string | null {
  const raw = field.default;
  if (raw === undefined || raw === "autoincrement()") return null;
  if (raw === "now()") return "CURRENT_TIMESTAMP";
  if (/^(uuid|cuid|nanoid|ulid)\(.*\)$/.test(raw)) return null; // filled in by the client
  if (/^".*"$/.test(raw)) return `'${raw.slice(1, -1).replace(/'/g, "''")}'`;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return raw;
  if (raw === "true" || raw === "false") return raw;
  throw new Error(`The schema reader does not understand @default(${raw}) (${field.name})`);
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every difference between the models and the database, as readable lines;
 * an empty list means the migrations produce exactly the schema.
 */
export function schemaDrift(schema: Schema, db: Database): string[] {
  const out: string[] = [];
  const tables = new Set(
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`)
      .all()
      .map((r) => (r as { name: string }).name),
  );
  const byName = new Map(schema.models.map((m) => [m.name, m]));
  for (const t of tables) {
    if (!schema.models.some((m) => m.table === t)) out.push(`table ${t}: in the database but not a model`);
  }

  for (const model of schema.models) {
    const t = model.table;
    if (!tables.has(t)) {
      out.push(`model ${model.name}: no table ${t} in the database`);
      continue;
    }
    const columns = new Map((db.pragma(`table_info(${q(t)})`) as ColumnInfo[]).map((c) => [c.name, c]));
    const columnOf = (fieldName: string) => model.scalars.find((s) => s.name === fieldName)?.column ?? `?${fieldName}`;

    for (const f of model.scalars) {
      const c = columns.get(f.column);
      const where = `${model.name}.${f.name}`;
      if (!c) {
        out.push(`${where}: no column ${t}.${f.column} in the database`);
        continue;
      }
      if (c.type.toUpperCase() !== SCALAR_TYPES[f.type]) out.push(`${where}: column type ${c.type}, expected ${SCALAR_TYPES[f.type]}`);
      if (Boolean(c.notnull) === f.optional) out.push(`${where}: column is ${c.notnull ? "NOT NULL" : "nullable"}, field is ${f.optional ? "optional" : "required"}`);
      const dflt = expectedDefault(f);
      if ((c.dflt_value ?? null) !== dflt) out.push(`${where}: column default ${c.dflt_value ?? "none"}, expected ${dflt ?? "none"}`);
    }
    for (const name of columns.keys()) {
      if (!model.scalars.some((s) => s.column === name)) out.push(`${model.name}: column ${t}.${name} in the database but not a field`);
    }

    const pk = [...columns.values()].filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const expectedPk = model.id.map(columnOf);
    if (pk.join(",") !== expectedPk.join(",")) out.push(`${model.name}: primary key (${pk.join(", ")}), expected (${expectedPk.join(", ")})`);

    const sql = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t) as { sql: string }).sql;
    const autoincrement = model.scalars.some((s) => s.default === "autoincrement()");
    if (/\bAUTOINCREMENT\b/i.test(sql) !== autoincrement) {
      out.push(`${model.name}: AUTOINCREMENT ${autoincrement ? "missing from" : "unexpected in"} the table`);
    }

    // Indexes, named the way Prisma names them, so `prisma migrate diff` agrees too.
    const actual = new Set<string>();
    for (const ix of db.pragma(`index_list(${q(t)})`) as IndexListRow[]) {
      if (ix.origin === "pk") continue;
      const cols = (db.pragma(`index_info(${q(ix.name)})`) as IndexInfoRow[]).sort((a, b) => a.seqno - b.seqno).map((r) => r.name);
      actual.add(`${ix.unique ? "UNIQUE INDEX" : "INDEX"} ${ix.name} (${cols.join(", ")})`);
    }
    const expected = new Set<string>();
    const describe = (kind: "UNIQUE INDEX" | "INDEX", fields: string[], map: string | undefined) => {
      const cols = fields.map(columnOf);
      expected.add(`${kind} ${map ?? `${t}_${cols.join("_")}_${kind === "INDEX" ? "idx" : "key"}`} (${cols.join(", ")})`);
    };
    for (const f of model.scalars) if (f.unique) describe("UNIQUE INDEX", [f.name], undefined);
    for (const u of model.uniques) describe("UNIQUE INDEX", u.fields, u.map);
    for (const i of model.indexes) describe("INDEX", i.fields, i.map);
    for (const e of expected) if (!actual.has(e)) out.push(`${model.name}: ${e} missing from the database`);
    for (const a of actual) if (!expected.has(a)) out.push(`${model.name}: ${a} in the database but not in the schema`);

    // Foreign keys, with Prisma's default referential actions.
    const fkRows = db.pragma(`foreign_key_list(${q(t)})`) as ForeignKeyRow[];
    const actualFks = new Set<string>();
    for (const id of new Set(fkRows.map((r) => r.id))) {
      const rows = fkRows.filter((r) => r.id === id).sort((a, b) => a.seq - b.seq);
      const first = rows[0]!;
      actualFks.add(
        `FOREIGN KEY (${rows.map((r) => r.from).join(", ")}) REFERENCES ${first.table} (${rows.map((r) => r.to).join(", ")}) ON DELETE ${first.on_delete} ON UPDATE ${first.on_update}`,
      );
    }
    const expectedFks = new Set<string>();
    for (const r of model.relations) {
      if (!r.fields) continue;
      const target = byName.get(r.target)!;
      const targetColumn = (n: string) => target.scalars.find((s) => s.name === n)?.column ?? `?${n}`;
      const anyOptional = r.fields.some((n) => model.scalars.find((s) => s.name === n)?.optional);
      const onDelete = r.onDelete ? ACTIONS[r.onDelete] : anyOptional ? "SET NULL" : "RESTRICT";
      const onUpdate = r.onUpdate ? ACTIONS[r.onUpdate] : "CASCADE";
      expectedFks.add(
        `FOREIGN KEY (${r.fields.map(columnOf).join(", ")}) REFERENCES ${target.table} (${(r.references ?? []).map(targetColumn).join(", ")}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`,
      );
    }
    for (const e of expectedFks) if (!actualFks.has(e)) out.push(`${model.name}: ${e} missing from the database`);
    for (const a of actualFks) if (!expectedFks.has(a)) out.push(`${model.name}: ${a} in the database but not in the schema`);
  }
  return out;
}
