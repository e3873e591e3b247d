#pragma once
// Plugs a provider into the s3 client: the returned callable is exactly
// s3::credentials_source (std::function<awaitable<result<aws_credentials>>()>), declared here
// without including the s3 layer, which sits beside this one.
#include "credentials/provider.hpp"

#include <functional>
#include <memory>

namespace quiltup::credentials {

using credentials_callable = std::function<awaitable<result<aws_credentials>>()>;

// The provider is shared, so it lives as long as any copy of the callable.
credentials_callable as_credentials_source(std::shared_ptr<provider> p);

}  // namespace quiltup::credentials
