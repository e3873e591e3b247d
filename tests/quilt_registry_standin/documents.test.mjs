// Every GraphQL document quiltup sends (engine/quilt/graphql_documents.hpp) validates with
// graphql-js against both shared schemas; the bucket listings each against the one stack era
// that has them (quilt.md §5: `buckets` on current stacks, `bucketConfigs{collaborators}` before).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate } from "graphql";

const here = path.dirname(fileURLToPath(import.meta.url));
const testdata = process.env.QUILTUP_TESTDATA_DIR ?? path.resolve(here, "../../../shared/testdata");
const schemas = {
  current: buildSchema(fs.readFileSync(path.join(testdata, "quilt/graphql/schema.graphql"), "utf8")),
  "2025-10-08": buildSchema(fs.readFileSync(path.join(testdata, "quilt/graphql/schema-2025-10-08.graphql"), "utf8")),
};
const header = fs.readFileSync(path.resolve(here, "../../engine/quilt/graphql_documents.hpp"), "utf8");
const documents = Object.fromEntries([...header.matchAll(/constexpr std::string_view (\w+) = R"graphql\(([\s\S]*?)\)graphql";/g)]
  .map((m) => [m[1], m[2]]));

const expected = {
  package_construct: ["current", "2025-10-08"], package_revision_delete: ["current", "2025-10-08"],
  package_revisions: ["current", "2025-10-08"], package_browse: ["current", "2025-10-08"], me: ["current", "2025-10-08"],
  buckets_query: ["current"], bucket_configs_query: ["2025-10-08"],
};

test("graphql_documents.hpp holds exactly the documents this test knows", () => {
  assert.deepEqual(Object.keys(documents).sort(), Object.keys(expected).sort());
});

for (const [name, valid] of Object.entries(expected)) {
  for (const era of Object.keys(schemas)) {
    const should = valid.includes(era);
    test(`${name} ${should ? "validates" : "is rejected"} against the ${era} schema`, () => {
      const errors = validate(schemas[era], parse(documents[name])).map((e) => e.message);
      if (should) assert.deepEqual(errors, []);
      else assert.ok(errors.length > 0, "an older/newer stack must reject it, so the fallback is needed");
    });
  }
}
