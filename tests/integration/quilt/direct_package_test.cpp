// The direct backend against RGW with a versioned bucket: upload, create, browse, enrich,
// delete (dry run, refused, confirmed). Every claim is checked on what the bucket holds: the
// pointers and manifest are read back with the s3 client and the top hash recomputed here.
#include "quilt/direct_backend.hpp"
#include "quilt/entry_hash.hpp"
#include "quilt/layout.hpp"
#include "quilt/manifest.hpp"
#include "quilt/package_service.hpp"
#include "quilt/physical_key.hpp"
#include "quilt/top_hash.hpp"
#include "quilt/visualization.hpp"

#include "integration/quilt/quilt_session.hpp"
#include "support/json_schema_check.hpp"
#include "support/testdata.hpp"

#include <algorithm>
#include <map>

using namespace quiltup;
using namespace quiltup::quilt;
using quiltup::test::describe;

namespace {

std::string pattern(std::size_t n, unsigned seed) {
  std::string s(n, '\0');
  std::uint32_t x = seed * 2654435761u + 1;
  for (auto& c : s) {
    x = x * 1664525u + 1013904223u;
    c = static_cast<char>(x >> 24);
  }
  return s;
}

// What the bucket says the package is: the latest pointer, and the manifest it names, whose
// top hash is recomputed here and must equal the pointer.
struct stored_revision {
  std::string top_hash;
  manifest m;
};

stored_revision read_latest(test::quilt_session& s, const std::string& bucket, const package_name& name) {
  auto pointer = s.get_body(bucket, latest_pointer_key(name));
  CHECK(pointer.size() == 64);  // no newline: pkgevents requires exactly 64 bytes
  REQUIRE(is_top_hash(pointer));
  auto text = s.get_body(bucket, manifest_key(pointer));
  auto m = parse_manifest(text);
  INFO(text);
  REQUIRE(m.has_value());
  CHECK(top_hash(*m) == pointer);
  return {pointer, std::move(*m)};
}

std::map<std::string, manifest_entry> by_key(const manifest& m) {
  std::map<std::string, manifest_entry> out;
  for (const auto& e : m.entries) out[e.logical_key] = e;
  return out;
}

}  // namespace

TEST_CASE("direct package: create, browse, enrich, delete on a versioned bucket", "[quilt][direct][integration]") {
  test::quilt_session s(test::rgw());
  auto bucket = s.make_bucket("qd-pkg", true);
  auto opts = test::quilt_session::sha256_uploads();
  upload::uploader up(s.s3(), opts);
  known_objects known;

  // Two objects through the engine (hash known while streaming), two written behind its back:
  // one 9 MiB + 1 (two Quilt chunks, hashed by ranged GETs) and one small.
  std::map<std::string, std::string> data{
      {"raw/counts.csv", "gene,count\nA,1\nB,2\n"},
      {"raw/report.html", "<html><body>MultiQC</body></html>"},
      {"raw/big.bin", pattern((9u << 20) + 1, 7)},
      {"raw/meta/config.json", "{\"k\": 1.0}"},
  };
  std::map<std::string, std::string> versions;
  for (const auto* key : {"raw/counts.csv", "raw/report.html"}) {
    upload::upload_item item;
    item.bucket = bucket;
    item.key = key;
    item.text = data[key];
    auto r = s.run(up.put(item));
    INFO((r.ok() ? std::string() : describe(*r.error)));
    REQUIRE(r.ok());
    REQUIRE_FALSE(r.version_id.empty());
    CHECK(known.remember(r, opts.quilt_aligned));  // a SHA256 single PUT maps to the Quilt hash
    versions[key] = r.version_id;
  }
  for (const auto* key : {"raw/big.bin", "raw/meta/config.json"}) versions[key] = s.put(bucket, key, data[key]);

  direct_backend_options dopts;
  dopts.resolve.range_size = 3u << 20;  // several ranges per chunk: the hash must not care
  direct_backend backend(s.s3(), &known, dopts);
  package_service service(backend, up, &known);
  const package_name name{"team", "roundtrip"};

  create_params params;
  params.name = "team/roundtrip";
  params.bucket = bucket;
  params.auto_organize = false;
  params.prefix_map = {{"raw/", "data/"}};
  for (const auto& [key, body] : data) params.files.push_back("s3://" + bucket + "/" + key);
  params.description = "first cut";
  params.metadata = parse_json(R"({"author": "Jane", "nested": {"x": [1, 2.5]}})").value();

  // A dry run writes nothing.
  auto dry_params = params;
  dry_params.dry_run = true;
  auto dry = s.run(service.create(dry_params));
  REQUIRE(dry.has_value());
  CHECK(dry->dry_run);
  CHECK_FALSE(dry->created.has_value());
  CHECK(s.list_keys(bucket, ".quilt/").empty());

  auto created = s.run(service.create(params));
  INFO((created ? std::string() : describe(created.error())));
  REQUIRE(created.has_value());
  REQUIRE(created->created.has_value());
  CHECK(created->backend == "direct");
  CHECK(backend.last_resolve_stats().from_known == 2);
  CHECK(backend.last_resolve_stats().hashed == 2);

  auto first = read_latest(s, bucket, name);
  CHECK(first.top_hash == created->created->top_hash);
  // The timestamp pointer holds the same hash.
  CHECK(s.get_body(bucket, created->created->pointer_key) == first.top_hash);
  CHECK(*first.m.header.find("message") == json_value("first cut"));
  CHECK(*first.m.header.find("user_meta") ==
        parse_json(R"({"author": "Jane", "nested": {"x": [1, 2.5]}, "description": "first cut"})").value());
  auto entries = by_key(first.m);
  REQUIRE(entries.size() == 4);
  for (const auto& [key, body] : data) {
    auto lk = "data/" + key.substr(4);
    INFO(lk);
    REQUIRE(entries.count(lk));
    const auto& e = entries[lk];
    CHECK(e.size == body.size());
    CHECK(e.hash.type == "sha2-256-chunked");
    CHECK(e.hash.value == quilt_hash_of(body));
    auto loc = parse_physical_key(e.physical_key);
    REQUIRE(loc.has_value());
    CHECK(loc->bucket == bucket);
    CHECK(loc->key == key);
    CHECK(loc->version_id == versions[key]);  // pinned to what S3 said at upload
  }

  // browse pages in walk order.
  auto page1 = s.run(service.browse({"team/roundtrip", bucket, "", 0, 3}));
  REQUIRE(page1.has_value());
  CHECK(page1->top_hash == first.top_hash);
  CHECK(page1->total_entries == 4);
  REQUIRE(page1->entries.size() == 3);
  CHECK(page1->entries[0].logical_key == "data/big.bin");
  CHECK(page1->entries[1].logical_key == "data/counts.csv");
  CHECK(page1->entries[2].logical_key == "data/meta/config.json");
  REQUIRE(page1->next_offset == 3u);
  auto page2 = s.run(service.browse({"team/roundtrip", bucket, "", 3, 3}));
  REQUIRE(page2.has_value());
  REQUIRE(page2->entries.size() == 1);
  CHECK(page2->entries[0].logical_key == "data/report.html");
  CHECK_FALSE(page2->next_offset.has_value());

  // enrich: summary + README as new entries, the rest kept as is.
  auto enriched = s.run(enrich(backend, up, s.s3(), {"team/roundtrip", bucket, {}}, &known));
  INFO((enriched ? std::string() : describe(enriched.error())));
  REQUIRE(enriched.has_value());
  CHECK(enriched->readme_created);
  CHECK(enriched->dashboards_added == 1);
  CHECK(enriched->previous_top_hash == first.top_hash);
  auto second = read_latest(s, bucket, name);
  CHECK(second.top_hash == enriched->revision.top_hash);
  CHECK(second.top_hash != first.top_hash);
  CHECK(*second.m.header.find("message") == json_value("Added visualization metadata for team/roundtrip"));
  CHECK(*second.m.header.find("user_meta") == *first.m.header.find("user_meta"));
  auto after = by_key(second.m);
  REQUIRE(after.size() == 6);
  for (const auto& [lk, e] : entries) CHECK(after[lk] == e);  // kept verbatim, physical keys too
  REQUIRE(after.count("quilt_summarize.json"));
  REQUIRE(after.count("README.md"));
  for (const auto* lk : {"quilt_summarize.json", "README.md"}) {
    auto loc = parse_physical_key(after[lk].physical_key);
    REQUIRE(loc.has_value());
    REQUIRE(loc->version_id.has_value());
    auto body = s.get_body(bucket, loc->key, *loc->version_id);
    CHECK(after[lk].hash.value == quilt_hash_of(body));
    CHECK(after[lk].size == body.size());
    if (std::string(lk) == "quilt_summarize.json") {
      test::json_schema_check schema(boost::json::parse(
          test::read_file(test::testdata_dir() / "quilt/schemas/quilt_summarize.json")));
      auto rows = boost::json::parse(body);
      CHECK(schema.errors(rows).empty());
      CHECK(body.find("data/report.html") != std::string::npos);
      CHECK(body.find("data/counts.csv") != std::string::npos);
    } else {
      CHECK(body.starts_with("# team/roundtrip"));
    }
  }

  auto revisions = s.run(service.list_revisions({"team/roundtrip", bucket}));
  REQUIRE(revisions.has_value());
  CHECK(revisions->latest == second.top_hash);
  REQUIRE(revisions->revisions.size() == 2);
  CHECK(revisions->revisions[0].top_hash == second.top_hash);
  CHECK(revisions->revisions[1].top_hash == first.top_hash);

  // delete: a dry run changes nothing, no confirm is refused, confirm removes the pointers only.
  auto pointers_before = s.list_keys(bucket, pointer_prefix(name));
  REQUIRE(pointers_before.size() == 3);
  delete_params del{"team/roundtrip", bucket, false, true, "test"};
  auto preview = s.run(service.delete_package(del));
  REQUIRE(preview.has_value());
  CHECK(preview->dry_run);
  CHECK_FALSE(preview->deleted);
  CHECK(preview->deleted_keys.size() == 3);
  CHECK(preview->message == "Set confirm=True to delete this package");
  CHECK(s.list_keys(bucket, pointer_prefix(name)) == pointers_before);

  del.dry_run = false;
  auto refused = s.run(service.delete_package(del));
  REQUIRE(refused.has_error());
  CHECK(refused.error().message == "Package deletion requires confirm=True");
  CHECK(s.list_keys(bucket, pointer_prefix(name)) == pointers_before);

  del.confirm = true;
  auto deleted = s.run(service.delete_package(del));
  INFO((deleted ? std::string() : describe(deleted.error())));
  REQUIRE(deleted.has_value());
  CHECK(deleted->deleted);
  CHECK(s.list_keys(bucket, pointer_prefix(name)).empty());
  CHECK(s.get(bucket, latest_pointer_key(name)).error().code == "NoSuchKey");
  // Manifests stay (quilt3's delete_package does the same).
  CHECK(s.get(bucket, manifest_key(first.top_hash)).has_value());
  CHECK(s.get(bucket, manifest_key(second.top_hash)).has_value());
  auto browse_gone = s.run(service.browse({"team/roundtrip", bucket, "", 0, 10}));
  REQUIRE(browse_gone.has_error());
  CHECK(browse_gone.error().code == "NoSuchPackage");
}

TEST_CASE("direct package: an inline README is uploaded, pinned and hashed without a second read",
          "[quilt][direct][integration]") {
  test::quilt_session s(test::rgw());
  auto bucket = s.make_bucket("qd-readme", true);
  upload::uploader up(s.s3(), test::quilt_session::sha256_uploads());
  known_objects known;
  direct_backend backend(s.s3(), &known);
  package_service service(backend, up, &known);

  auto v = s.put(bucket, "x/data.csv", "a,b\n1,2\n");
  create_params params;
  params.name = "team/with-readme";
  params.bucket = bucket;
  params.files = {"s3://" + bucket + "/x/data.csv?versionId=" + v};
  params.readme = "# With README\n\nUploaded by packaging create.\n";
  auto created = s.run(service.create(params));
  INFO((created ? std::string() : describe(created.error())));
  REQUIRE(created.has_value());
  REQUIRE(created->readme.has_value());
  CHECK(backend.last_resolve_stats().hashed == 1);  // data.csv only: the README's hash was known

  auto latest = read_latest(s, bucket, {"team", "with-readme"});
  CHECK(*latest.m.header.find("message") == json_value(nullptr));  // no description: null, not ""
  CHECK(latest.m.header.find("user_meta") == nullptr);
  auto entries = by_key(latest.m);
  REQUIRE(entries.count("README.md"));
  REQUIRE(entries.count("data.csv"));
  auto loc = parse_physical_key(entries["README.md"].physical_key);
  REQUIRE(loc.has_value());
  CHECK(loc->key == ".quilt/packages/team/with-readme/README.md");
  REQUIRE(loc->version_id.has_value());
  CHECK(*loc->version_id == created->readme->version_id);
  CHECK(s.get_body(bucket, loc->key, *loc->version_id) == *params.readme);
  CHECK(entries["README.md"].hash.value == quilt_hash_of(*params.readme));
  CHECK(parse_physical_key(entries["data.csv"].physical_key)->version_id == v);

  // enrich keeps the user's README and does not write another.
  auto enriched = s.run(enrich(backend, up, s.s3(), {"team/with-readme", bucket, {}}, &known));
  REQUIRE(enriched.has_value());
  CHECK_FALSE(enriched->readme_created);
  CHECK(by_key(read_latest(s, bucket, {"team", "with-readme"}).m)["README.md"] == entries["README.md"]);

  // A missing file fails the create, naming the file; nothing new is pointed at.
  create_params missing;
  missing.name = "team/with-readme";
  missing.files = {"s3://" + bucket + "/x/nope.csv"};
  auto failed = s.run(service.create(missing));
  REQUIRE(failed.has_error());
  CHECK(failed.error().code == "NoSuchKey");
  CHECK(failed.error().message.find("x/nope.csv") != std::string::npos);
}
