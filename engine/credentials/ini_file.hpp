#pragma once
// Pure parser for the AWS shared credentials and config files (botocore's dialect):
//   [section]            names trimmed; "profile x" is kept as written (profile_config maps it)
//   key = value          keys and values trimmed; "#"/";" start a comment at line start, or
//                        inside a value when preceded by whitespace
//   s3 =                 a key with an empty value followed by indented "k = v" lines is a
//     endpoint_url = x   nested block (nested["s3"]["endpoint_url"])
//   key = a              an indented line without "=" after a value continues it ("a\nb")
//     b
// Errors name the file and line and say what was expected.
#include "core/error.hpp"

#include <map>
#include <string>
#include <string_view>

namespace quiltup::credentials {

struct ini_section {
  std::map<std::string, std::string> values;
  std::map<std::string, std::map<std::string, std::string>> nested;

  const std::string* get(const std::string& key) const;
  const std::string* get_nested(const std::string& block, const std::string& key) const;
};

struct ini_file {
  std::map<std::string, ini_section> sections;  // a repeated section merges, later keys win

  const ini_section* find(const std::string& name) const;
};

// `origin` names the file in errors ("~/.aws/config").
result<ini_file> parse_ini(std::string_view text, const std::string& origin);

}  // namespace quiltup::credentials
