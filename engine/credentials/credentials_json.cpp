#include "credentials/credentials_json.hpp"

#include "core/redact.hpp"
#include "credentials/rfc3339.hpp"

#include <simdjson.h>

#include <vector>

namespace quiltup::credentials {
namespace {

error invalid(std::string message, std::string hint) {
  return make_error("InvalidCredentialResponse", std::move(message), {}, std::move(hint));
}

// The string value of `key`, or empty when absent or not a string (both count as missing).
std::string string_field(simdjson::dom::object& obj, std::string_view key) {
  std::string_view v;
  if (obj[key].get_string().get(v) != simdjson::SUCCESS) return {};
  return std::string(v);
}

}  // namespace

std::string excerpt(std::string_view text) {
  std::string cut(text.substr(0, 200));
  for (char& c : cut)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  std::string out = redact(cut);
  if (text.size() > 200) out += "...";
  return out;
}

result<aws_credentials> parse_credentials_json(std::string_view body, const json_expectations& expect) {
  const std::string hint = "check that " + expect.what + " follows the documented credential format";
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return invalid(expect.what + " returned an empty response", hint);

  simdjson::dom::parser parser;
  simdjson::padded_string padded(body);
  simdjson::dom::element root;
  simdjson::dom::object obj;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS || root.get_object().get(obj) != simdjson::SUCCESS)
    return invalid(expect.what + " returned non-JSON response: " + excerpt(body), hint);

  aws_credentials c;
  c.source = expect.source;
  c.access_key_id = string_field(obj, "AccessKeyId");
  c.secret_access_key = string_field(obj, "SecretAccessKey");
  c.session_token = string_field(obj, "SessionToken");
  if (c.session_token.empty()) c.session_token = string_field(obj, "Token");
  const std::string expiration = string_field(obj, "Expiration");

  std::vector<std::string> missing;
  if (expect.require_version_1) {
    int64_t version = 0;
    if (obj["Version"].get_int64().get(version) != simdjson::SUCCESS || version != 1) missing.push_back("Version (must be 1)");
  }
  if (c.access_key_id.empty()) missing.push_back("AccessKeyId");
  if (c.secret_access_key.empty()) missing.push_back("SecretAccessKey");
  if (expect.require_session_token && c.session_token.empty()) missing.push_back("SessionToken");
  if (expect.require_expiration && expiration.empty()) missing.push_back("Expiration");
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    return invalid("Invalid credential response: missing fields [" + list + "] (from " + expect.what + ")", hint);
  }
  if (!expiration.empty()) {
    auto when = parse_rfc3339(expiration);
    if (!when)
      return invalid("Invalid credential response: Expiration '" + excerpt(expiration) + "' from " + expect.what +
                         " is not an RFC 3339 timestamp",
                     "send Expiration like \"2024-02-20T15:00:00Z\"");
    c.expiration = *when;
  }
  return c;
}

}  // namespace quiltup::credentials
