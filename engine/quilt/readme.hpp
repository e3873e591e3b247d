#pragma once
// The README.md `enrich` writes when a package has none: title, overview, contents per
// top-level folder, a file summary per extension (count and bytes), the package metadata, and
// how to browse the package. Pure logic, deterministic for the same input.
#include "quilt/json_value.hpp"
#include "quilt/package_name.hpp"
#include "quilt/summarize.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::quilt {

struct readme_input {
  package_name name;
  std::string bucket;
  std::vector<summarize_file> files;  // logical key and size of every entry
  std::optional<std::string> message;
  std::optional<json_value> user_meta;
};

// True when some logical key's file name is readme.md, in any letter case.
bool has_readme(const std::vector<summarize_file>& files);

std::string generate_readme(const readme_input& input);

// "0 B", "999 B", "1.5 KiB", "12.0 MiB": sizes as the README shows them.
std::string human_size(std::uint64_t bytes);

}  // namespace quiltup::quilt
