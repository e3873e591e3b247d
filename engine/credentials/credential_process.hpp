#pragma once
// credential_process from a profile: run the command, read its stdout as
// {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}.
// The command is split into arguments and run without a shell unless it uses shell syntax
// (pipes, redirections, variables, globs, ...), which then goes to /bin/sh -c. Its stderr is
// kept for the error message (redacted); it gets no stdin. Source "credential_process".
#include "core/awaitable.hpp"
#include "core/aws_credentials.hpp"
#include "core/error.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::credentials {

// Whitespace-split with '…' and "…" quoting and backslash escapes; empty when the command
// needs a shell.
std::vector<std::string> split_command(std::string_view command);

awaitable<result<aws_credentials>> run_credential_process(std::string command, std::chrono::milliseconds timeout);

}  // namespace quiltup::credentials
