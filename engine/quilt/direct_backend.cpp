#include "quilt/direct_backend.hpp"

#include "quilt/access_hint.hpp"
#include "quilt/layout.hpp"
#include "quilt/physical_key.hpp"
#include "quilt/top_hash.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace quiltup::quilt {
namespace {

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

entry_info info_of(const manifest_entry& e) {
  return entry_info{e.logical_key, e.physical_key, e.size, e.hash, e.meta};
}

void sort_walk_order(std::vector<manifest_entry>& entries) {
  std::sort(entries.begin(), entries.end(),
            [](const manifest_entry& a, const manifest_entry& b) { return walk_order_less(a.logical_key, b.logical_key); });
}

bool is_timestamp(std::string_view s) {
  return !s.empty() && s.size() <= 19 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

error no_such_package(const package_name& name, const std::string& bucket) {
  return make_error("NoSuchPackage", "package '" + name.str() + "' has no revisions in s3://" + bucket, "name",
                    "check the name and bucket; list packages with: aws s3 ls s3://" + bucket + "/" +
                        std::string(named_packages_prefix));
}

}  // namespace

std::string rfc3339_utc(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

direct_backend::direct_backend(s3::client& s3, const known_objects* known, direct_backend_options options)
    : s3_(s3), known_(known), options_(std::move(options)) {
  if (!options_.clock) options_.clock = now_seconds;
}

awaitable<result<void>> direct_backend::put_text(std::string bucket, std::string key, std::string body,
                                                 std::string content_type) {
  s3::put_object_request put;
  put.bucket = bucket;
  put.key = std::move(key);
  put.body = http::body::from_string(std::move(body));
  put.content_type = std::move(content_type);
  auto done = co_await s3_.put_object(std::move(put));
  if (!done) co_return point_to_permissions(done.error(), bucket);
  co_return result<void>{};
}

awaitable<result<std::string>> direct_backend::read_pointer(std::string bucket, std::string key) {
  // Requests are named before co_await: GCC 12 destroys a braced temporary in a co_await twice.
  s3::get_object_request get{bucket, key, {}, {}, false};
  auto got = co_await s3_.get_object(std::move(get));
  if (!got) {
    if (got.error().code == "NoSuchKey") co_return make_error("NoSuchPackage", "no package pointer at s3://" + bucket + "/" + key);
    co_return point_to_permissions(got.error(), bucket);
  }
  co_return parse_pointer(got->body);
}

awaitable<result<std::string>> direct_backend::resolve_top_hash(const package_name& name, const std::string& bucket,
                                                                const std::string& top_hash) {
  if (!top_hash.empty()) {
    if (!is_top_hash(top_hash))
      co_return make_error("InvalidArgument", "top_hash '" + top_hash + "' is not 64 lowercase hex digits", "top_hash",
                           "leave it out for the latest revision, or copy a hash from list_revisions");
    co_return result<std::string>(boost::system::in_place_value, top_hash);
  }
  auto latest = co_await read_pointer(bucket, latest_pointer_key(name));
  if (!latest && latest.error().code == "NoSuchPackage") co_return no_such_package(name, bucket);
  co_return latest;
}

awaitable<result<manifest>> direct_backend::read_manifest(package_name name, std::string bucket, std::string top_hash) {
  auto hash = co_await resolve_top_hash(name, bucket, top_hash);
  if (!hash) co_return hash.error();
  s3::get_object_request get{bucket, manifest_key(*hash), {}, {}, false};
  auto got = co_await s3_.get_object(std::move(get));
  if (!got) {
    auto e = got.error();
    if (e.code == "NoSuchKey")
      e = make_error("NoSuchRevision", "revision " + *hash + " of '" + name.str() + "' has no manifest at s3://" +
                                           bucket + "/" + manifest_key(*hash),
                     "top_hash", "list the package's revisions and pick an existing one");
    co_return point_to_permissions(std::move(e), bucket);
  }
  co_return parse_manifest(got->body);
}

awaitable<result<create_result>> direct_backend::create(create_request request) {
  auto resolved = co_await resolve_entries(s3_, std::move(request.entries), known_, options_.resolve, &last_stats_);
  if (!resolved) co_return resolved.error();

  manifest m;
  m.header = make_header(request.message, request.user_meta);
  for (auto& e : *resolved) {
    m.entries.push_back(manifest_entry{std::move(e.logical_key), format_physical_key(e.location), *e.size,
                                       std::move(*e.hash), std::move(e.meta)});
  }
  sort_walk_order(m.entries);
  auto hash = top_hash(m);

  // Order matters (quilt.md §9): the manifest before anything points at it, the timestamp
  // pointer (which fires pkgevents) before `latest`.
  if (auto put = co_await put_text(request.bucket, manifest_key(hash), write_manifest(m), "application/jsonl"); !put)
    co_return put.error();

  // Two revisions made in the same second must not share a timestamp pointer, or the older
  // one would vanish from the package's history.
  auto ts = options_.clock();
  for (int tries = 0;; ++tries, ++ts) {
    s3::head_object_request head{request.bucket, timestamp_pointer_key(request.name, ts), {}, {}, false};
    auto existing = co_await s3_.head_object(std::move(head));
    if (!existing) {
      if (existing.error().code == "NoSuchKey") break;
      co_return point_to_permissions(existing.error(), request.bucket);
    }
    if (tries >= 60) break;  // a busy package: overwrite rather than drift into the future
  }
  create_result out;
  out.pointer_key = timestamp_pointer_key(request.name, ts);
  if (auto put = co_await put_text(request.bucket, out.pointer_key, hash, "text/plain"); !put) co_return put.error();
  if (auto put = co_await put_text(request.bucket, latest_pointer_key(request.name), hash, "text/plain"); !put)
    co_return put.error();

  out.name = request.name;
  out.bucket = request.bucket;
  out.top_hash = hash;
  out.manifest_key = manifest_key(hash);
  out.modified = rfc3339_utc(ts);
  for (const auto& e : m.entries) out.entries.push_back(info_of(e));
  co_return out;
}

awaitable<result<browse_result>> direct_backend::browse(browse_request request) {
  auto hash = co_await resolve_top_hash(request.name, request.bucket, request.top_hash);
  if (!hash) co_return hash.error();
  auto m = co_await read_manifest(request.name, request.bucket, *hash);
  if (!m) co_return m.error();
  sort_walk_order(m->entries);

  browse_result out;
  out.name = request.name;
  out.bucket = request.bucket;
  out.top_hash = *hash;
  out.header = m->header;
  if (auto msg = m->header.find("message"); msg && msg->as_string()) out.message = *msg->as_string();
  if (auto meta = m->header.find("user_meta")) out.user_meta = *meta;
  out.total_entries = m->entries.size();
  for (const auto& e : m->entries) out.total_bytes += e.size;
  out.offset = request.offset;
  auto limit = request.limit == 0 ? m->entries.size() : request.limit;
  for (auto i = request.offset; i < m->entries.size() && i - request.offset < limit; ++i)
    out.entries.push_back(info_of(m->entries[i]));
  if (request.offset + out.entries.size() < m->entries.size()) out.next_offset = request.offset + out.entries.size();
  co_return out;
}

awaitable<result<revisions_result>> direct_backend::list_revisions(revisions_request request) {
  revisions_result out;
  out.name = request.name;
  out.bucket = request.bucket;
  auto prefix = pointer_prefix(request.name);
  std::string token;
  std::vector<std::string> keys;
  do {
    s3::list_objects_v2_request list;
    list.bucket = request.bucket;
    list.prefix = prefix;
    list.continuation_token = token;
    auto page = co_await s3_.list_objects_v2(std::move(list));
    if (!page) co_return point_to_permissions(page.error(), request.bucket);
    for (auto& o : page->objects) keys.push_back(std::move(o.key));
    token = page->is_truncated ? page->next_continuation_token : "";
  } while (!token.empty());

  for (const auto& key : keys) {
    auto leaf = std::string_view(key).substr(prefix.size());
    if (leaf == "latest") {
      auto latest = co_await read_pointer(request.bucket, key);
      if (latest) out.latest = *latest;
      continue;
    }
    if (!is_timestamp(leaf)) continue;  // not a pointer quilt3 would write
    auto hash = co_await read_pointer(request.bucket, key);
    if (!hash) {
      if (hash.error().code == "NoSuchPackage") continue;  // deleted meanwhile
      co_return hash.error();
    }
    out.revisions.push_back(revision_info{*hash, std::stoll(std::string(leaf)), key});
  }
  std::sort(out.revisions.begin(), out.revisions.end(),
            [](const revision_info& a, const revision_info& b) { return a.unix_seconds > b.unix_seconds; });
  co_return out;
}

awaitable<result<delete_result>> direct_backend::delete_package(delete_request request) {
  revisions_request list{request.name, request.bucket};
  auto revisions = co_await list_revisions(std::move(list));
  if (!revisions) co_return revisions.error();
  if (revisions->revisions.empty() && revisions->latest.empty()) co_return no_such_package(request.name, request.bucket);

  delete_result out;
  out.name = request.name;
  out.bucket = request.bucket;
  out.registry = "s3://" + request.bucket;
  out.dry_run = request.dry_run;
  out.revisions = revisions->revisions;
  // `latest` first: a reader never finds it pointing at a revision whose pointer is gone.
  if (!revisions->latest.empty()) out.deleted_keys.push_back(latest_pointer_key(request.name));
  for (const auto& r : revisions->revisions) out.deleted_keys.push_back(r.pointer_key);

  if (request.dry_run) {
    out.message = "Set confirm=True to delete this package";
    co_return out;
  }
  for (const auto& key : out.deleted_keys) {
    s3::delete_object_request del{request.bucket, key, {}};
    auto gone = co_await s3_.delete_object(std::move(del));
    if (!gone && gone.error().code != "NoSuchKey") {
      auto e = gone.error();
      e.message = "Failed to delete package '" + request.name.str() + "': " + e.message;
      co_return point_to_permissions(std::move(e), request.bucket);
    }
  }
  out.deleted = true;
  out.message = "Package '" + request.name.str() + "' deleted successfully";
  co_return out;
}

}  // namespace quiltup::quilt
