#include "credentials/credential_report.hpp"

#include "credentials/rfc3339.hpp"

#include <boost/json/array.hpp>

namespace quiltup::credentials {

std::string credential_report::coarse_source() const {
  if (source.empty()) return {};
  return source == "catalog" ? "catalog" : "ambient";
}

boost::json::object to_json(const credential_report& report) {
  boost::json::object out;
  if (report.source.empty()) out["source"] = nullptr;
  else out["source"] = report.source;
  if (report.expiration) out["expiration"] = format_rfc3339(*report.expiration);
  boost::json::array attempts;
  for (const auto& a : report.attempts) {
    boost::json::object row{{"provider", a.provider}, {"outcome", a.outcome}};
    if (!a.detail.empty()) row["detail"] = a.detail;
    attempts.push_back(std::move(row));
  }
  out["attempts"] = std::move(attempts);
  return out;
}

}  // namespace quiltup::credentials
