#pragma once
// An s3::client against one of the local fixture servers, with its own io_context, plus the
// small verification helpers the integration tests share.
#include "crypto/encoding.hpp"
#include "crypto/md5.hpp"
#include "http/client.hpp"
#include "s3/client.hpp"
#include "support/local_s3.hpp"
#include "support/run_awaitable.hpp"

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <memory>
#include <string>

namespace quiltup::test {

class s3_session {
 public:
  explicit s3_session(const local_server& server, std::string secret_override = {})
      : server_(server), http_(io_.get_executor()) {
    auto ep = s3::endpoint::make({server.endpoint, server.region, s3::addressing_style::automatic});
    REQUIRE(ep.has_value());
    aws_credentials keys;
    keys.access_key_id = server.access_key;
    keys.secret_access_key = secret_override.empty() ? server.secret_key : secret_override;
    // Fewer and shorter retries: a fatal answer must surface quickly in a test.
    s3::client_options options;
    options.retry.base = std::chrono::milliseconds(50);
    client_ = std::make_unique<s3::client>(http_, std::move(*ep), s3::static_credentials(keys), options);
  }

  template <class T>
  T run(awaitable<T> op) {
    return run_awaitable(io_, std::move(op));
  }

  s3::client& client() { return *client_; }

  // A fresh bucket, optionally versioned; REQUIREs success.
  std::string make_bucket(const std::string& prefix, bool versioned = false) {
    auto name = unique_bucket_name(prefix);
    auto created = run(client_->create_bucket({name, ""}));
    INFO((created.has_value() ? std::string() : created.error().to_string()));
    REQUIRE(created.has_value());
    if (versioned) {
      auto v = run(client_->put_bucket_versioning({name, true}));
      INFO((v.has_value() ? std::string() : v.error().to_string()));
      REQUIRE(v.has_value());
    }
    return name;
  }

 private:
  local_server server_;
  boost::asio::io_context io_;
  http::client http_;
  std::unique_ptr<s3::client> client_;
};

inline std::string md5_hex(std::string_view data) { return crypto::hex_encode(crypto::md5_of(data)); }

inline std::string describe(const error& e) { return e.to_string() + " [step " + e.step + "]"; }

// Deterministic, not-all-equal bytes.
inline std::string pattern(std::size_t n, unsigned seed = 1) {
  std::string s(n, '\0');
  std::uint32_t x = seed * 2654435761u + 1;
  for (auto& c : s) {
    x = x * 1664525u + 1013904223u;
    c = static_cast<char>(x >> 24);
  }
  return s;
}

}  // namespace quiltup::test
