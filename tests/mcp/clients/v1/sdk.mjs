// The TS SDK v1 pieces the tests in tests/mcp use. Imported from here so that Node resolves
// the package from this folder's pinned node_modules.
export { Client } from "@modelcontextprotocol/sdk/client/index.js";
export { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
export { McpError, LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
export { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
export { CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
