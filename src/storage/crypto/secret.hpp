// Secrets in memory: libsodium start-up, a byte buffer in sodium_malloc'd (locked, guarded) memory that is wiped
// when freed, and the base64 used by the keyring and sealed-file headers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rekindle::storage {

// sodium_init once per process; false only when libsodium cannot start (no usable random source).
bool cryptoReady();

// Key material and passphrases. Never copied (move only), never in a std::string, wiped by sodium_free.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(size_t size);  // zero-filled; throws std::bad_alloc when sodium_malloc fails
    SecretBytes(const char* text, size_t size);
    ~SecretBytes();
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    unsigned char* data() { return m_data; }
    const unsigned char* data() const { return m_data; }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // Shrinks the visible length (e.g. after a passphrase shorter than its buffer); the rest is wiped.
    void truncate(size_t size);

private:
    unsigned char* m_data = nullptr;
    size_t m_size = 0;
};

SecretBytes randomSecret(size_t size);
void randomBytes(unsigned char* out, size_t size);

std::string toBase64(const unsigned char* bytes, size_t size);
// Strict: standard alphabet with padding, nothing else; nullopt on anything malformed.
std::optional<std::vector<unsigned char>> fromBase64(std::string_view text);

}  // namespace rekindle::storage
