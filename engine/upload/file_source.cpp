#include "upload/file_source.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace quiltup::upload {

namespace {

error open_error(int err, const std::filesystem::path& path, std::string_view field) {
  auto p = "'" + path.string() + "'";
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return make_error("FileNotFound", "file " + p + " does not exist", std::string(field),
                        "check the path (relative paths start at the current directory)");
    case EACCES:
    case EPERM:
      return make_error("AccessDenied", "file " + p + " is not readable", std::string(field),
                        "grant read permission or upload another file");
    default:
      return make_error("IOError", "cannot open " + p + ": " + std::strerror(err), std::string(field));
  }
}

}  // namespace

result<std::shared_ptr<file_source>> file_source::open(const std::filesystem::path& path, std::string_view field) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return open_error(errno, path, field);
  struct stat st{};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return open_error(err, path, field);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return make_error("NotAFile", "'" + path.string() + "' is not a regular file", std::string(field),
                      "give a file; directories are uploaded by walking them");
  }
  // Sequential hint: parts are read front to back, so readahead helps.
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::shared_ptr<file_source>(new file_source(fd, static_cast<std::uint64_t>(st.st_size), path));
}

file_source::~file_source() { ::close(fd_); }

result<void> file_source::read_at(std::uint64_t offset, std::span<std::byte> dst) const {
  std::size_t done = 0;
  while (done < dst.size()) {
    auto n = ::pread(fd_, dst.data() + done, dst.size() - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return make_error("IOError", "reading '" + path_.string() + "' at byte " + std::to_string(offset + done) +
                                       " failed: " + std::strerror(errno),
                        "path");
    }
    if (n == 0)
      return make_error("FileChanged",
                        "'" + path_.string() + "' became shorter while it was uploaded (expected " +
                            std::to_string(size_) + " bytes)",
                        "path", "upload files that are not being written to");
    done += static_cast<std::size_t>(n);
  }
  return {};
}

}  // namespace quiltup::upload
