// Independent re-implementations the package tests check quiltup-mcp against (quilt.md §7–§9):
// canonical JSON as Python's json.dumps(sort_keys=True, separators=(',', ':')) writes it for the
// values these tests use (strings, ints, objects, arrays), the top hash, the sha2-256-chunked
// hash of a small object, and JSON-schema validation with the SDK's own Ajv.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./harness.mjs";

const escapeNonAscii = (s) => s.replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));

export function canonicalJson(value) {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isInteger(value)) throw new Error("floats are not used by these tests");
    return escapeNonAscii(JSON.stringify(value));
  }
  if (Array.isArray(value)) return "[" + value.map(canonicalJson).join(",") + "]";
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return "{" + keys.map((k) => escapeNonAscii(JSON.stringify(k)) + ":" + canonicalJson(value[k])).join(",") + "}";
}

// quilt3's walk order: logical keys as tuples of '/'-separated components.
export function walkOrder(a, b) {
  const x = a.split("/"), y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); ++i) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

export function parseManifest(text) {
  const lines = text.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  return { header: lines[0], entries: lines.slice(1).filter((l) => l.physical_keys) };
}

export function topHash({ header, entries }) {
  const { top_hash, ...rest } = header;
  const parts = [canonicalJson(rest)];
  for (const e of [...entries].sort((a, b) => walkOrder(a.logical_key, b.logical_key)))
    parts.push(canonicalJson({ hash: e.hash, logical_key: e.logical_key, meta: e.meta ?? {}, size: e.size }));
  return crypto.createHash("sha256").update(parts.join(""), "utf8").digest("hex");
}

// sha2-256-chunked of an object of at most 8 MiB: one chunk, hashed twice; empty: sha256("").
export function chunkedHash(bytes) {
  const once = crypto.createHash("sha256").update(bytes).digest();
  return bytes.length === 0 ? once.toString("base64") : crypto.createHash("sha256").update(once).digest("base64");
}

export const quiltSummarizeSchema = () =>
  JSON.parse(fs.readFileSync(path.join(process.env.QUILTUP_TESTDATA_DIR ?? path.resolve(repoRoot, "../shared/testdata"), "quilt/schemas/quilt_summarize.json"), "utf8"));

// A validator for `schema` from the SDK's Ajv; fails the test with Ajv's message.
export function schemaChecker(sdk, schema, label) {
  const validate = new sdk.AjvJsonSchemaValidator().getValidator(schema);
  return (value) => {
    const r = validate(value);
    if (!r.valid) throw new Error(`${label}: ${r.errorMessage} in ${JSON.stringify(value).slice(0, 2000)}`);
    return value;
  };
}

// A v1 client whose call(name, args) checks every answer: structuredContent present, the text
// block the same JSON, and the structuredContent valid against the tool's outputSchema.
export async function checkedClient(sdk, connect, env) {
  const client = await connect(sdk, { env });
  const tools = (await client.listTools({})).tools;
  const checks = Object.fromEntries(tools.map((t) => [t.name, schemaChecker(sdk, t.outputSchema, `${t.name} outputSchema`)]));
  const call = async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    if (!result.structuredContent) throw new Error(`${name} answered without structuredContent: ${JSON.stringify(result)}`);
    if (JSON.stringify(JSON.parse(result.content[0].text)) !== JSON.stringify(result.structuredContent))
      throw new Error(`${name}: the text block differs from structuredContent`);
    checks[name](result.structuredContent);
    return result;
  };
  return { client, tools, checks, call };
}
