#pragma once
// The request as the signer sees it: no HTTP type, just the parts SigV4 covers.
#include <string>
#include <utility>
#include <vector>

namespace quiltup::sigv4 {

using header_list = std::vector<std::pair<std::string, std::string>>;

// A request as it goes on the wire: `path` and `query` are already percent-encoded exactly
// as they will be sent (e.g. "/test%24file.text", "partNumber=1&uploadId=abc").
struct request_view {
  std::string method;
  std::string path;
  std::string query;
  header_list headers;  // must include Host
};

enum class path_rules {
  s3,       // no normalization, path used as sent (single encoding) — every S3 request
  generic,  // RFC 3986 dot-segment normalization, then each segment encoded again (other services)
};

}  // namespace quiltup::sigv4
