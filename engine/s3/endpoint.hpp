#pragma once
// Where requests go: scheme, host, region and addressing style, and the wire URL + Host header
// for a (bucket, key, query). Path-style for IP/localhost endpoints (or on request),
// virtual-hosted for AWS.
#include "core/error.hpp"

#include <string>
#include <string_view>

namespace quiltup::s3 {

enum class addressing_style { automatic, path, virtual_hosted };

struct endpoint_config {
  std::string url;  // "http://127.0.0.1:7480" or "https://s3.example.com"; empty → AWS for `region`
  std::string region;  // empty → "us-east-1"
  addressing_style style = addressing_style::automatic;
};

// AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL; AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1.
endpoint_config endpoint_config_from_environment();

// One request's destination, ready for http::request and sigv4::request_view.
struct target {
  std::string url;    // scheme://host/path?query
  std::string host;   // Host header value (host[:port])
  std::string path;   // percent-encoded once, '/' kept
  std::string query;  // as sent, already encoded
};

class endpoint {
 public:
  // Validates the URL (scheme http/https, a host, no path beyond "/"): errors name AWS_ENDPOINT_URL.
  static result<endpoint> make(endpoint_config config);

  // bucket empty → service root ("/"); key empty → bucket root.
  target locate(std::string_view bucket, std::string_view key, std::string_view query) const;

  const std::string& region() const noexcept { return region_; }
  const std::string& scheme() const noexcept { return scheme_; }
  bool uses_path_style(std::string_view bucket) const noexcept;
  bool is_aws() const noexcept { return is_aws_; }

 private:
  std::string scheme_;      // "http" | "https"
  std::string authority_;   // host[:port] as given
  std::string region_;
  addressing_style style_ = addressing_style::automatic;
  bool host_is_ip_or_localhost_ = false;
  bool is_aws_ = false;
};

}  // namespace quiltup::s3
