// The provider chain against stand-in credential endpoints whose keys are real moto temporary
// keys, proven by uploading through the s3 client to moto (auth on: signature and session
// token checked). Every test also scans what quiltup produced for the secrets it handled.
#include "credentials/credential_report.hpp"
#include "credentials/default_chain.hpp"
#include "s3/client.hpp"
#include "s3/credentials_source.hpp"

#include "support/result_printer.hpp"
#include "support/temp_dir.hpp"
#include "standin.hpp"
#include "support/local_s3.hpp"
#include "support/run_awaitable.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <catch2/catch.hpp>

#include <map>

using namespace quiltup;
using namespace std::chrono_literals;
using credentials::chain_config;
using credentials::credentials_session;

namespace {

const std::string jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6InF1aWx0dXAtdGVzdCJ9.c3RhbmRpbi1zaWduYXR1cmU";

struct harness {
  boost::asio::io_context io;
  http::client http{io.get_executor()};
  test::local_server moto = test::moto();
  test::temp_dir home;

  // Only what a test sets; ~/.aws and the instance metadata service are out of reach unless asked.
  std::map<std::string, std::string> env(std::map<std::string, std::string> extra = {}) const {
    extra.emplace("HOME", home.path().string());
    extra.emplace("AWS_EC2_METADATA_DISABLED", "true");
    return extra;
  }

  std::unique_ptr<credentials_session> session(std::map<std::string, std::string> vars) {
    chain_config config;
    config.env = credentials::fixed_environment(std::move(vars));
    return std::make_unique<credentials_session>(http, std::move(config));
  }

  s3::client s3_with(s3::credentials_source source, int max_attempts = 5) {
    auto ep = s3::endpoint::make({moto.endpoint, moto.region});
    REQUIRE(ep);
    s3::client_options options;
    options.retry.max_attempts = max_attempts;
    return s3::client(http, *ep, std::move(source), options);
  }

  // A bucket made with the fixture's own keys, so the session under test fetches nothing yet.
  std::string bucket() {
    aws_credentials admin;
    admin.access_key_id = moto.access_key;
    admin.secret_access_key = moto.secret_key;
    auto s3 = s3_with(s3::static_credentials(admin));
    std::string name = test::unique_bucket_name("cred");
    s3::create_bucket_request request{name, ""};
    auto made = test::run_awaitable(io, s3.create_bucket(std::move(request)));
    REQUIRE(made);
    return name;
  }

  std::string get(const std::string& url) {
    http::request req;
    req.url = url;
    auto r = test::run_awaitable(io, http.send(std::move(req)));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return r->body;
  }

  int count(const test::standin& s, const char* field = "count") {
    return static_cast<int>(boost::json::parse(get(s.url("/_standin/count"))).at(field).as_int64());
  }

  // Every secret the stand-in issued: keys and session tokens.
  std::vector<std::string> issued_secrets(const test::standin& s) {
    std::vector<std::string> out;
    const boost::json::value issued = boost::json::parse(get(s.url("/_standin/issued")));
    for (const auto& row : issued.as_array()) {
      out.emplace_back(row.at("SecretAccessKey").as_string());
      out.emplace_back(row.at("SessionToken").as_string());
    }
    return out;
  }
};

// Uploads `n` objects one by one and checks each with HEAD: what moto stored, not what we claim.
awaitable<std::vector<std::string>> upload_and_verify(s3::client& s3, std::string bucket, int n) {
  std::vector<std::string> failures;
  for (int i = 0; i < n; ++i) {
    const std::string key = "chain/object-" + std::to_string(i);
    const std::string body = "payload " + std::to_string(i);
    // Requests go through named locals: GCC 12 mis-copies a braced temporary inside co_await.
    s3::put_object_request request{.bucket = bucket, .key = key, .body = http::body::from_string(body)};
    auto put = co_await s3.put_object(std::move(request));
    if (!put) {
      failures.push_back(put.error().to_string());
      continue;
    }
    s3::head_object_request probe{.bucket = bucket, .key = key};
    auto head = co_await s3.head_object(std::move(probe));
    if (!head) failures.push_back(head.error().to_string());
  }
  co_return failures;
}

std::string report_text(const credentials_session& session) { return boost::json::serialize(credentials::to_json(session.report())); }

void require_no_secrets(const std::string& output, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    INFO("a secret of length " << secret.size() << " leaked into the output");
    CHECK(output.find(secret) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("credential chain: catalog-issued keys upload and report source catalog", "[credentials][integration]") {
  harness h;
  test::standin registry("registry", {"--jwt", jwt});
  const std::string bucket = h.bucket();
  auto session = h.session(h.env({{"QUILT_REGISTRY_URL", registry.url("/")}, {"QUILT_JWT", jwt}}));
  auto s3 = h.s3_with(session->source());

  auto failures = test::run_awaitable(h.io, upload_and_verify(s3, bucket, 3));
  CHECK(failures.empty());
  CHECK(session->report().source == "catalog");
  REQUIRE(session->report().attempts.size() == 1);
  CHECK(session->report().attempts[0].provider == "catalog");
  CHECK(session->report().attempts[0].outcome == "ok");
  REQUIRE(session->report().expiration);
  CHECK(h.count(registry) == 1);

  auto secrets = h.issued_secrets(registry);
  secrets.push_back(jwt);
  std::string output = report_text(*session);
  for (const auto& f : failures) output += f;
  require_no_secrets(output, secrets);
}

TEST_CASE("credential chain: catalog down, environment keys upload and the catalog attempt is listed",
          "[credentials][integration]") {
  harness h;
  const std::string bucket = h.bucket();
  const std::string down = "http://127.0.0.1:" + std::to_string(test::unused_port());
  auto session = h.session(h.env({{"QUILT_REGISTRY_URL", down},
                                   {"QUILT_JWT", jwt},
                                   {"AWS_ACCESS_KEY_ID", h.moto.access_key},
                                   {"AWS_SECRET_ACCESS_KEY", h.moto.secret_key}}));
  auto s3 = h.s3_with(session->source());
  auto failures = test::run_awaitable(h.io, upload_and_verify(s3, bucket, 2));
  CHECK(failures.empty());
  CHECK(session->report().source == "environment");
  CHECK(session->report().coarse_source() == "ambient");
  REQUIRE(session->report().attempts.size() == 2);
  CHECK(session->report().attempts[0].provider == "catalog");
  CHECK(session->report().attempts[0].outcome == "failed");
  CHECK(session->report().attempts[0].detail.find("Failed to fetch AWS credentials") != std::string::npos);
  CHECK(session->report().attempts[1].provider == "environment");
  CHECK(session->report().attempts[1].outcome == "ok");
  require_no_secrets(report_text(*session), {h.moto.secret_key, jwt});
}

TEST_CASE("credential chain: a named profile in the shared credentials file uploads", "[credentials][integration]") {
  harness h;
  const std::string bucket = h.bucket();
  const std::string file = h.home.write("credentials", "[uploader]\naws_access_key_id = " + h.moto.access_key +
                                                           "\naws_secret_access_key = " + h.moto.secret_key + "\n");
  auto session = h.session(h.env({{"AWS_PROFILE", "uploader"}, {"AWS_SHARED_CREDENTIALS_FILE", file}}));
  auto s3 = h.s3_with(session->source());
  auto failures = test::run_awaitable(h.io, upload_and_verify(s3, bucket, 2));
  CHECK(failures.empty());
  CHECK(session->report().source == "profile");
  REQUIRE(session->report().attempts.size() == 3);
  CHECK(session->report().attempts[1].outcome == "skipped");  // environment
  CHECK(session->report().attempts[2].outcome == "ok");
  require_no_secrets(report_text(*session), {h.moto.secret_key});
}

TEST_CASE("credential chain: credential_process keys (with session token) upload", "[credentials][integration]") {
  harness h;
  const std::string bucket = h.bucket();
  const std::string config = h.home.write(
      "config", "[default]\ncredential_process = python3 " + test::standin_script() + " process --moto-env " +
                    test::moto_env_file() + " --lifetimes 900\nregion = us-east-1\n");
  auto session = h.session(h.env({{"AWS_CONFIG_FILE", config}}));
  auto s3 = h.s3_with(session->source());
  auto failures = test::run_awaitable(h.io, upload_and_verify(s3, bucket, 2));
  CHECK(failures.empty());
  CHECK(session->report().source == "credential_process");
  REQUIRE(session->report().expiration);
  const auto left = *session->report().expiration - std::chrono::system_clock::now();
  CHECK(left > 800s);
  CHECK(left < 1000s);
  CHECK(session->fetches() == 1);
}

TEST_CASE("credential chain: container endpoint keys upload, with the token file's Authorization",
          "[credentials][integration]") {
  harness h;
  test::standin container("container", {"--token", "container-auth-token-42"});
  const std::string bucket = h.bucket();
  const std::string token_file = h.home.write("token", "container-auth-token-42\n");
  auto session = h.session(h.env({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", container.url("/v2/credentials/task-1")},
                                  {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token_file}}));
  auto s3 = h.s3_with(session->source());
  auto failures = test::run_awaitable(h.io, upload_and_verify(s3, bucket, 2));
  CHECK(failures.empty());
  CHECK(session->report().source == "container");
  CHECK(h.count(container) == 1);
  require_no_secrets(report_text(*session), h.issued_secrets(container));

  // the wrong token is refused by the endpoint and reported, not retried forever
  auto wrong = h.session(h.env({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", container.url("/v2/credentials/task-1")},
                                {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "not-the-token"}}));
  auto refused = test::run_awaitable(h.io, wrong->fetch());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("container: failed (container credentials endpoint answered HTTP 401") !=
        std::string::npos);
}

TEST_CASE("credential chain: IMDSv2 keys upload (token PUT, then role GET)", "[credentials][integration]") {
  harness h;
  test::standin imds("imds");
  const std::string bucket = h.bucket();
  auto vars = h.env({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url()}});
  vars.erase("AWS_EC2_METADATA_DISABLED");
  auto session = h.session(vars);
  auto s3 = h.s3_with(session->source());
  auto failures = test::run_awaitable(h.io, upload_and_verify(s3, bucket, 2));
  CHECK(failures.empty());
  CHECK(session->report().source == "imds");
  REQUIRE(session->report().attempts.size() == 5);
  CHECK(session->report().attempts[4].provider == "imds");
  CHECK(h.count(imds, "token_puts") == 1);
  CHECK(h.count(imds) == 1);
  require_no_secrets(report_text(*session), h.issued_secrets(imds));
}

TEST_CASE("credential chain: keys expiring 5 s into a longer upload are refreshed once, no request fails",
          "[credentials][integration]") {
  harness h;
  test::standin registry("registry", {"--jwt", jwt, "--lifetimes", "5,3600"});
  const std::string bucket = h.bucket();
  auto session = h.session(h.env({{"QUILT_REGISTRY_URL", registry.url()}, {"QUILT_JWT", jwt}}));
  auto s3 = h.s3_with(session->source(), /*max_attempts=*/1);  // a rejected signature would fail, not retry

  const auto start = std::chrono::steady_clock::now();
  const auto stop = start + 12s;
  int puts = 0, puts_after_expiry = 0;
  std::vector<std::string> failures;
  auto worker = [&](int id) -> awaitable<void> {
    for (int i = 0; std::chrono::steady_clock::now() < stop; ++i) {
      s3::put_object_request request{.bucket = bucket,
                                     .key = "long/" + std::to_string(id) + "/" + std::to_string(i),
                                     .body = http::body::from_string(std::string(4096, 'x'))};
      auto put = co_await s3.put_object(std::move(request));
      if (!put) failures.push_back(put.error().to_string());
      ++puts;
      if (std::chrono::steady_clock::now() - start > 6s) ++puts_after_expiry;
      boost::asio::steady_timer pause(co_await boost::asio::this_coro::executor, 50ms);
      co_await pause.async_wait(use_awaitable);
    }
  };
  for (int w = 0; w < 4; ++w) boost::asio::co_spawn(h.io, worker(w), boost::asio::detached);
  h.io.restart();
  h.io.run();

  CHECK(failures.empty());
  CHECK(puts_after_expiry > 0);
  CHECK(h.count(registry) == 2);
  REQUIRE(session->report().expiration);
  CHECK(*session->report().expiration - std::chrono::system_clock::now() > 3000s);  // the second, long-lived keys
  INFO(puts << " puts");
  auto secrets = h.issued_secrets(registry);
  secrets.push_back(jwt);
  std::string output = report_text(*session);
  for (const auto& f : failures) output += f;
  require_no_secrets(output, secrets);
}

TEST_CASE("credential chain: 200 concurrent uploads starting at once cause exactly one credential fetch",
          "[credentials][integration]") {
  harness h;
  test::standin registry("registry", {"--jwt", jwt});
  const std::string bucket = h.bucket();
  auto session = h.session(h.env({{"QUILT_REGISTRY_URL", registry.url()}, {"QUILT_JWT", jwt}}));
  auto s3 = h.s3_with(session->source());
  int ok = 0;
  std::vector<std::string> failures;
  for (int i = 0; i < 200; ++i)
    boost::asio::co_spawn(
        h.io,
        [&, i]() -> awaitable<void> {
          s3::put_object_request request{.bucket = bucket, .key = "burst/" + std::to_string(i),
                                         .body = http::body::from_string("b")};
          auto put = co_await s3.put_object(std::move(request));
          if (put) ++ok;
          else failures.push_back(put.error().to_string());
        },
        boost::asio::detached);
  h.io.restart();
  h.io.run();
  CHECK(failures.empty());
  CHECK(ok == 200);
  CHECK(h.count(registry) == 1);
  CHECK(session->fetches() == 1);
}

TEST_CASE("credential chain: bad registry answers give clear errors and leak nothing", "[credentials][integration]") {
  harness h;
  struct scenario {
    std::string mode;
    std::string code;
    std::vector<std::string> says;
  };
  const std::vector<scenario> scenarios = {
      {"html", "CatalogUrlNotRegistry", {"use the registry URL, not the catalog URL"}},
      {"status:401", "InvalidJwt", {"JWT token invalid or expired. Please re-authenticate."}},
      {"status:403", "InvalidJwt", {"Access denied. Check your permissions."}},
      {"status:500", "NoCredentials",
       {"JWT token did not include aws_credentials", "Catalog credential request failed (status 500)"}},
      {"bad_json", "NoCredentials",
       {"JWT token did not include aws_credentials", "Catalog credential endpoint returned non-JSON response"}},
      {"missing_fields", "NoCredentials", {"Invalid credential response: missing fields [SecretAccessKey, SessionToken]"}},
      {"empty", "NoCredentials", {"Catalog credential endpoint returned an empty response"}},
  };
  for (const auto& s : scenarios) {
    SECTION(s.mode) {
      test::standin registry("registry", {"--jwt", jwt, "--mode", s.mode});
      auto session = h.session(h.env({{"QUILT_REGISTRY_URL", registry.url()},
                                      {"QUILT_JWT", jwt},
                                      {"QUILTUP_AMBIENT_CREDENTIALS", "off"},
                                      {"AWS_ACCESS_KEY_ID", h.moto.access_key},
                                      {"AWS_SECRET_ACCESS_KEY", h.moto.secret_key}}));
      auto got = test::run_awaitable(h.io, session->fetch());
      REQUIRE_FALSE(got);
      CHECK(got.error().code == s.code);
      for (const auto& text : s.says) {
        INFO(got.error().to_string());
        CHECK(got.error().message.find(text) != std::string::npos);
      }
      CHECK_FALSE(got.error().hint.empty());
      REQUIRE(session->report().attempts.size() == 1);  // ambient off: the environment keys were not used
      CHECK(session->report().attempts[0].outcome == "failed");
      auto secrets = h.issued_secrets(registry);  // missing_fields did issue keys
      secrets.push_back(jwt);
      secrets.push_back(h.moto.secret_key);
      require_no_secrets(got.error().to_string() + report_text(*session), secrets);
    }
  }
}

TEST_CASE("credential chain: a JWT the registry does not accept is reported as invalid or expired",
          "[credentials][integration]") {
  harness h;
  test::standin registry("registry", {"--jwt", jwt});
  const std::string wrong = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.ZXhwaXJlZC1zaWduYXR1cmU";
  auto session = h.session(h.env({{"QUILT_REGISTRY_URL", registry.url()}, {"QUILT_JWT", wrong}}));
  auto got = test::run_awaitable(h.io, session->fetch());
  REQUIRE_FALSE(got);
  CHECK(got.error().code == "InvalidJwt");
  CHECK(got.error().http_status == 401);
  CHECK(got.error().message.find("environment: skipped") != std::string::npos);
  CHECK(h.count(registry) == 0);
  require_no_secrets(got.error().to_string() + report_text(*session), {wrong, jwt});
}
