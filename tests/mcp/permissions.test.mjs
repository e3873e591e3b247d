// `permissions discover` through the TS SDK v1 client against the local S3 fixture (rgw): the
// probes find full access on a bucket the fixture's user owns, no access on a missing bucket,
// and the write probe leaves no multipart upload or object behind.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as v1 from "./clients/v1/sdk.mjs";
import { connectV1, fixtureServer } from "./support/harness.mjs";
import { s3, createVersionedBucket, openMultipartUploads, uniqueBucket } from "./support/s3.mjs";
import { checkedClient } from "./support/quilt.mjs";

const rgw = fixtureServer("rgw");
const serverEnv = {
  AWS_ENDPOINT_URL: rgw.endpoint, AWS_ACCESS_KEY_ID: rgw.access_key, AWS_SECRET_ACCESS_KEY: rgw.secret_key,
  AWS_REGION: rgw.region };

let session;
before(async () => { session = await checkedClient(v1, connectV1, serverEnv); });
after(async () => { await session?.client.close(); });

const discover = (params) => session.call("permissions", { action: "discover", params });

test("an existing bucket: list, read and write access, proved by probes that leave nothing behind", async () => {
  const bucket = uniqueBucket("mcp-perm");
  await createVersionedBucket(rgw, bucket);
  const result = await discover({ check_buckets: [`s3://${bucket}`] });
  assert.equal(result.isError, false);
  const answer = result.structuredContent;
  assert.equal(answer.success, true);
  assert.equal(answer.total_buckets_checked, 1);
  const [b] = answer.bucket_permissions;
  assert.equal(b.name, bucket, "s3:// URIs are reduced to the bucket name");
  assert.equal(b.accessible, true);
  assert.equal(b.list_access, true);
  assert.equal(b.read_access, true);
  assert.equal(b.write_access, true);
  assert.equal(b.permission_level, "full_access");
  assert.equal(b.determined_by, "s3_probes");
  for (const op of ["ListObjectsV2", "HeadObject", "CreateMultipartUpload"])
    assert.equal(b.probes.find((p) => p.operation === op)?.outcome, "allowed", `${op} probe allowed`);
  assert.deepEqual(answer.categorized_buckets, { accessible: [bucket], not_accessible: [] });
  assert.ok(answer.credentials.source);

  assert.deepEqual(await openMultipartUploads(rgw, bucket), [], "the write probe's upload was aborted");
  const listing = (await s3(rgw, "GET", bucket, "", { query: { versions: "" } })).body.toString("utf8");
  assert.doesNotMatch(listing, /<Key>/, "no object or version was left by the probes");
});

test("a missing bucket: no access at all, reported as a result, not an error", async () => {
  const missing = uniqueBucket("mcp-perm-missing");
  const existing = uniqueBucket("mcp-perm-present");
  await createVersionedBucket(rgw, existing);
  const result = await discover({ check_buckets: [missing, existing] });
  assert.equal(result.isError, false);
  const [m, e] = result.structuredContent.bucket_permissions;
  assert.equal(m.name, missing);
  assert.deepEqual([m.accessible, m.list_access, m.read_access, m.write_access, m.permission_level],
    [false, false, false, false, "no_access"]);
  assert.ok(m.probes.some((p) => p.code === "NoSuchBucket"), "the S3 code says why");
  assert.equal(e.name, existing, "order is kept");
  assert.equal(e.write_access, true);
  assert.deepEqual(result.structuredContent.categorized_buckets, { accessible: [existing], not_accessible: [missing] });
});

test("probe_write=false skips the write probe; write_access is then unknown (null)", async () => {
  const bucket = uniqueBucket("mcp-perm-ro");
  await createVersionedBucket(rgw, bucket);
  const result = await discover({ check_buckets: [bucket], probe_write: false });
  const [b] = result.structuredContent.bucket_permissions;
  assert.equal(b.read_access, true);
  assert.equal(b.write_access, null);
  assert.ok(!b.probes.some((p) => p.operation === "CreateMultipartUpload" && p.outcome === "allowed"));
});

test("without check_buckets and without a catalog, discover says which field to give", async () => {
  const result = await discover({});
  assert.equal(result.isError, true);
  assert.equal(result.structuredContent.field, "params.check_buckets");
  assert.match(result.structuredContent.possible_fixes[0], /check_buckets/);

  const wrongType = await discover({ check_buckets: 42 });
  assert.equal(wrongType.isError, true);
  assert.equal(wrongType.structuredContent.field, "params.check_buckets");
});
