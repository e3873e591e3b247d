#pragma once
// Sizes and Quilt hashes of objects this process uploaded, so packaging them needs no second
// read: the upload engine's SHA-256 checksum (single PUT, or a Quilt-aligned COMPOSITE
// multipart) maps to sha2-256-chunked without touching the bytes again (quilt.md §8.3).
//
// Used from the io executor only.
#include "quilt/manifest.hpp"
#include "quilt/physical_key.hpp"
#include "upload/upload_result.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace quiltup::quilt {

struct known_object {
  std::uint64_t size = 0;
  entry_hash hash;
  std::string version_id;  // empty on unversioned buckets
  std::string etag;        // without quotes: tells, on an unversioned bucket, that the key was not overwritten
};

// The Quilt hash an upload already determined: SHA256 single-part checksums always, SHA256
// COMPOSITE ones when the parts were Quilt chunks (`quilt_aligned`). nullopt otherwise.
std::optional<entry_hash> quilt_hash_from_upload(const upload::upload_result& uploaded, bool quilt_aligned);

class known_objects {
 public:
  void remember(const std::string& bucket, const std::string& key, known_object object);
  // Records a successful upload whose hash can be derived; false when it cannot.
  bool remember(const upload::upload_result& uploaded, bool quilt_aligned);

  // A pinned location matches only its own version; an unpinned one matches the newest upload
  // of that key made by this process.
  std::optional<known_object> find(const s3_location& location) const;

 private:
  // (bucket, key) → newest; (bucket, key, version) → that version.
  std::map<std::tuple<std::string, std::string>, known_object> latest_;
  std::map<std::tuple<std::string, std::string, std::string>, known_object> versions_;
};

}  // namespace quiltup::quilt
