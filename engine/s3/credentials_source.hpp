#pragma once
// Where the client gets keys for each attempt. Called again on every attempt (so expiring
// credentials refresh between retries); the credentials layer plugs its provider chain in here.
#include "core/awaitable.hpp"
#include "core/aws_credentials.hpp"
#include "core/error.hpp"

#include <functional>

namespace quiltup::s3 {

using credentials_source = std::function<awaitable<result<aws_credentials>>()>;

// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, read on each call.
// Missing keys → error "NoCredentials" naming the variables.
credentials_source environment_credentials();

// Reads the same variables once, now; for the CLI's early "missing credentials" check.
result<aws_credentials> read_environment_credentials();

// Fixed keys (tests, catalog-issued keys already fetched).
credentials_source static_credentials(aws_credentials credentials);

}  // namespace quiltup::s3
