#pragma once
// An AccessDenied met while uploading or packaging says where to look next: the `permissions`
// tool (action discover) shows what the current credentials may do with the bucket
// (upload-workflow.md, "Requesting Write Access").
#include "core/error.hpp"

#include <string_view>

namespace quiltup::quilt {

bool is_access_denied(const error& e) noexcept;

// Adds the pointer to `permissions discover` to an access-denied error (others pass through).
error point_to_permissions(error e, std::string_view bucket);

}  // namespace quiltup::quilt
