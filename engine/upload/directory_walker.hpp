#pragma once
// Walks a directory tree lazily, one file per next(): keys are the paths relative to the
// directory (with '/' separators) under a prefix. Holds one open directory per level of the
// tree, never the list of files. Symlinks to files are followed; symlinked directories are
// not (no cycles). A directory that cannot be read becomes one failing item naming it.
#include "upload/item_source.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quiltup::upload {

struct walk_options {
  std::string bucket;
  std::string prefix;  // "" or "data/" ('/' added when missing)
  // Copied into every item (the content type is still guessed per file).
  metadata_list metadata;
  std::string cache_control;
  std::string storage_class;
};

class directory_walker final : public item_source {
 public:
  directory_walker(std::filesystem::path root, walk_options options);
  awaitable<std::optional<upload_item>> next() override;

 private:
  upload_item item_for(const std::filesystem::path& file) const;
  upload_item failed_item(const std::filesystem::path& dir, const std::error_code& ec) const;

  std::filesystem::path root_;
  walk_options options_;
  std::vector<std::filesystem::directory_iterator> stack_;
  bool started_ = false;
};

}  // namespace quiltup::upload
