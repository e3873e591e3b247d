#include "file_body.hpp"

#include "crypto/crc32c.hpp"
#include "crypto/encoding.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace quiltup::cli {
namespace {

struct open_file {
  int fd = -1;
  std::uint64_t size = 0;
  std::uint64_t offset = 0;
  std::string path;
  ~open_file() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

result<file_source> open_file_body(const std::filesystem::path& path, std::string_view argument) {
  auto file = std::make_shared<open_file>();
  file->path = path.string();
  file->fd = ::open(file->path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file->fd < 0) {
    bool missing = errno == ENOENT;
    return make_error(missing ? "FileNotFound" : "FileNotReadable",
                      std::string(argument) + " '" + file->path + "' " +
                          (missing ? "does not exist" : std::string("cannot be opened: ") + std::strerror(errno)),
                      std::string(argument), missing ? "check the path" : "check the file's permissions");
  }
  struct stat st {};
  if (::fstat(file->fd, &st) != 0 || !S_ISREG(st.st_mode))
    return make_error("FileNotReadable", std::string(argument) + " '" + file->path + "' is not a regular file",
                      std::string(argument), "give a file, not a directory or device");
  file->size = static_cast<std::uint64_t>(st.st_size);
  ::posix_fadvise(file->fd, 0, 0, POSIX_FADV_SEQUENTIAL);

  file_source out;
  out.size = file->size;
  out.body.length = static_cast<std::size_t>(file->size);
  out.body.owner = file;
  out.body.read = [file](char* dst, std::size_t capacity) -> std::size_t {
    auto want = static_cast<std::size_t>(std::min<std::uint64_t>(capacity, file->size - file->offset));
    std::size_t done = 0;
    while (done < want) {
      auto n = ::pread(file->fd, dst + done, want - done, static_cast<off_t>(file->offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0)
        throw failure(make_error("FileReadFailed",
                                 "reading '" + file->path + "' failed" + (n < 0 ? std::string(": ") + std::strerror(errno)
                                                                              : std::string(": the file shrank")),
                                 {}, "make sure the file is not modified during the upload"));
      done += static_cast<std::size_t>(n);
    }
    file->offset += done;
    return done;
  };
  out.body.rewind = [file] {
    file->offset = 0;
    return true;
  };
  return out;
}

result<std::string> file_crc32c_base64(const std::filesystem::path& path) {
  auto source = open_file_body(path, "FILE");
  if (!source) return source.error();
  std::vector<char> buffer(1 << 20);  // 1 MiB reads (s3-facts §7)
  std::uint32_t crc = 0;
  try {
    while (auto n = source->body.read(buffer.data(), buffer.size()))
      crc = crypto::crc32c(crc, std::string_view(buffer.data(), n));
  } catch (const failure& f) {
    return f.info();
  }
  std::array<std::uint8_t, 4> big_endian{static_cast<std::uint8_t>(crc >> 24), static_cast<std::uint8_t>(crc >> 16),
                                         static_cast<std::uint8_t>(crc >> 8), static_cast<std::uint8_t>(crc)};
  // in_place: a bare string would also convert to quiltup::error (parenthesized aggregate init).
  return result<std::string>(boost::system::in_place_value, crypto::base64_encode(big_endian));
}

}  // namespace quiltup::cli
