// Every top hash in shared/testdata/quilt/vectors/top_hash_vectors.json, checked stage by stage:
// each hashed part byte for byte, then the hash. The vector file is read with our own parser, so
// its numbers (1e+16, -0.0, 12345678901234567890) reach the encoder as their source text.
#include "quilt/canonical_json.hpp"
#include "quilt/json_value.hpp"
#include "quilt/layout.hpp"
#include "quilt/manifest.hpp"
#include "quilt/top_hash.hpp"
#include "support/testdata.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

using namespace quiltup::quilt;
using quiltup::test::read_file;
using quiltup::test::testdata_dir;

namespace {

std::filesystem::path quilt_dir() { return testdata_dir() / "quilt"; }

const json_value& vectors() {
  static const json_value v = parse_json(read_file(quilt_dir() / "vectors/top_hash_vectors.json")).value();
  return v;
}

const json_array& list(const json_value& v, std::string_view key) {
  const auto* found = v.find(key);
  REQUIRE(found);
  REQUIRE(found->as_array());
  return *found->as_array();
}

std::string str(const json_value& v, std::string_view key) {
  const auto* found = v.find(key);
  REQUIRE(found);
  REQUIRE(found->as_string());
  return *found->as_string();
}

std::vector<std::string> strings(const json_value& v, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& s : list(v, key)) out.push_back(*s.as_string());
  return out;
}

// The stage comparison: on a mismatch Catch prints the first differing part.
void check_parts(const std::vector<std::string>& got, const std::vector<std::string>& expected) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("hashed part " << i);
    CHECK(got[i] == expected[i]);
  }
}

}  // namespace

TEST_CASE("top hash: every manifest file in testdata reproduces its top hash", "[quilt][top_hash][vectors]") {
  const auto& files = list(vectors(), "manifest_files");
  REQUIRE(files.size() == 30);
  std::size_t reproduced = 0;
  for (const auto& v : files) {
    auto file = str(v, "file");
    auto expected = str(v, "expected_top_hash");
    INFO(file);
    auto m = parse_manifest(read_file(quilt_dir() / file));
    REQUIRE(m.has_value());
    check_parts(top_hash_parts(*m), strings(v, "hashed_parts"));
    CHECK(top_hash(*m) == expected);
    reproduced += top_hash(*m) == expected;
  }
  CHECK(reproduced == 30);
}

TEST_CASE("top hash: file names that are top hashes agree with the vectors, and every file is covered",
          "[quilt][top_hash][vectors]") {
  std::set<std::string> listed;
  for (const auto& v : list(vectors(), "manifest_files")) listed.insert(str(v, "file"));

  std::size_t named = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(quilt_dir() / "manifests")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".jsonl") continue;
    auto relative = std::filesystem::relative(entry.path(), quilt_dir()).generic_string();
    INFO(relative);
    CHECK(listed.count(relative) == 1);

    // <hash>.jsonl and <hash>-<variant>.jsonl: the name itself is the expected top hash.
    auto stem = entry.path().stem().string().substr(0, 64);
    if (!is_top_hash(stem)) continue;
    auto m = parse_manifest(read_file(entry.path()));
    REQUIRE(m.has_value());
    CHECK(top_hash(*m) == stem);
    ++named;
  }
  CHECK(named == 28);  // 23 packages + 5 equivalent-package variants; the other two are named otherwise
}

TEST_CASE("top hash: header-only packages (message/user_meta/workflow variants)", "[quilt][top_hash][vectors]") {
  const auto& headers = list(vectors(), "headers");
  REQUIRE(headers.size() == 23);
  for (const auto& v : headers) {
    auto expected = str(v, "expected_top_hash");
    INFO(str(v, "hashed_string"));
    manifest m;
    m.header = *v.find("header");
    CHECK(canonical_json(m.header) == str(v, "hashed_string"));
    CHECK(top_hash(m) == expected);
  }
}

TEST_CASE("top hash: derived edge cases (walk order, escapes, numbers, directory meta)", "[quilt][top_hash][vectors]") {
  const auto& cases = list(vectors(), "derived_edge_cases");
  REQUIRE(cases.size() == 5);
  for (const auto& v : cases) {
    INFO(str(v, "name"));
    manifest m;
    m.header = *v.find("header");
    std::size_t line = 2;
    for (const auto& row : list(v, "rows")) REQUIRE(add_manifest_record(m, row, line++).has_value());
    check_parts(top_hash_parts(m), strings(v, "hashed_parts"));
    CHECK(top_hash(m) == str(v, "top_hash"));
  }
}

TEST_CASE("top hash: quilt3 fixture is hashed ensure_ascii, without its legacy top_hash", "[quilt][top_hash][vectors]") {
  auto m = parse_manifest(read_file(quilt_dir() / "manifests/quilt3/top_hash_test_manifest.jsonl"));
  REQUIRE(m.has_value());
  CHECK(m->header.find("top_hash") == nullptr);
  CHECK(top_hash(*m) == "3426a3f721e41a1d83174c691432a39ff13720426267fc799dccf3583153e850");
}

TEST_CASE("top hash: writing every vector manifest and reading it back keeps its top hash",
          "[quilt][manifest][vectors]") {
  for (const auto& v : list(vectors(), "manifest_files")) {
    auto file = str(v, "file");
    INFO(file);
    auto m = parse_manifest(read_file(quilt_dir() / file));
    REQUIRE(m.has_value());
    auto written = write_manifest(*m);
    auto again = parse_manifest(written);
    REQUIRE(again.has_value());
    CHECK(top_hash(*again) == str(v, "expected_top_hash"));
    CHECK(again->entries.size() == m->entries.size());
    CHECK(write_manifest(*again) == written);  // the writer is a fixed point
  }
}
