// tools/list through the official clients in both eras: names, schemas, annotations, and
// the modern envelope (resultType, serverInfo, ttlMs/cacheScope).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as v1 from "./clients/v1/sdk.mjs";
import * as v2 from "./clients/v2/sdk.mjs";
import { connectV1, connectV2, RawSession, modernMeta } from "./support/harness.mjs";

const nameFormat = /^[A-Za-z0-9_.-]{1,128}$/;

function checkBucketObjectsPut(tool) {
  assert.ok(tool, "bucket_objects_put is listed");
  assert.equal(tool.title, "Upload objects to S3");
  assert.match(tool.description, /Example: \{"bucket"/, "the description carries an example for the model");
  assert.match(tool.description, /QUILTUP_ALLOWED_ROOTS/, "the description states the path limit");

  const input = tool.inputSchema;
  assert.equal(input.type, "object");
  assert.deepEqual(input.required, ["bucket", "items"]);
  assert.equal(input.properties.items.type, "array");
  assert.equal(input.properties.items.minItems, 1);
  assert.deepEqual(input.properties.items.items.required, ["key"]);
  for (const field of ["key", "text", "data", "path", "content_type", "metadata"])
    assert.ok(input.properties.items.items.properties[field], `items[].${field} is declared`);
  for (const option of ["concurrency", "checksum", "part_size", "max_results"])
    assert.ok(input.properties[option], `option ${option} is declared`);

  const output = tool.outputSchema;
  assert.equal(output.type, "object");
  for (const field of ["success", "bucket", "requested", "uploaded", "failed", "bytes", "seconds", "results", "credentials"])
    assert.ok(output.required.includes(field), `outputSchema requires ${field}`);
  const row = output.properties.results.items.properties;
  for (const field of ["key", "size", "etag", "version_id", "checksum", "error"]) assert.ok(row[field], `results[].${field}`);
  assert.deepEqual(output.properties.credentials.required, ["source", "attempts"]);

  // Truthful hints: it writes (overwrites keys), the same call again changes nothing more, it talks to S3.
  assert.deepEqual(
    { r: tool.annotations.readOnlyHint, d: tool.annotations.destructiveHint,
      i: tool.annotations.idempotentHint, o: tool.annotations.openWorldHint },
    { r: false, d: true, i: true, o: true });
}

test("v1 client (2025-11-25): initialize, tools/list, ping, logging/setLevel", async () => {
  const client = await connectV1(v1);
  try {
    assert.deepEqual(client.getServerVersion(), { name: "quiltup-mcp", title: "quiltup", version: "0.1.0" });
    assert.deepEqual(client.getServerCapabilities(), { tools: { listChanged: false }, logging: {},
      tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } } });
    assert.match(client.getInstructions(), /bucket_objects_put/);

    const page = await client.listTools({});
    assert.equal(page.nextCursor, undefined, "one page holds every tool");
    for (const t of page.tools) assert.match(t.name, nameFormat);
    assert.equal(new Set(page.tools.map((t) => t.name)).size, page.tools.length, "names are unique");
    checkBucketObjectsPut(page.tools.find((t) => t.name === "bucket_objects_put"));

    // The schema compiles in the SDK's own validator, accepts a well-formed answer and
    // rejects one missing a required field, so structuredContent checks mean something.
    const validate = new v1.AjvJsonSchemaValidator().getValidator(
      page.tools.find((t) => t.name === "bucket_objects_put").outputSchema);
    const good = { success: true, bucket: "b", requested: 1, uploaded: 1, failed: 0, bytes: 2, seconds: 0.1,
      results: [{ index: 0, key: "a", success: true, size: 2, etag: "x", version_id: null, checksum: null }],
      credentials: { source: "environment", attempts: [{ provider: "environment", outcome: "ok" }] } };
    assert.equal(validate(good).valid, true);
    const { bucket, ...withoutBucket } = good;
    assert.equal(validate(withoutBucket).valid, false);

    assert.deepEqual(await client.ping(), {});
    assert.deepEqual(await client.setLoggingLevel("info"), {});
    await assert.rejects(client.listTools({ cursor: "not-a-cursor-we-issued" }), (e) => e.code === -32602);
  } finally {
    await client.close();
  }
});

for (const [mode, expected] of [[{ pin: "2026-07-28" }, "2026-07-28"], ["auto", "2026-07-28"], ["legacy", "2025-11-25"]]) {
  test(`v2 client, mode ${JSON.stringify(mode)}: negotiates ${expected} and lists the tools`, async () => {
    const client = await connectV2(v2, mode);
    try {
      assert.equal(client.getNegotiatedProtocolVersion(), expected);
      assert.equal(client.getServerVersion().name, "quiltup-mcp");
      const page = await client.listTools();
      checkBucketObjectsPut(page.tools.find((t) => t.name === "bucket_objects_put"));
    } finally {
      await client.close();
    }
  });
}

test("modern envelope on the wire: server/discover, tools/list, version and _meta errors", async () => {
  const s = new RawSession();
  try {
    const discover = await s.request("d", "server/discover", { _meta: modernMeta() });
    assert.deepEqual(discover.result.supportedVersions, ["2026-07-28"]);
    assert.equal(discover.result.resultType, "complete");
    assert.equal(discover.result.cacheScope, "public");
    assert.ok(discover.result.ttlMs >= 0);
    assert.equal(discover.result._meta["io.modelcontextprotocol/serverInfo"].name, "quiltup-mcp");

    const list = await s.request(1, "tools/list", { _meta: modernMeta({ "io.modelcontextprotocol/logLevel": "debug" }) });
    assert.equal(list.result.resultType, "complete");
    assert.equal(list.result.cacheScope, "public");
    assert.equal(list.result.ttlMs, 3600000);
    assert.equal(list.result._meta["io.modelcontextprotocol/serverInfo"].version, "0.1.0");
    assert.ok(list.result.tools.some((t) => t.name === "bucket_objects_put"));

    const old = await s.request(2, "tools/list", { _meta: modernMeta({ "io.modelcontextprotocol/protocolVersion": "1900-01-01" }) });
    assert.equal(old.error.code, -32022);
    assert.equal(old.error.data.requested, "1900-01-01");
    assert.ok(old.error.data.supported.includes("2026-07-28") && old.error.data.supported.includes("2025-11-25"));

    const noCaps = await s.request(3, "tools/list", { _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28" } });
    assert.equal(noCaps.error.code, -32602);
    assert.match(noCaps.error.message, /clientCapabilities/);

    const badLevel = await s.request(4, "tools/list", { _meta: modernMeta({ "io.modelcontextprotocol/logLevel": "loud" }) });
    assert.equal(badLevel.error.code, -32602);

    // Removed in 2026-07-28.
    assert.equal((await s.request(5, "ping", { _meta: modernMeta() })).error.code, -32601);
    assert.equal((await s.request(6, "logging/setLevel", { level: "info", _meta: modernMeta() })).error.code, -32601);

    // Legacy requests are still served by the same process.
    assert.deepEqual((await s.request(7, "ping")).result, {});
    const legacyList = await s.request(8, "tools/list");
    assert.equal(legacyList.result.resultType, undefined, "legacy results carry no modern envelope");
    assert.equal(legacyList.result.ttlMs, undefined);
  } finally {
    assert.equal((await s.close()).code, 0);
  }
});

test("initialize: supported versions are echoed, unknown ones get 2025-11-25", async () => {
  for (const [asked, answered] of [["2025-11-25", "2025-11-25"], ["2025-06-18", "2025-06-18"],
                                   ["2025-03-26", "2025-03-26"], ["2099-01-01", "2025-11-25"]]) {
    const s = new RawSession();
    try {
      const r = await s.initialize(asked);
      assert.equal(r.result.protocolVersion, answered, `initialize ${asked}`);
      // Tasks (experimental) arrived in 2025-11-25: older revisions are not offered them.
      const tasks = answered === "2025-11-25" ? { tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } } } : {};
      assert.deepEqual(r.result.capabilities, { tools: { listChanged: false }, logging: {}, ...tasks });
      assert.equal(r.result.serverInfo.name, "quiltup-mcp");
      assert.deepEqual((await s.request("p", "ping")).result, {});
    } finally {
      assert.equal((await s.close()).code, 0);
    }
  }
});
