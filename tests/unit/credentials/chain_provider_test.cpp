#include "credentials/chain_provider.hpp"
#include "credentials/default_chain.hpp"

#include "fake_provider.hpp"
#include <boost/json/serialize.hpp>
#include "support/run_awaitable.hpp"

#include "support/result_printer.hpp"

#include <catch2/catch.hpp>

using namespace quiltup;
using namespace quiltup::credentials;
using test::fake_provider;
using test::keys;

namespace {

std::shared_ptr<fake_provider> make(std::string name, result<aws_credentials> answer) {
  auto p = std::make_shared<fake_provider>(std::move(name));
  p->answer(std::move(answer));
  return p;
}

std::string all_text(const chain_outcome& o) {
  std::string text = boost::json::serialize(to_json(o.report));
  if (!o.credentials) text += o.credentials.error().to_string();
  return text;
}

}  // namespace

TEST_CASE("chain_provider: the first provider with keys wins and later ones are not asked", "[credentials][chain_provider]") {
  auto catalog = make("catalog", not_configured("QUILT_REGISTRY_URL environment variable not configured"));
  auto env = make("environment", keys("AKIDENV", "environment"));
  auto profile = make("profile", keys("AKIDPROFILE", "profile"));
  chain_provider chain({catalog, env, profile});

  auto out = test::run_awaitable(chain.resolve());
  REQUIRE(out.credentials);
  CHECK(out.credentials->access_key_id == "AKIDENV");
  CHECK(out.report.source == "environment");
  CHECK(out.report.coarse_source() == "ambient");
  REQUIRE(out.report.attempts.size() == 2);
  CHECK(out.report.attempts[0].provider == "catalog");
  CHECK(out.report.attempts[0].outcome == "skipped");
  CHECK(out.report.attempts[0].detail == "QUILT_REGISTRY_URL environment variable not configured");
  CHECK(out.report.attempts[1].provider == "environment");
  CHECK(out.report.attempts[1].outcome == "ok");
  CHECK(profile->fetches() == 0);
}

TEST_CASE("chain_provider: catalog down → environment serves, the catalog attempt is listed as failed",
          "[credentials][chain_provider]") {
  auto catalog = make("catalog", make_error("CatalogUnreachable", "Failed to fetch AWS credentials: connection refused"));
  auto env = make("environment", keys("AKIDENV", "environment"));
  chain_provider chain({catalog, env});
  auto c = test::run_awaitable(chain.fetch());
  REQUIRE(c);
  CHECK(chain.last_report().source == "environment");
  REQUIRE(chain.last_report().attempts.size() == 2);
  CHECK(chain.last_report().attempts[0].outcome == "failed");
  CHECK(chain.last_report().attempts[0].detail == "Failed to fetch AWS credentials: connection refused");

  auto json = to_json(chain.last_report());
  CHECK(json.at("source").as_string() == "environment");
  CHECK(json.at("attempts").as_array().size() == 2);
  CHECK(json.at("attempts").as_array()[0].as_object().at("outcome").as_string() == "failed");
}

TEST_CASE("chain_provider: the catalog's source is reported as catalog", "[credentials][chain_provider]") {
  auto c = keys("ASIACAT", "catalog");
  c.expiration = std::chrono::system_clock::from_time_t(2000000000);
  chain_provider chain({make("catalog", c), make("environment", keys("AKIDENV", "environment"))});
  auto out = test::run_awaitable(chain.resolve());
  REQUIRE(out.credentials);
  CHECK(out.report.source == "catalog");
  CHECK(out.report.coarse_source() == "catalog");
  CHECK(to_json(out.report).at("expiration").as_string() == "2033-05-18T03:33:20Z");
}

TEST_CASE("chain_provider: catalog refused and nothing ambient → 'JWT token did not include aws_credentials'",
          "[credentials][chain_provider]") {
  auto refused = make_error("InvalidCredentialResponse", "Invalid credential response: missing fields [AccessKeyId]");
  chain_provider chain({make("catalog", refused), make("environment", not_configured("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")),
                        make("imds", make_error("ImdsCredentialsFailed", "no instance metadata service"))});
  auto out = test::run_awaitable(chain.resolve());
  REQUIRE_FALSE(out.credentials);
  const error& e = out.credentials.error();
  CHECK(e.code == "NoCredentials");
  CHECK(e.message.rfind("JWT token did not include aws_credentials", 0) == 0);
  CHECK(e.message.find("catalog: failed (Invalid credential response: missing fields [AccessKeyId])") != std::string::npos);
  CHECK(e.message.find("environment: skipped") != std::string::npos);
  CHECK(e.message.find("imds: failed") != std::string::npos);
  CHECK(e.hint.find("/api/auth/get_credentials") != std::string::npos);
  CHECK(out.report.source.empty());
  CHECK(to_json(out.report).at("source").is_null());
}

TEST_CASE("chain_provider: an expired JWT is reported as such, not as a generic gap", "[credentials][chain_provider]") {
  auto expired = make_error("InvalidJwt", "JWT token invalid or expired. Please re-authenticate.");
  chain_provider chain({make("catalog", expired), make("environment", not_configured("not set"))});
  auto out = test::run_awaitable(chain.resolve());
  REQUIRE_FALSE(out.credentials);
  CHECK(out.credentials.error().code == "InvalidJwt");
  CHECK(out.credentials.error().message.rfind("JWT token invalid or expired. Please re-authenticate.", 0) == 0);
  CHECK(out.credentials.error().message.find("environment: skipped") != std::string::npos);
}

TEST_CASE("chain_provider: nothing configured anywhere says so and how to fix it", "[credentials][chain_provider]") {
  chain_provider chain({make("catalog", not_configured("QUILT_REGISTRY_URL environment variable not configured")),
                        make("environment", not_configured("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"))});
  auto out = test::run_awaitable(chain.resolve());
  REQUIRE_FALSE(out.credentials);
  CHECK(out.credentials.error().message.rfind("no AWS credentials found: tried catalog: skipped", 0) == 0);
  CHECK(out.credentials.error().hint.find("QUILT_REGISTRY_URL") != std::string::npos);
}

TEST_CASE("chain_provider: secrets echoed in a provider's error never reach the report", "[credentials][chain_provider]") {
  const std::string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXZhbHVl";
  auto leaky = make_error("CatalogCredentialsFailed",
                          "Catalog credential request failed (status 500): {\"echo\": \"Authorization: Bearer " + jwt +
                              "\", \"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG\"}");
  chain_provider chain({make("catalog", leaky), make("environment", not_configured("not set"))});
  auto out = test::run_awaitable(chain.resolve());
  const std::string text = all_text(out);
  CHECK(text.find(jwt) == std::string::npos);
  CHECK(text.find("wJalrXUtnFEMI") == std::string::npos);
  CHECK(text.find("[redacted]") != std::string::npos);
}

TEST_CASE("default chain: order is catalog, environment, profile, container, imds — ambient off keeps the catalog",
          "[credentials][chain_provider]") {
  boost::asio::io_context io;
  http::client http(io.get_executor());
  chain_config config;
  config.env = fixed_environment({});
  auto chain = make_default_chain(http, config);
  std::vector<std::string> names;
  for (const auto& p : chain->providers()) names.emplace_back(p->name());
  CHECK(names == std::vector<std::string>{"catalog", "environment", "profile", "container", "imds"});

  config.env = fixed_environment({{"QUILTUP_AMBIENT_CREDENTIALS", "off"}});
  auto catalog_only = make_default_chain(http, config);
  REQUIRE(catalog_only->providers().size() == 1);
  CHECK(catalog_only->providers()[0]->name() == "catalog");
}

TEST_CASE("default chain: environment keys are found with everything else declined, offline",
          "[credentials][chain_provider]") {
  boost::asio::io_context io;
  http::client http(io.get_executor());
  chain_config config;
  config.env = fixed_environment({{"AWS_ACCESS_KEY_ID", "AKIDENVONLY"}, {"AWS_SECRET_ACCESS_KEY", "secret-env-0123456789"}});
  credentials_session session(http, config);
  auto c = test::run_awaitable(io, session.fetch());
  REQUIRE(c);
  CHECK(c->access_key_id == "AKIDENVONLY");
  CHECK(session.report().source == "environment");
  REQUIRE(session.report().attempts.size() == 2);
  CHECK(session.report().attempts[0].provider == "catalog");
  CHECK(session.report().attempts[0].outcome == "skipped");
  CHECK(session.fetches() == 1);
}
