// Plain pass-through today: the bytes on disk are the JSON the stores make. An at-rest encryption layer goes here.
#include "storage/user_file.hpp"

namespace rekindle::storage {

std::optional<std::string> readUserFile(const std::filesystem::path& path, std::string* error, size_t maxBytes) {
    return readFile(path, error, maxBytes, Links::Refuse);
}

bool writeUserFileAtomic(const std::filesystem::path& path, const std::string& bytes, std::string* error) {
    return writeFileAtomic(path, bytes, error);
}

bool writeNewUserFileAtomic(const std::filesystem::path& path, const std::string& bytes, std::string* error) {
    return writeNewFileAtomic(path, bytes, error);
}

}  // namespace rekindle::storage
