// The MCP Inspector CLI (2.12.0) in each protocol era: tools/list, schema portability
// (--strict), and an isError call reported with its exit code 5.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverBin } from "./support/harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const inspector = path.join(here, "clients/inspector/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");

function run(...args) {
  const r = spawnSync(process.execPath, [inspector, "--cli", ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

for (const era of ["legacy", "auto", "modern"]) {
  test(`inspector --protocol-era ${era}: tools/list`, () => {
    const r = run("--protocol-era", era, serverBin, "--method", "tools/list", "--format", "json", "-q");
    assert.equal(r.code, 0, r.stderr);
    const tools = JSON.parse(r.stdout).result.tools;
    const put = tools.find((t) => t.name === "bucket_objects_put");
    assert.ok(put, "bucket_objects_put listed");
    assert.equal(put.inputSchema.type, "object");
    assert.equal(put.annotations.destructiveHint, true);
  });

  test(`inspector --protocol-era ${era}: an isError result exits 5`, () => {
    const r = run("--protocol-era", era, serverBin, "--method", "tools/call", "--tool-name", "bucket_objects_put",
      "--tool-args-json", JSON.stringify({ bucket: "quiltup-test", items: [] }), "--format", "json", "-q");
    assert.equal(r.code, 5, r.stderr);
    assert.match(r.stderr, /tool_is_error/);
    assert.match(r.stdout, /items: is empty/);
  });
}

test("inspector --strict: the tool schemas are portable", () => {
  const r = run(serverBin, "--method", "tools/list", "--strict", "-q");
  assert.equal(r.code, 0, r.stdout + r.stderr);
});
