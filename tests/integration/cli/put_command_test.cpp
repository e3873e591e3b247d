// build/bin/quiltup as a user runs it: through a shell, environment in, JSON out, exit code.
#include "integration/s3/s3_session.hpp"
#include "support/local_s3.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include "cli_runner.hpp"

#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace quiltup;
namespace fs = std::filesystem;

namespace {

using test::run_quiltup;
std::string rgw_env(const test::local_server& s) { return test::server_env(s); }

fs::path write_temp_file(const std::string& name, const std::string& content) {
  auto p = fs::temp_directory_path() / (std::to_string(::getpid()) + "-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

}  // namespace

TEST_CASE("cli put: prints one JSON object whose etag is the MD5 and which has a version id", "[integration][cli][rgw]") {
  auto server = test::rgw();
  auto env = rgw_env(server);
  auto bucket = test::unique_bucket_name("cli-put");
  auto mb = run_quiltup(env, {"mb", "s3://" + bucket, "--versioning"});
  INFO(mb.out << mb.err);
  REQUIRE(mb.exit_code == 0);

  auto content = test::pattern(1'500'000, 11);
  auto file = write_temp_file("cli put.bin", content);
  auto put = run_quiltup(env, {"put", file.string(), "s3://" + bucket + "/dir/a b.bin"});
  fs::remove(file);
  INFO(put.out << put.err);
  REQUIRE(put.exit_code == 0);
  auto json = boost::json::parse(put.out).as_object();
  CHECK(json.at("key").as_string() == "dir/a b.bin");
  CHECK(json.at("size").to_number<std::uint64_t>() == content.size());
  CHECK(json.at("etag").as_string() == test::md5_hex(content));
  REQUIRE(json.at("version_id").is_string());
  CHECK_FALSE(json.at("version_id").as_string().empty());
  CHECK(json.at("checksum").at("algorithm").as_string() == "CRC32C");
  CHECK(put.out.find('\n') == put.out.size() - 1);  // exactly one line
  // Which credential source served, and what the chain tried before it; never the secret.
  const auto& creds = json.at("credentials").as_object();
  CHECK(creds.at("source").as_string() == "environment");
  bool catalog_listed = false;
  for (const auto& a : creds.at("attempts").as_array())
    if (a.at("provider").as_string() == "catalog") catalog_listed = true;
  CHECK(catalog_listed);
  CHECK(put.out.find(server.secret_key) == std::string::npos);
  CHECK(put.err.find(server.secret_key) == std::string::npos);

  // What S3 holds afterwards, not what the CLI said.
  test::s3_session s(server);
  auto get = s.run(s.client().get_object({bucket, "dir/a b.bin"}));
  REQUIRE(get.has_value());
  CHECK(get->body == content);
  CHECK(get->version_id == json.at("version_id").as_string().c_str());
}

TEST_CASE("cli put: a missing file exits 2 and names the file", "[integration][cli]") {
  auto r = run_quiltup(rgw_env(test::rgw()), {"put", "/nonexistent/quiltup-missing.bin", "s3://bucket/key"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("/nonexistent/quiltup-missing.bin") != std::string::npos);
  CHECK(r.err.find("does not exist") != std::string::npos);
}

TEST_CASE("cli put: bad s3 URLs exit 2 and name the argument", "[integration][cli]") {
  auto file = write_temp_file("bad-url.txt", "x");
  for (const char* url : {"s3:/x", "http://host/bucket/key", "s3://", "s3:///key"}) {
    INFO(url);
    auto r = run_quiltup(rgw_env(test::rgw()), {"put", file.string(), url});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("DESTINATION") != std::string::npos);
    CHECK(r.err.find("s3://BUCKET/KEY") != std::string::npos);
  }
  fs::remove(file);
}

TEST_CASE("cli put: missing credentials exit 2 and name the variable", "[integration][cli]") {
  auto file = write_temp_file("no-creds.txt", "x");
  auto r = run_quiltup("AWS_ENDPOINT_URL=http://127.0.0.1:1", {"put", file.string(), "s3://bucket/key"});
  fs::remove(file);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("AWS_ACCESS_KEY_ID") != std::string::npos);
  // Every source was asked, and instance metadata declined without a network call.
  CHECK(r.err.find("imds: skipped") != std::string::npos);
}

TEST_CASE("cli put: an S3 failure is a JSON error object and exit 1", "[integration][cli][rgw]") {
  auto file = write_temp_file("no-bucket.txt", "x");
  auto r = run_quiltup(rgw_env(test::rgw()), {"put", file.string(), "s3://" + test::unique_bucket_name("absent") + "/k"});
  fs::remove(file);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  auto json = boost::json::parse(r.out).as_object();
  CHECK(json.at("error").at("code").as_string() == "NoSuchBucket");
  CHECK(json.at("error").at("step").as_string() == "PutObject");
  CHECK(json.at("error").at("http_status").as_int64() == 404);
}

TEST_CASE("cli mb: an invalid bucket name exits 2", "[integration][cli]") {
  auto r = run_quiltup(rgw_env(test::rgw()), {"mb", "s3://Bad_Name"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("BUCKET") != std::string::npos);
}
