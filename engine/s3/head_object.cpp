#include "s3/head_object.hpp"

#include "s3/object_key.hpp"
#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"

#include <cctype>
#include <charconv>

namespace quiltup::s3 {
namespace {

std::string header(const http::headers& h, std::string_view name) {
  auto v = h.get(name);
  return v ? std::string(*v) : std::string();
}

template <class Int>
std::optional<Int> parse_int(std::string_view s) {
  Int v{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

head_object_result read_object_headers(const http::headers& h) {
  head_object_result r;
  if (auto n = parse_int<std::uint64_t>(header(h, "Content-Length"))) r.content_length = *n;
  r.etag = header(h, "ETag");
  r.version_id = header(h, "x-amz-version-id");
  r.content_type = header(h, "Content-Type");
  r.cache_control = header(h, "Cache-Control");
  r.content_encoding = header(h, "Content-Encoding");
  r.storage_class = header(h, "x-amz-storage-class");
  r.last_modified = header(h, "Last-Modified");
  r.checksums = read_checksums(h);
  if (auto n = parse_int<int>(header(h, "x-amz-mp-parts-count"))) r.parts_count = *n;
  constexpr std::string_view meta_prefix = "x-amz-meta-";
  for (const auto& [name, value] : h) {
    if (name.size() <= meta_prefix.size() || !http::iequals(std::string_view(name).substr(0, meta_prefix.size()), meta_prefix))
      continue;
    std::string key = name.substr(meta_prefix.size());
    for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.metadata.emplace_back(std::move(key), value);
  }
  return r;
}

result<operation_request> build_head_object(head_object_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  if (auto r = validate_object_key(request.key); !r) return r.error();
  query_builder q;
  q.add_if("versionId", request.version_id);
  if (request.part_number) {
    if (auto r = check_part_number(*request.part_number); !r) return r.error();
    q.add("partNumber", std::to_string(*request.part_number));
  }
  operation_request op;
  op.step = "HeadObject";
  op.method = "HEAD";
  op.bucket = std::move(request.bucket);
  op.key = std::move(request.key);
  op.query = q.str();
  if (request.checksum_mode) op.headers.set("x-amz-checksum-mode", "ENABLED");
  op.check_error_body = false;
  return op;
}

result<head_object_result> parse_head_object(const http::response& response) {
  return read_object_headers(response.headers);
}

}  // namespace quiltup::s3
