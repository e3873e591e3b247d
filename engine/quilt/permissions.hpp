#pragma once
// `permissions discover` with S3 probes (quilt.md §5, source 2 and 3), run with the caller's
// credentials, per bucket:
//   list  = ListObjectsV2 max-keys 1
//   read  = HeadObject on a random missing key: 404 (or 200) means allowed, 403 denied. Without
//           s3:ListBucket S3 answers 403 even for a missing key, so read can understate.
//   write = CreateMultipartUpload on a probe key, aborted at once: proves s3:PutObject and
//           leaves no object or version behind.
// The catalog's GraphQL view (source 1) is the catalog backend's business, not this file's.
//
// Used from the s3 client's executor only.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "s3/client.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quiltup::quilt {

struct permission_probe {
  std::string operation;  // "ListObjectsV2", "HeadObject", "CreateMultipartUpload", "AbortMultipartUpload"
  std::string outcome;    // "allowed", "denied", "error", "skipped"
  std::string code;       // the S3 code when not allowed ("AccessDenied", "NoSuchBucket", ...)
  std::string message;
};

struct bucket_permissions {
  std::string name;
  bool accessible = false;  // anything at all worked
  bool list = false;
  bool read_access = false;
  std::optional<bool> write_access;  // nullopt when the write probe was not run
  // "full_access", "read_write", "read_only", "list_only", "write_only", "no_access"
  std::string permission_level;
  std::string determined_by = "s3_probes";
  std::vector<permission_probe> probes;
  std::vector<std::string> notes;  // caveats, e.g. a probe upload whose abort failed
};

struct permissions_options {
  bool probe_write = true;
  std::string probe_prefix = ".quilt/quiltup-permission-probe/";
};

// Never fails as a whole: a probe that errs is reported in `probes`, counted as not allowed.
awaitable<bucket_permissions> discover_bucket(s3::client& s3, std::string bucket, permissions_options options = {});
// The buckets one after another (a handful of requests each); order kept.
awaitable<std::vector<bucket_permissions>> discover_permissions(s3::client& s3, std::vector<std::string> buckets,
                                                                permissions_options options = {});

std::string permission_level(bool list, bool read, std::optional<bool> write);

}  // namespace quiltup::quilt
