#include "s3/put_object.hpp"

#include "s3/object_key.hpp"
#include "s3/request_checks.hpp"

#include <algorithm>
#include <cctype>

namespace quiltup::s3 {
namespace {

bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_plain_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) return false;
  return true;
}

}  // namespace

result<void> add_object_headers(http::headers& h, const std::string& content_type, const metadata_list& metadata,
                                const std::string& cache_control, const std::string& content_encoding,
                                const std::string& storage_class) {
  // Always explicit: curl would otherwise label a POST as a form.
  h.set("Content-Type", content_type.empty() ? "application/octet-stream" : content_type);
  if (!cache_control.empty()) h.set("Cache-Control", cache_control);
  if (!content_encoding.empty()) h.set("Content-Encoding", content_encoding);
  if (!storage_class.empty()) h.set("x-amz-storage-class", storage_class);
  for (const auto* v : {&content_type, &cache_control, &content_encoding, &storage_class})
    if (!is_plain_ascii(*v))
      return make_error("InvalidArgument", "a header value contains control or non-ASCII characters", "content_type",
                        "use printable ASCII in content_type, cache_control, content_encoding and storage_class");
  std::size_t total = 0;
  for (std::size_t i = 0; i < metadata.size(); ++i) {
    const auto& [name, value] = metadata[i];
    std::string field = "metadata." + name;
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char))
      return make_error("InvalidArgument", "metadata name '" + name + "' is not a valid header name", field,
                        "use letters, digits and '-' in metadata names");
    if (!is_plain_ascii(value))
      return make_error("InvalidArgument", "metadata '" + name + "' has control or non-ASCII characters", field,
                        "percent-encode or base64 the value first");
    total += name.size() + value.size();
    std::string header = "x-amz-meta-";
    for (char c : name) header += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (h.contains(header))
      return make_error("InvalidArgument", "metadata '" + name + "' is given twice (names are case-insensitive)", field,
                        "give each metadata name once");
    h.add(std::move(header), value);
  }
  if (total > 2048)
    return make_error("InvalidArgument", "user metadata is " + std::to_string(total) + " bytes; S3 allows 2 KB in total",
                      "metadata", "shorten the metadata or store it in the object");
  return {};
}

std::string unquote_etag(std::string_view etag) {
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') etag = etag.substr(1, etag.size() - 2);
  // XML bodies escape the quotes.
  if (etag.starts_with("&quot;") && etag.ends_with("&quot;") && etag.size() >= 12) etag = etag.substr(6, etag.size() - 12);
  return std::string(etag);
}

result<operation_request> build_put_object(put_object_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  if (auto r = validate_object_key(request.key); !r) return r.error();
  operation_request op;
  op.step = "PutObject";
  op.method = "PUT";
  op.bucket = std::move(request.bucket);
  op.key = std::move(request.key);
  if (auto r = add_object_headers(op.headers, request.content_type, request.metadata, request.cache_control,
                                  request.content_encoding, request.storage_class);
      !r)
    return r.error();
  if (auto r = add_checksum_header(op, request.checksum); !r) return r.error();
  // Names the algorithm of the header beside it, as the SDKs do; moto only stores the value
  // when both are present.
  if (!request.checksum.empty())
    op.headers.set("x-amz-sdk-checksum-algorithm", std::string(wire_name(request.checksum.algorithm)));
  op.body = std::move(request.body);
  op.payload = request.payload;
  op.payload_sha256 = std::move(request.payload_sha256);
  if (auto r = check_payload(op); !r) return r.error();
  return op;
}

result<put_object_result> parse_put_object(const http::response& response) {
  put_object_result r;
  if (auto v = response.headers.get("ETag")) r.etag = std::string(*v);
  if (auto v = response.headers.get("x-amz-version-id")) r.version_id = std::string(*v);
  r.checksums = read_checksums(response.headers);
  return r;
}

}  // namespace quiltup::s3
