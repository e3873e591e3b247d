#include "quilt/physical_key.hpp"

#include "crypto/encoding.hpp"

namespace quiltup::quilt {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Python's unquote (plus=false) / unquote_plus (plus=true): a malformed escape stays as written.
std::string unquote(std::string_view s, bool plus) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else if (plus && s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

// urlencode() quotes values with quote_plus: ' ' becomes '+', '/' is escaped.
std::string quote_plus(std::string_view s) {
  std::string quoted = crypto::uri_encode(s, false);
  std::string out;
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted.compare(i, 3, "%20") == 0) {
      out += '+';
      i += 2;
    } else {
      out += quoted[i];
    }
  }
  return out;
}

error bad_key(std::string_view url, std::string why) {
  return make_error("InvalidArgument", "physical key '" + std::string(url) + "' " + std::move(why), "physical_key",
                    "use the form s3://bucket/key or s3://bucket/key?versionId=<id>");
}

}  // namespace

std::string format_physical_key(const s3_location& loc) {
  // quote(path) keeps '/' and the RFC 3986 unreserved set, exactly what uri_encode keeps.
  std::string out = "s3://" + loc.bucket + "/" + crypto::uri_encode(loc.key, true);
  if (loc.version_id) out += "?versionId=" + quote_plus(*loc.version_id);
  return out;
}

result<s3_location> parse_physical_key(std::string_view url) {
  constexpr std::string_view scheme = "s3://";
  if (!url.starts_with(scheme)) return bad_key(url, "is not an s3:// URL");
  auto rest = url.substr(scheme.size());
  auto fragment = rest.find('#');
  rest = rest.substr(0, fragment);
  auto query_pos = rest.find('?');
  auto query = query_pos == std::string_view::npos ? std::string_view{} : rest.substr(query_pos + 1);
  rest = rest.substr(0, query_pos);
  auto slash = rest.find('/');
  s3_location loc;
  loc.bucket = std::string(rest.substr(0, slash));
  if (loc.bucket.empty()) return bad_key(url, "has no bucket");
  if (slash != std::string_view::npos) loc.key = unquote(rest.substr(slash + 1), false);
  if (loc.key.empty()) return bad_key(url, "has no object key");

  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto name = unquote(pair.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::string{} : unquote(pair.substr(eq + 1), true);
    if (name != "versionId") return bad_key(url, "has an unexpected query parameter '" + name + "'");
    if (!value.empty()) loc.version_id = std::move(value);  // parse_qs drops blank values
  }
  return loc;
}

}  // namespace quiltup::quilt
