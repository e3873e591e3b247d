#include "upload/checksum_policy.hpp"

namespace quiltup::upload {

s3::checksum_algorithm s3_algorithm(crypto::checksum_algorithm a) noexcept {
  using C = crypto::checksum_algorithm;
  using S = s3::checksum_algorithm;
  switch (a) {
    case C::crc32: return S::crc32;
    case C::crc32c: return S::crc32c;
    case C::crc64nvme: return S::crc64nvme;
    case C::sha1: return S::sha1;
    case C::sha256: return S::sha256;
    case C::md5:
    case C::none: return S::none;
  }
  return S::none;
}

s3::checksum_type multipart_checksum_type(crypto::checksum_algorithm a, bool full_object_requested) noexcept {
  using C = crypto::checksum_algorithm;
  switch (a) {
    case C::crc64nvme: return s3::checksum_type::full_object;
    case C::crc32:
    case C::crc32c: return full_object_requested ? s3::checksum_type::full_object : s3::checksum_type::composite;
    case C::sha1:
    case C::sha256: return s3::checksum_type::composite;
    case C::md5:
    case C::none: return s3::checksum_type::unspecified;
  }
  return s3::checksum_type::unspecified;
}

s3::checksum request_checksum(const crypto::checksum_value& value) {
  auto alg = s3_algorithm(value.algorithm);
  if (alg == s3::checksum_algorithm::none) return {};
  return s3::checksum{alg, value.base64()};
}

std::optional<error> check_echo(crypto::checksum_algorithm a, std::string_view ours, const s3::echoed_checksums& echoed,
                                std::string_view step) {
  auto alg = s3_algorithm(a);
  if (alg == s3::checksum_algorithm::none) return std::nullopt;
  auto theirs = echoed.find(alg);
  if (!theirs || *theirs == ours) return std::nullopt;
  error e = make_error("ChecksumMismatch",
                       std::string(s3::wire_name(alg)) + " checksum from S3 (" + *theirs + ") differs from ours (" +
                           std::string(ours) + ")",
                       {}, "the stored bytes are not the bytes sent; upload the object again");
  e.step = std::string(step);
  return e;
}

bool echoed(crypto::checksum_algorithm a, const s3::echoed_checksums& values) {
  auto alg = s3_algorithm(a);
  return alg != s3::checksum_algorithm::none && values.find(alg).has_value();
}

}  // namespace quiltup::upload
