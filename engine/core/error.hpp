#pragma once
// Expected failures are values (quiltup::result<T>); unexpected faults throw quiltup::failure.
// An error names what went wrong, where, and what to do about it, so that every layer up to
// the MCP answer can pass it on without rewording.
#include <boost/system/result.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace quiltup {

struct error {
  // Machine-readable code: an S3 <Code> ("SignatureDoesNotMatch"), or one of ours
  // ("InvalidArgument", "FileNotFound", "ConnectionFailed", ...).
  std::string code;
  std::string message;            // one sentence, safe to show (already redacted)
  std::string field;              // the input field at fault, when there is one ("items[3].key")
  std::string hint;               // what to do about it
  bool retryable = false;
  int http_status = 0;            // 0 when no HTTP exchange happened
  std::string request_id;         // x-amz-request-id / <RequestId>
  std::string step;               // "PutObject", "UploadPart 7", "CompleteMultipartUpload", ...

  // "code: message (field ...; hint)" for logs and CLI output.
  std::string to_string() const;
};

error make_error(std::string code, std::string message, std::string field = {}, std::string hint = {});

// Thrown only for faults the caller cannot branch on; caught once at item boundaries.
class failure : public std::runtime_error {
 public:
  explicit failure(quiltup::error e);
  const quiltup::error& info() const noexcept { return error_; }

 private:
  quiltup::error error_;
};

template <class T>
using result = boost::system::result<T, error>;

// Lets result<T>::value() throw our type instead of requiring an error_code.
[[noreturn]] void throw_exception_from_error(const error& e, const boost::source_location& loc);

}  // namespace quiltup
