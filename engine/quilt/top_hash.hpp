#pragma once
// The package top hash, exactly as quilt3 computes it: lowercase hex SHA-256 over the canonical
// JSON of the header (minus any legacy `top_hash`), followed by one
// {"hash", "logical_key", "meta", "size"} object per file entry in walk order. Physical keys and
// directory-meta lines do not take part, so moving data never changes a package's identity.
#include "quilt/manifest.hpp"

#include <string>
#include <vector>

namespace quiltup::quilt {

// The exact strings fed to SHA-256, in order: for comparing stage by stage with the vectors.
std::vector<std::string> top_hash_parts(const manifest& m);

std::string top_hash(const manifest& m);

}  // namespace quiltup::quilt
