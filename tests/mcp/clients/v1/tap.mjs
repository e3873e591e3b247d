// Wire tap: runs a stdio MCP server and appends every line in both directions to a log file.
// usage (as the server command of any client): node tap.mjs <log-file> <server-cmd> [args...]
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";

const [logFile, command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
const note = (text) => appendFileSync(logFile, text + "\n");
const lines = (direction) => {
  let pending = "";
  return (chunk) => {
    pending += chunk.toString("utf8");
    for (let i; (i = pending.indexOf("\n")) >= 0; pending = pending.slice(i + 1))
      note(`${direction} ${pending.slice(0, i)}`);
  };
};
const clientToServer = lines("C->S"), serverToClient = lines("S->C");

process.stdin.on("data", (d) => { clientToServer(d); child.stdin.write(d); });
process.stdin.on("end", () => { note("C->S <stdin closed>"); child.stdin.end(); });
child.stdout.on("data", (d) => { serverToClient(d); process.stdout.write(d); });
child.on("exit", (code, signal) => { note(`<server exited code=${code} signal=${signal}>`); process.exit(code ?? 0); });
process.on("SIGTERM", () => { note("<tap got SIGTERM>"); child.kill("SIGTERM"); });
