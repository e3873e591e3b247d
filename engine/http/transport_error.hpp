#pragma once
// The one table that turns a failed curl transfer into a quiltup::error: which code, whether a
// retry can help, and what the user should check. HTTP statuses never come through here.
#include "core/error.hpp"

#include <curl/curl.h>

#include <string_view>

namespace quiltup::http {

// `detail` is curl's error buffer or the body reader's message; `method` and `url` name the
// exchange (the url's query is dropped: presigned urls carry credentials there).
error transport_error(CURLcode code, std::string_view detail, std::string_view method, std::string_view url);

// The error a send completes with when its awaiting coroutine was cancelled.
error cancelled_error(std::string_view method, std::string_view url);

}  // namespace quiltup::http
