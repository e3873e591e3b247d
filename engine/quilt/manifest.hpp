#pragma once
// A Quilt package manifest (JSONL): the header line, directory-meta lines and one line per file.
// Reading accepts what quilt3 and quilt-rs write (any key order and spacing, `meta` missing or
// null, a legacy `top_hash` header key, which is dropped). Writing follows quilt3:
// JSONEncoder(ensure_ascii=False) lines, header first, then directory meta, then the files in
// walk order, each line ending in '\n'.
#include "core/error.hpp"
#include "quilt/json_value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::quilt {

struct entry_hash {
  std::string type;   // "sha2-256-chunked", or legacy "SHA256", "CRC64NVME"
  std::string value;
  bool operator==(const entry_hash&) const = default;
};

struct manifest_entry {
  std::string logical_key;   // "a/b.csv"
  std::string physical_key;  // "s3://bucket/a/b.csv?versionId=v" (physical_key.hpp formats it)
  std::uint64_t size = 0;
  entry_hash hash;
  json_value meta;           // the full entry meta ({"user_meta": ...}); null when absent
  bool operator==(const manifest_entry&) const = default;
};

struct directory_meta {
  std::string logical_key;  // ends in '/'
  json_value meta;
  bool operator==(const directory_meta&) const = default;
};

struct manifest {
  json_value header = json_value(json_object{{"version", json_value("v0")}});
  std::vector<directory_meta> directories;
  std::vector<manifest_entry> entries;  // any order; hashing and writing use walk order
};

// The header quilt3 writes for a push: version, message (null when none, never ""), and
// user_meta when given (an object; absent, null and {} hash differently, so absent stays absent).
json_value make_header(const std::optional<std::string>& message, const std::optional<json_value>& user_meta);

// quilt3's walk order: logical keys compared as tuples of '/'-separated components, so "a/b"
// comes before "a-c" (directory "a" < file "a-c") although '-' < '/' as characters.
bool walk_order_less(std::string_view a, std::string_view b);

// Logical keys must not be empty or contain empty, "." or ".." components (quilt3 validate_key).
result<void> validate_logical_key(std::string_view key);

// One record (a parsed line) as a manifest entry or directory-meta line; `line` numbers errors.
result<void> add_manifest_record(manifest& m, const json_value& record, std::size_t line);

result<manifest> parse_manifest(std::string_view jsonl);
std::string write_manifest(const manifest& m);

}  // namespace quiltup::quilt
