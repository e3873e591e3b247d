// Just enough of S3 (SigV4, path-style) for the MCP tests to check what the server uploaded
// against what the local S3 fixture really stores, without trusting the server's own answer.
import crypto from "node:crypto";

const sha256 = (data) => crypto.createHash("sha256").update(data).digest("hex");
const hmac = (key, data) => crypto.createHmac("sha256", key).update(data).digest();
const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

// server: {endpoint, access_key, secret_key, region} as in the fixture's .env file.
export async function s3(server, method, bucket, key = "", { query = {}, body = Buffer.alloc(0), headers = {} } = {}) {
  const url = new URL(server.endpoint);
  const path = "/" + bucket + (key ? "/" + key.split("/").map(encode).join("/") : "");
  const canonicalQuery = Object.keys(query).sort().map((k) => `${encode(k)}=${encode(query[k])}`).join("&");
  const amzDate = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const date = amzDate.slice(0, 8);
  const all = { ...headers, host: url.host, "x-amz-date": amzDate, "x-amz-content-sha256": sha256(body) };
  const names = Object.keys(all).map((h) => h.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), String(v).trim()]));
  const canonicalRequest = [method, path, canonicalQuery, names.map((h) => `${h}:${lower[h]}\n`).join(""),
    names.join(";"), lower["x-amz-content-sha256"]].join("\n");
  const scope = `${date}/${server.region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  let k = hmac("AWS4" + server.secret_key, date);
  for (const part of [server.region, "s3", "aws4_request"]) k = hmac(k, part);
  const signature = crypto.createHmac("sha256", k).update(toSign).digest("hex");
  const authorization = `AWS4-HMAC-SHA256 Credential=${server.access_key}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`;
  const { host, ...sent } = lower;
  const response = await fetch(`${url.origin}${path}${canonicalQuery ? "?" + canonicalQuery : ""}`,
    { method, headers: { ...sent, authorization }, body: method === "GET" || method === "HEAD" ? undefined : body });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`${method} ${path}?${canonicalQuery}: HTTP ${response.status} ${bytes.toString("utf8")}`);
  return { status: response.status, headers: response.headers, body: bytes };
}

export async function createVersionedBucket(server, bucket) {
  await s3(server, "PUT", bucket);
  await s3(server, "PUT", bucket, "", { query: { versioning: "" },
    body: Buffer.from('<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status></VersioningConfiguration>') });
}

export async function openMultipartUploads(server, bucket) {
  const { body } = await s3(server, "GET", bucket, "", { query: { uploads: "" } });
  return [...body.toString("utf8").matchAll(/<UploadId>([^<]+)<\/UploadId>/g)].map((m) => m[1]);
}

export const uniqueBucket = (prefix) => `${prefix}-${process.pid}-${Date.now().toString(36)}`.toLowerCase();
