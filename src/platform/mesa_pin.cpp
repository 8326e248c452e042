// dl_iterate_phdr over loaded objects; RTLD_NOLOAD|RTLD_NODELETE pins the ones that are already there.
#include "platform/mesa_pin.hpp"

#include <dlfcn.h>
#include <link.h>

#include <cstring>
#include <string>
#include <vector>

namespace rekindle::platform {

void pinGlDriverModules() {
    std::vector<std::string> names;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* data) {
            const char* n = info->dlpi_name;
            if (n && (std::strstr(n, "dri") || std::strstr(n, "libLLVM") || std::strstr(n, "libgallium") ||
                      std::strstr(n, "libglapi")))
                static_cast<std::vector<std::string>*>(data)->push_back(n);
            return 0;
        },
        &names);
    for (const auto& n : names) dlopen(n.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
}

}  // namespace rekindle::platform
