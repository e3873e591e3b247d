// Long jobs as tasks (mcp.md §10) against the local S3 fixture (rgw):
//  - 2025-11-25 experimental tasks through the TS SDK v1's own task API (callToolStream,
//    getTask, getTaskResult, listTasks, cancelTask): capability and execution.taskSupport,
//    a result fetched after the per-request timeout has passed many times over, a blocking
//    tasks/result, and a cancel that leaves no multipart upload open;
//  - the 2026-07-28 tasks extension, which no SDK client here implements, as raw JSON-RPC
//    through the SDK v2's stdio transport: server-decided tasks, tasks/get polling with the
//    result inlined, tasks/update and tasks/cancel acks, and the -32021 / -32602 errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as v1 from "./clients/v1/sdk.mjs";
import * as v2 from "./clients/v2/sdk.mjs";
import { connectV1, fixtureServer, forwardedEnv, modernMeta, serverBin } from "./support/harness.mjs";
import { s3, createVersionedBucket, openMultipartUploads, uniqueBucket } from "./support/s3.mjs";

const rgw = fixtureServer("rgw");
const roots = fs.mkdtempSync(path.join(os.tmpdir(), "quiltup-mcp-tasks-"));
process.on("exit", () => fs.rmSync(roots, { recursive: true, force: true }));
const serverEnv = () => ({ AWS_ENDPOINT_URL: rgw.endpoint, AWS_ACCESS_KEY_ID: rgw.access_key,
  AWS_SECRET_ACCESS_KEY: rgw.secret_key, AWS_REGION: rgw.region, QUILTUP_ALLOWED_ROOTS: roots });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function bigFile(name, mib) {
  const file = path.join(roots, name);
  fs.writeFileSync(file, crypto.randomBytes(mib << 20));
  return file;
}

async function until(what, check, timeoutMs = 60_000) {
  const t0 = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function collect(stream) {
  const seen = [];
  for await (const message of stream) seen.push(message);
  return seen;
}

test("2025-11-25: tasks capability and execution.taskSupport on bucket_objects_put", async () => {
  const client = await connectV1(v1, { env: serverEnv() });
  try {
    const caps = client.getServerCapabilities();
    assert.deepEqual(caps.tasks, { list: {}, cancel: {}, requests: { tools: { call: {} } } });
    const { tools } = await client.listTools({});
    assert.deepEqual(tools.find((t) => t.name === "bucket_objects_put").execution, { taskSupport: "optional" });
  } finally {
    await client.close();
  }
});

test("2025-11-25: a task-augmented upload streams status, then its result; get, list, result and cancel agree", async () => {
  const bucket = uniqueBucket("mcp-task");
  await createVersionedBucket(rgw, bucket);
  const items = Array.from({ length: 12 }, (_, i) => ({ key: `t/${i}.txt`, text: `task object ${i}` }));
  const client = await connectV1(v1, { env: serverEnv() });
  try {
    const seen = await collect(client.experimental.tasks.callToolStream(
      { name: "bucket_objects_put", arguments: { bucket, items } }, v1.CallToolResultSchema, { task: { ttl: 120_000 } }));
    assert.equal(seen[0].type, "taskCreated");
    const { taskId, ttl, pollInterval } = seen[0].task;
    assert.match(taskId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(ttl, 120_000);
    assert.ok(pollInterval > 0);
    const last = seen.at(-1);
    assert.equal(last.type, "result", JSON.stringify(last));
    const answer = last.result.structuredContent;
    assert.deepEqual([answer.requested, answer.uploaded, answer.failed], [12, 12, 0]);
    for (const row of answer.results) {
      const got = await s3(rgw, "GET", bucket, row.key);
      assert.equal(got.body.toString("utf8"), items[row.index].text);
      assert.equal(got.headers.get("etag").replaceAll('"', ""), row.etag);
    }

    const task = await client.experimental.tasks.getTask(taskId);
    assert.equal(task.status, "completed");
    assert.ok(Date.parse(task.lastUpdatedAt) >= Date.parse(task.createdAt));
    const again = await client.experimental.tasks.getTaskResult(taskId, v1.CallToolResultSchema);
    assert.deepEqual(again.structuredContent, answer, "tasks/result returns the same result again");
    assert.deepEqual(again._meta["io.modelcontextprotocol/related-task"], { taskId });
    const listed = await client.experimental.tasks.listTasks();
    assert.ok(listed.tasks.some((t) => t.taskId === taskId && t.status === "completed"));
    await assert.rejects(client.experimental.tasks.cancelTask(taskId), (e) => e.code === -32602);
    await assert.rejects(client.experimental.tasks.getTask("00000000-0000-4000-8000-000000000000"), (e) => e.code === -32602);
  } finally {
    await client.close();
  }
});

test("2025-11-25: a long upload finishes as a task well past the per-request timeout; tasks/result blocks until then", async () => {
  const bucket = uniqueBucket("mcp-task-long");
  await createVersionedBucket(rgw, bucket);
  const file = bigFile("long.bin", 256);
  const client = await connectV1(v1, { env: serverEnv() });
  try {
    const requestTimeout = 300;  // every single request must answer within 0.3 s; the job need not
    const progress = [];
    const t0 = Date.now();
    let blocking;
    const seen = [];
    for await (const message of client.experimental.tasks.callToolStream(
      { name: "bucket_objects_put", arguments: { bucket, items: [{ key: "long.bin", path: file }], part_size: 5 << 20, concurrency: 1 } },
      v1.CallToolResultSchema, { task: {}, timeout: requestTimeout, onprogress: (p) => progress.push(p) })) {
      seen.push(message);
      if (message.type === "taskCreated")  // tasks/result blocks until the task is terminal
        blocking = client.experimental.tasks.getTaskResult(message.task.taskId, v1.CallToolResultSchema, { timeout: 600_000 });
    }
    const last = seen.at(-1);
    assert.equal(last.type, "result", JSON.stringify(last));
    const final = seen.filter((m) => m.type === "taskStatus").at(-1).task;
    assert.equal(final.status, "completed");
    const ran = Date.parse(final.lastUpdatedAt) - Date.parse(final.createdAt);
    assert.ok(ran > 2 * requestTimeout, `the job ran ${ran} ms, beyond the ${requestTimeout} ms request timeout`);
    assert.ok(Date.now() - t0 >= ran);
    assert.equal(last.result.structuredContent.uploaded, 1);
    assert.equal(last.result.structuredContent.bytes, 256 << 20);
    const head = await s3(rgw, "HEAD", bucket, "long.bin");
    assert.equal(Number(head.headers.get("content-length")), 256 << 20);
    assert.equal(head.headers.get("etag").replaceAll('"', ""), last.result.structuredContent.results[0].etag);
    assert.deepEqual((await blocking).structuredContent, last.result.structuredContent);
    const working = seen.filter((m) => m.type === "taskStatus" && m.task.status === "working");
    assert.ok(working.some((m) => /bytes/.test(m.task.statusMessage ?? "")), "statusMessage reports the bytes done");
    assert.ok(progress.length >= 1, "the request's progressToken stays live for the task");
    for (let i = 1; i < progress.length; ++i) assert.ok(progress[i].progress > progress[i - 1].progress);
  } finally {
    await client.close();
    fs.rmSync(file, { force: true });
  }
});

test("2025-11-25: tasks/cancel stops the job and leaves no multipart upload open", async () => {
  const bucket = uniqueBucket("mcp-task-cancel");
  await createVersionedBucket(rgw, bucket);
  const file = bigFile("cancel.bin", 256);
  const client = await connectV1(v1, { env: serverEnv() });
  try {
    const stream = client.experimental.tasks.callToolStream(
      { name: "bucket_objects_put", arguments: { bucket, items: [{ key: "cancel.bin", path: file }], part_size: 5 << 20, concurrency: 1 } },
      v1.CallToolResultSchema, { task: {} });
    const created = (await stream.next()).value;
    assert.equal(created.type, "taskCreated");
    const { taskId } = created.task;
    await until("an open multipart upload", async () => (await openMultipartUploads(rgw, bucket)).length > 0);
    const cancelled = await client.experimental.tasks.cancelTask(taskId);
    assert.equal(cancelled.status, "cancelled");
    const rest = await collect(stream);
    assert.equal(rest.at(-1).type, "error");
    assert.match(rest.at(-1).error.message, /cancelled/);
    await until("the multipart upload to be aborted", async () => (await openMultipartUploads(rgw, bucket)).length === 0);
    assert.equal((await client.experimental.tasks.getTask(taskId)).status, "cancelled");
    await assert.rejects(client.experimental.tasks.getTaskResult(taskId, v1.CallToolResultSchema), (e) => e.code === -32602);
    assert.deepEqual(await client.ping(), {}, "still serving");
  } finally {
    await client.close();
    fs.rmSync(file, { force: true });
  }
});

// Raw JSON-RPC over the SDK v2 stdio transport: the 2026-07-28 tasks extension has no client API.
class ModernSession {
  constructor() {
    this.transport = new v2.StdioClientTransport({ command: serverBin, args: [],
      env: { ...v2.getDefaultEnvironment(), ...forwardedEnv(serverEnv()) }, stderr: "ignore" });
    this.replies = new Map();
    this.waiting = new Map();
    this.nextId = 1;
    this.transport.onmessage = (m) => {
      if (m.id === undefined) return;
      const w = this.waiting.get(m.id);
      if (w) { this.waiting.delete(m.id); w(m); } else this.replies.set(m.id, m);
    };
  }
  start() { return this.transport.start(); }
  close() { return this.transport.close(); }
  async request(method, params = {}, { tasks = true } = {}) {
    const id = this.nextId++;
    const caps = tasks ? { extensions: { "io.modelcontextprotocol/tasks": {} } } : {};
    const reply = new Promise((resolve) => this.waiting.set(id, resolve));
    await this.transport.send({ jsonrpc: "2.0", id, method,
      params: { ...params, _meta: modernMeta({ "io.modelcontextprotocol/clientCapabilities": caps }) } });
    return reply;
  }
  async pollUntil(taskId, done) {
    return until(`task ${taskId}`, async () => {
      const r = await this.request("tasks/get", { taskId });
      assert.equal(r.result?.resultType, "complete", JSON.stringify(r));
      return done(r.result) ? r.result : null;
    }, 120_000);
  }
}

test("2026-07-28: the server runs a big call as a task; tasks/get returns the result inline", async () => {
  const bucket = uniqueBucket("mcp-mtask");
  await createVersionedBucket(rgw, bucket);
  const items = Array.from({ length: 1000 }, (_, i) => ({ key: `m/${i}`, text: `modern ${i}` }));
  const session = new ModernSession();
  await session.start();
  try {
    const discover = await session.request("server/discover");
    assert.deepEqual(discover.result.capabilities.extensions, { "io.modelcontextprotocol/tasks": {} });

    const created = await session.request("tools/call", { name: "bucket_objects_put", arguments: { bucket, items } });
    const handle = created.result;
    assert.equal(handle.resultType, "task", JSON.stringify(created).slice(0, 500));
    assert.ok(["working", "completed"].includes(handle.status));
    assert.ok(handle.ttlMs > 0 && handle.pollIntervalMs > 0);
    assert.ok(handle._meta["io.modelcontextprotocol/serverInfo"]);
    const done = await session.pollUntil(handle.taskId, (t) => t.status !== "working");
    assert.equal(done.status, "completed", JSON.stringify(done).slice(0, 500));
    const answer = done.result.structuredContent;
    assert.deepEqual([answer.requested, answer.uploaded, answer.failed], [1000, 1000, 0]);
    assert.equal(JSON.parse(done.result.content[0].text).uploaded, 1000);
    for (const row of answer.results.slice(0, 20)) {
      const got = await s3(rgw, "GET", bucket, row.key);
      assert.equal(got.body.toString("utf8"), items[row.index].text);
    }

    // A client without the extension is never handed a task: the same call answers in full.
    const direct = await session.request("tools/call", { name: "bucket_objects_put", arguments: { bucket, items } }, { tasks: false });
    assert.equal(direct.result.resultType, "complete");
    assert.equal(direct.result.structuredContent.uploaded, 1000);
    // A small call is answered directly even with the extension.
    const small = await session.request("tools/call", { name: "bucket_objects_put", arguments: { bucket, items: items.slice(0, 2) } });
    assert.equal(small.result.resultType, "complete");

    const noExtension = await session.request("tasks/get", { taskId: handle.taskId }, { tasks: false });
    assert.equal(noExtension.error.code, -32021);
    assert.deepEqual(noExtension.error.data.requiredCapabilities, { extensions: { "io.modelcontextprotocol/tasks": {} } });
    const unknown = await session.request("tasks/get", { taskId: "00000000-0000-4000-8000-000000000000" });
    assert.equal(unknown.error.code, -32602);
    const update = await session.request("tasks/update", { taskId: handle.taskId, inputResponses: {} });
    assert.equal(update.result.resultType, "complete");
    const list = await session.request("tasks/list");
    assert.equal(list.error.code, -32601, "tasks/list is not part of the 2026-07-28 extension");
  } finally {
    await session.close();
  }
});

test("2026-07-28: tasks/cancel is acknowledged, the task ends cancelled and its multipart upload is aborted", async () => {
  const bucket = uniqueBucket("mcp-mtask-cancel");
  await createVersionedBucket(rgw, bucket);
  const file = bigFile("mcancel.bin", 128);
  const session = new ModernSession();
  await session.start();
  try {
    const created = await session.request("tools/call", { name: "bucket_objects_put",
      arguments: { bucket, items: [{ key: "mcancel.bin", path: file }], part_size: 5 << 20, concurrency: 1 } });
    assert.equal(created.result.resultType, "task");
    const { taskId } = created.result;
    await until("an open multipart upload", async () => (await openMultipartUploads(rgw, bucket)).length > 0);
    const ack = await session.request("tasks/cancel", { taskId });
    assert.equal(ack.result.resultType, "complete");
    const ended = await session.pollUntil(taskId, (t) => t.status !== "working");
    assert.equal(ended.status, "cancelled");
    assert.equal(ended.result, undefined);
    await until("the multipart upload to be aborted", async () => (await openMultipartUploads(rgw, bucket)).length === 0);
  } finally {
    await session.close();
    fs.rmSync(file, { force: true });
  }
});
