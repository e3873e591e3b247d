// A local stand-in for a Quilt registry's GraphQL endpoint, for quiltup's catalog-backend tests
// (no real registry can run here). What makes it worth testing against:
//   - every document is parsed and VALIDATED with graphql-js against the shared SDL files:
//       POST /graphql               → schema.graphql            (current stacks)
//       POST /v2025-10-08/graphql   → schema-2025-10-08.graphql (variant-A era stacks)
//     A document must also validate against the other file, except the bucket listings
//     (`buckets` exists only on current stacks, `bucketConfigs{collaborators}` only on old ones):
//     quiltup's documents are meant to work on both. Invalid → HTTP 400 {"errors": [...]}, as
//     the registry answers.
//   - queries are EXECUTED by graphql-js over an in-memory registry, so the answer has exactly
//     the selected shape; union members carry __typename like the real one.
//   - packageConstruct computes the real quilt3 top hash of what it was sent, hashes entries that
//     came without a hash by reading the object from the local S3 server (as pkgpush does), and
//     writes the manifest and the named_packages pointers there, so the direct backend can read
//     what the "registry" wrote (browse fallback for > 1,000 entries).
// Scenarios are chosen by package name (namespace "scenario"):
//   scenario/invalid-input    → InvalidInput            scenario/operation-error → OperationError TooManyFilesToHash
//   scenario/forbidden        → OperationError Forbidden scenario/graphql-error  → 200 {"errors": [...]}
//   scenario/http-400         → HTTP 400 Bad Request     scenario/http-500        → HTTP 500
//   scenario/delete-error     → packageRevisionDelete answers OperationError
// Bearer tokens: missing → 401; "expired-token" → 401; "anonymous-token" → me = null.
// Test hooks: POST /_admin/buckets {buckets: [...]} sets what `buckets`/`bucketConfigs` return;
// GET /_requests lists every GraphQL request received (query, variables, schema, validity).
//
// usage: node server.mjs --port <n> [--rgw-env <file>]   prints "port=<n>" once listening.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate, execute } from "graphql";
import { s3 } from "../mcp/support/s3.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc, []));
const testdata = process.env.QUILTUP_TESTDATA_DIR ?? path.resolve(here, "../../../shared/testdata");
const sdl = (f) => fs.readFileSync(path.join(testdata, "quilt/graphql", f), "utf8");
const schemas = { current: buildSchema(sdl("schema.graphql")), "2025-10-08": buildSchema(sdl("schema-2025-10-08.graphql")) };
const prefixes = { "": "current", "/v2025-10-08": "2025-10-08" };

function readEnvFile(file) {
  if (!file || !fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, "utf8");
  return Object.fromEntries(text.split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
}
const rgw = readEnvFile(args["rgw-env"]);

// ---- quilt3's top hash (quilt.md §8.1) --------------------------------------------------------
const codePointLess = (a, b) => {
  const x = Array.from(a), y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); ++i)
    if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
  return x.length - y.length;
};
const pyString = (s) => '"' + Array.from(s).map((ch) => {
  const c = ch.codePointAt(0);
  const short = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" }[ch];
  if (short) return short;
  const u = (n) => "\\u" + n.toString(16).padStart(4, "0");
  if (c < 0x20 || c === 0x7f) return u(c);
  if (c < 0x7f) return ch;
  if (c > 0xffff) { const v = c - 0x10000; return u(0xd800 + (v >> 10)) + u(0xdc00 + (v & 0x3ff)); }
  return u(c);
}).join("") + '"';
// Ints and strings exactly as Python; floats only as far as JS can tell (the tests use neither
// 1.0-style floats nor huge ints in metadata, which JSON.parse cannot keep apart).
function pyJson(v) {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === "string") return pyString(v);
  if (Array.isArray(v)) return "[" + v.map(pyJson).join(",") + "]";
  return "{" + Object.keys(v).sort(codePointLess).map((k) => pyString(k) + ":" + pyJson(v[k])).join(",") + "}";
}
const walkLess = (a, b) => {
  const x = a.split("/"), y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); ++i) {
    const c = codePointLess(x[i], y[i]);
    if (c) return c;
  }
  return x.length - y.length;
};
function topHash(header, entries) {
  const h = crypto.createHash("sha256");
  h.update(pyJson(header));
  for (const e of [...entries].sort((a, b) => walkLess(a.logical_key, b.logical_key)))
    h.update(pyJson({ hash: e.hash, logical_key: e.logical_key, meta: e.meta ?? {}, size: e.size }));
  return h.digest("hex");
}

// sha2-256-chunked (quilt.md §8.2)
function quiltHash(bytes) {
  if (bytes.length === 0) return crypto.createHash("sha256").digest("base64");
  let chunk = 8 << 20;
  while (Math.ceil(bytes.length / chunk) > 10000) chunk *= 2;
  const outer = crypto.createHash("sha256");
  for (let o = 0; o < bytes.length; o += chunk) outer.update(crypto.createHash("sha256").update(bytes.subarray(o, o + chunk)).digest());
  return outer.digest("base64");
}

function parsePhysicalKey(url) {
  const m = /^s3:\/\/([^/]+)\/([^?]+)(?:\?versionId=(.*))?$/.exec(url);
  if (!m) return null;
  return { bucket: m[1], key: decodeURIComponent(m[2]), versionId: m[3] ? decodeURIComponent(m[3]) : null };
}
const formatPhysicalKey = (l) => `s3://${l.bucket}/${l.key.split("/").map(encodeURIComponent).join("/")}` +
  (l.versionId ? `?versionId=${encodeURIComponent(l.versionId)}` : "");

// ---- the in-memory registry -------------------------------------------------------------------
const packages = new Map();  // "bucket\0name" → { bucket, name, revisions: [newest last] }
let bucketList = [];
const requests = [];

class OperationFailure extends Error {
  constructor(name, message, context = null) { super(message); this.result = { __typename: "OperationError", name, message, context }; }
}

function revisionView(rev) {
  return {
    hash: rev.hash, modified: rev.modified, message: rev.message, metadata: rev.header, userMeta: rev.userMeta ?? null,
    workflow: null, totalEntries: rev.entries.length, totalBytes: rev.entries.reduce((n, e) => n + e.size, 0),
    accessCounts: null, dir: null, file: null,
    contentsFlatMap: ({ max }) => rev.entries.length > max ? null : Object.fromEntries(rev.entries.map((e) =>
      [e.logical_key, { physicalKey: e.physical_key, size: e.size, hash: e.hash, meta: e.meta ?? null }])),
  };
}

function packageView(pkg) {
  const newestFirst = () => [...pkg.revisions].reverse();
  return {
    bucket: pkg.bucket, name: pkg.name, modified: pkg.revisions.at(-1).modified, accessCounts: null,
    revisions: { total: pkg.revisions.length,
      page: ({ number, perPage }) => newestFirst().slice((number - 1) * perPage, number * perPage).map(revisionView) },
    revision: ({ hashOrTag }) => {
      const rev = hashOrTag === "latest" ? pkg.revisions.at(-1) : pkg.revisions.find((r) => r.hash === hashOrTag);
      return rev ? revisionView(rev) : null;
    },
  };
}

async function resolveEntry(e) {
  const loc = parsePhysicalKey(e.physicalKey);
  if (!loc) throw new OperationFailure("InvalidPhysicalKey", `not an s3:// URI: ${e.physicalKey}`);
  let { hash, size } = e;
  if (!hash || size === null || size === undefined || !loc.versionId) {
    if (!rgw) throw new OperationFailure("FailedToFetchObjectMetadata", `cannot read ${e.physicalKey}: the stand-in has no S3 access`);
    let got;
    try {
      got = await s3(rgw, "GET", loc.bucket, loc.key, { query: loc.versionId ? { versionId: loc.versionId } : {} });
    } catch (err) {
      throw new OperationFailure("FailedToFetchObjectMetadata", `${e.physicalKey}: ${err.message.slice(0, 200)}`, { physicalKey: e.physicalKey });
    }
    size ??= got.body.length;
    hash ??= { type: "sha2-256-chunked", value: quiltHash(got.body) };
    loc.versionId ??= got.headers.get("x-amz-version-id") ?? null;
    if (loc.versionId === "null") loc.versionId = null;
  }
  return { logical_key: e.logicalKey, physical_key: formatPhysicalKey(loc), size, hash, meta: e.meta ?? {} };
}

async function writeToS3(bucket, name, hash, header, entries) {
  if (!rgw) return;
  const lines = [header, ...[...entries].sort((a, b) => walkLess(a.logical_key, b.logical_key)).map((e) =>
    ({ logical_key: e.logical_key, physical_keys: [e.physical_key], size: e.size, hash: e.hash, meta: e.meta }))];
  await s3(rgw, "PUT", bucket, `.quilt/packages/${hash}`, { body: Buffer.from(lines.map((l) => JSON.stringify(l)).join("\n") + "\n") });
  const ts = Math.floor(Date.now() / 1000).toString();
  await s3(rgw, "PUT", bucket, `.quilt/named_packages/${name}/${ts}`, { body: Buffer.from(hash) });
  await s3(rgw, "PUT", bucket, `.quilt/named_packages/${name}/latest`, { body: Buffer.from(hash) });
}

const scenarioResults = {
  "scenario/invalid-input": () => ({ __typename: "InvalidInput", errors: [
    { path: "src.entries[0].physicalKey", message: "object does not exist", name: "InvalidInput", context: null },
    { path: "params.name", message: "name is reserved", name: "InvalidInput", context: null }] }),
  "scenario/operation-error": () => ({ __typename: "OperationError", name: "TooManyFilesToHash",
    message: "Too many files to hash: 2 > 0", context: { num_files: 2, max_files: 0 } }),
  "scenario/forbidden": () => ({ __typename: "OperationError", name: "Forbidden", message: "Access denied to s3://bucket", context: null }),
};

function rootValue(token) {
  return {
    me: () => token === "anonymous-token" ? null : {
      name: "alice", email: "alice@example.com", isAdmin: false, role: { name: "ReadWriteQuiltBucket" },
      roles: [{ name: "ReadWriteQuiltBucket" }, { name: "ReadQuiltBucket" }], apiKeys: [], apiKey: null },
    buckets: () => bucketList.map((b) => ({ relevanceScore: 0, tags: null, iconUrl: null, ...b })),
    bucketConfigs: () => bucketList.map((b) => ({ relevanceScore: 0, tags: null, iconUrl: null, lastIndexed: null, tabulatorTables: [], ...b })),
    package: ({ bucket, name }) => {
      const pkg = packages.get(`${bucket}\0${name}`);
      return pkg && pkg.revisions.length ? packageView(pkg) : null;
    },
    packageConstruct: async ({ params, src }) => {
      if (scenarioResults[params.name]) return scenarioResults[params.name]();
      try {
        const entries = await Promise.all(src.entries.map(resolveEntry));
        const header = { version: "v0", message: params.message ?? null };
        if (params.userMeta !== undefined && params.userMeta !== null) header.user_meta = params.userMeta;
        const hash = topHash(header, entries);
        const key = `${params.bucket}\0${params.name}`;
        if (!packages.has(key)) packages.set(key, { bucket: params.bucket, name: params.name, revisions: [] });
        const rev = { hash, modified: new Date().toISOString(), message: params.message ?? null, userMeta: params.userMeta ?? null, header, entries };
        try {
          await writeToS3(params.bucket, params.name, hash, header, entries);
        } catch (err) {
          throw new OperationFailure("AWSError", `cannot write the manifest to s3://${params.bucket}: ${err.message.slice(0, 200)}`);
        }
        const pkg = packages.get(key);
        pkg.revisions = pkg.revisions.filter((r) => r.hash !== hash).concat([rev]);
        return { __typename: "PackagePushSuccess", package: packageView(pkg), revision: revisionView(rev) };
      } catch (err) {
        if (err instanceof OperationFailure) return err.result;
        throw err;
      }
    },
    packageRevisionDelete: ({ bucket, name, hash }) => {
      if (name === "scenario/delete-error")
        return { __typename: "OperationError", name: "Forbidden", message: "not allowed to delete", context: null };
      const pkg = packages.get(`${bucket}\0${name}`);
      const before = pkg?.revisions.length ?? 0;
      if (pkg) pkg.revisions = pkg.revisions.filter((r) => r.hash !== hash);
      if ((pkg?.revisions.length ?? 0) === before)
        return { __typename: "OperationError", name: "NotFound", message: `no revision ${hash} of ${name}`, context: null };
      return { __typename: "PackageRevisionDeleteSuccess", _: true };
    },
  };
}

// Scenarios that fail before GraphQL: chosen by the package name in the variables.
function transportScenario(variables) {
  const name = variables?.params?.name ?? variables?.name;
  switch (name) {
    case "scenario/http-400": return { status: 400, type: "text/plain", body: "Bad Request" };
    case "scenario/http-500": return { status: 500, type: "text/plain", body: "Internal Server Error" };
    case "scenario/graphql-error":
      return { status: 200, type: "application/json",
               body: JSON.stringify({ data: null, errors: [{ message: "Internal error: resolver crashed", path: ["packageConstruct"] }] }) };
    default: return null;
  }
}

const topLevelFields = (document) => document.definitions.flatMap((d) => d.selectionSet?.selections ?? []).map((s) => s.name?.value);

async function graphqlRequest(era, token, body) {
  const record = { era, operationName: body.operationName ?? null, query: body.query, variables: body.variables ?? {}, valid: false };
  requests.push(record);
  let document;
  try { document = parse(body.query ?? ""); } catch (e) { return { status: 400, json: { errors: [{ message: e.message }] } }; }
  const errors = validate(schemas[era], document);
  if (errors.length) { record.errors = errors.map((e) => e.message); return { status: 400, json: { errors: errors.map((e) => ({ message: e.message })) } }; }
  const eraSpecific = topLevelFields(document).some((f) => f === "buckets" || f === "bucketConfigs");
  if (!eraSpecific) {
    const other = era === "current" ? "2025-10-08" : "current";
    const otherErrors = validate(schemas[other], document);
    if (otherErrors.length) {
      record.errors = otherErrors.map((e) => `(${other} schema) ${e.message}`);
      return { status: 400, json: { errors: record.errors.map((message) => ({ message })) } };
    }
  }
  record.valid = true;
  const scenario = transportScenario(record.variables);
  if (scenario) return { status: scenario.status, type: scenario.type, text: scenario.body };
  const result = await execute({ schema: schemas[era], document, rootValue: rootValue(token), variableValues: record.variables,
                                 operationName: body.operationName });
  return { status: 200, json: result };
}

const server = http.createServer(async (req, res) => {
  const send = (status, type, text) => { res.writeHead(status, { "Content-Type": type }); res.end(text); };
  const sendJson = (status, value) => send(status, "application/json", JSON.stringify(value));
  try {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url, "http://standin");
    if (req.method === "GET" && url.pathname === "/_requests") return sendJson(200, requests);
    if (req.method === "POST" && url.pathname === "/_admin/buckets") {
      const given = JSON.parse(raw).buckets;
      const names = new Set(given.map((b) => b.name));
      bucketList = bucketList.filter((b) => !names.has(b.name)).concat(given);
      return sendJson(200, { buckets: bucketList.length });
    }
    const prefix = Object.keys(prefixes).find((p) => url.pathname === `${p}/graphql`);
    if (prefix === undefined) return send(404, "text/plain", "not found");
    if (req.method !== "POST") return send(405, "text/plain", "POST only");
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
    if (!auth || auth[1] === "expired-token") return sendJson(401, { message: "Token expired or missing" });
    let body;
    try { body = JSON.parse(raw); } catch { return sendJson(400, { errors: [{ message: "request body is not JSON" }] }); }
    const out = await graphqlRequest(prefixes[prefix], auth[1], body);
    if (out.json) return sendJson(out.status, out.json);
    return send(out.status, out.type, out.text);
  } catch (e) {
    console.error(e);
    send(500, "text/plain", `stand-in failure: ${e.message}`);
  }
});

server.listen(Number(args.port ?? 0), "127.0.0.1", () => console.log(`port=${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
