#include "crypto/evp_digest.hpp"

#include <openssl/evp.h>

#include <new>
#include <stdexcept>

namespace quiltup::crypto {

// OpenSSL failures here mean a missing provider or no memory: nothing a caller can branch on,
// hence exceptions rather than result<>.

void evp_digest::ctx_deleter::operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }

evp_digest::evp_digest(const EVP_MD* md) : md_(md), ctx_(EVP_MD_CTX_new()) {
  if (!ctx_) throw std::bad_alloc();
  reset();
}

void evp_digest::reset() {
  if (EVP_DigestInit_ex(ctx_.get(), md_, nullptr) != 1)
    throw std::runtime_error(std::string("EVP_DigestInit_ex failed for ") + EVP_MD_get0_name(md_));
}

void evp_digest::update(bytes_view data) {
  if (!data.empty() && EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) != 1)
    throw std::runtime_error("EVP_DigestUpdate failed");
}

void evp_digest::finish(std::span<std::uint8_t> out) {
  if (out.size() != static_cast<std::size_t>(EVP_MD_get_size(md_)))
    throw std::logic_error("evp_digest::finish: output span has the wrong size");
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx_.get(), out.data(), &len) != 1)
    throw std::runtime_error("EVP_DigestFinal_ex failed");
}

void evp_digest::digest(const EVP_MD* md, bytes_view data, std::span<std::uint8_t> out) {
  if (out.size() != static_cast<std::size_t>(EVP_MD_get_size(md)))
    throw std::logic_error("evp_digest::digest: output span has the wrong size");
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) != 1)
    throw std::runtime_error(std::string("EVP_Digest failed for ") + EVP_MD_get0_name(md));
}

}  // namespace quiltup::crypto
