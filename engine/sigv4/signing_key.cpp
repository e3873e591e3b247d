#include "sigv4/signing_key.hpp"

#include "crypto/encoding.hpp"
#include "crypto/hmac.hpp"

namespace quiltup::sigv4 {
namespace {

bytes_view view(const signing_key& k) {
  return {reinterpret_cast<const std::byte*>(k.data()), k.size()};
}

}  // namespace

signing_key derive_signing_key(std::string_view secret_access_key, std::string_view date8,
                               std::string_view region, std::string_view service) {
  std::string secret;
  secret.reserve(4 + secret_access_key.size());
  secret.append("AWS4").append(secret_access_key);
  auto k_date = crypto::hmac_sha256(std::string_view{secret}, date8.substr(0, 8));
  auto k_region = crypto::hmac_sha256(view(k_date), region);
  auto k_service = crypto::hmac_sha256(view(k_region), service);
  return crypto::hmac_sha256(view(k_service), std::string_view{"aws4_request"});
}

std::string signature_hex(const signing_key& key, std::string_view string_to_sign) {
  return crypto::hex_encode(crypto::hmac_sha256(view(key), string_to_sign));
}

const signing_key* signing_key_cache::find_locked(std::string_view secret_access_key,
                                                  std::string_view date8, std::string_view region,
                                                  std::string_view service) const {
  for (const auto& e : synced_.entries) {
    if (e.used && e.date8 == date8 && e.region == region && e.service == service &&
        e.secret == secret_access_key)
      return &e.key;
  }
  return nullptr;
}

signing_key signing_key_cache::get(std::string_view secret_access_key, std::string_view date8,
                                   std::string_view region, std::string_view service) {
  date8 = date8.substr(0, 8);
  {
    std::lock_guard lock(synced_.m);
    if (auto* key = find_locked(secret_access_key, date8, region, service)) {
      ++synced_.hits;
      return *key;
    }
  }
  // Derived outside the lock: two threads missing together both derive the same key, which is
  // cheaper than making every other signer wait behind four HMACs.
  auto key = derive_signing_key(secret_access_key, date8, region, service);
  std::lock_guard lock(synced_.m);
  ++synced_.misses;
  if (!find_locked(secret_access_key, date8, region, service)) {
    auto& slot = synced_.entries[synced_.next];
    synced_.next = (synced_.next + 1) % capacity;
    slot = entry{std::string(secret_access_key), std::string(date8), std::string(region),
                 std::string(service), key, true};
  }
  return key;
}

std::size_t signing_key_cache::hits() const {
  std::lock_guard lock(synced_.m);
  return synced_.hits;
}

std::size_t signing_key_cache::misses() const {
  std::lock_guard lock(synced_.m);
  return synced_.misses;
}

signing_key_cache& shared_signing_key_cache() {
  static signing_key_cache cache;
  return cache;
}

}  // namespace quiltup::sigv4
