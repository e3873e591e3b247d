// The `packaging` tool through the official TS SDK v1 client against the local S3 fixture (rgw),
// direct backend (no catalog configured): tools/list face, discovery and argument errors, then a
// round trip — upload with bucket_objects_put, create, browse, delete dry_run, delete confirm —
// checked against what S3 really holds: the manifest is read back and its top hash recomputed
// here, entry hashes are recomputed from the uploaded bytes, pointers are read and then gone.
// Every structuredContent is validated against the tool's outputSchema.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import * as v1 from "./clients/v1/sdk.mjs";
import { connectV1, fixtureServer } from "./support/harness.mjs";
import { s3, createVersionedBucket, uniqueBucket } from "./support/s3.mjs";
import { checkedClient, chunkedHash, parseManifest, topHash } from "./support/quilt.mjs";

const rgw = fixtureServer("rgw");
const serverEnv = {
  AWS_ENDPOINT_URL: rgw.endpoint, AWS_ACCESS_KEY_ID: rgw.access_key, AWS_SECRET_ACCESS_KEY: rgw.secret_key,
  AWS_REGION: rgw.region };

let session, tools;
before(async () => {
  session = await checkedClient(v1, connectV1, serverEnv);
  tools = session.tools;
});
after(async () => { await session?.client.close(); });

// Every answer is checked: structuredContent, the same JSON as text, valid against outputSchema.
const call = (name, args) => session.call(name, args);
const packaging = (action, params) => call("packaging", { action, params });

const notFound = (promise) => assert.rejects(promise, /HTTP 404/);

test("tools/list shows packaging, permissions and package_visualization with schemas and annotations", () => {
  const expected = {
    packaging: { actions: ["browse", "create", "delete"], hints: [false, true, false, true] },
    permissions: { actions: ["discover"], hints: [true, false, true, true] },
    package_visualization: { actions: ["enrich"], hints: [false, true, false, true] },
  };
  for (const [name, { actions, hints }] of Object.entries(expected)) {
    const tool = tools.find((t) => t.name === name);
    assert.ok(tool, `${name} is listed`);
    assert.ok(tool.title, `${name} has a title`);
    assert.match(tool.description, /Example: \{"action":/, `${name}'s description carries an example`);
    assert.equal(tool.inputSchema.type, "object");
    assert.deepEqual(tool.inputSchema.properties.action.enum.filter((a) => a !== null).sort(), actions);
    assert.equal(tool.inputSchema.properties.params.type, "object");
    assert.equal(tool.outputSchema.type, "object");
    assert.deepEqual(tool.outputSchema.required, ["success"]);
    const a = tool.annotations;
    assert.deepEqual([a.readOnlyHint, a.destructiveHint, a.idempotentHint, a.openWorldHint], hints, `${name} annotations`);
  }
  const params = tools.find((t) => t.name === "packaging").inputSchema.properties.params.properties;
  for (const field of ["name", "package_name", "bucket", "files", "description", "readme", "metadata", "meta", "confirm", "dry_run"])
    assert.ok(params[field], `packaging params.${field} is declared`);
});

test("action omitted lists the actions; an unknown action is an isError naming it", async () => {
  for (const [name, actions] of [["packaging", ["browse", "create", "delete"]], ["permissions", ["discover"]],
    ["package_visualization", ["enrich"]]]) {
    const listed = await call(name, {});
    assert.equal(listed.isError, false);
    assert.equal(listed.structuredContent.module, name);
    assert.deepEqual(listed.structuredContent.actions, actions);
    assert.ok(listed.structuredContent.description.length > 20);

    const nulled = await call(name, { action: null, params: {} });
    assert.deepEqual(nulled.structuredContent.actions, actions, "action null is a discovery call too");

    const bad = await call(name, { action: "explode", params: {} });
    assert.equal(bad.isError, true);
    assert.equal(bad.structuredContent.error, `Unknown ${name} action: explode`);
    assert.equal(bad.structuredContent.field, "action");
  }
});

test("create without files or readme, with a bad name, or with a non-s3 file does nothing and says why", async () => {
  const bucket = uniqueBucket("mcp-pkg-args");
  const noFiles = await packaging("create", { name: "team/pkg", bucket });
  assert.equal(noFiles.isError, true);
  assert.match(noFiles.content[0].text, /Package creation requires 'files' parameter/);
  assert.equal(noFiles.structuredContent.success, false);
  assert.match(noFiles.structuredContent.field, /files/);

  const badName = await packaging("create", { name: "team.with.dots/pkg", files: [`s3://${bucket}/a.csv`] });
  assert.equal(badName.isError, true);
  assert.match(badName.structuredContent.error, /team|name/i);
  assert.ok(badName.structuredContent.possible_fixes.length > 0 || /Try/.test(badName.structuredContent.error),
    "the answer suggests a valid name");

  const missingName = await packaging("create", { files: [`s3://${bucket}/a.csv`] });
  assert.equal(missingName.isError, true);
  assert.equal(missingName.structuredContent.field, "params.name");

  const notS3 = await packaging("create", { name: "team/pkg", files: ["/etc/passwd"] });
  assert.equal(notS3.isError, true);
  assert.match(notS3.structuredContent.error, /s3:\/\//);

  const twoBuckets = await packaging("create", { name: "team/pkg", files: [`s3://${bucket}/a`, `s3://other-${bucket}/b`] });
  assert.equal(twoBuckets.isError, true);
  assert.match(twoBuckets.structuredContent.error, /All files must live in the same S3 bucket/);

  const badMeta = await packaging("create", { name: "team/pkg", files: [`s3://${bucket}/a`], meta: "{not json" });
  assert.equal(badMeta.isError, true);
  assert.equal(badMeta.structuredContent.field, "params.meta", "the alias the caller used is named");
});

test("delete without confirm is refused with next_steps, and nothing is looked up", async () => {
  const refused = await packaging("delete", { name: "team/pkg", bucket: "any-bucket-at-all" });
  assert.equal(refused.isError, true);
  assert.equal(refused.structuredContent.error, "Package deletion requires confirm=True");
  assert.equal(refused.structuredContent.success, false);
  assert.match(refused.structuredContent.next_steps[0], /packaging\(action='delete'.*'confirm': True/);
  assert.equal(refused.structuredContent.package_name, "team/pkg");
});

test("direct backend round trip: upload, create, browse, delete dry_run, delete confirm", async () => {
  const bucket = uniqueBucket("mcp-pkg");
  await createVersionedBucket(rgw, bucket);
  const csv = "sample,value\nA,1\nB,2\n";
  const json = JSON.stringify({ samples: 2, ok: true });
  const bin = crypto.randomBytes(3000);
  const put = await call("bucket_objects_put", { bucket, items: [
    { key: "raw/data.csv", text: csv, content_type: "text/csv" },
    { key: "raw/info.json", text: json, content_type: "application/json" },
    { key: "raw/blob.bin", data: bin.toString("base64") }] });
  assert.equal(put.structuredContent.uploaded, 3);
  const versions = Object.fromEntries(put.structuredContent.results.map((r) => [r.key, r.version_id]));
  const bytes = { "data.csv": Buffer.from(csv), "info.json": Buffer.from(json), "blob.bin": bin };
  const files = ["raw/data.csv", "raw/info.json", "raw/blob.bin"].map((k) => `s3://${bucket}/${k}`);
  const name = "team/round-trip";

  // dry run: the plan, nothing written
  const plan = await packaging("create", { package_name: name, bucket, files, dry_run: true, readme: "# Round trip" });
  assert.equal(plan.isError, false);
  assert.equal(plan.structuredContent.dry_run, true);
  assert.deepEqual(plan.structuredContent.files.map((f) => f.logical_key).sort(), ["README.md", "blob.bin", "data.csv", "info.json"]);
  assert.match(plan.structuredContent.planned_readme_uri, new RegExp(`^s3://${bucket}/`));
  await notFound(s3(rgw, "GET", bucket, `.quilt/named_packages/${name}/latest`));

  // create, with aliases (package_name, meta) and an unknown param that is ignored
  const readme = "# Round trip\n\nTest package.\n";
  const created = await packaging("create", { package_name: name, bucket, files, readme, description: "first revision",
    meta: { author: "Jane", run: 7 }, some_future_param: 1 });
  assert.equal(created.isError, false, JSON.stringify(created.structuredContent));
  const c = created.structuredContent;
  assert.equal(c.success, true);
  assert.equal(c.backend, "direct");
  assert.equal(c.package_name, name);
  assert.equal(c.bucket, bucket);
  assert.match(c.top_hash, /^[0-9a-f]{64}$/);
  assert.equal(c.entries_added, 4);
  assert.equal(c.manifest_key, `.quilt/packages/${c.top_hash}`);

  // the manifest as S3 holds it: its recomputed top hash is the one answered
  const manifest = parseManifest((await s3(rgw, "GET", bucket, c.manifest_key)).body.toString("utf8"));
  assert.equal(topHash(manifest), c.top_hash, "top hash recomputed from the stored manifest");
  assert.equal(manifest.header.message, "first revision");
  assert.equal(manifest.header.user_meta.author, "Jane");
  assert.equal(manifest.header.user_meta.run, 7);
  const stored = Object.fromEntries(manifest.entries.map((e) => [e.logical_key, e]));
  assert.deepEqual(Object.keys(stored).sort(), ["README.md", "blob.bin", "data.csv", "info.json"]);
  for (const [lk, b] of Object.entries(bytes)) {
    assert.deepEqual(stored[lk].hash, { type: "sha2-256-chunked", value: chunkedHash(b) }, `${lk}: entry hash`);
    assert.equal(stored[lk].size, b.length);
    assert.equal(stored[lk].physical_keys[0], `s3://${bucket}/raw/${lk}?versionId=${encodeURIComponent(versions["raw/" + lk])}`,
      `${lk}: pinned to the uploaded version`);
  }
  assert.equal(stored["README.md"].hash.value, chunkedHash(Buffer.from(readme)));
  const readmeUri = new URL(stored["README.md"].physical_keys[0].replace("s3://", "http://"));
  assert.equal((await s3(rgw, "GET", bucket, decodeURIComponent(readmeUri.pathname.slice(1)))).body.toString("utf8"), readme);

  // pointers: timestamp and latest, 64 bytes each, no newline
  const latest = (await s3(rgw, "GET", bucket, `.quilt/named_packages/${name}/latest`)).body.toString("utf8");
  assert.equal(latest, c.top_hash);
  assert.match(c.pointer_key, new RegExp(`^\\.quilt/named_packages/${name}/\\d{10}$`));
  assert.equal((await s3(rgw, "GET", bucket, c.pointer_key)).body.toString("utf8"), c.top_hash);

  // browse: the same entries, and paging
  const browsed = await packaging("browse", { name, bucket });
  assert.equal(browsed.isError, false);
  const pkg = browsed.structuredContent.package;
  assert.equal(pkg.top_hash, c.top_hash);
  assert.equal(pkg.total_entries, 4);
  assert.equal(pkg.total_bytes, Object.values(bytes).reduce((n, b) => n + b.length, 0) + Buffer.byteLength(readme));
  assert.equal(pkg.message, "first revision");
  for (const e of pkg.entries) {
    assert.equal(e.physical_key, stored[e.logical_key].physical_keys[0]);
    assert.deepEqual(e.hash, stored[e.logical_key].hash);
    assert.equal(e.size, stored[e.logical_key].size);
  }
  const page = await packaging("browse", { name, bucket, offset: 1, limit: 2 });
  assert.deepEqual(page.structuredContent.package.entries.map((e) => e.logical_key), pkg.entries.slice(1, 3).map((e) => e.logical_key));
  assert.equal(page.structuredContent.package.next_offset, 3);

  // delete dry_run: a preview, nothing deleted
  const preview = await packaging("delete", { name, bucket, dry_run: true, reason: "test cleanup" });
  assert.equal(preview.isError, false);
  assert.equal(preview.structuredContent.action, "preview");
  assert.equal(preview.structuredContent.message, "Set confirm=True to delete this package");
  assert.equal(preview.structuredContent.registry, `s3://${bucket}`);
  assert.equal(preview.structuredContent.reason, "test cleanup");
  assert.deepEqual(preview.structuredContent.revisions.map((r) => r.top_hash), [c.top_hash]);
  assert.ok(preview.structuredContent.deleted_keys.includes(`.quilt/named_packages/${name}/latest`));
  assert.ok(preview.structuredContent.deleted_keys.includes(c.pointer_key));
  assert.equal((await s3(rgw, "GET", bucket, `.quilt/named_packages/${name}/latest`)).body.toString("utf8"), c.top_hash,
    "the dry run deleted nothing");

  // delete confirm: the pointers are gone, the manifest and data stay
  const deleted = await packaging("delete", { name, bucket, confirm: true });
  assert.equal(deleted.isError, false, JSON.stringify(deleted.structuredContent));
  assert.equal(deleted.structuredContent.action, "deleted");
  assert.equal(deleted.structuredContent.message, `Package '${name}' deleted successfully`);
  await notFound(s3(rgw, "GET", bucket, `.quilt/named_packages/${name}/latest`));
  await notFound(s3(rgw, "GET", bucket, c.pointer_key));
  await s3(rgw, "GET", bucket, c.manifest_key);
  await s3(rgw, "GET", bucket, "raw/data.csv");

  const gone = await packaging("browse", { name, bucket });
  assert.equal(gone.isError, true, "browsing a deleted package is an error");
  assert.equal(gone.structuredContent.success, false);
});

test("without any credentials, create is an isError that reports what each source said", async () => {
  const bare = await connectV1(v1, { env: { AWS_ENDPOINT_URL: rgw.endpoint, AWS_REGION: rgw.region,
    AWS_EC2_METADATA_DISABLED: "true", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
    AWS_CONFIG_FILE: "/nonexistent/config", AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" } });
  try {
    const result = await bare.callTool({ name: "packaging",
      arguments: { action: "create", params: { name: "team/pkg", files: ["s3://some-bucket/a.csv"] } } });
    assert.equal(result.isError, true);
    assert.equal(result.structuredContent.success, false);
    assert.equal(result.structuredContent.credentials.source, null);
    assert.ok(result.structuredContent.credentials.attempts.length >= 2, "every source tried is reported");
    session.checks.packaging(result.structuredContent);
  } finally {
    await bare.close();
  }
});
