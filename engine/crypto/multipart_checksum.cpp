// The whole-object values S3 derives from parts (s3-facts.md §2.2, §3.2).
#include "crypto/checksum.hpp"

#include "crypto/crc32.hpp"
#include "crypto/crc32c.hpp"
#include "crypto/crc64nvme.hpp"
#include "crypto/encoding.hpp"

namespace quiltup::crypto {

namespace {

error no_parts(std::string_view what) {
  return make_error("InvalidArgument", std::string(what) + " needs at least one part", "parts",
                    "a multipart upload has 1 to 10,000 parts");
}

error wrong_part_algorithm(std::size_t index, checksum_algorithm got, checksum_algorithm want) {
  return make_error("InvalidArgument",
                    "part checksum is " + std::string(to_string(got)) + ", expected " +
                        std::string(to_string(want)),
                    "parts[" + std::to_string(index) + "]",
                    "compute every part checksum with the upload's checksum algorithm");
}

}  // namespace

result<std::string> composite_checksum(std::span<const checksum_value> parts,
                                       checksum_algorithm algorithm) {
  if (!supports_composite(algorithm))
    return make_error("InvalidArgument",
                      "checksum algorithm " + std::string(to_string(algorithm)) +
                          " has no COMPOSITE multipart type",
                      "checksum_algorithm", "use crc32, crc32c, sha1 or sha256 for COMPOSITE");
  if (parts.empty()) return no_parts("a COMPOSITE checksum");
  checksum_accumulator acc(algorithm);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].algorithm != algorithm) return wrong_part_algorithm(i, parts[i].algorithm, algorithm);
    acc.update(parts[i].raw());
  }
  // in_place_value: under C++20 paren-init, quiltup::error is constructible from a string too.
  return result<std::string>(boost::system::in_place_value,
                             acc.finish().base64() + "-" + std::to_string(parts.size()));
}

result<checksum_value> full_object_crc(std::span<const part_crc> parts, checksum_algorithm algorithm) {
  if (!supports_full_object(algorithm))
    return make_error("InvalidArgument",
                      "checksum algorithm " + std::string(to_string(algorithm)) +
                          " has no FULL_OBJECT multipart type",
                      "checksum_algorithm", "use crc32, crc32c or crc64nvme for FULL_OBJECT");
  if (parts.empty()) return no_parts("a FULL_OBJECT checksum");
  std::uint64_t crc = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& p = parts[i];
    if (p.checksum.algorithm != algorithm) return wrong_part_algorithm(i, p.checksum.algorithm, algorithm);
    const std::uint64_t part = p.checksum.crc();
    switch (algorithm) {
      case checksum_algorithm::crc32:
        crc = crc32_combine(static_cast<std::uint32_t>(crc), static_cast<std::uint32_t>(part), p.length);
        break;
      case checksum_algorithm::crc32c:
        crc = crc32c_combine(static_cast<std::uint32_t>(crc), static_cast<std::uint32_t>(part), p.length);
        break;
      default: crc = crc64nvme_combine(crc, part, p.length); break;
    }
  }
  return checksum_value::from_crc(algorithm, crc);
}

result<std::string> multipart_etag(std::span<const md5_digest> part_md5s) {
  if (part_md5s.empty()) return no_parts("a multipart ETag");
  md5 h;
  for (const auto& d : part_md5s) h.update(std::as_bytes(std::span(d)));
  return result<std::string>(boost::system::in_place_value,
                             hex_encode(h.finish()) + "-" + std::to_string(part_md5s.size()));
}

}  // namespace quiltup::crypto
