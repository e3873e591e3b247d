#include "s3/xml.hpp"

#include <charconv>

namespace quiltup::s3::xml {

result<document> parse(std::string_view body, std::string_view step) {
  // Complete keeps the connection alive with whitespace before its document.
  auto start = body.find_first_not_of(" \t\r\n");
  body = start == std::string_view::npos ? std::string_view{} : body.substr(start);
  document d;
  auto parsed = body.empty() ? pugi::xml_parse_result{}
                             : d.doc_->load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8);
  if (body.empty() || !parsed || !d.root()) {
    error e = make_error("MalformedResponse",
                         std::string(step) + " answered " + (body.empty() ? "an empty body" : "a body that is not XML") +
                             " where an XML document was expected",
                         {}, "retry; if it persists the endpoint is not speaking S3");
    e.retryable = true;
    e.step = std::string(step);
    return e;
  }
  return d;
}

std::string_view local_name(pugi::xml_node node) noexcept {
  std::string_view name = node.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) noexcept {
  for (auto n = parent.first_child(); n; n = n.next_sibling())
    if (n.type() == pugi::node_element && local_name(n) == name) return n;
  return {};
}

std::string child_text(pugi::xml_node parent, std::string_view name) {
  return child(parent, name).child_value();
}

std::uint64_t child_u64(pugi::xml_node parent, std::string_view name) noexcept {
  std::string_view text = child(parent, name).child_value();
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc{} && end == text.data() + text.size() ? v : 0;
}

bool child_bool(pugi::xml_node parent, std::string_view name) noexcept {
  return std::string_view(child(parent, name).child_value()) == "true";
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace quiltup::s3::xml
