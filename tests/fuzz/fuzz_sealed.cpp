// libFuzzer target: the sealed-file reader and the keyring parser, the two readers that see files an attacker can
// edit while the app is locked. Nothing may crash; anything that is not exactly what was sealed must fail to open.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "storage/crypto/keyring.hpp"
#include "storage/crypto/sealed_file.hpp"

using namespace rekindle;

namespace {

// A fixed key, so the seed corpus (tests/fuzz/seeds/sealed, made with it) starts from files that do open.
const storage::SecretBytes& fixedKey() {
    static const storage::SecretBytes key = [] {
        storage::SecretBytes k(storage::kDataKeyBytes);
        for (size_t i = 0; i < k.size(); ++i) k.data()[i] = static_cast<unsigned char>(i);
        return k;
    }();
    return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    storage::Opened o = storage::openSealed(bytes, fixedKey());
    if (o.status == storage::OpenStatus::Opened) {
        storage::Opened again = storage::openSealed(storage::sealBytes(o.plain, fixedKey()), fixedKey());
        fuzz::require(again.status == storage::OpenStatus::Opened && again.plain == o.plain, "re-sealed file opens");
    } else {
        fuzz::require(!o.error.empty() && o.plain.empty(), "a failed open says why and gives nothing");
    }
    fuzz::require(storage::looksSealed(bytes) || o.status == storage::OpenStatus::Malformed, "only sealed files open");

    std::string error;
    auto k = storage::keyringFromJson(std::string(bytes), &error);
    if (k) {
        auto back = storage::keyringFromJson(storage::keyringToJson(*k), &error);
        fuzz::require(back && back->salt == k->salt && back->nonce == k->nonce && back->wrappedKey == k->wrappedKey &&
                          back->limits == k->limits && back->conversion == k->conversion,
                      "keyring round trip keeps every field");
    } else {
        fuzz::require(!error.empty(), "a refused keyring says why");
    }
    return 0;
}
