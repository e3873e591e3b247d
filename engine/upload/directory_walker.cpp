#include "upload/directory_walker.hpp"

namespace quiltup::upload {

namespace fs = std::filesystem;

directory_walker::directory_walker(fs::path root, walk_options options)
    : root_(std::move(root)), options_(std::move(options)) {}

upload_item directory_walker::item_for(const fs::path& file) const {
  upload_item item;
  item.bucket = options_.bucket;
  item.key = key_for(options_.prefix, file.lexically_relative(root_));
  item.path = file;
  item.metadata = options_.metadata;
  item.cache_control = options_.cache_control;
  item.storage_class = options_.storage_class;
  return item;
}

upload_item directory_walker::failed_item(const fs::path& dir, const std::error_code& ec) const {
  upload_item item = item_for(dir);
  if (dir == root_) item.key = key_for(options_.prefix, root_.filename());
  bool missing = ec == std::errc::no_such_file_or_directory;
  item.source_error = make_error(missing ? "FileNotFound" : "AccessDenied",
                                 "cannot read directory '" + dir.string() + "': " + ec.message(), "path",
                                 missing ? "check the path" : "grant read and execute permission on the directory");
  return item;
}

awaitable<std::optional<upload_item>> directory_walker::next() {
  std::error_code ec;
  if (!started_) {
    started_ = true;
    fs::directory_iterator root(root_, ec);
    if (ec) co_return failed_item(root_, ec);
    stack_.push_back(std::move(root));
  } else if (!stack_.empty()) {
    stack_.back().increment(ec);
    if (ec) stack_.pop_back();  // the rest of that directory is unreadable; its parent goes on
  }
  while (!stack_.empty()) {
    auto& it = stack_.back();
    if (it == fs::directory_iterator()) {
      stack_.pop_back();
      if (!stack_.empty()) stack_.back().increment(ec);
      continue;
    }
    const auto& entry = *it;
    std::error_code type_ec;
    if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
      fs::directory_iterator child(entry.path(), ec);
      if (ec) {
        auto bad = failed_item(entry.path(), ec);
        it.increment(ec);
        co_return bad;
      }
      stack_.push_back(std::move(child));
      continue;
    }
    if (entry.is_regular_file(type_ec)) co_return item_for(entry.path());
    it.increment(ec);
  }
  co_return std::nullopt;
}

}  // namespace quiltup::upload
