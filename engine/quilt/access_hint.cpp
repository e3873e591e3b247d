#include "quilt/access_hint.hpp"

#include <string>

namespace quiltup::quilt {

bool is_access_denied(const error& e) noexcept {
  return e.code == "AccessDenied" || e.code == "AccessDeniedException" || e.code == "UnauthorizedOperation" ||
         e.code == "AllAccessDisabled" || (e.code.empty() && e.http_status == 403);
}

error point_to_permissions(error e, std::string_view bucket) {
  if (!is_access_denied(e) || e.hint.find("permissions discover") != std::string::npos) return e;
  std::string b(bucket);
  std::string advice = "check access to bucket '" + b +
                       "' with `permissions discover` (MCP: permissions(action='discover', params={'check_buckets': ['" +
                       b + "']}); CLI: quiltup permissions discover s3://" + b +
                       ") and request write access from an administrator";
  if (!e.message.empty() && e.message.back() != '.') e.message += '.';
  e.message += " Check what these credentials may do with `permissions discover`.";
  e.hint = e.hint.empty() ? advice : e.hint + "; " + advice;
  return e;
}

}  // namespace quiltup::quilt
