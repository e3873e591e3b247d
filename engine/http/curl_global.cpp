#include "http/curl_global.hpp"

#include "core/error.hpp"

#include <curl/curl.h>

#include <string>

namespace quiltup::http {

namespace {

// A function-local static is initialised once even under concurrent first calls (C++11 magic
// statics), which is exactly the guarantee curl_global_init needs and does not give itself.
struct curl_global {
  CURLcode code;
  curl_global() : code(curl_global_init(CURL_GLOBAL_DEFAULT)) {}
  ~curl_global() {
    if (code == CURLE_OK) curl_global_cleanup();
  }
};

}  // namespace

void ensure_curl_global() {
  static const curl_global global;
  if (global.code != CURLE_OK)
    throw failure(make_error("HttpInitFailed",
                             std::string("libcurl could not initialise: ") + curl_easy_strerror(global.code),
                             {}, "check that libcurl and its TLS library are installed correctly"));
}

}  // namespace quiltup::http
