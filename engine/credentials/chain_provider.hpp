#pragma once
// Asks each provider in order and takes the first keys offered, recording every attempt
// (credential_report.hpp). When none answers, the error explains what was tried:
//   - the catalog refused the JWT (401/403) or is really the catalog host (HTML): that error,
//     with the ambient attempts appended;
//   - the catalog was configured but gave no keys: "JWT token did not include aws_credentials"
//     (upload-workflow.md) with the attempts and how to fix it;
//   - nothing configured at all: "no AWS credentials found" with the attempts.
// Every detail goes through redact().
#include "credentials/credential_report.hpp"
#include "credentials/provider.hpp"

#include <memory>
#include <vector>

namespace quiltup::credentials {

struct chain_outcome {
  result<aws_credentials> credentials;
  credential_report report;
};

class chain_provider final : public provider {
 public:
  explicit chain_provider(std::vector<std::shared_ptr<provider>> providers) : providers_(std::move(providers)) {}

  awaitable<chain_outcome> resolve();
  // resolve(), remembering the report for last_report().
  awaitable<result<aws_credentials>> fetch() override;
  std::string_view name() const noexcept override { return "chain"; }

  const credential_report& last_report() const noexcept { return last_report_; }
  const std::vector<std::shared_ptr<provider>>& providers() const noexcept { return providers_; }

 private:
  std::vector<std::shared_ptr<provider>> providers_;
  credential_report last_report_;
};

}  // namespace quiltup::credentials
