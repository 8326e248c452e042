// dl_iterate_phdr over loaded objects; RTLD_NOLOAD|RTLD_NODELETE pins the ones that are already there. The preload
// opens the driver exactly as Mesa's loader will (RTLD_NOW | RTLD_GLOBAL), so the later open finds it in place.
#include "platform/mesa_pin.hpp"

#include <dlfcn.h>
#include <link.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace rekindle::platform {

std::thread preloadGlDriver() {
    // NVIDIA's driver brings its own GL; loading Mesa there would only cost memory.
    if (::access("/proc/driver/nvidia", F_OK) == 0) return {};
    // Mesa looks in LIBGL_DRIVERS_PATH first (a colon-separated list), else in its build-time folder.
    std::string dir = REKINDLE_DRI_DIR;
    if (const char* env = std::getenv("LIBGL_DRIVERS_PATH"); env && *env) dir = std::string(env).substr(0, std::string(env).find(':'));
    std::string driver = dir + "/swrast_dri.so";
    if (::access(driver.c_str(), R_OK) != 0) return {};
    return std::thread([driver] { dlopen(driver.c_str(), RTLD_NOW | RTLD_GLOBAL); });
}

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
