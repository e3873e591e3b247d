#include "quilt/readme.hpp"

#include "quilt/canonical_json.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace quiltup::quilt {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string file_name_of(std::string_view key) {
  auto slash = key.find_last_of('/');
  return std::string(slash == std::string_view::npos ? key : key.substr(slash + 1));
}

// Table cells must not break the Markdown table.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

struct tally {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
};

}  // namespace

bool has_readme(const std::vector<summarize_file>& files) {
  return std::any_of(files.begin(), files.end(),
                     [](const summarize_file& f) { return lower(file_name_of(f.logical_key)) == "readme.md"; });
}

std::string human_size(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  const char* units[] = {"KiB", "MiB", "GiB", "TiB", "PiB"};
  double v = static_cast<double>(bytes) / 1024;
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
  return buf;
}

std::string generate_readme(const readme_input& in) {
  std::map<std::string, tally> folders;     // "" = the package root
  std::map<std::string, tally> extensions;  // "" = no extension
  tally total;
  for (const auto& f : in.files) {
    auto slash = f.logical_key.find('/');
    auto folder = slash == std::string::npos ? std::string() : f.logical_key.substr(0, slash + 1);
    auto name = file_name_of(f.logical_key);
    auto dot = name.find_last_of('.');
    auto ext = dot == std::string::npos || dot == 0 ? std::string() : lower(name.substr(dot));
    for (auto* t : {&folders[folder], &extensions[ext], &total}) {
      t->files++;
      t->bytes += f.size;
    }
  }

  std::string out = "# " + in.name.str() + "\n\n";
  if (in.message && !in.message->empty()) out += *in.message + "\n\n";
  out += "A Quilt package in `s3://" + in.bucket + "` with " + std::to_string(total.files) +
         (total.files == 1 ? " file" : " files") + " (" + human_size(total.bytes) + ").\n\n";

  out += "## Contents\n\n| Folder | Files | Size |\n|---|---:|---:|\n";
  for (const auto& [folder, t] : folders)
    out += "| " + (folder.empty() ? std::string("(package root)") : "`" + cell(folder) + "`") + " | " +
           std::to_string(t.files) + " | " + human_size(t.bytes) + " |\n";

  out += "\n## Files by type\n\n| Extension | Files | Size |\n|---|---:|---:|\n";
  for (const auto& [ext, t] : extensions)
    out += "| " + (ext.empty() ? std::string("(none)") : "`" + cell(ext) + "`") + " | " + std::to_string(t.files) +
           " | " + human_size(t.bytes) + " |\n";

  if (in.user_meta && !in.user_meta->is_null()) {
    out += "\n## Metadata\n\n```json\n" + to_json(*in.user_meta, json_style::manifest) + "\n```\n";
  }

  out += "\n## How to browse\n\n";
  out += "- In the Quilt catalog: open `/b/" + in.bucket + "/packages/" + in.name.str() + "`.\n";
  out += "- With quiltup: `quiltup package browse " + in.name.str() + " s3://" + in.bucket + "`.\n";
  out += "- With quilt3: `quilt3.Package.browse(\"" + in.name.str() + "\", registry=\"s3://" + in.bucket + "\")`.\n";
  if (std::any_of(in.files.begin(), in.files.end(),
                  [](const summarize_file& f) { return f.logical_key == summarize_logical_key; }))
    out += "- Previews and dashboards are listed in `quilt_summarize.json`.\n";
  return out;
}

}  // namespace quiltup::quilt
