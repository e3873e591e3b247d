#include "tools/package_session.hpp"

#include "credentials/environment.hpp"
#include "engine_session.hpp"

namespace quiltup::mcp::tools {

namespace {

// SHA-256 with Quilt-sized parts: S3's checksum of every object this call uploads (README,
// quilt_summarize.json) is already its sha2-256-chunked hash, so nothing is read back.
upload::upload_options quilt_upload_options() {
  upload::upload_options o;
  o.checksum = crypto::checksum_algorithm::sha256;
  o.quilt_aligned = true;
  return o;
}

}  // namespace

package_session::package_session(std::unique_ptr<s3::client> s3, std::optional<quilt::catalog_endpoint> catalog,
                                 engine_session& engine, credentials::credential_report report)
    : s3_(std::move(s3)),
      uploader_(*s3_, quilt_upload_options()),
      direct_(*s3_, &known_),
      // The direct backend reads manifests the registry's contentsFlatMap leaves out (> 1,000 entries).
      catalog_(catalog ? std::make_unique<quilt::catalog_backend>(engine.http(), std::move(*catalog), &direct_) : nullptr),
      service_(catalog_ ? static_cast<quilt::package_backend&>(*catalog_) : direct_, uploader_, &known_),
      report_(std::move(report)) {}

awaitable<package_session::opened> package_session::open(engine_session* engine) {
  opened out;
  if (!engine) {
    out.error = make_error("EngineUnavailable", "this quiltup-mcp has no engine connection", "",
                           "start quiltup-mcp through its main(), which connects the engine");
    co_return out;
  }
  if (auto ok = upload::check_options(quilt_upload_options()); !ok) {
    out.error = ok.error();
    co_return out;
  }
  auto s3 = engine->make_s3_client();
  if (!s3) {
    out.error = s3.error();
    co_return out;
  }
  // Keys first: every action needs them (the catalog backend too, for README uploads and
  // the manifests it reads), and the answer says what each source said.
  auto keys = co_await engine->credentials().fetch();
  out.report = engine->credentials().report();
  if (!keys) {
    out.error = keys.error();
    co_return out;
  }
  auto catalog = quilt::catalog_endpoint_from_environment(engine->http(), credentials::process_environment());
  out.session = std::make_unique<package_session>(std::move(*s3), std::move(catalog), *engine, out.report);
  co_return out;
}

}  // namespace quiltup::mcp::tools
