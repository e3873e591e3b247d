#include "upload/upload_item.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace quiltup::upload;
namespace fs = std::filesystem;

namespace {

upload_item text_item(std::string key, std::string text) {
  upload_item it;
  it.bucket = "b";
  it.key = std::move(key);
  it.text = std::move(text);
  return it;
}

fs::path temp_file(const std::string& name, const std::string& content) {
  auto dir = fs::temp_directory_path() / ("quiltup-item-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto p = dir / name;
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

}  // namespace

TEST_CASE("upload_item: text becomes its UTF-8 bytes and the content type is guessed", "[upload][upload_item]") {
  auto r = check_item(text_item("docs/readme.md", "# h\u00e9llo"));
  REQUIRE(r.has_value());
  CHECK(*r->payload.bytes == "# h\xc3\xa9llo");
  CHECK(r->payload.size() == 8);
  CHECK(r->payload.in_memory());
  CHECK(r->content_type == "text/markdown");
}

TEST_CASE("upload_item: an explicit content type wins over the guess", "[upload][upload_item]") {
  auto it = text_item("a.md", "x");
  it.content_type = "text/plain; charset=utf-8";
  auto r = check_item(std::move(it));
  REQUIRE(r.has_value());
  CHECK(r->content_type == "text/plain; charset=utf-8");
}

TEST_CASE("upload_item: latin-1 and ascii encodings, and their failures", "[upload][upload_item]") {
  auto it = text_item("a.txt", "caf\u00e9");
  it.encoding = "latin-1";
  auto r = check_item(it);
  REQUIRE(r.has_value());
  CHECK(*r->payload.bytes == "caf\xe9");

  it.encoding = "ascii";
  auto bad = check_item(it, "items[2]");
  REQUIRE(bad.has_error());
  CHECK(bad.error().field == "items[2].encoding");

  it.encoding = "ebcdic";
  auto unknown = check_item(it, "items[2]");
  REQUIRE(unknown.has_error());
  CHECK(unknown.error().message.find("ebcdic") != std::string::npos);
}

TEST_CASE("upload_item: base64 data is decoded, invalid base64 names the field", "[upload][upload_item]") {
  upload_item it;
  it.bucket = "b";
  it.key = "data.csv";
  it.data = "Y29sdW1uMSxjb2x1bW4yCjEsMgo=";
  auto r = check_item(it);
  REQUIRE(r.has_value());
  CHECK(*r->payload.bytes == "column1,column2\n1,2\n");
  CHECK(r->content_type == "text/csv");

  it.data = "not base64!";
  auto bad = check_item(it, "items[0]");
  REQUIRE(bad.has_error());
  CHECK(bad.error().code == "InvalidArgument");
  CHECK(bad.error().field == "items[0].data");
}

TEST_CASE("upload_item: keys must be non-empty and at most 1,024 bytes", "[upload][upload_item]") {
  auto empty = check_item(text_item("", "x"), "items[5]");
  REQUIRE(empty.has_error());
  CHECK(empty.error().field == "items[5].key");

  CHECK(check_item(text_item(std::string(1024, 'k'), "x")).has_value());
  auto too_long = check_item(text_item(std::string(1025, 'k'), "x"), "items[1]");
  REQUIRE(too_long.has_error());
  CHECK(too_long.error().field == "items[1].key");
}

TEST_CASE("upload_item: exactly one source", "[upload][upload_item]") {
  upload_item none;
  none.bucket = "b";
  none.key = "k";
  auto r = check_item(none);
  REQUIRE(r.has_error());
  CHECK(r.error().message.find("no content") != std::string::npos);

  auto both = text_item("k", "x");
  both.data = "eA==";
  auto r2 = check_item(both);
  REQUIRE(r2.has_error());
  CHECK(r2.error().message.find("more than one") != std::string::npos);
}

TEST_CASE("upload_item: a bucket is required", "[upload][upload_item]") {
  auto it = text_item("k", "x");
  it.bucket.clear();
  auto r = check_item(it);
  REQUIRE(r.has_error());
  CHECK(r.error().field == "bucket");
}

TEST_CASE("upload_item: path sources are opened, missing files and directories fail alone", "[upload][upload_item]") {
  auto file = temp_file("ok.bin", std::string(3000, 'z'));
  upload_item it;
  it.bucket = "b";
  it.key = "ok.bin";
  it.path = file;
  auto r = check_item(it);
  REQUIRE(r.has_value());
  CHECK_FALSE(r->payload.in_memory());
  CHECK(r->payload.size() == 3000);

  it.path = file.parent_path() / "missing.bin";
  auto missing = check_item(it, "items[9]");
  REQUIRE(missing.has_error());
  CHECK(missing.error().code == "FileNotFound");
  CHECK(missing.error().field == "items[9].path");

  it.path = file.parent_path();
  auto dir = check_item(it);
  REQUIRE(dir.has_error());
  CHECK(dir.error().code == "NotAFile");
  fs::remove_all(file.parent_path());
}

TEST_CASE("upload_item: key_for joins prefix and relative path with one slash", "[upload][upload_item]") {
  CHECK(key_for("", "a/b.txt") == "a/b.txt");
  CHECK(key_for("pre", "a/b.txt") == "pre/a/b.txt");
  CHECK(key_for("pre/", "b.txt") == "pre/b.txt");
}
