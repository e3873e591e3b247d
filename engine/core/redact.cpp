#include "core/redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace quiltup {
namespace {

bool is_ident(char c) noexcept {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}
bool is_b64url(char c) noexcept { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }
char lower(char c) noexcept { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool istarts_with(std::string_view text, std::size_t at, std::string_view word) noexcept {
  if (text.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(text[at + i]) != word[i]) return false;
  return true;
}

// Field names whose value is a credential. Matched anywhere inside an identifier, so
// "SecretAccessKey", "aws_session_token", "X-Amz-Security-Token" and "QUILT_JWT" all count.
constexpr std::array<std::string_view, 5> secret_words = {"authorization", "secret", "token", "password",
                                                          "jwt"};

// Where the value of a `name: value` / `name=value` / `"name": "value"` starting at `at`
// (just past the field name) begins and ends; npos when no assignment follows.
struct span {
  std::size_t begin = std::string_view::npos;
  std::size_t end = std::string_view::npos;
};

span assigned_value(std::string_view text, std::size_t at, bool to_line_end) {
  std::size_t i = at;
  if (i < text.size() && (text[i] == '"' || text[i] == '\'')) ++i;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size() || (text[i] != ':' && text[i] != '=')) return {};
  ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size()) return {};
  if (text[i] == '"' || text[i] == '\'') {
    const char quote = text[i];
    std::size_t end = i + 1;
    while (end < text.size() && text[end] != quote && text[end] != '\n') {
      if (text[end] == '\\' && end + 1 < text.size()) ++end;
      ++end;
    }
    return {i + 1, end};
  }
  std::size_t end = i;
  if (to_line_end) {
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  } else {
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ',' &&
           text[end] != '&' && text[end] != ';' && text[end] != '}' && text[end] != ']' && text[end] != ')')
      ++end;
  }
  return {i, end};
}

// "eyJ" (base64url of '{"'), then three dot-separated base64url segments.
std::size_t jwt_length(std::string_view text, std::size_t at) {
  if (text.substr(at, 3) != "eyJ") return 0;
  std::size_t i = at;
  std::size_t segments = 1;
  std::size_t segment_len = 0;
  for (; i < text.size(); ++i) {
    if (is_b64url(text[i])) {
      ++segment_len;
    } else if (text[i] == '.' && segment_len >= 4 && segments < 3) {
      ++segments;
      segment_len = 0;
    } else {
      break;
    }
  }
  return segments == 3 ? i - at : 0;
}

}  // namespace

std::string redact(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::size_t n = jwt_length(text, i); n > 0 && (i == 0 || !is_b64url(text[i - 1]))) {
      out += redacted_marker;
      i += n;
      continue;
    }
    if (istarts_with(text, i, "bearer ") && (i == 0 || !is_ident(text[i - 1]))) {
      std::size_t b = i + 7;
      while (b < text.size() && text[b] == ' ') ++b;
      std::size_t e = b;
      while (e < text.size() && !std::isspace(static_cast<unsigned char>(text[e])) && text[e] != '"' &&
             text[e] != '\'' && text[e] != ',')
        ++e;
      if (e > b) {
        out.append(text.substr(i, b - i));
        out += redacted_marker;
        i = e;
        continue;
      }
    }
    bool replaced = false;
    for (std::string_view word : secret_words) {
      if (!istarts_with(text, i, word)) continue;
      std::size_t name_end = i + word.size();
      while (name_end < text.size() && is_ident(text[name_end])) ++name_end;
      const span value = assigned_value(text, name_end, word == "authorization");
      if (value.begin == std::string_view::npos || value.end <= value.begin) continue;
      out.append(text.substr(i, value.begin - i));
      out += redacted_marker;
      i = value.end;
      replaced = true;
      break;
    }
    if (replaced) continue;
    out += text[i];
    ++i;
  }
  return out;
}

void redactor::add_secret(std::string secret) {
  if (secret.size() < 8) return;
  if (std::find(secrets_.begin(), secrets_.end(), secret) == secrets_.end()) secrets_.push_back(std::move(secret));
}

std::string redactor::operator()(std::string_view text) const {
  std::string out(text);
  for (const auto& secret : secrets_) {
    for (std::size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at + redacted_marker.size()))
      out.replace(at, secret.size(), redacted_marker);
  }
  return redact(out);
}

}  // namespace quiltup
