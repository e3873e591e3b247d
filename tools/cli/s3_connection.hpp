#pragma once
// The S3 connection every subcommand needs: endpoint and region from the environment, keys from
// the credential chain (Quilt catalog, then the ambient AWS sources), one io_context driving one
// http::client, and a blocking run() for the command's single coroutine.
#include "core/error.hpp"
#include "credentials/default_chain.hpp"
#include "http/client.hpp"
#include "s3/client.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/json/object.hpp>

#include <exception>
#include <memory>
#include <optional>

namespace quiltup::cli {

class s3_connection {
 public:
  // Errors (bad AWS_ENDPOINT_URL, no credential source gave keys) are usage errors: nothing
  // was sent to S3 yet. The keys are fetched once here so that a missing source is reported
  // before any upload starts, with every provider's attempt in the message.
  static result<std::unique_ptr<s3_connection>> from_environment();

  s3::client& client() { return *client_; }
  http::client& http() { return http_; }
  // {"source", "attempts": [...]} of the keys in use, for every answer the CLI prints.
  boost::json::object credentials() const { return credentials::to_json(credentials_->report()); }
  // Adds "credentials" to an answer.
  boost::json::object with_credentials(boost::json::object answer) const {
    answer["credentials"] = credentials();
    return answer;
  }

  template <class T>
  T run(awaitable<T> op) {
    std::exception_ptr thrown;
    std::optional<T> value;
    asio::co_spawn(io_, std::move(op), [&](std::exception_ptr e, T v) {
      thrown = e;
      if (!e) value.emplace(std::move(v));
    });
    io_.restart();  // a previous run() left the context stopped
    io_.run();
    if (thrown) std::rethrow_exception(thrown);
    return std::move(*value);
  }

 private:
  s3_connection();

  boost::asio::io_context io_;
  http::client http_;
  std::unique_ptr<credentials::credentials_session> credentials_;
  std::unique_ptr<s3::client> client_;
};

}  // namespace quiltup::cli
