#pragma once
// Text encodings used on the wire: hex (SigV4), base64 (checksums, Content-MD5, MCP `data`),
// and the URI encoding SigV4 and S3 agree on.
#include "core/bytes.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace quiltup::crypto {

std::string hex_encode(bytes_view data);
template <std::size_t N>
std::string hex_encode(const std::array<std::uint8_t, N>& d) {
  return hex_encode(bytes_view{reinterpret_cast<const std::byte*>(d.data()), N});
}

std::string base64_encode(bytes_view data);
template <std::size_t N>
std::string base64_encode(const std::array<std::uint8_t, N>& d) {
  return base64_encode(bytes_view{reinterpret_cast<const std::byte*>(d.data()), N});
}
// Strict RFC 4648 decode (padding required, no whitespace): nullopt on anything else, so a
// bad `data` field can be reported instead of silently uploading garbage.
std::optional<std::string> base64_decode(std::string_view text);

// RFC 3986 percent-encoding of everything outside A-Z a-z 0-9 - _ . ~ (upper-case hex).
// keep_slash: S3 object paths keep '/', query components do not.
std::string uri_encode(std::string_view s, bool keep_slash);

}  // namespace quiltup::crypto
