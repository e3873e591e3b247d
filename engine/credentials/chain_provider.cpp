#include "credentials/chain_provider.hpp"

#include "core/redact.hpp"

namespace quiltup::credentials {
namespace {

std::string summary(const credential_report& report) {
  std::string out;
  for (const auto& a : report.attempts) {
    if (!out.empty()) out += "; ";
    out += a.provider + ": " + a.outcome + (a.detail.empty() ? "" : " (" + a.detail + ")");
  }
  return out;
}

const char* ambient_fix =
    "export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, set AWS_PROFILE, or run where a container or instance role is available";

error no_credentials(const credential_report& report, const std::optional<error>& catalog_failure) {
  const std::string tried = "tried " + summary(report);
  if (catalog_failure) {
    if (catalog_failure->code == "InvalidJwt" || catalog_failure->code == "CatalogUrlNotRegistry") {
      error e = *catalog_failure;
      e.message = redact(e.message) + " No ambient source worked either: " + tried + ".";
      return e;
    }
    error e = make_error("NoCredentials",
                         "JWT token did not include aws_credentials: the catalog did not issue keys and no ambient "
                         "source worked; " + tried,
                         "QUILT_JWT",
                         "Ensure you are logged in through the catalog, confirm your role can call "
                         "/api/auth/get_credentials, or configure ambient AWS credentials as a fallback (" +
                             std::string(ambient_fix) + ")");
    e.http_status = catalog_failure->http_status;
    return e;
  }
  return make_error("NoCredentials", "no AWS credentials found: " + tried, "credentials",
                    std::string("set QUILT_REGISTRY_URL and QUILT_JWT for catalog-issued keys, or ") + ambient_fix);
}

}  // namespace

awaitable<chain_outcome> chain_provider::resolve() {
  credential_report report;
  std::optional<error> catalog_failure;
  for (const auto& p : providers_) {
    auto got = co_await p->fetch();
    if (got) {
      report.source = got->source;
      report.expiration = got->expiration;
      report.attempts.push_back({std::string(p->name()), "ok", got->source == p->name() ? "" : "source " + got->source});
      co_return chain_outcome{std::move(got), std::move(report)};
    }
    const error& e = got.error();
    const bool skipped = is_not_configured(e);
    report.attempts.push_back({std::string(p->name()), skipped ? "skipped" : "failed", redact(e.message)});
    if (!skipped && p->name() == "catalog") catalog_failure = e;
  }
  error e = no_credentials(report, catalog_failure);
  co_return chain_outcome{std::move(e), std::move(report)};
}

awaitable<result<aws_credentials>> chain_provider::fetch() {
  chain_outcome outcome = co_await resolve();
  last_report_ = std::move(outcome.report);
  co_return std::move(outcome.credentials);
}

}  // namespace quiltup::credentials
