// `rekindle.sealed/1`: one file's JSON encrypted and authenticated with the data key (XChaCha20-Poly1305), behind a
// one-line plain header that names the format and the nonce and is itself authenticated as associated data.
#pragma once

#include <string>
#include <string_view>

#include "storage/crypto/secret.hpp"

namespace rekindle::storage {

constexpr size_t kDataKeyBytes = 32;
constexpr const char* kSealedFormat = "rekindle.sealed/1";
// Said of any file that fails authentication: we cannot tell a damaged file from a changed one, nor from one
// sealed with another key, and must not guess.
constexpr const char* kSealedAuthFailure = "changed or damaged; cannot be opened with this key";

// True when the bytes start like a sealed file of any version (so a newer version is reported, not parsed as JSON).
bool looksSealed(std::string_view bytes);

// The sealed bytes of `plain` under a fresh random nonce. key must be kDataKeyBytes long.
std::string sealBytes(std::string_view plain, const SecretBytes& key);

enum class OpenStatus { Opened, Malformed, NewerFormat, AuthFailed };
struct Opened {
    OpenStatus status = OpenStatus::Malformed;
    std::string plain;  // when Opened
    std::string error;  // otherwise: a sentence for the user
};
// Never throws; any input (of any length) gives one of the statuses.
Opened openSealed(std::string_view bytes, const SecretBytes& key);

}  // namespace rekindle::storage
