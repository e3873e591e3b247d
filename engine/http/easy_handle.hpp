#pragma once
// One CURL easy handle set up for one HTTP exchange: it owns the request while curl runs (so
// the body and header list outlive every callback) and collects the response as it arrives.
// It knows nothing of the multi handle or of Asio; curl_multi drives it.
#include "core/error.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <string>

namespace quiltup::http {

struct transfer_options {
  bool verify_tls = true;
  std::string ca_bundle;                        // empty: curl's built-in CA store
  long upload_buffer_size = 2 * 1024 * 1024;    // curl's maximum; big writes keep the socket fed
  // Above curl's 16 KiB default; allocated per running transfer, so not curl's 512 KiB maximum
  // (uploads receive small answers, and 256 handles would hold 128 MiB for nothing).
  long receive_buffer_size = 256 * 1024;
  CURLSH* share = nullptr;                      // TLS session cache shared by one client's handles
};

class easy_handle {
 public:
  easy_handle();  // throws quiltup::failure when curl cannot allocate a handle
  easy_handle(const easy_handle&) = delete;
  easy_handle& operator=(const easy_handle&) = delete;

  // Configures the handle for `req` (and forgets any earlier request). Fails, without touching
  // the network, on a request curl would send wrongly: empty url, bad method, CR/LF in a header.
  result<void> apply(request req, const transfer_options& options);

  CURL* native() const noexcept { return curl_.get(); }
  const request& current_request() const noexcept { return request_; }

  // The response of a transfer that finished with CURLE_OK, with curl's timings filled in.
  response take_response();
  // Why a transfer failed: the body reader's own message when it threw, else curl's.
  std::string failure_detail(CURLcode code) const;
  bool body_reader_failed() const noexcept { return !body_error_.empty(); }

 private:
  struct curl_deleter {
    void operator()(CURL* c) const noexcept { curl_easy_cleanup(c); }
  };
  struct slist_deleter {
    void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
  };

  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t on_read(char* dst, std::size_t size, std::size_t count, void* self);
  static int on_seek(void* self, curl_off_t offset, int origin);

  std::size_t read_body(char* dst, std::size_t capacity);
  void parse_header_line(std::string_view line);

  std::unique_ptr<CURL, curl_deleter> curl_;
  std::unique_ptr<curl_slist, slist_deleter> header_list_;
  request request_;
  response response_;
  std::size_t body_offset_ = 0;  // request body bytes handed to curl so far
  std::string body_error_;       // set when the streaming reader failed or broke its contract
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace quiltup::http
