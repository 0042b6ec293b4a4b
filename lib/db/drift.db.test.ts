import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db";

/**
 * Proves that the hand-written SQL migrations build exactly the database that
 * prisma/schema.prisma describes (Prisma's schema engine, which would check
 * this, cannot run here). Both sides are reduced to the same list of facts:
 * tables, columns with type/nullability/default, primary keys, unique and
 * plain indexes with column order and direction, and foreign keys with their
 * actions, all under Prisma's naming conventions.
 */

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  nativeType?: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: Array<{ name: string; sortOrder?: "asc" | "desc" }>;
}

const TYPE_OF: Record<string, string> = {
  Int: "int4",
  String: "text",
  Boolean: "bool",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  BigInt: "int8",
  Float: "float8",
};
const ACTION: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

function expectedDefault(field: DmmfField): string {
  if (!field.hasDefaultValue) return "none";
  const value = field.default as { name?: string } | string | number | boolean;
  if (typeof value === "object" && value !== null && "name" in value) {
    return value.name === "autoincrement"
      ? "sequence"
      : value.name === "now"
        ? "CURRENT_TIMESTAMP"
        : String(value.name);
  }
  return String(value);
}

function actualDefault(text: string | null): string {
  if (text === null) return "none";
  if (text.startsWith("nextval(")) return "sequence";
  if (/^ARRAY\[\]::/.test(text)) return "";
  return text.replace(/::[a-z ]+(\(\d+\))?$/i, "").replace(/^'(.*)'$/, "$1");
}

async function describeSchema(): Promise<string[]> {
  const prismaSchema = await readFile(path.resolve("prisma/schema.prisma"), "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))) as {
    datamodel: { models: DmmfModel[]; indexes: DmmfIndex[] };
  };
  const facts: string[] = [];
  const tableOf = new Map(dmmf.datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  // DMMF leaves out Unsupported("…") fields (a tsvector, say), though indexes name them: read them from the text.
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  for (const [, modelName, body] of prismaSchema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    for (const [, column, type, optional] of body.matchAll(/^\s+(\w+)\s+Unsupported\("(\w+)"\)(\?)?/gm)) {
      facts.push(`column ${tableOf.get(modelName)}.${column} ${type} ${optional ? "null" : "not null"} default=none`);
    }
  }
  for (const model of dmmf.datamodel.models) {
    const table = tableOf.get(model.name)!;
    facts.push(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const target = dmmf.datamodel.models.find((candidate) => candidate.name === field.type)!;
          const from = field.relationFromFields.map((name) => columnOf(model, name));
          const to = field.relationToFields!.map((name) => columnOf(target, name));
          const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
          facts.push(
            `fk ${table}_${from.join("_")}_fkey ${table}(${from}) -> ${tableOf.get(target.name)}(${to}) delete=${onDelete} update=Cascade`,
          );
        }
        continue;
      }
      const type = TYPE_OF[field.type] ?? field.type;
      // Prisma creates scalar-list columns nullable on PostgreSQL, whatever the schema says.
      const nullable = field.isList || !field.isRequired;
      facts.push(
        `column ${table}.${field.dbName ?? field.name} ${field.isList ? `${type}[]` : type} ${nullable ? "null" : "not null"} default=${expectedDefault(field)}`,
      );
    }
  }
  for (const index of dmmf.datamodel.indexes) {
    const model = dmmf.datamodel.models.find((candidate) => candidate.name === index.model)!;
    const table = tableOf.get(model.name)!;
    const columns = index.fields.map((field) => columnOf(model, field.name));
    const ordered = index.fields.map((field, i) => `${columns[i]} ${field.sortOrder === "desc" ? "desc" : "asc"}`);
    const name =
      index.dbName ??
      (index.type === "id"
        ? `${table}_pkey`
        : `${table}_${columns.join("_")}_${index.type === "unique" ? "key" : "idx"}`);
    facts.push(
      `index ${name} on ${table}(${ordered.join(", ")}) ${index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "plain"}`,
    );
  }
  return facts.sort();
}

async function describeDatabase(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const facts: string[] = [];
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    for (const row of tables.rows) facts.push(`table ${row.table_name}`);
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
      datetime_precision: number | null;
    }>(
      "SELECT table_name, column_name, udt_name, is_nullable, column_default, datetime_precision FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    for (const column of columns.rows) {
      const base = column.udt_name.replace(/^_/, "");
      const type = base === "timestamp" ? `timestamp(${column.datetime_precision})` : base;
      const list = column.udt_name.startsWith("_") ? "[]" : "";
      facts.push(
        `column ${column.table_name}.${column.column_name} ${type}${list} ${column.is_nullable === "NO" ? "not null" : "null"} default=${actualDefault(column.column_default)}`,
      );
    }
    const indexes = await client.query<{
      table: string;
      index: string;
      unique: boolean;
      primary: boolean;
      columns: string[];
      descending: boolean[];
    }>(`
      SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
        ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
        ARRAY(SELECT (o.opt & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY o(opt, ord) ORDER BY o.ord) AS descending
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
    for (const index of indexes.rows) {
      const ordered = index.columns.map((column, i) => `${column} ${index.descending[i] ? "desc" : "asc"}`);
      facts.push(
        `index ${index.index} on ${index.table}(${ordered.join(", ")}) ${index.primary ? "primary" : index.unique ? "unique" : "plain"}`,
      );
    }
    const foreignKeys = await client.query<{
      name: string;
      table: string;
      target: string;
      columns: string[];
      target_columns: string[];
      on_delete: string;
      on_update: string;
    }>(`
      SELECT c.conname AS name, t.relname AS table, ft.relname AS target, c.confdeltype AS on_delete, c.confupdtype AS on_update,
        ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
        ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS target_columns
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_class ft ON ft.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`);
    for (const fk of foreignKeys.rows) {
      facts.push(
        `fk ${fk.name} ${fk.table}(${fk.columns}) -> ${fk.target}(${fk.target_columns}) delete=${ACTION[fk.on_delete]} update=${ACTION[fk.on_update]}`,
      );
    }
    return facts.sort();
  } finally {
    await client.end();
  }
}

describe("migrations match schema.prisma (no drift)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("has every model, field, type, nullability, default, relation and index, and nothing else", async () => {
    const expected = await describeSchema();
    const actual = await describeDatabase(database.url);
    expect(expected.length).toBeGreaterThan(40);
    expect(actual).toEqual(expected);
  });
});
