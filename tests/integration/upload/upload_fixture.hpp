#pragma once
// Shared by the upload integration tests: an io_context with an http::client, an s3::client
// (optionally through the fault proxy), an uploader built on it, and the checks that read back
// what S3 stored.
#include "crypto/encoding.hpp"
#include "crypto/md5.hpp"
#include "http/client.hpp"
#include "s3/client.hpp"
#include "support/local_s3.hpp"
#include "support/run_awaitable.hpp"
#include "upload/uploader.hpp"

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace quiltup::test {

inline std::string describe(const error& e) { return e.to_string() + " [step " + e.step + "]"; }

// Deterministic, not-all-equal bytes.
inline std::string pattern_bytes(std::size_t n, unsigned seed) {
  std::string s(n, '\0');
  std::uint32_t x = seed * 2654435761u + 1;
  for (auto& c : s) {
    x = x * 1664525u + 1013904223u;
    c = static_cast<char>(x >> 24);
  }
  return s;
}

inline std::string md5_hex(std::string_view data) { return crypto::hex_encode(crypto::md5_of(data)); }

// md5-of-md5s-N as S3 computes a multipart ETag, from the data and the part size.
inline std::string multipart_etag_of(std::string_view data, std::size_t part_size) {
  std::string md5s;
  std::size_t n = 0;
  for (std::size_t at = 0; at < data.size(); at += part_size, ++n) {
    auto d = crypto::md5_of(data.substr(at, part_size));
    md5s.append(reinterpret_cast<const char*>(d.data()), d.size());
  }
  return md5_hex(md5s) + "-" + std::to_string(n);
}

struct temp_dir {
  std::filesystem::path path;
  explicit temp_dir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("quiltup-up-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~temp_dir() { std::filesystem::remove_all(path); }
  std::filesystem::path write(const std::string& rel, const std::string& content) const {
    auto p = path / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
};

// tests/fault_proxy/fault_proxy.py as a child process for the lifetime of this object.
class fault_proxy {
 public:
  fault_proxy(const local_server& upstream, int port, const std::string& rules_json)
      : port_(port), log_(std::filesystem::temp_directory_path() /
                          ("quiltup-fault-" + std::to_string(::getpid()) + "-" + std::to_string(port) + ".log")) {
    std::filesystem::remove(log_);
    std::string script = std::string(QUILTUP_SOURCE_DIR) + "/tests/fault_proxy/fault_proxy.py";
    pid_ = ::fork();
    if (pid_ == 0) {
      auto port_s = std::to_string(port);
      ::execlp("python3", "python3", script.c_str(), port_s.c_str(), upstream.endpoint.c_str(), rules_json.c_str(),
               log_.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    REQUIRE(pid_ > 0);
    wait_until_listening();
  }
  ~fault_proxy() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    std::filesystem::remove(log_);
  }
  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Lines "<kind> <n> <action>", one per fault that fired.
  std::vector<std::string> fired() const {
    std::vector<std::string> out;
    std::ifstream in(log_);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }

 private:
  void wait_until_listening() {
    for (int i = 0; i < 200; ++i) {
      int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_port = htons(static_cast<std::uint16_t>(port_));
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
      ::close(fd);
      if (ok) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    FAIL("fault proxy did not start on port " << port_);
  }
  int port_;
  std::filesystem::path log_;
  pid_t pid_ = -1;
};

// A port for a fault proxy: above the fixture servers of this build tree.
inline int proxy_port(int offset) {
  const char* base = std::getenv("QUILTUP_TEST_PORT_BASE");
  return (base ? std::atoi(base) : 17480) + 40 + offset;
}

class upload_session {
 public:
  // `via` empty: straight to the server; otherwise an endpoint (the fault proxy) in front of it.
  explicit upload_session(const local_server& server, std::string via = {}, s3::retry_policy retry = fast_retries())
      : server_(server), http_(io_.get_executor()) {
    client_ = make_client(via.empty() ? server.endpoint : via, retry);
    direct_ = via.empty() ? nullptr : make_client(server.endpoint, fast_retries());
  }

  static s3::retry_policy fast_retries() {
    s3::retry_policy r;
    r.base = std::chrono::milliseconds(20);
    r.cap = std::chrono::milliseconds(200);
    return r;
  }

  template <class T>
  T run(awaitable<T> op) {
    return run_awaitable(io_, std::move(op));
  }
  boost::asio::io_context& io() { return io_; }

  // The client the engine uses (through the proxy when there is one).
  s3::client& engine_client() { return *client_; }
  // Always straight to the server: for checking what landed.
  s3::client& direct() { return direct_ ? *direct_ : *client_; }

  std::string make_bucket(const std::string& prefix) {
    auto name = unique_bucket_name(prefix);
    auto created = run(direct().create_bucket({name, ""}));
    INFO((created.has_value() ? std::string() : describe(created.error())));
    REQUIRE(created.has_value());
    return name;
  }

  std::string get(const std::string& bucket, const std::string& key) {
    auto got = run(direct().get_object({bucket, key}));
    INFO(key << ": " << (got.has_value() ? std::string() : describe(got.error())));
    REQUIRE(got.has_value());
    return got->body;
  }

  std::size_t open_uploads(const std::string& bucket) {
    s3::list_multipart_uploads_request req;
    req.bucket = bucket;
    auto listed = run(direct().list_multipart_uploads(req));
    INFO((listed.has_value() ? std::string() : describe(listed.error())));
    REQUIRE(listed.has_value());
    return listed->uploads.size();
  }

  std::vector<upload::upload_result> put_all(upload::uploader& up, std::vector<upload::upload_item> items,
                                             upload::batch_result* totals = nullptr) {
    std::vector<upload::upload_result> results(items.size());
    upload::vector_item_source source(std::move(items));
    auto batch = run(up.put_batch(source, {.on_result = [&](std::uint64_t i, const upload::upload_result& r) {
                                              results.at(i) = r;
                                            },
                                            .on_progress = {}}));
    if (totals) *totals = batch;
    return results;
  }

 private:
  std::unique_ptr<s3::client> make_client(const std::string& url, s3::retry_policy retry) {
    auto ep = s3::endpoint::make({url, server_.region, s3::addressing_style::path});
    REQUIRE(ep.has_value());
    aws_credentials keys;
    keys.access_key_id = server_.access_key;
    keys.secret_access_key = server_.secret_key;
    s3::client_options options;
    options.retry = retry;
    return std::make_unique<s3::client>(http_, std::move(*ep), s3::static_credentials(keys), options);
  }

  local_server server_;
  boost::asio::io_context io_;
  http::client http_;
  std::unique_ptr<s3::client> client_;
  std::unique_ptr<s3::client> direct_;
};

inline upload::upload_item text_item(std::string bucket, std::string key, std::string text) {
  upload::upload_item it;
  it.bucket = std::move(bucket);
  it.key = std::move(key);
  it.text = std::move(text);
  return it;
}

inline upload::upload_item data_item(std::string bucket, std::string key, std::string_view bytes) {
  upload::upload_item it;
  it.bucket = std::move(bucket);
  it.key = std::move(key);
  it.data = crypto::base64_encode(as_bytes(bytes));
  return it;
}

inline upload::upload_item file_item(std::string bucket, std::string key, std::filesystem::path path) {
  upload::upload_item it;
  it.bucket = std::move(bucket);
  it.key = std::move(key);
  it.path = std::move(path);
  return it;
}

}  // namespace quiltup::test
