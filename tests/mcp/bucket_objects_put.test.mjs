// bucket_objects_put against the local S3 fixture (rgw), through the official clients:
// 100 mixed items read back byte for byte; progress for 200 items; ping during a long call;
// cancellation leaves no multipart upload open; stdin EOF aborts an upload before exit; the
// modern era (SDK v2 pinned, Inspector) and the Inspector in the legacy era do smaller round
// trips; huge batches keep their totals while the rows are capped.
// Registered in CTest once the upload engine is wired into quiltup-mcp (tests/mcp/CMakeLists.txt).
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as v1 from "./clients/v1/sdk.mjs";
import * as v2 from "./clients/v2/sdk.mjs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { connectV1, connectV2, fixtureServer, RawSession, serverBin } from "./support/harness.mjs";
import { s3, createVersionedBucket, openMultipartUploads, uniqueBucket } from "./support/s3.mjs";

const rgw = fixtureServer("rgw");
const serverEnv = (roots) => ({
  AWS_ENDPOINT_URL: rgw.endpoint, AWS_ACCESS_KEY_ID: rgw.access_key, AWS_SECRET_ACCESS_KEY: rgw.secret_key,
  AWS_REGION: rgw.region, ...(roots ? { QUILTUP_ALLOWED_ROOTS: roots } : {}) });

const roots = fs.mkdtempSync(path.join(os.tmpdir(), "quiltup-mcp-upload-"));
process.on("exit", () => fs.rmSync(roots, { recursive: true, force: true }));

// Items and the exact bytes each should produce in S3.
function mixedItems(count) {
  const items = [], expected = new Map();
  for (let i = 0; i < count; ++i) {
    const key = `mixed/${String(i).padStart(3, "0")}-${["text", "data", "path"][i % 3]}`;
    const bytes = crypto.randomBytes(1 + (i * 997) % 4096);
    const item = { key, content_type: i % 2 ? "application/octet-stream" : "text/plain", metadata: { index: String(i), kind: "mixed" } };
    if (i % 3 === 0) {
      const text = `line ${i}: ünïcödé ✓ ${bytes.toString("hex")}`;
      item.text = text;
      expected.set(key, Buffer.from(text, "utf8"));
    } else if (i % 3 === 1) {
      item.data = bytes.toString("base64");
      expected.set(key, bytes);
    } else {
      const file = path.join(roots, `file-${i}.bin`);
      fs.writeFileSync(file, bytes);
      item.path = file;
      expected.set(key, bytes);
    }
    items.push(item);
  }
  return { items, expected };
}

async function checkAgainstS3(bucket, items, expected, answer) {
  assert.equal(answer.results.length, items.length);
  for (const row of answer.results) {
    const item = items[row.index];
    assert.equal(row.key, item.key);
    assert.equal(row.success, true, `${row.key}: ${JSON.stringify(row.error)}`);
    const got = await s3(rgw, "GET", bucket, row.key);
    assert.ok(got.body.equals(expected.get(row.key)), `${row.key}: bytes read back match`);
    assert.equal(row.size, expected.get(row.key).length);
    assert.equal(got.headers.get("etag").replaceAll('"', ""), row.etag, `${row.key}: ETag`);
    assert.equal(got.headers.get("x-amz-version-id"), row.version_id, `${row.key}: VersionId`);
    assert.equal(got.headers.get("content-type"), item.content_type);
    assert.equal(got.headers.get("x-amz-meta-index"), item.metadata.index);
    assert.equal(got.headers.get("x-amz-meta-kind"), "mixed");
  }
}

test("v1 client: 100 items of text, base64 data and allowed paths land exactly as the answer says", async () => {
  const bucket = uniqueBucket("mcp-put100");
  await createVersionedBucket(rgw, bucket);
  const { items, expected } = mixedItems(100);
  const client = await connectV1(v1, { env: serverEnv(roots) });
  try {
    const result = await client.callTool({ name: "bucket_objects_put", arguments: { bucket, items } });
    assert.equal(result.isError, false);
    const answer = result.structuredContent;  // the SDK has already checked it against outputSchema
    assert.deepEqual(JSON.parse(result.content[0].text), answer, "the text block is the same JSON");
    assert.equal(answer.success, true);
    assert.equal(answer.bucket, bucket);
    assert.deepEqual([answer.requested, answer.uploaded, answer.failed], [100, 100, 0]);
    assert.equal(answer.bytes, [...expected.values()].reduce((n, b) => n + b.length, 0));
    assert.ok(answer.credentials.source, "the credential source is reported");
    assert.ok(answer.credentials.attempts.some((a) => a.outcome === "ok"));
    await checkAgainstS3(bucket, items, expected, answer);
  } finally {
    await client.close();
  }
});

test("v1 client: progress notifications for 200 items are increasing and end before the answer", async () => {
  const bucket = uniqueBucket("mcp-progress");
  await createVersionedBucket(rgw, bucket);
  // 200 × 16 KiB: the request stays well under the 10 MiB line limit the clients enforce.
  const items = Array.from({ length: 200 }, (_, i) => ({ key: `p/${i}`, data: crypto.randomBytes(16 * 1024).toString("base64") }));
  const client = await connectV1(v1, { env: serverEnv() });
  try {
    const seen = [];
    const result = await client.callTool({ name: "bucket_objects_put", arguments: { bucket, items } }, undefined,
      { onprogress: (p) => seen.push(p), resetTimeoutOnProgress: true, timeout: 600_000 });
    assert.equal(result.structuredContent.uploaded, 200);
    assert.ok(seen.length >= 1, "at least one progress notification reached the client");
    for (let i = 1; i < seen.length; ++i) assert.ok(seen[i].progress > seen[i - 1].progress, "strictly increasing");
    for (const p of seen) assert.ok(p.total === undefined || p.progress <= p.total);
  } finally {
    await client.close();
  }
});

test("v1 client: ping is answered during a long upload, and a cancel leaves no multipart upload open", async () => {
  const bucket = uniqueBucket("mcp-cancel");
  await createVersionedBucket(rgw, bucket);
  const big = path.join(roots, "big.bin");
  fs.writeFileSync(big, crypto.randomBytes(256 << 20));
  const client = await connectV1(v1, { env: serverEnv(roots) });
  try {
    const abort = new AbortController();
    let progressed;
    const started = new Promise((resolve) => { progressed = resolve; });
    const call = client.callTool({ name: "bucket_objects_put",
      arguments: { bucket, items: [{ key: "big.bin", path: big }], part_size: 5 << 20, concurrency: 1 } }, undefined,
      { signal: abort.signal, onprogress: () => progressed(), timeout: 600_000 });
    call.catch(() => {});
    await started;  // a part has gone out: the multipart upload exists
    assert.deepEqual(await client.ping(), {}, "ping answered while the upload runs");
    abort.abort("user cancelled");
    await assert.rejects(call, /user cancelled/);
    // The server aborts its uploads before it goes quiet; give it a moment, then ask S3.
    for (let i = 0; i < 50 && (await openMultipartUploads(rgw, bucket)).length; ++i) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await openMultipartUploads(rgw, bucket), []);
    assert.deepEqual(await client.ping(), {}, "still serving after the cancel");
  } finally {
    await client.close();
  }
});

test("v2 client pinned to 2026-07-28: a small round trip", async () => {
  const bucket = uniqueBucket("mcp-modern");
  await createVersionedBucket(rgw, bucket);
  const { items, expected } = mixedItems(6);
  const client = await connectV2(v2, { pin: "2026-07-28" }, { env: serverEnv(roots) });
  try {
    assert.equal(client.getNegotiatedProtocolVersion(), "2026-07-28");
    const result = await client.callTool({ name: "bucket_objects_put", arguments: { bucket, items } });
    assert.equal(result.isError, false);
    assert.deepEqual([result.structuredContent.requested, result.structuredContent.uploaded], [6, 6]);
    await checkAgainstS3(bucket, items, expected, result.structuredContent);
  } finally {
    await client.close();
  }
});

const inspector = path.join(path.dirname(fileURLToPath(import.meta.url)),
  "clients/inspector/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");

for (const era of ["legacy", "modern"]) {
  test(`inspector --protocol-era ${era}: a small round trip`, async () => {
    const bucket = uniqueBucket(`mcp-insp-${era}`);
    await createVersionedBucket(rgw, bucket);
    const { items, expected } = mixedItems(4);
    // The Inspector passes the server nothing but what -e names.
    const env = Object.entries(serverEnv(roots)).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
    const r = spawnSync(process.execPath, [inspector, "--cli", ...env, "--protocol-era", era, serverBin,
      "--method", "tools/call", "--tool-name", "bucket_objects_put", "--tool-args-json", JSON.stringify({ bucket, items }),
      "--format", "json", "-q"], { encoding: "utf8", timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const answer = JSON.parse(r.stdout).result.structuredContent;
    assert.deepEqual([answer.requested, answer.uploaded, answer.failed], [4, 4, 0]);
    await checkAgainstS3(bucket, items, expected, answer);
  });
}

test("v1 client: a huge batch keeps its totals while the rows are capped by max_results", async () => {
  const bucket = uniqueBucket("mcp-huge");
  await createVersionedBucket(rgw, bucket);
  const items = Array.from({ length: 3000 }, (_, i) => ({ key: `huge/${i}`, text: `object ${i}` }));
  const bytes = items.reduce((n, it) => n + Buffer.byteLength(it.text), 0);
  const client = await connectV1(v1, { env: serverEnv() });
  try {
    const result = await client.callTool({ name: "bucket_objects_put", arguments: { bucket, items, max_results: 25 } },
      undefined, { timeout: 600_000 });
    const answer = result.structuredContent;
    assert.equal(result.isError, false);
    assert.deepEqual([answer.requested, answer.uploaded, answer.failed, answer.bytes], [3000, 3000, 0, bytes]);
    assert.equal(answer.results.length, 25);
    assert.equal(answer.results_omitted, 2975);
    for (const row of answer.results) {
      const got = await s3(rgw, "GET", bucket, row.key);
      assert.equal(got.body.toString("utf8"), items[row.index].text);
      assert.equal(got.headers.get("etag").replaceAll('"', ""), row.etag);
    }
  } finally {
    await client.close();
  }
});

test("stdin EOF during a multipart upload: the server aborts it and exits within 2 s", async () => {
  const bucket = uniqueBucket("mcp-eof");
  await createVersionedBucket(rgw, bucket);
  const big = path.join(roots, "eof.bin");
  fs.writeFileSync(big, crypto.randomBytes(128 << 20));
  const session = new RawSession({ env: serverEnv(roots) });
  try {
    await session.initialize();
    session.send({ jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "bucket_objects_put",
      arguments: { bucket, items: [{ key: "eof.bin", path: big }], part_size: 5 << 20, concurrency: 1 },
      _meta: { progressToken: "eof" } } });
    await session.next((m) => m.method === "notifications/progress", 60_000);  // parts are going out
    assert.notDeepEqual(await openMultipartUploads(rgw, bucket), [], "a multipart upload is open");
    const { code, ms } = await session.close();
    assert.equal(code, 0, session.stderr);
    assert.ok(ms < 2000, `exited ${ms} ms after stdin closed`);
    assert.deepEqual(await openMultipartUploads(rgw, bucket), [], "no multipart upload left open");
    assert.equal(session.messages.find((m) => m.id === 9), undefined, "no answer for the cancelled call");
  } finally {
    session.kill();
    fs.rmSync(big, { force: true });
  }
});
