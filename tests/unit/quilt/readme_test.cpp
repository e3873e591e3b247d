#include "quilt/readme.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::quilt;

TEST_CASE("readme: finds an existing README in any folder and letter case", "[quilt][readme]") {
  CHECK(has_readme({{"docs/ReadMe.MD", 1}}));
  CHECK(has_readme({{"README.md", 1}}));
  CHECK_FALSE(has_readme({{"README.txt", 1}, {"readme.md.bak", 1}, {"notreadme.md", 1}}));
  CHECK_FALSE(has_readme({}));
}

TEST_CASE("readme: sizes are shown in binary units", "[quilt][readme]") {
  CHECK(human_size(0) == "0 B");
  CHECK(human_size(1023) == "1023 B");
  CHECK(human_size(1536) == "1.5 KiB");
  CHECK(human_size(12ull << 20) == "12.0 MiB");
  CHECK(human_size(3ull << 40) == "3.0 TiB");
}

TEST_CASE("readme: title, contents per folder, sizes per extension, metadata and how to browse", "[quilt][readme]") {
  readme_input in;
  in.name = {"team", "cells"};
  in.bucket = "lab-bucket";
  in.message = "Cell painting run 7";
  in.user_meta = parse_json(R"({"author": "Jane", "run": 7})").value();
  in.files = {{"data/a.csv", 1024}, {"data/b.CSV", 1024}, {"data/x|y.tsv", 10}, {"notes.txt", 5},
              {"quilt_summarize.json", 50}, {"LICENSE", 3}};
  auto md = generate_readme(in);
  INFO(md);
  CHECK(md.starts_with("# team/cells\n\nCell painting run 7\n\n"));
  CHECK(md.find("with 6 files (2.1 KiB)") != std::string::npos);
  CHECK(md.find("| `data/` | 3 | 2.0 KiB |") != std::string::npos);
  CHECK(md.find("| (package root) | 3 | 58 B |") != std::string::npos);
  CHECK(md.find("| `.csv` | 2 | 2.0 KiB |") != std::string::npos);  // extensions compared in lower case
  CHECK(md.find("| (none) | 1 | 3 B |") != std::string::npos);
  CHECK(md.find("\"author\": \"Jane\"") != std::string::npos);
  CHECK(md.find("quiltup package browse team/cells s3://lab-bucket") != std::string::npos);
  CHECK(md.find("quilt3.Package.browse(\"team/cells\", registry=\"s3://lab-bucket\")") != std::string::npos);
  CHECK(md.find("quilt_summarize.json") != std::string::npos);
  // The same input gives the same text: revisions made from it hash the same.
  CHECK(generate_readme(in) == md);
  // No metadata section when the package has none.
  in.user_meta.reset();
  CHECK(generate_readme(in).find("## Metadata") == std::string::npos);
}
