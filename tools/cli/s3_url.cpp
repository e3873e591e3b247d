#include "s3_url.hpp"

namespace quiltup::cli {

result<s3_url> parse_s3_url(std::string_view text, std::string_view argument) {
  constexpr std::string_view scheme = "s3://";
  auto fail = [&](std::string why) -> result<s3_url> {
    return make_error("InvalidArgument", std::string(argument) + " '" + std::string(text) + "' " + why,
                      std::string(argument), "write it as s3://BUCKET/KEY, e.g. s3://my-bucket/data/file.csv");
  };
  if (!text.starts_with(scheme)) return fail("is not an s3:// URL");
  auto rest = text.substr(scheme.size());
  auto slash = rest.find('/');
  s3_url url;
  url.bucket = std::string(rest.substr(0, slash));
  if (slash != std::string_view::npos) url.key = std::string(rest.substr(slash + 1));
  if (url.bucket.empty()) return fail("has no bucket name");
  return url;
}

}  // namespace quiltup::cli
