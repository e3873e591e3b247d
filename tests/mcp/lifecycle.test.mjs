// Process lifecycle over stdio: clean exit on EOF and SIGTERM, nothing but JSON-RPC on stdout,
// notifications never answered, and a cancel for an unknown request ignored.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as v1 from "./clients/v1/sdk.mjs";
import { connectV1, RawSession } from "./support/harness.mjs";

test("stdin EOF: the server exits 0 well within the clients' 2 s grace", async () => {
  const s = new RawSession();
  await s.initialize();
  const { code, signal, ms } = await s.close();
  assert.equal(signal, null);
  assert.equal(code, 0);
  assert.ok(ms < 2000, `exited after ${ms} ms`);
  assert.match(s.stderr, /shutting down: stdin closed/, "diagnostics go to stderr");
});

test("SIGTERM: the server exits 0 promptly", async () => {
  const s = new RawSession();
  await s.initialize();
  const t0 = Date.now();
  s.child.kill("SIGTERM");
  const { code, signal } = await s.exited;
  assert.equal(signal, null);
  assert.equal(code, 0);
  assert.ok(Date.now() - t0 < 2000);
});

test("an immediate kill after spawn (the v2 auto probe) is harmless, and a fresh server still starts", async () => {
  const probe = new RawSession();
  probe.kill();
  assert.equal((await probe.exited).signal, "SIGKILL");
  const s = new RawSession();
  try {
    assert.deepEqual((await s.request(1, "ping")).result, {});
  } finally {
    await s.close();
  }
});

test("stdout carries only compact JSON-RPC lines; notifications and stray responses get no answer", async () => {
  const s = new RawSession();
  await s.initialize();
  s.send({ jsonrpc: "2.0", method: "notifications/something_new", params: { x: 1 } });
  s.send({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 999, reason: "nothing to cancel" } });
  s.send({ jsonrpc: "2.0", id: 77, result: {} });  // a response to a request we never sent
  s.send({ jsonrpc: "2.0", id: "text", method: "ping" });
  await s.reply("text");
  s.send({ jsonrpc: "2.0", method: "tools/list" });  // a notification with a request's method: still unanswered
  s.send("{\"jsonrpc\":\"2.0\",\"id\":\"crlf\",\"method\":\"ping\"}\r");  // CRLF line ending
  await s.reply("crlf");
  const { code } = await s.close();
  assert.equal(code, 0);

  assert.deepEqual(s.messages.map((m) => m.id), ["init", "text", "crlf"], "one answer per request, none for the rest");
  for (const line of s.rawLines) {
    const m = JSON.parse(line);  // throws on anything that is not JSON
    assert.equal(m.jsonrpc, "2.0");
    assert.equal(line, JSON.stringify(m), "compact, one message per line");
  }
});

test("v1 client: close() ends the server cleanly (stdin end, no SIGTERM needed)", async () => {
  const client = await connectV1(v1);
  const t0 = Date.now();
  await client.close();
  assert.ok(Date.now() - t0 < 2000, "the SDK did not have to wait for its SIGTERM step");
});
