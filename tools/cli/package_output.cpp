#include "package_output.hpp"

#include "quilt/canonical_json.hpp"
#include "quilt/physical_key.hpp"

#include <boost/json/parse.hpp>

namespace quiltup::cli {
namespace {

boost::json::array strings(const std::vector<std::string>& v) {
  boost::json::array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

boost::json::value optional_string(const std::optional<std::string>& s) {
  return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

}  // namespace

boost::json::value to_boost_json(const quilt::json_value& v) {
  return boost::json::parse(quilt::to_json(v, quilt::json_style::manifest));
}

boost::json::object to_json(const quilt::entry_info& e) {
  return {{"logical_key", e.logical_key},
          {"physical_key", e.physical_key},
          {"size", e.size},
          {"hash", boost::json::object{{"type", e.hash.type}, {"value", e.hash.value}}},
          {"meta", to_boost_json(e.meta)}};
}

boost::json::object to_json(const quilt::create_outcome& o) {
  const auto& req = o.plan.request;
  boost::json::object out{{"success", true}, {"backend", o.backend}, {"dry_run", o.dry_run},
                          {"package_name", req.name.str()}, {"bucket", req.bucket}};
  out["warnings"] = strings(o.warnings);
  if (o.dry_run) {
    boost::json::array files;
    for (const auto& e : req.entries)
      files.push_back(boost::json::object{{"logical_key", e.logical_key},
                                          {"physical_key", quilt::format_physical_key(e.location)}});
    out["files"] = std::move(files);
    out["metadata"] = req.user_meta ? to_boost_json(*req.user_meta) : boost::json::value(nullptr);
    out["message"] = "Dry run completed successfully";
    if (o.plan.readme) {
      out["planned_readme_uri"] = "s3://" + o.plan.readme->bucket + "/" + o.plan.readme->key;
      out["readme_target_bucket"] = o.plan.readme->bucket;
    }
    return out;
  }
  const auto& c = *o.created;
  out["top_hash"] = c.top_hash;
  out["manifest_key"] = c.manifest_key;
  out["pointer_key"] = c.pointer_key;
  out["modified"] = c.modified;
  out["entries_added"] = c.entries.size();
  boost::json::array entries;
  for (const auto& e : c.entries) entries.push_back(to_json(e));
  out["entries"] = std::move(entries);
  out["message"] = "Package " + req.name.str() + " created successfully";
  if (o.readme)
    out["readme_upload"] = boost::json::object{{"key", o.readme->key}, {"version_id", o.readme->version_id},
                                               {"size", o.readme->size}};
  return out;
}

boost::json::object to_json(const quilt::browse_result& b) {
  boost::json::array entries;
  for (const auto& e : b.entries) entries.push_back(to_json(e));
  boost::json::object out{{"success", true},
                          {"package_name", b.name.str()},
                          {"bucket", b.bucket},
                          {"top_hash", b.top_hash},
                          {"message", optional_string(b.message)},
                          {"user_meta", b.user_meta ? to_boost_json(*b.user_meta) : boost::json::value(nullptr)},
                          {"total_entries", b.total_entries},
                          {"total_bytes", b.total_bytes},
                          {"offset", b.offset},
                          {"entries", std::move(entries)}};
  out["next_offset"] = b.next_offset ? boost::json::value(*b.next_offset) : boost::json::value(nullptr);
  return out;
}

boost::json::object to_json(const quilt::delete_result& d) {
  boost::json::array revisions;
  for (const auto& r : d.revisions)
    revisions.push_back(boost::json::object{{"top_hash", r.top_hash}, {"unix_seconds", r.unix_seconds}});
  return {{"success", true},
          {"action", d.dry_run ? "preview" : "deleted"},
          {"package_name", d.name.str()},
          {"registry", d.registry},
          {"bucket", d.bucket},
          {"revisions", std::move(revisions)},
          {"pointer_keys", strings(d.deleted_keys)},
          {"message", d.message}};
}

boost::json::object to_json(const quilt::enrich_result& r) {
  return {{"success", true},
          {"package_name", r.name.str()},
          {"bucket", r.bucket},
          {"readme_created", r.readme_created},
          {"summary_key", r.summary_key},
          {"readme_key", r.readme_key},
          {"dashboards_added", r.dashboards_added},
          {"table_visualizations", r.table_visualizations},
          {"previous_top_hash", r.previous_top_hash},
          {"package_update", boost::json::object{{"top_hash", r.revision.top_hash}}},
          {"warnings", strings(r.warnings)},
          {"message", r.message}};
}

boost::json::object to_json(const quilt::bucket_permissions& p) {
  boost::json::array probes;
  for (const auto& pr : p.probes)
    probes.push_back(boost::json::object{
        {"operation", pr.operation}, {"outcome", pr.outcome}, {"code", pr.code}, {"message", pr.message}});
  boost::json::object out{{"name", p.name},
                          {"accessible", p.accessible},
                          {"list", p.list},
                          {"read_access", p.read_access},
                          {"permission_level", p.permission_level},
                          {"determined_by", p.determined_by},
                          {"probes", std::move(probes)},
                          {"notes", strings(p.notes)}};
  out["write_access"] = p.write_access ? boost::json::value(*p.write_access) : boost::json::value(nullptr);
  return out;
}

}  // namespace quiltup::cli
