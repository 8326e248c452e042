// libsodium owns the memory: guard pages, mlock where allowed, and zeroing on sodium_free.
#include "storage/crypto/secret.hpp"

#include <sodium.h>

#include <cstring>
#include <new>

namespace rekindle::storage {

bool cryptoReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

SecretBytes::SecretBytes(size_t size) : m_size(size) {
    if (!cryptoReady()) throw std::bad_alloc();
    // sodium_malloc(0) is allowed but returns a guarded page; keep one byte so data() is always valid.
    m_data = static_cast<unsigned char*>(sodium_malloc(size == 0 ? 1 : size));
    if (!m_data) throw std::bad_alloc();
    sodium_memzero(m_data, size == 0 ? 1 : size);
}

SecretBytes::SecretBytes(const char* text, size_t size) : SecretBytes(size) {
    if (size) std::memcpy(m_data, text, size);
}

SecretBytes::~SecretBytes() {
    if (m_data) sodium_free(m_data);
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept : m_data(other.m_data), m_size(other.m_size) {
    other.m_data = nullptr;
    other.m_size = 0;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        if (m_data) sodium_free(m_data);
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_data = nullptr;
        other.m_size = 0;
    }
    return *this;
}

void SecretBytes::truncate(size_t size) {
    if (size >= m_size) return;
    sodium_memzero(m_data + size, m_size - size);
    m_size = size;
}

SecretBytes randomSecret(size_t size) {
    SecretBytes out(size);
    randombytes_buf(out.data(), size);
    return out;
}

void randomBytes(unsigned char* out, size_t size) {
    cryptoReady();
    randombytes_buf(out, size);
}

std::string toBase64(const unsigned char* bytes, size_t size) {
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::vector<unsigned char>> fromBase64(std::string_view text) {
    if (text.size() > 1 << 20) return std::nullopt;
    std::vector<unsigned char> out(text.size() / 4 * 3 + 3);
    size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(len);
    // Canonical only: one text per byte string, so a header cannot be re-encoded without changing its bytes.
    if (toBase64(out.data(), out.size()) != text) return std::nullopt;
    return out;
}

}  // namespace rekindle::storage
