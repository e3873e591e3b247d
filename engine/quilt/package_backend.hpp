#pragma once
// The one interface both package backends implement, and the plain structs they exchange:
//   direct_backend  (default) writes the manifest and the named_packages pointers itself, with
//                   the caller's S3 credentials, into any S3-compatible store;
//   catalog_backend (registry URL + JWT configured) asks the registry's GraphQL API.
// Requests reaching a backend are already checked and resolved by package_service (name parsed,
// one bucket, logical keys chosen, README uploaded, metadata cleaned), so a backend only does
// the package operation itself and both behave the same from the caller's side.
//
// Backends are used from the io executor only; requests are taken by value so nothing dangles
// across a suspension.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "quilt/json_value.hpp"
#include "quilt/manifest.hpp"
#include "quilt/package_name.hpp"
#include "quilt/physical_key.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::quilt {

// One file of a package to create. `size` and `hash` are filled when already known (objects
// quiltup uploaded, entries copied from an earlier revision); a backend finds what is missing
// (direct: HEAD + hashing GET; catalog: the registry does it).
struct entry_source {
  std::string logical_key;
  s3_location location;  // version_id set when pinned (given in the URI, or learnt by HEAD)
  std::optional<std::uint64_t> size;
  std::optional<entry_hash> hash;
  json_value meta;  // the full entry meta ({"user_meta": ...}); null → {}
};

struct create_request {
  package_name name;
  std::string bucket;                   // where the package lives: the files' bucket
  std::vector<entry_source> entries;    // unique logical keys, any order
  std::optional<std::string> message;   // the revision message: never "" (null when none)
  std::optional<json_value> user_meta;  // an object; absent stays absent (top hash differs)
  std::optional<std::string> workflow;  // catalog only: null = bucket default, "" = none
};

// A package entry as stored in a revision (browse, create answers).
struct entry_info {
  std::string logical_key;
  std::string physical_key;  // s3://bucket/key?versionId=...
  std::uint64_t size = 0;
  entry_hash hash;
  json_value meta;  // null when the revision has none
};

struct create_result {
  package_name name;
  std::string bucket;
  std::string top_hash;
  std::vector<entry_info> entries;  // in walk order, hashes and sizes as recorded
  std::string manifest_key;         // direct: ".quilt/packages/<top_hash>"; catalog: empty
  std::string pointer_key;          // direct: the timestamp pointer written; catalog: empty
  std::string modified;             // catalog: revision.modified; direct: the pointer's time, RFC 3339
  json_value revision;              // catalog: the revision object as returned; direct: null
};

struct browse_request {
  package_name name;
  std::string bucket;
  std::string top_hash;  // empty: the revision `latest` points to
  std::uint64_t offset = 0;
  std::uint64_t limit = 1000;  // entries per page: an MCP message must stay under 10 MiB
};

struct browse_result {
  package_name name;
  std::string bucket;
  std::string top_hash;
  std::optional<std::string> message;   // the header's message (null/absent → nullopt)
  std::optional<json_value> user_meta;  // the header's user_meta, exactly as stored
  json_value header;                    // the whole header, for callers that copy a revision
  std::uint64_t total_entries = 0;
  std::uint64_t total_bytes = 0;
  std::uint64_t offset = 0;
  std::vector<entry_info> entries;  // walk order, [offset, offset + limit)
  std::optional<std::uint64_t> next_offset;  // set when more entries follow
};

struct revision_info {
  std::string top_hash;
  std::int64_t unix_seconds = 0;  // direct: from the pointer key; catalog: parsed `modified`
  std::string pointer_key;        // direct: ".quilt/named_packages/<ns>/<name>/<ts>"; catalog: empty
};

struct revisions_request {
  package_name name;
  std::string bucket;
};

struct revisions_result {
  package_name name;
  std::string bucket;
  std::string latest;                    // top hash `latest` points to; empty when none
  std::vector<revision_info> revisions;  // newest first
};

struct delete_request {
  package_name name;
  std::string bucket;
  bool dry_run = false;  // preview only; checked before `confirm`
  bool confirm = false;  // package_service refuses a non-dry-run without it
  std::string reason;    // echoed, for the audit trail of whoever reads the answer
};

struct delete_result {
  package_name name;
  std::string bucket;
  std::string registry;  // "s3://<bucket>" (direct) or the registry URL (catalog)
  bool dry_run = false;
  bool deleted = false;
  std::vector<revision_info> revisions;  // what goes (dry run) or went
  std::vector<std::string> deleted_keys;  // direct: pointer objects removed (or to remove)
  std::string message;  // "Set confirm=True to delete this package" / "Package '<n>' deleted successfully"
};

class package_backend {
 public:
  virtual ~package_backend() = default;

  // "direct" or "catalog": reported in answers so users know which path wrote the revision.
  virtual std::string_view kind() const noexcept = 0;

  virtual awaitable<result<create_result>> create(create_request request) = 0;
  virtual awaitable<result<browse_result>> browse(browse_request request) = 0;
  // Removes every revision of the package (its pointers; manifests stay). With dry_run, lists
  // what would go and changes nothing. Assumes the caller checked `confirm`.
  virtual awaitable<result<delete_result>> delete_package(delete_request request) = 0;
  virtual awaitable<result<revisions_result>> list_revisions(revisions_request request) = 0;
};

}  // namespace quiltup::quilt
