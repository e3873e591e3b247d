#pragma once
// An open local file read by ranges (pread), so parts are read straight into their leased
// buffers and a file is never read whole into memory. Reads are blocking: run them on the
// cpu_pool. Safe to read from several threads at once (pread has no shared offset).
#include "core/bytes.hpp"
#include "core/error.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace quiltup::upload {

class file_source {
 public:
  // Errors name `field`: "FileNotFound", "NotAFile" (a directory or a device), "AccessDenied"
  // (unreadable), "IOError".
  static result<std::shared_ptr<file_source>> open(const std::filesystem::path& path,
                                                   std::string_view field = "path");
  ~file_source();
  file_source(const file_source&) = delete;
  file_source& operator=(const file_source&) = delete;

  std::uint64_t size() const noexcept { return size_; }
  const std::filesystem::path& path() const noexcept { return path_; }

  // Fills `dst` from `offset`. A short read means the file shrank since it was opened:
  // "FileChanged", because uploading a truncated object would be silent corruption.
  result<void> read_at(std::uint64_t offset, std::span<std::byte> dst) const;

 private:
  file_source(int fd, std::uint64_t size, std::filesystem::path path) noexcept
      : fd_(fd), size_(size), path_(std::move(path)) {}
  int fd_;
  std::uint64_t size_;
  std::filesystem::path path_;
};

}  // namespace quiltup::upload
