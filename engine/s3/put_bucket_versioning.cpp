#include "s3/put_bucket_versioning.hpp"

#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"

namespace quiltup::s3 {

result<operation_request> build_put_bucket_versioning(put_bucket_versioning_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  operation_request op;
  op.step = "PutBucketVersioning";
  op.method = "PUT";
  op.bucket = std::move(request.bucket);
  op.query = query_builder{}.add_flag("versioning").str();
  op.headers.set("Content-Type", "application/xml");
  op.body = http::body::from_string(
      std::string("<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>") +
      (request.enabled ? "Enabled" : "Suspended") + "</Status></VersioningConfiguration>");
  return op;
}

result<put_bucket_versioning_result> parse_put_bucket_versioning(const http::response&) {
  return put_bucket_versioning_result{};
}

}  // namespace quiltup::s3
