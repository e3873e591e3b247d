#include "crypto/md5.hpp"

#include "crypto/evp_digest.hpp"

#include <openssl/evp.h>

namespace quiltup::crypto {

struct md5::impl {
  evp_digest ctx{EVP_md5()};
};

md5::md5() : impl_(std::make_unique<impl>()) {}
md5::~md5() = default;
md5::md5(md5&&) noexcept = default;
md5& md5::operator=(md5&&) noexcept = default;

void md5::reset() { impl_->ctx.reset(); }
void md5::update(bytes_view data) { impl_->ctx.update(data); }

md5_digest md5::finish() {
  md5_digest d{};
  impl_->ctx.finish(d);
  return d;
}

md5_digest md5_of(bytes_view data) {
  md5_digest d{};
  evp_digest::digest(EVP_md5(), data, d);
  return d;
}

}  // namespace quiltup::crypto
