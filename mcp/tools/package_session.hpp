#pragma once
// The engine objects one packaging / permissions / package_visualization call needs, built in
// one place on the shared engine_session: an S3 client, an uploader that takes Quilt hashes
// while streaming, the direct backend, the catalog backend when a registry URL and a JWT are
// configured, and the package_service over whichever backend applies.
//
// open() fetches credentials first: without them nothing can be done, and the caller answers
// with isError and the report of what each credential source said.
//
// Used from the io executor only; lives for one tool call.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "credentials/credential_report.hpp"
#include "quilt/catalog_backend.hpp"
#include "quilt/direct_backend.hpp"
#include "quilt/known_objects.hpp"
#include "quilt/package_service.hpp"
#include "s3/client.hpp"
#include "upload/uploader.hpp"

#include <memory>
#include <optional>

namespace quiltup::mcp {
class engine_session;
}

namespace quiltup::mcp::tools {

class package_session {
 public:
  struct opened;

  // `engine` null: a build without the engine connection; an error naming the fix.
  static awaitable<opened> open(engine_session* engine);

  package_session(const package_session&) = delete;
  package_session& operator=(const package_session&) = delete;

  quilt::package_service& service() noexcept { return service_; }
  quilt::package_backend& backend() noexcept { return service_.backend(); }
  quilt::direct_backend& direct() noexcept { return direct_; }
  // null when no catalog is configured (the direct backend serves).
  quilt::catalog_client* catalog() noexcept { return catalog_ ? &catalog_->client() : nullptr; }
  s3::client& s3() noexcept { return *s3_; }
  upload::uploader& uploader() noexcept { return uploader_; }
  quilt::known_objects& known() noexcept { return known_; }
  const credentials::credential_report& credentials() const noexcept { return report_; }

  package_session(std::unique_ptr<s3::client> s3, std::optional<quilt::catalog_endpoint> catalog,
                  engine_session& engine, credentials::credential_report report);

 private:
  std::unique_ptr<s3::client> s3_;
  quilt::known_objects known_;
  upload::uploader uploader_;
  quilt::direct_backend direct_;
  std::unique_ptr<quilt::catalog_backend> catalog_;
  quilt::package_service service_;
  credentials::credential_report report_;
};

// Either a ready session, or why none could be built (with the credential report, when the
// credentials were what failed).
struct package_session::opened {
  std::unique_ptr<package_session> session;
  std::optional<quiltup::error> error;
  credentials::credential_report report;
};

}  // namespace quiltup::mcp::tools
