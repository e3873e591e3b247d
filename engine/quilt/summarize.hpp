#pragma once
// quilt_summarize.json as the catalog reads it (quilt.md §6): a JSON array of rows at the
// package root, each row a file (path string or {"path", "title", "types", "expand", ...}) or an
// array of files shown side by side. Rows, in order:
//   HTML dashboards (.html/.htm, e.g. MultiQC)   {"types": ["html"], "expand": true}
//   tabular previews .csv/.tsv                    {"types": [{"name": "perspective"}]}, small
//                                                 tables grouped two or three per row
//   .parquet                                      {"title"} only: the catalog picks the previewer
//   .json                                         {"types": ["json"]}
//   then the rows of an existing quilt_summarize.json that still point to entries.
// Never `voila` or `jupyter`: notebook rendering must already be set up in the stack.
// Pure logic: the caller reads and writes the objects.
#include "core/error.hpp"
#include "quilt/json_value.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::quilt {

inline constexpr std::string_view summarize_logical_key = "quilt_summarize.json";

struct summarize_file {
  std::string logical_key;
  std::uint64_t size = 0;
};

struct summarize_options {
  std::size_t max_previews = 20;               // files listed by generated rows, all kinds together
  std::uint64_t small_table_bytes = 1ull << 20;  // tables below this are grouped per row
  std::size_t tables_per_row = 3;
  // The bucket allows HTML with relative assets (BucketConfig.browsable). When false,
  // dashboards are listed as text, with a warning.
  bool html_embedding = true;
};

struct summary {
  json_value rows = json_value(json_array{});  // the array written to quilt_summarize.json
  std::size_t dashboards = 0;                   // HTML rows generated
  std::size_t table_previews = 0;               // csv/tsv/parquet rows generated
  std::size_t json_previews = 0;
  std::size_t kept_rows = 0;                    // rows kept from the existing file
  std::vector<std::string> warnings;
};

// `existing` is the current quilt_summarize.json text, if the package has one; when it does
// not parse as an array it is replaced, with a warning.
summary build_summary(std::vector<summarize_file> files, const std::optional<std::string>& existing,
                      const summarize_options& options = {});

// The text to upload: the rows, quilt3-style spacing, one row per line, ending in '\n'.
std::string summary_text(const summary& s);

}  // namespace quiltup::quilt
