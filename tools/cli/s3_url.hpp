#pragma once
// "s3://bucket/key" → bucket and key, with errors that say what is wrong with the argument.
#include "core/error.hpp"

#include <string>
#include <string_view>

namespace quiltup::cli {

struct s3_url {
  std::string bucket;
  std::string key;  // may be empty (bucket URLs)
};

// `argument` names the command-line argument in the error ("DESTINATION").
result<s3_url> parse_s3_url(std::string_view text, std::string_view argument);

}  // namespace quiltup::cli
