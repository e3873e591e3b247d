#include "quilt/create_plan.hpp"

#include "quilt/manifest.hpp"
#include "quilt/physical_key.hpp"

#include <set>

namespace quiltup::quilt {
namespace {

std::string file_name_of(std::string_view key) {
  auto slash = key.find_last_of('/');
  return std::string(slash == std::string_view::npos ? key : key.substr(slash + 1));
}

// The part of `location` a mapping's `from` is compared with: "s3://b/k" forms compare the
// whole URI without version, bare forms the key alone.
std::string mapping_subject(const s3_location& location, std::string_view from) {
  if (from.starts_with("s3://")) return "s3://" + location.bucket + "/" + location.key;
  return location.key;
}

}  // namespace

std::string package_asset_key(const package_name& name, std::string_view file_name) {
  return ".quilt/packages/" + name.ns + "/" + name.name + "/" + std::string(file_name);
}

std::string logical_key_for(const s3_location& location, bool auto_organize,
                            const std::vector<prefix_mapping>& prefix_map) {
  const prefix_mapping* best = nullptr;
  for (const auto& m : prefix_map) {
    if (m.from.empty()) continue;
    if (!mapping_subject(location, m.from).starts_with(m.from)) continue;
    if (!best || m.from.size() > best->from.size()) best = &m;
  }
  if (best) {
    auto rest = mapping_subject(location, best->from).substr(best->from.size());
    std::string to = best->to;
    if (!to.empty() && to.back() != '/' && !rest.empty() && rest.front() != '/') to += '/';
    auto key = to + rest;
    while (key.starts_with('/')) key.erase(0, 1);
    return key;
  }
  return auto_organize ? location.key : file_name_of(location.key);
}

result<std::optional<json_value>> clean_user_meta(std::optional<json_value> metadata,
                                                  const std::optional<std::string>& description,
                                                  std::vector<std::string>& warnings) {
  if (metadata && metadata->is_null()) metadata.reset();
  if (metadata && !metadata->as_object())
    return make_error("InvalidArgument", "metadata must be a JSON object, e.g. {\"author\": \"Jane\"}", "metadata",
                      "pass an object (or a JSON string that parses to one)");
  for (const char* key : {"readme", "readme_content"}) {
    if (metadata && metadata->erase(key))
      warnings.push_back(std::string("metadata key '") + key +
                         "' was removed: pass README text as the 'readme' parameter, not as metadata");
  }
  if (description && !description->empty()) {
    if (!metadata) metadata = json_value::empty_object();
    metadata->set("description", json_value(*description));
  }
  return metadata;
}

result<create_plan> plan_create(create_params params) {
  create_plan plan;
  auto name = parse_package_name(params.name);
  if (!name) return name.error();
  plan.request.name = *name;

  bool has_readme = params.readme && !params.readme->empty();
  if (params.files.empty() && !has_readme)
    return make_error("InvalidArgument", "Package creation requires 'files' parameter", "files",
                      "supply existing S3 object URIs in 'files' (s3://bucket/key), or a 'readme' value (and "
                      "'bucket') so the README is uploaded for you");

  std::vector<s3_location> locations;
  for (std::size_t i = 0; i < params.files.size(); ++i) {
    auto loc = parse_physical_key(params.files[i]);
    if (!loc) {
      auto e = loc.error();
      e.field = "files[" + std::to_string(i) + "]";
      return e;
    }
    locations.push_back(std::move(*loc));
  }

  // The README goes to `bucket`, else the first file's bucket (quilt.md §4.2 step 3).
  std::string bucket = !params.bucket.empty() ? params.bucket : !locations.empty() ? locations.front().bucket : "";
  if (bucket.empty())
    return make_error("InvalidArgument", "packaging create needs a 'bucket' to upload the README to", "bucket",
                      "pass 'bucket' (the package's bucket), e.g. \"bucket\": \"my-team-bucket\"");
  if (bucket.starts_with("s3://")) bucket = bucket.substr(5);
  while (!bucket.empty() && bucket.back() == '/') bucket.pop_back();

  if (has_readme) {
    plan.readme = readme_upload{bucket, package_asset_key(*name, readme_logical_key), *params.readme};
    locations.push_back(s3_location{bucket, plan.readme->key, std::nullopt});
  }

  for (const auto& loc : locations) {
    if (loc.bucket != locations.front().bucket)
      return make_error("InvalidArgument", "All files must live in the same S3 bucket to create a package", "files",
                        "found s3://" + locations.front().bucket + " and s3://" + loc.bucket +
                            "; copy the files into one bucket, or create one package per bucket");
  }
  plan.request.bucket = locations.front().bucket;

  std::set<std::string> seen;
  for (std::size_t i = 0; i < locations.size(); ++i) {
    bool is_readme = plan.readme && i + 1 == locations.size();
    entry_source entry;
    entry.location = locations[i];
    entry.logical_key = is_readme ? std::string(readme_logical_key)
                                  : logical_key_for(locations[i], params.auto_organize, params.prefix_map);
    std::string field = is_readme ? "readme" : "files[" + std::to_string(i) + "]";
    if (auto ok = validate_logical_key(entry.logical_key); !ok) {
      auto e = ok.error();
      e.field = field;
      return e;
    }
    if (!seen.insert(entry.logical_key).second) {
      if (is_readme)
        return make_error("InvalidArgument",
                          "the package would have two entries 'README.md': one in 'files' and the generated one "
                          "from 'readme'",
                          "readme", "drop the README.md from 'files' or leave out 'readme'");
      return make_error("InvalidArgument",
                        "two files map to the same logical key '" + entry.logical_key + "'", field,
                        "set auto_organize=true to keep full S3 keys, or give a prefix mapping");
    }
    plan.request.entries.push_back(std::move(entry));
  }

  // pkgpush types the message NonEmptyStr | None: "" would be refused, so it becomes null.
  if (params.description && !params.description->empty()) plan.request.message = params.description;
  auto meta = clean_user_meta(std::move(params.metadata), params.description, plan.warnings);
  if (!meta) return meta.error();
  plan.request.user_meta = std::move(*meta);
  return plan;
}

}  // namespace quiltup::quilt
