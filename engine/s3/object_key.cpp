#include "s3/object_key.hpp"

#include <string>

namespace quiltup::s3 {

bool is_valid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len;
    std::uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    static constexpr std::uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    i += len;
  }
  return true;
}

result<void> validate_object_key(std::string_view key, std::string_view field) {
  std::string f(field);
  if (key.empty())
    return make_error("InvalidArgument", "the object key is empty", f, "give a non-empty key such as 'dir/file.txt'");
  if (key.size() > max_key_bytes)
    return make_error("InvalidArgument",
                      "the object key is " + std::to_string(key.size()) + " bytes; S3 allows at most 1024 bytes of UTF-8",
                      f, "shorten the key");
  if (!is_valid_utf8(key))
    return make_error("InvalidArgument", "the object key is not valid UTF-8", f, "encode the key as UTF-8");
  return {};
}

}  // namespace quiltup::s3
