#pragma once
// The GraphQL documents quiltup sends to a Quilt registry (shared/spec/quilt.md §4-§5). Each one
// validates against both shared schemas (graphql/schema.graphql and schema-2025-10-08.graphql),
// except `buckets_query`, which only current stacks know: older ones fail it in validation, and
// callers then fall back to `bucket_configs_query`. The registry stand-in in
// tests/quilt_registry_standin validates every document it receives against the schemas, so a
// typo here fails the tests rather than a user's call.
#include <string_view>

namespace quiltup::quilt::graphql {

// packaging create. Variables: $params {bucket, name, message (null, never ""), userMeta,
// workflow}, $src {entries: [{logicalKey, physicalKey, hash?, size?, meta}]}.
// __typename tells which member of PackageConstructResult answered.
inline constexpr std::string_view package_construct = R"graphql(mutation PackageConstruct($params: PackagePushParams!, $src: PackageConstructSource!) {
  packageConstruct(params: $params, src: $src) {
    __typename
    ... on PackagePushSuccess { package { bucket name } revision { hash modified message metadata userMeta totalEntries totalBytes } }
    ... on InvalidInput { errors { path message name context } }
    ... on OperationError { message name context }
  }
})graphql";

// packaging delete, once per revision hash: there is no packageDelete.
inline constexpr std::string_view package_revision_delete = R"graphql(mutation PackageRevisionDelete($bucket: String!, $name: String!, $hash: String!) {
  packageRevisionDelete(bucket: $bucket, name: $name, hash: $hash) {
    __typename
    ... on OperationError { message name context }
  }
})graphql";

// The revision hashes of a package, newest first, one page at a time ($perPage ≤ 100), and the
// one `latest` points to. `package` is null when the package does not exist.
inline constexpr std::string_view package_revisions = R"graphql(query PackageRevisions($bucket: String!, $name: String!, $page: Int!, $perPage: Int!) {
  package(bucket: $bucket, name: $name) {
    bucket
    name
    latest: revision(hashOrTag: "latest") { hash }
    revisions { total page(number: $page, perPage: $perPage) { hash modified message } }
  }
})graphql";

// packaging browse and enrich. `metadata` is the whole manifest header. contentsFlatMap is a JSON object keyed by logical key, or null
// when the revision has more than $max entries: then the manifest is read from S3 instead.
inline constexpr std::string_view package_browse = R"graphql(query PackageBrowse($bucket: String!, $name: String!, $hashOrTag: String!, $max: Int!) {
  package(bucket: $bucket, name: $name) {
    bucket
    name
    revision(hashOrTag: $hashOrTag) { hash modified message metadata userMeta totalEntries totalBytes contentsFlatMap(max: $max) }
  }
})graphql";

// permissions discover: who the token belongs to. `me` is null for an anonymous token.
inline constexpr std::string_view me = R"graphql(query Me {
  me { name email isAdmin role { name } roles { name } }
})graphql";

// permissions discover on current stacks (quilt PR #4839): role-scoped buckets with their
// per-user shares.
inline constexpr std::string_view buckets_query = R"graphql(query Buckets {
  buckets { name title description browsable collaborators { collaborator { email username } permissionLevel } }
})graphql";

// permissions discover on stacks from before #4839 (schema-2025-10-08): collaborators were on
// BucketConfig.
inline constexpr std::string_view bucket_configs_query = R"graphql(query BucketConfigs {
  bucketConfigs { name title description browsable lastIndexed collaborators { collaborator { email username } permissionLevel } }
})graphql";

}  // namespace quiltup::quilt::graphql
