#include "quilt/package_service.hpp"

#include "quilt/access_hint.hpp"
#include "quilt/entry_hash.hpp"
#include "upload/uploader.hpp"

namespace quiltup::quilt {
namespace {

std::string bare_bucket(std::string bucket) {
  if (bucket.starts_with("s3://")) bucket.erase(0, 5);
  while (!bucket.empty() && bucket.back() == '/') bucket.pop_back();
  return bucket;
}

result<std::string> required_bucket(const std::string& bucket, std::string_view action) {
  auto b = bare_bucket(bucket);
  if (b.empty())
    return make_error("InvalidArgument", "Bucket parameter required for package " + std::string(action), "bucket",
                      "pass the package's bucket, e.g. \"bucket\": \"my-team-bucket\"");
  return result<std::string>(boost::system::in_place_value, std::move(b));
}

}  // namespace

backend_kind choose_backend(const catalog_settings& catalog) noexcept {
  return catalog.configured() ? backend_kind::catalog : backend_kind::direct;
}

error confirm_required_error(const delete_params& params) {
  return make_error("ConfirmRequired", "Package deletion requires confirm=True", "confirm",
                    "Call packaging(action='delete', params={'name': '" +
                        (params.name.empty() ? std::string("namespace/package") : params.name) + "', 'bucket': '" +
                        (params.bucket.empty() ? std::string("my-bucket") : bare_bucket(params.bucket)) +
                        "', 'confirm': True}); preview first with 'dry_run': True");
}

package_service::package_service(package_backend& backend, upload::uploader& uploader, known_objects* known)
    : backend_(backend), uploader_(uploader), known_(known) {}

awaitable<result<create_outcome>> package_service::create(create_params params) {
  bool dry_run = params.dry_run;
  auto plan = plan_create(std::move(params));
  if (!plan) co_return plan.error();

  create_outcome out;
  out.dry_run = dry_run;
  out.backend = std::string(backend_.kind());
  out.warnings = plan->warnings;
  if (dry_run) {
    out.plan = std::move(*plan);
    co_return out;
  }

  if (plan->readme) {
    upload::upload_item item;
    item.bucket = plan->readme->bucket;
    item.key = plan->readme->key;
    item.text = plan->readme->text;
    item.content_type = "text/markdown";
    auto uploaded = co_await uploader_.put(std::move(item));
    if (!uploaded.ok()) {
      auto e = *uploaded.error;
      e.message = "uploading the README to s3://" + plan->readme->bucket + "/" + plan->readme->key + " failed: " + e.message;
      co_return point_to_permissions(std::move(e), plan->readme->bucket);
    }
    // We hold the bytes: their hash costs nothing and spares the backend a read.
    auto& readme_entry = plan->request.entries.back();
    readme_entry.size = uploaded.size;
    readme_entry.hash = entry_hash{std::string(chunked_hash_type), quilt_hash_of(plan->readme->text)};
    if (!uploaded.version_id.empty()) readme_entry.location.version_id = uploaded.version_id;
    if (known_)
      known_->remember(uploaded.bucket, uploaded.key,
                       known_object{uploaded.size, *readme_entry.hash, uploaded.version_id, uploaded.etag});
    out.readme = std::move(uploaded);
  }

  // Hashes this process already knows: the catalog backend sends them too (no hash job).
  if (known_) {
    for (auto& e : plan->request.entries) {
      if (e.hash || !e.location.version_id) continue;
      if (auto found = known_->find(e.location)) {
        e.size = found->size;
        e.hash = found->hash;
      }
    }
  }

  auto created = co_await backend_.create(plan->request);
  if (!created) co_return point_to_permissions(created.error(), plan->request.bucket);
  out.plan = std::move(*plan);
  out.created = std::move(*created);
  co_return out;
}

awaitable<result<browse_result>> package_service::browse(browse_params params) {
  auto name = parse_package_name(params.name);
  if (!name) co_return name.error();
  auto bucket = required_bucket(params.bucket, "browsing");
  if (!bucket) co_return bucket.error();
  // Named, not braced, inside co_await: GCC 12 destroys a braced temporary there twice.
  browse_request request{*name, *bucket, params.top_hash, params.offset, params.limit};
  co_return co_await backend_.browse(std::move(request));
}

awaitable<result<delete_result>> package_service::delete_package(delete_params params) {
  auto name = parse_package_name(params.name);
  if (!name) co_return name.error();
  auto bucket = required_bucket(params.bucket, "deletion");
  if (!bucket) co_return bucket.error();
  if (!params.dry_run && !params.confirm) co_return confirm_required_error(params);
  delete_request request{*name, *bucket, params.dry_run, params.confirm, params.reason};
  co_return co_await backend_.delete_package(std::move(request));
}

awaitable<result<revisions_result>> package_service::list_revisions(revisions_params params) {
  auto name = parse_package_name(params.name);
  if (!name) co_return name.error();
  auto bucket = required_bucket(params.bucket, "revisions");
  if (!bucket) co_return bucket.error();
  revisions_request request{*name, *bucket};
  co_return co_await backend_.list_revisions(std::move(request));
}

}  // namespace quiltup::quilt
