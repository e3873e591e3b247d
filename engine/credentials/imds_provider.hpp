#pragma once
// EC2 instance metadata, IMDSv2 only:
//   PUT  /latest/api/token  (X-aws-ec2-metadata-token-ttl-seconds: 21600) → session token
//   GET  /latest/meta-data/iam/security-credentials/        → role name (first line)
//   GET  /latest/meta-data/iam/security-credentials/<role>  → {"Code":"Success","AccessKeyId",
//        "SecretAccessKey","Token","Expiration",...}
// each GET carrying X-aws-ec2-metadata-token. AWS_EC2_METADATA_DISABLED=true declines;
// AWS_EC2_METADATA_SERVICE_ENDPOINT replaces http://169.254.169.254. Connect timeout ~1 s so
// a laptop off EC2 gives up quickly. Source "imds".
#include "credentials/environment.hpp"
#include "credentials/provider.hpp"
#include "http/client.hpp"

#include <chrono>

namespace quiltup::credentials {

struct imds_options {
  std::chrono::milliseconds connect_timeout{1000};
  std::chrono::milliseconds total_timeout{3000};
  int token_ttl_seconds = 21600;
};

class imds_provider final : public provider {
 public:
  imds_provider(http::client& http, environment env = process_environment(), imds_options options = {})
      : http_(http), env_(std::move(env)), options_(options) {}
  awaitable<result<aws_credentials>> fetch() override;
  std::string_view name() const noexcept override { return "imds"; }

 private:
  awaitable<result<http::response>> call(std::string method, std::string url, std::string header, std::string value);

  http::client& http_;
  environment env_;
  imds_options options_;
};

}  // namespace quiltup::credentials
