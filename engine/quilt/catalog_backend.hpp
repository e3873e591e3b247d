#pragma once
// package_backend over a Quilt registry's GraphQL API (shared/spec/quilt.md §4): the registry
// writes manifests and pointers with the user's role, as the catalog UI does.
//   create  → packageConstruct; each member of PackageConstructResult maps to one outcome:
//             PackagePushSuccess → create_result (top hash = revision.hash)
//             InvalidInput       → error InvalidInput, "Invalid input: <path>: <message>; ..."
//             OperationError     → error <name> (e.g. TooManyFilesToHash),
//                                  "Operation failed: <message> (context: {...})"
//             HTTP / GraphQL failures → "GraphQL package creation failed: <status> ..." (catalog_client)
//   browse  → package{revision{contentsFlatMap}}; when the map is null (more than 1,000 entries)
//             the manifest is read from S3 by `manifest_reader` (the direct backend), if given.
//   delete  → packageRevisionDelete for every revision hash (there is no packageDelete).
//   list_revisions → package{revisions{page}}, 100 per page.
//
// Used from the io executor only; the http client and manifest_reader must outlive it.
#include "quilt/catalog_client.hpp"
#include "quilt/package_backend.hpp"

namespace quiltup::quilt {

class catalog_backend final : public package_backend {
 public:
  catalog_backend(http::client& http, catalog_endpoint endpoint, package_backend* manifest_reader = nullptr)
      : client_(http, std::move(endpoint)), manifest_reader_(manifest_reader) {}

  std::string_view kind() const noexcept override { return "catalog"; }

  awaitable<result<create_result>> create(create_request request) override;
  awaitable<result<browse_result>> browse(browse_request request) override;
  awaitable<result<delete_result>> delete_package(delete_request request) override;
  awaitable<result<revisions_result>> list_revisions(revisions_request request) override;

  catalog_client& client() noexcept { return client_; }

 private:
  catalog_client client_;
  package_backend* manifest_reader_;
};

// The GraphQL variables packageConstruct gets for `request`: entries sorted by logical key, with
// hash and size only when known, the full entry meta ({} for none), message null when absent.
json_value package_construct_variables(const create_request& request);

// contentsFlatMap ({"<logical key>": {"physicalKey", "size", "hash", "meta"}}) as entries in
// walk order. The hash may be an object {"type", "value"} or a bare string.
result<std::vector<entry_info>> entries_from_flat_map(const json_value& flat_map);

}  // namespace quiltup::quilt
