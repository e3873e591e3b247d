#include "quilt/manifest.hpp"

#include "quilt/canonical_json.hpp"

#include <algorithm>
#include <charconv>

namespace quiltup::quilt {
namespace {

error record_error(std::size_t line, std::string what, std::string field, std::string hint) {
  return make_error("InvalidManifest", "manifest line " + std::to_string(line) + ": " + std::move(what),
                    std::move(field), std::move(hint));
}

std::optional<std::uint64_t> as_size(const json_value* v) {
  if (!v || !v->as_number() || v->as_number()->is_float) return std::nullopt;
  const auto& text = v->as_number()->text;
  std::uint64_t n = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return n;
}

json_value entry_record(const manifest_entry& e) {
  // quilt3's PackageEntry: `meta or {}`, so a missing meta is written as {}.
  json_value meta = e.meta.is_null() ? json_value::empty_object() : e.meta;
  return json_object{
      {"logical_key", e.logical_key},
      {"physical_keys", json_array{json_value(e.physical_key)}},
      {"size", json_number{std::to_string(e.size), false}},
      {"hash", json_object{{"type", e.hash.type}, {"value", e.hash.value}}},
      {"meta", std::move(meta)},
  };
}

}  // namespace

json_value make_header(const std::optional<std::string>& message, const std::optional<json_value>& user_meta) {
  json_value header(json_object{{"version", json_value("v0")}});
  header.set("message", message ? json_value(*message) : json_value(nullptr));
  if (user_meta) header.set("user_meta", *user_meta);
  return header;
}

bool walk_order_less(std::string_view a, std::string_view b) {
  while (true) {
    auto a_end = a.find('/');
    auto b_end = b.find('/');
    auto a_part = a.substr(0, a_end);
    auto b_part = b.substr(0, b_end);
    if (a_part != b_part) return a_part < b_part;  // string_view compares bytes as unsigned
    // Equal components: the key that ends here is the shorter tuple, and sorts first.
    if (a_end == std::string_view::npos || b_end == std::string_view::npos)
      return a_end == std::string_view::npos && b_end != std::string_view::npos;
    a.remove_prefix(a_end + 1);
    b.remove_prefix(b_end + 1);
  }
}

result<void> validate_logical_key(std::string_view key) {
  std::string_view rest = key;
  bool bad = key.empty();
  while (!bad) {
    auto slash = rest.find('/');
    auto part = rest.substr(0, slash);
    if (part.empty() || part == "." || part == "..") bad = true;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  if (!bad) return {};
  return make_error("InvalidArgument", "logical key '" + std::string(key) + "' is not a valid package path",
                    "logical_key",
                    "use '/'-separated names without empty, '.' or '..' parts and no leading or trailing '/', "
                    "e.g. 'data/counts.csv'");
}

result<void> add_manifest_record(manifest& m, const json_value& record, std::size_t line) {
  if (!record.as_object())
    return record_error(line, "expected a JSON object", {}, "each manifest line after the header is one object");
  const auto* lk = record.find("logical_key");
  if (!lk || !lk->as_string())
    return record_error(line, "'logical_key' is missing or not a string", "logical_key",
                        "every entry needs its path in the package, e.g. \"logical_key\": \"data/a.csv\"");
  const auto* meta = record.find("meta");
  const auto* pks = record.find("physical_keys");

  // quilt3 treats a line without physical keys as directory-level metadata.
  bool has_pks = pks && pks->as_array() && !pks->as_array()->empty();
  if (!has_pks) {
    if (pks && !pks->is_null() && !pks->as_array())
      return record_error(line, "'physical_keys' must be a list", "physical_keys",
                          "write it as [\"s3://bucket/key?versionId=...\"]");
    m.directories.push_back({*lk->as_string(), meta ? *meta : json_value()});
    return {};
  }
  const auto& keys = *pks->as_array();
  if (keys.size() != 1 || !keys.front().as_string())
    return record_error(line, "'physical_keys' must hold exactly one string", "physical_keys",
                        "Quilt supports one physical key per entry, e.g. [\"s3://bucket/key\"]");

  auto size = as_size(record.find("size"));
  if (!size)
    return record_error(line, "'size' is missing or not a non-negative integer", "size",
                        "write the object size in bytes, e.g. \"size\": 1024");

  const auto* hash = record.find("hash");
  const auto* type = hash ? hash->find("type") : nullptr;
  const auto* value = hash ? hash->find("value") : nullptr;
  if (!type || !type->as_string() || !value || !value->as_string())
    return record_error(line, "'hash' must be an object with string 'type' and 'value'", "hash",
                        "e.g. {\"type\": \"sha2-256-chunked\", \"value\": \"<base64>\"}");

  m.entries.push_back(manifest_entry{
      .logical_key = *lk->as_string(),
      .physical_key = *keys.front().as_string(),
      .size = *size,
      .hash = {*type->as_string(), *value->as_string()},
      .meta = meta ? *meta : json_value(),
  });
  return {};
}

result<manifest> parse_manifest(std::string_view jsonl) {
  manifest m;
  bool have_header = false;
  std::size_t line_no = 0;
  while (!jsonl.empty()) {
    auto nl = jsonl.find('\n');
    auto line = jsonl.substr(0, nl);
    jsonl.remove_prefix(nl == std::string_view::npos ? jsonl.size() : nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;

    auto record = parse_json(line);
    if (!record) {
      auto e = record.error();
      e.message = "manifest line " + std::to_string(line_no) + ": " + e.message;
      e.code = "InvalidManifest";
      return e;
    }
    if (!have_header) {
      if (!record->as_object())
        return record_error(line_no, "the header must be a JSON object", {},
                            "the first line holds the package metadata, e.g. {\"version\": \"v0\"}");
      // Legacy manifests carry their own top hash in the header; quilt3 drops it on load, and
      // it must not feed the hash it describes.
      record->erase("top_hash");
      m.header = std::move(*record);
      have_header = true;
      continue;
    }
    if (auto added = add_manifest_record(m, *record, line_no); !added) return added.error();
  }
  if (!have_header)
    return make_error("InvalidManifest", "manifest is empty", {},
                      "a manifest starts with a header line such as {\"version\": \"v0\"}");
  return m;
}

std::string write_manifest(const manifest& m) {
  std::string out;
  write_json(out, m.header, json_style::manifest);
  out += '\n';

  std::vector<const directory_meta*> dirs;
  for (const auto& d : m.directories) dirs.push_back(&d);
  std::stable_sort(dirs.begin(), dirs.end(),
                   [](auto* a, auto* b) { return walk_order_less(a->logical_key, b->logical_key); });
  for (const auto* d : dirs) {
    json_value record(json_object{{"logical_key", d->logical_key},
                                  {"meta", d->meta.is_null() ? json_value::empty_object() : d->meta}});
    write_json(out, record, json_style::manifest);
    out += '\n';
  }

  std::vector<const manifest_entry*> entries;
  for (const auto& e : m.entries) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(),
                   [](auto* a, auto* b) { return walk_order_less(a->logical_key, b->logical_key); });
  for (const auto* e : entries) {
    write_json(out, entry_record(*e), json_style::manifest);
    out += '\n';
  }
  return out;
}

}  // namespace quiltup::quilt
