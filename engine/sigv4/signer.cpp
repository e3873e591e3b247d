#include "sigv4/signer.hpp"

#include "core/error.hpp"
#include "crypto/encoding.hpp"
#include "crypto/sha256.hpp"
#include "sigv4/canonical_request.hpp"
#include "sigv4/signing_key.hpp"
#include "sigv4/string_to_sign.hpp"

#include <algorithm>
#include <optional>

namespace quiltup::sigv4 {
namespace {

// SHA-256 of the empty string: the payload hash of a request without a body.
constexpr std::string_view empty_payload_sha256 =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr std::chrono::seconds max_presign_expiry{7 * 24 * 3600};

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lx = (x >= 'A' && x <= 'Z') ? x - 'A' + 'a' : x;
    auto ly = (y >= 'A' && y <= 'Z') ? y - 'A' + 'a' : y;
    return lx == ly;
  });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<std::string> find_header(const header_list& headers, std::string_view name) {
  for (const auto& [n, v] : headers)
    if (iequals(canonical_header_value(n), name)) return canonical_header_value(v);
  return std::nullopt;
}

[[noreturn]] void caller_bug(std::string message, std::string field, std::string hint) {
  throw failure(make_error("InvalidArgument", std::move(message), std::move(field), std::move(hint)));
}

// The names to sign: the caller's set (or every header present) plus the ones SigV4 needs.
std::vector<std::string> signed_names(const header_list& headers, const signing_params& params,
                                      const std::vector<std::string>& always) {
  std::vector<std::string> names;
  auto add = [&](std::string name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  };
  if (params.signed_headers.empty()) {
    for (const auto& h : headers) add(lower(canonical_header_value(h.first)));
  } else {
    for (const auto& name : params.signed_headers) {
      auto key = lower(name);
      if (!find_header(headers, key))
        caller_bug("signed header '" + key + "' is not in the request",
                   "signing_params.signed_headers",
                   "add the header to the request or drop it from signed_headers");
      add(std::move(key));
    }
    for (const auto& name : always)
      if (find_header(headers, name)) add(name);
  }
  return names;
}

struct prepared {
  std::string amz_date;
  std::string scope;
};

prepared prepare(const request_view& request, const signing_params& params) {
  if (!find_header(request.headers, "host"))
    caller_bug("the request has no Host header", "request.headers",
               "add Host (the endpoint's host[:port]) before signing");
  if (params.credentials.access_key_id.empty() || params.credentials.secret_access_key.empty())
    caller_bug("credentials are incomplete (access key id or secret is empty)",
               "signing_params.credentials", "resolve credentials before signing");
  auto amz_date = format_amz_date(params.time);
  auto scope = credential_scope(amz_date, params.region, params.service);
  return {std::move(amz_date), std::move(scope)};
}

signed_result finish(signed_result out, const signing_params& params, std::string_view method,
                     std::string_view path, std::string_view query, const canonical_headers& headers,
                     std::string_view payload_hash) {
  out.canonical_request = canonical_request(method, canonical_uri(path, params.rules),
                                            canonical_query(query), headers, payload_hash);
  out.string_to_sign = string_to_sign(out.amz_date, out.credential_scope, out.canonical_request);
  auto key = shared_signing_key_cache().get(params.credentials.secret_access_key, out.amz_date,
                                            params.region, params.service);
  out.signature = signature_hex(key, out.string_to_sign);
  out.signed_headers = headers.signed_headers;
  return out;
}

}  // namespace

signed_result sign_headers(const request_view& request, const signing_params& params) {
  auto [amz_date, scope] = prepare(request, params);
  signed_result out;
  out.amz_date = amz_date;
  out.credential_scope = scope;

  const auto& token = params.credentials.session_token;
  if (!token.empty() && !find_header(request.headers, "x-amz-security-token"))
    out.added_headers.emplace_back("X-Amz-Security-Token", token);

  if (auto date = find_header(request.headers, "x-amz-date")) {
    if (*date != amz_date)
      caller_bug("the request's X-Amz-Date " + *date + " differs from the signing time " + amz_date,
                 "request.headers", "drop X-Amz-Date from the request; the signer adds it");
  } else {
    out.added_headers.emplace_back("X-Amz-Date", amz_date);
  }

  std::string payload_hash = params.payload_hash;
  if (auto sent = find_header(request.headers, "x-amz-content-sha256")) {
    if (!payload_hash.empty() && payload_hash != *sent)
      caller_bug("x-amz-content-sha256 " + *sent + " differs from signing_params.payload_hash",
                 "signing_params.payload_hash", "set one of them, or both to the same value");
    payload_hash = *sent;
  } else {
    if (payload_hash.empty()) payload_hash = empty_payload_sha256;
    if (params.content_sha256_header)
      out.added_headers.emplace_back("x-amz-content-sha256", payload_hash);
  }

  header_list all = request.headers;
  all.insert(all.end(), out.added_headers.begin(), out.added_headers.end());
  auto names = signed_names(all, params, {"host", "x-amz-date", "x-amz-content-sha256",
                                          "x-amz-security-token"});
  if (params.omit_session_token && !token.empty()) {
    // Added after signing: the token travels with the request but is not covered.
    std::erase(names, std::string("x-amz-security-token"));
  }
  auto headers = canonicalize_headers(all, names);
  out = finish(std::move(out), params, request.method, request.path, request.query, headers,
               payload_hash);

  out.authorization.reserve(200);
  out.authorization.append(algorithm)
      .append(" Credential=")
      .append(params.credentials.access_key_id)
      .append("/")
      .append(out.credential_scope)
      .append(", SignedHeaders=")
      .append(out.signed_headers)
      .append(", Signature=")
      .append(out.signature);
  return out;
}

signed_result presign(const request_view& request, const signing_params& params,
                      std::chrono::seconds expires) {
  if (expires.count() < 1 || expires > max_presign_expiry)
    caller_bug("presigned URL expiry of " + std::to_string(expires.count()) +
                   " s is out of range",
               "expires", "use 1 to 604800 seconds (7 days), the SigV4 limit");
  auto [amz_date, scope] = prepare(request, params);
  signed_result out;
  out.amz_date = amz_date;
  out.credential_scope = scope;

  auto names = signed_names(request.headers, params, {"host"});
  auto headers = canonicalize_headers(request.headers, names);

  std::string payload_hash = params.payload_hash;
  if (payload_hash.empty())
    payload_hash = find_header(request.headers, "x-amz-content-sha256")
                       .value_or(params.service == "s3" ? std::string("UNSIGNED-PAYLOAD")
                                                        : std::string(empty_payload_sha256));

  auto encode = [](std::string_view v) { return crypto::uri_encode(v, false); };
  const auto& token = params.credentials.session_token;
  // Already in canonical (sorted) order, so the URL reads like the S3 documentation's.
  std::string auth_query;
  auth_query.append("X-Amz-Algorithm=").append(algorithm);
  auth_query.append("&X-Amz-Credential=")
      .append(encode(params.credentials.access_key_id + "/" + scope));
  auth_query.append("&X-Amz-Date=").append(amz_date);
  auth_query.append("&X-Amz-Expires=").append(std::to_string(expires.count()));
  std::string token_param = token.empty() ? std::string() : "&X-Amz-Security-Token=" + encode(token);
  std::string signed_param = "&X-Amz-SignedHeaders=" + encode(headers.signed_headers);

  std::string base = request.query;
  if (!base.empty()) base.push_back('&');
  std::string signed_query = base + auth_query + (params.omit_session_token ? "" : token_param) +
                             signed_param;
  out = finish(std::move(out), params, request.method, request.path, signed_query, headers,
               payload_hash);
  out.presigned_query =
      base + auth_query + token_param + signed_param + "&X-Amz-Signature=" + out.signature;
  return out;
}

}  // namespace quiltup::sigv4
