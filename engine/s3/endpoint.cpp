#include "s3/endpoint.hpp"

#include "crypto/encoding.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace quiltup::s3 {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The host part of host[:port] / [v6]:port, lower-cased.
std::string host_of(std::string_view authority) {
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    return lower(authority.substr(0, close == std::string_view::npos ? authority.size() : close + 1));
  }
  return lower(authority.substr(0, authority.find(':')));
}

bool is_ipv4(std::string_view host) {
  int dots = 0, digits = 0;
  for (char c : host) {
    if (c == '.') {
      if (digits == 0) return false;
      ++dots;
      digits = 0;
    } else if (c >= '0' && c <= '9') {
      if (++digits > 3) return false;
    } else {
      return false;
    }
  }
  return dots == 3 && digits > 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A bucket can be a DNS label under the endpoint only if it is lower-case letters, digits and
// hyphens (dots would break the TLS wildcard certificate).
bool is_dns_label_bucket(std::string_view bucket) {
  if (bucket.size() < 3 || bucket.size() > 63) return false;
  for (char c : bucket)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return bucket.front() != '-' && bucket.back() != '-';
}

error endpoint_error(std::string message) {
  return make_error("InvalidEndpoint", std::move(message), "AWS_ENDPOINT_URL",
                    "give the endpoint as http://host:port or https://host (no path, no query)");
}

}  // namespace

endpoint_config endpoint_config_from_environment() {
  endpoint_config c;
  c.url = env("AWS_ENDPOINT_URL_S3");
  if (c.url.empty()) c.url = env("AWS_ENDPOINT_URL");
  c.region = env("AWS_REGION");
  if (c.region.empty()) c.region = env("AWS_DEFAULT_REGION");
  return c;
}

result<endpoint> endpoint::make(endpoint_config config) {
  endpoint ep;
  ep.region_ = config.region.empty() ? "us-east-1" : std::move(config.region);
  ep.style_ = config.style;
  std::string_view url = config.url;
  if (url.empty()) {
    ep.scheme_ = "https";
    ep.authority_ = "s3." + ep.region_ + ".amazonaws.com";
    ep.is_aws_ = true;
    return ep;
  }
  auto sep = url.find("://");
  if (sep == std::string_view::npos) return endpoint_error("endpoint '" + config.url + "' has no scheme");
  ep.scheme_ = lower(url.substr(0, sep));
  if (ep.scheme_ != "http" && ep.scheme_ != "https")
    return endpoint_error("endpoint '" + config.url + "' must start with http:// or https://");
  auto rest = url.substr(sep + 3);
  auto slash = rest.find('/');
  auto authority = rest.substr(0, slash);
  if (slash != std::string_view::npos && rest.substr(slash) != "/")
    return endpoint_error("endpoint '" + config.url + "' has a path; S3 endpoints are a scheme and host only");
  if (authority.empty() || authority.find_first_of("?#@ ") != std::string_view::npos)
    return endpoint_error("endpoint '" + config.url + "' has no valid host");
  ep.authority_ = std::string(authority);
  auto host = host_of(authority);
  ep.host_is_ip_or_localhost_ = is_ipv4(host) || host.front() == '[' || host == "localhost" || ends_with(host, ".localhost");
  ep.is_aws_ = ends_with(host, ".amazonaws.com") || ends_with(host, ".amazonaws.com.cn");
  return ep;
}

bool endpoint::uses_path_style(std::string_view bucket) const noexcept {
  switch (style_) {
    case addressing_style::path: return true;
    case addressing_style::virtual_hosted: return false;
    case addressing_style::automatic: break;
  }
  // S3-compatible servers on other hosts rarely have wildcard DNS: only AWS gets virtual hosts.
  if (host_is_ip_or_localhost_ || !is_aws_) return true;
  return !is_dns_label_bucket(bucket);
}

target endpoint::locate(std::string_view bucket, std::string_view key, std::string_view query) const {
  target t;
  t.host = authority_;
  t.path = "/";
  if (!bucket.empty()) {
    if (uses_path_style(bucket)) {
      t.path += crypto::uri_encode(bucket, false);
      if (!key.empty()) t.path += "/" + crypto::uri_encode(key, true);
    } else {
      t.host = std::string(bucket) + "." + authority_;
      t.path += crypto::uri_encode(key, true);
    }
  }
  t.query = std::string(query);
  t.url = scheme_ + "://" + t.host + t.path;
  if (!t.query.empty()) t.url += "?" + t.query;
  return t;
}

}  // namespace quiltup::s3
