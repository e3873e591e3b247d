// Legacy-era (2025-11-25) smoke client for quiltup-mcp on the official TypeScript SDK v1.
// usage: [MCP_TOOL=<name> MCP_ARGS='<json>' MCP_EXPECT_ERROR=1] node client-v1.mjs <server-cmd> [args...]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node client-v1.mjs <server-cmd> [args...]");
  process.exit(2);
}

// The SDK gives the server only HOME, LOGNAME, PATH, SHELL, TERM and USER; forward quiltup's settings explicitly.
const forwarded = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => /^(AWS_|QUILT_|QUILTUP_)/.test(k)));
const transport = new StdioClientTransport({
  command, args, env: { ...getDefaultEnvironment(), ...forwarded }, stderr: "pipe" });
let stderrBytes = 0;
transport.stderr?.on("data", (chunk) => { stderrBytes += chunk.length; });

const client = new Client({ name: "quiltup-test-v1", version: "0.1.0" }, { capabilities: {} });
await client.connect(transport); // initialize + notifications/initialized
console.log("server:", JSON.stringify(client.getServerVersion()));
console.log("capabilities:", JSON.stringify(client.getServerCapabilities()));

const tools = []; // listTools() does not follow nextCursor by itself
let cursor;
do {
  const page = await client.listTools(cursor ? { cursor } : {});
  tools.push(...page.tools);
  cursor = page.nextCursor;
} while (cursor);
console.log(`tools/list: ${tools.length} tools: ${tools.map((t) => t.name).join(", ")}`);

console.log("ping:", JSON.stringify(await client.ping()));
if (client.getServerCapabilities()?.logging) {
  client.setNotificationHandler(LoggingMessageNotificationSchema,
    (n) => console.log("  notifications/message:", JSON.stringify(n.params)));
  console.log("logging/setLevel:", JSON.stringify(await client.setLoggingLevel("info")));
}

const name = process.env.MCP_TOOL;
if (name) {
  // onprogress makes the SDK add _meta.progressToken; the SDK also checks structuredContent against outputSchema.
  const result = await client.callTool({ name, arguments: JSON.parse(process.env.MCP_ARGS ?? "{}") }, undefined, {
    onprogress: (p) => console.log("  notifications/progress:", JSON.stringify(p)),
    resetTimeoutOnProgress: true,
    timeout: 600_000,
  });
  console.log(`tools/call ${name}:`, JSON.stringify(result));
  if (Boolean(result.isError) !== (process.env.MCP_EXPECT_ERROR === "1")) process.exitCode = 1;
}

try {
  const r = await client.callTool({ name: "no_such_tool", arguments: {} });
  console.log("unknown tool: result", JSON.stringify(r));
} catch (e) {
  console.log(`unknown tool: JSON-RPC error ${e.code}: ${e.message}`);
}

await client.close(); // stdin end, 2 s, SIGTERM, 2 s, SIGKILL
console.log(`closed (server wrote ${stderrBytes} bytes to stderr)`);
