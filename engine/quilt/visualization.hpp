#pragma once
// `package_visualization enrich`: reads the latest revision, writes quilt_summarize.json (and a
// README.md when the package has none) next to the package's other generated files, and
// records them in a new revision that keeps every existing entry (physical key, size, hash,
// meta) and the same user_meta, with the message "Added visualization metadata for <name>".
// Works with either backend; the generated objects go up through the upload engine.
//
// Used from the s3 client's executor only; everything passed by reference outlives the call.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "quilt/known_objects.hpp"
#include "quilt/package_backend.hpp"
#include "quilt/summarize.hpp"
#include "s3/client.hpp"
#include "upload/upload_result.hpp"

#include <string>
#include <vector>

namespace quiltup::upload {
class uploader;
}

namespace quiltup::quilt {

struct enrich_params {
  std::string name;    // "namespace/name"
  std::string bucket;
  summarize_options summary;
};

struct enrich_result {
  package_name name;
  std::string bucket;
  std::string previous_top_hash;
  bool readme_created = false;
  std::string summary_key;  // S3 key of the uploaded quilt_summarize.json
  std::string readme_key;   // S3 key of the generated README.md; empty when the package had one
  std::size_t dashboards_added = 0;
  std::size_t table_visualizations = 0;
  std::size_t json_previews = 0;
  std::size_t kept_rows = 0;
  std::vector<upload::upload_result> uploads;
  create_result revision;  // the new revision (top_hash, entries)
  std::vector<std::string> warnings;
  std::string message;  // "Package visualization assets generated successfully."
};

std::string enrich_message(const package_name& name);  // "Added visualization metadata for <name>"

awaitable<result<enrich_result>> enrich(package_backend& backend, upload::uploader& uploader, s3::client& s3,
                                        enrich_params params, known_objects* known = nullptr);

}  // namespace quiltup::quilt
