#pragma once
// One named profile as the AWS CLI sees it: the config file's [profile x] (or [default])
// merged with the credentials file's [x] (which wins for keys), plus the region and S3
// endpoint from the same config, exposed for the s3 layer.
//   AWS_PROFILE (else AWS_DEFAULT_PROFILE, else "default")
//   AWS_SHARED_CREDENTIALS_FILE (else ~/.aws/credentials), AWS_CONFIG_FILE (else ~/.aws/config)
// Reads files; otherwise pure.
#include "core/error.hpp"
#include "credentials/environment.hpp"
#include "credentials/ini_file.hpp"

#include <map>
#include <optional>
#include <string>

namespace quiltup::credentials {

struct profile_config {
  std::string name;
  bool name_from_environment = false;  // AWS_PROFILE / AWS_DEFAULT_PROFILE was set
  std::string credentials_path;
  std::string config_path;
  bool found = false;                  // some file had a section for this profile
  ini_section settings;                // merged view

  const std::string* get(const std::string& key) const { return settings.get(key); }
  std::string region() const;
  // Where S3 requests should go per this config: the [services <name>] block named by the
  // profile's `services` key (its `s3 = / endpoint_url`), else the profile's nested
  // `s3 = / endpoint_url`, else its `endpoint_url`; empty when none. (The environment's
  // AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL win over all of these; that is the s3 layer's call.)
  std::string s3_endpoint_url() const;
  std::string s3_addressing_style() const;  // nested s3 addressing_style: "path", "virtual", "auto" or empty

  // filled by load_profile_config from the [services x] section, when the profile names one
  ini_section services;
};

// Missing files are fine (found = false); unreadable or malformed files are errors naming them.
result<profile_config> load_profile_config(const environment& env);

}  // namespace quiltup::credentials
