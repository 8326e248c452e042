// The header is fixed byte for byte, so it is parsed by comparison rather than by a JSON parser: there is one way
// to write it, and the same bytes are what the AEAD authenticates.
#include "storage/crypto/sealed_file.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace rekindle::storage {

namespace {

constexpr std::string_view kAnyVersionPrefix = R"({"format":"rekindle.sealed/)";
constexpr std::string_view kHeaderStart = R"({"format":"rekindle.sealed/1","nonce":")";
constexpr std::string_view kHeaderEnd = "\"}\n";
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kNonceBase64 = (kNonceBytes + 2) / 3 * 4;  // 24 bytes -> 32 characters, no padding
constexpr size_t kHeaderBytes = kHeaderStart.size() + kNonceBase64 + kHeaderEnd.size();

}  // namespace

bool looksSealed(std::string_view bytes) { return bytes.substr(0, kAnyVersionPrefix.size()) == kAnyVersionPrefix; }

std::string sealBytes(std::string_view plain, const SecretBytes& key) {
    unsigned char nonce[kNonceBytes];
    randomBytes(nonce, sizeof nonce);
    std::string out;
    out.reserve(kHeaderBytes + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    out += kHeaderStart;
    out += toBase64(nonce, sizeof nonce);
    out += kHeaderEnd;
    size_t headerSize = out.size();
    out.resize(headerSize + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(out.data() + headerSize), &written,
        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
        reinterpret_cast<const unsigned char*>(out.data()), headerSize, nullptr, nonce, key.data());
    out.resize(headerSize + size_t(written));
    return out;
}

Opened openSealed(std::string_view bytes, const SecretBytes& key) {
    Opened out;
    if (!looksSealed(bytes)) {
        out.error = "not a sealed file";
        return out;
    }
    if (bytes.substr(0, kHeaderStart.size()) != kHeaderStart) {
        size_t end = bytes.find('"', kAnyVersionPrefix.size());
        std::string version;
        for (char c : bytes.substr(kAnyVersionPrefix.size(), std::min<size_t>(end, 40) - kAnyVersionPrefix.size()))
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '.') version += c;
        out.status = OpenStatus::NewerFormat;
        out.error = "sealed in format rekindle.sealed/" + version + ", which this version of Rekindle cannot open";
        return out;
    }
    if (bytes.size() < kHeaderBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        bytes.substr(kHeaderStart.size() + kNonceBase64, kHeaderEnd.size()) != kHeaderEnd) {
        out.status = OpenStatus::AuthFailed;  // a cut-off or edited header: the same verdict as a bad tag
        out.error = kSealedAuthFailure;
        return out;
    }
    auto nonce = fromBase64(bytes.substr(kHeaderStart.size(), kNonceBase64));
    if (!nonce || nonce->size() != kNonceBytes || key.size() != kDataKeyBytes) {
        out.status = OpenStatus::AuthFailed;
        out.error = kSealedAuthFailure;
        return out;
    }
    std::string_view cipher = bytes.substr(kHeaderBytes);
    out.plain.resize(cipher.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long plainLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(out.plain.data()), &plainLen, nullptr,
            reinterpret_cast<const unsigned char*>(cipher.data()), cipher.size(),
            reinterpret_cast<const unsigned char*>(bytes.data()), kHeaderBytes, nonce->data(), key.data()) != 0) {
        out.plain.clear();
        out.status = OpenStatus::AuthFailed;
        out.error = kSealedAuthFailure;
        return out;
    }
    out.plain.resize(size_t(plainLen));
    out.status = OpenStatus::Opened;
    return out;
}

}  // namespace rekindle::storage
