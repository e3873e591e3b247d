#pragma once
// One object to upload: where it goes (bucket, key) and exactly one source of bytes: inline
// `text` (with its encoding), base64 `data`, or a local `path` streamed from disk. check_item()
// turns it into a checked_item or an error naming the field at fault, so a bad item fails
// alone and the batch goes on.
#include "core/error.hpp"
#include "upload/file_source.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quiltup::upload {

using metadata_list = std::vector<std::pair<std::string, std::string>>;  // names without "x-amz-meta-"

struct upload_item {
  std::string bucket;  // empty: the uploader's default bucket
  std::string key;

  std::optional<std::string> text;
  std::string encoding;  // of `text`: "utf-8" (default), "ascii", "latin-1"
  std::optional<std::string> data;  // base64 (RFC 4648, padded)
  std::optional<std::filesystem::path> path;

  std::optional<std::string> content_type;  // guessed from the key's extension when absent
  metadata_list metadata;
  std::string cache_control;
  std::string content_encoding;
  std::string storage_class;

  // Set by a source that could not produce the item properly (an unreadable directory in a
  // walk): check_item reports it as this item's failure.
  std::optional<error> source_error;
};

// The bytes behind a checked item: in memory (text, data) or an open file.
struct item_payload {
  std::shared_ptr<const std::string> bytes;
  std::shared_ptr<file_source> file;

  std::uint64_t size() const noexcept { return file ? file->size() : bytes ? bytes->size() : 0; }
  bool in_memory() const noexcept { return !file; }
};

struct checked_item {
  std::string bucket;
  std::string key;
  std::string content_type;
  metadata_list metadata;
  std::string cache_control;
  std::string content_encoding;
  std::string storage_class;
  item_payload payload;
};

// `where` prefixes field names in errors ("items[3]" → "items[3].key"); empty → "key".
// Errors: "InvalidArgument" (empty or > 1,024-byte key, no bucket, no source or several,
// invalid base64, text not representable in its encoding, unknown encoding) and the
// file_source::open errors for `path` ("FileNotFound", "NotAFile", "AccessDenied").
result<checked_item> check_item(upload_item item, std::string_view where = {});

// The S3 key an item would get for the file at `relative` (generic '/' separators) under
// `prefix`: the directory walker's and the CLI's rule in one place.
std::string key_for(std::string_view prefix, const std::filesystem::path& relative);

}  // namespace quiltup::upload
