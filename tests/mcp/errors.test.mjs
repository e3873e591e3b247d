// Bad input of every kind gets the right kind of error, and the server keeps serving:
// protocol faults are JSON-RPC errors, bad tool arguments are isError results naming the field.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as v1 from "./clients/v1/sdk.mjs";
import { connectV1, RawSession } from "./support/harness.mjs";

async function stillServing(s, id) {
  assert.deepEqual((await s.request(id, "ping")).result, {}, "the server answers a ping afterwards");
}

test("unparsable lines, batches and malformed envelopes get JSON-RPC errors", async () => {
  const s = new RawSession();
  try {
    await s.initialize();
    s.send("{this is not json");
    const parse = await s.next((m) => m.error?.code === -32700);
    assert.equal(parse.id, null);
    assert.equal(parse.error.message, "Parse error");
    await stillServing(s, "after-parse-error");

    s.send(JSON.stringify([{ jsonrpc: "2.0", id: 1, method: "ping" }]));
    const batch = await s.next((m) => m.error?.code === -32600 && /Batches/.test(m.error.message));
    assert.equal(batch.id, null);

    s.send({ jsonrpc: "1.0", id: 41, method: "ping" });
    assert.equal((await s.reply(41)).error.code, -32600);
    s.send({ jsonrpc: "2.0", id: 42, method: 7 });
    assert.equal((await s.reply(42)).error.code, -32600);

    assert.equal((await s.request(43, "no/such/method")).error.code, -32601);
    assert.equal((await s.request(44, "tools/call", {})).error.code, -32602, "tools/call without a name");
    assert.equal((await s.request(45, "tools/call", { name: "bucket_objects_put", arguments: [1] })).error.code, -32602);
    assert.match((await s.request(46, "tools/call", { name: "no_such_tool" })).error.message, /Unknown tool: no_such_tool/);

    // A legacy tools/call asking for a task: -32601 for a tool without execution.taskSupport,
    // -32602 for a task parameter that is not an object.
    const { tools } = (await s.request(47, "tools/list")).result;
    const taskless = tools.find((t) => !t.execution || t.execution.taskSupport === "forbidden");
    assert.ok(taskless, "some tool does not run as a task");
    assert.equal((await s.request(48, "tools/call", { name: taskless.name, arguments: {}, task: { ttl: 1000 } })).error.code, -32601);
    assert.equal((await s.request(49, "tools/call", { name: "bucket_objects_put", arguments: {}, task: "soon" })).error.code, -32602);
    await stillServing(s, "after-errors");
  } finally {
    assert.equal((await s.close()).code, 0);
  }
});

test("ids keep their JSON type: 0, 5 and \"5\" are answered as sent", async () => {
  const s = new RawSession();
  try {
    s.send({ jsonrpc: "2.0", id: 0, method: "ping" });
    s.send({ jsonrpc: "2.0", id: 5, method: "ping" });
    s.send({ jsonrpc: "2.0", id: "5", method: "ping" });
    assert.deepEqual(await s.reply(0), { jsonrpc: "2.0", id: 0, result: {} });
    assert.deepEqual(await s.reply(5), { jsonrpc: "2.0", id: 5, result: {} });
    assert.deepEqual(await s.reply("5"), { jsonrpc: "2.0", id: "5", result: {} });
    assert.equal(s.messages.length, 3);
  } finally {
    await s.close();
  }
});

test("a line over 10 MiB is rejected and the server keeps serving; a 9 MiB line is read", async () => {
  const s = new RawSession();
  try {
    await s.initialize();
    const huge = JSON.stringify({ jsonrpc: "2.0", id: "huge", method: "tools/call",
      params: { name: "bucket_objects_put", arguments: { bucket: "b-1", items: [{ key: "k", text: "x".repeat(11 << 20) }] } } });
    s.send(huge);
    const rejected = await s.next((m) => m.error?.code === -32600 && /10 MiB/.test(m.error.message), 20000);
    assert.equal(rejected.id, null);
    assert.match(rejected.error.message, new RegExp(`${huge.length + 1} bytes|${huge.length} bytes`));
    await stillServing(s, "after-huge");

    // Under the limit: parsed and validated (the bucket name is wrong on purpose).
    const big = await s.request("big", "tools/call", { name: "bucket_objects_put",
      arguments: { bucket: "Not_A_Bucket", items: [{ key: "k", text: "y".repeat(9 << 20) }] } }, 20000);
    assert.equal(big.result.isError, true);
    assert.match(big.result.content[0].text, /^bucket: 'Not_A_Bucket' is not a valid S3 bucket name/);
  } finally {
    assert.equal((await s.close()).code, 0);
  }
});

test("v1 client: unknown tool is a JSON-RPC -32602 error", async () => {
  const client = await connectV1(v1);
  try {
    await assert.rejects(client.callTool({ name: "no_such_tool", arguments: {} }),
      (e) => e instanceof v1.McpError && e.code === -32602 && /Unknown tool: no_such_tool/.test(e.message));
    assert.deepEqual(await client.ping(), {});
  } finally {
    await client.close();
  }
});

test("v1 client: bad bucket_objects_put arguments are isError results naming the field and the fix", async () => {
  const roots = fs.mkdtempSync(path.join(os.tmpdir(), "quiltup-mcp-roots-"));
  const allowed = path.join(roots, "allowed");
  fs.mkdirSync(allowed);
  fs.writeFileSync(path.join(roots, "secret.txt"), "not for upload");
  fs.symlinkSync(path.join(roots, "secret.txt"), path.join(allowed, "escape.txt"));

  const client = await connectV1(v1, { env: { QUILTUP_ALLOWED_ROOTS: allowed } });
  const item = { key: "a.txt", text: "hi" };
  const cases = [
    [{ items: [item] }, /^bucket: is required; add "bucket"/],
    [{ bucket: 5, items: [item] }, /^bucket: expected a string, got integer/],
    [{ bucket: "Bad_Bucket!", items: [item] }, /^bucket: 'Bad_Bucket!' is not a valid S3 bucket name; use 3-63/],
    [{ bucket: "quiltup-test" }, /^items: is required/],
    [{ bucket: "quiltup-test", items: "a.txt" }, /^items: expected an array, got string/],
    [{ bucket: "quiltup-test", items: [] }, /^items: is empty; add at least one/],
    [{ bucket: "quiltup-test", items: [item, 7] }, /^items\[1\]: expected an object, got integer/],
    [{ bucket: "quiltup-test", items: [{ text: "hi" }] }, /^items\[0\]\.key: is required/],
    [{ bucket: "quiltup-test", items: [{ key: 12, text: "hi" }] }, /^items\[0\]\.key: expected a string, got integer/],
    [{ bucket: "quiltup-test", items: [{ key: "", text: "hi" }] }, /^items\[0\]\.key: must not be empty/],
    [{ bucket: "quiltup-test", items: [{ key: "k".repeat(2048), text: "hi" }] }, /^items\[0\]\.key: is 2048 bytes long; S3 keys are at most 1024 bytes/],
    [{ bucket: "quiltup-test", items: [item, { key: "a.txt", text: "again" }] }, /^items\[1\]\.key: 'a\.txt' appears twice/],
    [{ bucket: "quiltup-test", items: [{ key: "k" }] }, /^items\[0\]: needs exactly one of text, data or path \(got none\)/],
    [{ bucket: "quiltup-test", items: [{ key: "k", text: "a", data: "YQ==" }] }, /^items\[0\]: needs exactly one of text, data or path \(got text and data\)/],
    [{ bucket: "quiltup-test", items: [{ key: "k", text: 3 }] }, /^items\[0\]\.text: expected a string, got integer/],
    [{ bucket: "quiltup-test", items: [{ key: "k", text: "a", encoding: "latin-1" }] }, /^items\[0\]\.encoding: 'latin-1' is not supported/],
    [{ bucket: "quiltup-test", items: [item, { key: "b.bin", data: "AAE*AA==" }] }, /^items\[1\]\.data: invalid base64 character at offset 3; send standard base64/],
    [{ bucket: "quiltup-test", items: [{ key: "b.bin", data: "AAE" }] }, /^items\[0\]\.data: base64 length 3 is not a multiple of 4/],
    [{ bucket: "quiltup-test", items: [{ key: "k", path: "/etc/passwd" }] }, /^items\[0\]\.path: '\/etc\/passwd' is outside the allowed roots; upload only files under /],
    [{ bucket: "quiltup-test", items: [{ key: "k", path: path.join(allowed, "escape.txt") }] }, /^items\[0\]\.path: .* is outside the allowed roots/],
    [{ bucket: "quiltup-test", items: [{ key: "k", path: "relative/file.txt" }] }, /^items\[0\]\.path: 'relative\/file\.txt' is not an absolute path/],
    [{ bucket: "quiltup-test", items: [{ key: "k", path: path.join(allowed, "missing.txt") }] }, /^items\[0\]\.path: .* does not exist/],
    [{ bucket: "quiltup-test", items: [{ key: "k", path: allowed }] }, /^items\[0\]\.path: .* is not a regular file/],
    [{ bucket: "quiltup-test", items: [{ key: "k", text: "a", content_type: 5 }] }, /^items\[0\]\.content_type: expected a string, got integer/],
    [{ bucket: "quiltup-test", items: [{ key: "k", text: "a", metadata: "x" }] }, /^items\[0\]\.metadata: expected an object, got string/],
    [{ bucket: "quiltup-test", items: [{ key: "k", text: "a", metadata: { nested: { a: 1 } } }] }, /^items\[0\]\.metadata\.nested: expected a string, got object/],
    [{ bucket: "quiltup-test", items: [{ key: "k", text: "a", metadata: { "bad name": "v" } }] }, /^items\[0\]\.metadata\.bad name: is not a valid metadata name/],
    [{ bucket: "quiltup-test", items: [{ key: "k", text: "a", metadata: { big: "v".repeat(3000) } }] }, /^items\[0\]\.metadata: 3003 bytes of metadata exceed S3's 2 KiB limit/],
    [{ bucket: "quiltup-test", items: [item], concurrency: "8" }, /^concurrency: expected an integer, got string/],
    [{ bucket: "quiltup-test", items: [item], concurrency: 0 }, /^concurrency: 0 is out of range; send a whole number in 1\.\.256/],
    [{ bucket: "quiltup-test", items: [item], checksum: "MD5" }, /^checksum: 'MD5' is not a checksum S3 supports/],
    [{ bucket: "quiltup-test", items: [item], part_size: 1024 }, /^part_size: 1024 is out of range/],
    [{ bucket: "quiltup-test", items: [item], max_results: -1 }, /^max_results: -1 is out of range/],
  ];
  try {
    for (const [args, expected] of cases) {
      const result = await client.callTool({ name: "bucket_objects_put", arguments: args });
      assert.equal(result.isError, true, `isError for ${JSON.stringify(args).slice(0, 200)}`);
      assert.equal(result.content[0].type, "text");
      assert.match(result.content[0].text, expected);
    }
    assert.deepEqual(await client.ping(), {}, "still serving after every bad call");
  } finally {
    await client.close();
    fs.rmSync(roots, { recursive: true, force: true });
  }

  // Without QUILTUP_ALLOWED_ROOTS no path item is accepted at all.
  const closed = await connectV1(v1);
  try {
    const result = await closed.callTool({ name: "bucket_objects_put",
      arguments: { bucket: "quiltup-test", items: [{ key: "k", path: "/etc/hostname" }] } });
    assert.equal(result.isError, true);
    assert.match(result.content[0].text, /^items\[0\]\.path: uploading local files is disabled on this server; .*QUILTUP_ALLOWED_ROOTS/);
  } finally {
    await closed.close();
  }
});
