// The catalog backend against the registry stand-in (tests/quilt_registry_standin), which
// validates every document against the shared schemas and executes it with graphql-js, and
// writes manifests into the rgw fixture. Each union member and each transport failure must map
// to one clear result; the top hash the "registry" computes must equal quiltup's own over the
// same entries, which proves the entries were sent faithfully.
#include "integration/s3/s3_session.hpp"
#include "quilt/catalog_backend.hpp"
#include "quilt/catalog_permissions.hpp"
#include "quilt/entry_hash.hpp"
#include "quilt/top_hash.hpp"

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

using namespace quiltup;
using namespace quiltup::quilt;

namespace {

std::map<std::string, std::string> registry_env() {
  std::ifstream in(std::string(QUILTUP_TEST_SERVERS_DIR) + "/quilt_registry.env");
  if (!in) FAIL("quilt_registry.env is missing: run through ctest (fixture quilt_registry)");
  std::map<std::string, std::string> out;
  for (std::string line; std::getline(in, line);)
    if (auto eq = line.find('='); eq != std::string::npos) out[line.substr(0, eq)] = line.substr(eq + 1);
  return out;
}

// One io_context for everything a test does: S3 setup, the catalog client, the http client.
struct catalog_fixture {
  explicit catalog_fixture(std::string era = "current", std::string token = "test-user-token")
      : http(io.get_executor()) {
    auto env = registry_env();
    endpoint = {era == "current" ? env.at("url") : env.at("url_2025_10_08"), std::move(token)};
    backend = std::make_unique<catalog_backend>(http, endpoint);
  }
  template <class T>
  T run(awaitable<T> op) {
    return test::run_awaitable(io, std::move(op));
  }

  // POST to the stand-in's test hooks.
  void admin(std::string path, std::string body) {
    http::request req;
    req.method = "POST";
    req.url = registry_env().at("url") + path;
    req.headers.add("Content-Type", "application/json");
    req.body = http::body::from_string(std::move(body));
    auto r = run(http.send(std::move(req)));
    REQUIRE(r.has_value());
    REQUIRE(r->status == 200);
  }

  boost::asio::io_context io;
  http::client http;
  catalog_endpoint endpoint;
  std::unique_ptr<catalog_backend> backend;
};

package_name pkg(std::string ns, std::string name) { return package_name{std::move(ns), std::move(name)}; }

entry_source known_entry(const std::string& bucket, const std::string& key, const std::string& body,
                         const std::string& version, json_value meta = json_value()) {
  entry_source e;
  e.logical_key = key.substr(key.rfind('/') + 1);
  e.location = {bucket, key, version.empty() ? std::nullopt : std::optional<std::string>(version)};
  e.size = body.size();
  e.hash = entry_hash{std::string(chunked_hash_type), quilt_hash_of(body)};
  e.meta = std::move(meta);
  return e;
}

// What quilt3 would hash for this request: the header of a push and the entries as sent.
std::string expected_top_hash(const create_request& r) {
  manifest m;
  m.header = make_header(r.message, r.user_meta);
  for (const auto& e : r.entries)
    m.entries.push_back({e.logical_key, format_physical_key(e.location), *e.size, *e.hash,
                         e.meta.is_null() ? json_value(json_object{}) : e.meta});
  return top_hash(m);
}

std::string put(test::s3_session& s3, const std::string& bucket, const std::string& key, const std::string& body) {
  s3::put_object_request req;
  req.bucket = bucket;
  req.key = key;
  req.body = http::body::from_string(body);
  auto r = s3.run(s3.client().put_object(std::move(req)));
  INFO((r ? std::string() : r.error().to_string()));
  REQUIRE(r.has_value());
  return r->version_id;
}

create_request scenario_request(const std::string& name) {
  create_request r;
  r.name = pkg("scenario", name);
  r.bucket = "no-such-bucket-needed";
  r.entries.push_back(known_entry(r.bucket, "data/a.csv", "a,b\n1,2\n", "v1"));
  r.message = "scenario " + name;
  return r;
}

}  // namespace

TEST_CASE("catalog_backend: create, browse, list, delete(dry_run), delete on both schema eras",
          "[quilt][catalog][integration]") {
  const std::string era = GENERATE(as<std::string>{}, "current", "2025-10-08");
  INFO("schema era " << era);
  test::s3_session s3(test::rgw());
  const auto bucket = s3.make_bucket("qcat-roundtrip", true);
  const std::string csv = "id,value\n1,2\n", json = "{\"k\": [1, 2]}";
  const auto v1 = put(s3, bucket, "raw/counts.csv", csv);
  const auto v2 = put(s3, bucket, "raw/config.json", json);

  catalog_fixture cat(era);
  create_request request;
  request.name = pkg("team", "round-trip");
  request.bucket = bucket;
  json_value user_meta = json_object{};
  user_meta.set("author", "Jane");
  user_meta.set("version", json_value::integer(3));
  json_value entry_meta = json_object{};
  entry_meta.set("user_meta", user_meta);
  request.entries.push_back(known_entry(bucket, "raw/counts.csv", csv, v1, entry_meta));
  request.entries.push_back(known_entry(bucket, "raw/config.json", json, v2));
  request.message = "first revision";
  request.user_meta = user_meta;

  auto created = cat.run(cat.backend->create(request));
  INFO((created ? std::string() : created.error().to_string()));
  REQUIRE(created.has_value());
  CHECK(created->top_hash == expected_top_hash(request));
  CHECK(created->name == request.name);
  REQUIRE(created->entries.size() == 2);
  CHECK(created->entries[0].logical_key == "config.json");  // walk order
  CHECK(created->revision.find("hash") != nullptr);

  auto browsed = cat.run(cat.backend->browse({request.name, bucket, "", 0, 1000}));
  INFO((browsed ? std::string() : browsed.error().to_string()));
  REQUIRE(browsed.has_value());
  CHECK(browsed->top_hash == created->top_hash);
  CHECK(browsed->message == std::optional<std::string>("first revision"));
  REQUIRE(browsed->user_meta.has_value());
  CHECK(*browsed->user_meta == user_meta);
  CHECK(browsed->total_entries == 2);
  CHECK(browsed->total_bytes == csv.size() + json.size());
  REQUIRE(browsed->entries.size() == 2);
  CHECK(browsed->entries[1].logical_key == "counts.csv");
  CHECK(browsed->entries[1].physical_key == format_physical_key({bucket, "raw/counts.csv", v1}));
  CHECK(browsed->entries[1].hash == *request.entries[0].hash);
  CHECK(browsed->entries[1].size == csv.size());
  CHECK(browsed->entries[1].meta == entry_meta);
  CHECK_FALSE(browsed->next_offset.has_value());

  SECTION("paging") {
    auto page = cat.run(cat.backend->browse({request.name, bucket, "", 1, 1}));
    REQUIRE(page.has_value());
    REQUIRE(page->entries.size() == 1);
    CHECK(page->entries[0].logical_key == "counts.csv");
    CHECK_FALSE(page->next_offset.has_value());
    auto first = cat.run(cat.backend->browse({request.name, bucket, "", 0, 1}));
    REQUIRE(first.has_value());
    CHECK(first->next_offset == std::optional<std::uint64_t>(1));
  }

  SECTION("a second revision, then delete removes both after a dry run that removes nothing") {
    auto second_request = request;
    second_request.message = std::nullopt;
    second_request.entries.pop_back();
    auto second = cat.run(cat.backend->create(second_request));
    REQUIRE(second.has_value());
    CHECK(second->top_hash == expected_top_hash(second_request));
    CHECK(second->top_hash != created->top_hash);

    auto listed = cat.run(cat.backend->list_revisions({request.name, bucket}));
    REQUIRE(listed.has_value());
    CHECK(listed->latest == second->top_hash);
    REQUIRE(listed->revisions.size() == 2);

    auto preview = cat.run(cat.backend->delete_package({request.name, bucket, true, false, "test"}));
    REQUIRE(preview.has_value());
    CHECK(preview->dry_run);
    CHECK_FALSE(preview->deleted);
    CHECK(preview->revisions.size() == 2);
    CHECK(preview->registry == cat.endpoint.registry_url);
    CHECK(preview->message == "Set confirm=True to delete this package");
    REQUIRE(cat.run(cat.backend->list_revisions({request.name, bucket}))->revisions.size() == 2);

    auto deleted = cat.run(cat.backend->delete_package({request.name, bucket, false, true, "test"}));
    INFO((deleted ? std::string() : deleted.error().to_string()));
    REQUIRE(deleted.has_value());
    CHECK(deleted->deleted);
    CHECK(deleted->message == "Package 'team/round-trip' deleted successfully");
    auto gone = cat.run(cat.backend->browse({request.name, bucket, "", 0, 10}));
    REQUIRE_FALSE(gone.has_value());
    CHECK(gone.error().code == "PackageNotFound");
  }
}

TEST_CASE("catalog_backend: entries sent without hash or size come back as the registry recorded them",
          "[quilt][catalog][integration]") {
  test::s3_session s3(test::rgw());
  const auto bucket = s3.make_bucket("qcat-unhashed", true);
  const std::string body = test::pattern(100'000, 7);
  const auto version = put(s3, bucket, "big/blob.bin", body);

  catalog_fixture cat;
  create_request request;
  request.name = pkg("team", "unhashed");
  request.bucket = bucket;
  entry_source e;
  e.logical_key = "blob.bin";
  e.location = {bucket, "big/blob.bin", std::nullopt};
  request.entries.push_back(e);

  auto created = cat.run(cat.backend->create(request));
  INFO((created ? std::string() : created.error().to_string()));
  REQUIRE(created.has_value());
  REQUIRE(created->entries.size() == 1);
  CHECK(created->entries[0].size == body.size());
  CHECK(created->entries[0].hash == entry_hash{std::string(chunked_hash_type), quilt_hash_of(body)});
  CHECK(created->entries[0].physical_key == format_physical_key({bucket, "big/blob.bin", version}));
}

TEST_CASE("catalog_backend: each failure member maps to one clear result", "[quilt][catalog][integration]") {
  catalog_fixture cat;

  SECTION("InvalidInput names every field at fault") {
    auto r = cat.run(cat.backend->create(scenario_request("invalid-input")));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "InvalidInput");
    CHECK(r.error().message ==
          "Invalid input: src.entries[0].physicalKey: object does not exist; params.name: name is reserved");
    CHECK(r.error().field == "src.entries[0].physicalKey");
  }
  SECTION("OperationError keeps its name as the code and shows the context") {
    auto r = cat.run(cat.backend->create(scenario_request("operation-error")));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "TooManyFilesToHash");
    CHECK(r.error().message == "Operation failed: Too many files to hash: 2 > 0 (context: {\"max_files\":0,\"num_files\":2})");
    CHECK(r.error().hint.find("bucket_objects_put") != std::string::npos);
  }
  SECTION("OperationError Forbidden points to permissions discover") {
    auto r = cat.run(cat.backend->create(scenario_request("forbidden")));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "Forbidden");
    CHECK(r.error().hint.find("permissions tool (action discover)") != std::string::npos);
  }
  SECTION("HTTP 400 is the workflow's 'GraphQL package creation failed: 400 Client Error'") {
    auto r = cat.run(cat.backend->create(scenario_request("http-400")));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "GraphQLHttpError");
    CHECK(r.error().http_status == 400);
    CHECK(r.error().message == "GraphQL package creation failed: 400 Client Error: Bad Request");
    CHECK(r.error().hint.find("s3://bucket/key") != std::string::npos);
    CHECK_FALSE(r.error().retryable);
  }
  SECTION("HTTP 500 is a retryable server error") {
    auto r = cat.run(cat.backend->create(scenario_request("http-500")));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message == "GraphQL package creation failed: 500 Server Error: Internal Server Error");
    CHECK(r.error().retryable);
  }
  SECTION("GraphQL errors in a 200 answer") {
    auto r = cat.run(cat.backend->create(scenario_request("graphql-error")));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "GraphQLError");
    CHECK(r.error().message == "GraphQL package creation failed: Internal error: resolver crashed (at packageConstruct)");
  }
  SECTION("an expired JWT says to log in again, without quoting the token") {
    catalog_fixture expired("current", "expired-token");
    auto r = expired.run(expired.backend->create(scenario_request("any")));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "InvalidJwt");
    CHECK(r.error().http_status == 401);
    CHECK(r.error().message.find("expired-token") == std::string::npos);
  }
  SECTION("an unreachable registry is a retryable transport failure") {
    catalog_fixture nowhere;
    nowhere.backend = std::make_unique<catalog_backend>(nowhere.http, catalog_endpoint{"http://127.0.0.1:9", "t"});
    auto r = nowhere.run(nowhere.backend->create(scenario_request("any")));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "CatalogUnreachable");
    CHECK(r.error().message.starts_with("GraphQL package creation failed: cannot reach http://127.0.0.1:9/graphql"));
    CHECK(r.error().retryable);
  }
  SECTION("browsing a package that does not exist") {
    auto r = cat.run(cat.backend->browse({pkg("team", "never-created"), "some-bucket", "", 0, 10}));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "PackageNotFound");
    CHECK(r.error().message == "package 'team/never-created' does not exist in bucket 'some-bucket'");
  }
}

TEST_CASE("catalog_backend: a failed revision delete says which revision and how far it got",
          "[quilt][catalog][integration]") {
  test::s3_session s3(test::rgw());
  const auto bucket = s3.make_bucket("qcat-delerr", false);
  put(s3, bucket, "x.txt", "x");  // sent without a version: the registry reads it
  catalog_fixture cat;
  create_request request;
  request.name = pkg("scenario", "delete-error");
  request.bucket = bucket;
  request.entries.push_back(known_entry(bucket, "x.txt", "x", ""));
  auto created = cat.run(cat.backend->create(request));
  INFO((created ? std::string() : created.error().to_string()));
  REQUIRE(created.has_value());

  auto r = cat.run(cat.backend->delete_package({request.name, bucket, false, true, ""}));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == "Forbidden");
  CHECK(r.error().message == "Failed to delete package 'scenario/delete-error': revision " + created->top_hash +
                                 ": not allowed to delete (0 of 1 revisions deleted before this)");
}

TEST_CASE("catalog_backend: more than 1,000 entries without an S3 reader is a clear refusal",
          "[quilt][catalog][integration]") {
  test::s3_session s3(test::rgw());
  const auto bucket = s3.make_bucket("qcat-large", false);
  catalog_fixture cat;
  create_request request;
  request.name = pkg("team", "large");
  request.bucket = bucket;
  for (int i = 0; i < 1001; ++i) {
    auto e = known_entry(bucket, "f/" + std::to_string(i) + ".txt", std::to_string(i), "v");
    request.entries.push_back(std::move(e));
  }
  auto created = cat.run(cat.backend->create(request));
  INFO((created ? std::string() : created.error().to_string()));
  REQUIRE(created.has_value());
  CHECK(created->top_hash == expected_top_hash(request));
  CHECK(created->entries.size() == 1001);

  auto r = cat.run(cat.backend->browse({request.name, bucket, "", 0, 10}));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == "PackageTooLargeToBrowse");
}

TEST_CASE("discover_catalog_permissions: me + buckets, with the bucketConfigs fallback on older stacks",
          "[quilt][catalog][integration]") {
  const std::string era = GENERATE(as<std::string>{}, "current", "2025-10-08");
  INFO("schema era " << era);
  catalog_fixture cat(era);
  const auto rw = test::unique_bucket_name("qcat-rw"), ro = test::unique_bucket_name("qcat-ro");
  cat.admin("/_admin/buckets",
            R"({"buckets":[{"name":")" + rw + R"(","title":"RW","description":"d","browsable":true,"collaborators":[)"
            R"({"collaborator":{"email":"ALICE@example.com","username":"alice"},"permissionLevel":"READ_WRITE"},)"
            R"({"collaborator":{"email":"bob@example.com","username":"bob"},"permissionLevel":"READ"}]},)"
            R"({"name":")" + ro + R"(","title":"RO","description":null,"browsable":false,"collaborators":[)"
            R"({"collaborator":{"email":"alice@example.com","username":"alice"},"permissionLevel":"READ"}]}]})");

  auto r = cat.run(discover_catalog_permissions(cat.backend->client(), {rw, ro, "not-in-catalog"}));
  INFO((r ? std::string() : r.error().to_string()));
  REQUIRE(r.has_value());
  CHECK(r->answered_by == (era == "current" ? "buckets" : "bucketConfigs"));
  CHECK(r->user.email == "alice@example.com");
  CHECK(r->user.role == "ReadWriteQuiltBucket");
  CHECK_FALSE(r->user.is_admin);
  REQUIRE(r->buckets.size() == 3);
  CHECK(r->buckets[0].name == rw);
  CHECK(r->buckets[0].accessible);
  CHECK(r->buckets[0].read_access);
  CHECK(r->buckets[0].write_access);
  CHECK(r->buckets[0].browsable);
  CHECK(r->buckets[0].permission_level == "read_write");
  CHECK(r->buckets[1].read_access);
  CHECK_FALSE(r->buckets[1].write_access);
  CHECK(r->buckets[1].permission_level == "read_only");
  CHECK_FALSE(r->buckets[2].accessible);
  CHECK_FALSE(r->buckets[2].read_access);
  CHECK(r->buckets[2].permission_level == "no_access");

  SECTION("an anonymous token has no user") {
    catalog_fixture anonymous(era, "anonymous-token");
    auto none = anonymous.run(discover_catalog_permissions(anonymous.backend->client(), {rw}));
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code == "NoUserData");
    CHECK(none.error().message == "No user data returned from catalog");
  }
}
