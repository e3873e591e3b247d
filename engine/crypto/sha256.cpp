#include "crypto/sha256.hpp"

#include "crypto/encoding.hpp"
#include "crypto/evp_digest.hpp"

#include <openssl/evp.h>

namespace quiltup::crypto {

struct sha256::impl {
  evp_digest ctx{EVP_sha256()};
};

sha256::sha256() : impl_(std::make_unique<impl>()) {}
sha256::~sha256() = default;
sha256::sha256(sha256&&) noexcept = default;
sha256& sha256::operator=(sha256&&) noexcept = default;

void sha256::reset() { impl_->ctx.reset(); }
void sha256::update(bytes_view data) { impl_->ctx.update(data); }

sha256_digest sha256::finish() {
  sha256_digest d{};
  impl_->ctx.finish(d);
  return d;
}

sha256_digest sha256_of(bytes_view data) {
  sha256_digest d{};
  evp_digest::digest(EVP_sha256(), data, d);
  return d;
}

std::string sha256_hex(std::string_view data) { return hex_encode(sha256_of(data)); }

}  // namespace quiltup::crypto
