// Argon2id (crypto_pwhash) turns the passphrase into a wrapping key; XChaCha20-Poly1305 wraps the random data key.
// The format tag and the KDF parameters are authenticated with the wrapped key, so none can be swapped unnoticed.
#include "storage/crypto/keyring.hpp"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "storage/crypto/sealed_file.hpp"
#include "storage/json_parse.hpp"

namespace rekindle::storage {

using nlohmann::json;

namespace {

// Bounds on limits read from a file: a hostile keyring must not make unlock take hours or ask for terabytes.
constexpr unsigned long long kMaxOps = 16;
constexpr size_t kMaxMem = size_t(2) << 30;

const char* conversionName(Conversion c) { return c == Conversion::Seal ? "seal" : c == Conversion::Open ? "open" : ""; }

std::string associatedData(const Keyring& k) {
    return std::string(kKeyringFormat) + "|argon2id13|" + std::to_string(k.limits.opslimit) + "|" +
           std::to_string(k.limits.memlimit) + "|" + toBase64(k.salt.data(), k.salt.size());
}

bool derive(const Keyring& k, const SecretBytes& passphrase, SecretBytes& wrapKey) {
    return crypto_pwhash(wrapKey.data(), wrapKey.size(), reinterpret_cast<const char*>(passphrase.data()),
                         passphrase.size(), k.salt.data(), k.limits.opslimit, k.limits.memlimit,
                         crypto_pwhash_ALG_ARGON2ID13) == 0;
}

std::vector<unsigned char> conversionTagFor(Conversion c, const std::vector<unsigned char>& wrappedKey,
                                           const SecretBytes& dataKey) {
    SecretBytes macKey(crypto_auth_KEYBYTES);
    crypto_kdf_derive_from_key(macKey.data(), macKey.size(), 1, "rkjournl", dataKey.data());
    std::string msg = std::string(kKeyringFormat) + "|conversion=" + conversionName(c) + "|" +
                      toBase64(wrappedKey.data(), wrappedKey.size());
    std::vector<unsigned char> tag(crypto_auth_BYTES);
    crypto_auth(tag.data(), reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), macKey.data());
    return tag;
}

}  // namespace

void markConversion(Keyring& k, Conversion c, const SecretBytes& dataKey) {
    k.conversion = c;
    k.conversionTag = c == Conversion::None ? std::vector<unsigned char>{} : conversionTagFor(c, k.wrappedKey, dataKey);
}

Conversion verifiedConversion(const Keyring& k, const SecretBytes& dataKey) {
    if (k.conversion == Conversion::None) return Conversion::None;
    auto expected = conversionTagFor(k.conversion, k.wrappedKey, dataKey);
    if (k.conversionTag.size() == expected.size() &&
        sodium_memcmp(k.conversionTag.data(), expected.data(), expected.size()) == 0)
        return k.conversion;
    return Conversion::Seal;
}

KdfLimits moderateKdfLimits() { return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}; }
KdfLimits minimalKdfLimits() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

KdfLimits kdfLimitsForNewKeys() {
#if REKINDLE_TEST_HOOKS
    const char* weak = std::getenv("REKINDLE_TEST_WEAK_KDF");
    if (weak && std::strcmp(weak, "1") == 0) return minimalKdfLimits();
#endif
    return moderateKdfLimits();
}

std::string keyringToJson(const Keyring& k) {
    json doc{{"format", kKeyringFormat},
             {"kdf", {{"algorithm", "argon2id13"},
                      {"salt", toBase64(k.salt.data(), k.salt.size())},
                      {"opslimit", k.limits.opslimit},
                      {"memlimit", k.limits.memlimit}}},
             {"wrappedKey", {{"algorithm", "xchacha20poly1305-ietf"},
                             {"nonce", toBase64(k.nonce.data(), k.nonce.size())},
                             {"ciphertext", toBase64(k.wrappedKey.data(), k.wrappedKey.size())}}}};
    if (k.conversion != Conversion::None) {
        doc["conversion"] = conversionName(k.conversion);
        doc["conversionTag"] = toBase64(k.conversionTag.data(), k.conversionTag.size());
    }
    return doc.dump(2) + "\n";
}

std::optional<Keyring> keyringFromJson(const std::string& text, std::string* error) {
    auto fail = [&](const std::string& why) -> std::optional<Keyring> {
        if (error) *error = "keyring.json: " + why;
        return std::nullopt;
    };
    json doc;
    JsonParseFailure failure;
    if (!parseJson(text, doc, failure)) return fail(describe(failure));  // the one parser: depth-limited, placed
    if (!doc.is_object()) return fail("not a JSON object");
    if (!doc.contains("format") || !doc["format"].is_string()) return fail("no format tag");
    std::string format = doc["format"].get<std::string>();
    if (format != kKeyringFormat)
        return fail(format.rfind("rekindle.keyring/", 0) == 0 ? "written by a newer Rekindle (" + format + ")"
                                                               : "not a Rekindle keyring");
    Keyring k;
    const json* kdf = doc.contains("kdf") && doc["kdf"].is_object() ? &doc["kdf"] : nullptr;
    const json* wrapped = doc.contains("wrappedKey") && doc["wrappedKey"].is_object() ? &doc["wrappedKey"] : nullptr;
    if (!kdf || !wrapped) return fail("kdf and wrappedKey objects are required");
    auto str = [](const json& o, const char* key) { return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string(); };
    auto uint = [](const json& o, const char* key) {
        return o.contains(key) && o[key].is_number_unsigned() ? o[key].get<unsigned long long>() : 0ULL;
    };
    if (str(*kdf, "algorithm") != "argon2id13") return fail("/kdf/algorithm must be argon2id13");
    if (str(*wrapped, "algorithm") != "xchacha20poly1305-ietf") return fail("/wrappedKey/algorithm must be xchacha20poly1305-ietf");
    k.limits.opslimit = uint(*kdf, "opslimit");
    k.limits.memlimit = size_t(uint(*kdf, "memlimit"));
    if (k.limits.opslimit < crypto_pwhash_OPSLIMIT_MIN || k.limits.opslimit > kMaxOps)
        return fail("/kdf/opslimit out of range");
    if (k.limits.memlimit < crypto_pwhash_MEMLIMIT_MIN || k.limits.memlimit > kMaxMem)
        return fail("/kdf/memlimit out of range");
    auto salt = fromBase64(str(*kdf, "salt"));
    auto nonce = fromBase64(str(*wrapped, "nonce"));
    auto cipher = fromBase64(str(*wrapped, "ciphertext"));
    if (!salt || salt->size() != crypto_pwhash_SALTBYTES) return fail("/kdf/salt is not 16 bytes of base64");
    if (!nonce || nonce->size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES) return fail("/wrappedKey/nonce is not 24 bytes of base64");
    if (!cipher || cipher->size() != kDataKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return fail("/wrappedKey/ciphertext is not 48 bytes of base64");
    k.salt = std::move(*salt);
    k.nonce = std::move(*nonce);
    k.wrappedKey = std::move(*cipher);
    if (doc.contains("conversion")) {
        std::string c = doc["conversion"].is_string() ? doc["conversion"].get<std::string>() : "";
        if (c == "seal") k.conversion = Conversion::Seal;
        else if (c == "open") k.conversion = Conversion::Open;
        else return fail("/conversion must be \"seal\" or \"open\"");
        auto tag = doc.contains("conversionTag") && doc["conversionTag"].is_string()
                       ? fromBase64(doc["conversionTag"].get<std::string>()) : std::nullopt;
        if (tag) k.conversionTag = std::move(*tag);  // checked once the data key is known
    }
    return k;
}

bool wrapDataKey(const SecretBytes& dataKey, const SecretBytes& passphrase, KdfLimits limits, Keyring& out,
                 std::string* error) {
    if (!cryptoReady()) {
        if (error) *error = "the cryptography library could not start";
        return false;
    }
    Keyring k;
    k.limits = limits;
    k.salt.resize(crypto_pwhash_SALTBYTES);
    randomBytes(k.salt.data(), k.salt.size());
    k.nonce.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randomBytes(k.nonce.data(), k.nonce.size());
    SecretBytes wrapKey(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (!derive(k, passphrase, wrapKey)) {
        if (error) *error = "not enough memory to derive the key from the passphrase";
        return false;
    }
    std::string ad = associatedData(k);
    k.wrappedKey.resize(dataKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(k.wrappedKey.data(), &len, dataKey.data(), dataKey.size(),
                                               reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
                                               k.nonce.data(), wrapKey.data());
    k.wrappedKey.resize(size_t(len));
    markConversion(k, out.conversion, dataKey);  // the tag names the wrapped key, so it is made again
    out = std::move(k);
    return true;
}

Unwrapped unwrapDataKey(const Keyring& k, const SecretBytes& passphrase) {
    Unwrapped out;
    if (!cryptoReady()) {
        out.status = UnwrapStatus::OutOfMemory;
        return out;
    }
    SecretBytes wrapKey(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (!derive(k, passphrase, wrapKey)) {
        out.status = UnwrapStatus::OutOfMemory;
        return out;
    }
    SecretBytes dataKey(kDataKeyBytes);
    std::string ad = associatedData(k);
    unsigned long long len = 0;
    if (k.wrappedKey.size() != kDataKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        crypto_aead_xchacha20poly1305_ietf_decrypt(dataKey.data(), &len, nullptr, k.wrappedKey.data(),
                                                   k.wrappedKey.size(), reinterpret_cast<const unsigned char*>(ad.data()),
                                                   ad.size(), k.nonce.data(), wrapKey.data()) != 0) {
        out.status = UnwrapStatus::WrongPassphrase;
        return out;
    }
    out.status = UnwrapStatus::Ok;
    out.dataKey = std::move(dataKey);
    return out;
}

}  // namespace rekindle::storage
