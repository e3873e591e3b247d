#include "quilt/summarize.hpp"

#include "quilt/canonical_json.hpp"
#include "quilt/manifest.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace quiltup::quilt {
namespace {

std::string file_name_of(std::string_view key) {
  auto slash = key.find_last_of('/');
  return std::string(slash == std::string_view::npos ? key : key.substr(slash + 1));
}

std::string extension_of(std::string_view key) {
  auto name = file_name_of(key);
  auto dot = name.find_last_of('.');
  if (dot == std::string::npos || dot == 0) return {};
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string normalize_path(std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  return std::string(path);
}

json_value types_of(std::initializer_list<json_value> items) { return json_value(json_array(items)); }

json_value row(std::string path, std::string title, std::optional<json_value> types, bool expand = false) {
  json_object o{{"path", json_value(std::move(path))}, {"title", json_value(std::move(title))}};
  if (types) o.push_back({"types", std::move(*types)});
  if (expand) o.push_back({"expand", json_value(true)});
  return json_value(std::move(o));
}

bool is_notebook_type(const json_value& t) {
  const std::string* name = t.as_string();
  if (!name && t.as_object())
    if (auto n = t.find("name")) name = n->as_string();
  return name && (*name == "voila" || *name == "jupyter");
}

// One file of an existing row, kept when its path is an entry; notebook types are removed.
std::optional<json_value> keep_file(const json_value& file, const std::set<std::string>& entries,
                                    std::set<std::string>& referenced, std::vector<std::string>& warnings) {
  if (auto path = file.as_string()) {
    auto p = normalize_path(*path);
    if (!entries.count(p)) return std::nullopt;
    referenced.insert(p);
    return file;
  }
  if (!file.as_object()) return std::nullopt;
  auto path = file.find("path");
  if (!path || !path->as_string()) return std::nullopt;
  auto p = normalize_path(*path->as_string());
  if (!entries.count(p)) return std::nullopt;
  referenced.insert(p);
  json_value kept = file;
  if (auto types = file.find("types"); types && types->as_array()) {
    json_array filtered;
    for (const auto& t : *types->as_array()) {
      if (is_notebook_type(t))
        warnings.push_back("removed a voila/jupyter type from the existing row for '" + p +
                           "': quiltup never enables notebook rendering");
      else
        filtered.push_back(t);
    }
    kept.set("types", json_value(std::move(filtered)));
  }
  return kept;
}

}  // namespace

summary build_summary(std::vector<summarize_file> files, const std::optional<std::string>& existing,
                      const summarize_options& options) {
  summary out;
  std::sort(files.begin(), files.end(),
            [](const summarize_file& a, const summarize_file& b) { return walk_order_less(a.logical_key, b.logical_key); });
  std::set<std::string> entries;
  for (const auto& f : files) entries.insert(f.logical_key);

  json_array kept_rows;
  std::set<std::string> referenced;
  if (existing) {
    auto parsed = parse_json(*existing);
    if (!parsed || !parsed->as_array()) {
      out.warnings.push_back("the existing quilt_summarize.json is not a JSON array of rows; it was replaced");
    } else {
      for (const auto& r : *parsed->as_array()) {
        if (auto group = r.as_array()) {
          json_array files_kept;
          for (const auto& f : *group)
            if (auto k = keep_file(f, entries, referenced, out.warnings)) files_kept.push_back(std::move(*k));
          if (!files_kept.empty()) kept_rows.push_back(json_value(std::move(files_kept)));
        } else if (auto k = keep_file(r, entries, referenced, out.warnings)) {
          kept_rows.push_back(std::move(*k));
        }
      }
    }
  }

  std::vector<const summarize_file*> dashboards, tables, parquets, jsons;
  for (const auto& f : files) {
    if (f.logical_key == summarize_logical_key || referenced.count(f.logical_key)) continue;
    auto ext = extension_of(f.logical_key);
    if (ext == "html" || ext == "htm") dashboards.push_back(&f);
    else if (ext == "csv" || ext == "tsv") tables.push_back(&f);
    else if (ext == "parquet") parquets.push_back(&f);
    else if (ext == "json") jsons.push_back(&f);
  }

  json_array rows;
  std::size_t listed = 0, skipped = 0;
  auto room = [&] { return listed < options.max_previews; };

  for (const auto* f : dashboards) {
    if (!room()) { ++skipped; continue; }
    if (options.html_embedding) {
      rows.push_back(row(f->logical_key, file_name_of(f->logical_key), types_of({json_value("html")}), true));
    } else {
      rows.push_back(row(f->logical_key, file_name_of(f->logical_key), types_of({json_value("text")})));
    }
    ++out.dashboards;
    ++listed;
  }
  if (!dashboards.empty() && !options.html_embedding)
    out.warnings.push_back("the bucket is not browsable, so HTML dashboards are listed as text; enable browsing on "
                           "the bucket and change their types to [\"html\"] to render them");

  json_array group;
  auto flush_group = [&] {
    if (group.size() == 1) rows.push_back(std::move(group.front()));
    else if (!group.empty()) rows.push_back(json_value(std::move(group)));
    group = json_array{};
  };
  for (const auto* f : tables) {
    if (!room()) { ++skipped; continue; }
    auto r = row(f->logical_key, "Preview: " + file_name_of(f->logical_key),
                 types_of({json_value(json_object{{"name", json_value("perspective")}})}));
    if (f->size < options.small_table_bytes && options.tables_per_row > 1) {
      group.push_back(std::move(r));
      if (group.size() >= options.tables_per_row) flush_group();
    } else {
      flush_group();
      rows.push_back(std::move(r));
    }
    ++out.table_previews;
    ++listed;
  }
  flush_group();
  for (const auto* f : parquets) {
    if (!room()) { ++skipped; continue; }
    rows.push_back(row(f->logical_key, "Preview: " + file_name_of(f->logical_key), std::nullopt));
    ++out.table_previews;
    ++listed;
  }
  for (const auto* f : jsons) {
    if (!room()) { ++skipped; continue; }
    rows.push_back(row(f->logical_key, "Preview: " + file_name_of(f->logical_key), types_of({json_value("json")})));
    ++out.json_previews;
    ++listed;
  }
  if (skipped)
    out.warnings.push_back(std::to_string(skipped) + " more previewable files were not listed (cap " +
                           std::to_string(options.max_previews) + "); edit quilt_summarize.json to choose others");

  out.kept_rows = kept_rows.size();
  for (auto& r : kept_rows) rows.push_back(std::move(r));
  out.rows = json_value(std::move(rows));
  return out;
}

std::string summary_text(const summary& s) {
  std::string out = "[";
  const auto& rows = *s.rows.as_array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += i ? ",\n  " : "\n  ";
    write_json(out, rows[i], json_style::manifest);
  }
  out += rows.empty() ? "]\n" : "\n]\n";
  return out;
}

}  // namespace quiltup::quilt
