#include "upload/part_digest.hpp"

#include "crypto/encoding.hpp"
#include "crypto/sha256.hpp"

#include <algorithm>

namespace quiltup::upload {

namespace {

constexpr std::size_t block = 1024 * 1024;

class digester {
 public:
  explicit digester(const digest_request& what) : what_(what) {
    using crypto::checksum_algorithm;
    if (what.checksum != checksum_algorithm::none) checksum_.emplace(what.checksum);
    if (what.md5 && what.checksum != checksum_algorithm::md5) md5_.emplace();
    if (what.sha256_hex && what.checksum != checksum_algorithm::sha256) sha256_.emplace();
  }

  void update(bytes_view data) {
    if (checksum_) checksum_->update(data);
    if (md5_) md5_->update(data);
    if (sha256_) sha256_->update(data);
  }

  part_digest finish() {
    part_digest d;
    if (checksum_) d.checksum = checksum_->finish();
    if (what_.md5) {
      if (md5_) d.md5 = md5_->finish();
      else {
        crypto::md5_digest m{};
        std::copy_n(d.checksum->bytes.begin(), m.size(), m.begin());
        d.md5 = m;
      }
    }
    if (what_.sha256_hex) {
      if (sha256_) {
        auto digest = sha256_->finish();
        d.sha256_hex = crypto::hex_encode(digest);
      } else {
        d.sha256_hex = d.checksum->hex();
      }
    }
    return d;
  }

 private:
  digest_request what_;
  std::optional<crypto::checksum_accumulator> checksum_;
  std::optional<crypto::md5> md5_;
  std::optional<crypto::sha256> sha256_;
};

}  // namespace

part_digest digest_of(bytes_view data, const digest_request& what) {
  digester d(what);
  for (std::size_t at = 0; at < data.size(); at += block) d.update(data.subspan(at, std::min(block, data.size() - at)));
  return d.finish();
}

result<part_digest> read_and_digest(const file_source& file, std::uint64_t offset, std::span<std::byte> dst,
                                    const digest_request& what) {
  digester d(what);
  for (std::size_t at = 0; at < dst.size(); at += block) {
    auto chunk = dst.subspan(at, std::min(block, dst.size() - at));
    if (auto r = file.read_at(offset + at, chunk); !r) return r.error();
    d.update(chunk);
  }
  return d.finish();
}

}  // namespace quiltup::upload
