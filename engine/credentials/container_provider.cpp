#include "credentials/container_provider.hpp"

#include "credentials/credentials_json.hpp"

#include <fstream>
#include <sstream>

namespace quiltup::credentials {
namespace {

constexpr const char* ecs_agent = "http://169.254.170.2";

// host part of scheme://host[:port]/..., brackets kept for IPv6
std::string host_of(const std::string& url) {
  const auto start = url.find("://");
  if (start == std::string::npos) return {};
  std::string rest = url.substr(start + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest[0] == '[') return rest.substr(0, rest.find(']') + 1);
  return rest.substr(0, rest.find(':'));
}

bool allowed_plain_http_host(const std::string& host) {
  return host == "localhost" || host.rfind("127.", 0) == 0 || host == "[::1]" || host == "169.254.170.2" ||
         host == "169.254.170.23" || host == "[fd00:ec2::23]";
}

error container_error(std::string message, std::string hint) {
  return make_error("ContainerCredentialsFailed", std::move(message), "AWS_CONTAINER_CREDENTIALS_FULL_URI", std::move(hint));
}

}  // namespace

result<std::string> container_credentials_url(const environment& env) {
  if (auto relative = env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))
    return result<std::string>(boost::system::in_place_value, std::string(ecs_agent) + (relative->front() == '/' ? "" : "/") + *relative);
  auto full = env("AWS_CONTAINER_CREDENTIALS_FULL_URI");
  if (!full)
    return not_configured("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set",
                          "AWS_CONTAINER_CREDENTIALS_FULL_URI");
  // (error is constructible from a string too, so the value is placed explicitly)
  if (full->rfind("https://", 0) == 0 || (full->rfind("http://", 0) == 0 && allowed_plain_http_host(host_of(*full))))
    return result<std::string>(boost::system::in_place_value, *full);
  return make_error("InvalidArgument",
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback or ECS/EKS agent address",
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    "use https://, http://127.0.0.1:<port>/..., http://169.254.170.2/... or http://169.254.170.23/...");
}

awaitable<result<aws_credentials>> container_provider::fetch() {
  auto url = container_credentials_url(env_);
  if (!url) co_return url.error();

  http::request req;
  req.method = "GET";
  req.url = *url;
  req.headers.add("Accept", "application/json");
  req.connect_timeout = std::min<std::chrono::milliseconds>(timeout_, std::chrono::seconds(2));
  req.total_timeout = timeout_;
  if (auto token_file = env_("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
    std::ifstream in(*token_file, std::ios::binary);
    if (!in)
      co_return make_error("ContainerCredentialsFailed", "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE " + *token_file,
                           "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "check that the token file exists and is readable");
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string token = ss.str();
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
    req.headers.add("Authorization", std::move(token));
  } else if (auto token = env_("AWS_CONTAINER_AUTHORIZATION_TOKEN")) {
    req.headers.add("Authorization", *token);
  }

  auto response = co_await http_.send(std::move(req));
  if (!response)
    co_return container_error("container credentials endpoint unreachable: " + response.error().message,
                              "check AWS_CONTAINER_CREDENTIALS_* or unset them outside a container");
  if (response->status < 200 || response->status > 299)
    co_return container_error("container credentials endpoint answered HTTP " + std::to_string(response->status) + ": " +
                                  excerpt(response->body),
                              response->status == 401 || response->status == 403
                                  ? "check AWS_CONTAINER_AUTHORIZATION_TOKEN / _TOKEN_FILE"
                                  : "check the task or pod role and the agent's logs");
  co_return parse_credentials_json(response->body,
                                   {.what = "Container credentials endpoint", .source = "container"});
}

}  // namespace quiltup::credentials
