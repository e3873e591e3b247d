#pragma once
// libcurl's process-wide state. curl_global_init is not thread-safe and must run before any
// other curl call, so every path that creates a curl handle goes through this first.

namespace quiltup::http {

// Initialises libcurl exactly once per process, whichever thread gets here first; cleanup runs
// at exit. Throws quiltup::failure when curl cannot initialise (no TLS backend, out of memory).
void ensure_curl_global();

}  // namespace quiltup::http
