#include "quilt/known_objects.hpp"

#include "quilt/entry_hash.hpp"

namespace quiltup::quilt {

std::optional<entry_hash> quilt_hash_from_upload(const upload::upload_result& uploaded, bool quilt_aligned) {
  if (!uploaded.ok() || uploaded.checksum.algorithm != "SHA256" || uploaded.checksum.value.empty()) return std::nullopt;
  bool composite = uploaded.checksum.value.find('-') != std::string::npos;
  // A composite over parts that were not Quilt chunks is a different tree of digests.
  if (composite && !quilt_aligned) return std::nullopt;
  auto value = quilt_hash_from_s3_checksum(uploaded.checksum.value, uploaded.size, quilt_chunk_size(uploaded.size));
  if (!value) return std::nullopt;
  return entry_hash{std::string(chunked_hash_type), std::move(*value)};
}

void known_objects::remember(const std::string& bucket, const std::string& key, known_object object) {
  if (!object.version_id.empty()) versions_[{bucket, key, object.version_id}] = object;
  latest_[{bucket, key}] = std::move(object);
}

bool known_objects::remember(const upload::upload_result& uploaded, bool quilt_aligned) {
  auto hash = quilt_hash_from_upload(uploaded, quilt_aligned);
  if (!hash) return false;
  remember(uploaded.bucket, uploaded.key, known_object{uploaded.size, std::move(*hash), uploaded.version_id, uploaded.etag});
  return true;
}

std::optional<known_object> known_objects::find(const s3_location& location) const {
  if (location.version_id) {
    auto it = versions_.find({location.bucket, location.key, *location.version_id});
    if (it == versions_.end()) return std::nullopt;
    return it->second;
  }
  auto it = latest_.find({location.bucket, location.key});
  if (it == latest_.end()) return std::nullopt;
  return it->second;
}

}  // namespace quiltup::quilt
