#pragma once
// Stage 3 of SigV4: kDate → kRegion → kService → kSigning, and the signature over a string
// to sign. The key changes once a day per (region, service, secret), so it is cached: four
// HMACs saved on every request of a busy upload.
#include "crypto/sha256.hpp"

#include <array>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

namespace quiltup::sigv4 {

using signing_key = crypto::sha256_digest;

// date8 is "YYYYMMDD" (a full amz-date is accepted and cut to its first 8 characters).
signing_key derive_signing_key(std::string_view secret_access_key, std::string_view date8,
                               std::string_view region, std::string_view service);

// Lower-case hex HMAC-SHA256 of string_to_sign under the signing key.
std::string signature_hex(const signing_key& key, std::string_view string_to_sign);

// A small thread-safe cache of derived keys. Few distinct entries are ever live (one per
// credential set, region and service for the current day), so a fixed array with
// round-robin replacement beats a map: no allocation on a hit and a short critical section.
class signing_key_cache {
 public:
  signing_key get(std::string_view secret_access_key, std::string_view date8,
                  std::string_view region, std::string_view service);

  std::size_t hits() const;
  std::size_t misses() const;

 private:
  struct entry {
    std::string secret;
    std::string date8;
    std::string region;
    std::string service;
    signing_key key{};
    bool used = false;
  };
  static constexpr std::size_t capacity = 8;

  const signing_key* find_locked(std::string_view secret_access_key, std::string_view date8,
                                 std::string_view region, std::string_view service) const;

  // Touched by any thread that signs; everything in here is guarded by m.
  mutable struct {
    std::mutex m;
    std::array<entry, capacity> entries;
    std::size_t next = 0;
    std::size_t hits = 0;
    std::size_t misses = 0;
  } synced_;
};

// The process-wide cache the signer uses.
signing_key_cache& shared_signing_key_cache();

}  // namespace quiltup::sigv4
