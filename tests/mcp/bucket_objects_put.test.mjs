// bucket_objects_put against the local S3 fixture (rgw), through the official clients:
// 100 mixed items read back byte for byte; progress for 200 items; ping during a long call;
// cancellation leaves no multipart upload open; the modern era does a smaller round trip.
// Registered in CTest once the upload engine is wired into quiltup-mcp (tests/mcp/CMakeLists.txt).
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as v1 from "./clients/v1/sdk.mjs";
import * as v2 from "./clients/v2/sdk.mjs";
import { connectV1, connectV2, fixtureServer } from "./support/harness.mjs";
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
  const items = Array.from({ length: 200 }, (_, i) => ({ key: `p/${i}`, data: crypto.randomBytes(64 * 1024).toString("base64") }));
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
