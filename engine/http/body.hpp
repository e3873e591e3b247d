#pragma once
// What a request sends. Either bytes already in memory (kept alive by `owner`, e.g. a leased
// part buffer) or a pull-reader of known length that curl calls from its read callback, so a
// file or an aws-chunked encoder streams without being held whole in memory.
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

namespace quiltup::http {

struct body {
  // In-memory body: `bytes` must stay valid while `owner` lives.
  std::string_view bytes;
  std::shared_ptr<const void> owner;

  // Streaming body: `read(dst, capacity)` returns bytes written (0 only at the end);
  // `rewind()` restarts from the first byte (curl may resend after a redirect or auth).
  // A negative-free contract: on a read error throw; the request then fails as transport error.
  std::function<std::size_t(char* dst, std::size_t capacity)> read;
  std::function<bool()> rewind;
  std::size_t length = 0;  // content length of the streaming body

  bool is_streaming() const noexcept { return static_cast<bool>(read); }
  std::size_t size() const noexcept { return is_streaming() ? length : bytes.size(); }

  static body from_string(std::string s) {
    auto owned = std::make_shared<const std::string>(std::move(s));
    return body{std::string_view(*owned), owned, {}, {}, 0};
  }
};

}  // namespace quiltup::http
