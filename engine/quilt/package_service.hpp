#pragma once
// What `packaging` (MCP) and `quiltup package` (CLI) call: the steps both backends share —
// name check, one bucket, logical keys, metadata cleanup, README upload, confirm rule — and then
// the chosen backend. choose_backend() says which one the caller should build: the catalog's
// GraphQL when a registry URL and a JWT are configured, the direct writer otherwise.
//
// Used from the io executor only. The backend and the uploader must outlive the service.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "quilt/create_plan.hpp"
#include "quilt/known_objects.hpp"
#include "quilt/package_backend.hpp"
#include "upload/upload_result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quiltup::upload {
class uploader;
}

namespace quiltup::quilt {

struct catalog_settings {
  std::string registry_url;  // https://<registry host>, not the catalog host
  std::string jwt;           // bearer token
  bool configured() const noexcept { return !registry_url.empty() && !jwt.empty(); }
};

enum class backend_kind { direct, catalog };
backend_kind choose_backend(const catalog_settings& catalog) noexcept;

struct browse_params {
  std::string name;
  std::string bucket;
  std::string top_hash;  // empty: latest
  std::uint64_t offset = 0;
  std::uint64_t limit = 1000;
};

struct delete_params {
  std::string name;
  std::string bucket;
  bool confirm = false;
  bool dry_run = false;
  std::string reason;
};

struct revisions_params {
  std::string name;
  std::string bucket;
};

struct create_outcome {
  bool dry_run = false;
  std::string backend;                       // "direct" | "catalog"
  create_plan plan;                          // what was (or, on a dry run, would be) sent
  std::optional<upload::upload_result> readme;  // the README upload, when one happened
  std::optional<create_result> created;      // absent on a dry run
  std::vector<std::string> warnings;
};

class package_service {
 public:
  // `known` (optional) holds size/hash of objects this process uploaded, so they are not read
  // again; the service also records the README it uploads there.
  package_service(package_backend& backend, upload::uploader& uploader, known_objects* known = nullptr);

  awaitable<result<create_outcome>> create(create_params params);
  awaitable<result<browse_result>> browse(browse_params params);
  // dry_run first (a preview, nothing deleted); otherwise refuses without confirm:
  // "Package deletion requires confirm=True".
  awaitable<result<delete_result>> delete_package(delete_params params);
  awaitable<result<revisions_result>> list_revisions(revisions_params params);

  package_backend& backend() noexcept { return backend_; }
  upload::uploader& uploader() noexcept { return uploader_; }
  known_objects* known() noexcept { return known_; }

 private:
  package_backend& backend_;
  upload::uploader& uploader_;
  known_objects* known_;
};

// The refusal for a delete without confirm, with the call that would do it in `hint`.
error confirm_required_error(const delete_params& params);

}  // namespace quiltup::quilt
