#include "crypto/encoding.hpp"

#include <array>

namespace quiltup::crypto {

namespace {

constexpr char hex_lower[] = "0123456789abcdef";
constexpr char hex_upper[] = "0123456789ABCDEF";
constexpr char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// 0..63 for alphabet characters, -1 for everything else (including '=' and whitespace).
constexpr std::array<std::int8_t, 256> make_b64_reverse() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(b64_alphabet[i])] = static_cast<std::int8_t>(i);
  return t;
}
constexpr auto b64_reverse = make_b64_reverse();

constexpr bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~';
}

}  // namespace

std::string hex_encode(bytes_view data) {
  std::string out;
  out.resize(data.size() * 2);
  for (std::size_t i = 0; i < data.size(); ++i) {
    auto b = static_cast<unsigned char>(data[i]);
    out[2 * i] = hex_lower[b >> 4];
    out[2 * i + 1] = hex_lower[b & 0x0f];
  }
  return out;
}

std::string base64_encode(bytes_view data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    std::uint32_t v = (std::uint32_t{p[i]} << 16) | (std::uint32_t{p[i + 1]} << 8) | p[i + 2];
    out.push_back(b64_alphabet[(v >> 18) & 63]);
    out.push_back(b64_alphabet[(v >> 12) & 63]);
    out.push_back(b64_alphabet[(v >> 6) & 63]);
    out.push_back(b64_alphabet[v & 63]);
  }
  if (std::size_t rest = data.size() - i; rest != 0) {
    std::uint32_t v = std::uint32_t{p[i]} << 16;
    if (rest == 2) v |= std::uint32_t{p[i + 1]} << 8;
    out.push_back(b64_alphabet[(v >> 18) & 63]);
    out.push_back(b64_alphabet[(v >> 12) & 63]);
    out.push_back(rest == 2 ? b64_alphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    int pad = 0;
    if (last && text[i + 3] == '=') pad = text[i + 2] == '=' ? 2 : 1;
    std::uint32_t v = 0;
    for (int j = 0; j < 4 - pad; ++j) {
      auto d = b64_reverse[static_cast<unsigned char>(text[i + j])];
      if (d < 0) return std::nullopt;  // bad character, or '=' in the middle
      v = (v << 6) | static_cast<std::uint32_t>(d);
    }
    v <<= 6 * pad;
    // Canonical form only: the bits dropped by padding must be zero, otherwise two texts
    // would decode to the same bytes and a checksum comparison on text could lie.
    if (pad == 1 && (v & 0xff) != 0) return std::nullopt;
    if (pad == 2 && (v & 0xffff) != 0) return std::nullopt;
    out.push_back(static_cast<char>(v >> 16));
    if (pad < 2) out.push_back(static_cast<char>((v >> 8) & 0xff));
    if (pad < 1) out.push_back(static_cast<char>(v & 0xff));
  }
  return out;
}

std::string uri_encode(std::string_view s, bool keep_slash) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c) || (keep_slash && c == '/')) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex_upper[c >> 4]);
      out.push_back(hex_upper[c & 0x0f]);
    }
  }
  return out;
}

}  // namespace quiltup::crypto
