#pragma once
// Stage 2 of SigV4: the string to sign, and the date and scope it is built from.
#include <chrono>
#include <string>
#include <string_view>

namespace quiltup::sigv4 {

inline constexpr std::string_view algorithm = "AWS4-HMAC-SHA256";

// "20150830T123600Z" (UTC, whole seconds: the fraction is dropped, never rounded up, so the
// date cannot move into the future past the request).
std::string format_amz_date(std::chrono::system_clock::time_point time);

// "20150830/us-east-1/service/aws4_request"; amz_date may be the full "…T…Z" form.
std::string credential_scope(std::string_view amz_date, std::string_view region,
                             std::string_view service);

// "AWS4-HMAC-SHA256\n<amz_date>\n<scope>\n<hex sha256 of canonical_request>".
std::string string_to_sign(std::string_view amz_date, std::string_view scope,
                           std::string_view canonical_request);

}  // namespace quiltup::sigv4
