// Checks that the server answers ping while a tool call runs, and stops after notifications/cancelled.
// usage: MCP_TOOL=<slow tool> MCP_ARGS='<json>' [MCP_CANCEL_MS=300] node cancel-test.mjs <server-cmd> [args...]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";

const [command, ...args] = process.argv.slice(2);
const forwarded = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => /^(AWS_|QUILT_|QUILTUP_)/.test(k)));
const client = new Client({ name: "quiltup-cancel-test", version: "0.1.0" });
await client.connect(new StdioClientTransport({
  command, args, env: { ...getDefaultEnvironment(), ...forwarded }, stderr: "inherit" }));

const abort = new AbortController();
let progressEvents = 0;
const call = client.callTool(
  { name: process.env.MCP_TOOL, arguments: JSON.parse(process.env.MCP_ARGS ?? "{}") }, undefined,
  { signal: abort.signal, onprogress: () => { progressEvents++; } });

const t0 = Date.now();
await client.ping();
console.log(`ping answered during the call after ${Date.now() - t0} ms`);

setTimeout(() => abort.abort("user cancelled"), Number(process.env.MCP_CANCEL_MS ?? 300));
try {
  await call;
  console.log("call completed before the cancel arrived");
  process.exitCode = 1;
} catch (e) {
  console.log(`call cancelled after ${progressEvents} progress notifications: ${e.message}`);
}
await new Promise((r) => setTimeout(r, 500)); // a response or progress after the cancel would be a bug
await client.close();
console.log("closed");
