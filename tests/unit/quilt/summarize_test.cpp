#include "quilt/summarize.hpp"

#include "support/json_schema_check.hpp"
#include "support/testdata.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::quilt;
namespace json = boost::json;

namespace {

const quiltup::test::json_schema_check& summarize_schema() {
  static const quiltup::test::json_schema_check check(
      json::parse(quiltup::test::read_file(quiltup::test::testdata_dir() / "quilt/schemas/quilt_summarize.json")));
  return check;
}

std::string errors_of(const json::value& v) {
  std::string all;
  for (const auto& e : summarize_schema().errors(v)) all += e + "\n";
  return all;
}

std::vector<summarize_file> sample_files() {
  return {
      {"reports/multiqc_report.html", 500'000},
      {"data/counts.csv", 1'000},
      {"data/samples.tsv", 2'000},
      {"data/big.csv", 50ull << 20},
      {"data/table.parquet", 10'000},
      {"meta/config.json", 300},
      {"images/cell.png", 4'000},
      {"README.md", 100},
  };
}

}  // namespace

TEST_CASE("summarize: the schema checker rejects what the catalog would not read", "[quilt][summarize]") {
  // Variant A's object form, rows without path, unknown type names: each must fail.
  CHECK_FALSE(summarize_schema().valid(json::parse(R"({"package_info": {}})")));
  CHECK_FALSE(summarize_schema().valid(json::parse(R"([{"title": "no path"}])")));
  CHECK_FALSE(summarize_schema().valid(json::parse(R"([{"path": "a.csv", "types": ["table"]}])")));
  CHECK_FALSE(summarize_schema().valid(json::parse(R"([{"path": "a.csv", "types": [{"style": {}}]}])")));
  CHECK_FALSE(summarize_schema().valid(json::parse(R"([{"path": "a.csv", "expand": "yes"}])")));
  CHECK_FALSE(summarize_schema().valid(json::parse(R"([[1]])")));
  // The spec's own example validates.
  CHECK(errors_of(json::parse(R"([
    {"path": "reports/multiqc_report.html", "title": "multiqc_report.html", "types": ["html"], "expand": true},
    [{"path": "data/counts.csv", "title": "Preview: counts.csv", "types": [{"name": "perspective"}]},
     {"path": "data/samples.tsv", "title": "Preview: samples.tsv", "types": [{"name": "perspective"}]}],
    {"path": "meta/config.json", "title": "Preview: config.json", "types": ["json"]}
  ])")) == "");
}

TEST_CASE("summarize: rows in the catalog's array format, dashboards first, small tables grouped",
          "[quilt][summarize]") {
  auto s = build_summary(sample_files(), std::nullopt);
  auto text = summary_text(s);
  auto rows = json::parse(text);
  INFO(text);
  CHECK(errors_of(rows) == "");
  REQUIRE(rows.is_array());
  const auto& a = rows.as_array();
  REQUIRE(a.size() == 5);
  CHECK(a[0] == json::parse(
                    R"({"path": "reports/multiqc_report.html", "title": "multiqc_report.html", "types": ["html"], "expand": true})"));
  // Walk order: data/big.csv, data/counts.csv, data/samples.tsv; big stands alone, the two small share a row.
  CHECK(a[1] == json::parse(R"({"path": "data/big.csv", "title": "Preview: big.csv", "types": [{"name": "perspective"}]})"));
  REQUIRE(a[2].is_array());
  CHECK(a[2].as_array().size() == 2);
  CHECK(a[2].as_array()[0].at("path") == "data/counts.csv");
  CHECK(a[2].as_array()[1].at("path") == "data/samples.tsv");
  CHECK(a[3] == json::parse(R"({"path": "data/table.parquet", "title": "Preview: table.parquet"})"));
  CHECK(a[4] == json::parse(R"({"path": "meta/config.json", "title": "Preview: config.json", "types": ["json"]})"));
  CHECK(s.dashboards == 1);
  CHECK(s.table_previews == 4);
  CHECK(s.json_previews == 1);
  CHECK(text.find("voila") == std::string::npos);
  CHECK(text.find("jupyter") == std::string::npos);
  CHECK(text.find("cell.png") == std::string::npos);
}

TEST_CASE("summarize: existing rows are kept only while their files are entries — notebook types dropped",
          "[quilt][summarize]") {
  std::string existing = R"([
    "images/cell.png",
    {"path": "gone.csv", "types": ["perspective"]},
    [{"path": "./data/counts.csv", "title": "My counts", "types": ["perspective"]}, "gone.json"],
    {"path": "nb/analysis.ipynb", "types": ["voila", "text"]}
  ])";
  auto files = sample_files();
  files.push_back({"nb/analysis.ipynb", 10});
  auto s = build_summary(files, existing);
  auto rows = json::parse(summary_text(s));
  CHECK(errors_of(rows) == "");
  CHECK(s.kept_rows == 3);
  auto text = summary_text(s);
  INFO(text);
  CHECK(text.find("gone") == std::string::npos);
  CHECK(text.find("voila") == std::string::npos);
  CHECK(text.find("My counts") != std::string::npos);
  // counts.csv is covered by the kept row, so no generated row repeats it.
  CHECK(text.find("Preview: counts.csv") == std::string::npos);
  CHECK(!s.warnings.empty());
  const auto& a = rows.as_array();
  CHECK(a.back() == json::parse(R"({"path": "nb/analysis.ipynb", "types": ["text"]})"));
}

TEST_CASE("summarize: a broken existing file is replaced with a warning — the cap is honoured", "[quilt][summarize]") {
  std::vector<summarize_file> files;
  for (int i = 0; i < 30; ++i) files.push_back({"t/" + std::to_string(100 + i) + ".json", 10});
  summarize_options options;
  options.max_previews = 5;
  auto s = build_summary(files, std::string("{\"package_info\": {}}"), options);
  CHECK(s.json_previews == 5);
  CHECK(s.rows.as_array()->size() == 5);
  REQUIRE(s.warnings.size() == 2);
  CHECK(s.warnings[0].find("not a JSON array") != std::string::npos);
  CHECK(s.warnings[1].find("25 more") != std::string::npos);
  CHECK(errors_of(json::parse(summary_text(s))) == "");
}

TEST_CASE("summarize: without HTML embedding dashboards become text rows, with a warning", "[quilt][summarize]") {
  summarize_options options;
  options.html_embedding = false;
  auto s = build_summary({{"r/report.HTM", 10}}, std::nullopt, options);
  auto rows = json::parse(summary_text(s));
  CHECK(errors_of(rows) == "");
  CHECK(rows.as_array()[0].at("types") == json::parse(R"(["text"])"));
  CHECK(s.warnings.size() == 1);
  // An empty package gives an empty (still valid) array.
  auto empty = build_summary({}, std::nullopt);
  CHECK(summary_text(empty) == "[]\n");
  CHECK(errors_of(json::parse(summary_text(empty))) == "");
}
