#include "credentials/credential_process.hpp"
#include "credentials/profile_config.hpp"
#include "credentials/profile_provider.hpp"
#include "credentials/rfc3339.hpp"

#include "support/run_awaitable.hpp"
#include "support/temp_dir.hpp"

#include "support/result_printer.hpp"

#include <catch2/catch.hpp>

using namespace quiltup;
using namespace quiltup::credentials;

namespace {

environment files_env(const test::temp_dir& dir, std::map<std::string, std::string> extra = {}) {
  extra.emplace("AWS_SHARED_CREDENTIALS_FILE", (dir.path() / "credentials").string());
  extra.emplace("AWS_CONFIG_FILE", (dir.path() / "config").string());
  return fixed_environment(std::move(extra));
}

result<aws_credentials> fetch(environment env) {
  profile_provider p(std::move(env), std::chrono::seconds(10));
  return test::run_awaitable(p.fetch());
}

}  // namespace

TEST_CASE("profile_provider: static keys of the default profile from the credentials file",
          "[credentials][profile_provider]") {
  test::temp_dir dir;
  dir.write("credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s3cr3t/default+key\n"
                           "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other\naws_session_token = tok\n");
  auto c = fetch(files_env(dir));
  REQUIRE(c);
  CHECK(c->access_key_id == "AKIDDEFAULT");
  CHECK(c->secret_access_key == "s3cr3t/default+key");
  CHECK(c->session_token.empty());
  CHECK(c->source == "profile");

  auto other = fetch(files_env(dir, {{"AWS_PROFILE", "other"}}));
  REQUIRE(other);
  CHECK(other->access_key_id == "AKIDOTHER");
  CHECK(other->session_token == "tok");
}

TEST_CASE("profile_config: [profile x] in config, credentials file wins, region and S3 endpoint exposed",
          "[credentials][profile_config]") {
  test::temp_dir dir;
  dir.write("config",
            "[default]\nregion = us-east-2\n"
            "[profile dev]\nregion = eu-central-1\naws_access_key_id = FROMCONFIG\nservices = local\n"
            "endpoint_url = http://global:1\n"
            "s3 =\n  addressing_style = path\n"
            "[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:7480\n"
            "[dev]\nregion = must-not-be-read\n");
  dir.write("credentials", "[dev]\naws_access_key_id = FROMCREDENTIALS\naws_secret_access_key = x\n");
  auto p = load_profile_config(files_env(dir, {{"AWS_PROFILE", "dev"}}));
  REQUIRE(p);
  CHECK(p->found);
  CHECK(p->region() == "eu-central-1");
  CHECK(*p->get("aws_access_key_id") == "FROMCREDENTIALS");
  CHECK(p->s3_endpoint_url() == "http://127.0.0.1:7480");
  CHECK(p->s3_addressing_style() == "path");

  auto d = load_profile_config(files_env(dir));
  REQUIRE(d);
  CHECK(d->name == "default");
  CHECK(d->region() == "us-east-2");
  CHECK(d->s3_endpoint_url().empty());
}

TEST_CASE("profile_config: without a services block the profile's endpoint_url is used", "[credentials][profile_config]") {
  test::temp_dir dir;
  dir.write("config", "[profile e]\nendpoint_url = http://10.0.0.1:9000\n");
  auto p = load_profile_config(files_env(dir, {{"AWS_PROFILE", "e"}}));
  REQUIRE(p);
  CHECK(p->s3_endpoint_url() == "http://10.0.0.1:9000");
}

TEST_CASE("profile_provider: absent files are skipped, an explicitly named missing profile fails",
          "[credentials][profile_provider]") {
  test::temp_dir dir;
  auto implicit = fetch(files_env(dir));
  REQUIRE_FALSE(implicit);
  CHECK(is_not_configured(implicit.error()));

  auto named = fetch(files_env(dir, {{"AWS_PROFILE", "ghost"}}));
  REQUIRE_FALSE(named);
  CHECK(named.error().code == "ProfileNotFound");
  CHECK(named.error().message.find("profile 'ghost'") != std::string::npos);
  CHECK(named.error().field == "AWS_PROFILE");
}

TEST_CASE("profile_provider: a malformed config file is an error naming it", "[credentials][profile_provider]") {
  test::temp_dir dir;
  const std::string path = dir.write("config", "[default]\nthis line is wrong\n");
  auto c = fetch(files_env(dir));
  REQUIRE_FALSE(c);
  CHECK(c.error().code == "InvalidConfigFile");
  CHECK(c.error().message.find(path + " line 2") != std::string::npos);
}

TEST_CASE("profile_provider: credential_process output is parsed and its Expiration kept",
          "[credentials][profile_provider][credential_process]") {
  test::temp_dir dir;
  const std::string script = dir.write("issue.sh",
                                       "#!/bin/sh\n"
                                       "echo \"$1\" > \"$(dirname \"$0\")/arg\"\n"
                                       "cat <<JSON\n"
                                       "{\"Version\": 1, \"AccessKeyId\": \"ASIAPROCESS\", \"SecretAccessKey\": \"proc/secret\",\n"
                                       " \"SessionToken\": \"proc-token\", \"Expiration\": \"2031-01-02T03:04:05Z\"}\n"
                                       "JSON\n",
                                       true);
  dir.write("config", "[profile p]\ncredential_process = " + script + " 'hello world'\n");
  auto c = fetch(files_env(dir, {{"AWS_PROFILE", "p"}}));
  REQUIRE(c);
  CHECK(c->access_key_id == "ASIAPROCESS");
  CHECK(c->secret_access_key == "proc/secret");
  CHECK(c->session_token == "proc-token");
  CHECK(c->source == "credential_process");
  REQUIRE(c->expiration);
  CHECK(format_rfc3339(*c->expiration) == "2031-01-02T03:04:05Z");
  // no shell: the quoted argument arrived as one argument
  std::ifstream arg(dir.path() / "arg");
  std::string got;
  std::getline(arg, got);
  CHECK(got == "hello world");
}

TEST_CASE("profile_provider: credential_process failures say what the command did",
          "[credentials][profile_provider][credential_process]") {
  test::temp_dir dir;
  const std::string fails = dir.write("fails.sh", "#!/bin/sh\necho 'sso session expired' >&2\nexit 3\n", true);
  const std::string garbage = dir.write("garbage.sh", "#!/bin/sh\necho 'not json at all'\n", true);
  const std::string no_version = dir.write(
      "nov.sh", "#!/bin/sh\necho '{\"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}'\n", true);
  const std::string sleeps = dir.write("sleeps.sh", "#!/bin/sh\nexec sleep 30\n", true);

  auto run = [&](const std::string& command, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    dir.write("config", "[default]\ncredential_process = " + command + "\n");
    profile_provider p(files_env(dir), timeout);
    return test::run_awaitable(p.fetch());
  };

  auto exit3 = run(fails);
  REQUIRE_FALSE(exit3);
  CHECK(exit3.error().code == "CredentialProcessFailed");
  CHECK(exit3.error().message.find("exited with status 3") != std::string::npos);
  CHECK(exit3.error().message.find("sso session expired") != std::string::npos);

  auto bad_json = run(garbage);
  REQUIRE_FALSE(bad_json);
  CHECK(bad_json.error().message.find("returned non-JSON response") != std::string::npos);

  auto missing = run(no_version);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("missing fields [Version (must be 1)]") != std::string::npos);

  auto not_found = run(dir.path().string() + "/does-not-exist");
  REQUIRE_FALSE(not_found);
  CHECK(not_found.error().message.find("could not be started") != std::string::npos);

  const auto t0 = std::chrono::steady_clock::now();
  auto slow = run(sleeps, std::chrono::milliseconds(300));
  REQUIRE_FALSE(slow);
  CHECK(slow.error().message.find("did not finish within 300 ms") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
}

TEST_CASE("credential_process: commands split without a shell unless shell syntax is used",
          "[credentials][credential_process]") {
  CHECK(split_command("/usr/bin/tool --profile x") == std::vector<std::string>{"/usr/bin/tool", "--profile", "x"});
  CHECK(split_command("tool 'a b' \"c \\\"d\\\"\" e\\ f") ==
        std::vector<std::string>{"tool", "a b", "c \"d\"", "e f"});
  CHECK(split_command("tool | jq .").empty());
  CHECK(split_command("tool $HOME").empty());
  CHECK(split_command("tool 'unbalanced").empty());
}

TEST_CASE("profile_provider: a profile with only role_arn is declined with the reason", "[credentials][profile_provider]") {
  test::temp_dir dir;
  dir.write("config", "[default]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = y\n");
  auto c = fetch(files_env(dir));
  REQUIRE_FALSE(c);
  CHECK(is_not_configured(c.error()));
  CHECK(c.error().message.find("role_arn") != std::string::npos);
}
