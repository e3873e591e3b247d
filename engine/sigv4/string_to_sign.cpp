#include "sigv4/string_to_sign.hpp"

#include "crypto/sha256.hpp"

#include <cstdio>

namespace quiltup::sigv4 {

std::string format_amz_date(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const auto seconds = floor<std::chrono::seconds>(time);
  const auto day = floor<days>(seconds);
  const year_month_day ymd{day};
  const hh_mm_ss hms{seconds - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string credential_scope(std::string_view amz_date, std::string_view region,
                             std::string_view service) {
  std::string out;
  out.reserve(8 + region.size() + service.size() + 16);
  out.append(amz_date.substr(0, 8)).push_back('/');
  out.append(region).push_back('/');
  out.append(service).append("/aws4_request");
  return out;
}

std::string string_to_sign(std::string_view amz_date, std::string_view scope,
                           std::string_view canonical_request) {
  std::string out;
  out.reserve(algorithm.size() + amz_date.size() + scope.size() + 64 + 3);
  out.append(algorithm).push_back('\n');
  out.append(amz_date).push_back('\n');
  out.append(scope).push_back('\n');
  out.append(crypto::sha256_hex(canonical_request));
  return out;
}

}  // namespace quiltup::sigv4
