#include "upload/content_type.hpp"

#include <catch2/catch.hpp>

using quiltup::upload::guess_content_type;

TEST_CASE("content_type: common extensions, case-insensitive, last segment only", "[upload][content_type]") {
  CHECK(guess_content_type("data/table.csv") == "text/csv");
  CHECK(guess_content_type("README.md") == "text/markdown");
  CHECK(guess_content_type("x/IMAGE.PNG") == "image/png");
  CHECK(guess_content_type("a.tar.gz") == "application/gzip");
  CHECK(guess_content_type("notes.json") == "application/json");
  CHECK(guess_content_type("/tmp/run.parquet") == "application/vnd.apache.parquet");
}

TEST_CASE("content_type: unknown, missing or hidden-file extensions give octet-stream", "[upload][content_type]") {
  CHECK(guess_content_type("Makefile") == "application/octet-stream");
  CHECK(guess_content_type("dir.d/file") == "application/octet-stream");
  CHECK(guess_content_type(".bashrc") == "application/octet-stream");
  CHECK(guess_content_type("trailing.") == "application/octet-stream");
  CHECK(guess_content_type("x.unknownext") == "application/octet-stream");
}
