// quiltup put SRC... s3://bucket/prefix/ (files and directories through the upload engine), run
// as a user runs it; what landed is checked with a separate client.
#include "cli_runner.hpp"
#include "integration/s3/s3_session.hpp"
#include "support/local_s3.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <array>
#include <set>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace quiltup;
namespace fs = std::filesystem;

namespace {

test::cli_run run_cli(const test::local_server& s, const std::vector<std::string>& args) {
  return test::run_quiltup(test::server_env(s), args);
}

std::vector<boost::json::object> json_lines(const std::string& out) {
  std::vector<boost::json::object> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(boost::json::parse(line).as_object());
  return lines;
}

struct tree {
  fs::path root = fs::temp_directory_path() / ("quiltup-batch-cli-" + std::to_string(::getpid()));
  tree() {
    fs::remove_all(root);
    fs::create_directories(root / "dir/sub");
    std::ofstream(root / "single.txt") << "single";
    std::ofstream(root / "dir/a.csv") << "a,b\n1,2\n";
    std::ofstream(root / "dir/sub/big.bin", std::ios::binary) << test::pattern(12 * 1024 * 1024, 3);
  }
  ~tree() { fs::remove_all(root); }
};

}  // namespace

TEST_CASE("cli put: files and a directory under a prefix, one JSON line each plus a summary", "[integration][cli][upload][rgw]") {
  auto server = test::rgw();
  test::s3_session s(server);
  auto bucket = s.make_bucket("cli-batch");
  tree t;
  auto r = run_cli(server, {"put", (t.root / "single.txt").string(), (t.root / "dir").string(), "s3://" + bucket + "/pre/",
                            "--json", "--part-size", "5MiB", "--multipart-threshold", "5MiB", "--concurrency", "4"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 4);
  std::set<std::string> keys;
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(lines[i].at("success").as_bool());
    keys.insert(std::string(lines[i].at("key").as_string()));
  }
  CHECK(keys == std::set<std::string>{"pre/single.txt", "pre/a.csv", "pre/sub/big.bin"});
  auto summary = lines[3].at("summary").as_object();
  CHECK(summary.at("uploaded").to_number<int>() == 3);
  CHECK(summary.at("failed").to_number<int>() == 0);

  CHECK(s.run(s.client().get_object({bucket, "pre/single.txt"}))->body == "single");
  CHECK(s.run(s.client().get_object({bucket, "pre/a.csv"}))->body == "a,b\n1,2\n");
  auto big = s.run(s.client().get_object({bucket, "pre/sub/big.bin"}));
  REQUIRE(big.has_value());
  CHECK(big->body == test::pattern(12 * 1024 * 1024, 3));
  CHECK(big->etag.find("-3") != std::string::npos);
  CHECK(big->content_type == "application/octet-stream");
  CHECK(s.run(s.client().head_object({bucket, "pre/a.csv"}))->content_type == "text/csv");
}

TEST_CASE("cli put: a missing SRC among several fails alone and the exit code is 1", "[integration][cli][upload][rgw]") {
  auto server = test::rgw();
  test::s3_session s(server);
  auto bucket = s.make_bucket("cli-batch-fail");
  tree t;
  auto r = run_cli(server, {"put", (t.root / "single.txt").string(), "/nonexistent/quiltup.bin", "s3://" + bucket + "/p/", "--json"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 3);
  int failed = 0;
  for (std::size_t i = 0; i < 2; ++i)
    if (!lines[i].at("success").as_bool()) {
      ++failed;
      CHECK(lines[i].at("error").at("code").as_string() == "FileNotFound");
    }
  CHECK(failed == 1);
  CHECK(s.run(s.client().get_object({bucket, "p/single.txt"}))->body == "single");
}

TEST_CASE("cli put: bad sizes and modes are usage errors (exit 2) naming the flag", "[integration][cli][upload]") {
  auto server = test::rgw();
  tree t;
  auto src = (t.root / "single.txt").string();
  for (auto args : std::vector<std::vector<std::string>>{{"--part-size", "1MiB"}, {"--part-size", "lots"},
                                                         {"--memory-limit", "4MiB"}, {"--checksum", "crc99"},
                                                         {"--payload-signing", "sometimes"}}) {
    std::vector<std::string> argv{"put", src, "s3://bucket/prefix/"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = run_cli(server, argv);
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(args[0]) != std::string::npos);
    CHECK(r.out.empty());
  }
}
