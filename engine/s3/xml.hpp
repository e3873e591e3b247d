#pragma once
// S3 XML over pugixml, namespace-agnostic (S3 answers with xmlns, RGW and moto sometimes
// without or with prefixes), tolerant of the leading whitespace Complete sends as keep-alive.
#include "core/error.hpp"

#include <pugixml.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace quiltup::s3::xml {

// Owns the parsed document; `root()` is the document element.
class document {
 public:
  pugi::xml_node root() const { return doc_->document_element(); }

 private:
  friend result<document> parse(std::string_view body, std::string_view step);
  std::shared_ptr<pugi::xml_document> doc_ = std::make_shared<pugi::xml_document>();
};

// Error "MalformedResponse" (retryable: a truncated body) when the text is not XML.
result<document> parse(std::string_view body, std::string_view step);

// Local name without any "prefix:".
std::string_view local_name(pugi::xml_node node) noexcept;
// First child element with that local name (null node when absent).
pugi::xml_node child(pugi::xml_node parent, std::string_view name) noexcept;
// Its text, or "" when absent.
std::string child_text(pugi::xml_node parent, std::string_view name);
// Numeric and boolean element text; 0 / false when absent or malformed.
std::uint64_t child_u64(pugi::xml_node parent, std::string_view name) noexcept;
bool child_bool(pugi::xml_node parent, std::string_view name) noexcept;
// Calls f(node) for each child element with that local name, in document order.
template <class F>
void for_each_child(pugi::xml_node parent, std::string_view name, F&& f) {
  for (auto n = parent.first_child(); n; n = n.next_sibling())
    if (n.type() == pugi::node_element && local_name(n) == name) f(n);
}

// Escapes & < > " ' for text content.
std::string escape(std::string_view text);

}  // namespace quiltup::s3::xml
