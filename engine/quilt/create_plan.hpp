#pragma once
// `packaging create` as the user wrote it (create_params), checked and turned into what a
// backend receives (create_plan): name parsed, every file an s3:// URI in one bucket, logical
// keys chosen, metadata cleaned, the README's place decided. Pure logic, no I/O: the dry-run
// answer is this plan.
#include "core/error.hpp"
#include "quilt/json_value.hpp"
#include "quilt/package_backend.hpp"
#include "quilt/package_name.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::quilt {

// Files under `from` get logical keys under `to`: {"s3://b/raw/2024/", "data/"} maps
// s3://b/raw/2024/x/a.csv to data/x/a.csv. `from` may also be a bare key prefix ("raw/2024/").
// The longest matching `from` wins; files matching none fall back to the default rule.
struct prefix_mapping {
  std::string from;
  std::string to;
};

struct create_params {
  std::string name;                    // "namespace/name"
  std::string bucket;                  // README target; defaults to the files' bucket
  std::vector<std::string> files;      // s3://bucket/key[?versionId=...]
  bool auto_organize = false;          // logical key = the full S3 key instead of the file name
  std::vector<prefix_mapping> prefix_map;
  std::optional<std::string> description;  // the revision message; also copied into user_meta
  std::optional<std::string> readme;       // inline Markdown, uploaded as the package's README.md
  std::optional<json_value> metadata;      // an object (callers parse a JSON string first)
  bool dry_run = false;
};

// The README object the service uploads before constructing.
struct readme_upload {
  std::string bucket;
  std::string key;  // ".quilt/packages/<ns>/<name>/README.md"
  std::string text;
};

struct create_plan {
  create_request request;  // entries without size/hash yet (unless the caller knows them)
  std::optional<readme_upload> readme;
  std::vector<std::string> warnings;
};

inline constexpr std::string_view readme_logical_key = "README.md";

// The key under which `packaging create` and `enrich` put generated files of a package.
std::string package_asset_key(const package_name& name, std::string_view file_name);

// Errors, verbatim where quilt.md fixes the text:
//   "Package creation requires 'files' parameter"  (neither files nor readme)
//   "All files must live in the same S3 bucket to create a package"
//   a bad name, a non-s3:// URI, a duplicate or invalid logical key, metadata not an object.
result<create_plan> plan_create(create_params params);

// The logical key of `location` under the rules above.
std::string logical_key_for(const s3_location& location, bool auto_organize,
                            const std::vector<prefix_mapping>& prefix_map);

// quilt.md §4.2 step 2: `readme`/`readme_content` keys removed (with a warning each) and
// `description` copied in. nullopt stays nullopt unless a description is given.
result<std::optional<json_value>> clean_user_meta(std::optional<json_value> metadata,
                                                  const std::optional<std::string>& description,
                                                  std::vector<std::string>& warnings);

}  // namespace quiltup::quilt
