#pragma once
// Runs build/bin/quiltup as a user would, in a clean environment: only PATH, the variables a
// test names, and AWS_EC2_METADATA_DISABLED=true — with no keys configured the credential chain
// would otherwise try the instance-metadata address, which no test may reach.
#include "support/local_s3.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace quiltup::test {

struct cli_run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// env_prefix: "VAR=value ..." already quoted.
inline cli_run run_quiltup(const std::string& env_prefix, const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  auto err_path = fs::temp_directory_path() / ("quiltup-cli-err-" + std::to_string(::getpid()));
  std::string cmd = "env -i PATH=/usr/bin:/bin AWS_EC2_METADATA_DISABLED=true " + env_prefix + " " +
                    shell_quote(QUILTUP_BINARY_DIR "/bin/quiltup");
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " 2>" + shell_quote(err_path.string());
  cli_run r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf;
  while (auto n = std::fread(buf.data(), 1, buf.size(), pipe)) r.out.append(buf.data(), n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  r.err.assign(std::istreambuf_iterator<char>(err), {});
  fs::remove(err_path);
  return r;
}

// The keys and endpoint of a fixture server as an env prefix for run_quiltup.
inline std::string server_env(const local_server& s) {
  return "AWS_ENDPOINT_URL=" + shell_quote(s.endpoint) + " AWS_ACCESS_KEY_ID=" + shell_quote(s.access_key) +
         " AWS_SECRET_ACCESS_KEY=" + shell_quote(s.secret_key) + " AWS_REGION=" + shell_quote(s.region);
}

}  // namespace quiltup::test
