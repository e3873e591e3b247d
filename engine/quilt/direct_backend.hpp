#pragma once
// The registry-less backend: quiltup writes the quilt3 layout itself with the caller's S3
// credentials, so packages work against any S3-compatible store (quilt.md §7, §9).
//   create  resolve entries (entry_resolver) → manifest (header + walk-ordered entries)
//           → PUT .quilt/packages/<top_hash> → PUT the timestamp pointer → PUT latest
//   browse  latest (or a given hash) → manifest → one page of entries
//   delete  removes every pointer under .quilt/named_packages/<ns>/<name>/ (manifests stay)
//
// Used from the s3 client's executor only; the client (and `known`) must outlive the backend.
#include "quilt/entry_resolver.hpp"
#include "quilt/known_objects.hpp"
#include "quilt/manifest.hpp"
#include "quilt/package_backend.hpp"
#include "s3/client.hpp"

#include <cstdint>
#include <functional>

namespace quiltup::quilt {

struct direct_backend_options {
  resolve_options resolve;
  // Seconds since the epoch for the timestamp pointer; replaceable so tests can pin it.
  std::function<std::int64_t()> clock;
};

class direct_backend final : public package_backend {
 public:
  explicit direct_backend(s3::client& s3, const known_objects* known = nullptr, direct_backend_options options = {});

  std::string_view kind() const noexcept override { return "direct"; }
  awaitable<result<create_result>> create(create_request request) override;
  awaitable<result<browse_result>> browse(browse_request request) override;
  awaitable<result<delete_result>> delete_package(delete_request request) override;
  awaitable<result<revisions_result>> list_revisions(revisions_request request) override;

  // The manifest of a revision (empty top_hash: latest), parsed: for enrich and verification.
  awaitable<result<manifest>> read_manifest(package_name name, std::string bucket, std::string top_hash);
  // The top hash a pointer object holds; error "NoSuchPackage" when it does not exist.
  awaitable<result<std::string>> read_pointer(std::string bucket, std::string key);

  const resolve_stats& last_resolve_stats() const noexcept { return last_stats_; }

 private:
  awaitable<result<std::string>> resolve_top_hash(const package_name& name, const std::string& bucket,
                                                  const std::string& top_hash);
  awaitable<result<void>> put_text(std::string bucket, std::string key, std::string body, std::string content_type);

  s3::client& s3_;
  const known_objects* known_;
  direct_backend_options options_;
  resolve_stats last_stats_;
};

// "2024-05-01T12:00:00Z" for a unix time: the `modified` of a direct revision.
std::string rfc3339_utc(std::int64_t unix_seconds);

}  // namespace quiltup::quilt
