#include "s3/create_bucket.hpp"

#include "s3/xml.hpp"

namespace quiltup::s3 {

result<void> validate_bucket_name(std::string_view bucket, std::string_view field) {
  auto fail = [&](std::string why) -> result<void> {
    return make_error("InvalidArgument", "bucket name '" + std::string(bucket) + "' " + why, std::string(field),
                      "use 3-63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or digit");
  };
  if (bucket.size() < 3 || bucket.size() > 63) return fail("must be 3 to 63 characters long");
  for (char c : bucket)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
      return fail("contains '" + std::string(1, c) + "'");
  auto edge_ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!edge_ok(bucket.front()) || !edge_ok(bucket.back())) return fail("must start and end with a letter or digit");
  if (bucket.find("..") != std::string_view::npos) return fail("contains '..'");
  return {};
}

result<operation_request> build_create_bucket(create_bucket_request request) {
  if (auto r = validate_bucket_name(request.bucket); !r) return r.error();
  operation_request op;
  op.step = "CreateBucket";
  op.method = "PUT";
  op.bucket = std::move(request.bucket);
  if (!request.region.empty() && request.region != "us-east-1") {
    op.body = http::body::from_string(
        "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>" +
        xml::escape(request.region) + "</LocationConstraint></CreateBucketConfiguration>");
    op.headers.set("Content-Type", "application/xml");
  }
  return op;
}

result<create_bucket_result> parse_create_bucket(const http::response& response) {
  create_bucket_result r;
  if (auto v = response.headers.get("Location")) r.location = std::string(*v);
  return r;
}

}  // namespace quiltup::s3
