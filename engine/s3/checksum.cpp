#include "s3/checksum.hpp"

#include <array>

namespace quiltup::s3 {
namespace {

struct algorithm_names {
  checksum_algorithm algorithm;
  std::string_view wire;
  std::string_view lower;
  std::string_view header;
};

constexpr std::array<algorithm_names, 5> names{{
    {checksum_algorithm::crc32, "CRC32", "crc32", "x-amz-checksum-crc32"},
    {checksum_algorithm::crc32c, "CRC32C", "crc32c", "x-amz-checksum-crc32c"},
    {checksum_algorithm::crc64nvme, "CRC64NVME", "crc64nvme", "x-amz-checksum-crc64nvme"},
    {checksum_algorithm::sha1, "SHA1", "sha1", "x-amz-checksum-sha1"},
    {checksum_algorithm::sha256, "SHA256", "sha256", "x-amz-checksum-sha256"},
}};

const algorithm_names* find_names(checksum_algorithm a) noexcept {
  for (const auto& n : names)
    if (n.algorithm == a) return &n;
  return nullptr;
}

}  // namespace

std::string_view wire_name(checksum_algorithm a) noexcept {
  const auto* n = find_names(a);
  return n ? n->wire : std::string_view{};
}

std::string_view header_name(checksum_algorithm a) noexcept {
  const auto* n = find_names(a);
  return n ? n->header : std::string_view{};
}

std::optional<checksum_algorithm> parse_checksum_algorithm(std::string_view name) noexcept {
  for (const auto& n : names)
    if (name == n.wire || name == n.lower) return n.algorithm;
  return std::nullopt;
}

std::string_view wire_name(checksum_type t) noexcept {
  switch (t) {
    case checksum_type::composite: return "COMPOSITE";
    case checksum_type::full_object: return "FULL_OBJECT";
    case checksum_type::unspecified: break;
  }
  return {};
}

std::optional<std::string> echoed_checksums::find(checksum_algorithm a) const {
  for (const auto& c : values)
    if (c.algorithm == a) return c.value;
  return std::nullopt;
}

echoed_checksums read_checksums(const http::headers& h) {
  echoed_checksums out;
  for (const auto& n : names)
    if (auto v = h.get(n.header)) out.values.push_back({n.algorithm, std::string(*v)});
  if (auto t = h.get("x-amz-checksum-type")) out.type = std::string(*t);
  return out;
}

}  // namespace quiltup::s3
