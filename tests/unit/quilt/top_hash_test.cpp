#include "quilt/top_hash.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace quiltup::quilt;

namespace {

manifest two_files() {
  manifest m;
  m.header = make_header(std::nullopt, std::nullopt);
  m.entries.push_back({"a-c", "s3://b/a-c", 1, {"sha2-256-chunked", "x"}, {}});
  m.entries.push_back({"a/b", "s3://b/a/b", 2, {"sha2-256-chunked", "y"}, {}});
  return m;
}

}  // namespace

TEST_CASE("top_hash: the empty package with no message (quilt3 anchor)", "[quilt][top_hash]") {
  manifest m;
  m.header = make_header(std::nullopt, std::nullopt);
  CHECK(top_hash_parts(m) == std::vector<std::string>{R"({"message":null,"version":"v0"})"});
  CHECK(top_hash(m) == "2a5a67156ca9238c14d12042db51c5b52260fdd5511b61ea89b58929d6e1769b");
}

TEST_CASE("top_hash: entries are hashed in walk order whatever order they were added in", "[quilt][top_hash]") {
  auto m = two_files();
  auto parts = top_hash_parts(m);
  REQUIRE(parts.size() == 3);
  CHECK(parts[1] == R"({"hash":{"type":"sha2-256-chunked","value":"y"},"logical_key":"a/b","meta":{},"size":2})");
  CHECK(parts[2] == R"({"hash":{"type":"sha2-256-chunked","value":"x"},"logical_key":"a-c","meta":{},"size":1})");
  auto reversed = m;
  std::swap(reversed.entries[0], reversed.entries[1]);
  CHECK(top_hash(reversed) == top_hash(m));
}

TEST_CASE("top_hash: physical keys and directory meta do not count, meta null, missing and {} are equal",
          "[quilt][top_hash]") {
  auto m = two_files();
  auto base = top_hash(m);
  auto moved = m;
  moved.entries[0].physical_key = "s3://elsewhere/x?versionId=1";
  moved.directories.push_back({"a/", parse_json(R"({"x": 1})").value()});
  CHECK(top_hash(moved) == base);
  auto empty_meta = m;
  empty_meta.entries[0].meta = json_value::empty_object();
  CHECK(top_hash(empty_meta) == base);
  auto with_meta = m;
  with_meta.entries[0].meta = parse_json(R"({"user_meta": {}})").value();
  CHECK(top_hash(with_meta) != base);
}

TEST_CASE("top_hash: header differences that must change the hash", "[quilt][top_hash]") {
  std::vector<json_value> headers{
      make_header(std::nullopt, std::nullopt), make_header(std::string(""), std::nullopt),
      make_header(std::nullopt, json_value(nullptr)), make_header(std::nullopt, json_value::empty_object()),
      parse_json(R"({"version": "v0", "message": null, "user_meta": {"n": 1}})").value(),
      parse_json(R"({"version": "v0", "message": null, "user_meta": {"n": 1.0}})").value()};
  std::set<std::string> hashes;
  for (const auto& h : headers) {
    manifest m;
    m.header = h;
    hashes.insert(top_hash(m));
  }
  CHECK(hashes.size() == headers.size());
}

TEST_CASE("top_hash: a legacy top_hash key in the header is ignored", "[quilt][top_hash]") {
  manifest m;
  m.header = make_header(std::nullopt, std::nullopt);
  auto base = top_hash(m);
  m.header.set("top_hash", parse_json(R"({"alg": "v0", "value": "abc"})").value());
  CHECK(top_hash(m) == base);
}
