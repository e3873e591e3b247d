#include "crypto/sha1.hpp"

#include "crypto/evp_digest.hpp"

#include <openssl/evp.h>

namespace quiltup::crypto {

struct sha1::impl {
  evp_digest ctx{EVP_sha1()};
};

sha1::sha1() : impl_(std::make_unique<impl>()) {}
sha1::~sha1() = default;
sha1::sha1(sha1&&) noexcept = default;
sha1& sha1::operator=(sha1&&) noexcept = default;

void sha1::reset() { impl_->ctx.reset(); }
void sha1::update(bytes_view data) { impl_->ctx.update(data); }

sha1_digest sha1::finish() {
  sha1_digest d{};
  impl_->ctx.finish(d);
  return d;
}

sha1_digest sha1_of(bytes_view data) {
  sha1_digest d{};
  evp_digest::digest(EVP_sha1(), data, d);
  return d;
}

}  // namespace quiltup::crypto
