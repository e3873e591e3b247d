#pragma once
// Shared by the quilt integration tests: one io_context and http::client, an s3::client per
// set of keys (the fixture's owner, or another RGW user), an uploader, and readers that check
// what the bucket holds afterwards.
#include "http/client.hpp"
#include "s3/client.hpp"
#include "s3/query_builder.hpp"
#include "support/local_s3.hpp"
#include "support/run_awaitable.hpp"
#include "upload/uploader.hpp"

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace quiltup::test {

inline std::string describe(const error& e) { return e.to_string() + " [step " + e.step + "]"; }

class quilt_session {
 public:
  explicit quilt_session(local_server server) : server_(std::move(server)), http_(io_.get_executor()) {
    owner_ = client_for(server_.access_key, server_.secret_key);
  }

  template <class T>
  T run(awaitable<T> op) {
    return run_awaitable(io_, std::move(op));
  }

  s3::client& s3() { return *owner_; }

  std::unique_ptr<s3::client> client_for(const std::string& access_key, const std::string& secret_key) {
    auto ep = s3::endpoint::make({server_.endpoint, server_.region, s3::addressing_style::path});
    REQUIRE(ep.has_value());
    aws_credentials keys;
    keys.access_key_id = access_key;
    keys.secret_access_key = secret_key;
    s3::client_options options;
    options.retry.base = std::chrono::milliseconds(20);
    options.retry.cap = std::chrono::milliseconds(200);
    return std::make_unique<s3::client>(http_, std::move(*ep), s3::static_credentials(keys), options);
  }

  static upload::upload_options sha256_uploads() {
    upload::upload_options o;
    o.checksum = crypto::checksum_algorithm::sha256;
    o.io_threads = 0;
    return o;
  }

  std::string make_bucket(const std::string& prefix, bool versioned) {
    auto name = unique_bucket_name(prefix);
    auto created = run(s3().create_bucket({name, ""}));
    INFO((created ? std::string() : describe(created.error())));
    REQUIRE(created.has_value());
    if (versioned) {
      auto v = run(s3().put_bucket_versioning({name, true}));
      INFO((v ? std::string() : describe(v.error())));
      REQUIRE(v.has_value());
    }
    return name;
  }

  result<s3::get_object_result> get(const std::string& bucket, const std::string& key, const std::string& version = {}) {
    return run(s3().get_object({bucket, key, version, {}, false}));
  }

  std::string get_body(const std::string& bucket, const std::string& key, const std::string& version = {}) {
    auto got = get(bucket, key, version);
    INFO(key << ": " << (got ? std::string() : describe(got.error())));
    REQUIRE(got.has_value());
    return got->body;
  }

  std::vector<std::string> list_keys(const std::string& bucket, const std::string& prefix) {
    s3::list_objects_v2_request req;
    req.bucket = bucket;
    req.prefix = prefix;
    auto listed = run(s3().list_objects_v2(req));
    INFO((listed ? std::string() : describe(listed.error())));
    REQUIRE(listed.has_value());
    std::vector<std::string> keys;
    for (auto& o : listed->objects) keys.push_back(o.key);
    return keys;
  }

  std::string put(const std::string& bucket, const std::string& key, std::string body) {
    s3::put_object_request put;
    put.bucket = bucket;
    put.key = key;
    put.body = http::body::from_string(std::move(body));
    auto done = run(s3().put_object(std::move(put)));
    INFO((done ? std::string() : describe(done.error())));
    REQUIRE(done.has_value());
    return done->version_id;
  }

  // PUT /bucket?policy through the client's generic path (no typed operation exists for it).
  void put_bucket_policy(const std::string& bucket, std::string policy_json) {
    s3::operation_request op;
    op.step = "PutBucketPolicy";
    op.method = "PUT";
    op.bucket = bucket;
    op.query = s3::query_builder{}.add_flag("policy").str();
    op.headers.set("Content-Type", "application/json");
    op.body = http::body::from_string(std::move(policy_json));
    auto done = run(s3().execute(std::move(op)));
    INFO((done ? std::string() : describe(done.error())));
    REQUIRE(done.has_value());
  }

  const local_server& server() const { return server_; }

 private:
  local_server server_;
  boost::asio::io_context io_;
  http::client http_;
  std::unique_ptr<s3::client> owner_;
};

}  // namespace quiltup::test
