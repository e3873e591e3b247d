#include "quilt/canonical_json.hpp"

#include "quilt/float_repr.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace quiltup::quilt {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void write_u_escape(std::string& out, std::uint32_t unit) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += hex_digits[(unit >> shift) & 0xF];
}

// Decodes one UTF-8 sequence starting at s[i] (the parser has validated the text) and advances i.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  std::uint32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<std::size_t>(len);
  return cp;
}

void write_string(std::string& out, std::string_view s, bool ensure_ascii) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; ++i; continue;
      case '\\': out += "\\\\"; ++i; continue;
      case '\n': out += "\\n"; ++i; continue;
      case '\r': out += "\\r"; ++i; continue;
      case '\t': out += "\\t"; ++i; continue;
      case '\b': out += "\\b"; ++i; continue;
      case '\f': out += "\\f"; ++i; continue;
      default: break;
    }
    if (c < 0x20) {
      write_u_escape(out, c);
      ++i;
    } else if (c < 0x7F || (!ensure_ascii)) {
      // Without ensure_ascii Python copies every other character, DEL and non-ASCII included.
      out += static_cast<char>(c);
      ++i;
    } else if (c == 0x7F) {
      write_u_escape(out, c);
      ++i;
    } else {
      std::uint32_t cp = next_code_point(s, i);
      if (cp >= 0x10000) {
        cp -= 0x10000;
        write_u_escape(out, 0xD800 + (cp >> 10));
        write_u_escape(out, 0xDC00 + (cp & 0x3FF));
      } else {
        write_u_escape(out, cp);
      }
    }
  }
  out += '"';
}

void write_number(std::string& out, const json_number& n) {
  if (n.is_float) {
    out += python_float_repr(std::string_view(n.text));
  } else if (n.text == "-0") {
    out += '0';  // Python's int("-0") is 0
  } else {
    out += n.text;  // arbitrary precision: never round-trip an int through a double
  }
}

struct writer {
  std::string& out;
  json_style style;

  void value(const json_value& v) {
    std::visit([this](const auto& x) { this->node(x); }, v.get());
  }
  void node(std::nullptr_t) { out += "null"; }
  void node(bool b) { out += b ? "true" : "false"; }
  void node(const json_number& n) { write_number(out, n); }
  void node(const std::string& s) { write_string(out, s, style == json_style::canonical); }
  void node(const json_array& a) {
    out += '[';
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i) out += style == json_style::canonical ? "," : ", ";
      value(a[i]);
    }
    out += ']';
  }
  void node(const json_object& o) {
    std::vector<const json_member*> members;
    members.reserve(o.size());
    for (const auto& m : o) members.push_back(&m);
    if (style == json_style::canonical) {
      // Byte order of UTF-8 is code-point order, which is what Python's sort of str keys gives;
      // std::string compares as unsigned char.
      std::sort(members.begin(), members.end(), [](auto* a, auto* b) { return a->key < b->key; });
    }
    out += '{';
    bool first = true;
    for (const auto* m : members) {
      if (!first) out += style == json_style::canonical ? "," : ", ";
      first = false;
      write_string(out, m->key, style == json_style::canonical);
      out += style == json_style::canonical ? ":" : ": ";
      value(m->value);
    }
    out += '}';
  }
};

}  // namespace

void write_json(std::string& out, const json_value& value, json_style style) { writer{out, style}.value(value); }

std::string to_json(const json_value& value, json_style style) {
  std::string out;
  write_json(out, value, style);
  return out;
}

}  // namespace quiltup::quilt
