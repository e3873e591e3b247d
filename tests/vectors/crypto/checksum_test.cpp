// Every entry of shared/testdata/sigv4/checksums/crc-known-answers.json: the polynomials and
// residues, the known answers (through each CRC kernel and the accumulator), the 3 GiB of zeros,
// the combine cases and the multipart examples (ETag, COMPOSITE, FULL_OBJECT).
#include "crypto/checksum.hpp"
#include "crypto/crc32.hpp"
#include "crypto/crc32c.hpp"
#include "crypto/crc64nvme.hpp"
#include "crypto/crc_polynomial.hpp"
#include "crypto/encoding.hpp"
#include "crypto/md5.hpp"
#include "support/testdata.hpp"

#include <catch2/catch.hpp>
#include <simdjson.h>

#include <cstdio>
#include <regex>
#include <string>
#include <vector>

using namespace quiltup;
using namespace quiltup::crypto;

namespace {

simdjson::dom::element known_answers() {
  static simdjson::dom::parser parser;
  static const simdjson::padded_string json = simdjson::padded_string::load(
      (test::testdata_dir() / "sigv4/checksums/crc-known-answers.json").string());
  static const simdjson::dom::element root = parser.parse(json);
  return root;
}

std::string str(simdjson::dom::element e) { return std::string(std::string_view(e)); }

std::string from_hex(std::string_view hex) {
  REQUIRE(hex.size() % 2 == 0);
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

std::string hex_of(std::uint64_t crc, int width) {
  char buf[17];
  std::snprintf(buf, sizeof buf, width == 32 ? "%08llx" : "%016llx", static_cast<unsigned long long>(crc));
  return buf;
}

// The CRC of `data` through every kernel this build has, all required to agree.
std::uint64_t crc_of(checksum_algorithm a, std::string_view data) {
  switch (a) {
    case checksum_algorithm::crc32: return crc32(0, data);
    case checksum_algorithm::crc32c: return crc32c(0, data);
    default: {
      const auto table = crc64nvme_table(0, as_bytes(data));
      CHECK(crc64nvme(0, data) == table);
      if (crc64nvme_pclmul_supported()) CHECK(crc64nvme_pclmul(0, as_bytes(data)) == table);
      return table;
    }
  }
}

std::uint64_t combine(checksum_algorithm a, std::uint64_t x, std::uint64_t y, std::uint64_t len_y) {
  switch (a) {
    case checksum_algorithm::crc32: return crc32_combine(std::uint32_t(x), std::uint32_t(y), len_y);
    case checksum_algorithm::crc32c: return crc32c_combine(std::uint32_t(x), std::uint32_t(y), len_y);
    default: return crc64nvme_combine(x, y, len_y);
  }
}

checksum_algorithm algorithm_named(const std::string& name) {
  auto a = parse_checksum_algorithm(name);
  REQUIRE(a.has_value());
  REQUIRE(is_crc(*a));
  return *a;
}

int width_of(checksum_algorithm a) { return a == checksum_algorithm::crc64nvme ? 64 : 32; }

// "66560 bytes of 'a'" → the bytes themselves.
std::string input_from_description(const std::string& description, std::uint64_t length) {
  std::smatch m;
  REQUIRE(std::regex_search(description, m, std::regex(R"((\d+) bytes of '(.)')")));
  REQUIRE(std::stoull(m[1]) == length);
  return std::string(length, m[2].str()[0]);
}

// The CRC of `total` zero bytes, streamed through the dispatching kernel in 4 MiB blocks.
std::uint64_t crc_of_zeros_streamed(checksum_algorithm a, std::uint64_t total) {
  const std::vector<std::byte> zeros(std::size_t{4} << 20);
  std::uint64_t crc = 0;
  for (std::uint64_t left = total; left != 0;) {
    const std::size_t n = std::min<std::uint64_t>(left, zeros.size());
    const bytes_view block(zeros.data(), n);
    switch (a) {
      case checksum_algorithm::crc32: crc = crc32(std::uint32_t(crc), block); break;
      case checksum_algorithm::crc32c: crc = crc32c(std::uint32_t(crc), block); break;
      default: crc = crc64nvme(crc, block); break;
    }
    left -= n;
  }
  return crc;
}

// The same value with no data pass beyond 1 MiB: combine doubles the length each step.
std::uint64_t crc_of_zeros_combined(checksum_algorithm a, std::uint64_t total) {
  const std::uint64_t unit = std::uint64_t{1} << 20;
  REQUIRE(total % unit == 0);
  const std::string one_unit(unit, '\0');
  std::uint64_t piece = crc_of(a, one_unit), piece_len = unit;
  std::uint64_t crc = 0;
  for (std::uint64_t units = total / unit; units != 0; units >>= 1) {
    if (units & 1) crc = combine(a, crc, piece, piece_len);
    piece = combine(a, piece, piece, piece_len);
    piece_len *= 2;
  }
  return crc;
}

}  // namespace

TEST_CASE("checksum vectors: polynomials and residues", "[crypto][checksum][vectors]") {
  for (auto [name, info] : simdjson::dom::object(known_answers()["algorithms"])) {
    INFO("algorithm " << name);
    const auto a = algorithm_named(std::string(name));
    const auto width = int64_t(info["width"]);
    CHECK(width == width_of(a));
    CHECK(checksum_size(a) * 8 == std::size_t(width));
    const auto poly_reflected = std::stoull(str(info["poly_reflected"]), nullptr, 16);
    const auto poly_normal = std::stoull(str(info["poly_normal"]), nullptr, 16);
    // times_x(x^(W-1)) = x^W mod P = the reflected polynomial itself.
    std::uint64_t ours = 0;
    switch (a) {
      case checksum_algorithm::crc32: ours = crc32_polynomial::times_x(1); break;
      case checksum_algorithm::crc32c: ours = crc32c_polynomial::times_x(1); break;
      default: ours = crc64nvme_polynomial::times_x(1); break;
    }
    CHECK(ours == poly_reflected);
    // The normal form is the bit reversal of the reflected one.
    std::uint64_t reversed = 0;
    for (int i = 0; i < width; ++i) reversed |= ((poly_reflected >> i) & 1) << (width - 1 - i);
    CHECK(reversed == poly_normal);

    // Residue: the CRC of a message followed by its own CRC (little-endian) is a constant.
    std::smatch m;
    const auto note = str(info["residue_note"]);
    REQUIRE(std::regex_search(note, m, std::regex("~0x([0-9a-f]+)")));
    const std::uint64_t mask = width == 64 ? ~std::uint64_t{0} : 0xffffffffu;
    const std::uint64_t residue = ~std::stoull(m[1], nullptr, 16) & mask;
    for (std::string msg : {"", "a", "123456789", "hello world"}) {
      const auto crc = crc_of(a, msg);
      for (int i = 0; i < width / 8; ++i) msg.push_back(static_cast<char>(crc >> (8 * i)));
      CHECK(crc_of(a, msg) == residue);
    }
  }
}

TEST_CASE("checksum vectors: known answers", "[crypto][checksum][vectors]") {
  int vectors = 0;
  for (auto v : simdjson::dom::array(known_answers()["vectors"])) {
    const auto name = str(v["name"]);
    const auto length = std::uint64_t(v["length"]);
    std::string input;
    if (auto hex = v["input_hex"]; hex.error() == simdjson::SUCCESS)
      input = from_hex(std::string_view(hex.value()));
    else
      input = input_from_description(str(v["input_description"]), length);
    REQUIRE(input.size() == length);

    for (std::string alg : {"crc32", "crc32c", "crc64nvme"}) {
      INFO("vector " << name << ", " << alg);
      const auto a = algorithm_named(alg);
      const auto expected_hex = str(v[alg]["hex"]);
      const auto expected_b64 = str(v[alg]["base64_be"]);

      CHECK(hex_of(crc_of(a, input), width_of(a)) == expected_hex);

      // The accumulator, fed in two uneven pieces, gives the same raw big-endian bytes.
      checksum_accumulator acc(a);
      acc.update(std::string_view(input).substr(0, input.size() / 3));
      acc.update(std::string_view(input).substr(input.size() / 3));
      const auto value = acc.finish();
      CHECK(acc.bytes_seen() == length);
      CHECK(value.hex() == expected_hex);
      CHECK(value.base64() == expected_b64);

      auto parsed = checksum_from_base64(a, expected_b64);
      REQUIRE(parsed.has_value());
      CHECK(*parsed == value);
    }
    ++vectors;
  }
  CHECK(vectors == 7);
}

TEST_CASE("checksum vectors: 3 GiB of zeros", "[crypto][checksum][vectors]") {
  for (auto v : simdjson::dom::array(known_answers()["large_buffer"])) {
    const auto description = str(v["input"]);
    REQUIRE(description.find("3 GiB") != std::string::npos);
    REQUIRE(description.find("0x00") != std::string::npos);
    const std::uint64_t total = std::uint64_t{3} << 30;
    for (std::string alg : {"crc32", "crc64nvme"}) {
      INFO(alg);
      const auto a = algorithm_named(alg);
      const auto expected = str(v[alg]);
      CHECK(hex_of(crc_of_zeros_combined(a, total), width_of(a)) == expected);
      CHECK(hex_of(crc_of_zeros_streamed(a, total), width_of(a)) == expected);
    }
  }
}

TEST_CASE("checksum vectors: combine cases", "[crypto][checksum][vectors]") {
  int cases = 0;
  for (auto c : simdjson::dom::array(known_answers()["combine_cases"]["cases"])) {
    const auto a_text = str(c["a_ascii"]);
    const auto b_text = str(c["b_ascii"]);
    const auto len_b = std::uint64_t(c["len_b"]);
    REQUIRE(len_b == b_text.size());
    for (std::string alg : {"crc32", "crc32c", "crc64nvme"}) {
      INFO("'" << a_text << "' + '" << b_text << "', " << alg);
      const auto a = algorithm_named(alg);
      const auto w = width_of(a);
      const auto crc_a = crc_of(a, a_text), crc_b = crc_of(a, b_text);
      CHECK(hex_of(crc_a, w) == str(c[alg]["a"]));
      CHECK(hex_of(crc_b, w) == str(c[alg]["b"]));
      CHECK(hex_of(crc_of(a, a_text + b_text), w) == str(c[alg]["ab"]));
      CHECK(hex_of(combine(a, crc_a, crc_b, len_b), w) == str(c[alg]["ab"]));
    }
    ++cases;
  }
  CHECK(cases == 3);
}

TEST_CASE("checksum vectors: multipart examples", "[crypto][checksum][vectors]") {
  const auto ex = known_answers()["multipart_examples"];
  REQUIRE(str(ex["note"]).find("bytes of 'a'") != std::string::npos);

  std::vector<md5_digest> md5s;
  std::vector<checksum_value> crc32c_parts, crc32_parts;
  std::vector<part_crc> full_crc32c, full_crc32, full_crc64;
  std::string whole;
  std::int64_t expected_part_number = 1;
  for (auto p : simdjson::dom::array(ex["parts"])) {
    CHECK(std::int64_t(p["part_number"]) == expected_part_number++);
    const std::string data(static_cast<std::uint64_t>(p["length"]), 'a');
    whole += data;
    INFO("part of " << data.size() << " bytes");

    const auto digest = md5_of(std::string_view(data));
    CHECK(hex_encode(digest) == str(p["md5_hex"]));
    CHECK(base64_encode(digest) == str(p["content_md5_base64"]));
    md5s.push_back(digest);

    auto value_of = [&](checksum_algorithm a) {
      checksum_accumulator acc(a);
      acc.update(data);
      return acc.finish();
    };
    const auto c32c = value_of(checksum_algorithm::crc32c);
    const auto c32 = value_of(checksum_algorithm::crc32);
    const auto c64 = value_of(checksum_algorithm::crc64nvme);
    CHECK(c32c.base64() == str(p["crc32c_base64"]));
    CHECK(c32.base64() == str(p["crc32_base64"]));
    CHECK(c64.base64() == str(p["crc64nvme_base64"]));
    CHECK(value_of(checksum_algorithm::md5).base64() == str(p["content_md5_base64"]));
    crc32c_parts.push_back(c32c);
    crc32_parts.push_back(c32);
    full_crc32c.push_back({c32c, data.size()});
    full_crc32.push_back({c32, data.size()});
    full_crc64.push_back({c64, data.size()});
  }
  REQUIRE(md5s.size() == 2);

  SECTION("ETag") {
    auto etag = multipart_etag(md5s);
    REQUIRE(etag.has_value());
    CHECK("\"" + *etag + "\"" == str(ex["multipart_etag"]));
  }
  SECTION("COMPOSITE") {
    auto c32c = composite_checksum(crc32c_parts, checksum_algorithm::crc32c);
    auto c32 = composite_checksum(crc32_parts, checksum_algorithm::crc32);
    REQUIRE(c32c.has_value());
    REQUIRE(c32.has_value());
    CHECK(*c32c == str(ex["composite_crc32c"]));
    CHECK(*c32 == str(ex["composite_crc32"]));
  }
  SECTION("FULL_OBJECT by combine equals the CRC of the whole object") {
    auto f32c = full_object_crc(full_crc32c, checksum_algorithm::crc32c);
    auto f32 = full_object_crc(full_crc32, checksum_algorithm::crc32);
    auto f64 = full_object_crc(full_crc64, checksum_algorithm::crc64nvme);
    REQUIRE(f32c.has_value());
    REQUIRE(f32.has_value());
    REQUIRE(f64.has_value());
    CHECK(f32c->base64() == str(ex["full_object_crc32c"]));
    CHECK(f32->base64() == str(ex["full_object_crc32"]));
    CHECK(f64->base64() == str(ex["full_object_crc64nvme"]));
    CHECK(f64->crc() == crc64nvme(0, whole));
    CHECK(f32c->crc() == crc32c(0, whole));
  }
}
