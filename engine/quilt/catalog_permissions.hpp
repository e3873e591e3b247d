#pragma once
// The catalog's view of what a user may do (shared/spec/quilt.md §5, source 1): no AWS calls,
// only `me` and the buckets the registry shows the caller's role with their per-user shares.
//   - a bucket the registry returns is accessible and readable;
//   - a collaborator entry for the user's email upgrades it: READ_WRITE → write_access;
//   - a requested bucket the registry does not return → no_access.
// Current stacks answer `buckets`; stacks from before quilt PR #4839 (schema-2025-10-08) only
// know `bucketConfigs`, which is tried when `buckets` fails. `collaborators` lists per-user
// shares, not role policies, so write_access can understate the truth: the S3 probes are the
// ground truth, and the permissions tool reports both.
#include "quilt/catalog_client.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quiltup::quilt {

struct catalog_user {
  std::string name;
  std::string email;
  bool is_admin = false;
  std::string role;
  std::vector<std::string> roles;
};

struct catalog_bucket_access {
  std::string name;
  std::string title;
  std::string description;
  bool browsable = false;
  std::optional<std::string> last_indexed;  // bucketConfigs only
  bool accessible = false;
  bool read_access = false;
  bool write_access = false;
  std::string permission_level;  // "read_write" | "read_only" | "no_access"
};

struct catalog_permissions {
  std::string registry_url;
  catalog_user user;
  std::string answered_by;  // "buckets" or "bucketConfigs": which query the stack knows
  // The requested buckets in request order; every bucket the registry returned when none were asked.
  std::vector<catalog_bucket_access> buckets;
};

// Errors: the catalog_client's ("GraphQL permissions query failed: ..."), or code NoUserData
// "No user data returned from catalog" when `me` is null (an anonymous or service token).
awaitable<result<catalog_permissions>> discover_catalog_permissions(catalog_client& client,
                                                                    std::vector<std::string> check_buckets);

}  // namespace quiltup::quilt
