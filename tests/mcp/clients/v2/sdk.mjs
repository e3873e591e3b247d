// The TS SDK v2 client for the tests in tests/mcp, resolved from this folder's node_modules.
export { Client } from "@modelcontextprotocol/client";
export { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/client/stdio";
