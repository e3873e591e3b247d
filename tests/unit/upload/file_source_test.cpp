#include "upload/file_source.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <vector>

using namespace quiltup::upload;
namespace fs = std::filesystem;

TEST_CASE("file_source: reads any range, detects a file that shrank", "[upload][file_source]") {
  auto p = fs::temp_directory_path() / ("quiltup-fs-" + std::to_string(::getpid()) + ".bin");
  std::string content;
  for (int i = 0; i < 100'000; ++i) content.push_back(static_cast<char>(i * 7));
  std::ofstream(p, std::ios::binary) << content;

  auto f = file_source::open(p);
  REQUIRE(f.has_value());
  CHECK((*f)->size() == content.size());
  std::vector<std::byte> buf(4096);
  REQUIRE((*f)->read_at(12'345, buf).has_value());
  CHECK(std::memcmp(buf.data(), content.data() + 12'345, buf.size()) == 0);

  fs::resize_file(p, 50'000);
  auto r = (*f)->read_at(49'000, buf);
  REQUIRE(r.has_error());
  CHECK(r.error().code == "FileChanged");
  fs::remove(p);
}

TEST_CASE("file_source: missing files and directories are errors naming the field", "[upload][file_source]") {
  auto missing = file_source::open("/nonexistent/x.bin", "items[4].path");
  REQUIRE(missing.has_error());
  CHECK(missing.error().code == "FileNotFound");
  CHECK(missing.error().field == "items[4].path");
  auto dir = file_source::open(fs::temp_directory_path());
  REQUIRE(dir.has_error());
  CHECK(dir.error().code == "NotAFile");
}
