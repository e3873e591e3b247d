#include "sigv4/canonical_request.hpp"

#include "crypto/encoding.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace quiltup::sigv4 {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A '%' not followed by two hex digits stays literal: it is re-encoded as %25, which is what
// the server does with the same bytes.
std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = hex_value(s[i + 1]);
      int lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// RFC 3986 §5.2.4 plus the removal of empty segments that AWS services apply (botocore
// remove_dot_segments, aws-c-auth normalize): "//a/./b/../c/" → "/a/c/".
std::string remove_dot_segments(std::string_view path) {
  if (path.empty()) return "/";
  std::vector<std::string_view> kept;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    auto segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!kept.empty()) kept.pop_back();
    } else if (!segment.empty() && segment != ".") {
      kept.push_back(segment);
    }
    start = end + 1;
  }
  std::string out = path.front() == '/' ? "/" : "";
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (i) out.push_back('/');
    out.append(kept[i]);
  }
  if (path.back() == '/' && !kept.empty()) out.push_back('/');
  return out.empty() ? "/" : out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), to_lower);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string canonical_uri(std::string_view path, path_rules rules) {
  if (rules == path_rules::s3) return path.empty() ? std::string("/") : std::string(path);
  return crypto::uri_encode(remove_dot_segments(path), /*keep_slash=*/true);
}

std::string canonical_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::size_t start = 0;
  while (start <= query.size()) {
    auto end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    auto piece = query.substr(start, end - start);
    if (!piece.empty()) {
      auto eq = piece.find('=');
      auto key = piece.substr(0, eq);
      auto value = eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1);
      pairs.emplace_back(crypto::uri_encode(percent_decode(key), false),
                         crypto::uri_encode(percent_decode(value), false));
    }
    start = end + 1;
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [key, value] : pairs) {
    if (!out.empty()) out.push_back('&');
    out.append(key).push_back('=');
    out.append(value);
  }
  return out;
}

std::string canonical_header_value(std::string_view value) {
  value = trim(value);
  std::string out;
  out.reserve(value.size());
  bool in_space = false;
  for (char c : value) {
    if (is_space(c)) {
      in_space = true;
      continue;
    }
    if (in_space) out.push_back(' ');
    in_space = false;
    out.push_back(c);
  }
  return out;
}

canonical_headers canonicalize_headers(const header_list& headers,
                                       const std::vector<std::string>& signed_names) {
  // std::map keeps names sorted; a request has a handful of headers, so this is cheap.
  std::map<std::string, std::string, std::less<>> joined;
  for (const auto& [name, value] : headers) {
    auto key = lower(trim(name));
    if (std::find(signed_names.begin(), signed_names.end(), key) == signed_names.end()) continue;
    auto [it, inserted] = joined.try_emplace(std::move(key));
    if (!inserted) it->second.push_back(',');
    it->second.append(canonical_header_value(value));
  }
  canonical_headers out;
  for (const auto& [name, value] : joined) {
    out.block.append(name).append(":").append(value).push_back('\n');
    if (!out.signed_headers.empty()) out.signed_headers.push_back(';');
    out.signed_headers.append(name);
  }
  return out;
}

std::string canonical_request(std::string_view method, std::string_view canonical_uri,
                              std::string_view canonical_query, const canonical_headers& headers,
                              std::string_view payload_hash) {
  std::string out;
  out.reserve(method.size() + canonical_uri.size() + canonical_query.size() +
              headers.block.size() + headers.signed_headers.size() + payload_hash.size() + 8);
  out.append(method).push_back('\n');
  out.append(canonical_uri).push_back('\n');
  out.append(canonical_query).push_back('\n');
  out.append(headers.block).push_back('\n');
  out.append(headers.signed_headers).push_back('\n');
  out.append(payload_hash);
  return out;
}

}  // namespace quiltup::sigv4
