#include "s3/complete_multipart_upload.hpp"

#include "s3/error.hpp"
#include "s3/object_key.hpp"
#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"
#include "s3/xml.hpp"

#include <algorithm>

namespace quiltup::s3 {
namespace {

constexpr std::string_view step_name = "CompleteMultipartUpload";

// The XML element for a part checksum: ChecksumCRC32C, ChecksumSHA256, ...
std::string checksum_element(checksum_algorithm a) { return "Checksum" + std::string(wire_name(a)); }

}  // namespace

std::string complete_multipart_upload_body(const std::vector<completed_part>& parts) {
  std::string out = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
  out.reserve(out.size() + parts.size() * 96);
  for (const auto& p : parts) {
    out += "<Part><PartNumber>";
    out += std::to_string(p.part_number);
    out += "</PartNumber><ETag>";
    out += xml::escape(p.etag);
    out += "</ETag>";
    if (!p.checksum.empty()) {
      auto element = checksum_element(p.checksum.algorithm);
      out += "<" + element + ">" + xml::escape(p.checksum.value) + "</" + element + ">";
    }
    out += "</Part>";
  }
  out += "</CompleteMultipartUpload>";
  return out;
}

result<operation_request> build_complete_multipart_upload(complete_multipart_upload_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  if (auto r = validate_object_key(request.key); !r) return r.error();
  if (auto r = check_upload_id(request.upload_id); !r) return r.error();
  if (request.parts.empty())
    return make_error("InvalidArgument", "CompleteMultipartUpload needs at least one part", "parts",
                      "upload a part first, or abort the upload");
  for (std::size_t i = 0; i < request.parts.size(); ++i) {
    std::string field = "parts[" + std::to_string(i) + "]";
    if (auto r = check_part_number(request.parts[i].part_number, field + ".part_number"); !r) return r.error();
    if (request.parts[i].etag.empty())
      return make_error("InvalidArgument", "part " + std::to_string(request.parts[i].part_number) + " has no ETag",
                        field + ".etag", "pass the ETag UploadPart returned");
  }
  std::stable_sort(request.parts.begin(), request.parts.end(),
                   [](const completed_part& a, const completed_part& b) { return a.part_number < b.part_number; });
  for (std::size_t i = 1; i < request.parts.size(); ++i)
    if (request.parts[i].part_number == request.parts[i - 1].part_number)
      return make_error("InvalidArgument", "part " + std::to_string(request.parts[i].part_number) + " is listed twice",
                        "parts", "list each part number once");

  operation_request op;
  op.step = std::string(step_name);
  op.method = "POST";
  op.bucket = std::move(request.bucket);
  op.key = std::move(request.key);
  op.query = query_builder{}.add("uploadId", request.upload_id).str();
  op.headers.set("Content-Type", "application/xml");
  if (auto r = add_checksum_header(op, request.full_object_checksum, "full_object_checksum"); !r) return r.error();
  if (request.checksum_type != checksum_type::unspecified)
    op.headers.set("x-amz-checksum-type", std::string(wire_name(request.checksum_type)));
  if (request.object_size) op.headers.set("x-amz-mp-object-size", std::to_string(*request.object_size));
  if (request.if_none_match) op.headers.set("If-None-Match", "*");
  op.body = http::body::from_string(complete_multipart_upload_body(request.parts));
  return op;
}

result<complete_multipart_upload_result> parse_complete_multipart_upload(const http::response& response) {
  // The client already turns a 200-with-<Error> into a failure; checked again here because
  // this parser is the last word on a Complete body whoever calls it.
  if (is_error_document(response.body)) return error_from_response(response, step_name);
  auto doc = xml::parse(response.body, step_name);
  if (!doc) return doc.error();
  auto root = doc->root();
  auto name = xml::local_name(root);
  if (name != "CompleteMultipartUploadResult" && name != "CompleteMultipartUploadResponse") {
    error e = make_error("MalformedResponse", "CompleteMultipartUpload answered an unexpected <" + std::string(name) + "> document",
                         {}, "retry; check the object with HEAD");
    e.retryable = true;
    e.step = std::string(step_name);
    e.http_status = response.status;
    return e;
  }
  complete_multipart_upload_result r;
  r.location = xml::child_text(root, "Location");
  r.bucket = xml::child_text(root, "Bucket");
  r.key = xml::child_text(root, "Key");
  r.etag = xml::child_text(root, "ETag");
  if (auto v = response.headers.get("x-amz-version-id")) r.version_id = std::string(*v);
  r.checksums = read_checksums(response.headers);
  for (auto a : {checksum_algorithm::crc32, checksum_algorithm::crc32c, checksum_algorithm::crc64nvme,
                 checksum_algorithm::sha1, checksum_algorithm::sha256}) {
    auto value = xml::child_text(root, checksum_element(a));
    if (!value.empty() && !r.checksums.find(a)) r.checksums.values.push_back({a, value});
  }
  if (r.checksums.type.empty()) r.checksums.type = xml::child_text(root, "ChecksumType");
  return r;
}

}  // namespace quiltup::s3
