#pragma once
// bucket_objects_put in plain C++: the validated request the tool hands to the upload engine,
// and the batch outcome it turns back into JSON. No JSON and no MCP types in here, so the
// engine side can be written and tested without either.
#include "core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace quiltup::mcp::tools {

// Where an item's bytes come from. Inline content is kept as the client sent it (UTF-8 text,
// or base64 already checked to be canonical) and decoded once, by the engine, as it uploads.
enum class put_source { text, data, path };

struct put_item {
  std::string key;
  put_source source = put_source::text;
  std::string content;                       // the text, or the base64 of a data item
  std::optional<std::filesystem::path> path; // a path item: canonical, inside an allowed root
  std::uint64_t size = 0;                    // bytes the object will have
  std::string content_type;                  // empty: let S3 pick its default
  std::vector<std::pair<std::string, std::string>> metadata;  // x-amz-meta-<name>: <value>
};

struct put_options {
  std::optional<int> concurrency;          // objects in flight at once
  std::optional<std::string> checksum;     // "CRC32C", "CRC32", "CRC64NVME", "SHA1", "SHA256"
  std::optional<std::uint64_t> part_size;  // multipart part size in bytes
};

struct put_request {
  std::string bucket;
  std::vector<put_item> items;
  put_options options;
  std::size_t max_results = 1000;  // per-item rows in the answer; the totals cover every item
};

struct put_checksum {
  std::string algorithm;  // "CRC32C", ...
  std::string value;      // base64, as S3 reports it
};

struct put_item_result {
  std::string key;
  std::uint64_t size = 0;
  std::string etag;  // without the quotes
  std::optional<std::string> version_id;  // null on an unversioned bucket
  std::optional<put_checksum> checksum;
  std::optional<quiltup::error> error;    // set when this item failed
};

struct credential_attempt {
  std::string provider;  // "catalog", "environment", "profile", ...
  std::string outcome;   // "ok", "skipped" (not configured) or "failed"
  std::string detail;    // why it declined or failed (redacted); empty when there is nothing to say
};

struct credential_report {
  std::string source;  // the provider that served, empty when none did
  std::vector<credential_attempt> attempts;
};

struct put_batch_result {
  std::vector<put_item_result> results;  // one per item, in request order
  std::uint64_t bytes = 0;               // bytes of the objects that were uploaded
  double seconds = 0;
  credential_report credentials;
  // Set when nothing was attempted: no credentials, no such bucket, access denied to all.
  std::optional<quiltup::error> fatal;
};

struct put_progress {
  std::size_t objects_done = 0;
  std::size_t objects_total = 0;
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
};

using put_progress_callback = std::function<void(const put_progress&)>;

}  // namespace quiltup::mcp::tools
