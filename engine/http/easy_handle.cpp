#include "http/easy_handle.hpp"

#include "http/curl_global.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <exception>

namespace quiltup::http {

namespace {

constexpr std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

bool is_token(std::string_view s) {
  // RFC 9110 tchar; enough to keep separators and control bytes out of names and methods.
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
  });
}

result<void> validate(const request& req) {
  if (req.url.empty())
    return make_error("InvalidArgument", "the request has no url", "url",
                      "pass an absolute http:// or https:// url");
  if (req.url.find_first_of("\r\n ") != std::string::npos)
    return make_error("InvalidArgument", "the url contains a space or line break", "url",
                      "percent-encode the url before sending it");
  if (!is_token(req.method))
    return make_error("InvalidArgument", "method '" + req.method + "' is not an HTTP token", "method",
                      "use GET, PUT, POST, DELETE or HEAD");
  if (req.method == "HEAD" && req.body.size() != 0)
    return make_error("InvalidArgument", "a HEAD request cannot carry a body", "body",
                      "drop the body or use another method");
  for (const auto& [name, value] : req.headers) {
    if (!is_token(name))
      return make_error("InvalidArgument", "header name '" + name + "' is not an HTTP token",
                        "headers[" + name + "]", "use letters, digits and '-' in header names");
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
      return make_error("InvalidArgument", "header '" + name + "' contains a line break or NUL byte",
                        "headers[" + name + "]", "remove CR, LF and NUL from header values");
  }
  return {};
}

// Custom headers, plus blanks that stop curl from adding headers we did not ask for:
// "Expect: 100-continue" costs a round trip per large PUT, "Accept: */*" is noise in a signed
// request, and POST would get a form-urlencoded Content-Type.
curl_slist* build_header_list(const request& req) {
  curl_slist* list = nullptr;
  auto append = [&](const std::string& line) {
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (!next) {
      curl_slist_free_all(list);
      throw std::bad_alloc();
    }
    list = next;
  };
  for (const auto& [name, value] : req.headers)
    append(value.empty() ? name + ";" : name + ": " + value);  // "Name;" is curl's empty value
  if (!req.headers.contains("Expect")) append("Expect:");
  if (!req.headers.contains("Accept")) append("Accept:");
  if (req.method == "POST" && !req.headers.contains("Content-Type")) append("Content-Type:");
  return list;
}

}  // namespace

easy_handle::easy_handle() {
  ensure_curl_global();
  curl_.reset(curl_easy_init());
  if (!curl_)
    throw failure(make_error("OutOfMemory", "libcurl could not allocate an easy handle", {},
                             "free memory or lower the number of concurrent requests"));
}

result<void> easy_handle::apply(request req, const transfer_options& options) {
  if (auto valid = validate(req); !valid) return valid;
  CURL* h = curl_.get();
  curl_easy_reset(h);
  request_ = std::move(req);
  response_ = {};
  body_offset_ = 0;
  body_error_.clear();
  error_buffer_[0] = '\0';
  header_list_.reset(build_header_list(request_));

  CURLcode rc = CURLE_OK;
  auto check = [&](CURLcode c) {
    if (rc == CURLE_OK) rc = c;
  };
  const auto& method = request_.method;
  const auto& body = request_.body;
  const auto body_size = static_cast<curl_off_t>(body.size());
  const bool has_body = body.size() != 0 || body.is_streaming();

  check(curl_easy_setopt(h, CURLOPT_URL, request_.url.c_str()));
  // S3 keys may contain "../" or "//": send the path exactly as it was signed.
  check(curl_easy_setopt(h, CURLOPT_PATH_AS_IS, 1L));
  check(curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https"));
  check(curl_easy_setopt(h, CURLOPT_HTTPHEADER, header_list_.get()));

  if (method == "HEAD") {
    check(curl_easy_setopt(h, CURLOPT_NOBODY, 1L));
  } else if (method == "POST") {
    check(curl_easy_setopt(h, CURLOPT_POST, 1L));
    check(curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, body_size));
    if (body.is_streaming()) {
      check(curl_easy_setopt(h, CURLOPT_READFUNCTION, &easy_handle::on_read));
      check(curl_easy_setopt(h, CURLOPT_READDATA, this));
    } else {
      // curl sends straight from our memory (no copy); the request owns it until we are done.
      check(curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.bytes.empty() ? "" : body.bytes.data()));
    }
  } else if (has_body || method == "PUT") {
    check(curl_easy_setopt(h, CURLOPT_UPLOAD, 1L));
    check(curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, body_size));
    check(curl_easy_setopt(h, CURLOPT_READFUNCTION, &easy_handle::on_read));
    check(curl_easy_setopt(h, CURLOPT_READDATA, this));
    if (method != "PUT") check(curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method.c_str()));
  } else if (method == "GET") {
    check(curl_easy_setopt(h, CURLOPT_HTTPGET, 1L));
  } else {
    check(curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method.c_str()));
  }
  check(curl_easy_setopt(h, CURLOPT_SEEKFUNCTION, &easy_handle::on_seek));
  check(curl_easy_setopt(h, CURLOPT_SEEKDATA, this));

  check(curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &easy_handle::on_header));
  check(curl_easy_setopt(h, CURLOPT_HEADERDATA, this));
  check(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &easy_handle::on_body));
  check(curl_easy_setopt(h, CURLOPT_WRITEDATA, this));
  check(curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer_));

  check(curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request_.connect_timeout.count())));
  check(curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, request_.low_speed_bytes));
  check(curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(request_.low_speed_time.count())));
  if (request_.total_timeout.count() > 0)
    check(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request_.total_timeout.count())));

  check(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L));
  check(curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L));
  check(curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L));
  check(curl_easy_setopt(h, CURLOPT_TCP_KEEPIDLE, 30L));
  check(curl_easy_setopt(h, CURLOPT_TCP_KEEPINTVL, 15L));
  // Wait for a connection that might multiplex (HTTP/2) instead of opening a new one at once.
  check(curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L));
  check(curl_easy_setopt(h, CURLOPT_UPLOAD_BUFFERSIZE, options.upload_buffer_size));
  check(curl_easy_setopt(h, CURLOPT_BUFFERSIZE, options.receive_buffer_size));

  check(curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, options.verify_tls ? 1L : 0L));
  check(curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, options.verify_tls ? 2L : 0L));
  if (!options.ca_bundle.empty()) check(curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_bundle.c_str()));
  if (options.share) check(curl_easy_setopt(h, CURLOPT_SHARE, options.share));

  if (rc != CURLE_OK)
    return make_error("InvalidArgument",
                      std::string("libcurl rejected the request settings: ") + curl_easy_strerror(rc),
                      rc == CURLE_URL_MALFORMAT ? "url" : "",
                      "check the url and the client options");
  return {};
}

response easy_handle::take_response() {
  CURL* h = curl_.get();
  long status = 0;
  curl_off_t total_us = 0, connect_us = 0;
  long new_connections = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &total_us);
  curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &connect_us);
  curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &new_connections);
  if (status != 0) response_.status = static_cast<int>(status);
  response_.total_time = std::chrono::microseconds(total_us);
  response_.connect_time = std::chrono::microseconds(connect_us);
  response_.reused_connection = new_connections == 0;
  return std::move(response_);
}

std::string easy_handle::failure_detail(CURLcode code) const {
  if (!body_error_.empty()) return body_error_;
  if (error_buffer_[0] != '\0') return std::string(trim(error_buffer_));
  return curl_easy_strerror(code);
}

void easy_handle::parse_header_line(std::string_view line) {
  line = trim(line);
  if (line.starts_with("HTTP/")) {
    // A new status line starts a new header block: after "100 Continue" (or a redirect) only
    // the final response's headers are kept.
    response_.headers = {};
    auto space = line.find(' ');
    if (space != std::string_view::npos && line.size() >= space + 4) {
      int status = 0;
      auto digits = line.substr(space + 1, 3);
      if (std::from_chars(digits.data(), digits.data() + 3, status).ec == std::errc{})
        response_.status = status;
    }
    return;
  }
  if (line.empty()) return;  // end of a header block
  auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return;  // not a field: ignore, as curl does
  response_.headers.add(std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
}

std::size_t easy_handle::on_header(char* data, std::size_t size, std::size_t count, void* self) {
  const std::size_t n = size * count;
  try {
    static_cast<easy_handle*>(self)->parse_header_line({data, n});
    return n;
  } catch (...) {
    return 0;  // out of memory: curl fails the transfer with CURLE_WRITE_ERROR
  }
}

std::size_t easy_handle::on_body(char* data, std::size_t size, std::size_t count, void* self) {
  const std::size_t n = size * count;
  try {
    static_cast<easy_handle*>(self)->response_.body.append(data, n);
    return n;
  } catch (...) {
    return 0;
  }
}

std::size_t easy_handle::read_body(char* dst, std::size_t capacity) {
  const body& b = request_.body;
  const std::size_t want = std::min(capacity, b.size() - body_offset_);
  if (want == 0) return 0;
  if (!b.is_streaming()) {
    std::memcpy(dst, b.bytes.data() + body_offset_, want);
    body_offset_ += want;
    return want;
  }
  try {
    const std::size_t got = b.read(dst, want);
    if (got == 0 || got > want) {
      body_error_ = "the body reader " + std::string(got == 0 ? "ended" : "overran its buffer") +
                    " after " + std::to_string(body_offset_) + " of " + std::to_string(b.size()) +
                    " declared bytes";
      return CURL_READFUNC_ABORT;
    }
    body_offset_ += got;
    return got;
  } catch (const std::exception& e) {
    body_error_ = std::string("the body reader failed: ") + e.what();
  } catch (...) {
    body_error_ = "the body reader failed with an unknown exception";
  }
  return CURL_READFUNC_ABORT;
}

std::size_t easy_handle::on_read(char* dst, std::size_t size, std::size_t count, void* self) {
  return static_cast<easy_handle*>(self)->read_body(dst, size * count);
}

int easy_handle::on_seek(void* self_ptr, curl_off_t offset, int origin) {
  auto* self = static_cast<easy_handle*>(self_ptr);
  const body& b = self->request_.body;
  if (origin != SEEK_SET || offset < 0 || static_cast<std::size_t>(offset) > b.size())
    return CURL_SEEKFUNC_FAIL;
  if (!b.is_streaming()) {
    self->body_offset_ = static_cast<std::size_t>(offset);
    return CURL_SEEKFUNC_OK;
  }
  // A stream can only start over; for any other offset curl reads and discards instead.
  if (offset != 0 || !b.rewind) return CURL_SEEKFUNC_CANTSEEK;
  try {
    if (!b.rewind()) return CURL_SEEKFUNC_CANTSEEK;
  } catch (const std::exception& e) {
    self->body_error_ = std::string("the body could not be rewound: ") + e.what();
    return CURL_SEEKFUNC_FAIL;
  }
  self->body_offset_ = 0;
  return CURL_SEEKFUNC_OK;
}

}  // namespace quiltup::http
