// sha2-256-chunked vectors from shared/testdata/quilt/vectors/checksum_vectors.json: whole-buffer,
// streamed in uneven slices, and combined from per-chunk digests, plus the S3 -> Quilt mapping and
// the chunk-size rule.
#include "crypto/encoding.hpp"
#include "crypto/sha256.hpp"
#include "quilt/entry_hash.hpp"
#include "quilt/json_value.hpp"
#include "support/testdata.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

using namespace quiltup::quilt;
namespace crypto = quiltup::crypto;
using quiltup::test::read_file;
using quiltup::test::testdata_dir;

namespace {

const json_value& vectors() {
  static const json_value v =
      parse_json(read_file(testdata_dir() / "quilt/vectors/checksum_vectors.json")).value();
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

std::uint64_t integer(const json_value& v, std::string_view key) {
  const auto* found = v.find(key);
  REQUIRE(found);
  REQUIRE(found->as_number());
  REQUIRE_FALSE(found->as_number()->is_float);
  return std::stoull(found->as_number()->text);
}

// `data_utf8`, or `repeat {unit_utf8, count}`; nullopt for vectors whose file is not included.
std::optional<std::string> data_of(const json_value& v) {
  if (const auto* d = v.find("data_utf8")) return *d->as_string();
  if (const auto* r = v.find("repeat")) {
    auto unit = str(*r, "unit_utf8");
    auto count = integer(*r, "count");
    std::string out;
    out.reserve(unit.size() * count);
    for (std::uint64_t i = 0; i < count; ++i) out += unit;
    return out;
  }
  return std::nullopt;
}

std::string streamed(std::string_view data, std::size_t slice) {
  chunked_sha256 hasher(data.size());
  for (std::size_t at = 0; at < data.size(); at += slice) hasher.update(data.substr(at, slice));
  return hasher.finish().value();
}

std::string from_chunk_digests(std::string_view data) {
  std::vector<crypto::sha256_digest> digests;
  auto chunk = quilt_chunk_size(data.size());
  for (std::size_t at = 0; at < data.size(); at += chunk) digests.push_back(crypto::sha256_of(data.substr(at, chunk)));
  CHECK(digests.size() == quilt_chunk_count(data.size()));
  return quilt_hash_from_part_digests(digests);
}

}  // namespace

TEST_CASE("sha2-256-chunked: every vector with data, three ways", "[quilt][entry_hash][vectors]") {
  std::size_t reproduced = 0, external = 0;
  for (const auto& v : list(vectors(), "sha2-256-chunked")) {
    auto name = str(v, "name");
    INFO(name);
    auto expected = str(v, "expected");
    auto data = data_of(v);
    if (!data) {
      // Only the catalog's 11 MB PNG has no bytes here (not copied, see SOURCES.md).
      CHECK(v.find("external_file") != nullptr);
      ++external;
      continue;
    }
    CHECK(data->size() == integer(v, "size"));
    CHECK(quilt_hash_of(*data) == expected);
    CHECK(streamed(*data, 1'000'003) == expected);  // slices that straddle chunk boundaries
    CHECK(streamed(*data, 7) == expected);
    CHECK(from_chunk_digests(*data) == expected);
    if (const auto* parts = v.find("parts")) CHECK(quilt_chunk_count(data->size()) == std::stoull(parts->as_number()->text));
    if (const auto* hex = v.find("expected_hex"))
      CHECK(crypto::hex_encode(quiltup::as_bytes(*crypto::base64_decode(expected))) == *hex->as_string());
    ++reproduced;
  }
  CHECK(reproduced == 7);
  CHECK(external == 1);
}

TEST_CASE("sha2-256-chunked: combining explicit parts", "[quilt][entry_hash][vectors]") {
  for (const auto& v : list(vectors(), "sha2-256-chunked_combine_explicit_parts")) {
    INFO(str(v, "name"));
    std::vector<crypto::sha256_digest> digests;
    for (const auto& p : list(v, "parts_utf8")) digests.push_back(crypto::sha256_of(*p.as_string()));
    CHECK(quilt_hash_from_part_digests(digests) == str(v, "expected"));
  }
}

TEST_CASE("sha2-256-chunked: S3 single-part ChecksumSHA256 to the Quilt value", "[quilt][entry_hash][vectors]") {
  // The vectors give no size; the legacy SHA256 vectors hold the same objects, so find the object
  // whose digest is this checksum and take its size from there.
  auto size_of = [](const std::string& s3_checksum) -> std::optional<std::uint64_t> {
    for (const auto& v : list(vectors(), "SHA256")) {
      auto data = *data_of(v);
      if (crypto::base64_encode(crypto::sha256_of(data)) == s3_checksum) return data.size();
    }
    return std::nullopt;
  };
  const auto& cases = list(vectors(), "s3_single_part_sha256_to_quilt");
  REQUIRE(cases.size() == 2);
  for (const auto& v : cases) {
    INFO(str(v, "name"));
    auto s3 = str(v, "s3_ChecksumSHA256");
    auto size = size_of(s3);
    REQUIRE(size);
    auto quilt = quilt_hash_from_s3_checksum(s3, *size, 0);
    REQUIRE(quilt.has_value());
    CHECK(*quilt == str(v, "expected_quilt"));
  }
}

TEST_CASE("sha2-256-chunked: chunk size rule", "[quilt][entry_hash][vectors]") {
  const auto* rule = vectors().find("chunksize_rule_derived");
  REQUIRE(rule);
  const auto& cases = list(*rule, "cases");
  REQUIRE(cases.size() == 10);
  for (const auto& v : cases) {
    auto size = integer(v, "size");
    INFO("size " << size);
    CHECK(quilt_chunk_size(size) == integer(v, "chunksize"));
    CHECK(quilt_chunk_count(size) == integer(v, "parts"));
    CHECK(quilt_uses_multipart(size) == *v.find("is_mpu")->as_bool());
    CHECK(quilt_part_size(size) == std::optional<std::uint64_t>(integer(v, "chunksize")));
  }
}
