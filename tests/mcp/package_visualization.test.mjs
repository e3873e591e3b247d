// `package_visualization enrich` through the TS SDK v1 client against the local S3 fixture (rgw),
// direct backend: a package with a MultiQC report, tables, JSON and a binary gets a schema-valid
// quilt_summarize.json and a README.md in a new revision that keeps every entry and the metadata.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as v1 from "./clients/v1/sdk.mjs";
import { connectV1, fixtureServer } from "./support/harness.mjs";
import { s3, createVersionedBucket, uniqueBucket } from "./support/s3.mjs";
import { checkedClient, parseManifest, quiltSummarizeSchema, schemaChecker, topHash } from "./support/quilt.mjs";

const rgw = fixtureServer("rgw");
const serverEnv = {
  AWS_ENDPOINT_URL: rgw.endpoint, AWS_ACCESS_KEY_ID: rgw.access_key, AWS_SECRET_ACCESS_KEY: rgw.secret_key,
  AWS_REGION: rgw.region };

let session;
before(async () => { session = await checkedClient(v1, connectV1, serverEnv); });
after(async () => { await session?.client.close(); });

const objectAt = async (physicalKey) => {
  const url = new URL(physicalKey.replace(/^s3:\/\//, "http://"));
  const key = decodeURIComponent(url.pathname.slice(1));
  const versionId = url.searchParams.get("versionId");
  return (await s3(rgw, "GET", url.host, key, { query: versionId ? { versionId } : {} })).body.toString("utf8");
};

test("enrich adds quilt_summarize.json and README.md in a new revision that keeps every entry", async () => {
  const bucket = uniqueBucket("mcp-viz");
  await createVersionedBucket(rgw, bucket);
  const items = [
    { key: "run/multiqc_report.html", text: "<html><body>report</body></html>", content_type: "text/html" },
    { key: "run/counts.csv", text: "gene,count\nA,1\n", content_type: "text/csv" },
    { key: "run/samples.tsv", text: "id\tgroup\n1\tx\n", content_type: "text/tab-separated-values" },
    { key: "run/config.json", text: "{\"k\": 1}", content_type: "application/json" },
    { key: "run/blob.bin", data: "AAECAw==" }];
  assert.equal((await session.call("bucket_objects_put", { bucket, items })).structuredContent.uploaded, items.length);
  const name = "team/viz";
  const created = await session.call("packaging", { action: "create", params: {
    name, bucket, files: items.map((i) => `s3://${bucket}/${i.key}`), metadata: { project: "viz" } } });
  assert.equal(created.isError, false, JSON.stringify(created.structuredContent));
  const before = created.structuredContent;

  const result = await session.call("package_visualization", { action: "enrich", params: { package_name: name, bucket } });
  assert.equal(result.isError, false, JSON.stringify(result.structuredContent));
  const e = result.structuredContent;
  assert.equal(e.success, true);
  assert.equal(e.previous_top_hash, before.top_hash);
  assert.equal(e.readme_created, true);
  assert.equal(e.dashboards_added, 1);
  assert.equal(e.table_visualizations, 2);
  assert.equal(e.json_previews, 1);
  assert.match(e.package_update.top_hash, /^[0-9a-f]{64}$/);
  assert.notEqual(e.package_update.top_hash, before.top_hash);

  // The new revision as S3 holds it.
  const latest = (await s3(rgw, "GET", bucket, `.quilt/named_packages/${name}/latest`)).body.toString("utf8");
  assert.equal(latest, e.package_update.top_hash);
  const manifest = parseManifest((await s3(rgw, "GET", bucket, `.quilt/packages/${latest}`)).body.toString("utf8"));
  assert.equal(topHash(manifest), latest, "top hash recomputed from the stored manifest");
  assert.equal(manifest.header.message, `Added visualization metadata for ${name}`);
  assert.deepEqual(manifest.header.user_meta, { project: "viz" }, "the same user_meta");
  const entries = Object.fromEntries(manifest.entries.map((x) => [x.logical_key, x]));
  for (const old of before.entries) {
    assert.equal(entries[old.logical_key]?.physical_keys[0], old.physical_key, `${old.logical_key} kept`);
    assert.deepEqual(entries[old.logical_key].hash, old.hash);
  }
  assert.ok(entries["quilt_summarize.json"], "quilt_summarize.json at the package root");
  assert.ok(entries["README.md"], "README.md generated");

  const summary = JSON.parse(await objectAt(entries["quilt_summarize.json"].physical_keys[0]));
  schemaChecker(v1, quiltSummarizeSchema(), "quilt_summarize.json schema")(summary);
  const rows = summary.flat();
  const paths = rows.map((r) => (typeof r === "string" ? r : r.path));
  for (const p of paths) assert.ok(entries[p], `row ${p} points to an entry`);
  assert.ok(paths.includes("multiqc_report.html") && paths.includes("counts.csv") && paths.includes("config.json"));
  assert.ok(!paths.includes("blob.bin"), "no preview for a binary");
  const html = rows.find((r) => r.path === "multiqc_report.html");
  assert.deepEqual([html.types, html.expand], [["html"], true]);
  assert.ok(!JSON.stringify(summary).match(/voila|jupyter/), "never voila or jupyter");
  const readme = await objectAt(entries["README.md"].physical_keys[0]);
  assert.match(readme, /team\/viz/, "the README names the package");

  // A second run keeps the README the package now has.
  const again = await session.call("package_visualization", { action: "enrich", params: { name, bucket } });
  assert.equal(again.isError, false);
  assert.equal(again.structuredContent.readme_created, false);
  assert.equal(again.structuredContent.previous_top_hash, e.package_update.top_hash);
});

test("enrich on a package that does not exist, or without a bucket, does nothing and says why", async () => {
  const missing = await session.call("package_visualization", { action: "enrich",
    params: { package_name: "team/nothing-here", bucket: uniqueBucket("mcp-viz-none") } });
  assert.equal(missing.isError, true);
  assert.equal(missing.structuredContent.success, false);

  const noBucket = await session.call("package_visualization", { action: "enrich", params: { package_name: "team/x" } });
  assert.equal(noBucket.isError, true);
  assert.equal(noBucket.structuredContent.field, "params.bucket");
});
