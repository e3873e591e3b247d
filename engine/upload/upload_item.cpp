#include "upload/upload_item.hpp"

#include "crypto/encoding.hpp"
#include "s3/object_key.hpp"
#include "upload/content_type.hpp"

#include <algorithm>
#include <cctype>

namespace quiltup::upload {

namespace {

std::string field_name(std::string_view where, std::string_view field) {
  if (where.empty()) return std::string(field);
  return std::string(where) + "." + std::string(field);
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// UTF-8 text → bytes in `encoding`, as Python's str.encode would give them.
result<std::string> encode_text(std::string text, std::string_view encoding, std::string_view where) {
  auto enc = lower(encoding);
  if (!s3::is_valid_utf8(text))
    return make_error("InvalidArgument", "text is not valid UTF-8", field_name(where, "text"),
                      "send text as UTF-8, or binary content as base64 in 'data'");
  if (enc.empty() || enc == "utf-8" || enc == "utf8") return result<std::string>(boost::system::in_place_value, std::move(text));
  bool ascii = enc == "ascii" || enc == "us-ascii";
  bool latin1 = enc == "latin-1" || enc == "latin1" || enc == "iso-8859-1";
  if (!ascii && !latin1)
    return make_error("InvalidArgument", "unsupported text encoding '" + std::string(encoding) + "'",
                      field_name(where, "encoding"), "use utf-8, ascii or latin-1, or send base64 in 'data'");
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::uint32_t cp;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else if ((c & 0xE0) == 0xC0) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      i += 2;
    } else {
      cp = 0x800;  // three- and four-byte sequences are beyond latin-1 anyway
      i += (c & 0xF0) == 0xE0 ? 3 : 4;
    }
    if (cp > (ascii ? 0x7Fu : 0xFFu))
      return make_error("InvalidArgument",
                        "text contains characters that " + std::string(encoding) + " cannot represent",
                        field_name(where, "encoding"), "use utf-8");
    out.push_back(static_cast<char>(cp));
  }
  return result<std::string>(boost::system::in_place_value, std::move(out));
}

}  // namespace

std::string key_for(std::string_view prefix, const std::filesystem::path& relative) {
  std::string key(prefix);
  if (!key.empty() && key.back() != '/') key.push_back('/');
  key += relative.generic_string();
  return key;
}

result<checked_item> check_item(upload_item item, std::string_view where) {
  if (item.source_error) return std::move(*item.source_error);
  if (item.key.empty())
    return make_error("InvalidArgument", "each upload item needs a non-empty key", field_name(where, "key"),
                      "give the object's key, e.g. 'data/file.csv'");
  if (auto ok = s3::validate_object_key(item.key, field_name(where, "key")); !ok) return ok.error();
  if (item.bucket.empty())
    return make_error("InvalidArgument", "no bucket given for key '" + item.key + "'", field_name(where, "bucket"),
                      "name the bucket, e.g. s3://my-bucket/prefix/");

  int sources = int(item.text.has_value()) + int(item.data.has_value()) + int(item.path.has_value());
  if (sources != 1)
    return make_error("InvalidArgument",
                      sources == 0 ? "item '" + item.key + "' has no content"
                                   : "item '" + item.key + "' has more than one content source",
                      field_name(where, sources == 0 ? "text" : (item.text ? "text" : "data")),
                      "give exactly one of 'text', 'data' (base64) or 'path'");

  checked_item out;
  if (item.text) {
    auto bytes = encode_text(std::move(*item.text), item.encoding, where);
    if (!bytes) return bytes.error();
    out.payload.bytes = std::make_shared<const std::string>(std::move(*bytes));
  } else if (item.data) {
    auto decoded = crypto::base64_decode(*item.data);
    if (!decoded)
      return make_error("InvalidArgument", "data of item '" + item.key + "' is not valid base64",
                        field_name(where, "data"), "encode the bytes as standard padded base64 (RFC 4648)");
    out.payload.bytes = std::make_shared<const std::string>(std::move(*decoded));
  } else {
    auto file = file_source::open(*item.path, field_name(where, "path"));
    if (!file) return file.error();
    out.payload.file = std::move(*file);
  }

  out.content_type = item.content_type && !item.content_type->empty() ? std::move(*item.content_type)
                                                                      : guess_content_type(item.key);
  out.bucket = std::move(item.bucket);
  out.key = std::move(item.key);
  out.metadata = std::move(item.metadata);
  out.cache_control = std::move(item.cache_control);
  out.content_encoding = std::move(item.content_encoding);
  out.storage_class = std::move(item.storage_class);
  return out;
}

}  // namespace quiltup::upload
