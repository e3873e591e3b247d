#include "quilt/manifest.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace quiltup::quilt;

TEST_CASE("manifest: walk order compares '/'-separated components", "[quilt][manifest]") {
  CHECK(walk_order_less("a/b", "a-c"));  // directory "a" < file "a-c", although '-' < '/'
  CHECK_FALSE(walk_order_less("a-c", "a/b"));
  CHECK(walk_order_less("a", "a/b"));    // shorter tuple first
  CHECK(walk_order_less("a/b/c", "a/c"));
  CHECK(walk_order_less("B", "a"));      // code point order: uppercase first
  CHECK(walk_order_less("z", "\xC3\xA9"));
  CHECK_FALSE(walk_order_less("x/y", "x/y"));

  std::vector<std::string> keys{"a-c", "a/b", "a.txt", "a/a/z", "b", "a0"};
  std::sort(keys.begin(), keys.end(), [](const auto& l, const auto& r) { return walk_order_less(l, r); });
  CHECK(keys == std::vector<std::string>{"a/a/z", "a/b", "a-c", "a.txt", "a0", "b"});
}

TEST_CASE("manifest: reads any key order and spacing, missing or null meta, directory meta and legacy top_hash",
          "[quilt][manifest]") {
  auto m = parse_manifest(
      "{ \"top_hash\": {\"alg\": \"v0\", \"value\": \"00\"}, \"version\": \"v0\", \"message\": null }\r\n"
      "\n"
      "{\"logical_key\": \"d/\", \"meta\": {\"x\": 1}}\n"
      "{\"size\": 3, \"hash\": {\"value\": \"h1\", \"type\": \"SHA256\"}, \"logical_key\": \"d/a.txt\", "
      "\"physical_keys\": [\"s3://b/d/a.txt?versionId=v1\"]}\n"
      "{\"logical_key\":\"b.txt\",\"physical_keys\":[\"s3://b/b.txt\"],\"size\":0,"
      "\"hash\":{\"type\":\"sha2-256-chunked\",\"value\":\"h2\"},\"meta\":null}");
  REQUIRE(m.has_value());
  CHECK(m->header.find("top_hash") == nullptr);
  CHECK(m->header.find("message")->is_null());
  REQUIRE(m->directories.size() == 1);
  CHECK(m->directories[0].logical_key == "d/");
  REQUIRE(m->entries.size() == 2);
  CHECK(m->entries[0].logical_key == "d/a.txt");
  CHECK(m->entries[0].physical_key == "s3://b/d/a.txt?versionId=v1");
  CHECK(m->entries[0].size == 3);
  CHECK(m->entries[0].hash == entry_hash{"SHA256", "h1"});
  CHECK(m->entries[0].meta.is_null());
  CHECK(m->entries[1].meta.is_null());
}

TEST_CASE("manifest: errors name the line, the field and the fix", "[quilt][manifest]") {
  struct bad_case {
    std::string text;
    std::string field;
    std::string says;
  };
  const std::string header = "{\"version\": \"v0\"}\n";
  std::vector<bad_case> cases{
      {"", "", "manifest is empty"},
      {"[1]\n", "", "line 1: the header must be a JSON object"},
      {header + "{\"physical_keys\": [\"s3://b/k\"]}", "logical_key", "line 2: 'logical_key'"},
      {header + "{\"logical_key\": \"k\", \"physical_keys\": [\"s3://b/k\", \"s3://b/j\"], \"size\": 1}",
       "physical_keys", "exactly one"},
      {header + "{\"logical_key\": \"k\", \"physical_keys\": [\"s3://b/k\"], \"size\": 1.5}", "size",
       "'size' is missing or not a non-negative integer"},
      {header + "{\"logical_key\": \"k\", \"physical_keys\": [\"s3://b/k\"], \"size\": -1}", "size", "'size'"},
      {header + "{\"logical_key\": \"k\", \"physical_keys\": [\"s3://b/k\"], \"size\": 1, \"hash\": null}", "hash",
       "'hash' must be an object"},
      {header + "\n{\"logical_key\": ", "", "line 3: invalid JSON"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto m = parse_manifest(c.text);
    REQUIRE(m.has_error());
    CHECK(m.error().code == "InvalidManifest");
    CHECK(m.error().field == c.field);
    CHECK(m.error().message.find(c.says) != std::string::npos);
  }
}

TEST_CASE("manifest: writes quilt3's format: header, directory meta, files in walk order", "[quilt][manifest]") {
  manifest m;
  m.header = make_header(std::nullopt, parse_json(R"({"k": "\u00e9", "n": 1.0})").value());
  m.entries.push_back({"a-c", "s3://b/a-c", 5, {"sha2-256-chunked", "x"}, {}});
  m.entries.push_back({"a/b", "s3://b/a/b?versionId=v", 0, {"sha2-256-chunked", "y"},
                       parse_json(R"({"user_meta": {"z": true}})").value()});
  m.directories.push_back({"a/", parse_json(R"({"d": 1})").value()});
  CHECK(write_manifest(m) ==
        "{\"version\": \"v0\", \"message\": null, \"user_meta\": {\"k\": \"\xC3\xA9\", \"n\": 1.0}}\n"
        "{\"logical_key\": \"a/\", \"meta\": {\"d\": 1}}\n"
        "{\"logical_key\": \"a/b\", \"physical_keys\": [\"s3://b/a/b?versionId=v\"], \"size\": 0, "
        "\"hash\": {\"type\": \"sha2-256-chunked\", \"value\": \"y\"}, \"meta\": {\"user_meta\": {\"z\": true}}}\n"
        "{\"logical_key\": \"a-c\", \"physical_keys\": [\"s3://b/a-c\"], \"size\": 5, "
        "\"hash\": {\"type\": \"sha2-256-chunked\", \"value\": \"x\"}, \"meta\": {}}\n");
}

TEST_CASE("manifest: round trip keeps every field", "[quilt][manifest]") {
  manifest m;
  m.header = make_header(std::string("first \"revision\""), json_value::empty_object());
  m.entries.push_back({"data/\xD0\xBA.csv", "s3://b/data/%D0%BA.csv", 18874368, {"sha2-256-chunked", "T+rt"},
                       parse_json(R"({"user_meta": {"big": 12345678901234567890, "f": 2.5e-07}})").value()});
  m.directories.push_back({"data/", parse_json(R"({"x": [1, 2]})").value()});
  auto back = parse_manifest(write_manifest(m));
  REQUIRE(back.has_value());
  CHECK(back->header == m.header);
  CHECK(back->entries == m.entries);
  CHECK(back->directories == m.directories);
}

TEST_CASE("manifest: make_header keeps absent, null and {} user_meta apart", "[quilt][manifest]") {
  CHECK(make_header(std::nullopt, std::nullopt).find("user_meta") == nullptr);
  CHECK(make_header(std::nullopt, json_value(nullptr)).find("user_meta")->is_null());
  CHECK(make_header(std::nullopt, json_value::empty_object()).find("user_meta")->as_object()->empty());
  CHECK(make_header(std::nullopt, std::nullopt).find("message")->is_null());
  CHECK(*make_header(std::string("m"), std::nullopt).find("message")->as_string() == "m");
}

TEST_CASE("manifest: logical key validation", "[quilt][manifest]") {
  CHECK(validate_logical_key("a/b.csv").has_value());
  CHECK(validate_logical_key("README.md").has_value());
  for (auto bad : {"", "/a", "a/", "a//b", "./a", "a/../b", "..", "."}) {
    INFO(bad);
    auto r = validate_logical_key(bad);
    REQUIRE(r.has_error());
    CHECK(r.error().field == "logical_key");
    CHECK(r.error().hint.find("data/counts.csv") != std::string::npos);
  }
}
