#pragma once
// The JSON the `quiltup package` and `quiltup permissions` commands print, field names as in
// the MCP answers (quilt.md §4, §5) so scripts can move between the two.
#include "quilt/package_backend.hpp"
#include "quilt/package_service.hpp"
#include "quilt/permissions.hpp"
#include "quilt/visualization.hpp"

#include <boost/json/object.hpp>

namespace quiltup::cli {

boost::json::value to_boost_json(const quilt::json_value& v);
boost::json::object to_json(const quilt::entry_info& e);
boost::json::object to_json(const quilt::create_outcome& o);
boost::json::object to_json(const quilt::browse_result& b);
boost::json::object to_json(const quilt::delete_result& d);
boost::json::object to_json(const quilt::enrich_result& r);
boost::json::object to_json(const quilt::bucket_permissions& p);

}  // namespace quiltup::cli
