#include "quilt/top_hash.hpp"

#include "crypto/encoding.hpp"
#include "crypto/sha256.hpp"
#include "quilt/canonical_json.hpp"

#include <algorithm>
#include <variant>

namespace quiltup::quilt {
namespace {

// quilt3 stores `meta or {}`: every Python-falsy meta (null, {}, [], "", 0, false) hashes as {}.
bool python_falsy(const json_value& v) {
  struct visitor {
    bool operator()(std::nullptr_t) const { return true; }
    bool operator()(bool b) const { return !b; }
    bool operator()(const json_number& n) const {
      return n.text.find_first_not_of("-0.eE+") == std::string::npos;  // 0, -0, 0.0, 0e5
    }
    bool operator()(const std::string& s) const { return s.empty(); }
    bool operator()(const json_array& a) const { return a.empty(); }
    bool operator()(const json_object& o) const { return o.empty(); }
  };
  return std::visit(visitor{}, v.get());
}

json_value header_for_hash(const json_value& header) {
  json_value h = header;
  h.erase("top_hash");
  return h;
}

json_value entry_for_hash(const manifest_entry& e) {
  return json_object{
      {"hash", json_object{{"type", e.hash.type}, {"value", e.hash.value}}},
      {"logical_key", e.logical_key},
      {"meta", python_falsy(e.meta) ? json_value::empty_object() : e.meta},
      {"size", json_number{std::to_string(e.size), false}},
  };
}

std::vector<const manifest_entry*> in_walk_order(const manifest& m) {
  std::vector<const manifest_entry*> entries;
  entries.reserve(m.entries.size());
  for (const auto& e : m.entries) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(),
                   [](auto* a, auto* b) { return walk_order_less(a->logical_key, b->logical_key); });
  return entries;
}

}  // namespace

std::vector<std::string> top_hash_parts(const manifest& m) {
  std::vector<std::string> parts;
  parts.push_back(canonical_json(header_for_hash(m.header)));
  for (const auto* e : in_walk_order(m)) parts.push_back(canonical_json(entry_for_hash(*e)));
  return parts;
}

std::string top_hash(const manifest& m) {
  crypto::sha256 hasher;
  std::string part;
  write_json(part, header_for_hash(m.header), json_style::canonical);
  hasher.update(part);
  for (const auto* e : in_walk_order(m)) {
    part.clear();
    write_json(part, entry_for_hash(*e), json_style::canonical);
    hasher.update(part);
  }
  return crypto::hex_encode(hasher.finish());
}

}  // namespace quiltup::quilt
