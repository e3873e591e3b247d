#pragma once
// A file as a streaming http::body: read with pread at a moving offset (so rewind is just
// "offset = 0" and a retry re-reads the file), never held whole in memory.
#include "core/error.hpp"
#include "http/body.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace quiltup::cli {

struct file_source {
  http::body body;
  std::uint64_t size = 0;
};

// Errors "FileNotFound" / "FileNotReadable" name `argument` and the path.
result<file_source> open_file_body(const std::filesystem::path& path, std::string_view argument);

// One pass over the file: base64 CRC32C (big-endian), as x-amz-checksum-crc32c wants it.
result<std::string> file_crc32c_base64(const std::filesystem::path& path);

}  // namespace quiltup::cli
