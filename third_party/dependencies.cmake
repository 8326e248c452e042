# Wraps Debian's packaged libraries as CMake targets; no third-party source lives here.
find_package(PkgConfig REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(glfw3 3.3 REQUIRED)
find_package(OpenGL REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
if(REKINDLE_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()

# glad2 is called directly: a pyenv python3 shim may come first on PATH and lack the module.
find_program(GLAD_EXECUTABLE glad PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT GLAD_EXECUTABLE)
  find_program(GLAD_EXECUTABLE glad REQUIRED)
endif()
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/include/glad/gl.h
  COMMAND ${GLAD_EXECUTABLE} --quiet --reproducible --api gl:core=3.3 --extensions= --out-path ${GLAD_OUT} c
  COMMENT "Generating the GL 3.3 core loader with glad2"
  VERBATIM)
add_library(rekindle_glad STATIC ${GLAD_OUT}/src/gl.c)
target_include_directories(rekindle_glad PUBLIC ${GLAD_OUT}/include)
set_target_properties(rekindle_glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_compile_options(rekindle_glad PRIVATE -w)
# The generated loader is not ours to check, and GCC 12's ASan records a source's path as given on the command line
# (absolute here, being in the build tree) where no -ffile-prefix-map reaches it: the install test would find the
# build folder named in a sanitizer build's binary.
if(REKINDLE_SANITIZE)
  target_compile_options(rekindle_glad PRIVATE -fno-sanitize=all)
endif()

# Dear ImGui from libimgui.a (core, widgets, stdlib, FreeType). The OpenGL3 backend is compiled here against
# glad's header instead of the archive's copy: 1.86's bundled loader has an off-by-one that UBSan reports.
set(IMGUI_BACKEND_SRC /usr/share/doc/libimgui-dev/examples/backends)
add_library(rekindle_imgui INTERFACE)
target_link_libraries(rekindle_imgui INTERFACE PkgConfig::IMGUI PkgConfig::FREETYPE)
target_include_directories(rekindle_imgui INTERFACE /usr/include/imgui /usr/include/imgui/backends)
target_compile_definitions(rekindle_imgui INTERFACE IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

add_library(rekindle_imgui_backends STATIC
  ${IMGUI_BACKEND_SRC}/imgui_impl_opengl3.cpp
  ${IMGUI_BACKEND_SRC}/imgui_impl_glfw.cpp)
target_link_libraries(rekindle_imgui_backends PUBLIC rekindle_imgui rekindle_glad glfw OpenGL::GL ${CMAKE_DL_LIBS})
target_compile_definitions(rekindle_imgui_backends PRIVATE IMGUI_IMPL_OPENGL_LOADER_CUSTOM)
target_compile_options(rekindle_imgui_backends PRIVATE -w)
set_source_files_properties(${IMGUI_BACKEND_SRC}/imgui_impl_opengl3.cpp PROPERTIES COMPILE_OPTIONS "-include;glad/gl.h")

add_library(rekindle_fonts INTERFACE)
target_link_libraries(rekindle_fonts INTERFACE PkgConfig::FONTCONFIG PkgConfig::FREETYPE)
