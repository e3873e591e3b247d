#include "crypto/checksum.hpp"

#include "crypto/encoding.hpp"

#include <algorithm>
#include <cctype>

namespace quiltup::crypto {

namespace {

struct algorithm_facts {
  checksum_algorithm algorithm;
  std::string_view name;
  std::string_view s3_name;
  std::string_view header;
  std::size_t size;
  bool composite;
  bool full_object;
};

// One table, so a new algorithm is one line and the facts cannot drift apart.
constexpr algorithm_facts facts_table[] = {
    {checksum_algorithm::none, "none", "", "", 0, false, false},
    {checksum_algorithm::crc32, "crc32", "CRC32", "x-amz-checksum-crc32", 4, true, true},
    {checksum_algorithm::crc32c, "crc32c", "CRC32C", "x-amz-checksum-crc32c", 4, true, true},
    {checksum_algorithm::crc64nvme, "crc64nvme", "CRC64NVME", "x-amz-checksum-crc64nvme", 8, false, true},
    {checksum_algorithm::sha1, "sha1", "SHA1", "x-amz-checksum-sha1", 20, true, false},
    {checksum_algorithm::sha256, "sha256", "SHA256", "x-amz-checksum-sha256", 32, true, false},
    {checksum_algorithm::md5, "md5", "MD5", "Content-MD5", 16, false, false},
};

const algorithm_facts& facts(checksum_algorithm a) noexcept {
  for (const auto& f : facts_table)
    if (f.algorithm == a) return f;
  return facts_table[0];
}

bool iequals(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

std::string allowed_values() {
  std::string out;
  for (const auto& f : facts_table) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

}  // namespace

result<checksum_algorithm> parse_checksum_algorithm(std::string_view text, std::string_view field) {
  for (const auto& f : facts_table)
    if (iequals(text, f.name)) return f.algorithm;
  return make_error("InvalidArgument", "unknown checksum algorithm '" + std::string(text) + "'",
                    std::string(field), "use one of: " + allowed_values());
}

std::string_view to_string(checksum_algorithm a) noexcept { return facts(a).name; }
std::string_view s3_algorithm_name(checksum_algorithm a) noexcept { return facts(a).s3_name; }
std::string_view s3_header_name(checksum_algorithm a) noexcept { return facts(a).header; }
std::string_view s3_checksum_type_name(checksum_type t) noexcept {
  return t == checksum_type::composite ? "COMPOSITE" : "FULL_OBJECT";
}
bool supports_composite(checksum_algorithm a) noexcept { return facts(a).composite; }
bool supports_full_object(checksum_algorithm a) noexcept { return facts(a).full_object; }
bool is_crc(checksum_algorithm a) noexcept {
  return a == checksum_algorithm::crc32 || a == checksum_algorithm::crc32c ||
         a == checksum_algorithm::crc64nvme;
}
std::size_t checksum_size(checksum_algorithm a) noexcept { return facts(a).size; }

std::string checksum_value::base64() const { return base64_encode(raw()); }
std::string checksum_value::hex() const { return hex_encode(raw()); }

std::uint64_t checksum_value::crc() const noexcept {
  if (!is_crc(algorithm)) return 0;
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < size; ++i) v = (v << 8) | bytes[i];
  return v;
}

checksum_value checksum_value::from_crc(checksum_algorithm a, std::uint64_t crc) noexcept {
  checksum_value v;
  v.algorithm = a;
  v.size = checksum_size(a);
  for (std::size_t i = 0; i < v.size; ++i) v.bytes[i] = static_cast<std::uint8_t>(crc >> (8 * (v.size - 1 - i)));
  return v;
}

checksum_value checksum_value::from_digest(checksum_algorithm a, bytes_view digest) noexcept {
  checksum_value v;
  v.algorithm = a;
  v.size = std::min({digest.size(), checksum_size(a), v.bytes.size()});
  for (std::size_t i = 0; i < v.size; ++i) v.bytes[i] = static_cast<std::uint8_t>(digest[i]);
  return v;
}

result<checksum_value> checksum_from_base64(checksum_algorithm a, std::string_view text,
                                            std::string_view field) {
  if (a == checksum_algorithm::none)
    return make_error("InvalidArgument", "checksum algorithm 'none' has no value to read",
                      std::string(field), "choose a checksum algorithm first");
  auto decoded = base64_decode(text);
  if (!decoded)
    return make_error("InvalidArgument", "checksum '" + std::string(text) + "' is not strict base64",
                      std::string(field),
                      "send base64 of the raw " + std::string(s3_algorithm_name(a)) +
                          " bytes with '=' padding and no whitespace or '-N' suffix");
  if (decoded->size() != checksum_size(a))
    return make_error("InvalidArgument",
                      std::string(s3_algorithm_name(a)) + " checksum must be " +
                          std::to_string(checksum_size(a)) + " bytes, got " +
                          std::to_string(decoded->size()),
                      std::string(field), "check that the value belongs to this algorithm");
  return checksum_value::from_digest(a, as_bytes(*decoded));
}

}  // namespace quiltup::crypto
