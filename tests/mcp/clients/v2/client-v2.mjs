// Smoke client for quiltup-mcp on the official TypeScript SDK v2 (@modelcontextprotocol/client 2.4.0).
// usage: MCP_MODE=legacy|auto|pin [MCP_TOOL=<name> MCP_ARGS='<json>' MCP_EXPECT_ERROR=1] node client-v2.mjs <server-cmd> [args...]
//   legacy: initialize handshake (2025-11-25); auto: probe server/discover, fall back to initialize;
//   pin: 2026-07-28 only (server/discover + per-request _meta).
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/client/stdio";

const [command, ...args] = process.argv.slice(2);
const modeName = process.env.MCP_MODE ?? "pin";
const mode = modeName === "pin" ? { pin: "2026-07-28" } : modeName;
const forwarded = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => /^(AWS_|QUILT_|QUILTUP_)/.test(k)));

const client = new Client({ name: "quiltup-test-v2", version: "0.1.0" },
  { capabilities: {}, versionNegotiation: { mode, probe: { timeoutMs: 5000 } } });
await client.connect(new StdioClientTransport({
  command, args, env: { ...getDefaultEnvironment(), ...forwarded }, stderr: "ignore" }));
console.log(`mode: ${modeName} negotiated: ${client.getNegotiatedProtocolVersion?.()} server: ${JSON.stringify(client.getServerVersion())}`);

const tools = [];
let cursor;
do {
  const page = await client.listTools(cursor ? { cursor } : undefined);
  tools.push(...page.tools);
  cursor = page.nextCursor;
} while (cursor);
console.log(`tools/list: ${tools.map((t) => t.name).join(", ")}`);

const name = process.env.MCP_TOOL;
if (name) {
  const result = await client.callTool({ name, arguments: JSON.parse(process.env.MCP_ARGS ?? "{}") },
    { onprogress: (p) => console.log("  notifications/progress:", JSON.stringify(p)), resetTimeoutOnProgress: true, timeout: 600_000 });
  console.log(`tools/call ${name}:`, JSON.stringify(result));
  if (Boolean(result.isError) !== (process.env.MCP_EXPECT_ERROR === "1")) process.exitCode = 1;
}
await client.close();
console.log("closed");
