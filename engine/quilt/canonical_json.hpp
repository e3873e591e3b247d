#pragma once
// JSON text exactly as Python's json module writes it, in the two encoder settings Quilt uses:
//   canonical : JSONEncoder(sort_keys=True, separators=(',', ':'))  — ensure_ascii, the top hash
//   manifest  : JSONEncoder(ensure_ascii=False)                     — quilt3's manifest lines
// Numbers come out as Python would print the value it parsed (float_repr.hpp), ints verbatim.
#include "quilt/json_value.hpp"

#include <string>

namespace quiltup::quilt {

enum class json_style {
  canonical,  // keys sorted by code point, ',' ':' separators, non-ASCII as \uXXXX (lowercase)
  manifest,   // keys in source order, ', ' ': ' separators, UTF-8 written as is
};

void write_json(std::string& out, const json_value& value, json_style style);
std::string to_json(const json_value& value, json_style style);
inline std::string canonical_json(const json_value& value) { return to_json(value, json_style::canonical); }

}  // namespace quiltup::quilt
