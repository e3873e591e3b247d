#include "quilt/visualization.hpp"

#include "quilt/access_hint.hpp"
#include "quilt/create_plan.hpp"
#include "quilt/entry_hash.hpp"
#include "quilt/physical_key.hpp"
#include "quilt/readme.hpp"
#include "upload/uploader.hpp"

#include <map>

namespace quiltup::quilt {
namespace {

awaitable<result<browse_result>> read_all_entries(package_backend& backend, package_name name, std::string bucket) {
  browse_request page{name, bucket, {}, 0, 1000};
  auto first = co_await backend.browse(page);
  if (!first) co_return first.error();
  browse_result all = std::move(*first);
  // Later pages are read from the same revision, even if `latest` moves meanwhile.
  page.top_hash = all.top_hash;
  while (all.next_offset) {
    page.offset = *all.next_offset;
    auto more = co_await backend.browse(page);
    if (!more) co_return more.error();
    for (auto& e : more->entries) all.entries.push_back(std::move(e));
    all.next_offset = more->next_offset;
  }
  co_return all;
}

awaitable<result<std::optional<std::string>>> read_existing_summary(s3::client& s3, const browse_result& revision) {
  for (const auto& e : revision.entries) {
    if (e.logical_key != summarize_logical_key) continue;
    auto loc = parse_physical_key(e.physical_key);
    if (!loc) co_return loc.error();
    // Named, not braced, inside co_await: GCC 12 destroys a braced temporary there twice.
    s3::get_object_request get{loc->bucket, loc->key, loc->version_id.value_or(""), {}, false};
    auto got = co_await s3.get_object(std::move(get));
    if (!got) co_return point_to_permissions(got.error(), loc->bucket);
    co_return std::optional<std::string>(std::move(got->body));
  }
  co_return std::optional<std::string>();
}

}  // namespace

std::string enrich_message(const package_name& name) { return "Added visualization metadata for " + name.str(); }

awaitable<result<enrich_result>> enrich(package_backend& backend, upload::uploader& uploader, s3::client& s3,
                                        enrich_params params, known_objects* known) {
  auto name = parse_package_name(params.name);
  if (!name) co_return name.error();
  std::string bucket = params.bucket;
  if (bucket.starts_with("s3://")) bucket.erase(0, 5);
  while (!bucket.empty() && bucket.back() == '/') bucket.pop_back();
  if (bucket.empty())
    co_return make_error("InvalidArgument", "package_visualization enrich needs the package's 'bucket'", "bucket",
                         "pass \"bucket\": \"my-team-bucket\"");

  auto revision = co_await read_all_entries(backend, *name, bucket);
  if (!revision) co_return revision.error();
  auto existing = co_await read_existing_summary(s3, *revision);
  if (!existing) co_return existing.error();

  std::vector<summarize_file> files;
  for (const auto& e : revision->entries) files.push_back({e.logical_key, e.size});
  auto sum = build_summary(files, *existing, params.summary);

  enrich_result out;
  out.name = *name;
  out.bucket = bucket;
  out.previous_top_hash = revision->top_hash;
  out.dashboards_added = sum.dashboards;
  out.table_visualizations = sum.table_previews;
  out.json_previews = sum.json_previews;
  out.kept_rows = sum.kept_rows;
  out.warnings = sum.warnings;

  struct generated {
    std::string logical_key;
    std::string key;
    std::string text;
    std::string content_type;
  };
  std::vector<generated> assets;
  out.summary_key = package_asset_key(*name, summarize_logical_key);
  assets.push_back({std::string(summarize_logical_key), out.summary_key, summary_text(sum), "application/json"});
  if (!has_readme(files)) {
    files.push_back({std::string(summarize_logical_key), 0});  // so the README mentions it
    readme_input in{*name, bucket, files, revision->message, revision->user_meta};
    out.readme_key = package_asset_key(*name, readme_logical_key);
    out.readme_created = true;
    assets.push_back({std::string(readme_logical_key), out.readme_key, generate_readme(in), "text/markdown"});
  }

  // Every existing entry is kept as recorded; the generated files replace same logical keys.
  std::map<std::string, entry_source> entries;
  for (auto& e : revision->entries) {
    auto loc = parse_physical_key(e.physical_key);
    if (!loc) co_return loc.error();
    entries[e.logical_key] = entry_source{e.logical_key, std::move(*loc), e.size, e.hash, e.meta};
  }
  for (auto& a : assets) {
    upload::upload_item item;
    item.bucket = bucket;
    item.key = a.key;
    item.text = a.text;
    item.content_type = a.content_type;
    auto uploaded = co_await uploader.put(std::move(item));
    if (!uploaded.ok()) {
      auto e = *uploaded.error;
      e.message = "uploading " + a.logical_key + " to s3://" + bucket + "/" + a.key + " failed: " + e.message;
      co_return point_to_permissions(std::move(e), bucket);
    }
    s3_location loc{bucket, a.key, std::nullopt};
    if (!uploaded.version_id.empty()) loc.version_id = uploaded.version_id;
    entry_hash hash{std::string(chunked_hash_type), quilt_hash_of(a.text)};
    if (known) known->remember(bucket, a.key, known_object{uploaded.size, hash, uploaded.version_id, uploaded.etag});
    json_value meta = entries.count(a.logical_key) ? entries[a.logical_key].meta : json_value();
    entries[a.logical_key] = entry_source{a.logical_key, std::move(loc), uploaded.size, std::move(hash), std::move(meta)};
    out.uploads.push_back(std::move(uploaded));
  }

  create_request request;
  request.name = *name;
  request.bucket = bucket;
  request.message = enrich_message(*name);
  request.user_meta = revision->user_meta;
  for (auto& [key, e] : entries) request.entries.push_back(std::move(e));
  auto created = co_await backend.create(std::move(request));
  if (!created) co_return point_to_permissions(created.error(), bucket);
  out.revision = std::move(*created);
  out.message = "Package visualization assets generated successfully.";
  co_return out;
}

}  // namespace quiltup::quilt
