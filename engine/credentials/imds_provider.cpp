#include "credentials/imds_provider.hpp"

#include "credentials/credentials_json.hpp"

#include <simdjson.h>

namespace quiltup::credentials {
namespace {

constexpr const char* credentials_path = "/latest/meta-data/iam/security-credentials/";

error imds_error(std::string message, std::string hint) {
  return make_error("ImdsCredentialsFailed", std::move(message), "AWS_EC2_METADATA_SERVICE_ENDPOINT", std::move(hint));
}

const char* off_ec2_hint =
    "off EC2 this is expected: set AWS_EC2_METADATA_DISABLED=true to skip it, or configure another credential source";

}  // namespace

awaitable<result<http::response>> imds_provider::call(std::string method, std::string url, std::string header,
                                                      std::string value) {
  http::request req;
  req.method = std::move(method);
  req.url = std::move(url);
  req.headers.add(std::move(header), std::move(value));
  req.connect_timeout = options_.connect_timeout;
  req.total_timeout = options_.total_timeout;
  co_return co_await http_.send(std::move(req));
}

awaitable<result<aws_credentials>> imds_provider::fetch() {
  if (env_flag(env_, "AWS_EC2_METADATA_DISABLED", false))
    co_return not_configured("AWS_EC2_METADATA_DISABLED is true", "AWS_EC2_METADATA_DISABLED");
  std::string base = env_or(env_, "AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://169.254.169.254");
  while (!base.empty() && base.back() == '/') base.pop_back();

  auto token = co_await call("PUT", base + "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds",
                             std::to_string(options_.token_ttl_seconds));
  if (!token) co_return imds_error("no instance metadata service at " + base + ": " + token.error().message, off_ec2_hint);
  if (token->status != 200 || token->body.empty())
    co_return imds_error("instance metadata token request (PUT /latest/api/token) answered HTTP " +
                             std::to_string(token->status),
                         "IMDSv2 must be enabled on the instance (and the hop limit high enough for containers)");
  const std::string session = token->body;

  auto roles = co_await call("GET", base + credentials_path, "X-aws-ec2-metadata-token", session);
  if (!roles) co_return imds_error("instance metadata role lookup failed: " + roles.error().message, off_ec2_hint);
  if (roles->status == 404)
    co_return imds_error("the instance has no IAM role (instance metadata answered 404)",
                         "attach an instance profile with S3 access, or configure another credential source");
  if (roles->status != 200)
    co_return imds_error("instance metadata role lookup answered HTTP " + std::to_string(roles->status), off_ec2_hint);
  std::string role = roles->body.substr(0, roles->body.find_first_of("\r\n"));
  while (!role.empty() && role.back() == ' ') role.pop_back();
  if (role.empty()) co_return imds_error("instance metadata listed no IAM role", "attach an instance profile to the instance");

  auto document = co_await call("GET", base + credentials_path + role, "X-aws-ec2-metadata-token", session);
  if (!document) co_return imds_error("instance metadata credentials request failed: " + document.error().message, off_ec2_hint);
  if (document->status != 200)
    co_return imds_error("instance metadata credentials for role '" + role + "' answered HTTP " +
                             std::to_string(document->status),
                         "check the instance profile");

  // "Code" other than "Success" means the role's keys could not be issued.
  {
    simdjson::dom::parser parser;
    simdjson::padded_string padded(document->body);
    simdjson::dom::element root;
    std::string_view code;
    if (parser.parse(padded).get(root) == simdjson::SUCCESS && root["Code"].get_string().get(code) == simdjson::SUCCESS &&
        code != "Success")
      co_return imds_error("instance metadata reports Code '" + std::string(code) + "' for role '" + role + "'",
                           "check the instance profile's role and trust policy");
  }
  co_return parse_credentials_json(document->body, {.what = "Instance metadata service", .source = "imds",
                                                    .require_session_token = true});
}

}  // namespace quiltup::credentials
