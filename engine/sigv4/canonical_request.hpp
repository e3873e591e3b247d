#pragma once
// Stage 1 of SigV4: the canonical request. Each part is its own function so that a vector
// test can point at the part that broke (path, query, headers).
#include "sigv4/request_view.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace quiltup::sigv4 {

// s3: the wire path itself (already single-encoded), "/" when empty.
// generic: dot segments and empty segments removed, then the result encoded again, which is
// the double encoding the other services expect ("/a b/../c" → "/c", "/%20" → "/%2520").
std::string canonical_uri(std::string_view path, path_rules rules);

// Pairs percent-decoded then re-encoded (so "ሴ", "%E1%88%B4" and "%e1%88%b4" agree), sorted by
// key then value, a missing value written as "key=". '+' is a literal plus, not a space.
std::string canonical_query(std::string_view query);

// Trimmed, runs of whitespace (including the line breaks of a folded value) collapsed to one space.
std::string canonical_header_value(std::string_view value);

struct canonical_headers {
  std::string block;           // "name:value\n" for each signed header, sorted by name
  std::string signed_headers;  // "host;x-amz-date"
};

// Only the headers whose lower-case names are in `signed_names` (which must be lower-case)
// are kept; duplicates are joined with ',' in request order. A name in `signed_names` that
// the request lacks is skipped: the signer checks presence before calling this.
canonical_headers canonicalize_headers(const header_list& headers,
                                       const std::vector<std::string>& signed_names);

// The six lines: method, URI, query, headers block, signed header list, payload hash.
std::string canonical_request(std::string_view method, std::string_view canonical_uri,
                              std::string_view canonical_query, const canonical_headers& headers,
                              std::string_view payload_hash);

}  // namespace quiltup::sigv4
