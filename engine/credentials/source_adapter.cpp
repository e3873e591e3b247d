#include "credentials/source_adapter.hpp"

namespace quiltup::credentials {
namespace {

// A free coroutine taking the provider by value: a capturing lambda coroutine would refer to
// the lambda, which the std::function may drop before the first resume.
awaitable<result<aws_credentials>> fetch_from(std::shared_ptr<provider> p) { co_return co_await p->fetch(); }

}  // namespace

credentials_callable as_credentials_source(std::shared_ptr<provider> p) {
  return [p = std::move(p)] { return fetch_from(p); };
}

}  // namespace quiltup::credentials
