// Shared by the tests in tests/mcp: where the server binary is, how to start it under the
// official SDK clients, and a raw line-level session for what no SDK will send (bad JSON,
// oversized lines, hand-made modern envelopes). No dependencies beyond Node itself.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import fs from "node:fs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../../..");

// CTest passes the built binary; by hand, the default build tree is used.
export const serverBin = process.env.QUILTUP_MCP_BIN ?? path.join(repoRoot, "build/bin/quiltup-mcp");

// The SDKs pass the server only HOME, LOGNAME, PATH, SHELL, TERM and USER: forward quiltup's own.
export function forwardedEnv(extra = {}) {
  const forwarded = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => /^(AWS_|QUILT_|QUILTUP_)/.test(k) && k !== "QUILTUP_MCP_BIN"));
  return { ...forwarded, ...extra };
}

export async function connectV1(sdk, { env = {}, name = "quiltup-test-v1" } = {}) {
  const transport = new sdk.StdioClientTransport({
    command: serverBin, args: [], env: { ...sdk.getDefaultEnvironment(), ...forwardedEnv(env) }, stderr: "pipe" });
  const client = new sdk.Client({ name, version: "0.1.0" }, { capabilities: {} });
  await client.connect(transport);
  return client;
}

export async function connectV2(sdk, mode, { env = {} } = {}) {
  const client = new sdk.Client({ name: "quiltup-test-v2", version: "0.1.0" },
    { capabilities: {}, versionNegotiation: { mode, probe: { timeoutMs: 5000 } } });
  await client.connect(new sdk.StdioClientTransport({
    command: serverBin, args: [], env: { ...sdk.getDefaultEnvironment(), ...forwardedEnv(env) }, stderr: "ignore" }));
  return client;
}

export const modernMeta = (extra = {}) => ({
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientCapabilities": {},
  "io.modelcontextprotocol/clientInfo": { name: "quiltup-raw-test", version: "0.1.0" },
  ...extra,
});

// The server over raw pipes: every stdout line is kept (and must be one JSON-RPC message).
export class RawSession {
  constructor({ env = {} } = {}) {
    // Never the real instance-metadata address, even when a test passes no AWS settings.
    this.child = spawn(serverBin, [], { stdio: ["pipe", "pipe", "pipe"],
      env: { PATH: process.env.PATH, AWS_EC2_METADATA_DISABLED: "true", ...env } });
    this.messages = [];
    this.rawLines = [];
    this.stderr = "";
    this.waiters = [];
    let pending = "";
    this.child.stdout.on("data", (chunk) => {
      pending += chunk.toString("utf8");
      for (let i; (i = pending.indexOf("\n")) >= 0; pending = pending.slice(i + 1)) this.#onLine(pending.slice(0, i));
    });
    this.child.stderr.on("data", (d) => { this.stderr += d.toString("utf8"); });
    this.exited = new Promise((resolve) => this.child.on("exit", (code, signal) => resolve({ code, signal })));
  }

  #onLine(line) {
    this.rawLines.push(line);
    let message;
    try { message = JSON.parse(line); } catch { message = { unparsable: line }; }
    this.messages.push(message);
    this.waiters = this.waiters.filter((w) => !(w.match(message) && (w.resolve(message), true)));
  }

  send(message) {
    this.child.stdin.write((typeof message === "string" ? message : JSON.stringify(message)) + "\n");
  }

  // The first message (already received or still to come) for which match() holds.
  next(match, timeoutMs = 5000) {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`)), timeoutMs);
      this.waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  reply(id, timeoutMs) { return this.next((m) => m.id === id && ("result" in m || "error" in m), timeoutMs); }

  async request(id, method, params, timeoutMs) {
    this.send(params === undefined ? { jsonrpc: "2.0", id, method } : { jsonrpc: "2.0", id, method, params });
    return this.reply(id, timeoutMs);
  }

  async initialize(protocolVersion = "2025-11-25") {
    const r = await this.request("init", "initialize",
      { protocolVersion, capabilities: {}, clientInfo: { name: "quiltup-raw-test", version: "0.1.0" } });
    this.send({ jsonrpc: "2.0", method: "notifications/initialized" });
    return r;
  }

  // Closes stdin and resolves with the exit status and how long the exit took.
  async close() {
    const t0 = Date.now();
    this.child.stdin.end();
    const status = await this.exited;
    return { ...status, ms: Date.now() - t0 };
  }

  kill() { if (this.child.exitCode === null) this.child.kill("SIGKILL"); }
}

// Key=value lines written by tests/fixtures/<name>.sh into $QUILTUP_TEST_SERVERS_DIR.
export function fixtureServer(name) {
  const dir = process.env.QUILTUP_TEST_SERVERS_DIR;
  if (!dir) throw new Error("QUILTUP_TEST_SERVERS_DIR is not set: run this test through ctest (fixture " + name + ")");
  const text = fs.readFileSync(path.join(dir, `${name}.env`), "utf8");
  return Object.fromEntries(text.split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
}
