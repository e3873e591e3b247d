#include "crypto/checksum.hpp"

#include "crypto/crc32.hpp"
#include "crypto/crc32c.hpp"
#include "crypto/crc64nvme.hpp"

namespace quiltup::crypto {

checksum_accumulator::checksum_accumulator(checksum_algorithm algorithm) : algorithm_(algorithm) {
  reset();
}

void checksum_accumulator::reset() {
  bytes_seen_ = 0;
  crc_ = 0;
  switch (algorithm_) {
    case checksum_algorithm::sha1: hash_.emplace<sha1>(); break;
    case checksum_algorithm::sha256: hash_.emplace<sha256>(); break;
    case checksum_algorithm::md5: hash_.emplace<md5>(); break;
    default: hash_.emplace<std::monostate>(); break;
  }
}

void checksum_accumulator::update(bytes_view data) {
  bytes_seen_ += data.size();
  switch (algorithm_) {
    case checksum_algorithm::none: break;
    case checksum_algorithm::crc32: crc_ = crc32(static_cast<std::uint32_t>(crc_), data); break;
    case checksum_algorithm::crc32c: crc_ = crc32c(static_cast<std::uint32_t>(crc_), data); break;
    case checksum_algorithm::crc64nvme: crc_ = crc64nvme(crc_, data); break;
    case checksum_algorithm::sha1: std::get<sha1>(hash_).update(data); break;
    case checksum_algorithm::sha256: std::get<sha256>(hash_).update(data); break;
    case checksum_algorithm::md5: std::get<md5>(hash_).update(data); break;
  }
}

checksum_value checksum_accumulator::finish() {
  auto digest_value = [this](const auto& d) {
    return checksum_value::from_digest(algorithm_, std::as_bytes(std::span(d)));
  };
  switch (algorithm_) {
    case checksum_algorithm::sha1: return digest_value(std::get<sha1>(hash_).finish());
    case checksum_algorithm::sha256: return digest_value(std::get<sha256>(hash_).finish());
    case checksum_algorithm::md5: return digest_value(std::get<md5>(hash_).finish());
    case checksum_algorithm::none: return checksum_value{};
    default: return checksum_value::from_crc(algorithm_, crc_);
  }
}

}  // namespace quiltup::crypto
