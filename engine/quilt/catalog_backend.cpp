#include "quilt/catalog_backend.hpp"

#include "credentials/rfc3339.hpp"
#include "quilt/canonical_json.hpp"
#include "quilt/entry_hash.hpp"
#include "quilt/graphql_documents.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace quiltup::quilt {
namespace {

constexpr std::uint64_t revisions_per_page = 100;
constexpr std::uint64_t flat_map_max = 1000;  // the registry's default and its cost ceiling

const char* files_hint =
    "verify the files exist (aws s3 ls s3://<bucket>/<path>/), that your role can read them, and that every URI "
    "has the form s3://bucket/key; check your access with the permissions tool (action discover)";

json_value number(std::uint64_t n) { return json_number{std::to_string(n), false}; }

// A JSON number as a byte or entry count: totalBytes is a GraphQL Float, so "1234.0" is valid.
std::optional<std::uint64_t> to_count(const json_value* v) {
  if (!v || !v->as_number()) return std::nullopt;
  const std::string& text = v->as_number()->text;
  std::uint64_t n = 0;
  if (auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      ec == std::errc{} && end == text.data() + text.size())
    return n;
  double d = std::strtod(text.c_str(), nullptr);
  if (!(d >= 0) || !std::isfinite(d)) return std::nullopt;
  return static_cast<std::uint64_t>(std::llround(d));
}

std::optional<std::string> optional_string(const json_value* object, std::string_view key) {
  const json_value* v = object ? object->find(key) : nullptr;
  if (!v || !v->as_string()) return std::nullopt;
  return *v->as_string();
}

std::string compact(const json_value& v) { return to_json(v, json_style::canonical); }

error not_found(const package_name& name, std::string_view bucket, std::string_view what) {
  return make_error("PackageNotFound",
                    "package '" + name.str() + "' " + std::string(what) + " in bucket '" + std::string(bucket) + "'",
                    "name", "check the name and bucket; list the bucket's packages in the catalog");
}

// InvalidInput { errors [{path, message, name}] } → one sentence naming every field at fault.
error invalid_input(const json_value& result) {
  std::string text;
  std::string first_path;
  if (const auto* errors = result.find("errors"); errors && errors->as_array()) {
    for (const auto& e : *errors->as_array()) {
      auto path = string_or(&e, "path");
      if (first_path.empty()) first_path = path;
      text += (text.empty() ? "" : "; ") + (path.empty() ? "" : path + ": ") + string_or(&e, "message", "invalid");
    }
  }
  return make_error("InvalidInput", "Invalid input: " + (text.empty() ? std::string("the registry gave no details") : text),
                    first_path, "fix the named input and retry; " + std::string(files_hint));
}

std::string operation_hint(std::string_view name) {
  if (name == "Forbidden" || name == "AWSError" || name == "FailedToFetchObjectMetadata")
    return "your role may not read these files or write this bucket: check with the permissions tool (action discover) "
           "and request access from an administrator";
  if (name == "TooManyFilesToHash" || name == "PackageTooLargeToHash")
    return "the registry would have to hash too much: upload the files with bucket_objects_put first (quiltup then "
           "sends their hashes), or split the package";
  if (name == "WorkflowValidationError")
    return "the bucket's workflow rejected the package: add the metadata its schema requires "
           "(.quilt/workflows/config.yml)";
  return files_hint;
}

// OperationError { message, name, context } → error coded by its name.
error operation_error(const json_value& result, std::string_view prefix = "Operation failed: ") {
  auto name = string_or(&result, "name", "OperationError");
  std::string text = std::string(prefix) + string_or(&result, "message", "(no message)");
  if (const auto* context = result.find("context"); context && !context->is_null())
    text += " (context: " + compact(*context) + ")";
  return make_error(name, std::move(text), "", operation_hint(name));
}

entry_info info_from_source(const entry_source& e) {
  return entry_info{e.logical_key, format_physical_key(e.location), e.size.value_or(0),
                    e.hash.value_or(entry_hash{}), e.meta};
}

}  // namespace

json_value package_construct_variables(const create_request& request) {
  json_value params = json_object{};
  params.set("bucket", request.bucket);
  params.set("name", request.name.str());
  // pkgpush types the message NonEmptyStr | None: "" would be rejected, so it is null instead.
  params.set("message", request.message && !request.message->empty() ? json_value(*request.message) : json_value());
  if (request.user_meta) params.set("userMeta", *request.user_meta);
  params.set("workflow", request.workflow ? json_value(*request.workflow) : json_value());

  std::vector<const entry_source*> sorted;
  for (const auto& e : request.entries) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->logical_key < b->logical_key; });

  json_array entries;
  for (const auto* e : sorted) {
    json_value entry = json_object{};
    entry.set("logicalKey", e->logical_key);
    entry.set("physicalKey", format_physical_key(e->location));
    if (e->hash) {
      json_value hash = json_object{};
      hash.set("type", e->hash->type);
      hash.set("value", e->hash->value);
      entry.set("hash", std::move(hash));
    }
    if (e->size) entry.set("size", number(*e->size));
    entry.set("meta", e->meta.is_null() ? json_value(json_object{}) : e->meta);
    entries.push_back(std::move(entry));
  }
  json_value src = json_object{};
  src.set("entries", std::move(entries));

  json_value variables = json_object{};
  variables.set("params", std::move(params));
  variables.set("src", std::move(src));
  return variables;
}

result<std::vector<entry_info>> entries_from_flat_map(const json_value& flat_map) {
  const json_object* map = flat_map.as_object();
  if (!map)
    return make_error("GraphQLError", "contentsFlatMap is not an object", "", "check the registry's version");
  std::vector<entry_info> out;
  out.reserve(map->size());
  for (const auto& [logical_key, value] : *map) {
    entry_info e;
    e.logical_key = logical_key;
    e.physical_key = string_or(&value, "physicalKey");
    e.size = to_count(value.find("size")).value_or(0);
    if (const auto* hash = value.find("hash"); hash && hash->as_object()) {
      e.hash = {string_or(hash, "type"), string_or(hash, "value")};
    } else if (hash && hash->as_string()) {
      // A bare string: 64 hex digits is the legacy SHA256 form, anything else the chunked one.
      const std::string& v = *hash->as_string();
      e.hash = {v.size() == 64 && v.find_first_not_of("0123456789abcdef") == std::string::npos
                    ? "SHA256"
                    : std::string(chunked_hash_type),
                v};
    }
    if (const auto* meta = value.find("meta")) e.meta = *meta;
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const entry_info& a, const entry_info& b) {
    return walk_order_less(a.logical_key, b.logical_key);
  });
  return out;
}

awaitable<result<create_result>> catalog_backend::create(create_request request) {
  // Named locals, not temporaries in the co_await expression: GCC 12 destroys some of those twice.
  graphql_operation op{"package creation", files_hint};
  json_value variables = package_construct_variables(request);
  auto data = co_await client_.execute(graphql::package_construct, std::move(variables), std::move(op));
  if (!data) co_return data.error();

  const json_value* outcome = data->find("packageConstruct");
  const std::string type = string_or(outcome, "__typename");
  if (type == "InvalidInput") co_return invalid_input(*outcome);
  if (type == "OperationError") co_return operation_error(*outcome);
  if (type != "PackagePushSuccess")
    co_return make_error("GraphQLError",
                         "GraphQL package creation failed: unexpected packageConstruct result '" + type + "'", "",
                         "check that QUILT_REGISTRY_URL is a Quilt registry");

  const json_value* revision = outcome->find("revision");
  create_result out;
  out.name = request.name;
  out.bucket = request.bucket;
  out.top_hash = string_or(revision, "hash");
  out.modified = string_or(revision, "modified");
  out.revision = revision ? *revision : json_value();
  if (out.top_hash.empty())
    co_return make_error("GraphQLError", "GraphQL package creation failed: the registry returned no revision hash", "",
                         "check the package in the catalog before retrying");

  // The registry filled in what quiltup did not know (sizes, hashes, version pins): report the
  // entries as recorded when anything was missing, else exactly what was sent.
  const bool complete = std::all_of(request.entries.begin(), request.entries.end(),
                                    [](const entry_source& e) { return e.size && e.hash; });
  if (!complete) {
    browse_request recorded_request{request.name, request.bucket, out.top_hash, 0, request.entries.size() + 1};
    auto recorded = co_await browse(std::move(recorded_request));
    if (recorded) out.entries = std::move(recorded->entries);
  }
  if (out.entries.empty()) {
    for (const auto& e : request.entries) out.entries.push_back(info_from_source(e));
    std::sort(out.entries.begin(), out.entries.end(), [](const entry_info& a, const entry_info& b) {
      return walk_order_less(a.logical_key, b.logical_key);
    });
  }
  co_return out;
}

awaitable<result<browse_result>> catalog_backend::browse(browse_request request) {
  json_value variables = json_object{};
  variables.set("bucket", request.bucket);
  variables.set("name", request.name.str());
  variables.set("hashOrTag", request.top_hash.empty() ? std::string("latest") : request.top_hash);
  variables.set("max", number(flat_map_max));
  graphql_operation op{"package browse", "check the package name and bucket"};
  auto data = co_await client_.execute(graphql::package_browse, std::move(variables), std::move(op));
  if (!data) co_return data.error();

  const json_value* package = data->find("package");
  if (!package || package->is_null()) co_return not_found(request.name, request.bucket, "does not exist");
  const json_value* revision = package->find("revision");
  if (!revision || revision->is_null())
    co_return not_found(request.name, request.bucket,
                        "has no revision '" + (request.top_hash.empty() ? std::string("latest") : request.top_hash) + "'");

  browse_result out;
  out.name = request.name;
  out.bucket = request.bucket;
  out.top_hash = string_or(revision, "hash");
  out.message = optional_string(revision, "message");
  if (const auto* meta = revision->find("userMeta"); meta && !meta->is_null()) out.user_meta = *meta;
  if (const auto* header = revision->find("metadata"); header && header->as_object()) out.header = *header;
  else out.header = make_header(out.message, out.user_meta);
  out.total_bytes = to_count(revision->find("totalBytes")).value_or(0);

  const json_value* flat_map = revision->find("contentsFlatMap");
  if (!flat_map || flat_map->is_null()) {
    // More entries than the registry will list: read the manifest itself.
    if (!manifest_reader_)
      co_return make_error("PackageTooLargeToBrowse",
                           "package '" + request.name.str() + "' has more than " + std::to_string(flat_map_max) +
                               " entries, so the registry does not list them, and no S3 access is configured to read "
                               "its manifest",
                           "", "configure S3 credentials (the catalog's or ambient ones) so quiltup can read .quilt/packages/<hash>");
    browse_request by_hash = request;
    by_hash.top_hash = out.top_hash;
    co_return co_await manifest_reader_->browse(std::move(by_hash));
  }

  auto entries = entries_from_flat_map(*flat_map);
  if (!entries) co_return entries.error();
  out.total_entries = to_count(revision->find("totalEntries")).value_or(entries->size());
  out.offset = request.offset;
  const std::uint64_t begin = std::min<std::uint64_t>(request.offset, entries->size());
  const std::uint64_t end = std::min<std::uint64_t>(begin + request.limit, entries->size());
  out.entries.assign(std::make_move_iterator(entries->begin() + begin), std::make_move_iterator(entries->begin() + end));
  if (end < entries->size()) out.next_offset = end;
  co_return out;
}

awaitable<result<revisions_result>> catalog_backend::list_revisions(revisions_request request) {
  revisions_result out;
  out.name = request.name;
  out.bucket = request.bucket;
  for (std::uint64_t page = 1;; ++page) {
    json_value variables = json_object{};
    variables.set("bucket", request.bucket);
    variables.set("name", request.name.str());
    variables.set("page", number(page));
    variables.set("perPage", number(revisions_per_page));
    graphql_operation op{"revision listing", "check the package name and bucket"};
    auto data = co_await client_.execute(graphql::package_revisions, std::move(variables), std::move(op));
    if (!data) co_return data.error();
    const json_value* package = data->find("package");
    if (!package || package->is_null()) co_return not_found(request.name, request.bucket, "does not exist");
    if (page == 1) out.latest = string_or(package->find("latest"), "hash");

    const json_value* revisions = package->find("revisions");
    const std::uint64_t total = to_count(revisions ? revisions->find("total") : nullptr).value_or(0);
    const json_value* items = revisions ? revisions->find("page") : nullptr;
    const json_array empty;
    const json_array& list = items && items->as_array() ? *items->as_array() : empty;
    for (const auto& r : list) {
      revision_info info;
      info.top_hash = string_or(&r, "hash");
      if (auto t = credentials::parse_rfc3339(string_or(&r, "modified")))
        info.unix_seconds = std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count();
      out.revisions.push_back(std::move(info));
    }
    if (list.empty() || out.revisions.size() >= total) break;
  }
  std::stable_sort(out.revisions.begin(), out.revisions.end(),
                   [](const revision_info& a, const revision_info& b) { return a.unix_seconds > b.unix_seconds; });
  co_return out;
}

awaitable<result<delete_result>> catalog_backend::delete_package(delete_request request) {
  revisions_request listing{request.name, request.bucket};
  auto listed = co_await list_revisions(std::move(listing));
  if (!listed) {
    error e = listed.error();
    if (e.code != "PackageNotFound") e.message = "Failed to delete package '" + request.name.str() + "': " + e.message;
    co_return e;
  }
  if (listed->revisions.empty()) co_return not_found(request.name, request.bucket, "has no revisions");

  delete_result out;
  out.name = request.name;
  out.bucket = request.bucket;
  out.registry = client_.endpoint().registry_url;
  out.dry_run = request.dry_run;
  out.revisions = listed->revisions;
  if (request.dry_run) {
    out.message = "Set confirm=True to delete this package";
    co_return out;
  }

  std::size_t done = 0;
  for (const auto& revision : listed->revisions) {
    json_value variables = json_object{};
    variables.set("bucket", request.bucket);
    variables.set("name", request.name.str());
    variables.set("hash", revision.top_hash);
    graphql_operation op{"package deletion",
                         "check that your role may write this bucket (permissions tool, action discover)"};
    auto data = co_await client_.execute(graphql::package_revision_delete, std::move(variables), std::move(op));
    error failure;
    if (!data) {
      failure = data.error();
    } else {
      const json_value* outcome = data->find("packageRevisionDelete");
      const std::string type = string_or(outcome, "__typename");
      if (type == "OperationError") failure = operation_error(*outcome, "");
      else if (type != "PackageRevisionDeleteSuccess")
        failure = make_error("GraphQLError", "unexpected packageRevisionDelete result '" + type + "'");
      else {
        ++done;
        continue;
      }
    }
    failure.message = "Failed to delete package '" + request.name.str() + "': revision " + revision.top_hash + ": " +
                      failure.message + " (" + std::to_string(done) + " of " +
                      std::to_string(listed->revisions.size()) + " revisions deleted before this)";
    co_return failure;
  }
  out.deleted = true;
  out.message = "Package '" + request.name.str() + "' deleted successfully";
  co_return out;
}

}  // namespace quiltup::quilt
