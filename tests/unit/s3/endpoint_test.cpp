#include "s3/endpoint.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace quiltup;

TEST_CASE("endpoint: a localhost IP is path-style, key encoded once with '/' kept", "[s3][endpoint]") {
  auto ep = s3::endpoint::make({"http://127.0.0.1:7480", "", s3::addressing_style::automatic});
  REQUIRE(ep.has_value());
  CHECK(ep->region() == "us-east-1");
  auto t = ep->locate("bucket", "dir/a b+c~d@\xC3\xA9(1)&=.txt", "");
  CHECK(t.host == "127.0.0.1:7480");
  CHECK(t.path == "/bucket/dir/a%20b%2Bc~d%40%C3%A9%281%29%26%3D.txt");
  CHECK(t.url == "http://127.0.0.1:7480/bucket/dir/a%20b%2Bc~d%40%C3%A9%281%29%26%3D.txt");
  CHECK(ep->locate("bucket", "test$file", "").path == "/bucket/test%24file");
}

TEST_CASE("endpoint: AWS gets virtual hosts, except buckets that are not DNS labels", "[s3][endpoint]") {
  auto ep = s3::endpoint::make({"", "eu-west-1", s3::addressing_style::automatic});
  REQUIRE(ep.has_value());
  CHECK(ep->is_aws());
  auto t = ep->locate("my-bucket", "k/v.txt", "uploads=");
  CHECK(t.host == "my-bucket.s3.eu-west-1.amazonaws.com");
  CHECK(t.path == "/k/v.txt");
  CHECK(t.url == "https://my-bucket.s3.eu-west-1.amazonaws.com/k/v.txt?uploads=");
  auto dotted = ep->locate("my.bucket", "k", "");
  CHECK(dotted.host == "s3.eu-west-1.amazonaws.com");
  CHECK(dotted.path == "/my.bucket/k");
}

TEST_CASE("endpoint: forced styles and bucket-level paths", "[s3][endpoint]") {
  auto path = s3::endpoint::make({"https://s3.us-east-1.amazonaws.com", "", s3::addressing_style::path});
  REQUIRE(path.has_value());
  CHECK(path->locate("b1", "", "versioning=").url == "https://s3.us-east-1.amazonaws.com/b1?versioning=");
  auto vhost = s3::endpoint::make({"http://localhost:9000", "", s3::addressing_style::virtual_hosted});
  REQUIRE(vhost.has_value());
  CHECK(vhost->locate("b1", "k", "").host == "b1.localhost:9000");
  CHECK(vhost->locate("", "", "").url == "http://localhost:9000/");
}

TEST_CASE("endpoint: bad URLs are errors naming AWS_ENDPOINT_URL", "[s3][endpoint]") {
  for (const char* bad : {"127.0.0.1:7480", "ftp://host", "http://", "http://host/path", "http://user@host"}) {
    INFO(bad);
    auto ep = s3::endpoint::make({bad, "", s3::addressing_style::automatic});
    REQUIRE_FALSE(ep.has_value());
    CHECK(ep.error().code == "InvalidEndpoint");
    CHECK(ep.error().field == "AWS_ENDPOINT_URL");
  }
  CHECK(s3::endpoint::make({"http://host:1/", "", s3::addressing_style::automatic}).has_value());
}

TEST_CASE("endpoint: configuration from the environment", "[s3][endpoint]") {
  ::setenv("AWS_ENDPOINT_URL", "http://a:1", 1);
  ::setenv("AWS_ENDPOINT_URL_S3", "http://b:2", 1);
  ::unsetenv("AWS_REGION");
  ::setenv("AWS_DEFAULT_REGION", "ap-south-1", 1);
  auto c = s3::endpoint_config_from_environment();
  CHECK(c.url == "http://b:2");
  CHECK(c.region == "ap-south-1");
  ::unsetenv("AWS_ENDPOINT_URL_S3");
  ::setenv("AWS_REGION", "us-west-2", 1);
  c = s3::endpoint_config_from_environment();
  CHECK(c.url == "http://a:1");
  CHECK(c.region == "us-west-2");
  ::unsetenv("AWS_ENDPOINT_URL");
  ::unsetenv("AWS_REGION");
  ::unsetenv("AWS_DEFAULT_REGION");
  CHECK(s3::endpoint::make(s3::endpoint_config_from_environment())->region() == "us-east-1");
}
