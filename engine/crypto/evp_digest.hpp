#pragma once
// One OpenSSL EVP digest context, shared by the sha256 / sha1 / md5 wrappers so each of them
// is a thin type over the same three calls. Internal to the crypto layer: callers use the
// typed classes, which keep <openssl/evp.h> out of their headers.
#include "core/bytes.hpp"

#include <cstdint>
#include <memory>
#include <span>

typedef struct evp_md_st EVP_MD;
typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace quiltup::crypto {

class evp_digest {
 public:
  explicit evp_digest(const EVP_MD* md);

  void reset();
  void update(bytes_view data);
  // Writes exactly EVP_MD_get_size(md) bytes.
  void finish(std::span<std::uint8_t> out);

  // One shot without allocating a context (SigV4 hashes many small strings).
  static void digest(const EVP_MD* md, bytes_view data, std::span<std::uint8_t> out);

 private:
  struct ctx_deleter {
    void operator()(EVP_MD_CTX* c) const noexcept;
  };
  const EVP_MD* md_;
  std::unique_ptr<EVP_MD_CTX, ctx_deleter> ctx_;
};

}  // namespace quiltup::crypto
