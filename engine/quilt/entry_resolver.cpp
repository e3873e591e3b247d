#include "quilt/entry_resolver.hpp"

#include "quilt/access_hint.hpp"
#include "quilt/entry_hash.hpp"
#include "quilt/physical_key.hpp"
#include "scheduler/task_group.hpp"

#include <algorithm>
#include <memory>
#include <optional>

namespace quiltup::quilt {
namespace {

struct shared_state {
  std::vector<entry_source> entries;
  std::vector<std::optional<error>> errors;
  std::size_t next = 0;
  bool failed = false;
  const known_objects* known = nullptr;
  resolve_options options;
  resolve_stats stats;
};

error about_entry(error e, const entry_source& entry) {
  e.message = "entry '" + entry.logical_key + "' (" + format_physical_key(entry.location) + "): " + e.message;
  if (e.code == "NoSuchKey" || e.code == "NoSuchVersion")
    e.hint = "check that the object exists (and the versionId, if given): aws s3 ls " +
             format_physical_key(s3_location{entry.location.bucket, entry.location.key, std::nullopt});
  return point_to_permissions(std::move(e), entry.location.bucket);
}

bool use_known(entry_source& entry, const known_objects* known, std::string_view etag, std::uint64_t size) {
  if (!known) return false;
  auto found = known->find(entry.location);
  if (!found) return false;
  // Unpinned on an unversioned bucket: trust it only if the key still holds what we uploaded.
  if (!entry.location.version_id && (found->etag != etag || found->size != size)) return false;
  entry.size = found->size;
  entry.hash = found->hash;
  return true;
}

awaitable<result<void>> hash_by_reading(s3::client& s3, entry_source& entry, shared_state& state) {
  const std::uint64_t size = *entry.size;
  chunked_sha256 hasher(size);
  for (std::uint64_t offset = 0; offset < size;) {
    std::uint64_t end = std::min(size, offset + state.options.range_size);
    s3::get_object_request get;
    get.bucket = entry.location.bucket;
    get.key = entry.location.key;
    get.version_id = entry.location.version_id.value_or("");
    get.range = "bytes=" + std::to_string(offset) + "-" + std::to_string(end - 1);
    get.checksum_mode = false;
    auto got = co_await s3.get_object(std::move(get));
    if (!got) co_return got.error();
    if (got->body.size() != end - offset)
      co_return make_error("ObjectChanged",
                           "GetObject returned " + std::to_string(got->body.size()) + " bytes for range " +
                               std::to_string(offset) + "-" + std::to_string(end - 1),
                           {}, "the object changed while it was hashed; pin it with ?versionId= or retry");
    hasher.update(std::string_view(got->body));
    offset = end;
  }
  auto value = hasher.finish();
  if (!value) co_return value.error();
  entry.hash = entry_hash{std::string(chunked_hash_type), std::move(*value)};
  state.stats.hashed++;
  state.stats.bytes_hashed += size;
  co_return result<void>{};
}

awaitable<result<void>> resolve_one(s3::client& s3, entry_source& entry, shared_state& state) {
  // A pinned object never changes: what this process knows about it is enough.
  if (entry.location.version_id && (!entry.hash || !entry.size) && state.known) {
    if (auto found = state.known->find(entry.location)) {
      entry.size = found->size;
      entry.hash = found->hash;
      state.stats.from_known++;
    }
  }
  if (entry.hash && entry.size && entry.location.version_id) co_return result<void>{};

  s3::head_object_request head;
  head.bucket = entry.location.bucket;
  head.key = entry.location.key;
  head.version_id = entry.location.version_id.value_or("");
  auto info = co_await s3.head_object(std::move(head));
  if (!info) co_return info.error();
  if (!info->version_id.empty() && info->version_id != "null") entry.location.version_id = info->version_id;
  if (entry.size && *entry.size != info->content_length && entry.hash)
    co_return make_error("ObjectChanged",
                         "the recorded size " + std::to_string(*entry.size) + " differs from S3's " +
                             std::to_string(info->content_length),
                         {}, "the object was overwritten since its hash was taken; create the package again");
  entry.size = info->content_length;
  if (entry.hash) co_return result<void>{};

  if (use_known(entry, state.known, s3::unquote_etag(info->etag), info->content_length)) {
    state.stats.from_known++;
    co_return result<void>{};
  }
  if (auto sha = info->checksums.find(s3::checksum_algorithm::sha256); sha && sha->find('-') == std::string::npos) {
    if (auto value = quilt_hash_from_s3_checksum(*sha, info->content_length, 0)) {
      entry.hash = entry_hash{std::string(chunked_hash_type), std::move(*value)};
      state.stats.from_checksum++;
      co_return result<void>{};
    }
  }
  co_return co_await hash_by_reading(s3, entry, state);
}

awaitable<void> worker(s3::client& s3, std::shared_ptr<shared_state> state) {
  while (!state->failed && state->next < state->entries.size()) {
    auto i = state->next++;
    auto done = co_await resolve_one(s3, state->entries[i], *state);
    if (!done) {
      state->errors[i] = about_entry(done.error(), state->entries[i]);
      state->failed = true;  // one bad entry fails the package: stop starting new ones
    }
  }
}

}  // namespace

awaitable<result<std::vector<entry_source>>> resolve_entries(s3::client& s3, std::vector<entry_source> entries,
                                                             const known_objects* known, resolve_options options,
                                                             resolve_stats* stats) {
  auto state = std::make_shared<shared_state>();
  state->errors.resize(entries.size());
  state->entries = std::move(entries);
  state->known = known;
  state->options = options;
  if (state->options.range_size == 0) state->options.range_size = 8ull << 20;

  scheduler::task_group group(s3.get_executor());
  auto workers = std::min<std::size_t>(std::max<std::size_t>(options.concurrency, 1), state->entries.size());
  for (std::size_t w = 0; w < workers; ++w) group.spawn(worker(s3, state));
  co_await group.wait();
  if (auto thrown = group.first_exception()) std::rethrow_exception(thrown);

  if (stats) *stats = state->stats;
  for (auto& e : state->errors)
    if (e) co_return std::move(*e);
  co_return std::move(state->entries);
}

}  // namespace quiltup::quilt
