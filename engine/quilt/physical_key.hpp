#pragma once
// Physical keys as quilt3 writes them (util.PhysicalKey.__str__):
//   s3://<bucket>/<key quoted, '/' kept>?versionId=<urlencoded>
// and back (util.PhysicalKey.from_url), so a manifest written here reads the same in quilt3.
#include "core/error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace quiltup::quilt {

struct s3_location {
  std::string bucket;
  std::string key;
  std::optional<std::string> version_id;
  bool operator==(const s3_location&) const = default;
};

std::string format_physical_key(const s3_location& loc);

// Accepts only s3:// URLs with a bucket, a key and at most a versionId query parameter.
result<s3_location> parse_physical_key(std::string_view url);

}  // namespace quiltup::quilt
