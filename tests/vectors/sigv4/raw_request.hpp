#pragma once
// Reads the raw HTTP requests and context files of the SigV4 suites into what the signer
// takes. Request files: CRLF (s3-aws-docs) or LF (aws-c-auth, botocore), a header line that
// starts with whitespace continues the previous value, the body follows the first empty line.
#include "sigv4/request_view.hpp"

#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::test {

struct raw_request {
  std::string method;
  std::string path;   // as written in the request line (not necessarily wire-encoded)
  std::string query;  // after '?', as written
  sigv4::header_list headers;  // names and values as written; folded values keep their '\n'
  std::string body;
};

inline std::vector<std::string> split_lines(std::string_view text, std::string_view eol) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(eol, start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + eol.size();
  }
  return lines;
}

inline raw_request parse_raw_request(std::string_view text) {
  const std::string_view eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  std::string_view head = text;
  raw_request out;
  std::string blank(eol);
  blank += eol;
  if (auto split = text.find(blank); split != std::string_view::npos) {
    head = text.substr(0, split);
    out.body = std::string(text.substr(split + blank.size()));
  }
  auto lines = split_lines(head, eol);
  if (lines.empty()) throw std::runtime_error("empty request file");
  const auto& first = lines.front();
  auto sp1 = first.find(' ');
  auto sp2 = first.rfind(' ');
  if (sp1 == std::string::npos || sp2 == sp1) throw std::runtime_error("bad request line: " + first);
  out.method = first.substr(0, sp1);
  auto target = first.substr(sp1 + 1, sp2 - sp1 - 1);
  auto q = target.find('?');
  out.path = target.substr(0, q);
  if (q != std::string::npos) out.query = target.substr(q + 1);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto& line = lines[i];
    if (line.empty()) continue;
    if ((line.front() == ' ' || line.front() == '\t') && !out.headers.empty()) {
      out.headers.back().second += "\n" + line;
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) throw std::runtime_error("bad header line: " + line);
    out.headers.emplace_back(line.substr(0, colon), line.substr(colon + 1));
  }
  return out;
}

// The headers as "Name:value" lines joined with LF, each ending in LF.
inline std::string header_lines(const sigv4::header_list& headers) {
  std::string out;
  for (const auto& [name, value] : headers) out += name + ":" + value + "\n";
  return out;
}

// "2015-08-30T12:36:00Z"
inline std::chrono::system_clock::time_point parse_timestamp(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(std::string(text).c_str(), "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &s) != 6)
    throw std::runtime_error("bad timestamp: " + std::string(text));
  using namespace std::chrono;
  return sys_days{year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}} +
         hours{h} + minutes{mi} + seconds{s};
}

// Query parameters of a URL target, sorted: the order of parameters in a URL carries no meaning.
inline std::vector<std::string> sorted_params(std::string_view query) {
  auto params = split_lines(query, "&");
  std::sort(params.begin(), params.end());
  return params;
}

}  // namespace quiltup::test
